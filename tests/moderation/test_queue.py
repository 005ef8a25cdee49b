"""The review queue: pending listings oldest first; approve and reject one or many; edits."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from listings import services
from listings.models import Listing
from tests.listings.factories import (
    ClosedListingFactory,
    ListingFactory,
    PendingListingFactory,
    PublishedListingFactory,
    RejectedListingFactory,
    VerifiedCompanyFactory,
)
from tests.moderation.pages import (
    LISTINGS_ADMIN,
    QUEUE,
    action_data,
    admin_messages,
    changelist_rows,
    form_data,
    listed,
    page_text,
    sent_to,
    table_after,
)

pytestmark = pytest.mark.django_db

FEES_LABEL = "Asks the worker to pay fees, deposits or penalties"


def submitted(days_ago: float, **fields) -> Listing:
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return PendingListingFactory(submitted_at=when, **fields)


def public_page(listing) -> int:
    return Client().get(f"/en/jobs/{listing.pk}/{listing.slug}/").status_code


def public_board() -> str:
    return page_text(Client().get("/en/jobs/"))


def employer_edits(team, listing, **changes):
    """The company's owner changes fields of `listing` in the employer editor."""
    client = team.client()
    url = f"/en/employer/listings/{listing.pk}/edit/"
    data = form_data(client.get(url), field="salary_min")
    data.update({name: [str(value)] for name, value in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 302, page_text(response)


# ---- the list ----


def test_queue_lists_only_pending_listings_oldest_submitted_first(reviewer_client):
    submitted(2, title_en="Welder in Osaka")
    submitted(5, title_en="Cook in Sapporo")
    submitted(0.1, title_en="Cleaner in Nagoya")
    PublishedListingFactory(title_en="Already published")
    ListingFactory(title_en="Still a draft")
    RejectedListingFactory(title_en="Was rejected")
    ClosedListingFactory(title_en="Was closed")

    response = reviewer_client.get(QUEUE)

    assert response.status_code == 200
    assert listed(response) == ["Cook in Sapporo", "Welder in Osaka", "Cleaner in Nagoya"]


def test_queue_shows_whether_the_company_is_verified_and_how_many_flags(reviewer_client, team):
    flagged = ListingFactory(
        company=team.company,
        title_en="Care worker in Chiba",
        salary_min=200_000,
        description_en="A deposit of 50,000 yen is required.",
    )
    services.listing_submit(listing=flagged, by=team.owner)
    clean = ListingFactory(
        company=VerifiedCompanyFactory(name_en="Hokuto Care"),
        title_en="Care worker in Sendai",
        support_org_name="Tohoku Support Association",
    )
    services.listing_submit(listing=clean, by=team.owner)

    rows = {row["__str__"]: row for row in changelist_rows(reviewer_client.get(QUEUE))}

    assert rows["Care worker in Chiba"]["company"] == team.company.name_en
    assert rows["Care worker in Chiba"]["company_verified"] == "False"
    # Below the minimum wage, a deposit, and SSW (i) without support.
    assert rows["Care worker in Chiba"]["flag_count"] == "3"
    assert rows["Care worker in Sendai"]["company"] == "Hokuto Care"
    assert rows["Care worker in Sendai"]["company_verified"] == "True"
    assert rows["Care worker in Sendai"]["flag_count"] == "0"


# ---- approve ----


def test_approving_one_listing_publishes_it_and_tells_the_members(
    reviewer_client, team, mailoutbox, django_capture_on_commit_callbacks
):
    listing = PendingListingFactory(company=team.company, title_en="Care worker in Chiba")
    assert public_page(listing) == 404

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(f"{QUEUE}{listing.pk}/approve/", follow=True)

    assert response.redirect_chain == [(QUEUE, 302)]
    assert admin_messages(response) == ["Published “Care worker in Chiba”."]
    assert listed(response) == []
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.expires_at > timezone.now()
    assert public_page(listing) == 200
    assert "Care worker in Chiba" in public_board()
    assert sent_to(mailoutbox, "Published: Care worker in Chiba") == team.emails


def test_approving_several_listings_publishes_each_of_them(
    reviewer_client, team, mailoutbox, django_capture_on_commit_callbacks
):
    first = PendingListingFactory(company=team.company, title_en="Cook in Kobe")
    second = PendingListingFactory(company=team.company, title_en="Baker in Kobe")
    left = PendingListingFactory(title_en="Left for later")

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            QUEUE, action_data("approve_listings", [first, second]), follow=True
        )

    assert admin_messages(response) == ["Published 2 listings."]
    assert listed(response) == ["Left for later"]
    for listing in (first, second):
        listing.refresh_from_db()
        assert listing.status == Listing.Status.PUBLISHED
    left.refresh_from_db()
    assert left.status == Listing.Status.PENDING
    board = public_board()
    assert "Cook in Kobe" in board
    assert "Baker in Kobe" in board
    assert sent_to(mailoutbox, "Published: Cook in Kobe") == team.emails


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_deciding_needs_a_post(reviewer_client, decision):
    listing = PendingListingFactory()

    response = reviewer_client.get(f"{QUEUE}{listing.pk}/{decision}/", {"reason": "fees"})

    assert response.status_code == 403
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING


# ---- reject ----


def test_queue_page_of_a_listing_offers_the_rejection_reasons(reviewer_client):
    listing = PendingListingFactory(title_en="Care worker in Chiba")

    page = reviewer_client.get(f"{QUEUE}{listing.pk}/change/")

    html, text = page.content.decode(), page_text(page)
    assert "Care worker in Chiba" in text
    assert f'action="{QUEUE}{listing.pk}/approve/"' in html
    assert f'action="{QUEUE}{listing.pk}/reject/"' in html
    for label in (
        FEES_LABEL,
        "Salary below the minimum wage",
        "Contact details that route applicants off Hataraku",
        "Does not meet Specified Skilled Worker requirements",
        "Other (explain below)",
        "Details for the employer",
    ):
        assert label in text


def test_rejecting_one_listing_sends_the_reason_to_the_employer(
    reviewer_client, team, mailoutbox, django_capture_on_commit_callbacks
):
    listing = PendingListingFactory(company=team.company, title_en="Care worker in Chiba")

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            f"{QUEUE}{listing.pk}/reject/",
            {"reason": "fees", "details": "Remove the 50,000 yen deposit."},
            follow=True,
        )

    assert response.redirect_chain == [(QUEUE, 302)]
    assert admin_messages(response) == ["Rejected “Care worker in Chiba”."]
    listing.refresh_from_db()
    assert listing.status == Listing.Status.REJECTED
    reason = f"{FEES_LABEL}. Remove the 50,000 yen deposit."
    assert listing.rejection_reason == reason
    assert sent_to(mailoutbox, "Changes needed: Care worker in Chiba") == team.emails
    assert all(reason in message.body for message in mailoutbox)
    assert f"Reason: {reason}" in page_text(team.client().get("/en/employer/"))


