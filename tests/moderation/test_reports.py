"""Abuse reports: who may report, what they can say, limits, suspension and resolution."""

import math

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from listings.models import AbuseReport, Listing
from tests.accounts.factories import SeekerFactory
from tests.listings.factories import PendingListingFactory, PublishedListingFactory
from tests.moderation.pages import (
    QUEUE,
    REPORTS_ADMIN,
    action_data,
    admin_messages,
    form_data,
    listed,
    page_text,
    sent_to,
)

pytestmark = pytest.mark.django_db

DUPLICATE = "You already reported this listing; our moderators are looking at it."
THANKS = "Thank you. Our moderators will look at this listing."


def report_url(listing) -> str:
    return f"/en/jobs/{listing.pk}/report/"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def report(user, listing, reason="fees", details="They asked for a deposit.", **kwargs):
    return logged_in(user).post(
        report_url(listing), {"reason": reason, "details": details}, **kwargs
    )


@pytest.fixture
def listing(team):
    return PublishedListingFactory(company=team.company, title_en="Care worker in Chiba")


# ---- the form ----


def test_listing_page_links_to_the_report_form(client, listing):
    assert report_url(listing) in client.get(listing.get_absolute_url()).content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_log_in_before_reporting(client, listing, method):
    data = {"reason": "fees"} if method == "post" else None
    response = getattr(client, method)(report_url(listing), data)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={report_url(listing)}"
    assert not AbuseReport.objects.exists()


def test_report_form_offers_the_reasons(seeker, listing):
    response = logged_in(seeker).get(report_url(listing))

    assert response.status_code == 200
    text = page_text(response)
    for label in (
        "Asks for fees or deposits",
        "Fake or misleading",
        "Discriminatory",
        "Wrong information",
        "Other",
    ):
        assert label in text
    assert 'name="details"' in response.content.decode()


def test_a_report_is_saved_and_the_reporter_returns_to_the_listing(seeker, listing):
    response = report(seeker, listing, reason="fake", details="No such address.", follow=True)

    assert response.redirect_chain == [(listing.get_absolute_url(), 302)]
    assert THANKS in page_text(response)
    saved = AbuseReport.objects.get()
    assert (saved.listing, saved.reporter, saved.reason, saved.details, saved.status) == (
        listing,
        seeker,
        "fake",
        "No such address.",
        AbuseReport.Status.OPEN,
    )


def test_details_longer_than_2000_characters_are_refused_and_kept_in_the_form(seeker, listing):
    details = "They asked me to pay 300,000 yen before the interview. " + "x" * 1950
    assert len(details) > 2000

    response = report(seeker, listing, details=details)

    assert response.status_code == 200
    assert "Ensure this value has at most 2000 characters" in page_text(response)
    assert form_data(response, field="details")["details"] == [details]
    assert form_data(response, field="details")["reason"] == ["fees"]
    assert not AbuseReport.objects.exists()


def test_details_of_exactly_2000_characters_are_accepted(seeker, listing):
    response = report(seeker, listing, details="y" * 2000)

    assert response.status_code == 302
    assert len(AbuseReport.objects.get().details) == 2000


def test_a_report_needs_a_reason_from_the_list(seeker, listing):
    response = report(seeker, listing, reason="boring")

    assert response.status_code == 200
    assert "Select a valid choice." in page_text(response)
    assert not AbuseReport.objects.exists()


def test_one_open_report_per_person_per_listing(seeker, listing):
    report(seeker, listing)

    response = report(seeker, listing, reason="fake", details="Also fake.")

    assert response.status_code == 200
    assert DUPLICATE in page_text(response)
    assert AbuseReport.objects.count() == 1


def test_someone_whose_report_was_resolved_may_report_again(seeker, listing, moderator):
    report(seeker, listing)
    logged_in(moderator).post(
        REPORTS_ADMIN,
        action_data("resolve_reports", AbuseReport.objects.all(), apply="1", outcome="no_action"),
    )

    assert report(seeker, listing).status_code == 302
    assert AbuseReport.objects.filter(reporter=seeker).count() == 2


def test_listings_not_shown_to_the_public_cannot_be_reported(seeker):
    pending = PendingListingFactory()

    assert report(seeker, pending).status_code == 404
    assert not AbuseReport.objects.exists()


# ---- rate limit ----


def test_too_many_reports_get_a_429_page_that_says_when_to_retry(seeker, settings):
    listings = PublishedListingFactory.create_batch(3)

    # Time stands still so that all the reports fall in one rate-limit window.
    with (
        time_machine.travel(timezone.now(), tick=False),
    ):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report": "2/h"}
        assert report(seeker, listings[0]).status_code == 302
        assert report(seeker, listings[1]).status_code == 302
        refused = report(seeker, listings[2])
        other_person = report(SeekerFactory(), listings[2])

    assert refused.status_code == 429
    minutes = math.ceil(int(refused["Retry-After"]) / 60)
    assert 1 <= minutes <= 60
    assert f"Please try again in {minutes} minute" in page_text(refused)
    assert not AbuseReport.objects.filter(listing=listings[2], reporter=seeker).exists()
    assert other_person.status_code == 302


