"""Every URL of the project, with the response each kind of visitor gets.

A URL pattern that is added without a row here fails `test_every_url_is_in_the_matrix`.
Admin URLs are left to the admin's own tests.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.accounts.factories import EmployerFactory, SeekerFactory, StaffFactory

ANONYMOUS, SEEKER, EMPLOYER, STAFF = "anonymous", "seeker", "employer", "staff"
ROLES = (ANONYMOUS, SEEKER, EMPLOYER, STAFF)
USER_FACTORIES = {SEEKER: SeekerFactory, EMPLOYER: EmployerFactory, STAFF: StaffFactory}
EXCLUDED_NAMESPACES = {"admin"}


@dataclass(frozen=True)
class Row:
    """Expected GET status per role; `kwargs` fill the URL's parameters."""

    anonymous: int
    seeker: int
    employer: int
    staff: int
    kwargs: dict = field(default_factory=dict)

    def expected(self, role: str) -> int:
        return getattr(self, role)


def everyone(status: int, **kwargs) -> Row:
    return Row(status, status, status, status, kwargs)


def logged_in_only(status: int = 200, **kwargs) -> Row:
    return Row(302, status, status, status, kwargs)


def anonymous_only(**kwargs) -> Row:
    # allauth sends logged-in people away from the log-in and sign-up forms.
    return Row(200, 302, 302, 302, kwargs)


MATRIX: dict[str, Row] = {
    "home": everyone(200),
    "healthz": everyone(200),
    "set_language": everyone(302),
    "account_signup": anonymous_only(),
    "account_login": anonymous_only(),
    "account_logout": Row(302, 200, 200, 200),
    "account_inactive": everyone(200),
    "account_reauthenticate": logged_in_only(),
    "account_email": logged_in_only(),
    "account_email_verification_sent": everyone(200),
    "account_change_password": logged_in_only(),
    "account_set_password": logged_in_only(302),
    "account_reset_password": everyone(200),
    "account_reset_password_done": everyone(200),
    "account_reset_password_from_key": everyone(200, uidb36="zz", key="bogus-key"),
    "account_reset_password_from_key_done": everyone(200),
    "account_confirm_email": everyone(200, key="bogus-key"),
    "account_confirm_login_code": everyone(302),
}


def _url_names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if pattern.namespace and namespace:
                inner = f"{namespace}:{pattern.namespace}"
            if inner in EXCLUDED_NAMESPACES:
                continue
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            if pattern.name is None:
                yield f"<unnamed {pattern.pattern}>"
            else:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_is_in_the_matrix():
    names = set(_url_names(get_resolver().url_patterns))
    assert names - MATRIX.keys() == set(), "add these URLs to the access-control matrix"
    assert MATRIX.keys() - names == set(), "these matrix rows name URLs that no longer exist"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(client, name, role):
    row = MATRIX[name]
    if role != ANONYMOUS:
        client.force_login(USER_FACTORIES[role]())
    response = client.get(reverse(name, kwargs=row.kwargs))
    assert response.status_code == row.expected(role), (name, role, response.get("Location"))
