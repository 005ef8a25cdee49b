"""Reading rendered pages as a moderator sees them: text, changelist rows, messages, forms."""

import re
from html import unescape
from html.parser import HTMLParser

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

QUEUE = "/admin/listings/listingforreview/"
LISTINGS_ADMIN = "/admin/listings/listing/"
COMPANIES_ADMIN = "/admin/listings/company/"
REPORTS_ADMIN = "/admin/listings/abusereport/"


def _plain(html: str) -> str:
    # Boolean columns are icons: keep their alt text ("True"/"False") as the cell's text.
    html = re.sub(r"<img[^>]*?\balt=\"([^\"]*)\"[^>]*>", r" \1 ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def page_text(response) -> str:
    """The page as text: tags dropped, entities decoded, spaces (also no-break) collapsed."""
    return _plain(response.content.decode())


def changelist_rows(response) -> list[dict[str, str]]:
    """Each row of an admin changelist as {field name: cell text}, in the order shown."""
    html = response.content.decode()
    body = re.search(r'<table id="result_list">.*?<tbody>(.*?)</tbody>', html, re.S)
    if body is None:
        return []
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S):
        cells = {}
        for _tag, attrs, inner in re.findall(r"<t([hd])([^>]*)>(.*?)</t\1>", row, re.S):
            field = re.search(r'class="[^"]*\bfield-(\w+)', attrs)
            if field:
                cells[field.group(1)] = _plain(inner)
        rows.append(cells)
    return rows


def admin_messages(response) -> list[str]:
    """The messages the admin shows at the top of the page."""
    html = response.content.decode()
    found = re.search(r'<ul class="messagelist">(.*?)</ul>', html, re.S)
    return (
        [_plain(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", found.group(1), re.S)]
        if found
        else []
    )


def table_after(response, heading: str) -> list[list[str]]:
    """The body rows of the first table that follows `heading` on the page."""
    html = response.content.decode()
    start = html.index(heading)
    body = re.search(r"<tbody>(.*?)</tbody>", html[start:], re.S)
    return [
        [_plain(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S)
    ]


def action_data(action: str, objects, **fields) -> dict:
    """The POST of an admin changelist action on `objects`."""
    return {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], **fields}


class _Forms(HTMLParser):
    """Collects what a browser would submit for each form on a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._fields = []
            self.forms.append(self._fields)
        if self._fields is None or "disabled" in attrs:
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if not attrs.get("name") or kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._fields.append((attrs["name"], attrs.get("value") or "on"))
                return
            self._fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select":
            self._select = {"name": attrs.get("name"), "multiple": "multiple" in attrs, "opts": []}
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": "",
            }
            self._select["opts"].append(self._option)
        elif tag == "textarea":
            self._textarea = [attrs.get("name"), ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            select, self._select = self._select, None
            chosen = [option for option in select["opts"] if option["selected"]]
            if not chosen and not select["multiple"]:
                chosen = select["opts"][:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"]
                if select["name"] and self._fields is not None:
                    self._fields.append((select["name"], value))
        elif tag == "textarea" and self._textarea is not None:
            (name, text), self._textarea = self._textarea, None
            # Browsers drop the newline that follows <textarea>.
            text = text[1:] if text.startswith("\n") else text
            if name and self._fields is not None:
                self._fields.append((name, text))


def form_data(response, *, field: str) -> dict[str, list[str]]:
    """What submitting, unchanged, the page's form that has `field` would send."""
    parser = _Forms()
    parser.feed(response.content.decode())
    for fields in parser.forms:
        if any(name == field for name, _value in fields):
            data: dict[str, list[str]] = {}
            for name, value in fields:
                data.setdefault(name, []).append(value)
            return data
    raise AssertionError(f"No form with a {field!r} field on the page.")


def sent_to(mailoutbox, subject_part: str) -> list[str]:
    """Who received an email whose subject contains `subject_part`, sorted."""
    return sorted(
        address
        for message in mailoutbox
        if subject_part in message.subject
        for address in message.to
    )


def listed(response) -> list[str]:
    """The titles (first column) of the rows of a listing changelist, in order."""
    return [row["__str__"] for row in changelist_rows(response)]
