"""Anonymous browsing reads from the replica alias; signed-in pages and writes never do."""

import pytest
from django.db import connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from jobboard.db_router import ReplicaRouter, replica_reads
from listings.models import Listing
from tests.accounts.factories import SeekerFactory
from tests.listings.factories import PublishedListingFactory

both = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)


@pytest.fixture(autouse=True)
def _close_replica_connection():
    yield
    connections["replica"].close()


def _listing_queries(alias, captured):
    return [q["sql"] for q in captured if "listings_listing" in q["sql"]]


def _get_capturing(client, path):
    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        response = client.get(path)
    return response, _listing_queries("replica", replica), _listing_queries("default", primary)


@both
@override_settings(READ_REPLICA_ALIAS="replica")
def test_anonymous_browse_pages_read_from_the_replica(client):
    listing = PublishedListingFactory(title_en="Welder in Osaka")

    for path in ("/en/jobs/", listing.get_absolute_url()):
        response, on_replica, on_primary = _get_capturing(client, path)
        assert "Welder in Osaka" in response.content.decode()
        assert on_replica, path
        assert on_primary == [], path


@both
@override_settings(READ_REPLICA_ALIAS="replica")
def test_a_signed_in_visitor_reads_from_the_primary(client):
    PublishedListingFactory(title_en="Welder in Osaka")
    client.force_login(SeekerFactory())

    response, on_replica, on_primary = _get_capturing(client, "/en/jobs/")

    assert "Welder in Osaka" in response.content.decode()
    assert on_replica == []
    assert on_primary


@both
def test_without_a_replica_everything_reads_from_the_primary(client):
    PublishedListingFactory(title_en="Welder in Osaka")

    _response, on_replica, on_primary = _get_capturing(client, "/en/jobs/")

    assert on_replica == []
    assert on_primary


@override_settings(READ_REPLICA_ALIAS="replica")
def test_writes_and_migrations_stay_on_the_primary():
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_read(Listing) == "replica"
        assert router.db_for_write(Listing) == "default"
    assert router.db_for_read(Listing) is None
    assert router.allow_migrate("default", "listings") is True
    assert router.allow_migrate("replica", "listings") is False
