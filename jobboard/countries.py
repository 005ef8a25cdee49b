"""Country names in Urdu: django-countries ships no Urdu catalogue, so take CLDR's (via Babel)."""

import functools

from babel import Locale
from django.utils import translation
from django.utils.functional import lazy
from django_countries.base import CountriesBase
from django_countries.data import COUNTRIES


@functools.cache
def _urdu_names() -> dict[str, str]:
    return dict(Locale("ur").territories)


def _country_name(code: str) -> str:
    if translation.get_language() == "ur" and code in _urdu_names():
        return _urdu_names()[code]
    # django-countries' own name otherwise: its common name ("Vietnam") where it has one.
    return str(CountriesBase.COMMON_NAMES.get(code) or COUNTRIES[code])


# For COUNTRIES_OVERRIDE: every name stays lazy, so each page shows its own language's.
COUNTRY_NAMES = {code: lazy(_country_name, str)(code) for code in COUNTRIES}
