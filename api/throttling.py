"""Request rates of the API: per IP address for the public reads, per token for employers.

The rates are settings (API_READ_RATE, API_EMPLOYER_RATE) read on every request, so that
tests can change them; None switches a limit off. Counts live in the cache (Redis in
production). DRF answers 429 with Retry-After.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ReadThrottle(SimpleRateThrottle):
    scope = "api-read"

    def get_rate(self):
        return settings.API_READ_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class EmployerThrottle(SimpleRateThrottle):
    scope = "api-employer"

    def get_rate(self):
        return settings.API_EMPLOYER_RATE

    def get_cache_key(self, request, view):
        token = request.auth
        if token is None:
            return None  # refused by authentication anyway
        return self.cache_format % {"scope": self.scope, "ident": token.pk}
