"""Reads behind the guide pages."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation

from guides.models import Guide, GuideTranslation
from listings.models import Listing

MAX_KEY_LENGTH = 64


@dataclass
class GuidePage:
    guide: Guide
    translation: GuideTranslation
    # False when the page falls back to English because this language has no version yet.
    in_requested_language: bool


def _with_translation(guides):
    """Guides with the current language's version and the English one (the fallback)."""
    language = translation.get_language()
    languages = {language, settings.LANGUAGE_CODE}
    return guides.prefetch_related(
        Prefetch(
            "translations",
            queryset=GuideTranslation.objects.filter(language__in=languages),
            to_attr="available_translations",
        )
    )


def _pick(guide: Guide) -> tuple[GuideTranslation | None, bool]:
    by_language = {item.language: item for item in guide.available_translations}
    wanted = by_language.get(translation.get_language())
    if wanted is not None:
        return wanted, True
    return by_language.get(settings.LANGUAGE_CODE), False


def guide_page(kind: str, key: str) -> GuidePage | None:
    """The published guide of `kind` at `key`, in the current language; None when there is none."""
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    guide = (
        _with_translation(Guide.objects.published().select_related("sector"))
        .filter(kind=kind, key=key)
        .first()
    )
    if guide is None:
        return None
    chosen, in_language = _pick(guide)
    if chosen is None:
        return None
    return GuidePage(guide, chosen, in_language)


def guide_menu() -> dict[str, list[tuple[Guide, str]]]:
    """Every published field and country guide with its title in the current language."""
    menu = {Guide.Kind.FIELD: [], Guide.Kind.COUNTRY: []}
    guides = _with_translation(
        Guide.objects.published().filter(kind__in=menu.keys()).order_by("sort_order", "key")
    )
    for guide in guides:
        chosen, _in_language = _pick(guide)
        if chosen is not None:
            menu[guide.kind].append((guide, chosen.title))
    return {"fields": menu[Guide.Kind.FIELD], "countries": menu[Guide.Kind.COUNTRY]}


def open_listing_count(sector_id: int) -> int:
    """Live listings in a sector, counted now (a field page shows it with a link to them)."""
    return Listing.objects.live().filter(sector_id=sector_id).count()
