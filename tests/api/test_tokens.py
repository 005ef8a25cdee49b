"""API tokens: created by company owners and shown once, stored hashed, revoked, scoped to
the company and to members who still belong to it, last use recorded at most once a minute."""

import datetime
import hashlib
import re

import pytest
import time_machine
from django.utils import timezone

from api import services
from api.models import ApiToken
from listings import services as listing_services
from listings.models import CompanyMembership
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.api.conftest import with_token
from tests.listings.factories import MembershipFactory

pytestmark = pytest.mark.django_db

LIST = "/en/employer/api-tokens/"
EMPLOYER_API = "/api/v1/employer/listings/"


@pytest.fixture
def owner(db):
    return MembershipFactory(role=CompanyMembership.Role.OWNER)


def _created_key(response) -> str:
    match = re.search(r'value="(htk_[0-9a-f]+_[A-Za-z0-9_-]+)"', response.content.decode())
    assert match, "the new key is on the page"
    return match.group(1)


def test_an_owner_creates_a_token_that_is_shown_once_and_stored_hashed(client, owner):
    client.force_login(owner.user)
    response = client.post(LIST, {"name": "Our ATS"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = _created_key(response)
    token = ApiToken.objects.get()
    assert (token.company, token.created_by, token.name) == (owner.company, owner.user, "Our ATS")
    secret = key.split("_", 2)[2]
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ApiToken.objects.values().get())
    listed = client.get(LIST).content.decode()
    assert "Our ATS" in listed and token.prefix in listed and secret not in listed
    assert with_token(key).get(EMPLOYER_API).status_code == 200


def test_the_dashboard_links_owners_to_their_tokens(client, owner):
    client.force_login(owner.user)
    assert LIST in client.get("/en/employer/").content.decode()


def test_members_who_are_not_owners_cannot_manage_tokens(client, owner):
    member = MembershipFactory(company=owner.company, role=CompanyMembership.Role.MEMBER)
    token, _key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    client.force_login(member.user)
    assert client.get(LIST).status_code == 403
    assert client.post(LIST, {"name": "Mine"}).status_code == 403
    assert client.post(f"{LIST}{token.pk}/revoke/").status_code == 403
    assert ApiToken.objects.active().count() == 1
    assert LIST not in client.get("/en/employer/").content.decode()


@pytest.mark.parametrize("user_factory", [SeekerFactory, EmployerFactory])
def test_people_without_a_company_get_no_token_page(client, user_factory):
    client.force_login(user_factory())
    assert client.get(LIST).status_code in (302, 403)


def test_a_token_needs_a_name(client, owner):
    client.force_login(owner.user)
    response = client.post(LIST, {"name": "  "})
    assert response.status_code == 200
    assert not ApiToken.objects.exists()


def test_a_company_has_at_most_ten_active_tokens(client, owner):
    for number in range(ApiToken.MAX_ACTIVE_PER_COMPANY):
        services.token_create(company=owner.company, by=owner.user, name=f"T{number}")
    client.force_login(owner.user)
    response = client.post(LIST, {"name": "One more"})
    assert "at most 10 active tokens" in response.content.decode()
    assert ApiToken.objects.count() == ApiToken.MAX_ACTIVE_PER_COMPANY


def test_a_revoked_token_stops_working(client, owner):
    token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    client.force_login(owner.user)
    response = client.post(f"{LIST}{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at and token.revoked_by == owner.user
    response = with_token(key).get(EMPLOYER_API)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "Revoked on" in client.get(LIST).content.decode()


def test_another_companys_owner_cannot_revoke_the_token(client, owner):
    token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    client.force_login(MembershipFactory().user)
    assert client.post(f"{LIST}{token.pk}/revoke/").status_code == 404
    assert with_token(key).get(EMPLOYER_API).status_code == 200


def test_a_token_stops_working_when_its_creator_leaves_the_company(owner):
    _token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    owner.delete()
    assert with_token(key).get(EMPLOYER_API).status_code == 401


def test_a_token_stops_working_when_its_creator_is_deactivated(owner):
    _token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    owner.user.is_active = False
    owner.user.save()
    assert with_token(key).get(EMPLOYER_API).status_code == 401


def test_a_token_stops_working_when_its_company_is_deleted(owner):
    _token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    listing_services.company_delete(
        company=owner.company, by=owner.user, confirm_name=owner.company.name_en
    )
    assert with_token(key).get(EMPLOYER_API).status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer a b",
        "Bearer htk_",
        "Bearer htk_abc",
        "Bearer htk__secret",
        "Bearer xyz_abc_def",
        "Bearer " + "htk_" + "a" * 5000,
        "Bearer htk_ü_x",
    ],
)
def test_malformed_tokens_answer_401(owner, header):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get(EMPLOYER_API)
    assert response.status_code == 401
    assert response.json()["detail"]


def test_a_right_prefix_with_a_wrong_secret_is_refused(owner):
    token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    assert key.startswith(f"htk_{token.prefix}_")
    assert with_token(f"htk_{token.prefix}_wrong-secret").get(EMPLOYER_API).status_code == 401


def test_no_token_or_another_scheme_answers_401_on_employer_endpoints(api, owner):
    assert api.get(EMPLOYER_API).status_code == 401
    api.credentials(HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    assert api.get(EMPLOYER_API).status_code == 401


def test_a_logged_in_session_is_not_an_api_token(client, owner):
    client.force_login(owner.user)
    assert client.get(EMPLOYER_API).status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute(owner):
    token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    client = with_token(key)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(EMPLOYER_API)
    token.refresh_from_db()
    assert token.last_used_at == start
    with time_machine.travel(start + datetime.timedelta(seconds=30), tick=False):
        client.get(EMPLOYER_API)
    token.refresh_from_db()
    assert token.last_used_at == start
    later = start + datetime.timedelta(seconds=61)
    with time_machine.travel(later, tick=False):
        client.get(EMPLOYER_API)
    token.refresh_from_db()
    assert token.last_used_at == later


def test_token_page_runs_a_fixed_number_of_queries(client, owner, django_assert_max_num_queries):
    for number in range(8):
        token, _key = services.token_create(
            company=owner.company, by=owner.user, name=f"T{number}"
        )
        if number % 2:
            services.token_revoke(token=token, by=owner.user)
    client.force_login(owner.user)
    client.get(LIST)
    with django_assert_max_num_queries(10):
        response = client.get(LIST)
    assert response.content.decode().count("htk_") == 8


def test_api_keys_never_reach_the_logs(owner):
    from jobboard.logging import redact

    _token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    secret = key.split("_", 2)[2]
    for line in (f"key={key}", f"got {key} from the client", f"Authorization: Bearer {key}"):
        assert secret not in redact(line)


def test_staff_see_tokens_in_the_admin_without_their_secrets(client, owner, staff):
    _token, key = services.token_create(company=owner.company, by=owner.user, name="ATS")
    client.force_login(staff)
    response = client.get("/admin/api/apitoken/")
    assert response.status_code == 200
    assert "ATS" in response.content.decode()
    assert key.split("_", 2)[2] not in response.content.decode()