def test_the_default_limit_allows_ten_reports_an_hour(seeker):
    listings = PublishedListingFactory.create_batch(11)

    with time_machine.travel(timezone.now(), tick=False):
        statuses = [report(seeker, listing).status_code for listing in listings]

    assert statuses == [302] * 10 + [429]
    assert AbuseReport.objects.filter(reporter=seeker).count() == 10


# ---- three reporters ----


def test_three_reporters_hide_the_listing_for_review_and_tell_its_company(
    listing, team, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    public = Client()
    assert "Care worker in Chiba" in page_text(public.get("/en/jobs/"))

    with django_capture_on_commit_callbacks(execute=True):
        for reporter in SeekerFactory.create_batch(3):
            assert report(reporter, listing).status_code == 302

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    assert "Care worker in Chiba" not in page_text(public.get("/en/jobs/"))
    assert public.get(listing.get_absolute_url()).status_code == 404
    assert public.get(f"/en/jobs/{listing.pk}/").status_code == 404
    moderator_client = logged_in(moderator)
    assert listed(moderator_client.get(QUEUE)) == ["Care worker in Chiba"]
    review_page = page_text(moderator_client.get(f"{QUEUE}{listing.pk}/change/"))
    assert "Asks for fees or deposits" in review_page
    assert review_page.count("They asked for a deposit.") == 3
    assert sent_to(mailoutbox, "Hidden for review: Care worker in Chiba") == team.emails


def test_two_reporters_leave_the_listing_online(
    listing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for reporter in SeekerFactory.create_batch(2):
            report(reporter, listing)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    public = Client()
    assert "Care worker in Chiba" in page_text(public.get("/en/jobs/"))
    assert public.get(listing.get_absolute_url()).status_code == 200
    assert mailoutbox == []


def test_resolved_reports_do_not_count_towards_hiding_a_listing(listing, moderator):
    first, second = SeekerFactory.create_batch(2)
    report(first, listing)
    report(second, listing)
    logged_in(moderator).post(
        REPORTS_ADMIN,
        action_data("resolve_reports", AbuseReport.objects.all(), apply="1", outcome="no_action"),
    )

    report(SeekerFactory(), listing)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED


# ---- resolving ----


def test_resolve_action_asks_for_the_outcome_first(reviewer_client, seeker, listing):
    report(seeker, listing)

    response = reviewer_client.post(
        REPORTS_ADMIN, action_data("resolve_reports", AbuseReport.objects.all())
    )

    assert response.status_code == 200
    text = page_text(response)
    assert "Resolve reports" in text
    for outcome in ("No problem found", "Listing removed", "Company warned"):
        assert outcome in text
    assert AbuseReport.objects.get().status == AbuseReport.Status.OPEN


def test_resolving_records_outcome_note_who_and_when(reviewer_client, reviewer, listing):
    for reporter in SeekerFactory.create_batch(2):
        report(reporter, listing)
    other = AbuseReport.objects.create(
        listing=PublishedListingFactory(), reporter=SeekerFactory(), reason="fake"
    )
    chosen = AbuseReport.objects.filter(listing=listing)

    response = reviewer_client.post(
        REPORTS_ADMIN,
        action_data(
            "resolve_reports",
            chosen,
            apply="1",
            outcome="company_warned",
            note="Called the company; the deposit line is gone.",
        ),
        follow=True,
    )

    assert admin_messages(response) == ["Resolved 2 reports."]
    for resolved in chosen.all():
        assert resolved.status == AbuseReport.Status.RESOLVED
        assert resolved.outcome == AbuseReport.Outcome.COMPANY_WARNED
        assert resolved.resolution_note == "Called the company; the deposit line is gone."
        assert resolved.resolved_by == reviewer
        assert resolved.resolved_at is not None
    other.refresh_from_db()
    assert other.status == AbuseReport.Status.OPEN
    assert other.resolved_by is None


def test_resolving_needs_an_outcome(reviewer_client, seeker, listing):
    report(seeker, listing)

    response = reviewer_client.post(
        REPORTS_ADMIN,
        action_data("resolve_reports", AbuseReport.objects.all(), apply="1", note="Fine."),
    )

    assert response.status_code == 200
    assert "This field is required." in page_text(response)
    assert AbuseReport.objects.get().status == AbuseReport.Status.OPEN


def test_resolving_an_already_resolved_report_keeps_the_first_resolution(
    reviewer_client, reviewer, seeker, listing
):
    report(seeker, listing)
    reports = AbuseReport.objects.all()
    reviewer_client.post(
        REPORTS_ADMIN,
        action_data("resolve_reports", reports, apply="1", outcome="no_action", note="First."),
    )

    response = reviewer_client.post(
        REPORTS_ADMIN,
        action_data("resolve_reports", reports, apply="1", outcome="listing_removed"),
        follow=True,
    )

    assert any("This report is already resolved." in text for text in admin_messages(response))
    resolved = AbuseReport.objects.get()
    assert resolved.outcome == AbuseReport.Outcome.NO_ACTION
    assert resolved.resolution_note == "First."
