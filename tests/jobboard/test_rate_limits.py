"""Abuse limits: each answers 429 with a page and a Retry-After that say when to try again."""

import math

import pytest
import time_machine
from django.utils import timezone

from applicants.models import Application, SavedSearch
from tests.accounts.factories import TEST_PASSWORD, SeekerFactory
from tests.applicants.conftest import page_text
from tests.applicants.factories import CVFactory, SeekerProfileFactory
from tests.listings.factories import MembershipFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-passphrase-4"


@pytest.fixture(autouse=True)
def _frozen_time():
    # Every request of a test falls in the same rate-limit window.
    with time_machine.travel(timezone.now(), tick=False):
        yield


def _limit(settings, group: str, rate: str) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, group: rate}


def assert_refused_with_a_wait(response, *, at_most_minutes: int) -> None:
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    minutes = math.ceil(seconds / 60)
    assert 1 <= minutes <= at_most_minutes
    assert f"Please try again in {minutes} minute" in page_text(response)


def _ready_seeker():
    profile = SeekerProfileFactory()
    return profile.user, CVFactory(owner=profile.user)


def _apply(client, listing, cv):
    return client.post(
        f"/en/jobs/{listing.pk}/apply/", {"cv": cv.pk, "cover_letter": "", "consent": "on"}
    )


def test_applying_is_limited_per_seeker_per_hour(client, settings):
    _limit(settings, "apply", "2/h")
    seeker, cv = _ready_seeker()
    listings = PublishedListingFactory.create_batch(3)
    client.force_login(seeker)

    assert [_apply(client, listing, cv).status_code for listing in listings[:2]] == [302, 302]
    refused = _apply(client, listings[2], cv)

    assert_refused_with_a_wait(refused, at_most_minutes=60)
    assert Application.objects.filter(seeker=seeker).count() == 2
    other, other_cv = _ready_seeker()
    client.force_login(other)
    assert _apply(client, listings[2], other_cv).status_code == 302


def test_reading_the_apply_form_does_not_count(client, settings):
    _limit(settings, "apply", "1/h")
    seeker, cv = _ready_seeker()
    listing = PublishedListingFactory()
    client.force_login(seeker)
    for _ in range(3):
        assert client.get(f"/en/jobs/{listing.pk}/apply/").status_code == 200
    assert _apply(client, listing, cv).status_code == 302


def test_saving_searches_is_limited(client, settings):
    _limit(settings, "save-search", "2/h")
    seeker = SeekerFactory()
    client.force_login(seeker)
    for sector in ("construction", "agriculture", "fishery"):
        response = client.post(
            "/en/me/alerts/new/",
            {"name": sector, "querystring": f"sector={sector}", "frequency": "daily"},
        )
    assert_refused_with_a_wait(response, at_most_minutes=60)
    assert SavedSearch.objects.filter(user=seeker).count() == 2


def test_cv_downloads_are_limited(client, settings):
    _limit(settings, "cv-download", "2/h")
    seeker, cv = _ready_seeker()
    client.force_login(seeker)
    url = f"/en/cvs/{cv.uuid}/download/"
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    assert_refused_with_a_wait(client.get(url), at_most_minutes=60)


def test_reporting_is_limited(client, settings):
    _limit(settings, "report", "1/h")
    client.force_login(SeekerFactory())
    listings = PublishedListingFactory.create_batch(2)
    data = {"reason": "fees", "details": "They asked me for a deposit."}
    assert client.post(f"/en/jobs/{listings[0].pk}/report/", data).status_code == 302
    assert_refused_with_a_wait(
        client.post(f"/en/jobs/{listings[1].pk}/report/", data), at_most_minutes=60
    )


def test_anonymous_requests_are_counted_per_ip_address(client, settings):
    """The limit key is the person when signed in, else the IP address."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.test import RequestFactory

    from jobboard.ratelimits import rate_limit

    _limit(settings, "report", "1/h")
    view = rate_limit("report")(lambda request: HttpResponse("ok"))
    factory = RequestFactory()

    def hit(address):
        request = factory.post("/", REMOTE_ADDR=address)
        request.user = AnonymousUser()
        return view(request).status_code

    assert [hit("192.0.2.1"), hit("192.0.2.1"), hit("192.0.2.2")] == [200, 429, 200]


# ---- allauth: log-in lockout, sign-up, password reset ----


def _log_in(client, email, password, address="192.0.2.10"):
    return client.post(
        "/en/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address
    )


def test_an_account_is_locked_after_five_failed_log_ins_from_anywhere(client):
    seeker = SeekerFactory()
    for attempt in range(5):
        address = f"192.0.2.{attempt + 20}"
        assert _log_in(client, seeker.email, "wrong-password", address).status_code == 200

    refused = _log_in(client, seeker.email, TEST_PASSWORD, "198.51.100.7")

    assert_refused_with_a_wait(refused, at_most_minutes=5)
    assert "_auth_user_id" not in client.session


def test_an_ip_address_is_locked_after_ten_failed_log_ins_across_accounts(client):
    people = SeekerFactory.create_batch(11)
    for person in people[:10]:
        assert _log_in(client, person.email, "wrong-password").status_code == 200

    assert_refused_with_a_wait(_log_in(client, people[10].email, TEST_PASSWORD), at_most_minutes=5)
    assert _log_in(client, people[10].email, TEST_PASSWORD, "198.51.100.8").status_code == 302


def test_the_lock_lifts_after_its_window(client):
    seeker = SeekerFactory()
    for _ in range(5):
        _log_in(client, seeker.email, "wrong-password")
    assert _log_in(client, seeker.email, TEST_PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=6), tick=False):
        assert _log_in(client, seeker.email, TEST_PASSWORD).status_code == 302


def test_password_reset_requests_are_limited_per_address(client):
    SeekerFactory(email="known@example.com")
    for _ in range(5):
        response = client.post("/en/accounts/password/reset/", {"email": "known@example.com"})
        assert response.status_code == 302
    refused = client.post("/en/accounts/password/reset/", {"email": "known@example.com"})
    assert_refused_with_a_wait(refused, at_most_minutes=1)


def test_sign_up_is_limited_per_ip_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    data = {
        "role": "seeker",
        "password1": "a-long-passphrase-4",
        "password2": "a-long-passphrase-4",
    }
    client.post("/en/accounts/signup/", {**data, "email": "first@example.com"})
    client.logout()
    refused = client.post("/en/accounts/signup/", {**data, "email": "second@example.com"})
    assert_refused_with_a_wait(refused, at_most_minutes=1)


def test_employers_downloading_applicants_cvs_share_the_same_limit(client, settings):
    _limit(settings, "cv-download", "1/h")
    member = MembershipFactory()
    seeker, cv = _ready_seeker()
    listing = PublishedListingFactory(company=member.company)
    Application.objects.create(listing=listing, seeker=seeker, cv=cv)
    client.force_login(member.user)
    assert client.get(f"/en/cvs/{cv.uuid}/download/").status_code == 200
    assert client.get(f"/en/cvs/{cv.uuid}/download/").status_code == 429