def test_other_reason_without_details_is_refused(reviewer_client, mailoutbox):
    listing = PendingListingFactory()

    response = reviewer_client.post(
        f"{QUEUE}{listing.pk}/reject/", {"reason": "other", "details": "  "}, follow=True
    )

    assert response.redirect_chain[0] == (f"{QUEUE}{listing.pk}/change/", 302)
    assert "Explain the reason." in admin_messages(response)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    assert listing.rejection_reason == ""
    assert mailoutbox == []


def test_reject_without_a_reason_from_the_list_is_refused(reviewer_client):
    listing = PendingListingFactory()

    response = reviewer_client.post(
        f"{QUEUE}{listing.pk}/reject/", {"reason": "", "details": "Looks odd."}, follow=True
    )

    assert "This field is required." in admin_messages(response)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING


def test_other_reason_with_details_reaches_the_employer(
    reviewer_client, team, django_capture_on_commit_callbacks
):
    listing = PendingListingFactory(company=team.company)

    with django_capture_on_commit_callbacks(execute=True):
        reviewer_client.post(
            f"{QUEUE}{listing.pk}/reject/",
            {"reason": "other", "details": "The photos belong to another company."},
        )

    listing.refresh_from_db()
    assert listing.status == Listing.Status.REJECTED
    assert listing.rejection_reason.endswith("The photos belong to another company.")


