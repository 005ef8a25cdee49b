"""The Redis cache, falling back to a per-process memory cache while Redis is unreachable.

django-redis's IGNORE_EXCEPTIONS turns an outage into misses, but also makes `add` and `incr`
answer None: allauth's lock then never succeeds (every log-in is refused as rate limited) and
django-ratelimit fails closed (every limited action answers 429). Falling back to local memory
keeps those working, per process, until Redis answers again.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)


class ResilientRedisCache(RedisCache):
    """django-redis for the Django cache API (get, set, add, incr, …), with a local memory
    stand-in during outages; django-redis extras (ttl, lock, keys, …) have none."""

    # After a failure, Redis is left alone this long: a blackholed server would otherwise cost
    # its connect timeout on every call.
    RETRY_AFTER_SECONDS = 5.0
    FALLBACK_MAX_ENTRIES = 10_000

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = False  # outages are handled below, not swallowed
        self._fallback = LocMemCache(
            f"redis-fallback:{server}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "OPTIONS": {"MAX_ENTRIES": self.FALLBACK_MAX_ENTRIES},
            },
        )
        self._down_until = 0.0

    @property
    def redis_is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, name, *args, **kwargs):
        if self.redis_is_down:
            return getattr(self._fallback, name)(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except OUTAGE_ERRORS as exc:
            if not self._down_until:
                logger.warning("Redis cache unreachable, using local memory meanwhile: %s", exc)
            self._down_until = time.monotonic() + self.RETRY_AFTER_SECONDS
            return getattr(self._fallback, name)(*args, **kwargs)
        if self._down_until:
            logger.warning("Redis cache reachable again")
            self._down_until = 0.0
            # What was stored during the outage must not resurface in the next one.
            self._fallback.clear()
        return result

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call("decr", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def clear(self):
        self._fallback.clear()
        return self._call("clear")
