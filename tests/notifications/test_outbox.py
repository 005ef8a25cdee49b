"""The outbox: rows written with the event, sent once after commit, retried with backoff."""

import datetime
import smtplib
from unittest import mock

import pytest
import time_machine
from celery.exceptions import Retry
from django.conf import settings
from django.core.mail.backends import locmem
from django.db import transaction
from django.utils import timezone

from notifications.models import Notification
from notifications.services import (
    FIRST_RETRY_SECONDS,
    MAX_ATTEMPTS,
    STALE_AFTER,
    TransientSendError,
    notification_send,
    notifications_requeue_stale,
    notifications_retry,
    notify,
    notify_rendered,
)
from notifications.tasks import send_notification
from tests.accounts.factories import SeekerFactory
from tests.notifications.conftest import assert_text_and_html, html_part, pending_notification

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2025, 3, 3, 10, 0, tzinfo=datetime.UTC)
ADMIN_URL = "/admin/notifications/notification/"


def smtp_down(error=None):
    """The mail server fails every send until the block ends."""
    error = error or smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    return mock.patch.object(locmem.EmailBackend, "send_messages", side_effect=error)


def failed_notification(user, *, key="test:failed"):
    notification = pending_notification(user, key=key)
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.FAILED,
        attempts=MAX_ATTEMPTS,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    return notification


# ---- notify ----


def test_notify_writes_a_pending_row_rendered_in_the_recipients_language():
    user = SeekerFactory(preferred_language="ja", full_name="Tanaka Yui")

    notification = notify(
        kind=Notification.Kind.COMPANY_VERIFIED,
        template="notifications/email/company_verified",
        context={"company_name": "Sakura Works"},
        to_user=user,
        dedup_key="company:1:verified",
    )

    row = Notification.objects.get(pk=notification.pk)
    assert row.status == Notification.Status.PENDING
    assert row.language == "ja"
    assert row.recipient == user
    assert row.to_email == user.email
    assert row.kind == Notification.Kind.COMPANY_VERIFIED
    assert "Sakura Works" in row.subject
    assert "\n" not in row.subject
    assert "Sakura Works" in row.body_text
    assert "Tanaka Yui" in row.body_text
    assert "Sakura Works" in row.body_html
    assert row.body_html.lstrip().startswith("<!DOCTYPE html>")
    assert row.attempts == 0
    assert row.sent_at is None


def test_notify_falls_back_to_the_site_language_for_an_unknown_preference():
    user = SeekerFactory(preferred_language="xx")

    assert pending_notification(user).language == settings.LANGUAGE_CODE


def test_notify_writes_the_row_inside_the_callers_transaction(mailoutbox):
    user = SeekerFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        pending_notification(user)
        raise RuntimeError("the event failed")

    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_the_same_dedup_key_twice_makes_one_row_and_one_email(
    mailoutbox, django_capture_on_commit_callbacks
):
    user = SeekerFactory()

    with django_capture_on_commit_callbacks(execute=True):
        first = pending_notification(user, key="event:42")
        second = pending_notification(user, key="event:42")

    assert first.pk == second.pk
    assert Notification.objects.count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_email_is_handed_to_celery_only_after_commit(mailoutbox):
    user = SeekerFactory()

    with transaction.atomic():
        notification = pending_notification(user)
        # Still inside the event's transaction: nothing may leave yet.
        assert mailoutbox == []

    assert [message.to for message in mailoutbox] == [[user.email]]
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_event_sends_nothing_even_after_later_commits(mailoutbox):
    user = SeekerFactory()

    with transaction.atomic():
        try:
            with transaction.atomic():
                pending_notification(user, key="rolled-back")
                raise RuntimeError("the event failed")
        except RuntimeError:
            pass
        pending_notification(user, key="kept")

    assert list(Notification.objects.values_list("dedup_key", flat=True)) == ["kept"]
    assert len(mailoutbox) == 1


