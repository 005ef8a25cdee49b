"""The staff dashboard on /admin/: what needs attention, counted from the database."""

import datetime

import pytest
from django.utils import timezone

from applicants.models import Application
from listings.models import AbuseReport, ListingFlag
from notifications.models import Notification
from tests.accounts.factories import SeekerFactory
from tests.applicants.factories import ApplicationFactory
from tests.listings.factories import (
    ListingFactory,
    PendingListingFactory,
    PublishedListingFactory,
    RejectedListingFactory,
)
from tests.moderation.pages import table_after

pytestmark = pytest.mark.django_db


def dashboard(client) -> dict[str, str]:
    response = client.get("/admin/")
    assert response.status_code == 200
    return dict(table_after(response, "Needs attention"))


def flag(listing) -> None:
    ListingFlag.objects.create(
        listing=listing, code=ListingFlag.Code.WORKER_PAYS_FEES, detail="deposit"
    )


def notification(status: str, key: str) -> None:
    Notification.objects.create(
        to_email="someone@example.com",
        kind=Notification.Kind.ACCOUNT,
        language="en",
        subject="Hello",
        body_text="Hello",
        dedup_key=key,
        status=status,
    )


def test_dashboard_counts_what_needs_attention(reviewer_client):
    now = timezone.now()
    oldest = PendingListingFactory(submitted_at=now - datetime.timedelta(days=3))
    PendingListingFactory(submitted_at=now - datetime.timedelta(hours=2))
    flag(oldest)
    published = PublishedListingFactory(edited_after_approval_at=now)
    flag(published)
    flag(ListingFactory())  # a draft's flags wait for its submission
    flag(RejectedListingFactory())
    for reporter in SeekerFactory.create_batch(2):
        AbuseReport.objects.create(listing=published, reporter=reporter, reason="fees")
    AbuseReport.objects.create(
        listing=published,
        reporter=SeekerFactory(),
        reason="fake",
        status=AbuseReport.Status.RESOLVED,
    )
    notification(Notification.Status.FAILED, "failed")
    notification(Notification.Status.SENT, "sent")
    notification(Notification.Status.PENDING, "pending")
    ApplicationFactory.create_batch(2, listing=published)
    earlier = ApplicationFactory(listing=published)
    Application.objects.filter(pk=earlier.pk).update(created_at=now - datetime.timedelta(days=2))

    counts = dashboard(reviewer_client)

    assert counts == {
        "Listings pending review": "2 — oldest waiting 3 days",
        "Open reports": "2",
        "Flagged listings": "2",
        "Edited after approval (7 days)": "1",
        "Failed emails": "1",
        "New applications today": "2",
    }


def test_dashboard_with_nothing_to_do_shows_zeros(reviewer_client):
    PublishedListingFactory()

    assert dashboard(reviewer_client) == {
        "Listings pending review": "0",
        "Open reports": "0",
        "Flagged listings": "0",
        "Edited after approval (7 days)": "0",
        "Failed emails": "0",
        "New applications today": "0",
    }


def test_dashboard_links_each_count_to_its_list(superuser_client):
    html = superuser_client.get("/admin/").content.decode()

    for link in (
        'href="/admin/listings/listingforreview/"',
        'href="/admin/listings/abusereport/?status__exact=open"',
        'href="/admin/listings/listing/?flags=yes"',
        'href="/admin/listings/listing/?edited=7"',
        'href="/admin/notifications/notification/?status__exact=failed"',
    ):
        assert link in html


def test_dashboard_does_not_link_moderators_to_the_email_outbox(moderator_client):
    html = moderator_client.get("/admin/").content.decode()

    assert "Failed emails" in html
    assert "/admin/notifications/notification/" not in html


@pytest.mark.parametrize(
    "url",
    ["/admin/listings/abusereport/?status__exact=open", "/admin/listings/listing/?flags=yes"],
)
def test_dashboard_links_open_for_a_moderator(moderator_client, url):
    assert moderator_client.get(url).status_code == 200
