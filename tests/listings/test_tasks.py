"""The hourly expiry task and its place in the beat schedule."""

import datetime

import pytest
import time_machine
from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone

from listings.models import Listing
from listings.tasks import expire_listings
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db


def test_expire_task_is_scheduled_hourly():
    entry = settings.CELERY_BEAT_SCHEDULE["expire-listings"]
    assert entry["task"] == "listings.tasks.expire_listings"
    assert entry["schedule"] == crontab(minute=5)


def test_expire_task_expires_only_listings_past_their_deadline(client):
    soon = PublishedListingFactory(expires_at=timezone.now() + datetime.timedelta(hours=2))
    later = PublishedListingFactory(expires_at=timezone.now() + datetime.timedelta(days=30))
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):
        assert expire_listings.delay().get() == 1
        soon.refresh_from_db()
        later.refresh_from_db()
        assert soon.status == Listing.Status.EXPIRED
        assert later.status == Listing.Status.PUBLISHED
        page = client.get(soon.get_absolute_url())
        assert "no longer accepting applications" in page.content.decode()
        assert expire_listings.delay().get() == 0
