"""Fixtures for the applicants tests: people in each role and a view of the CV storage."""

import os
import re
from html import unescape

import pytest
from django.conf import settings

from tests.applicants.factories import SeekerProfileFactory
from tests.listings.factories import MembershipFactory


def stored_cv_files() -> set[str]:
    """Every file under the private CV storage, relative to its root."""
    root = settings.STORAGES["cvs"]["OPTIONS"]["location"]
    found = set()
    for directory, _dirs, files in os.walk(root):
        for name in files:
            found.add(os.path.relpath(os.path.join(directory, name), root))
    return found


def page_text(response) -> str:
    """The response body as text, tags dropped and entities decoded, spaces collapsed."""
    html = response.content.decode()
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def member(db):
    """An employer in a company (owner role)."""
    return MembershipFactory()


@pytest.fixture
def other_member(db):
    """An employer in another company."""
    return MembershipFactory()


@pytest.fixture
def profile(db):
    """A complete seeker profile."""
    return SeekerProfileFactory()


@pytest.fixture
def seeker_client(client, profile):
    client.force_login(profile.user)
    return client


@pytest.fixture
def employer_client(client, member):
    client.force_login(member.user)
    return client
