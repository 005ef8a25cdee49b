"""Fixtures shared by every test."""

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.accounts.factories import EmployerFactory, SeekerFactory, StaffFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached selectors live in the cache; each test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request leaves its language active in the thread; the next test must not inherit it.
    yield
    translation.deactivate()


@pytest.fixture
def seeker(db):
    return SeekerFactory()


@pytest.fixture
def employer(db):
    return EmployerFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()
