"""Journey 4: a seeker saves a search, a matching job is published, the daily digest emails it,
its link opens the job, and its unsubscribe link works without logging in."""

import re

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from applicants.models import SavedSearch
from applicants.tasks import send_job_alerts
from listings import services
from listings.models import Sector
from tests.accounts.factories import TEST_PASSWORD, SeekerFactory, StaffFactory
from tests.e2e.people import browser_for, log_in
from tests.listings.factories import PendingListingFactory, PublishedListingFactory, reference

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LINK = re.compile(r"https?://\S+")


def _publish(title: str, sector: Sector):
    """A listing goes through review and a moderator approves it, as on the live site.

    Approval sets published_at to now: the digest sends only listings published after the
    search was saved (or last sent), which a PublishedListingFactory (a day old) is not."""
    listing = PendingListingFactory(title_en=title, sector=sector)
    return services.listing_approve(listing=listing, by=StaffFactory())


def _on_live_server(url: str, live_server) -> str:
    """Emails link to SITE_URL; the browser talks to the test server instead."""
    assert url.startswith(settings.SITE_URL + "/"), url
    return live_server.url + url.removeprefix(settings.SITE_URL)


def test_saved_search_emails_a_new_job_and_unsubscribes_without_login(
    page, request, browser, size, live_server
):
    care = reference(Sector, slug="nursing-care")
    construction = reference(Sector, slug="construction")
    PublishedListingFactory(title_en="Welder in Osaka", sector=construction)
    seeker = SeekerFactory(email="ravi@example.com")
    log_in(page, seeker.email, TEST_PASSWORD)

    page.goto("/en/jobs/")
    page.locator("summary", has_text="Filters").click()
    page.get_by_role("group", name="Sector").get_by_label("Nursing care").check()
    page.get_by_role("button", name="Show jobs").click()
    page.wait_for_url(re.compile(r"sector=nursing-care"))
    save = page.locator("form.save-search")
    save.get_by_label("Name").fill("Care jobs")
    save.get_by_label("Email me new jobs").select_option(label="Daily")
    save.get_by_role("button", name="Save search").click()
    expect(page.get_by_text("Search saved as “Care jobs”.")).to_be_visible()
    saved = SavedSearch.objects.get(user=seeker)
    assert (saved.querystring, saved.frequency, saved.is_active) == (
        "sector=nursing-care",
        "daily",
        True,
    )

    listing = _publish("Caregiver, day shifts", care)
    _publish("Crane operator", construction)
    mail.outbox.clear()
    assert send_job_alerts("daily") == 1

    [digest] = [message for message in mail.outbox if message.to == [seeker.email]]
    assert "Care jobs" in digest.subject
    assert "Crane operator" not in digest.body
    listing_url = next(url for url in LINK.findall(digest.body) if f"/jobs/{listing.pk}/" in url)
    page.goto(_on_live_server(listing_url, live_server))
    expect(page.locator("h1")).to_have_text("Caregiver, day shifts")

    # "Stop this alert:" is followed by the link that stops this one search.
    stop_url = re.search(r"Stop this alert: (\S+)", digest.body).group(1)
    # A fresh browser: no session, no cookies.
    anonymous = browser_for(request, browser, live_server, size, "anonymous")
    anonymous.goto(_on_live_server(stop_url, live_server))
    expect(anonymous.get_by_role("link", name="Log in")).to_be_visible()
    expect(anonymous.get_by_text("Stop the emails for “Care jobs”?")).to_be_visible()
    anonymous.get_by_role("button", name="Unsubscribe").click()
    done = anonymous.get_by_text("Done. You will get no more emails for “Care jobs”.")
    expect(done).to_be_visible()

    saved.refresh_from_db()
    assert not saved.is_active
    page.goto("/en/me/alerts/")
    row = page.get_by_role("row", name=re.compile("Care jobs"))
    expect(row).to_contain_text("Paused")

    # Off means off: the next matching job is not emailed.
    _publish("Caregiver, night shifts", care)
    mail.outbox.clear()
    assert send_job_alerts("daily") == 0
    assert mail.outbox == []
