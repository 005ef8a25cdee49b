"""Cached counts of the public board, invalidated whenever the set of live listings changes."""

import hashlib

from django.core.cache import cache

BOARD_VERSION_KEY = "listings:board-version"
COUNTS_SECONDS = 5 * 60  # also bounds how long a listing that expired by time is still counted


def board_version() -> int:
    return cache.get_or_set(BOARD_VERSION_KEY, 1, timeout=None)


def board_changed() -> None:
    """A listing was published, changed, closed or expired: drop every cached count."""
    try:
        cache.incr(BOARD_VERSION_KEY)
    except ValueError:  # the key was evicted or never set
        cache.set(BOARD_VERSION_KEY, 2, timeout=None)


def _key(querystring: str) -> str:
    digest = hashlib.sha256(querystring.encode()).hexdigest()[:32]
    return f"listings:counts:{board_version()}:{digest}"


def get_counts(querystring: str) -> dict | None:
    return cache.get(_key(querystring))


def set_counts(querystring: str, counts: dict) -> None:
    cache.set(_key(querystring), counts, COUNTS_SECONDS)
