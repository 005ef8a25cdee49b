"""Turns environment values into Django settings, failing with one clear line on bad input."""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

DATABASE_SCHEMES = {"postgres", "postgresql", "pgsql", "sqlite"}
REDIS_SCHEMES = {"redis", "rediss"}
MIN_SECRET_KEY_LENGTH = 32
DB_CONNECT_TIMEOUT_SECONDS = 3
DB_WAIT_SECONDS = 5
DB_RECONNECT_ROUND_SECONDS = 10


class ConfigurationError(ImproperlyConfigured):
    """A setting read from the environment is missing or malformed."""


def secret_key(value: str | None, *, debug: bool, dev_key_file: Path) -> str:
    """Return SECRET_KEY; required in production, a per-checkout generated key in DEBUG."""
    if value:
        if not debug and len(value) < MIN_SECRET_KEY_LENGTH:
            raise ConfigurationError(
                f"SECRET_KEY is too short: use at least {MIN_SECRET_KEY_LENGTH} random characters."
            )
        return value
    if not debug:
        raise ConfigurationError(
            "SECRET_KEY is not set. Set it in the environment (or set DEBUG=1 for development)."
        )
    # Development only: keep a generated key outside the repository so sessions survive restarts.
    if dev_key_file.exists():
        return dev_key_file.read_text().strip()
    dev_key_file.parent.mkdir(parents=True, exist_ok=True)
    key = get_random_secret_key()
    dev_key_file.write_text(key)
    dev_key_file.chmod(0o600)
    return key


def database(url: str | None, *, default_sqlite_path: Path) -> dict:
    """Return the DATABASES['default'] entry for DATABASE_URL, SQLite under var/ by default."""
    if not url:
        default_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{default_sqlite_path}"
    scheme = urlsplit(url).scheme
    if scheme not in DATABASE_SCHEMES:
        raise ConfigurationError(
            f"DATABASE_URL has an unsupported scheme {scheme!r}: "
            "use postgres://user:password@host:port/name or sqlite:///path/to/file.sqlite3."
        )
    try:
        config = environ.Env.db_url_config(url)
    except Exception as exc:  # django-environ raises assorted errors on malformed URLs
        raise ConfigurationError(f"DATABASE_URL is malformed: {exc}") from exc
    if scheme == "sqlite":
        if not config.get("NAME"):
            raise ConfigurationError("DATABASE_URL for SQLite needs a file path: sqlite:///path.")
        config["OPTIONS"] = {
            # IMMEDIATE avoids "database is locked" when the web server and eager tasks overlap.
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        return config
    if not config.get("NAME"):
        raise ConfigurationError("DATABASE_URL has no database name: postgres://…/name.")
    config["ENGINE"] = "django.db.backends.postgresql"
    # Django's native psycopg 3 pool; CONN_MAX_AGE must stay 0 when pooling. When PostgreSQL is
    # down a request waits at most DB_WAIT_SECONDS for a connection, then gets the 503 page;
    # failed reconnections are retried in short rounds, so the site recovers within seconds of
    # the server coming back (the pool's default backoff grows to minutes). A URL's
    # ?connect_timeout= wins over ours.
    config["OPTIONS"] = {
        "connect_timeout": DB_CONNECT_TIMEOUT_SECONDS,
        **config.get("OPTIONS", {}),
        "pool": {
            "min_size": 1,
            "max_size": 10,
            "timeout": DB_WAIT_SECONDS,
            "reconnect_timeout": DB_RECONNECT_ROUND_SECONDS,
        },
    }
    config["CONN_MAX_AGE"] = 0
    config["CONN_HEALTH_CHECKS"] = True
    return config


def redis_url(value: str | None) -> str | None:
    """Return REDIS_URL when set and well formed, None when unset."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in REDIS_SCHEMES or not parts.hostname:
        raise ConfigurationError(
            "REDIS_URL is malformed: use redis://host:port/db (or rediss:// for TLS)."
        )
    try:
        parts.port  # noqa: B018 - raises ValueError on a non-numeric port
    except ValueError as exc:
        raise ConfigurationError(f"REDIS_URL has a bad port: {exc}") from exc
    return value


def caches(redis: str | None) -> dict:
    """Return CACHES: Redis that never breaks a page when it is down, else local memory."""
    if not redis:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            # A cache outage degrades to a per-process memory cache (logged), never to an error
            # page nor to refused log-ins (see jobboard.cache).
            "BACKEND": "jobboard.cache.ResilientRedisCache",
            "LOCATION": redis,
            "KEY_PREFIX": "hataraku",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


def email(url: str | None, *, debug: bool) -> dict:
    """Return the EMAIL_* settings for EMAIL_URL: console in DEBUG, local SMTP otherwise."""
    if not url:
        url = "consolemail://" if debug else "smtp://localhost:25"
    try:
        config = environ.Env.email_url_config(url)
    except Exception as exc:
        raise ConfigurationError(f"EMAIL_URL is malformed: {exc}") from exc
    if not config.get("EMAIL_BACKEND"):
        raise ConfigurationError(
            "EMAIL_URL has an unsupported scheme: use smtp://, smtp+tls://, smtps:// "
            "or consolemail://."
        )
    return config


def cv_storage(*, bucket: str | None, private_root, endpoint_url: str | None, region: str | None):
    """STORAGES["cvs"]: a private local folder, or an S3-compatible bucket when one is named.

    CV files are never given a public URL: S3 objects are private and every download goes
    through the permission-checked view.
    """
    if not bucket:
        return {
            "BACKEND": "jobboard.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(private_root)},
        }
    options = {
        "bucket_name": bucket,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": 60,
        "file_overwrite": False,
        "location": "cvs",
    }
    if endpoint_url:
        options["endpoint_url"] = endpoint_url
    if region:
        options["region_name"] = region
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def days(name: str, value: str, *, minimum: int = 1) -> int:
    """A whole number of days read from the environment, at least `minimum`."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or number < minimum:
        raise ConfigurationError(f"{name} must be a whole number of days, at least {minimum}.")
    return number
