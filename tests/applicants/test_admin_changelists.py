"""Admin changelists of the applicants app stay within a fixed number of queries."""

import pytest

from applicants.models import AlertDelivery, SavedSearch
from tests.accounts.factories import SeekerFactory
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db


def _searches(count):
    for number in range(count):
        seeker = SeekerFactory()
        search = SavedSearch.objects.create(
            user=seeker, name=f"Search {number}", querystring=f"q=care{number}"
        )
        AlertDelivery.objects.create(saved_search=search, listing=PublishedListingFactory())


@pytest.mark.parametrize(
    "path", ["/admin/applicants/savedsearch/", "/admin/applicants/alertdelivery/"]
)
def test_alert_changelists_run_a_bounded_number_of_queries(
    client, staff, path, django_assert_max_num_queries
):
    client.force_login(staff)
    _searches(3)
    client.get(path)
    _searches(25)
    with django_assert_max_num_queries(10):
        assert client.get(path).status_code == 200
