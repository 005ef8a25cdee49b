"""Every URL of the project, with the response each kind of visitor gets.

A URL pattern that is added without a row here fails `test_every_url_is_in_the_matrix`.
Admin URLs are left to the admin's own tests. Objects belong to company A; "employer" is a
member of company A and "other_employer" a member of company B.
"""

from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from applicants import alerts
from applicants.models import CV, Application, SavedSearch
from tests.accounts.factories import EmployerFactory, SeekerFactory, StaffFactory
from tests.listings.factories import ListingFactory, MembershipFactory, PublishedListingFactory

ANONYMOUS, SEEKER, EMPLOYER, OTHER_EMPLOYER, STAFF = (
    "anonymous",
    "seeker",
    "employer",
    "other_employer",
    "staff",
)
ROLES = (ANONYMOUS, SEEKER, EMPLOYER, OTHER_EMPLOYER, STAFF)
EXCLUDED_NAMESPACES = {"admin"}


@dataclass(frozen=True)
class Row:
    """Expected GET status per role; `kwargs` builds the URL's parameters from the world."""

    anonymous: int
    seeker: int
    employer: int
    other_employer: int
    staff: int
    kwargs: object = field(default=lambda world: {})

    def expected(self, role: str) -> int:
        return getattr(self, role)


def everyone(status: int, kwargs=lambda world: {}) -> Row:
    return Row(status, status, status, status, status, kwargs)


def logged_in_only(status: int = 200, kwargs=lambda world: {}) -> Row:
    return Row(302, status, status, status, status, kwargs)


def anonymous_only() -> Row:
    # allauth sends logged-in people away from the log-in and sign-up forms.
    return Row(200, 302, 302, 302, 302)


def employers_only(member: int, other: int | None = None, kwargs=lambda world: {}) -> Row:
    """Employer area: log in first; seekers and staff without a company are refused."""
    return Row(302, 403, member, member if other is None else other, 403, kwargs)


def draft(world):
    return {"pk": world["draft"].pk}


def published(world):
    return {"pk": world["published"].pk}


def application(world):
    return {"pk": world["application"].pk}


def saved_search(world):
    return {"pk": world["saved_search"].pk}


def seekers_only(status: int = 200, kwargs=lambda world: {}, *, staff: int | None = None) -> Row:
    """Seeker pages. Staff accounts have the seeker role, so they get these pages for
    themselves (and 404 for the seeker's objects)."""
    return Row(302, status, 403, 403, status if staff is None else staff, kwargs)