def test_a_broker_outage_at_commit_leaves_the_row_pending_and_the_caller_unharmed(
    mailoutbox, django_capture_on_commit_callbacks
):
    user = SeekerFactory()

    with (
        mock.patch.object(send_notification, "delay", side_effect=ConnectionError("refused")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notification = pending_notification(user)

    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING
    assert mailoutbox == []


def test_subject_keeps_ampersands_and_apostrophes_as_typed():
    user = SeekerFactory()

    notification = notify(
        kind=Notification.Kind.COMPANY_VERIFIED,
        template="notifications/email/company_verified",
        context={"company_name": "O'Neil & Sons"},
        to_user=user,
        dedup_key="company:2:verified",
    )

    assert notification.subject == "O'Neil & Sons is verified on Hataraku"


def test_plain_text_body_keeps_ampersands_and_apostrophes_as_typed():
    notification = notify(
        kind=Notification.Kind.COMPANY_VERIFIED,
        template="notifications/email/company_verified",
        context={"company_name": "O'Neil & Sons"},
        to_user=SeekerFactory(),
        dedup_key="company:3:verified",
    )

    assert "O'Neil & Sons" in notification.body_text
    assert "O&#x27;Neil &amp; Sons" in notification.body_html


@pytest.mark.parametrize(
    ("language", "html_tag"),
    [("ja", '<html lang="ja">'), ("ur", '<html lang="ur" dir="rtl">')],
)
def test_html_email_declares_the_recipients_language_and_direction(language, html_tag):
    user = SeekerFactory(preferred_language=language)

    assert html_tag in pending_notification(user).body_html


def test_notify_rendered_adds_an_account_email_with_a_one_line_subject():
    notification = notify_rendered(
        kind=Notification.Kind.ACCOUNT,
        to_email="amina@example.com",
        subject="[Hataraku]   Please confirm\n your email",
        body_text="Confirm here: https://hataraku.example/accounts/confirm-email/abc/",
        body_html="",
        dedup_key="account:confirm:1",
    )

    assert notification.status == Notification.Status.PENDING
    assert notification.subject == "[Hataraku] Please confirm your email"
    assert notification.language == "en"
    assert notification.recipient is None
    assert notification.to_email == "amina@example.com"
    assert "https://hataraku.example/accounts/confirm-email/abc/" in notification.body_html


def test_notify_rendered_html_part_has_paragraphs_and_clickable_links():
    notification = notify_rendered(
        kind=Notification.Kind.ACCOUNT,
        to_email="amina@example.com",
        subject="Please confirm your email",
        body_text="Confirm here: https://hataraku.example/accounts/confirm-email/abc/",
        body_html="",
        dedup_key="account:confirm:1",
    )

    assert (
        '<a href="https://hataraku.example/accounts/confirm-email/abc/"' in notification.body_html
    )
    assert "&lt;p&gt;" not in notification.body_html


def test_notify_rendered_never_turns_markup_in_the_text_into_html():
    notification = notify_rendered(
        kind=Notification.Kind.ACCOUNT,
        to_email="amina@example.com",
        subject="Hello",
        body_text='Hi <img src=x onerror="alert(1)"> & welcome',
        body_html="",
        dedup_key="account:hello:1",
    )

    assert "<img" not in notification.body_html


def test_notify_rendered_keeps_an_html_part_rendered_by_allauth():
    notification = notify_rendered(
        kind=Notification.Kind.ACCOUNT,
        to_email="amina@example.com",
        subject="Hello",
        body_text="Hello",
        body_html="<p>Hello from allauth</p>",
        dedup_key="account:hello:2",
    )

    assert notification.body_html == "<p>Hello from allauth</p>"


# ---- sending ----


def test_sending_delivers_text_and_html_with_the_stored_headers_and_marks_sent(mailoutbox):
    user = SeekerFactory()
    notification = pending_notification(
        user, headers={"List-Unsubscribe": "<https://hataraku.example/unsubscribe/1/>"}
    )

    with time_machine.travel(NOW, tick=False):
        assert send_notification.delay(notification.pk).get() == "sent"

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [user.email]
    assert message.subject == notification.subject
    assert message.body == notification.body_text
    assert html_part(message) == notification.body_html
    assert message.extra_headers["List-Unsubscribe"] == "<https://hataraku.example/unsubscribe/1/>"
    assert_text_and_html(message)
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 1
    assert notification.sent_at == NOW
    assert notification.next_attempt_at is None


def test_sending_a_sent_row_again_sends_nothing(mailoutbox):
    notification = pending_notification(SeekerFactory())
    notification_send(notification_id=notification.pk)

    assert notification_send(notification_id=notification.pk) == "skipped"
    assert send_notification.delay(notification.pk).get() == "skipped"

    assert len(mailoutbox) == 1
    notification.refresh_from_db()
    assert notification.attempts == 1


def test_a_deleted_row_is_skipped(mailoutbox):
    notification = pending_notification(SeekerFactory())
    Notification.objects.filter(pk=notification.pk).delete()

    assert send_notification.delay(notification.pk).get() == "skipped"
    assert mailoutbox == []


@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        ConnectionRefusedError(111, "Connection refused"),
    ],
    ids=["disconnected", "refused"],
)
def test_a_mail_server_error_records_the_attempt_and_asks_for_a_retry_in_30_seconds(
    error, mailoutbox
):
    notification = pending_notification(SeekerFactory())

    with (
        time_machine.travel(NOW, tick=False),
        smtp_down(error),
        pytest.raises(TransientSendError) as raised,
    ):
        notification_send(notification_id=notification.pk)

    assert raised.value.retry_in == FIRST_RETRY_SECONDS == 30
    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 1
    assert notification.last_error == f"{type(error).__name__}: {error}"
    assert notification.next_attempt_at == NOW + datetime.timedelta(seconds=30)
    assert notification.sent_at is None
    assert mailoutbox == []


