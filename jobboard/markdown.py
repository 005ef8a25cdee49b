"""Markdown written by users, rendered to HTML that cannot carry scripts."""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote",
    "code", "pre", "h2", "h3", "h4", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
MAX_SOURCE_LENGTH = 20_000
# Staff-written guides give their headings stable anchors ("## Step {#step-coe}") so other pages
# can link to a step. Only these prefixes: an id can never clash with the page's own ids.
HEADING_ID = re.compile(r"^(?:step|field|country|section)-[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING_ID_MAX_LENGTH = 64


# People start a list on the line right after a paragraph; Markdown needs a blank line there.
_LIST_AFTER_TEXT = re.compile(
    r"^((?![ \t]*(?:[-*+]|\d+\.)[ \t]).*\S.*)\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])", re.M
)


def _keep_heading_id(element: str, attribute: str, value: str) -> str | None:
    if attribute != "id":
        return value
    if len(value) <= HEADING_ID_MAX_LENGTH and HEADING_ID.match(value):
        return value
    return None


def render_markdown(source: str, *, heading_ids: bool = False) -> SafeString:
    """Render Markdown and sanitise the result: no scripts, no event handlers, safe links.

    `heading_ids` (staff-written guides only) keeps `{#step-…}` anchors on h2 and h3.
    """
    text = _LIST_AFTER_TEXT.sub(r"\1\n\n", (source or "")[:MAX_SOURCE_LENGTH])
    extensions = ["sane_lists", "tables"] + (["attr_list"] if heading_ids else [])
    html = markdown_lib.markdown(text, extensions=extensions)
    # Headings in user text start at h2: the page's own title is the only h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    attributes = {"*": set(), **ALLOWED_ATTRIBUTES}
    if heading_ids:
        attributes |= {"h2": {"id"}, "h3": {"id"}}
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        # "*" empty: nh3 would otherwise keep title and lang on every tag.
        attributes=attributes,
        attribute_filter=_keep_heading_id if heading_ids else None,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - nh3 has just sanitised it
