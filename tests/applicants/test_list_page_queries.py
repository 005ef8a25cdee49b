"""Seeker list pages run a fixed number of queries whatever the number of rows."""

import pytest

from applicants.models import SavedJob, SavedSearch
from tests.accounts.factories import SeekerFactory
from tests.applicants.factories import CVFactory
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db


def _fill(seeker, count):
    for _ in range(count):
        listing = PublishedListingFactory()
        SavedJob.objects.create(user=seeker, listing=listing)
        SavedSearch.objects.create(user=seeker, name="s", querystring=f"q=w{listing.pk}")


@pytest.mark.parametrize("path", ["/en/me/saved/", "/en/me/alerts/", "/en/me/cvs/"])
def test_seeker_list_pages_have_a_fixed_query_count(client, path, django_assert_max_num_queries):
    seeker = SeekerFactory()
    client.force_login(seeker)
    _fill(seeker, 2)
    CVFactory(owner=seeker)
    client.get(path)
    with django_assert_max_num_queries(8) as small:
        assert client.get(path).status_code == 200
    _fill(seeker, 12)
    for _ in range(3):
        CVFactory(owner=seeker)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(path).status_code == 200