MATRIX: dict[str, Row] = {
    "home": everyone(200),
    "healthz": everyone(200),
    "set_language": everyone(302),
    "sitemap": everyone(200),
    "sitemap-section": everyone(200, lambda world: {"section": "listings"}),
    "listings:search": everyone(200),
    "listings:feed-rss": everyone(200),
    "listings:feed-atom": everyone(200),
    "listings:detail": everyone(
        200, lambda world: {"pk": world["published"].pk, "slug": world["published"].slug}
    ),
    "listings:detail-short": everyone(301, lambda world: {"pk": world["published"].pk}),
    "listings:company": everyone(200, lambda world: {"slug": world["company"].slug}),
    "listings:report": logged_in_only(200, published),
    "listings:employer": employers_only(200),
    "listings:employer-company": employers_only(200),
    "listings:employer-invite": employers_only(405),
    "listings:employer-applicant-emails": employers_only(405),
    "listings:invitation-accept": employers_only(
        200, kwargs=lambda world: {"token": world["invitation"].token}
    ),
    "listings:listing-create": employers_only(200),
    "listings:listing-edit": employers_only(200, 404, draft),
    "listings:listing-preview": employers_only(200, 404, draft),
    "listings:listing-submit": employers_only(405, 405, draft),
    "listings:listing-close": employers_only(405, 405, draft),
    "listings:listing-duplicate": employers_only(405, 405, draft),
    "applicants:profile": seekers_only(),
    "applicants:cvs": seekers_only(),
    "applicants:cv-default": seekers_only(405, lambda world: {"uuid": world["cv"].uuid}),
    "applicants:cv-delete": seekers_only(200, lambda world: {"uuid": world["cv"].uuid}, staff=404),
    # The seeker here owns the CV; employer A got it with an application; B did not.
    "applicants:cv-download": Row(
        302, 200, 200, 404, 200, lambda world: {"uuid": world["cv"].uuid}
    ),
    # The seeker already applied (redirected to the applications); staff has not.
    "applicants:apply": seekers_only(302, published, staff=200),
    "applicants:save-toggle": seekers_only(405, published),
    "applicants:applications": seekers_only(),
    "applicants:application-withdraw": seekers_only(200, application, staff=404),
    "applicants:saved": seekers_only(),
    "applicants:alerts": seekers_only(),
    "applicants:alert-create": seekers_only(405),
    "applicants:alert-edit": seekers_only(200, saved_search, staff=404),
    "applicants:alert-pause": seekers_only(405, saved_search),
    "applicants:alert-resume": seekers_only(405, saved_search),
    "applicants:alert-delete": seekers_only(405, saved_search),
    # The signed token is the authority: a confirmation page for anyone who holds the link.
    "applicants:alert-unsubscribe": everyone(
        200,
        lambda world: {"token": alerts.unsubscribe_token_for_search(world["saved_search"])},
    ),
    "applicants:employer-applicants": employers_only(200, 404, published),
    "applicants:employer-bulk-reject": employers_only(405, 405, published),
    "applicants:employer-applicants-csv": employers_only(200, 404, published),
    "applicants:employer-application": employers_only(200, 404, application),
    "applicants:employer-application-move": employers_only(405, 405, application),
    "applicants:employer-application-note": employers_only(405, 405, application),
    "account_signup": anonymous_only(),
    "account_login": anonymous_only(),
    "account_logout": Row(302, 200, 200, 200, 200),
    "account_inactive": everyone(200),
    "account_reauthenticate": logged_in_only(),
    "account_email": logged_in_only(),
    "account_email_verification_sent": everyone(200),
    "account_change_password": logged_in_only(),
    "account_set_password": logged_in_only(302),
    "account_reset_password": everyone(200),
    "account_reset_password_done": everyone(200),
    "account_reset_password_from_key": everyone(
        200, lambda world: {"uidb36": "zz", "key": "bogus-key"}
    ),
    "account_reset_password_from_key_done": everyone(200),
    "account_confirm_email": everyone(200, lambda world: {"key": "bogus-key"}),
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


@pytest.fixture
def world(db):
    member = MembershipFactory()
    other = MembershipFactory()
    company = member.company
    seeker = SeekerFactory()
    published = PublishedListingFactory(company=company)
    cv = CV.objects.create(
        owner=seeker,
        label="CV",
        file=ContentFile(b"%PDF-1.4 matrix", name="cv.pdf"),
        original_name="cv.pdf",
        extension=".pdf",
        content_type="application/pdf",
        size=15,
        is_default=True,
    )
    application = Application.objects.create(listing=published, seeker=seeker, cv=cv)
    return {
        "saved_search": SavedSearch.objects.create(
            user=seeker, name="Care jobs", querystring="sector=nursing-care"
        ),
        "cv": cv,
        "application": application,
        "users": {
            SEEKER: seeker,
            EMPLOYER: member.user,
            OTHER_EMPLOYER: other.user,
            STAFF: StaffFactory(),
        },
        "company": company,
        "published": published,
        "draft": ListingFactory(company=company),
        "invitation": company.invitations.create(
            email=EmployerFactory.build().email, token="matrix-token"
        ),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(client, world, name, role):
    row = MATRIX[name]
    if role != ANONYMOUS:
        client.force_login(world["users"][role])
    response = client.get(reverse(name, kwargs=row.kwargs(world)))
    assert response.status_code == row.expected(role), (name, role, response.get("Location"))
