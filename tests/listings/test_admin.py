"""Admin: approve and reject actions go through the services; changelists stay cheap."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from listings.models import Listing
from tests.listings.factories import (
    CompanyFactory,
    ListingFactory,
    PendingListingFactory,
    PublishedListingFactory,
)

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/listings/listing/"


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def _run_action(admin_client, action, listings):
    return admin_client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [listing.pk for listing in listings]},
        follow=True,
    )


def test_approve_action_publishes_pending_and_skips_the_rest(admin_client):
    pending = PendingListingFactory.create_batch(2)
    draft = ListingFactory()
    response = _run_action(admin_client, "approve_listings", [*pending, draft])
    html = response.content.decode()
    assert "Published 2 listings." in html
    assert "Skipped" in html
    for listing in pending:
        listing.refresh_from_db()
        assert listing.status == Listing.Status.PUBLISHED
        assert listing.expires_at is not None
    draft.refresh_from_db()
    assert draft.status == Listing.Status.DRAFT


def test_reject_action_asks_for_a_reason_first(admin_client):
    pending = PendingListingFactory()
    page = _run_action(admin_client, "reject_listings", [pending])
    assert "Details for the employer" in page.content.decode()
    pending.refresh_from_db()
    assert pending.status == Listing.Status.PENDING
    admin_client.post(
        CHANGELIST,
        {
            "action": "reject_listings",
            ACTION_CHECKBOX_NAME: [pending.pk],
            "apply": "1",
            "reason": "fees",
            "details": "Remove the deposit.",
        },
    )
    pending.refresh_from_db()
    assert pending.status == Listing.Status.REJECTED
    assert pending.rejection_reason.endswith("Remove the deposit.")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/listings/listing/",
        "/admin/listings/company/",
        "/admin/listings/prefecture/",
        "/admin/listings/sector/",
        "/admin/listings/companyinvitation/",
    ],
)
def test_changelists_run_a_bounded_number_of_queries(
    admin_client, path, django_assert_max_num_queries
):
    PublishedListingFactory.create_batch(3)
    admin_client.get(path)
    PublishedListingFactory.create_batch(20)
    CompanyFactory.create_batch(5)
    with django_assert_max_num_queries(12):
        assert admin_client.get(path).status_code == 200


def test_listing_change_page_renders(admin_client):
    listing = PublishedListingFactory()
    assert admin_client.get(f"/admin/listings/listing/{listing.pk}/change/").status_code == 200


def test_verify_action_verifies_and_tells_the_members(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.listings.factories import MembershipFactory

    member = MembershipFactory()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/listings/company/",
            {
                "action": "verify_companies",
                ACTION_CHECKBOX_NAME: [member.company.pk],
                "apply": "1",
                "note": "Corporate number checked.",
            },
        )
    member.company.refresh_from_db()
    assert member.company.verified
    assert member.company.verification_note == "Corporate number checked."
    assert [message.to for message in mailoutbox] == [[member.user.email]]
    assert "verified" in mailoutbox[0].subject


def test_listing_admin_shows_what_a_verified_company_changed_after_approval(admin_client, staff):
    from listings import services
    from tests.listings.factories import MembershipFactory, VerifiedCompanyFactory

    member = MembershipFactory(company=VerifiedCompanyFactory())
    listing = PendingListingFactory(company=member.company, salary_min=230_000)
    services.listing_approve(listing=listing, by=staff)
    services.listing_update(listing=listing, by=member.user, salary_min=250_000)
    html = admin_client.get(f"/admin/listings/listing/{listing.pk}/change/").content.decode()
    assert "Changed since the last approved version" in html
    assert "230000" in html and "250000" in html


def test_membership_changelist_runs_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries
):
    from tests.listings.factories import MembershipFactory

    MembershipFactory.create_batch(3)
    admin_client.get("/admin/listings/companymembership/")
    MembershipFactory.create_batch(25)
    with django_assert_max_num_queries(12):
        assert admin_client.get("/admin/listings/companymembership/").status_code == 200
