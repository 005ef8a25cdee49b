"""How long applications, unused CVs and job-alert records are kept, and the purge."""

import logging
from datetime import timedelta

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from applicants.models import CV, AlertDelivery, Application, ApplicationEvent
from applicants.services import cv_files_delete_on_commit
from listings.models import Listing

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# Deliveries only stop a listing from being sent twice to one saved search; listings live
# 120 days at most, and digests only look at listings published since the last one.
ALERT_DELIVERY_DAYS = 90


def expired_applications(now):
    """Applications whose listing closed or expired more than the retention period ago."""
    cutoff = now - timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    ended = Q(listing__closed_at__lt=cutoff) | Q(
        listing__closed_at__isnull=True, listing__expires_at__lt=cutoff
    )
    # A listing back under review or published again is still in use, whatever its dates say.
    return Application.objects.filter(ended).exclude(listing__status__in=Listing.OPEN_STATUSES)


def unused_deleted_cvs():
    """CVs their owner deleted that no application refers to any more."""
    return CV.objects.filter(deleted_at__isnull=False).exclude(
        Exists(Application.objects.filter(cv=OuterRef("pk")))
    )


def retention_purge(*, now=None, batch_size: int = BATCH_SIZE) -> dict[str, int]:
    """Delete what is kept past its time, a batch per transaction; running it again after a
    run was cut short finishes the work. Returns how many rows of each kind went."""
    now = now or timezone.now()
    counts = {"applications": 0, "events": 0, "cvs": 0, "alert_deliveries": 0}
    while batch := _purge_applications(now, batch_size):
        counts["applications"] += batch[0]
        counts["events"] += batch[1]
    while cvs := _purge_cvs(batch_size):
        counts["cvs"] += cvs
    cutoff = now - timedelta(days=ALERT_DELIVERY_DAYS)
    while deliveries := _purge_deliveries(cutoff, batch_size):
        counts["alert_deliveries"] += deliveries
    logger.info(
        "Retention purge: %(applications)s applications, %(events)s events, %(cvs)s CVs, "
        "%(alert_deliveries)s alert deliveries deleted",
        counts,
    )
    return counts


@transaction.atomic
def _purge_applications(now, batch_size: int) -> tuple[int, int] | None:
    ids = list(expired_applications(now).order_by("pk").values_list("pk", flat=True)[:batch_size])
    if not ids:
        return None
    events, _by_model = ApplicationEvent.objects.filter(application_id__in=ids).delete()
    # The audit trail names the applicant in each entry's description: it goes with them,
    # and the purge itself records nothing new about them.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_pk__in=[str(pk) for pk in ids],
    ).delete()
    with disable_auditlog():
        _total, by_model = Application.objects.filter(pk__in=ids).delete()
    return by_model.get(Application._meta.label, 0), events


@transaction.atomic
def _purge_cvs(batch_size: int) -> int:
    cvs = list(unused_deleted_cvs().order_by("pk")[:batch_size])
    if not cvs:
        return 0
    CV.objects.filter(pk__in=[cv.pk for cv in cvs]).delete()
    cv_files_delete_on_commit(cvs)
    return len(cvs)


@transaction.atomic
def _purge_deliveries(cutoff, batch_size: int) -> int:
    ids = list(
        AlertDelivery.objects.filter(sent_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:batch_size]
    )
    if not ids:
        return 0
    deleted, _by_model = AlertDelivery.objects.filter(pk__in=ids).delete()
    return deleted
