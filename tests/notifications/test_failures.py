"""The outbox against real failures: Redis down, a real worker over Redis and SMTP, a worker
dying mid-send, and a mail server that refuses.

These start their own redis-server, SMTP server and Celery worker on free loopback ports and
stop them in fixture finalisers. Rows must be committed for another process to see them,
hence transactional tests.
"""

import base64
import datetime
import json
import os
import secrets
import sys
import time
from unittest import mock
from urllib.parse import quote

import pytest
import time_machine
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from kombu import pools

from applicants.models import Application
from jobboard import config
from notifications.models import Notification
from notifications.services import MAX_ATTEMPTS, STALE_AFTER, notifications_requeue_stale
from notifications.tasks import send_notification
from tests.accounts.factories import SeekerFactory, StaffFactory
from tests.applicants.factories import CVFactory, SeekerProfileFactory
from tests.listings.factories import PublishedListingFactory
from tests.notifications.conftest import Team, pending_notification
from tests.notifications.processes import (
    BASE_DIR,
    REDIS_SERVER,
    CeleryWorker,
    RedisServer,
    SmtpSink,
    smtp_controller,
    wait_until,
)

# Other transactional tests flush the database, reference data included; restore it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

needs_redis_server = pytest.mark.skipif(
    REDIS_SERVER is None,
    reason="redis-server is not on PATH: these tests start (and stop) a throwaway Redis",
)
ADMIN_URL = "/admin/notifications/notification/"
TASK = "notifications.tasks.send_notification"


def report(line: str) -> None:
    """Timings worth reading, shown by `pytest -s`."""
    sys.stdout.write(f"\n[outbox failure tests] {line}\n")


# ---- real services ----


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def _reset_broker_connections(app) -> None:
    # Connections and producers are pooled per broker URL; drop them so the next publish
    # connects to the broker now configured, as a freshly started web process would.
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()


@pytest.fixture
def celery_on_redis(redis_server):
    """The test process publishes to the throwaway Redis instead of running tasks eagerly."""
    app = send_notification.app
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}
    _reset_broker_connections(app)
    app.conf.update(task_always_eager=False, broker_url=redis_server.url)
    yield app
    _reset_broker_connections(app)
    app.conf.update(saved)


@pytest.fixture
def smtp_sink():
    sink = SmtpSink()
    controller = smtp_controller(sink)
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


def smtp_settings(sink):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=sink.port,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )


