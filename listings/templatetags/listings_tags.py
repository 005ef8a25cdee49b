"""Template helpers for listings: salaries in yen, Markdown, JSON-LD, country lists."""

import functools
import json

from django import template
from django.utils import formats, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_countries import countries

from jobboard.markdown import render_markdown
from listings.reference import reference_data

register = template.Library()

# Japanese ads put the period first: 時給 1,200円, 月給 250,000円, 年収 4,000,000円.
_JA_PERIOD = {"hourly": "時給", "monthly": "月給", "yearly": "年収"}


def _number(value: int) -> str:
    return formats.number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


@register.filter
def yen(value) -> str:
    if value in (None, ""):
        return ""
    if translation.get_language() == "ja":
        return f"{_number(value)}円"
    return f"¥{_number(value)}"


@register.simple_tag
def salary(listing) -> str:
    """The salary range with its period, written the way each language writes it."""
    low, high, period = listing.salary_min, listing.salary_max, listing.salary_period
    if translation.get_language() == "ja":
        amount = yen(low) if low == high else f"{yen(low)}〜{yen(high)}"
        return f"{_JA_PERIOD[period]} {amount}"
    amount = yen(low) if low == high else f"{yen(low)}–{yen(high)}"
    return {
        "hourly": _("%(amount)s per hour"),
        "monthly": _("%(amount)s per month"),
        "yearly": _("%(amount)s per year"),
    }[period] % {"amount": amount}


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
