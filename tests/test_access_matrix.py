"""Every URL of the project, with the response each kind of visitor gets.

A URL pattern that is added without a row here fails `test_every_url_is_in_the_matrix`.
Admin URLs are left to the admin's own tests. The objects belong to the seeker and to company A:
"employer" is a member of company A, "other_employer" a member of company B, "other_seeker" a
second job seeker, "moderator" a staff member of the Moderators group, "superuser" a superuser
(both staff accounts have the seeker role and no company).

URLs that only accept POST are requested with an empty POST, so that the object-level checks
run for them too; the rest with GET.
"""

import re
import uuid
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from api import services as api_services
from applicants import alerts
from applicants.models import CV, Application, SavedSearch
from tests.accounts.factories import EmployerFactory, SeekerFactory, StaffFactory, UserFactory
from tests.listings.factories import ListingFactory, MembershipFactory, PublishedListingFactory

ANONYMOUS = "anonymous"
SEEKER = "seeker"
OTHER_SEEKER = "other_seeker"
EMPLOYER = "employer"
OTHER_EMPLOYER = "other_employer"
MODERATOR = "moderator"
SUPERUSER = "superuser"
ROLES = (ANONYMOUS, SEEKER, OTHER_SEEKER, EMPLOYER, OTHER_EMPLOYER, MODERATOR, SUPERUSER)
EXCLUDED_NAMESPACES = {"admin"}


@dataclass(frozen=True)
class Row:
    """Expected status per role; `kwargs` builds the URL's parameters from the world."""

    anonymous: int
    seeker: int
    other_seeker: int
    employer: int
    other_employer: int
    moderator: int
    superuser: int
    kwargs: object = field(default=lambda world: {})
    method: str = "get"

    def expected(self, role: str) -> int:
        return getattr(self, role)


def everyone(status: int, kwargs=lambda world: {}, method="get") -> Row:
    return Row(*[status] * 7, kwargs, method)


def logged_in_only(status: int = 200, kwargs=lambda world: {}, method="get") -> Row:
    return Row(302, *[status] * 6, kwargs, method)


def anonymous_only() -> Row:
    # allauth sends logged-in people away from the log-in and sign-up forms.
    return Row(200, *[302] * 6)


def employers_only(member: int, other: int | None = None, kwargs=lambda world: {}, method="get"):
    """Employer area: log in first; seekers and staff without a company are refused; another
    company's member gets 404 for company A's objects (`other`)."""
    other = member if other is None else other
    return Row(302, 403, 403, member, other, 403, 403, kwargs, method)


def seekers_only(status: int = 200, kwargs=lambda world: {}, *, owned: bool = False, method="get"):
    """Seeker pages. Staff accounts have the seeker role, so they get these pages for
    themselves; for the seeker's own objects (`owned`) everyone else gets 404."""
    others = 404 if owned else status
    return Row(302, status, others, 403, 403, others, others, kwargs, method)


def post(row: Row) -> Row:
    return Row(*[getattr(row, role) for role in ROLES], row.kwargs, "post")


def draft(world):
    return {"pk": world["draft"].pk}


def published(world):
    return {"pk": world["published"].pk}


def application(world):
    return {"pk": world["application"].pk}


def saved_search(world):
    return {"pk": world["saved_search"].pk}


def cv(world):
    return {"uuid": world["cv"].uuid}


def api_token(world):
    return {"pk": world["api_token"].pk}


def sessions_are_not_tokens(kwargs=lambda world: {}, method="get") -> Row:
    """The employer API takes a company token only: a logged-in session gets 401 like nobody
    (tests/api/ covers the tokens, including another company's)."""
    return everyone(401, kwargs, method)


