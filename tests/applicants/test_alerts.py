"""Saved searches: saving one from /jobs/, managing them, and one-click unsubscribe links."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from applicants import alerts
from applicants.models import SavedSearch
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.applicants.conftest import page_text

pytestmark = pytest.mark.django_db

CREATE_URL = "/en/me/alerts/new/"


@pytest.fixture
def seeker(client):
    user = SeekerFactory()
    client.force_login(user)
    return user


def saved(user, querystring="sector=nursing-care", name="Care jobs", **fields) -> SavedSearch:
    return SavedSearch.objects.create(user=user, name=name, querystring=querystring, **fields)


def save(client, querystring, name="My search", frequency="daily", next_url=None):
    data = {"querystring": querystring, "name": name, "frequency": frequency}
    data["next"] = next_url if next_url is not None else f"/en/jobs/?{querystring}"
    return client.post(CREATE_URL, data, follow=True)


# ---- saving from /jobs/ ----


def test_saving_stores_the_normalised_querystring_and_redirects_back(client, seeker):
    raw = "status=ssw-1&sector=nursing-care&sort=salary&page=2&sector=bogus&q=+care++worker+"

    response = save(client, raw, name="Care in Tokyo", frequency="weekly")

    search = SavedSearch.objects.get(user=seeker)
    assert search.querystring == "q=care+worker&sector=nursing-care&status=ssw-1"
    assert search.name == "Care in Tokyo"
    assert search.frequency == SavedSearch.Frequency.WEEKLY
    assert search.is_active
    assert search.get_absolute_url() == "/en/jobs/?q=care+worker&sector=nursing-care&status=ssw-1"
    assert response.redirect_chain == [(f"/en/jobs/?{raw}", 302)]
    assert "Search saved as “Care in Tokyo”." in page_text(response)


def test_the_same_search_in_another_order_is_refused_as_a_duplicate(client, seeker):
    save(client, "sector=nursing-care&status=ssw-1", name="First")

    response = save(client, "status=ssw-1&sector=nursing-care&page=3", name="Second")

    assert SavedSearch.objects.filter(user=seeker).count() == 1
    assert "You already saved this search as “First”." in page_text(response)


def test_another_seeker_may_save_the_same_search(seeker):
    other = SeekerFactory()
    saved(other, "sector=construction")

    alerts.saved_search_create(user=seeker, querystring="sector=construction", name="Mine")

    assert SavedSearch.objects.filter(querystring="sector=construction").count() == 2


def test_the_twenty_first_saved_search_is_refused(client, seeker):
    for number in range(SavedSearch.MAX_PER_SEEKER):
        saved(seeker, f"salary_min={200_000 + number}", name=f"Search {number}")

    response = save(client, "sector=agriculture")

    assert SavedSearch.objects.filter(user=seeker).count() == SavedSearch.MAX_PER_SEEKER
    assert "You can keep up to 20 saved searches. Delete one before saving another." in (
        page_text(response)
    )


def test_paused_searches_count_towards_the_limit(seeker):
    for number in range(SavedSearch.MAX_PER_SEEKER):
        saved(seeker, f"salary_min={200_000 + number}", is_active=False)

    with pytest.raises(ValidationError):
        alerts.saved_search_create(user=seeker, querystring="sector=agriculture")


def test_a_search_saved_without_a_name_is_named_after_its_filters(seeker):
    search = alerts.saved_search_create(
        user=seeker, querystring="q=cook&sector=food-service&prefecture=27", name=" "
    )

    assert search.name == "cook · Food service · Osaka"


def test_a_search_without_filters_is_all_jobs(seeker):
    search = alerts.saved_search_create(user=seeker, querystring="sort=newest")

    assert search.querystring == ""
    assert search.name == "All jobs"
    assert search.get_absolute_url() == "/en/jobs/"


def test_an_unknown_frequency_is_refused(client, seeker):
    response = save(client, "sector=construction", frequency="hourly")

    assert not SavedSearch.objects.exists()
    assert "Select a valid choice." in page_text(response)


def test_an_external_next_is_ignored(client, seeker):
    response = client.post(
        CREATE_URL,
        {
            "querystring": "sector=construction",
            "frequency": "daily",
            "next": "https://evil.example/",
        },
    )

    assert response["Location"] == "/en/jobs/"


def test_employers_cannot_save_searches(client):
    client.force_login(EmployerFactory())

    response = client.post(
        CREATE_URL, {"querystring": "sector=construction", "frequency": "daily"}
    )

    assert response.status_code == 403
    assert not SavedSearch.objects.exists()


def test_the_service_refuses_employers(db):
    with pytest.raises(PermissionDenied):
        alerts.saved_search_create(user=EmployerFactory(), querystring="sector=construction")


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.post(CREATE_URL, {"querystring": "sector=construction"})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_jobs_page_offers_seekers_the_save_form_with_the_query(client, seeker):
    response = client.get("/en/jobs/?sector=construction&sort=salary")

    html = response.content.decode()
    assert 'action="/en/me/alerts/new/"' in html
    assert 'name="querystring" value="sector=construction"' in html
    assert "Save this search" in page_text(response)


def test_jobs_page_offers_anonymous_visitors_a_log_in_link(client):
    response = client.get("/en/jobs/?sector=construction")

    html = response.content.decode()
    assert 'action="/en/me/alerts/new/"' not in html
    assert "/en/accounts/login/?next=/en/jobs/%3Fsector%3Dconstruction" in html
    assert "Log in to save this search" in page_text(response)


def test_jobs_page_shows_employers_nothing_about_saving(client):
    client.force_login(EmployerFactory())

    text = page_text(client.get("/en/jobs/?sector=construction"))

    assert "Save this search" not in text
    assert "Log in to save this search" not in text


# ---- /me/alerts/ ----


def test_alerts_page_lists_the_seekers_searches(client, seeker):
    saved(seeker, "sector=construction", name="Builders", frequency="weekly")
    paused = saved(seeker, "sector=agriculture", name="Farms", is_active=False)
    paused.last_sent_at = datetime.datetime(2025, 3, 4, 7, 0, tzinfo=datetime.UTC)
    paused.save()
    saved(SeekerFactory(), "sector=fishery", name="Someone else's")

    response = client.get("/en/me/alerts/")

    text = page_text(response)
    assert "Builders" in text and "Farms" in text
    assert "Someone else's" not in text
    assert "Weekly" in text and "Daily" in text
    assert "Active" in text and "Paused" in text
    assert "Not yet" in text
    assert 'href="/en/jobs/?sector=construction"' in response.content.decode()


def test_editing_changes_name_and_frequency(client, seeker):
    search = saved(seeker)

    response = client.post(
        f"/en/me/alerts/{search.pk}/edit/", {"name": "Care, weekly", "frequency": "weekly"}
    )

    assert response["Location"] == "/en/me/alerts/"
    search.refresh_from_db()
    assert (search.name, search.frequency) == ("Care, weekly", "weekly")
    assert search.querystring == "sector=nursing-care"


def test_editing_needs_a_name(client, seeker):
    search = saved(seeker)

    response = client.post(f"/en/me/alerts/{search.pk}/edit/", {"name": "", "frequency": "daily"})

    assert response.status_code == 200
    assert "This field is required." in page_text(response)
    search.refresh_from_db()
    assert search.name == "Care jobs"


def test_pause_then_resume(client, seeker):
    search = saved(seeker)

    client.post(f"/en/me/alerts/{search.pk}/pause/")
    search.refresh_from_db()
    assert not search.is_active

    response = client.post(f"/en/me/alerts/{search.pk}/resume/", follow=True)
    search.refresh_from_db()
    assert search.is_active
    assert "Emails for “Care jobs” are on again." in page_text(response)


def test_delete_is_a_post_from_the_confirmation(client, seeker):
    search = saved(seeker)

    assert client.get(f"/en/me/alerts/{search.pk}/delete/").status_code == 405
    page = client.get("/en/me/alerts/").content.decode()
    assert f'action="/en/me/alerts/{search.pk}/delete/"' in page

    response = client.post(f"/en/me/alerts/{search.pk}/delete/", follow=True)

    assert not SavedSearch.objects.exists()
    assert "Deleted “Care jobs”." in page_text(response)


@pytest.mark.parametrize(
    ("method", "action"),
    [("get", "edit"), ("post", "edit"), ("post", "pause"), ("post", "resume"), ("post", "delete")],
)
def test_another_seekers_alert_is_not_found(client, seeker, method, action):
    theirs = saved(SeekerFactory())

    response = getattr(client, method)(f"/en/me/alerts/{theirs.pk}/{action}/", {"name": "x"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.is_active) == ("Care jobs", True)


def test_employers_have_no_alerts_page(client):
    client.force_login(EmployerFactory())

    assert client.get("/en/me/alerts/").status_code == 403


# ---- unsubscribe links ----


def unsubscribe_path(token: str) -> str:
    return f"/en/alerts/unsubscribe/{token}/"


def test_get_only_asks_for_confirmation(db):
    search = saved(SeekerFactory())

    response = Client().get(unsubscribe_path(alerts.unsubscribe_token_for_search(search)))

    assert response.status_code == 200
    assert "Stop the emails for “Care jobs”?" in page_text(response)
    assert '<form method="post"' in response.content.decode()
    search.refresh_from_db()
    assert search.is_active


def test_one_click_post_unsubscribes_without_login_or_csrf_token(db):
    search = saved(SeekerFactory())
    other = saved(search.user, "sector=construction", name="Builders")
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        unsubscribe_path(alerts.unsubscribe_token_for_search(search)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert "You will get no more emails for “Care jobs”." in page_text(response)
    search.refresh_from_db()
    other.refresh_from_db()
    assert not search.is_active
    assert other.is_active


def test_the_all_alerts_link_pauses_every_search_of_that_seeker(db):
    user = SeekerFactory()
    searches = [saved(user, f"sector={slug}") for slug in ("construction", "fishery")]
    stranger = saved(SeekerFactory())

    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_path(alerts.unsubscribe_token_for_all(user))
    )

    assert "You will get no more job alert emails." in page_text(response)
    assert not SavedSearch.objects.filter(pk__in=[s.pk for s in searches], is_active=True).exists()
    stranger.refresh_from_db()
    assert stranger.is_active


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_token_gets_a_clear_error(db, method):
    search = saved(SeekerFactory())
    token = alerts.unsubscribe_token_for_search(search)
    forged = token.replace(token.split(":")[0], signing.b64_encode(b'{"user":1}').decode())

    for bad in (forged, token[:-2] + "xx", "nonsense"):
        response = getattr(Client(enforce_csrf_checks=True), method)(unsubscribe_path(bad))

        assert response.status_code == 400
        assert "This unsubscribe link is not valid." in page_text(response)
    search.refresh_from_db()
    assert search.is_active


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_expired_token_gets_a_clear_error(db, method):
    search = saved(SeekerFactory())
    with time_machine.travel(datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC), tick=False):
        token = alerts.unsubscribe_token_for_search(search)

    with time_machine.travel(datetime.datetime(2025, 3, 3, tzinfo=datetime.UTC), tick=False):
        response = getattr(Client(enforce_csrf_checks=True), method)(unsubscribe_path(token))

    assert response.status_code == 400
    assert "This unsubscribe link has expired." in page_text(response)
    search.refresh_from_db()
    assert search.is_active


def test_a_token_still_works_within_sixty_days(db):
    search = saved(SeekerFactory())
    with time_machine.travel(datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC), tick=False):
        token = alerts.unsubscribe_token_for_search(search)

    with time_machine.travel(datetime.datetime(2025, 2, 28, tzinfo=datetime.UTC), tick=False):
        response = Client().post(unsubscribe_path(token))

    assert response.status_code == 200
    search.refresh_from_db()
    assert not search.is_active


def test_the_link_of_a_deleted_search_says_there_is_nothing_left(db):
    search = saved(SeekerFactory())
    token = alerts.unsubscribe_token_for_search(search)
    search.delete()

    response = Client().post(unsubscribe_path(token))

    assert response.status_code == 200
    assert "this job alert was deleted" in page_text(response)
