"""Project-wide views: the health check, the rate-limit page and the language switch."""

import logging
import sys
from urllib.parse import urlsplit

from django import db
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.defaults import server_error as django_server_error
from django.views.i18n import set_language as django_set_language

from accounts.services import user_set_preferred_language
from jobboard.ratelimits import allauth_retry_after, too_many_requests

logger = logging.getLogger(__name__)


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database unreachable")
        return "error"
    return "ok"


def _redis_status() -> str:
    import redis

    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
    except redis.RedisError:
        logger.warning("Health check: Redis unreachable")
        return "error"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """Report the database and, when configured, Redis; 503 when any of them fails."""
    checks = {"database": _database_status()}
    if settings.REDIS_URL:
        checks["redis"] = _redis_status()
    healthy = all(status == "ok" for status in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )


def rate_limited(request, exception=None):
    """The 429 page for allauth's limits (log-in, sign-up, password reset): `handler429`."""
    return too_many_requests(request, retry_after=allauth_retry_after(request))


@require_POST
def set_language(request):
    """Django's set_language, which also keeps the page and its query in the new language and
    remembers the choice on the signed-in user's account (the site and emails follow it)."""
    next_path = urlsplit(request.POST.get("next", "")).path
    with translation.override(
        translation.get_language_from_path(next_path) or translation.get_language()
    ):
        response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_set_preferred_language(user=request.user, language=language)
    return response


DATABASE_DOWN_RETRY_AFTER_SECONDS = 30


def server_error(request):
    """The 500 page (`handler500`); a database outage answers 503 with Retry-After instead, so
    load balancers, crawlers and monitors know to come back soon."""
    response = django_server_error(request)
    if isinstance(sys.exc_info()[1], (db.OperationalError, db.InterfaceError)):
        response.status_code = 503
        response["Retry-After"] = str(DATABASE_DOWN_RETRY_AFTER_SECONDS)
    return response