def test_retries_back_off_exponentially_and_the_last_attempt_marks_the_row_failed(mailoutbox):
    notification = pending_notification(SeekerFactory())
    delays = []

    with time_machine.travel(NOW, tick=False) as clock, smtp_down():
        for _attempt in range(MAX_ATTEMPTS - 1):
            with pytest.raises(TransientSendError) as raised:
                notification_send(notification_id=notification.pk)
            notification.refresh_from_db()
            delays.append((notification.next_attempt_at - timezone.now()).total_seconds())
            assert raised.value.retry_in == delays[-1]
            clock.move_to(notification.next_attempt_at)

        assert notification_send(notification_id=notification.pk) == "failed"

    assert delays == [30, 60, 120, 240]
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.attempts == MAX_ATTEMPTS
    assert notification.next_attempt_at is None
    assert notification.last_error.startswith("SMTPServerDisconnected")
    assert mailoutbox == []
    # A failed row is left alone until staff retry it.
    assert notification_send(notification_id=notification.pk) == "skipped"


def test_an_email_that_cannot_be_built_counts_as_a_failed_attempt(mailoutbox):
    notification = pending_notification(
        SeekerFactory(), headers={"X-Campaign": "spring\nBcc: everyone@example.com"}
    )

    notification_send(notification_id=notification.pk)

    notification.refresh_from_db()
    assert notification.attempts == 1
    assert "BadHeaderError" in notification.last_error
    assert mailoutbox == []


def test_the_task_without_a_worker_leaves_a_failing_row_pending_for_later(mailoutbox):
    notification = pending_notification(SeekerFactory())

    with smtp_down():
        assert send_notification.delay(notification.pk).get() == "retry later"

    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 1


def test_the_task_on_a_worker_schedules_its_retry_after_the_backoff(mailoutbox):
    notification = pending_notification(SeekerFactory())
    send_notification.push_request(
        id="task-1",
        args=[notification.pk],
        kwargs={},
        retries=0,
        is_eager=False,
        called_directly=False,
        delivery_info={},
    )
    try:
        with (
            time_machine.travel(NOW, tick=False),
            smtp_down(),
            mock.patch.object(send_notification, "apply_async") as scheduled,
            pytest.raises(Retry),
        ):
            send_notification.run(notification.pk)
    finally:
        send_notification.pop_request()

    assert scheduled.call_count == 1
    assert scheduled.call_args.kwargs["countdown"] == FIRST_RETRY_SECONDS
    assert list(scheduled.call_args.args[0]) == [notification.pk]


