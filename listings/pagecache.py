"""Whole public pages for anonymous visitors, cached until the board changes.

Only a request with nobody logged in and no message waiting shares a cached page, so nothing
private can be in it. The key holds the board version (listings.cache), which every publish,
edit, close, expiry and company change bumps; settings.PAGE_CACHE_SECONDS bounds the rest (a
listing passing its expiry time before the expiry task runs). The CSRF token in a page's forms
belongs to whoever rendered it, so it is stored as a placeholder and each visitor gets their
own. A fresh page for such a visitor reads from the read replica when there is one.
"""

import functools
import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from jobboard.db_router import replica_reads
from listings.cache import board_version

_TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = b"\x00csrf-token\x00"
# Headers a view sets that the copy must keep; middleware adds the rest on every response.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "X-Robots-Tag")


def _shareable(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    if "messages" in request.COOKIES:
        return False
    return not (settings.SESSION_COOKIE_NAME in request.COOKIES and "_messages" in request.session)


def _key(request) -> str:
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:40]
    return f"page:{board_version()}:{get_language()}:{digest}"


def _storable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")  # a view that decided for itself
    )


def _freeze(response) -> dict:
    return {
        "content": _TOKEN_FIELD.sub(rb"\1" + _PLACEHOLDER + rb"\2", response.content),
        "headers": {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)},
    }


def _thaw(stored: dict, request) -> HttpResponse:
    content = stored["content"]
    if _PLACEHOLDER in content:
        content = content.replace(_PLACEHOLDER, get_token(request).encode())
    return HttpResponse(content, headers=stored["headers"])


def anonymous_page(view):
    """Serve `view`'s 200 pages to anonymous visitors from the cache."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _shareable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _thaw(stored, request)
        with replica_reads():
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
        if _storable(response):
            cache.set(key, _freeze(response), seconds)
        return response

    return wrapper
