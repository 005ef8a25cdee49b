"""PostgreSQL stops and starts again while gunicorn serves the site.

The test makes a throwaway PostgreSQL server of its own (initdb in a temporary folder, on a free
port, run as the postgres user when we are root): the shared server on 5432 is never touched.
While it is down, pages answer 503 within seconds and /healthz says so; once it is back, the
same gunicorn serves again, unrestarted. Runs with `HATARAKU_FAULT_TESTS=1 pytest -m fault`.
"""

import glob
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest

from tests.notifications.processes import free_port, stop_process, wait_until

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(
        os.environ.get("HATARAKU_FAULT_TESTS") != "1",
        reason="starts and stops a PostgreSQL server: set HATARAKU_FAULT_TESTS=1 (CI does)",
    ),
]

# The pool waits 5 s for a connection (jobboard.config.DB_WAIT_SECONDS); a little slack on top.
FAIL_FAST_SECONDS = 8
RECOVERY_SECONDS = 20


def report(line: str) -> None:
    """Timings worth reading, shown by `pytest -s`."""
    sys.stdout.write(f"\n[postgres restart] {line}\n")


def _postgres_bin() -> Path:
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("initdb is not installed (PostgreSQL server binaries)")
    return Path(found[-1]).parent


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary folder, trust authentication, loopback only."""

    def __init__(self):
        self.bin = _postgres_bin()
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="hataraku-fault-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self.as_postgres, *args], capture_output=True, text=True, timeout=60
        )
        if result.returncode != 0:
            raise AssertionError(f"{args[0]} failed: {result.stderr}{self._log_tail()}")

    def _log_tail(self) -> str:
        return self.log.read_text()[-2000:] if self.log.exists() else ""

    def init(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
            "-o", options, "-w", "-t", "30", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')


def _run_manage(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(process: subprocess.Popen, what: str) -> None:
    output, _ = process.communicate(timeout=120)
    assert process.returncode == 0, f"{what} failed:\n{output}"


@pytest.fixture
def postgres():
    server = ThrowawayPostgres()
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def site(postgres, tmp_path):
    """gunicorn, two workers, production settings, on a migrated database of `postgres`."""
    postgres.create_database("hataraku")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jobboard.settings",
        "DATABASE_URL": postgres.url("hataraku"),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "ERROR",
    }
    for name in ("REDIS_URL", "EMAIL_URL"):
        env.pop(name, None)
    migrate = _run_manage(env, "migrate", "--noinput", "-v0")
    static = _run_manage(env, "collectstatic", "--noinput", "-v0")
    _finish(migrate, "migrate")
    _finish(static, "collectstatic")
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "jobboard.wsgi",
            "--bind", f"127.0.0.1:{port}", "--workers", "2",
            "--timeout", "60", "--graceful-timeout", "5",
        ],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(
            lambda: _get(base + "/healthz")[0] == 200,
            timeout=30,
            interval=0.2,
            explain=lambda: (tmp_path / "gunicorn.log").read_text()[-3000:],
        )
        yield base
    finally:
        stop_process(server)
        log.close()


def _get(url: str) -> tuple[int, float, dict]:
    """(status, seconds, headers); 0 when no HTTP answer came at all."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, time.monotonic() - started, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, dict(error.headers)
    except OSError:
        return 0, time.monotonic() - started, {}


def test_pages_fail_fast_while_postgres_is_down_and_recover_without_restarting_the_site(
    postgres, site
):
    # Searches never made before: nothing cached can answer them.
    pages = [site + f"/en/jobs/?q=care{secrets.token_hex(4)}" for _ in range(6)]
    pages += [site + "/healthz"]
    for url in [site + "/en/", site + "/en/jobs/?sector=nursing-care", site + "/healthz"] * 2:
        assert _get(url)[0] == 200, url

    postgres.stop()
    down_at = time.monotonic()
    for url in pages[:2] + pages[-1:]:
        status, seconds, headers = _get(url)
        report(f"{url.removeprefix(site)} with PostgreSQL down: {status} in {seconds:.2f} s")
        assert status == 503, url
        assert seconds < FAIL_FAST_SECONDS, f"{url} took {seconds:.1f} s"
        if "healthz" not in url:
            assert headers["Retry-After"] == "30"
    # The home page needs only cached data for a visitor: it may even keep working.
    status, seconds, _headers = _get(site + "/en/")
    report(f"/en/ with PostgreSQL down: {status} in {seconds:.2f} s")
    assert status in (200, 503)
    assert seconds < FAIL_FAST_SECONDS
    report(f"outage lasted {time.monotonic() - down_at:.1f} s")

    postgres.start()
    back_at = time.monotonic()
    wait_until(
        lambda: all(_get(url)[0] == 200 for url in pages[2:4] + pages[-1:]),
        timeout=RECOVERY_SECONDS,
        interval=0.5,
        explain=lambda: f"still failing {RECOVERY_SECONDS} s after PostgreSQL came back",
    )
    report(f"serving again {time.monotonic() - back_at:.1f} s after PostgreSQL came back")
    statuses = [_get(url)[0] for url in pages[4:] * 2]
    assert statuses == [200] * len(statuses)
