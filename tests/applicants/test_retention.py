"""The daily purge: old applications, CVs nobody uses, and old job-alert records."""

import datetime
import logging

import pytest
import time_machine
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from applicants import retention, services, tasks
from applicants.models import CV, AlertDelivery, Application, ApplicationEvent, SavedSearch
from jobboard import config
from listings.models import Listing
from tests.applicants.conftest import stored_cv_files
from tests.applicants.factories import ApplicationFactory, CVFactory
from tests.listings.factories import (
    ClosedListingFactory,
    ExpiredListingFactory,
    PublishedListingFactory,
)

pytestmark = pytest.mark.django_db

CLOSED_AT = datetime.datetime(2023, 4, 1, 9, 0, tzinfo=datetime.UTC)
RETENTION = datetime.timedelta(days=730)
ONE_SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def closed_listing():
    return ClosedListingFactory(closed_at=CLOSED_AT)


def purge_at(moment, **kwargs):
    with time_machine.travel(moment, tick=False):
        return retention.retention_purge(**kwargs)


def test_retention_is_730_days_unless_configured():
    assert settings.APPLICATION_RETENTION_DAYS == 730


@pytest.mark.parametrize("value", ["", "abc", "0", "-5", "1.5"])
def test_a_bad_retention_setting_fails_with_one_clear_line(value):
    with pytest.raises(config.ConfigurationError, match="APPLICATION_RETENTION_DAYS must be"):
        config.days("APPLICATION_RETENTION_DAYS", value)


def test_application_is_kept_until_exactly_the_retention_period_after_closing(closed_listing):
    application = ApplicationFactory(listing=closed_listing)

    counts = purge_at(CLOSED_AT + RETENTION)

    assert counts["applications"] == 0
    assert Application.objects.filter(pk=application.pk).exists()


def test_application_and_its_events_go_a_moment_after_the_retention_period(closed_listing):
    application = ApplicationFactory(listing=closed_listing)

    counts = purge_at(CLOSED_AT + RETENTION + ONE_SECOND)

    assert (counts["applications"], counts["events"]) == (1, 1)
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not ApplicationEvent.objects.filter(application_id=application.pk).exists()
    # The listing itself stays (it is the company's); only the applications go.
    assert Listing.objects.filter(pk=closed_listing.pk).exists()


def test_retention_days_come_from_the_setting(closed_listing, settings):
    settings.APPLICATION_RETENTION_DAYS = 30
    ApplicationFactory(listing=closed_listing)

    assert purge_at(CLOSED_AT + datetime.timedelta(days=30))["applications"] == 0
    assert purge_at(CLOSED_AT + datetime.timedelta(days=30, seconds=1))["applications"] == 1


def test_an_expired_listing_counts_from_its_expiry_when_it_has_no_closing_date():
    listing = ExpiredListingFactory(expires_at=CLOSED_AT, closed_at=None)
    ApplicationFactory(listing=listing)

    assert purge_at(CLOSED_AT + RETENTION)["applications"] == 0
    assert purge_at(CLOSED_AT + RETENTION + ONE_SECOND)["applications"] == 1


@pytest.mark.parametrize("status", [Listing.Status.PUBLISHED, Listing.Status.PENDING])
def test_applications_to_a_listing_in_use_are_kept_whatever_its_dates(status):
    listing = PublishedListingFactory(
        status=status, expires_at=CLOSED_AT, closed_at=CLOSED_AT, published_at=CLOSED_AT
    )
    application = ApplicationFactory(listing=listing)

    assert purge_at(CLOSED_AT + RETENTION * 3)["applications"] == 0
    assert Application.objects.filter(pk=application.pk).exists()


def test_recent_applications_are_never_purged():
    recent = ApplicationFactory(listing=ClosedListingFactory())

    assert retention.retention_purge()["applications"] == 0
    assert Application.objects.filter(pk=recent.pk).exists()


def test_purge_goes_in_batches_and_counts_everything(closed_listing):
    ApplicationFactory.create_batch(5, listing=closed_listing)

    counts = purge_at(CLOSED_AT + RETENTION + ONE_SECOND, batch_size=2)

    assert (counts["applications"], counts["events"]) == (5, 5)
    assert not Application.objects.exists()


