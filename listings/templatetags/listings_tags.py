"""Template helpers for listings: salaries in yen, Markdown, JSON-LD, country lists."""

import functools
import json

from django import template
from django.utils import formats, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django_countries import countries

from jobboard.markdown import render_markdown
from listings.reference import reference_data

register = template.Library()


def _number(value: int) -> str:
    return formats.number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


def _isolated(text: str) -> str:
    """Keep a run of digits left to right inside right-to-left text, so that "200,000–250,000"
    never reads as "250,000–200,000" in Urdu (Unicode isolates; invisible, and safe in email)."""
    return f"\u2066{text}\u2069" if translation.get_language_bidi() else text


@register.filter
def yen(value) -> str:
    """An amount in yen the way the page's language writes it: ¥250,000 or 250,000円."""
    if value in (None, ""):
        return ""
    return _isolated(_("¥%(amount)s") % {"amount": _number(value)})


@register.simple_tag
def salary(listing) -> str:
    """The salary range and its period: "¥200,000–¥250,000 per month" in English,
    "月給 200,000円〜250,000円" in Japanese."""
    low, high, period = listing.salary_min, listing.salary_max, listing.salary_period
    if low == high:
        amount = yen(low)
    else:
        amount = _isolated(
            pgettext("salary range", "%(low)s–%(high)s") % {"low": yen(low), "high": yen(high)}
        )
    return {
        "hourly": _("%(amount)s per hour"),
        "monthly": _("%(amount)s per month"),
        "yearly": _("%(amount)s per year"),
    }[period] % {"amount": amount}


@register.simple_tag
def location(listing) -> str:
    """City and prefecture in the order each language writes an address (東京都 八王子市)."""
    pattern = pgettext("city and prefecture", "%(city)s, %(prefecture)s")
    return format_html(
        pattern.replace("%(city)s", "<bdi>{city}</bdi>").replace("%(prefecture)s", "{prefecture}"),
        city=listing.city,
        prefecture=listing.prefecture.name,
    )


@register.filter
def markdown(source: str):
    return render_markdown(source)


@register.filter
def json_ld(data: dict):
    """A JSON-LD block; <, > and & are escaped so the data cannot end the script element."""
    text = (
        json.dumps(data, ensure_ascii=False, sort_keys=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


@functools.lru_cache(maxsize=1024)
def _country_options(language: str, selected: str, memorandum: frozenset[str]) -> str:
    def options(pairs):
        return format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (code, mark_safe(" selected") if code == selected else "", name)
                for code, name in pairs
            ),
        )

    with translation.override(language):
        every = list(countries)
        return format_html(
            '<optgroup label="{}">{}</optgroup><optgroup label="{}">{}</optgroup>',
            _("Countries with an SSW agreement"),
            options((code, name) for code, name in every if code in memorandum),
            _("All countries"),
            options((code, name) for code, name in every if code not in memorandum),
        )


@register.simple_tag
def country_options(selected: str | None = "") -> str:
    """<option>s for every country in the page's language, SSW memorandum countries first;
    built once per language and choice, not on every request."""
    return _country_options(
        translation.get_language() or "en",
        selected or "",
        reference_data().memorandum_countries,
    )
