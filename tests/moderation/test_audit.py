"""The audit trail: every moderation decision and staff edit is recorded, and stays."""

import pytest
from auditlog.models import LogEntry

from applicants.models import Application
from listings.models import AbuseReport
from tests.accounts.factories import SeekerFactory
from tests.applicants.factories import ApplicationFactory
from tests.listings.factories import CompanyFactory, PendingListingFactory, PublishedListingFactory
from tests.moderation.pages import (
    COMPANIES_ADMIN,
    LISTINGS_ADMIN,
    QUEUE,
    REPORTS_ADMIN,
    action_data,
    changelist_rows,
    form_data,
    page_text,
)

pytestmark = pytest.mark.django_db

AUDIT_LOG = "/admin/auditlog/logentry/"


def updates_of(obj) -> list[LogEntry]:
    return list(
        LogEntry.objects.get_for_object(obj)
        .filter(action=LogEntry.Action.UPDATE)
        .order_by("timestamp", "pk")
    )


def only_update_of(obj) -> LogEntry:
    entries = updates_of(obj)
    assert len(entries) == 1, [entry.changes for entry in entries]
    return entries[0]


# ---- moderation decisions ----


def test_approving_records_who_published_the_listing(reviewer_client, reviewer):
    listing = PendingListingFactory()

    reviewer_client.post(f"{QUEUE}{listing.pk}/approve/")

    entry = only_update_of(listing)
    assert entry.actor == reviewer
    assert entry.changes["status"] == ["pending", "published"]
    assert entry.changes["published_at"][0] == "None"
    assert "Care worker" in entry.changes["approved_content"][1]


def test_rejecting_records_the_reason(reviewer_client, reviewer):
    listing = PendingListingFactory()

    reviewer_client.post(
        f"{QUEUE}{listing.pk}/reject/", {"reason": "off_site_contact", "details": "Remove LINE."}
    )

    entry = only_update_of(listing)
    assert entry.actor == reviewer
    assert entry.changes["status"] == ["pending", "rejected"]
    assert entry.changes["rejection_reason"] == [
        "",
        "Contact details that route applicants off Hataraku. Remove LINE.",
    ]


def test_bulk_decisions_record_one_entry_per_listing(reviewer_client, reviewer):
    listings = PendingListingFactory.create_batch(2)

    reviewer_client.post(QUEUE, action_data("approve_listings", listings))

    for listing in listings:
        entry = only_update_of(listing)
        assert entry.actor == reviewer
        assert entry.changes["status"] == ["pending", "published"]


def test_verifying_a_company_records_the_note(reviewer_client, reviewer):
    company = CompanyFactory()

    reviewer_client.post(
        COMPANIES_ADMIN,
        action_data("verify_companies", [company], apply="1", note="Visited the office."),
    )

    entry = only_update_of(company)
    assert entry.actor == reviewer
    assert entry.changes["verified"] == ["False", "True"]
    assert entry.changes["verification_note"] == ["", "Visited the office."]
    assert entry.changes["verified_at"][0] == "None"


def test_resolving_a_report_records_outcome_note_and_resolver(reviewer_client, reviewer):
    report = AbuseReport.objects.create(
        listing=PublishedListingFactory(), reporter=SeekerFactory(), reason="fees"
    )

    reviewer_client.post(
        REPORTS_ADMIN,
        action_data(
            "resolve_reports", [report], apply="1", outcome="listing_changed", note="Fixed."
        ),
    )

    entry = only_update_of(report)
    assert entry.actor == reviewer
    assert entry.changes["status"] == ["open", "resolved"]
    assert entry.changes["outcome"] == ["", "listing_changed"]
    assert entry.changes["resolution_note"] == ["", "Fixed."]
    assert entry.changes["resolved_by"] == ["None", str(reviewer.pk)]


# ---- staff edits through the admin ----


def edit_in_admin(client, url: str, field: str, value: str):
    data = form_data(client.get(url), field=field)
    data[field] = [value]
    response = client.post(url, data)
    assert response.status_code == 302, page_text(response)


