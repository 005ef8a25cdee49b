"""Log lines never carry passwords, tokens, CV contents or full email addresses."""

import logging
import re
from pathlib import Path

import pytest
from django.conf import settings

from jobboard.logging import RedactingFilter, redact

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def redacted_caplog(caplog):
    """caplog with the filter the settings put on the root handlers."""
    caplog.handler.addFilter(RedactingFilter())
    caplog.set_level(logging.INFO)
    return caplog


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sent to maria.santos@example.com", "Sent to m***@example.com"),
        (
            "a@example.co.jp and bob+jobs@mail.example.org",
            "a***@example.co.jp and b***@mail.example.org",
        ),
        ("password=hunter2 next", "password=[redacted] next"),
        ("password1=abc&password2=abc", "password1=[redacted]&password2=[redacted]"),
        ("{'password': 'hunter2', 'email': 'x'}", "{'password': [redacted], 'email': 'x'}"),
        ('{"token": "abc.def", "n": 1}', '{"token": [redacted], "n": 1}'),
        ("SECRET_KEY = 'django-insecure-xyz'", "SECRET_KEY = [redacted]"),
        ("api_key: AKIA123456 region", "api_key: [redacted] region"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x.y", "Authorization: Bearer [redacted]"),
        (
            "redis://default:s3cr3t@127.0.0.1:6379/0",
            "redis://default:[redacted]@127.0.0.1:6379/0",
        ),
        (
            "Not Found: /en/alerts/unsubscribe/eyJ1c2VyIjoyfQ:1uOkXA:GbHo/",
            "Not Found: /en/alerts/unsubscribe/[redacted]/",
        ),
        (
            "GET /en/employer/invitations/Zx9_abcdefghijklmnop/ 200",
            "GET /en/employer/invitations/[redacted]/ 200",
        ),
        ("Task succeeded: 'sent'", "Task succeeded: 'sent'"),
    ],
)
def test_redact_masks_addresses_and_secret_values(line, expected):
    assert redact(line) == expected


def test_log_message_arguments_are_redacted(redacted_caplog):
    logging.getLogger("hataraku.test").info(
        "Login failed for %s with password=%s", "ana.reyes@example.com", "hunter2"
    )

    assert redacted_caplog.messages == [
        "Login failed for a***@example.com with password=[redacted]"
    ]
    assert "hunter2" not in redacted_caplog.text
    assert "ana.reyes@" not in redacted_caplog.text


def test_exception_text_is_redacted(redacted_caplog):
    try:
        raise ValueError("duplicate key (email)=(ana.reyes@example.com); token=abc123")
    except ValueError:
        logging.getLogger("hataraku.test").exception("Could not save")

    record = redacted_caplog.records[0]
    assert "ana.reyes@example.com" not in redacted_caplog.text
    assert "abc123" not in redacted_caplog.text
    assert "a***@example.com" in record.exc_text
    assert "ValueError" in record.exc_text


def test_a_record_with_bad_arguments_is_still_logged(redacted_caplog):
    logging.getLogger("hataraku.test").warning("Two %s %s", "only-one@example.com")

    assert len(redacted_caplog.records) == 1
    assert "only-one@example.com" not in redacted_caplog.text


def test_settings_put_the_filter_on_the_root_handlers():
    config = settings.LOGGING
    assert config["filters"]["redact"]["()"] == "jobboard.logging.RedactingFilter"
    for name in config["root"]["handlers"]:
        assert "redact" in config["handlers"][name]["filters"]
    configured = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    assert configured
    assert all(
        any(isinstance(f, RedactingFilter) for f in handler.filters) for handler in configured
    )


def test_the_configured_root_handler_writes_redacted_lines():
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactingFilter) for f in h.filters)
    )
    record = logging.LogRecord(
        "hataraku.test", logging.WARNING, __file__, 1, "to %s", ("ana@example.com",), None
    )

    assert handler.filter(record)
    assert handler.format(record).endswith("WARNING hataraku.test to a***@example.com")


def test_redacting_twice_changes_nothing():
    line = "password=x token: 'y' ana@example.com redis://u:p@h/0 /unsubscribe/abc/"
    assert redact(redact(line)) == redact(line)


def test_no_log_call_in_the_code_passes_an_email_or_a_password():
    """Log calls name rows by id: a person's email, name or password is never an argument."""
    call = re.compile(r"\blogger\.\w+\((?P<args>[^)]*)\)", re.S)
    risky = re.compile(r"\b(email|full_name|password|token|phone|cover_letter)\b")
    found = []
    for path in BASE_DIR.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "migrations" in path.parts:
            continue
        for match in call.finditer(path.read_text()):
            if risky.search(match["args"]):
                found.append(f"{path.relative_to(BASE_DIR)}: {match[0][:80]}")
    assert found == []


def test_celery_workers_log_through_the_same_filter():
    from celery.signals import setup_logging

    from jobboard.celery import use_django_logging

    # With a receiver connected, Celery leaves the root logger to it instead of its own setup.
    assert any(receiver() is use_django_logging for _id, receiver in setup_logging.receivers)
    use_django_logging()
    handlers = logging.getLogger().handlers
    assert any(any(isinstance(f, RedactingFilter) for f in h.filters) for h in handlers)
