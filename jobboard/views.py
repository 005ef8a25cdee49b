"""Project-wide views: the health check."""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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
    """The page for requests refused by a rate limit (django-ratelimit's RATELIMIT_VIEW)."""
    return render(request, "429.html", {"retry_minutes": 60}, status=429)