MATRIX: dict[str, Row] = {
    "home": everyone(200),
    "healthz": everyone(200),
    "set_language": everyone(302, method="post"),
    "sitemap": everyone(200),
    "sitemap-section": everyone(200, lambda world: {"section": "listings"}),
    "listings:search": everyone(200),
    "listings:feed-rss": everyone(200),
    "listings:feed-atom": everyone(200),
    "listings:detail": everyone(
        200, lambda world: {"pk": world["published"].pk, "slug": world["published"].slug}
    ),
    "listings:detail-short": everyone(301, published),
    "listings:company": everyone(200, lambda world: {"slug": world["company"].slug}),
    "listings:report": logged_in_only(200, published),
    "listings:employer": employers_only(200),
    "listings:employer-company": employers_only(200),
    "listings:employer-company-delete": employers_only(200),
    # Company-level actions: each member acts on their own company.
    "listings:employer-invite": employers_only(302, method="post"),
    "listings:employer-applicant-emails": employers_only(302, method="post"),
    "listings:invitation-accept": employers_only(
        200, kwargs=lambda world: {"token": world["invitation"].token}
    ),
    "listings:listing-create": employers_only(200),
    "listings:listing-edit": employers_only(200, 404, draft),
    "listings:listing-preview": employers_only(200, 404, draft),
    "listings:listing-submit": employers_only(302, 404, draft, method="post"),
    "listings:listing-close": employers_only(302, 404, draft, method="post"),
    "listings:listing-duplicate": employers_only(302, 404, draft, method="post"),
    "applicants:profile": seekers_only(),
    "applicants:cvs": seekers_only(),
    "applicants:cv-default": seekers_only(302, cv, owned=True, method="post"),
    "applicants:cv-delete": seekers_only(200, cv, owned=True),
    # The seeker owns the CV; employer A received it with an application; nobody else did.
    # Superusers hold applicants.view_cv; moderators do not.
    "applicants:cv-download": Row(302, 200, 404, 200, 404, 404, 200, cv),
    # The seeker already applied (sent to the applications); the others have not.
    "applicants:apply": Row(302, 302, 200, 403, 403, 200, 200, published),
    "applicants:save-toggle": seekers_only(302, published, method="post"),
    "applicants:applications": seekers_only(),
    "applicants:application-withdraw": seekers_only(200, application, owned=True),
    "applicants:saved": seekers_only(),
    "applicants:privacy": seekers_only(),
    # Each seeker gets their own zip; an empty POST re-shows the form with its error.
    "applicants:privacy-export": seekers_only(200, method="post"),
    "applicants:account-delete": seekers_only(200, method="post"),
    "applicants:alerts": seekers_only(),
    "applicants:alert-create": seekers_only(302, method="post"),
    "applicants:alert-edit": seekers_only(200, saved_search, owned=True),
    "applicants:alert-pause": seekers_only(302, saved_search, owned=True, method="post"),
    "applicants:alert-resume": seekers_only(302, saved_search, owned=True, method="post"),
    "applicants:alert-delete": seekers_only(302, saved_search, owned=True, method="post"),
    # The signed token is the authority: a confirmation page for anyone who holds the link.
    "applicants:alert-unsubscribe": everyone(
        200,
        lambda world: {"token": alerts.unsubscribe_token_for_search(world["saved_search"])},
    ),
    "applicants:employer-applicants": employers_only(200, 404, published),
    "applicants:employer-bulk-reject": employers_only(302, 404, published, method="post"),
    "applicants:employer-applicants-csv": employers_only(200, 404, published),
    "applicants:employer-application": employers_only(200, 404, application),
    "applicants:employer-application-move": employers_only(302, 404, application, method="post"),
    "applicants:employer-application-note": employers_only(302, 404, application, method="post"),
    # The public read API: no login, the same answer for everyone.
    "api:schema": everyone(200),
    "api:docs": everyone(200),
    "api:job-list": everyone(200),
    "api:job-detail": everyone(200, published),
    "api:sectors": everyone(200),
    "api:residence-statuses": everyone(200),
    "api:prefectures": everyone(200),
    "api:japanese-levels": everyone(200),
    "api:company-detail": everyone(200, lambda world: {"slug": world["company"].slug}),
    "api:employer-listings": sessions_are_not_tokens(),
    "api:employer-listing": sessions_are_not_tokens(draft),
    "api:employer-listing-close": sessions_are_not_tokens(published, method="post"),
    "api:employer-applications": sessions_are_not_tokens(published),
    "api:employer-application": sessions_are_not_tokens(application),
    "api:employer-move": sessions_are_not_tokens(application, method="post"),
    "api:employer-cv": sessions_are_not_tokens(application),
    # Company owners manage their company's tokens (both employers here are owners).
    "api-tokens:list": employers_only(200),
    "api-tokens:revoke": employers_only(302, 404, api_token, method="post"),
    # Guides are public reading for everyone.
    "guides:process": everyone(200),
    "guides:field": everyone(200, lambda world: {"slug": "nursing-care"}),
    "guides:country": everyone(200, lambda world: {"iso": "pk"}),
    "account_signup": anonymous_only(),
    "account_login": anonymous_only(),
    "account_logout": logged_in_only(200),
    "account_inactive": everyone(200),
    "account_reauthenticate": logged_in_only(),
    "account_email": logged_in_only(),
    "account_settings": logged_in_only(),
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
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return {
        "saved_search": SavedSearch.objects.create(
            user=seeker, name="Care jobs", querystring="sector=nursing-care"
        ),
        "cv": cv,
        "application": application,
        "users": {
            SEEKER: seeker,
            OTHER_SEEKER: SeekerFactory(),
            EMPLOYER: member.user,
            OTHER_EMPLOYER: other.user,
            MODERATOR: moderator,
            SUPERUSER: StaffFactory(),
        },
        "company": company,
        "published": published,
        "draft": ListingFactory(company=company),
        "api_token": api_services.token_create(company=company, by=member.user, name="ATS")[0],
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
    url = reverse(name, kwargs=row.kwargs(world))
    response = client.post(url) if row.method == "post" else client.get(url)
    assert response.status_code == row.expected(role), (name, role, response.get("Location"))


# Parameters naming nothing that exists.
MISSING = {"pk": 2_000_000_000, "uuid": uuid.UUID(int=0), "slug": "no-such-company"}
HIDDEN = sorted(name for name, row in MATRIX.items() if 404 in map(row.expected, ROLES))


def _page(response, url: str) -> str:
    """The body without what differs between any two requests: CSRF tokens, and the requested
    URL itself (the language switcher and the hreflang links repeat it)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return html.replace(url.removeprefix("/en"), "<url>")


@pytest.mark.parametrize("name", HIDDEN)
def test_another_partys_object_answers_exactly_as_a_missing_one(client, world, name):
    """No way to tell whether someone else's CV, application or listing exists."""
    row = MATRIX[name]
    kwargs = row.kwargs(world)
    missing = {key: MISSING.get(key, value) for key, value in kwargs.items()}
    request = client.post if row.method == "post" else client.get
    for role in ROLES:
        if row.expected(role) != 404:
            continue
        client.force_login(world["users"][role])
        their_url, missing_url = reverse(name, kwargs=kwargs), reverse(name, kwargs=missing)
        theirs, nothing = request(their_url), request(missing_url)
        assert (theirs.status_code, nothing.status_code) == (404, 404), (name, role)
        assert _page(theirs, their_url) == _page(nothing, missing_url)
