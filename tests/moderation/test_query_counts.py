"""Every admin changelist runs the same few queries for 3 rows as for 30."""

import pytest
from auditlog.context import set_actor

from listings.models import AbuseReport, FeeKeyword, ListingFlag
from notifications.models import Notification
from tests.accounts.factories import SeekerFactory, UserFactory
from tests.applicants.factories import ApplicationFactory, CVFactory, SeekerProfileFactory
from tests.listings.factories import (
    CompanyFactory,
    PendingListingFactory,
    PublishedListingFactory,
)
from tests.moderation.pages import changelist_rows

pytestmark = pytest.mark.django_db

MOST_QUERIES = 10


def listings(n):
    for _ in range(n):
        listing = PublishedListingFactory(company=CompanyFactory())
        ListingFlag.objects.create(listing=listing, code="worker_pays_fees", detail="deposit")


def pending(n):
    for _ in range(n):
        listing = PendingListingFactory(company=CompanyFactory(), salary_min=150_000)
        ListingFlag.objects.create(listing=listing, code="below_minimum_wage", detail="low")


def companies(n):
    for _ in range(n):
        PublishedListingFactory(company=CompanyFactory())


def reports(n):
    for _ in range(n):
        AbuseReport.objects.create(
            listing=PublishedListingFactory(), reporter=SeekerFactory(), reason="fees"
        )


def keywords(n):
    start = FeeKeyword.objects.filter(phrase__startswith="probe fee").count()
    for number in range(start, start + n):
        FeeKeyword.objects.create(phrase=f"probe fee {number}", language="en")


def notifications(n):
    start = Notification.objects.count()
    for number in range(start, start + n):
        Notification.objects.create(
            recipient=UserFactory(),
            to_email=f"person{number}@example.com",
            kind=Notification.Kind.LISTING_APPROVED,
            language="en",
            subject="Published",
            body_text="Published",
            dedup_key=f"probe:{number}",
        )


def audit_entries(n):
    """Changes made by a person, as requests record them."""
    with set_actor(UserFactory(is_staff=True)):
        for _ in range(n):
            CompanyFactory()


CHANGELISTS = [
    ("/admin/listings/listing/", listings),
    ("/admin/listings/listingforreview/", pending),
    ("/admin/listings/company/", companies),
    ("/admin/listings/abusereport/", reports),
    ("/admin/listings/listingflag/", listings),
    ("/admin/listings/feekeyword/?q=probe", keywords),
    ("/admin/applicants/application/", ApplicationFactory.create_batch),
    ("/admin/applicants/cv/", CVFactory.create_batch),
    ("/admin/applicants/seekerprofile/", SeekerProfileFactory.create_batch),
    ("/admin/notifications/notification/", notifications),
    ("/admin/accounts/user/", UserFactory.create_batch),
    ("/admin/auditlog/logentry/", audit_entries),
]


@pytest.mark.parametrize(("url", "make"), CHANGELISTS, ids=[url for url, _ in CHANGELISTS])
def test_admin_changelist_queries_do_not_grow_with_rows(
    superuser_client, django_assert_max_num_queries, url, make
):
    def measure(expected_rows):
        assert superuser_client.get(url).status_code == 200  # warm the caches
        with django_assert_max_num_queries(MOST_QUERIES) as captured:
            response = superuser_client.get(url)
        assert response.status_code == 200
        assert len(changelist_rows(response)) >= expected_rows
        return len(captured.captured_queries)

    make(3)
    with_3 = measure(3)
    make(27)
    with_30 = measure(30)

    assert with_30 == with_3
