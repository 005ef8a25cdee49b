"""Language-prefixed URLs: the same page in another language, and the signed-in user's choice."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import translate_url
from django.utils import translation


def path_in_language(url: str, language: str) -> str:
    """`url` (path and query) as it reads in `language`; unchanged when it names no page.

    Django resolves a prefixed path only while its own language is active, so resolve it in
    the language of its prefix, whatever language the current request is in.
    """
    current = translation.get_language_from_path(urlsplit(url).path)
    if not current:
        return url
    with translation.override(current):
        return translate_url(url, language)


def language_alternates(request: HttpRequest) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every language of the page, and the unprefixed URL as
    x-default (it redirects by the reader's language); empty for pages outside the prefix."""
    full_path = request.get_full_path()
    current = translation.get_language_from_path(request.path_info)
    if not current:
        return []
    alternates = []
    for code, _name in settings.LANGUAGES:
        translated = path_in_language(full_path, code)
        if translation.get_language_from_path(urlsplit(translated).path) != code:
            return []  # not a page every language has
        alternates.append((code, settings.SITE_URL + translated))
    unprefixed = full_path.removeprefix(f"/{current}")
    alternates.append(("x-default", settings.SITE_URL + unprefixed))
    return alternates


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, with the signed-in user's saved language for URLs without a prefix.

    Order for an unprefixed URL: a choice made on this browser (the language cookie), then the
    account's preferred language, then Accept-Language, then English. A prefixed URL always
    wins: a shared link opens in the language it was shared in. Sits after the authentication
    middleware so that it can read the user.
    """

    def process_request(self, request):
        super().process_request(request)
        if translation.get_language_from_path(request.path_info):
            return
        if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
            return
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return
        preferred = user.preferred_language
        if preferred in dict(settings.LANGUAGES):
            translation.activate(preferred)
            request.LANGUAGE_CODE = preferred