def test_purge_is_idempotent(closed_listing):
    ApplicationFactory.create_batch(2, listing=closed_listing)
    later = CLOSED_AT + RETENTION + ONE_SECOND

    first = purge_at(later)
    second = purge_at(later)

    assert first["applications"] == 2
    assert second == {"applications": 0, "events": 0, "cvs": 0, "alert_deliveries": 0}


def test_purged_applications_leave_nothing_in_the_audit_trail(closed_listing):
    application = ApplicationFactory(listing=closed_listing)
    name = application.profile_snapshot["full_name"]
    content_type = ContentType.objects.get_for_model(Application)
    assert LogEntry.objects.filter(content_type=content_type, object_repr__contains=name).exists()

    purge_at(CLOSED_AT + RETENTION + ONE_SECOND)

    assert not LogEntry.objects.filter(content_type=content_type, object_pk=application.pk)
    assert not LogEntry.objects.filter(object_repr__contains=name).exists()


# ---- CVs ----


def test_a_deleted_cv_goes_with_its_file_once_its_last_application_is_purged(
    closed_listing, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(listing=closed_listing)
    cv = application.cv
    services.cv_delete(cv=cv, by=application.seeker)  # attached: only marked deleted
    assert cv.file.name in stored_cv_files()

    with django_capture_on_commit_callbacks(execute=True):
        kept = purge_at(CLOSED_AT + RETENTION)
    with django_capture_on_commit_callbacks(execute=True):
        counts = purge_at(CLOSED_AT + RETENTION + ONE_SECOND)

    assert kept["cvs"] == 0
    assert counts["cvs"] == 1
    assert not CV.objects.filter(pk=cv.pk).exists()
    assert cv.file.name not in stored_cv_files()


def test_cvs_still_in_use_or_not_deleted_are_kept(django_capture_on_commit_callbacks):
    in_use = ApplicationFactory().cv
    in_use.deleted_at = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    in_use.save()
    current = CVFactory()
    orphan = CVFactory(deleted_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))

    with django_capture_on_commit_callbacks(execute=True):
        counts = retention.retention_purge()

    assert counts["cvs"] == 1
    assert set(CV.objects.values_list("pk", flat=True)) >= {in_use.pk, current.pk}
    assert not CV.objects.filter(pk=orphan.pk).exists()
    assert {in_use.file.name, current.file.name} <= stored_cv_files()
    assert orphan.file.name not in stored_cv_files()


# ---- job-alert deliveries ----


def test_alert_deliveries_are_kept_90_days():
    search = SavedSearch.objects.create(user=ApplicationFactory().seeker, name="Care")
    now = datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)
    old, edge = PublishedListingFactory(), PublishedListingFactory()
    AlertDelivery.objects.record(
        [(search.pk, old.pk)], sent_at=now - datetime.timedelta(days=90, seconds=1)
    )
    AlertDelivery.objects.record([(search.pk, edge.pk)], sent_at=now - datetime.timedelta(days=90))

    counts = purge_at(now)

    assert counts["alert_deliveries"] == 1
    assert list(AlertDelivery.objects.values_list("listing_id", flat=True)) == [edge.pk]


# ---- the task ----


def test_the_daily_task_runs_the_purge_and_returns_counts(closed_listing):
    ApplicationFactory(listing=closed_listing)

    with time_machine.travel(CLOSED_AT + RETENTION + ONE_SECOND, tick=False):
        result = tasks.purge_expired_data.delay().get()

    assert result == {"applications": 1, "events": 1, "cvs": 0, "alert_deliveries": 0}


def test_the_purge_is_scheduled_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["purge-expired-data"]
    assert entry["task"] == "applicants.tasks.purge_expired_data"
    assert entry["schedule"].hour == {3}
    assert entry["schedule"].day_of_week == set(range(7))


def test_the_purge_logs_counts_and_no_personal_data(closed_listing, caplog):
    application = ApplicationFactory(listing=closed_listing)

    with caplog.at_level(logging.INFO, logger="applicants.retention"):
        purge_at(CLOSED_AT + RETENTION + ONE_SECOND)

    assert "Retention purge: 1 applications, 1 events, 0 CVs" in caplog.text
    assert application.seeker.email not in caplog.text
    assert application.profile_snapshot["full_name"] not in caplog.text
