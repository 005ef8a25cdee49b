"""Settings read from the environment: defaults, and one clear line for each bad value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobboard import config
from jobboard.config import ConfigurationError

BASE_DIR = Path(__file__).resolve().parents[2]


class TestSecretKey:
    def test_required_when_debug_is_off(self, tmp_path):
        with pytest.raises(ConfigurationError, match="SECRET_KEY is not set"):
            config.secret_key("", debug=False, dev_key_file=tmp_path / "key")

    def test_short_key_refused_in_production(self, tmp_path):
        with pytest.raises(ConfigurationError, match="too short"):
            config.secret_key("short", debug=False, dev_key_file=tmp_path / "key")

    def test_given_key_is_used(self, tmp_path):
        key = "k" * 50
        assert config.secret_key(key, debug=False, dev_key_file=tmp_path / "key") == key

    def test_debug_generates_a_key_once_and_reuses_it(self, tmp_path):
        key_file = tmp_path / "var" / "dev-secret-key"
        first = config.secret_key("", debug=True, dev_key_file=key_file)
        second = config.secret_key("", debug=True, dev_key_file=key_file)
        assert len(first) >= 50
        assert first == second
        assert key_file.stat().st_mode & 0o777 == 0o600


class TestDatabase:
    def test_default_is_sqlite_under_var(self, tmp_path):
        db = config.database("", default_sqlite_path=tmp_path / "var" / "db.sqlite3")
        assert db["ENGINE"] == "django.db.backends.sqlite3"
        assert db["NAME"] == str(tmp_path / "var" / "db.sqlite3")
        assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"

    def test_postgres_uses_psycopg_pool_and_health_checks(self, tmp_path):
        db = config.database(
            "postgres://app:secret@db.internal:5433/hataraku", default_sqlite_path=tmp_path
        )
        assert db["ENGINE"] == "django.db.backends.postgresql"
        assert (db["NAME"], db["USER"], db["HOST"], db["PORT"]) == (
            "hataraku",
            "app",
            "db.internal",
            5433,
        )
        assert db["OPTIONS"]["pool"]["max_size"] >= 1
        assert db["CONN_MAX_AGE"] == 0
        assert db["CONN_HEALTH_CHECKS"] is True

    def test_postgres_fails_fast_when_the_server_is_down(self, tmp_path):
        db = config.database("postgres://app@db.internal/hataraku", default_sqlite_path=tmp_path)
        # A request waits a few seconds for a connection at most, never gunicorn's 30 s.
        assert db["OPTIONS"]["connect_timeout"] <= 5
        assert db["OPTIONS"]["pool"]["timeout"] <= 5
        assert db["OPTIONS"]["pool"]["reconnect_timeout"] <= 30

    def test_a_connect_timeout_in_the_url_wins(self, tmp_path):
        db = config.database(
            "postgres://app@db.internal/hataraku?connect_timeout=10", default_sqlite_path=tmp_path
        )
        assert str(db["OPTIONS"]["connect_timeout"]) == "10"

    @pytest.mark.parametrize(
        ("url", "message"),
        [
            ("mysql://root@localhost/x", "unsupported scheme 'mysql'"),
            ("not a url", "unsupported scheme ''"),
            ("postgres://db.internal:notaport/x", "malformed"),
            ("postgres://db.internal:5432/", "no database name"),
        ],
    )
    def test_malformed_urls_fail_with_a_clear_message(self, url, message, tmp_path):
        with pytest.raises(ConfigurationError, match=message):
            config.database(url, default_sqlite_path=tmp_path / "db.sqlite3")


class TestRedisAndCache:
    def test_unset_means_no_redis_and_local_memory_cache(self):
        assert config.redis_url("") is None
        assert config.caches(None)["default"]["BACKEND"].endswith("LocMemCache")

    def test_redis_cache_falls_back_to_memory_during_outages(self):
        cache = config.caches("redis://127.0.0.1:6379/0")["default"]
        assert cache["BACKEND"] == "jobboard.cache.ResilientRedisCache"
        assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1

    @pytest.mark.parametrize(
        "url", ["http://127.0.0.1:6379", "redis://", "redis://host:port/0", "127.0.0.1:6379"]
    )
    def test_malformed_redis_url(self, url):
        with pytest.raises(ConfigurationError, match="REDIS_URL"):
            config.redis_url(url)

    def test_valid_redis_url_is_kept(self):
        assert config.redis_url("rediss://cache:6380/1") == "rediss://cache:6380/1"


class TestEmail:
    def test_console_in_debug_smtp_otherwise(self):
        assert config.email("", debug=True)["EMAIL_BACKEND"].endswith("console.EmailBackend")
        smtp = config.email("", debug=False)
        assert smtp["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
        assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"]) == ("localhost", 25)

    def test_smtp_url_with_tls(self):
        smtp = config.email("smtp+tls://user:pw@mail.example.com:587", debug=False)
        assert smtp["EMAIL_HOST_USER"] == "user"
        assert smtp["EMAIL_USE_TLS"] is True

    def test_unknown_scheme(self):
        with pytest.raises(ConfigurationError, match="EMAIL_URL"):
            config.email("pigeon://coop", debug=False)


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "EMAIL_URL"}
    }
    environ.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**environ, "DJANGO_SETTINGS_MODULE": "jobboard.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"DEBUG": "0"}, "Configuration error: SECRET_KEY is not set"),
        (
            {"DEBUG": "1", "DATABASE_URL": "mysql://x/y"},
            "Configuration error: DATABASE_URL has an unsupported scheme 'mysql'",
        ),
        (
            {"DEBUG": "1", "REDIS_URL": "localhost:6379"},
            "Configuration error: REDIS_URL is malformed",
        ),
    ],
)
def test_bad_environment_stops_manage_py_with_one_line(env, line):
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(line)


def test_production_like_environment_passes_check():
    result = _manage(
        "check",
        DEBUG="0",
        SECRET_KEY="s" * 60,
        ALLOWED_HOSTS="hataraku.example",
        DATABASE_URL="sqlite:////tmp/hataraku-config-test.sqlite3",
    )
    assert result.returncode == 0, result.stderr


class TestCVStorage:
    def test_default_is_a_private_folder_without_urls(self, tmp_path):
        storage = config.cv_storage(bucket="", private_root=tmp_path, endpoint_url="", region="")
        assert storage["BACKEND"] == "jobboard.storage.PrivateFileSystemStorage"
        assert storage["OPTIONS"] == {"location": str(tmp_path)}

    def test_bucket_switches_to_private_s3(self, tmp_path):
        storage = config.cv_storage(
            bucket="hataraku-cvs",
            private_root=tmp_path,
            endpoint_url="https://s3.example.com",
            region="ap-northeast-1",
        )
        assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
        assert storage["OPTIONS"]["default_acl"] == "private"
        assert storage["OPTIONS"]["bucket_name"] == "hataraku-cvs"
        assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.com"


def test_cv_storage_is_outside_media_root(settings):
    from pathlib import Path

    from django.core.files.storage import storages

    location = Path(storages["cvs"].location).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in location.parents and location != media
    with pytest.raises(NotImplementedError):
        storages["cvs"].url("cvs/anything.pdf")
