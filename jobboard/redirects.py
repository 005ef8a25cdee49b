"""Where a `next` parameter may send people: only to this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def same_site(request, url: str) -> bool:
    """True for a path on this site (or a URL of this host over the request's scheme)."""
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
