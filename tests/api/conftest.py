"""Two companies with listings, applicants and CVs, and an API token for each."""

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from api import services
from listings.models import Company, CompanyMembership, Listing
from tests.applicants.factories import ApplicationFactory
from tests.listings.factories import (
    ClosedListingFactory,
    ListingFactory,
    MembershipFactory,
    PublishedListingFactory,
    RejectedListingFactory,
)


@dataclass
class Side:
    """One company: its owner, a token, a listing in each state and an applicant."""

    company: Company
    owner: CompanyMembership
    key: str
    published: Listing
    draft: Listing
    closed: Listing
    rejected: Listing
    application: object

    @property
    def listings(self) -> list[Listing]:
        return [self.published, self.draft, self.closed, self.rejected]


def make_side(**company) -> Side:
    owner = MembershipFactory(**company)
    company = owner.company
    _token, key = services.token_create(company=company, by=owner.user, name="ATS")
    published = PublishedListingFactory(company=company)
    return Side(
        company=company,
        owner=owner,
        key=key,
        published=published,
        draft=ListingFactory(company=company),
        closed=ClosedListingFactory(company=company),
        rejected=RejectedListingFactory(company=company),
        application=ApplicationFactory(listing=published),
    )


@pytest.fixture
def side_a(db) -> Side:
    return make_side(company__name_en="Alpha Care", company__slug="alpha-care")


@pytest.fixture
def side_b(db) -> Side:
    return make_side(company__name_en="Bravo Build", company__slug="bravo-build")


@pytest.fixture
def api():
    return APIClient()


def with_token(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.fixture
def client_a(side_a, side_b) -> APIClient:
    """Company A's token, with company B present."""
    return with_token(side_a.key)
