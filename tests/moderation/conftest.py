"""Fixtures for the moderation tests: a moderator, a superuser, and a company with members."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from listings.models import CompanyMembership
from tests.accounts.factories import StaffFactory
from tests.listings.factories import CompanyFactory, MembershipFactory, VerifiedCompanyFactory


@pytest.fixture
def moderator(db):
    """Staff (not superuser) in the Moderators group that the migration creates."""
    user = StaffFactory(is_superuser=False, full_name="Mika Moderator")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def superuser(db):
    return StaffFactory()


@pytest.fixture(params=["moderator", "superuser"])
def reviewer(request):
    """Each moderation rule holds for a moderator and for a superuser alike."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


class Team:
    """An unverified company with an owner, a colleague and a deactivated member."""

    def __init__(self, company=None):
        self.company = company or CompanyFactory()
        self.owner = MembershipFactory(company=self.company).user
        self.colleague = MembershipFactory(
            company=self.company, role=CompanyMembership.Role.MEMBER
        ).user
        self.inactive = MembershipFactory(
            company=self.company, role=CompanyMembership.Role.MEMBER, user__is_active=False
        ).user

    @property
    def emails(self) -> list[str]:
        return sorted([self.owner.email, self.colleague.email])

    def client(self) -> Client:
        client = Client()
        client.force_login(self.owner)
        return client


@pytest.fixture
def team(db):
    return Team()


@pytest.fixture
def verified_team(db):
    return Team(VerifiedCompanyFactory())