def test_bulk_reject_asks_for_the_reason_then_rejects_each_listing(
    reviewer_client, team, mailoutbox, django_capture_on_commit_callbacks
):
    first = PendingListingFactory(company=team.company, title_en="Cook in Kobe")
    second = PendingListingFactory(company=team.company, title_en="Baker in Kobe")

    form_page = reviewer_client.post(QUEUE, action_data("reject_listings", [first, second]))

    assert form_page.status_code == 200
    text = page_text(form_page)
    assert "Reject listings" in text
    assert "This applies to 2 items" in text
    assert "Salary below the minimum wage" in text
    assert Listing.objects.filter(status=Listing.Status.PENDING).count() == 2

    data = form_data(form_page, field="apply")
    data.update(reason=["below_wage"], details=["Hourly pay is under ¥1,226 in Tokyo."])
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(QUEUE, data, follow=True)

    assert admin_messages(response) == ["Rejected 2 listings."]
    for listing in (first, second):
        listing.refresh_from_db()
        assert listing.status == Listing.Status.REJECTED
        assert listing.rejection_reason == (
            "Salary below the minimum wage. Hourly pay is under ¥1,226 in Tokyo."
        )
    assert sent_to(mailoutbox, "Changes needed: Cook in Kobe") == team.emails
    assert sent_to(mailoutbox, "Changes needed: Baker in Kobe") == team.emails


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"reason": "other", "details": ""}, "Explain the reason."),
        ({"details": "No reason chosen"}, "This field is required."),
        ({"reason": "not-a-reason"}, "Select a valid choice."),
    ],
)
def test_bulk_reject_without_a_valid_reason_changes_nothing(
    reviewer_client, mailoutbox, fields, error
):
    listings = PendingListingFactory.create_batch(2)

    response = reviewer_client.post(
        QUEUE, action_data("reject_listings", listings, apply="1", **fields)
    )

    assert response.status_code == 200
    assert error in page_text(response)
    assert Listing.objects.filter(status=Listing.Status.PENDING).count() == 2
    assert mailoutbox == []


# ---- listings whose state changed meanwhile ----


def test_listing_admin_bulk_approve_skips_listings_decided_meanwhile(reviewer_client, reviewer):
    pending = PendingListingFactory(title_en="Still pending")
    decided = PendingListingFactory(title_en="Approved by a colleague")
    services.listing_approve(listing=decided, by=reviewer)
    decided.refresh_from_db()
    published_at = decided.published_at

    response = reviewer_client.post(
        LISTINGS_ADMIN, action_data("approve_listings", [pending, decided]), follow=True
    )

    assert admin_messages(response) == [
        "Skipped “Approved by a colleague”: This cannot be done to a listing that is published.",
        "Published 1 listing.",
    ]
    decided.refresh_from_db()
    assert decided.published_at == published_at


def test_listing_admin_bulk_reject_skips_listings_decided_meanwhile(reviewer_client, reviewer):
    pending = PendingListingFactory(title_en="Still pending")
    decided = PendingListingFactory(title_en="Approved by a colleague")
    services.listing_approve(listing=decided, by=reviewer)

    response = reviewer_client.post(
        LISTINGS_ADMIN,
        action_data("reject_listings", [pending, decided], apply="1", reason="missing"),
        follow=True,
    )

    assert admin_messages(response) == [
        "Skipped “Approved by a colleague”: This cannot be done to a listing that is published.",
        "Rejected 1 listing.",
    ]
    decided.refresh_from_db()
    assert decided.status == Listing.Status.PUBLISHED
    assert decided.rejection_reason == ""


@pytest.mark.parametrize(
    ("action", "extra", "done"),
    [
        ("approve_listings", {}, "Published 1 listing."),
        ("reject_listings", {"apply": "1", "reason": "missing"}, "Rejected 1 listing."),
    ],
)
def test_queue_bulk_action_says_which_listings_were_decided_meanwhile(
    reviewer_client, reviewer, action, extra, done
):
    pending = PendingListingFactory(title_en="Still pending")
    decided = PendingListingFactory(title_en="Approved by a colleague")
    services.listing_approve(listing=decided, by=reviewer)

    response = reviewer_client.post(
        QUEUE, action_data(action, [pending, decided], **extra), follow=True
    )

    decided.refresh_from_db()
    assert decided.status == Listing.Status.PUBLISHED
    assert done in admin_messages(response)
    assert any("Approved by a colleague" in text for text in admin_messages(response))


