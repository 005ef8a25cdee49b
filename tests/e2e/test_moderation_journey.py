"""Journey 3: a moderator rejects a listing with a reason; its employer reads the reason, fixes
the listing and sends it back for review."""

import pytest
from playwright.sync_api import expect

from listings.models import Listing
from notifications.models import Notification
from tests.accounts.factories import TEST_PASSWORD
from tests.e2e.people import (
    admin_log_in,
    browser_for,
    link_in,
    log_in,
    make_moderator,
    open_review_queue_item,
)
from tests.listings.factories import MembershipFactory, PendingListingFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Night-shift care worker"
DETAILS = "Tokyo's minimum wage is 1,163 yen an hour; 120,000 yen a month is below it."
REASON = f"Salary below the minimum wage. {DETAILS}"


def test_rejected_listing_returns_to_review_after_its_employer_fixes_it(
    page, size, browser, live_server, request, mailoutbox
):
    membership = MembershipFactory(company__name_en="Kaizen Care")
    owner = membership.user
    listing = PendingListingFactory(
        company=membership.company,
        title_en=TITLE,
        salary_min=120_000,
        salary_max=130_000,
    )
    submitted_first = listing.submitted_at

    # The moderator rejects it from the review queue, saying why.
    moderator_page = browser_for(request, browser, live_server, size, "moderator")
    admin_log_in(moderator_page, make_moderator().email, TEST_PASSWORD)
    open_review_queue_item(moderator_page, TITLE)
    moderator_page.get_by_label("Reason").select_option(label="Salary below the minimum wage")
    moderator_page.get_by_label("Details for the employer").fill(DETAILS)
    moderator_page.get_by_role("button", name="Reject and tell the employer").click()
    expect(moderator_page.get_by_text(f"Rejected “{TITLE}”.")).to_be_visible()
    expect(moderator_page.get_by_role("link", name=TITLE, exact=True)).to_have_count(0)
    listing.refresh_from_db()
    assert (listing.status, listing.rejection_reason) == (Listing.Status.REJECTED, REASON)
    [email] = [m for m in mailoutbox if m.to == [owner.email]]
    assert email.subject == f"Changes needed: {TITLE}"
    assert REASON in email.body
    assert link_in(email.body, r"/\w+/employer/listings/\d+/edit/") == (
        f"/en/employer/listings/{listing.pk}/edit/"
    )
    assert Notification.objects.filter(
        kind=Notification.Kind.LISTING_REJECTED, recipient=owner
    ).exists()

    # The employer reads the reason in the employer area and fixes the pay.
    log_in(page, owner.email, TEST_PASSWORD)
    page.get_by_role("link", name="For employers").click()
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row.get_by_text("Rejected", exact=True)).to_be_visible()
    expect(row).to_contain_text(f"Reason: {REASON}")
    row.get_by_role("link", name="Edit").click()
    expect(page.get_by_text(f"Rejected: {REASON}")).to_be_visible()
    page.get_by_label("Minimum salary (yen)").fill("230000")
    page.get_by_label("Maximum salary (yen)").fill("260000")
    page.get_by_role("button", name="Save draft and preview").click()
    expect(page.get_by_text("Changes saved.")).to_be_visible()
    expect(page.get_by_text("Preview of your listing (Draft).")).to_be_visible()

    # Submitted again, it waits for review like a new listing.
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Submitted for review.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=TITLE)
    expect(row.get_by_text("Pending review")).to_be_visible()
    expect(row).not_to_contain_text("Reason:")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    assert (listing.salary_min, listing.salary_max) == (230_000, 260_000)
    assert listing.rejection_reason == ""
    assert listing.submitted_at > submitted_first

    # Back in the moderator's queue.
    open_review_queue_item(moderator_page, TITLE)
