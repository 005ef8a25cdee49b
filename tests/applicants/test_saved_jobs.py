"""Saving jobs: the toggle (JSON or redirect), the saved list, and who may use them."""

import pytest

from applicants.models import SavedJob
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.applicants.conftest import page_text
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db


def save_url(listing) -> str:
    return f"/en/jobs/{listing.pk}/save/"


@pytest.fixture
def listing(db):
    return PublishedListingFactory(title_en="Hotel housekeeper")


@pytest.fixture
def seeker(client):
    user = SeekerFactory()
    client.force_login(user)
    return user


def test_toggle_saves_then_unsaves_with_json(client, seeker, listing):
    first = client.post(save_url(listing), HTTP_ACCEPT="application/json")

    assert first.status_code == 200
    assert first.json() == {"saved": True}
    assert SavedJob.objects.filter(user=seeker, listing=listing).exists()

    second = client.post(save_url(listing), HTTP_ACCEPT="application/json")

    assert second.json() == {"saved": False}
    assert not SavedJob.objects.filter(user=seeker, listing=listing).exists()


def test_toggle_without_json_redirects_back_to_a_same_site_next(client, seeker, listing):
    response = client.post(save_url(listing), {"next": "/en/jobs/?q=hotel"}, follow=True)

    assert response.redirect_chain == [("/en/jobs/?q=hotel", 302)]
    assert "Job saved." in page_text(response)


def test_toggle_refuses_an_external_next_and_goes_to_the_listing(client, seeker, listing):
    response = client.post(save_url(listing), {"next": "https://evil.example/"})

    assert response.status_code == 302
    assert response["Location"] == listing.get_absolute_url()


@pytest.mark.parametrize("next_url", ["//evil.example/", "javascript:alert(1)", ""])
def test_toggle_refuses_other_unsafe_next_values(client, seeker, listing, next_url):
    response = client.post(save_url(listing), {"next": next_url})

    assert response["Location"] == listing.get_absolute_url()


def test_unsaving_says_so(client, seeker, listing):
    SavedJob.objects.create(user=seeker, listing=listing)

    response = client.post(save_url(listing), follow=True)

    assert "Job removed from saved jobs." in page_text(response)
    assert not SavedJob.objects.exists()


def test_saved_jobs_page_lists_them(client, seeker, listing):
    other = PublishedListingFactory(title_en="Farm hand")
    PublishedListingFactory(title_en="Not saved")
    client.post(save_url(listing))
    client.post(save_url(other))

    text = page_text(client.get("/en/me/saved/"))

    assert "Hotel housekeeper" in text
    assert "Farm hand" in text
    assert "Not saved" not in text


def test_saved_jobs_page_shows_only_my_saved_jobs(client, seeker, listing):
    SavedJob.objects.create(user=SeekerFactory(), listing=listing)

    text = page_text(client.get("/en/me/saved/"))

    assert "Hotel housekeeper" not in text
    assert "No saved jobs." in text


def test_listing_page_shows_the_saved_state(client, seeker, listing):
    assert 'aria-pressed="false"' in client.get(listing.get_absolute_url()).content.decode()

    client.post(save_url(listing))

    assert 'aria-pressed="true"' in client.get(listing.get_absolute_url()).content.decode()


def test_toggle_needs_post(client, seeker, listing):
    assert client.get(save_url(listing)).status_code == 405
    assert not SavedJob.objects.exists()


def test_employers_cannot_save_jobs(client, listing):
    client.force_login(EmployerFactory())

    assert client.post(save_url(listing)).status_code == 403
    assert client.get("/en/me/saved/").status_code == 403
    assert not SavedJob.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, listing):
    response = client.post(save_url(listing))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert not SavedJob.objects.exists()


def test_saving_an_unknown_listing_is_404(client, seeker):
    assert client.post("/en/jobs/999999/save/").status_code == 404
