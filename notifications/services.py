"""Adding emails to the outbox and sending them, exactly once per event."""

import logging
import math
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from notifications.models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY_SECONDS = 30
STALE_AFTER = timedelta(minutes=2)
REQUEUE_BATCH = 1000


class TransientSendError(Exception):
    """The mail server could not be reached or refused for now; try again later."""

    def __init__(self, message: str, *, retry_in: int):
        super().__init__(message)
        self.retry_in = retry_in


def _language_of(user) -> str:
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def notify(
    *,
    kind: str,
    template: str,
    context: dict,
    dedup_key: str,
    to_user=None,
    to_email: str = "",
    language: str = "",
    headers: dict | None = None,
) -> Notification:
    """Render an email in the recipient's language and add it to the outbox.

    Call it inside the transaction of the event that causes it: the row commits with the
    event or not at all, and it is handed to Celery only after commit. `template` names
    `<template>_subject.txt`, `<template>.txt` and `<template>.html`.
    """
    language = language or _language_of(to_user)
    to_email = to_email or to_user.email
    context = {**context, "SITE_URL": settings.SITE_URL, "recipient": to_user}
    with translation.override(language):
        # Emails have no request: give the templates the language and direction themselves.
        context |= {"LANGUAGE_CODE": language, "LANGUAGE_BIDI": translation.get_language_bidi()}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body_text = render_to_string(f"{template}.txt", context)
        body_html = render_to_string(f"{template}.html", context)
    return _add(
        recipient=to_user,
        to_email=to_email,
        kind=kind,
        language=language,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        headers=headers or {},
        dedup_key=dedup_key,
    )


def notify_rendered(
    *, kind: str, to_email: str, subject: str, body_text: str, body_html: str, dedup_key: str
) -> Notification:
    """Add an email rendered elsewhere (allauth's account emails), in the site's look."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if not body_html:
        body_html = render_to_string(
            "notifications/email/plain.html",
            {
                "subject": subject,
                "body": body_text,
                "SITE_URL": settings.SITE_URL,
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            },
        )
    return _add(
        recipient=None,
        to_email=to_email,
        kind=kind,
        language=language[:8],
        subject=" ".join(subject.split()),
        body_text=body_text,
        body_html=body_html,
        headers={},
        dedup_key=dedup_key,
    )


def _add(**fields) -> Notification:
    notification, created = Notification.objects.get_or_create(
        dedup_key=fields.pop("dedup_key"), defaults=fields
    )
    if created:
        transaction.on_commit(lambda: enqueue(notification.pk))
    return notification


def enqueue(notification_id: int) -> None:
    """Hand a row to Celery. If the broker is down the row stays pending and the periodic
    re-enqueue task sends it later: the web request never fails because of email."""
    from notifications.tasks import send_notification

    try:
        send_notification.delay(notification_id)
    except Exception:
        logger.warning("Could not enqueue notification %s; it stays pending", notification_id)


def _message(notification: Notification) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        to=[notification.to_email],
        headers=notification.headers or None,
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    return message


SEND_ERRORS = (smtplib.SMTPException, OSError)


# A retry may arrive a moment before its scheduled time; earlier than this is a duplicate.
EARLY_TOLERANCE = timedelta(seconds=5)


def notification_send(*, notification_id: int) -> str:
    """Send one pending row and mark it sent; idempotent (a sent row is skipped).

    Raises TransientSendError after recording a failed attempt that should be retried.
    """
    error = None
    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.status != Notification.Status.PENDING:
            return "skipped"
        if (
            notification.next_attempt_at
            and notification.next_attempt_at > timezone.now() + EARLY_TOLERANCE
        ):
            return "not yet"  # a duplicate delivery during the backoff wait
        notification.attempts += 1
        try:
            _message(notification).send()
        except Exception as exc:
            error = exc
            notification.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            # Only transport errors are worth retrying; a message that cannot be built
            # (a bad header, a template bug) fails at once instead of looping.
            if notification.attempts >= MAX_ATTEMPTS or not isinstance(exc, SEND_ERRORS):
                notification.status = Notification.Status.FAILED
                notification.next_attempt_at = None
            else:
                delay = FIRST_RETRY_SECONDS * 2 ** (notification.attempts - 1)
                notification.next_attempt_at = timezone.now() + timedelta(seconds=delay)
        else:
            notification.status = Notification.Status.SENT
            notification.sent_at = timezone.now()
            notification.next_attempt_at = None
        notification.save(
            update_fields=["status", "attempts", "last_error", "sent_at", "next_attempt_at"]
        )
    if error is not None and notification.status == Notification.Status.PENDING:
        retry_in = math.ceil((notification.next_attempt_at - timezone.now()).total_seconds())
        raise TransientSendError(notification.last_error, retry_in=max(retry_in, 1))
    if error is not None:
        logger.error(
            "Notification %s failed after %s attempts", notification.pk, notification.attempts
        )
        return "failed"
    return "sent"


def notifications_requeue_stale(*, now=None) -> int:
    """Re-enqueue pending rows that should have gone out by now (broker or worker outage)."""
    now = now or timezone.now()
    due = (
        Notification.objects.pending()
        .filter(created_at__lte=now - STALE_AFTER)
        .exclude(next_attempt_at__gt=now)
        .order_by("created_at")
        .values_list("pk", flat=True)[:REQUEUE_BATCH]
    )
    count = 0
    for notification_id in due:
        enqueue(notification_id)
        count += 1
    return count


@transaction.atomic
def notifications_retry(*, notification_ids) -> int:
    """Staff: give failed rows a fresh set of attempts."""
    rows = list(
        Notification.objects.select_for_update()
        .filter(pk__in=notification_ids, status=Notification.Status.FAILED)
        .values_list("pk", flat=True)
    )
    Notification.objects.filter(pk__in=rows).update(
        status=Notification.Status.PENDING, attempts=0, next_attempt_at=None
    )
    for notification_id in rows:
        transaction.on_commit(lambda pk=notification_id: enqueue(pk))
    return len(rows)


FORGET_BATCH = 100


def notifications_forget(*, user, dedup_prefixes=()) -> int:
    """Delete the outbox rows about a person whose account is being deleted: those sent to
    them, and those whose deduplication key starts with one of `dedup_prefixes` (emails to
    others about them). Returns how many rows went."""
    deleted, _by_model = Notification.objects.filter(
        Q(recipient=user) | Q(to_email__iexact=user.email)
    ).delete()
    prefixes = list(dedup_prefixes)
    for start in range(0, len(prefixes), FORGET_BATCH):
        about = Q()
        for prefix in prefixes[start : start + FORGET_BATCH]:
            about |= Q(dedup_key__startswith=prefix)
        count, _by_model = Notification.objects.filter(about).delete()
        deleted += count
    return deleted
