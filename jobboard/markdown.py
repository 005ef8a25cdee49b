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


# People start a list on the line right after a paragraph; Markdown needs a blank line there.
_LIST_AFTER_TEXT = re.compile(
    r"^((?![ \t]*(?:[-*+]|\d+\.)[ \t]).*\S.*)\n(?=[ \t]*(?:[-*+]|\d+\.)[ \t])", re.M
)


def render_markdown(source: str) -> SafeString:
    """Render Markdown and sanitise the result: no scripts, no event handlers, safe links."""
    text = _LIST_AFTER_TEXT.sub(r"\1\n\n", (source or "")[:MAX_SOURCE_LENGTH])
    html = markdown_lib.markdown(text, extensions=["sane_lists", "tables"])
    # Headings in user text start at h2: the page's own title is the only h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        # "*" empty: nh3 would otherwise keep title and lang on every tag.
        attributes={"*": set(), **ALLOWED_ATTRIBUTES},
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - nh3 has just sanitised it
