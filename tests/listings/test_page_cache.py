"""Anonymous visitors share cached public pages; nobody else ever does."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from listings import services
from listings.models import Listing
from tests.listings.factories import MembershipFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def listing():
    return PublishedListingFactory(title_en="Welder in Osaka")


def _pages(listing):
    return [
        "/en/",
        "/en/jobs/",
        "/ja/jobs/?q=welder",
        listing.get_absolute_url(),
        reverse("listings:company", kwargs={"slug": listing.company.slug}),
        reverse("listings:feed-rss"),
    ]


def test_a_second_anonymous_visit_runs_no_query(client, listing, django_assert_num_queries):
    for path in _pages(listing):
        first = client.get(path)
        assert first.status_code == 200, path
        with django_assert_num_queries(0):
            again = Client().get(path)
        assert again.status_code == 200
        assert again["Content-Type"] == first["Content-Type"]
        assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first.content.decode())


def test_each_visitor_gets_a_working_csrf_token_of_their_own(listing):
    Client().get("/en/jobs/")  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/en/jobs/")
    token = TOKEN.search(page.content.decode()).group(1)

    assert "\x00" not in page.content.decode()
    assert "csrftoken" in page.cookies
    switched = visitor.post(
        reverse("set_language"),
        {"language": "ja", "next": "/en/jobs/", "csrfmiddlewaretoken": token},
    )
    assert switched.status_code == 302
    assert switched["Location"] == "/ja/jobs/"


def test_a_logged_in_visitor_never_gets_the_shared_page(client, listing, seeker):
    Client().get("/en/jobs/")
    client.force_login(seeker)

    page = client.get("/en/jobs/").content.decode()

    assert seeker.email in page
    assert reverse("applicants:applications") in page


def test_the_shared_page_is_never_the_logged_in_one(client, listing, seeker):
    client.force_login(seeker)
    client.get("/en/jobs/")

    page = Client().get("/en/jobs/").content.decode()

    assert seeker.email not in page
    assert reverse("applicants:applications") not in page


def test_closing_and_expiring_show_at_once(client, listing, django_capture_on_commit_callbacks):
    owner = MembershipFactory(company=listing.company).user
    assert "Welder in Osaka" in client.get("/en/jobs/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.listing_close(listing=listing, by=owner)
    assert "Welder in Osaka" not in client.get("/en/jobs/").content.decode()
    detail = client.get(listing.get_absolute_url()).content.decode()
    assert "This job is no longer accepting applications." in detail

    other = PublishedListingFactory(title_en="Cook in Kyoto")
    assert "Cook in Kyoto" in client.get("/en/jobs/").content.decode()
    Listing.objects.filter(pk=other.pk).update(expires_at=other.published_at)
    with django_capture_on_commit_callbacks(execute=True):
        services.listing_expire_due()
    assert "Cook in Kyoto" not in client.get("/en/jobs/").content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, listing):
    client.get("/en/jobs/")
    storage = CookieStorage(HttpRequest())
    client.cookies["messages"] = storage._encode(
        [Message(constants.SUCCESS, "Your search was saved.")]
    )

    page = client.get("/en/jobs/").content.decode()

    assert "Your search was saved." in page
    assert "Your search was saved." not in Client().get("/en/jobs/").content.decode()


def test_missing_pages_and_redirects_are_not_cached(client, listing):
    missing = reverse("listings:detail", kwargs={"pk": listing.pk + 1000, "slug": "x"})
    short = reverse("listings:detail-short", kwargs={"pk": listing.pk})
    for path, status in ((missing, 404), (short, 301)):
        assert client.get(path).status_code == status
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == status
        assert len(queries) >= 1, path


def test_the_cache_key_keeps_languages_and_queries_apart(client, listing):
    english = client.get("/en/jobs/").content.decode()
    japanese = client.get("/ja/jobs/").content.decode()
    searched = client.get("/en/jobs/?q=nothing-matches-this").content.decode()

    assert 'lang="en"' in english and 'lang="ja"' in japanese
    assert "Welder in Osaka" in english
    assert "Welder in Osaka" not in searched


def test_page_cache_seconds_zero_turns_it_off(client, listing, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/jobs/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/jobs/")
    assert len(queries) >= 1
