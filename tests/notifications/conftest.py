"""Fixtures for the outbox tests: a company whose members chose each kind of applicant email."""

import pytest

from listings.models import CompanyMembership
from notifications.emails import T
from notifications.services import notify
from tests.accounts.factories import StaffFactory
from tests.applicants.factories import CVFactory, SeekerProfileFactory
from tests.listings.factories import CompanyFactory, MembershipFactory, PublishedListingFactory

Emails = CompanyMembership.ApplicantEmails


def html_part(message) -> str:
    """The text/html alternative of a sent message ('' when there is none)."""
    return next(
        (content for content, mimetype in message.alternatives if mimetype == "text/html"), ""
    )


def assert_text_and_html(message) -> None:
    assert message.body.strip()
    assert "<html" in html_part(message)


def inbox(mailoutbox) -> list[tuple[str, str]]:
    """Who got which email, sorted: [(to, subject), …]."""
    return sorted((address, message.subject) for message in mailoutbox for address in message.to)


def pending_notification(user, *, key: str = "test:1", headers: dict | None = None):
    """A pending outbox row rendered from a real template (the caller's transaction decides
    whether it is ever handed to Celery)."""
    return notify(
        kind="company_verified",
        template=T + "company_verified",
        context={"company_name": "Sakura Works"},
        to_user=user,
        dedup_key=key,
        headers=headers,
    )


class Team:
    """A company with an instant owner, an instant member, a daily member, a deactivated
    member, and an employer of another company who must never hear about it."""

    def __init__(self):
        self.company = CompanyFactory()
        self.owner = MembershipFactory(company=self.company).user
        self.colleague = MembershipFactory(
            company=self.company, role=CompanyMembership.Role.MEMBER
        ).user
        self.daily = MembershipFactory(
            company=self.company, role=CompanyMembership.Role.MEMBER, applicant_emails=Emails.DAILY
        ).user
        self.inactive = MembershipFactory(
            company=self.company, role=CompanyMembership.Role.MEMBER, user__is_active=False
        ).user
        self.outsider = MembershipFactory().user

    @property
    def active_emails(self) -> list[str]:
        return sorted([self.owner.email, self.colleague.email, self.daily.email])

    @property
    def instant_emails(self) -> list[str]:
        return sorted([self.owner.email, self.colleague.email])


@pytest.fixture
def team(db):
    return Team()


@pytest.fixture
def listing(team):
    return PublishedListingFactory(company=team.company, title_en="Care worker in Shinjuku")


@pytest.fixture
def applicant(db):
    """A seeker with a complete profile and a CV."""
    profile = SeekerProfileFactory(full_name="Maria Santos")
    CVFactory(owner=profile.user)
    return profile.user


@pytest.fixture
def superuser(db):
    return StaffFactory()
