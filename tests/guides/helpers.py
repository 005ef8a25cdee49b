"""Following links the way a reader does: the page answers 200 and the anchor is on it."""

import re
from html import unescape
from urllib.parse import urlsplit


def hrefs(html: str, css_class: str) -> list[str]:
    """The href of every link inside the elements with `css_class` (links carry no class)."""
    found = []
    for block in re.findall(
        rf'class="[^"]*\b{css_class}\b[^"]*"[^>]*>(.*?)</section>', html, re.S
    ):
        found += [unescape(href) for href in re.findall(r'href="([^"]+)"', block)]
    return found


def assert_link_resolves(client, href: str) -> str:
    """GET the link's page; it answers 200 and, when the link names an anchor, has that id."""
    parts = urlsplit(href)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200, href
    html = response.content.decode()
    if parts.fragment:
        assert f'id="{parts.fragment}"' in html, f"{href}: no element with that id"
    return html