def test_deciding_a_listing_decided_meanwhile_says_so_and_changes_nothing(
    reviewer_client, reviewer
):
    listing = PendingListingFactory(title_en="Approved by a colleague")
    services.listing_approve(listing=listing, by=reviewer)

    response = reviewer_client.post(
        f"{QUEUE}{listing.pk}/reject/", {"reason": "fees"}, follow=True
    )

    assert "This cannot be done to a listing that is published." in admin_messages(response)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.rejection_reason == ""


def test_deciding_a_listing_decided_meanwhile_does_not_claim_it_was_deleted(
    reviewer_client, reviewer
):
    listing = PendingListingFactory(title_en="Approved by a colleague")
    services.listing_approve(listing=listing, by=reviewer)

    response = reviewer_client.post(f"{QUEUE}{listing.pk}/approve/", follow=True)

    assert not any("Perhaps it was deleted" in text for text in admin_messages(response))


# ---- edits of published listings ----


def test_edit_by_an_unverified_company_returns_to_the_queue_showing_what_changed(
    reviewer_client, team
):
    listing = PendingListingFactory(
        company=team.company,
        title_en="Care worker in Chiba",
        description_en="Help residents with daily life.",
        salary_min=220_000,
    )
    reviewer_client.post(f"{QUEUE}{listing.pk}/approve/")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED

    employer_edits(team, listing, salary_min=250_000)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    assert public_page(listing) == 404
    assert "Care worker in Chiba" not in public_board()
    rows = {row["__str__"]: row for row in changelist_rows(reviewer_client.get(QUEUE))}
    assert rows["Care worker in Chiba"]["is_edit"] == "True"
    page = reviewer_client.get(f"{QUEUE}{listing.pk}/change/")
    assert table_after(page, "Changed since the last approved version") == [
        ["salary_min", "220000", "250000"]
    ]


def test_the_approved_version_cannot_be_rewritten_in_the_listing_admin(reviewer_client, team):
    listing = PendingListingFactory(company=team.company, salary_min=220_000)
    reviewer_client.post(f"{QUEUE}{listing.pk}/approve/")
    listing.refresh_from_db()
    approved = listing.approved_content
    url = f"{LISTINGS_ADMIN}{listing.pk}/change/"
    data = form_data(reviewer_client.get(url), field="salary_min")
    data["approved_content"] = ['{"salary_min": 999999}']

    reviewer_client.post(url, data)

    listing.refresh_from_db()
    assert listing.approved_content == approved


def test_a_new_listing_in_the_queue_says_it_was_never_approved(reviewer_client):
    listing = PendingListingFactory()

    text = page_text(reviewer_client.get(f"{QUEUE}{listing.pk}/change/"))

    assert "A new listing: it has never been approved." in text
    assert "Changed since the last approved version" not in text


def test_edit_by_a_verified_company_stays_published_and_is_listed_as_recently_edited(
    reviewer_client, verified_team
):
    listing = PendingListingFactory(company=verified_team.company, title_en="Cook in Kobe")
    reviewer_client.post(f"{QUEUE}{listing.pk}/approve/")
    PublishedListingFactory(company=verified_team.company, title_en="Untouched listing")

    employer_edits(verified_team, listing, salary_min=260_000, salary_max=300_000)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.salary_min == 260_000
    assert listing.edited_after_approval_at is not None
    assert public_page(listing) == 200
    assert listed(reviewer_client.get(QUEUE)) == []
    assert listed(reviewer_client.get(LISTINGS_ADMIN, {"edited": "7"})) == ["Cook in Kobe"]
    assert sorted(listed(reviewer_client.get(LISTINGS_ADMIN))) == [
        "Cook in Kobe",
        "Untouched listing",
    ]


def test_edit_older_than_the_filter_window_is_not_listed_as_recently_edited(reviewer_client):
    PublishedListingFactory(
        title_en="Edited long ago",
        edited_after_approval_at=timezone.now() - datetime.timedelta(days=8),
    )
    PublishedListingFactory(
        title_en="Edited yesterday",
        edited_after_approval_at=timezone.now() - datetime.timedelta(days=1),
    )

    assert listed(reviewer_client.get(LISTINGS_ADMIN, {"edited": "7"})) == ["Edited yesterday"]
    assert sorted(listed(reviewer_client.get(LISTINGS_ADMIN, {"edited": "30"}))) == [
        "Edited long ago",
        "Edited yesterday",
    ]
