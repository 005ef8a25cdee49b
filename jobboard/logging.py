"""A logging filter that keeps personal data and secrets out of every log line."""

import logging
import re

# a.person@example.com -> a***@example.com: enough to tell addresses apart when debugging.
_EMAIL = re.compile(r"(?<![\w.%+-])([\w%+-])[\w.%+-]*@((?:[\w-]+\.)+[A-Za-z]{2,})")
# Credentials in URLs: scheme://user:secret@host
_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s:/@]*):[^\s@/]+@")
# password=..., "token": "...", 'secret_key': '...', api-key: ..., and password1/password2.
_SECRET_VALUE = re.compile(
    r"""(?ix)
    (?P<key>\b[\w-]*(?:passw(?:or)?d|pwd|secret|token|key|sessionid)\d*)
    (?P<close>["']?)
    (?P<sep>\s*[:=]\s*)
    (?:\[redacted\]|"[^"]*"|'[^']*'|[^\s,;&)}\]]+)
    """
)
_BEARER = re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}")
# Secrets that travel in paths: unsubscribe, invitation and allauth key links.
_PATH_TOKEN = re.compile(r"(?i)(/(?:unsubscribe|invitations|key|confirm-email)/)[^/\s?#\"']+")

# Employer API keys (api.services): htk_<prefix>_<secret>, wherever they appear.
_API_KEY = re.compile(r"\b(htk_[0-9a-f]{6,16}_)[A-Za-z0-9_-]{8,}")

REDACTED = "[redacted]"


def _secret_value(match: re.Match) -> str:
    return f"{match['key']}{match['close']}{match['sep']}{REDACTED}"


def redact(text: str) -> str:
    """`text` without email addresses (masked), secrets in key/value pairs, URL passwords,
    bearer tokens and tokens in links."""
    text = _URL_CREDENTIALS.sub(rf"\1:{REDACTED}@", text)
    text = _SECRET_VALUE.sub(_secret_value, text)
    text = _BEARER.sub(rf"\1 {REDACTED}", text)
    text = _PATH_TOKEN.sub(rf"\1{REDACTED}", text)
    text = _API_KEY.sub(rf"\1{REDACTED}", text)
    return _EMAIL.sub(r"\1***@\2", text)


class RedactingFilter(logging.Filter):
    """Rewrite each record's message and exception text through `redact`.

    Installed on the handlers (settings.LOGGING), so it sees records from every logger that
    reaches them. It never drops a record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the template, drop the arguments
            message = f"{record.msg} (unformattable arguments)"
        record.msg = redact(str(message))
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