def _test_database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return (
        f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def celery_worker(redis_server, smtp_sink, tmp_path):
    """A real worker process with production settings, on the test database."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "the real Celery worker is another process and needs the PostgreSQL test database "
            "(this run uses SQLite); run with DATABASE_URL=postgres://… to include it"
        )
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CELERY_", "DATABASE_", "REDIS_", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="jobboard.settings",
        DEBUG="1",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=_test_database_url(),
        REDIS_URL=redis_server.url,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_sink.port}",
        DEFAULT_FROM_EMAIL="Hataraku <no-reply@hataraku.example>",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(BASE_DIR),
    )
    worker = CeleryWorker(env=env, log_path=tmp_path / "worker.log")
    worker.start()
    yield worker
    worker.stop()


def queued_task_arguments(server: RedisServer) -> list[list]:
    """The arguments of every send_notification message waiting in the Celery queue."""
    found = []
    for raw in server.client().lrange("celery", 0, -1):
        payload = json.loads(raw)
        assert payload["headers"]["task"] == TASK
        args, _kwargs, _embed = json.loads(base64.b64decode(payload["body"]))
        found.append(args)
    return found


def seeker_ready_to_apply():
    profile = SeekerProfileFactory(full_name="Maria Santos")
    return profile.user, CVFactory(owner=profile.user)


# ---- 1. Redis down while an application is submitted ----


@needs_redis_server
def test_an_application_submitted_while_redis_is_down_succeeds_and_its_emails_follow_later(
    client, mailoutbox, redis_server, celery_on_redis
):
    team = Team()
    listing = PublishedListingFactory(company=team.company, title_en="Care worker")
    seeker, cv = seeker_ready_to_apply()
    client.force_login(seeker)
    redis_server.stop()

    # The cache lives on the same Redis in production: it is down too.
    with override_settings(CACHES=config.caches(redis_server.url)):
        started = time.monotonic()
        response = client.post(f"/en/jobs/{listing.pk}/apply/", {"cv": cv.pk, "consent": "on"})
        elapsed = time.monotonic() - started

    report(f"apply request with Redis down took {elapsed:.3f} s")
    assert response.status_code == 302
    assert response["Location"] == "/en/me/applications/"
    assert elapsed < 5, f"the request waited {elapsed:.1f} s for the broker"
    assert Application.objects.filter(listing=listing, seeker=seeker).exists()
    rows = list(Notification.objects.order_by("pk"))
    expected = sorted([seeker.email, *team.instant_emails])
    assert sorted(row.to_email for row in rows) == expected
    assert all(row.status == Notification.Status.PENDING for row in rows)
    assert all(row.attempts == 0 for row in rows)
    assert mailoutbox == []

    redis_server.start()
    with time_machine.travel(timezone.now() + STALE_AFTER + datetime.timedelta(seconds=1)):
        assert notifications_requeue_stale() == len(rows)

    queued = queued_task_arguments(redis_server)
    assert sorted(queued) == [[row.pk] for row in rows]
    for args in queued:
        send_notification.apply(args=args)
    assert sorted(message.to[0] for message in mailoutbox) == expected
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}

    # The periodic re-enqueue finds nothing left to do.
    with time_machine.travel(timezone.now() + STALE_AFTER + datetime.timedelta(minutes=5)):
        assert notifications_requeue_stale() == 0


# ---- 2. a real worker, a real Redis, a real SMTP server ----


@needs_redis_server
def test_a_real_worker_delivers_an_outbox_email_over_redis_to_an_smtp_server(
    redis_server, celery_on_redis, smtp_sink, celery_worker
):
    user = SeekerFactory(full_name="Kenji Sato")
    unsubscribe = "<https://hataraku.example/unsubscribe/abc/>"
    started = time.monotonic()

    with transaction.atomic():
        notification = pending_notification(
            user,
            key="worker:1",
            headers={"List-Unsubscribe": unsubscribe, "X-Hataraku-Kind": "company_verified"},
        )

    [message] = wait_until(
        smtp_sink.received,
        timeout=30,
        explain=lambda: f"no email within 30 s; worker log:\n{celery_worker.log()}",
    )
    report(f"real worker: commit to SMTP delivery {time.monotonic() - started:.2f} s")
    assert message["To"] == user.email
    assert message["From"] == "Hataraku <no-reply@hataraku.example>"
    assert message["Subject"] == notification.subject
    assert message["List-Unsubscribe"] == unsubscribe
    assert message["X-Hataraku-Kind"] == "company_verified"
    assert message.get_content_type() == "multipart/alternative"
    text, html = message.iter_parts()
    assert text.get_content_type() == "text/plain"
    assert "Hello Kenji Sato," in text.get_content()
    assert "Sakura Works" in text.get_content()
    assert html.get_content_type() == "text/html"
    assert "Sakura Works" in html.get_content()

    def sent():
        notification.refresh_from_db()
        return notification.status == Notification.Status.SENT

    wait_until(sent, timeout=10, explain=lambda: f"row not sent; log:\n{celery_worker.log()}")
    assert notification.attempts == 1
    assert notification.sent_at is not None
    assert len(smtp_sink.received()) == 1


# ---- 3. the worker dies after sending, before marking the row sent ----


def test_a_worker_dying_between_sending_and_marking_sent_causes_at_most_one_duplicate(
    mailoutbox,
):
    user = SeekerFactory()
    with mock.patch("notifications.services.enqueue") as enqueue, transaction.atomic():
        notification = pending_notification(user, key="crash:1")
    enqueue.assert_called_once_with(notification.pk)

    real_save = Notification.save
    crashes = []

    def die_after_sending(self, *args, **kwargs):
        if self.status == Notification.Status.SENT and not crashes:
            crashes.append(self.pk)
            raise SystemExit("worker killed after the SMTP server accepted the email")
        return real_save(self, *args, **kwargs)

    with mock.patch.object(Notification, "save", die_after_sending), pytest.raises(SystemExit):
        send_notification.apply(args=[notification.pk])

    notification.refresh_from_db()
    assert len(mailoutbox) == 1
    assert notification.status == Notification.Status.PENDING

    # acks_late: the broker hands the unacknowledged message to the next worker.
    assert send_notification.apply(args=[notification.pk]).get() == "sent"
    assert send_notification.apply(args=[notification.pk]).get() == "skipped"

    assert [message.to for message in mailoutbox] == [[user.email], [user.email]]
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    with transaction.atomic():
        again = pending_notification(user, key="crash:1")
    assert again.pk == notification.pk
    assert Notification.objects.count() == 1
    assert len(mailoutbox) == 2


# ---- 4. an SMTP server that refuses ----


@pytest.mark.parametrize(
    ("stage", "reply", "error"),
    [
        ("rcpt", "550 5.1.1 Mailbox unavailable", "SMTPRecipientsRefused"),
        ("data", "421 4.3.2 Service not available, try again later", "SMTPDataError"),
    ],
)
def test_a_refusing_mail_server_fails_the_row_after_max_attempts_until_staff_retry_it(
    client, smtp_sink, stage, reply, error
):
    setattr(smtp_sink, f"refuse_{stage}", reply)
    user = SeekerFactory()

    with smtp_settings(smtp_sink):
        with transaction.atomic():
            notification = pending_notification(user, key="refused:1")
        # The first attempt ran at commit; the periodic re-enqueue makes the others.
        for attempt in range(2, MAX_ATTEMPTS + 1):
            notification.refresh_from_db()
            assert notification.status == Notification.Status.PENDING
            assert notification.attempts == attempt - 1
            due = max(notification.next_attempt_at, notification.created_at + STALE_AFTER)
            with time_machine.travel(due + datetime.timedelta(seconds=1), tick=False):
                assert notifications_requeue_stale() == 1

        notification.refresh_from_db()
        assert notification.status == Notification.Status.FAILED
        assert notification.attempts == MAX_ATTEMPTS
        assert notification.last_error.startswith(error)
        assert reply.split()[0] in notification.last_error
        assert smtp_sink.received() == []
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
            assert notifications_requeue_stale() == 0

        smtp_sink.accept()
        client.force_login(StaffFactory())
        response = client.post(
            ADMIN_URL, {"action": "retry_failed", "_selected_action": [notification.pk]}
        )

    assert response.status_code == 302
    [message] = smtp_sink.received()
    assert message["To"] == user.email
    assert message["Subject"] == notification.subject
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 1