# ---- re-enqueueing after an outage ----


def test_requeue_sends_only_pending_rows_that_are_stale_and_due(mailoutbox):
    user = SeekerFactory()
    with time_machine.travel(NOW, tick=False):
        pending_notification(user, key="stale")
        due_retry = pending_notification(user, key="due-retry")
        later_retry = pending_notification(user, key="later-retry")
        already_sent = pending_notification(user, key="sent")
        notification_send(notification_id=already_sent.pk)
        failed_notification(user, key="failed")
    Notification.objects.filter(pk=due_retry.pk).update(
        attempts=1, next_attempt_at=NOW + STALE_AFTER
    )
    Notification.objects.filter(pk=later_retry.pk).update(
        attempts=3, next_attempt_at=NOW + STALE_AFTER + datetime.timedelta(minutes=10)
    )
    with time_machine.travel(NOW + STALE_AFTER - datetime.timedelta(seconds=1), tick=False):
        pending_notification(user, key="fresh")
        assert notifications_requeue_stale() == 0
    mailoutbox.clear()

    with time_machine.travel(NOW + STALE_AFTER + datetime.timedelta(seconds=1), tick=False):
        assert notifications_requeue_stale() == 2

    assert len(mailoutbox) == 2
    statuses = dict(Notification.objects.values_list("dedup_key", "status"))
    assert statuses == {
        "stale": "sent",
        "due-retry": "sent",
        "later-retry": "pending",
        "sent": "sent",
        "failed": "failed",
        "fresh": "pending",
    }


def test_requeue_runs_every_five_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["requeue-stale-notifications"]
    assert entry["task"] == "notifications.tasks.requeue_stale_notifications"
    assert entry["schedule"].minute == set(range(0, 60, 5))


# ---- staff retry ----


def test_retry_gives_failed_rows_a_fresh_start_and_sends_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    user = SeekerFactory()
    failed = failed_notification(user)
    sent = pending_notification(user, key="sent")
    notification_send(notification_id=sent.pk)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_retry(notification_ids=[failed.pk, sent.pk]) == 1

    assert [message.to for message in mailoutbox] == [[user.email]]
    failed.refresh_from_db()
    assert failed.status == Notification.Status.SENT
    assert failed.attempts == 1


def test_retry_of_a_row_that_fails_again_starts_a_new_series_of_attempts(
    mailoutbox, django_capture_on_commit_callbacks
):
    failed = failed_notification(SeekerFactory())

    with smtp_down(), django_capture_on_commit_callbacks(execute=True):
        notifications_retry(notification_ids=[failed.pk])

    failed.refresh_from_db()
    assert failed.status == Notification.Status.PENDING
    assert failed.attempts == 1
    assert failed.next_attempt_at is not None


def test_admin_retry_action_requeues_failed_emails_and_sends_them_once(
    client, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    user = SeekerFactory()
    failed = failed_notification(user)
    sent = pending_notification(user, key="sent")
    notification_send(notification_id=sent.pk)
    mailoutbox.clear()
    client.force_login(superuser)

    assert client.get(ADMIN_URL + "?status__exact=failed").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADMIN_URL, {"action": "retry_failed", "_selected_action": [failed.pk, sent.pk]}
        )

    assert response.status_code == 302
    assert response["Location"] == ADMIN_URL
    assert "1 email queued again." in client.get(ADMIN_URL).content.decode()
    assert [message.to for message in mailoutbox] == [[user.email]]
    failed.refresh_from_db()
    assert failed.status == Notification.Status.SENT


def test_admin_shows_the_outbox_read_only(client, superuser):
    notification = failed_notification(SeekerFactory())
    client.force_login(superuser)

    page = client.get(f"{ADMIN_URL}{notification.pk}/change/")

    assert page.status_code == 200
    assert "SMTPServerDisconnected" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert client.get(f"{ADMIN_URL}add/").status_code == 403
