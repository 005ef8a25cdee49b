"""Outages of a backing service degrade the site, never break it.

Redis down: the cache turns into misses and pages are served as usual, rate-limited actions
included (the outbox tests cover email). Database down: the error page says 503 with
Retry-After. The real PostgreSQL restart is in test_postgres_restart.py (`-m fault`).
"""

import time
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from applicants.models import Application
from jobboard import config
from jobboard.cache import ResilientRedisCache
from listings.models import AbuseReport
from tests.accounts.factories import TEST_PASSWORD
from tests.applicants.factories import CVFactory, SeekerProfileFactory
from tests.listings.factories import PublishedListingFactory
from tests.notifications.processes import REDIS_SERVER, RedisServer

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every cache call fails at once with "connection refused".
DEAD_REDIS = "redis://127.0.0.1:1/0"
needs_redis_server = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server is not on PATH: this test starts its own"
)


@pytest.fixture
def redis_down(settings):
    settings.REDIS_URL = DEAD_REDIS
    settings.CACHES = config.caches(DEAD_REDIS)


def test_a_seeker_browses_logs_in_applies_and_reports_while_redis_is_down(client, redis_down):
    listing = PublishedListingFactory(title_en="Care worker in Osaka")
    other = PublishedListingFactory(title_en="Hotel receptionist")
    seeker = SeekerProfileFactory().user
    cv = CVFactory(owner=seeker)
    started = time.monotonic()

    assert client.get("/en/").status_code == 200
    search = client.get("/en/jobs/?q=care&sector=nursing-care&jp_level=n4")
    assert search.status_code == 200
    assert "Care worker in Osaka" in search.content.decode()
    assert client.get(listing.get_absolute_url()).status_code == 200
    login = client.post("/en/accounts/login/", {"login": seeker.email, "password": TEST_PASSWORD})
    assert login.status_code == 302
    apply = client.post(f"/en/jobs/{listing.pk}/apply/", {"cv": cv.pk, "consent": "on"})
    assert apply.status_code == 302
    assert apply["Location"] == "/en/me/applications/"
    assert Application.objects.filter(listing=listing, seeker=seeker).exists()
    assert "Care worker in Osaka" in client.get("/en/me/applications/").content.decode()
    report = client.post(f"/en/jobs/{other.pk}/report/", {"reason": "fake", "details": ""})
    assert report.status_code == 302
    assert AbuseReport.objects.filter(listing=other).count() == 1

    assert time.monotonic() - started < 10


def test_rate_limits_still_count_while_redis_is_down(client, redis_down, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report": "2/h"}
    client.force_login(SeekerProfileFactory().user)
    listings = PublishedListingFactory.create_batch(3)
    statuses = [
        client.post(f"/en/jobs/{listing.pk}/report/", {"reason": "fake"}).status_code
        for listing in listings
    ]
    assert statuses == [302, 302, 429]


@needs_redis_server
def test_the_cache_uses_redis_again_once_it_answers_and_forgets_the_outage():
    server = RedisServer()
    server.start()
    try:
        cache = ResilientRedisCache(server.url, {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5}})
        cache.RETRY_AFTER_SECONDS = 0
        cache.set("before", 1)
        server.stop()
        assert cache.add("lock", True) is True
        assert cache.add("lock", True) is False  # the stand-in remembers
        server.start()
        assert cache.get("lock") is None  # from Redis again
        cache.set("after", 2)
        assert server.client().exists(cache.make_and_validate_key("after"))
        server.stop()
        assert cache.add("lock", True) is True  # the outage's entries were dropped
    finally:
        server.stop()


def test_healthz_names_redis_when_it_is_down_while_pages_still_work(client, redis_down):
    assert client.get("/en/jobs/").status_code == 200
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "redis": "error"}


def test_a_database_error_gives_503_with_retry_after_not_500():
    client = Client(raise_request_exception=False)
    with mock.patch(
        "listings.views.selectors.listing_search",
        side_effect=OperationalError("connection to server failed: Connection refused"),
    ):
        response = client.get("/en/jobs/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Please try again in a few minutes" in response.content.decode()


def test_any_other_error_still_gives_the_500_page():
    client = Client(raise_request_exception=False)
    with mock.patch("listings.views.selectors.listing_search", side_effect=RuntimeError("a bug")):
        response = client.get("/en/jobs/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()
