"""Links from listing pages to the guide steps that matter for them."""

from django import template

from guides import links
from jobboard.markdown import render_markdown

register = template.Library()


@register.inclusion_tag("guides/_listing_links.html")
def listing_guide_links(listing):
    return {"listing": listing, "links": dict(links.listing_guide_links(listing))}


@register.filter
def guide_markdown(source: str):
    """Staff-written guide text: sanitised Markdown that keeps its step anchors."""
    return render_markdown(source, heading_ids=True)
