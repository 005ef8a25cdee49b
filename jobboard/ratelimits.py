"""Abuse limits for this site's own actions, with a 429 page that says when to try again.

Log-in, sign-up and password reset use allauth's limits (ACCOUNT_RATE_LIMITS); the page for
those comes from `jobboard.urls.handler429`. Counts live in the cache (Redis in production).
"""

import functools
import math

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage


def too_many_requests(request, *, retry_after: int):
    """The 429 page: how long to wait, in minutes, and the same in a Retry-After header."""
    retry_after = max(int(retry_after), 1)
    response = render(
        request, "429.html", {"retry_minutes": math.ceil(retry_after / 60)}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


def rate_limit(group: str, *, methods: tuple[str, ...] = ("POST",)):
    """Refuse a view's requests past settings.RATE_LIMITS[group] for one person (signed in)
    or one IP address (anonymous), in django-ratelimit's fixed windows."""

    def decorator(view):
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            if request.method in methods:
                rate = settings.RATE_LIMITS[group]
                usage = get_usage(
                    request, group=group, key="user_or_ip", rate=rate, increment=True
                )
                if usage and usage["should_limit"]:
                    return too_many_requests(request, retry_after=usage["time_left"])
            return view(request, *args, **kwargs)

        return limited

    return decorator


# allauth's actions behind each of its URLs, for the wait its 429 page announces.
_ALLAUTH_ACTIONS = {
    "account_login": ("login", "login_failed"),
    "account_signup": ("signup",),
    "account_reset_password": ("reset_password",),
    "account_reset_password_from_key": ("reset_password_from_key",),
    "account_change_password": ("change_password",),
    "account_confirm_email": ("confirm_email",),
}
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _window_seconds(rate: str) -> int:
    """The window of an allauth rate such as "5/5m/key" or "30/m/ip", in seconds."""
    period = rate.split("/")[1].strip()
    return int(period[:-1] or 1) * _SECONDS[period[-1]]


def allauth_window(*actions: str) -> int:
    """At most how long allauth's limits on `actions` last: the longest window (they slide)."""
    rates = ",".join(settings.ACCOUNT_RATE_LIMITS.get(action) or "" for action in actions)
    return max((_window_seconds(rate) for rate in rates.split(",") if rate), default=3600)


def allauth_retry_after(request) -> int:
    match = request.resolver_match
    return allauth_window(*_ALLAUTH_ACTIONS.get(match.url_name if match else "", ()))
