"""Measure each main page: in-process for SQL and plans, under gunicorn with wrk for speed."""

import gzip
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Production settings redirect plain HTTP; a proxy in front would say the request was HTTPS.
HTTPS_HEADER = "X-Forwarded-Proto: https"
WATCHED_TABLES = ("listings_listing", "applicants_application")
WRK_SCRIPT = ROOT / "bench" / "report.lua"


@dataclass
class Page:
    name: str
    path: str
    role: str | None = None  # who is logged in: None, "seeker", "employer", "moderator"
    budget_p95_ms: float | None = None
    budget_ceiling_share: float | None = None


@dataclass
class Result:
    page: Page
    status: int = 0
    cold_ms: float = 0.0
    queries_cold: int = 0
    queries_warm: int = 0
    size: int = 0
    size_gzip: int = 0
    seq_scans: list[str] = field(default_factory=list)
    plan_tops: list[str] = field(default_factory=list)
    requests: int = 0
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    non_2xx: int = 0


def pages(users: dict) -> list[Page]:
    listing = users["listing"]
    with translation.override("en"):
        detail = listing.get_absolute_url()
        applicants = reverse("applicants:employer-applicants", kwargs={"pk": listing.pk})
        dashboard = reverse("applicants:applications")
        feed = reverse("listings:feed-rss")
    search = {"budget_p95_ms": 50, "budget_ceiling_share": 0.4}
    return [
        Page("ceiling", "/bench/ceiling/"),
        Page("home", "/en/"),
        Page("jobs", "/en/jobs/", **search),
        Page("jobs q=english", "/en/jobs/?q=welding", **search),
        Page("jobs q=japanese", "/ja/jobs/?q=%E4%BB%8B%E8%AD%B7", **search),
        Page(
            "jobs three filters",
            "/en/jobs/?sector=food-service&status=ssw-1&prefecture=13&housing=yes",
            **search,
        ),
        Page(
            "jobs nearly nothing",
            "/en/jobs/?sector=aviation&prefecture=47&salary_min=400000&english_ok=yes",
            **search,
        ),
        Page("jobs page 200", "/en/jobs/?page=200", **search),
        Page("listing detail", detail, budget_p95_ms=30),
        Page("rss feed", feed, budget_p95_ms=30),
        Page("employer applicants", applicants, role="employer", budget_p95_ms=100),
        Page("seeker dashboard", dashboard, role="seeker"),
        Page(
            "admin pending queue",
            reverse("admin:listings_listingforreview_changelist"),
            role="moderator",
        ),
    ]


# ---- in-process: queries, sizes and plans ----


def _client(user) -> Client:
    client = Client(HTTP_HOST=HOST, headers={"x-forwarded-proto": "https"})
    if user is not None:
        client.force_login(user)
    return client


def _plan_nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from _plan_nodes(child)


def explain(sql: str) -> tuple[str, list[str]]:
    """The plan's top node, and every sequential scan of a watched table in it."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    root = plan[0]["Plan"]
    top = root["Node Type"]
    if root.get("Index Name"):
        top += f" using {root['Index Name']}"
    elif root.get("Relation Name"):
        top += f" on {root['Relation Name']}"
    scans = [
        node["Relation Name"]
        for node in _plan_nodes(root)
        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in WATCHED_TABLES
    ]
    return top, scans


def inspect(page: Page, users: dict) -> Result:
    result = Result(page)
    client = _client(users.get(page.role) if page.role else None)
    cache.clear()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(page.path)
    result.cold_ms = (time.perf_counter() - started) * 1000
    with CaptureQueriesContext(connection) as warm:
        client.get(page.path)
    result.status = response.status_code
    body = b"".join(response) if response.streaming else response.content
    result.size = len(body)
    result.size_gzip = len(gzip.compress(body))
    result.queries_cold = len(cold.captured_queries)
    result.queries_warm = len(warm.captured_queries)
    for query in cold.captured_queries:
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        if not any(table in sql for table in WATCHED_TABLES):
            continue
        top, scans = explain(sql)
        result.plan_tops.append(top)
        result.seq_scans.extend(scans)
    return result


def session_cookies(users: dict) -> dict[str, str]:
    from django.conf import settings

    cookies = {}
    for role in ("seeker", "employer", "moderator"):
        client = _client(users[role])
        cookies[role] = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    return cookies


# ---- under load: gunicorn and wrk ----


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with the benchmark's settings, in its own process group."""

    def __init__(self, env: dict, workers: int):
        self.port = free_port()
        self.env = env
        self.workers = workers
        self.process = None
        # Kept open for the server's lifetime and left on disk to read after a failure.
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="bench-gunicorn-", suffix=".log", delete=False
        )

    def __enter__(self):
        gunicorn = shutil.which("gunicorn", path=str(Path(os.sys.executable).parent)) or "gunicorn"
        self.process = subprocess.Popen(
            [
                gunicorn,
                "jobboard.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"{HOST}:{self.port}",
                "--worker-class",
                os.environ.get("BENCH_WORKER_CLASS", "sync"),
                "--threads",
                os.environ.get("BENCH_THREADS", "1"),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/healthz", timeout=2):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not start; see {self.log.name}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            self.process.wait(timeout=20)

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"


def wrk(url: str, *, seconds: float, connections: int, cookie: str | None) -> dict:
    command = [
        "wrk",
        "--threads",
        str(min(2, connections)),
        "--connections",
        str(connections),
        "--duration",
        f"{max(int(seconds), 1)}s",
        "--timeout",
        "10s",
        "--script",
        str(WRK_SCRIPT),
        "--header",
        HTTPS_HEADER,
    ]
    if cookie:
        command += ["--header", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    return json.loads(line[len("BENCH ") :])


def load(result: Result, server: Server, *, cookies, seconds, warmup, connections) -> None:
    cookie = cookies.get(result.page.role) if result.page.role else None
    url = server.url(result.page.path)
    wrk(url, seconds=warmup, connections=connections, cookie=cookie)
    figures = wrk(url, seconds=seconds, connections=connections, cookie=cookie)
    result.requests = figures["requests"]
    result.rps = figures["requests"] / (figures["duration_us"] / 1e6)
    result.p50_ms = figures["p50_us"] / 1000
    result.p95_ms = figures["p95_us"] / 1000
    result.p99_ms = figures["p99_us"] / 1000
    result.errors = figures["errors"]
    result.non_2xx = figures["status_errors"]