def test_staff_edit_of_a_listing_records_before_and_after(superuser_client, superuser):
    listing = PublishedListingFactory(salary_max=260_000)

    edit_in_admin(
        superuser_client, f"{LISTINGS_ADMIN}{listing.pk}/change/", "salary_max", "280000"
    )

    entry = only_update_of(listing)
    assert entry.actor == superuser
    assert entry.changes["salary_max"] == ["260000", "280000"]


def test_staff_edit_of_a_company_records_before_and_after(superuser_client, superuser):
    company = CompanyFactory(address="1-2-3 Shibaura, Minato-ku")

    edit_in_admin(
        superuser_client,
        f"{COMPANIES_ADMIN}{company.pk}/change/",
        "address",
        "4-5-6 Nishi-Shinjuku, Shinjuku-ku",
    )

    entry = only_update_of(company)
    assert entry.actor == superuser
    assert entry.changes["address"] == [
        "1-2-3 Shibaura, Minato-ku",
        "4-5-6 Nishi-Shinjuku, Shinjuku-ku",
    ]


def test_staff_edit_of_an_application_records_before_and_after(superuser_client, superuser):
    application = ApplicationFactory()

    edit_in_admin(
        superuser_client,
        f"/admin/applicants/application/{application.pk}/change/",
        "status",
        Application.Status.IN_REVIEW,
    )

    entry = only_update_of(application)
    assert entry.actor == superuser
    assert entry.changes["status"] == ["submitted", "in_review"]


def test_changes_outside_a_request_have_no_actor():
    listing = PendingListingFactory()

    entry = LogEntry.objects.get_for_object(listing).get(action=LogEntry.Action.CREATE)

    assert entry.actor is None


# ---- the audit log in the admin ----


@pytest.fixture
def approval(reviewer_client):
    listing = PendingListingFactory(title_en="Cook in Kobe")
    reviewer_client.post(f"{QUEUE}{listing.pk}/approve/")
    return only_update_of(listing)


def test_audit_log_lists_who_changed_what(reviewer_client, reviewer, approval):
    rows = changelist_rows(reviewer_client.get(AUDIT_LOG, {"q": reviewer.email}))

    assert len(rows) == 1
    assert "Cook in Kobe" in rows[0]["resource_url"]
    assert rows[0]["user_url"] == reviewer.email
    assert "status" in rows[0]["msg_short"]


def test_audit_entry_page_shows_before_and_after_without_a_save_button(reviewer_client, approval):
    page = reviewer_client.get(f"{AUDIT_LOG}{approval.pk}/change/")

    assert page.status_code == 200
    text = page_text(page)
    assert "pending" in text
    assert "published" in text
    assert 'name="_save"' not in page.content.decode()


def test_audit_entries_cannot_be_added(reviewer_client):
    assert reviewer_client.get(f"{AUDIT_LOG}add/").status_code == 403
    assert reviewer_client.post(f"{AUDIT_LOG}add/", {"action": "1"}).status_code == 403


def test_audit_entries_cannot_be_changed(reviewer_client, approval):
    response = reviewer_client.post(f"{AUDIT_LOG}{approval.pk}/change/", {"action": "2"})

    assert response.status_code == 403
    approval.refresh_from_db()
    assert approval.action == LogEntry.Action.UPDATE


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_audit_entry_cannot_be_deleted(reviewer_client, approval, method):
    response = getattr(reviewer_client, method)(
        f"{AUDIT_LOG}{approval.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert LogEntry.objects.filter(pk=approval.pk).exists()


def test_audit_entries_cannot_be_deleted_in_bulk(reviewer_client, approval):
    before = LogEntry.objects.count()
    changelist = reviewer_client.get(AUDIT_LOG)
    assert "delete_selected" not in changelist.content.decode()

    for confirmed in ({}, {"post": "yes"}):
        response = reviewer_client.post(
            AUDIT_LOG, action_data("delete_selected", LogEntry.objects.all(), **confirmed)
        )
        assert response.status_code in (200, 302)

    assert LogEntry.objects.count() == before
    assert LogEntry.objects.filter(pk=approval.pk).exists()
