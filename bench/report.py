"""The benchmark's Markdown: the latest run on top, earlier runs kept below it."""

import datetime
import os
import platform
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import django
from django.db import connection

LATEST = "<!-- latest run -->"
HISTORY = "<!-- history -->"
HEADER = """# Benchmarks

`make bench` (or `python -m bench`) serves the site with gunicorn (production settings,
2 workers) against the `seed_scale` dataset on PostgreSQL and Redis, warms each page up, then
loads it with wrk at concurrency 8 on loopback. Queries, sizes and plans come from one request
of each page in-process, first with the cache empty ("cold", also timed) and then again
("warm").
"ceiling" is a fixed page of this project through the same middleware: the most this stack
serves on this machine. Budgets: `/jobs/` and searches p95 < 50 ms and ≥ 40 % of the ceiling;
listing detail and feeds p95 < 30 ms; the employer applicants page p95 < 100 ms; every page
≤ 10 queries and no sequential scan on listings or applications.

"""


def dataset_figures() -> dict:
    figures = {}
    with connection.cursor() as cursor:
        for name, sql in {
            "listings": "SELECT COUNT(*) FROM listings_listing",
            "live listings": "SELECT COUNT(*) FROM listings_listing WHERE status = 'published' "
            "AND expires_at > now()",
            "applications": "SELECT COUNT(*) FROM applicants_application",
            "largest listing's applicants": "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM "
            "applicants_application GROUP BY listing_id) counts",
        }.items():
            cursor.execute(sql)
            figures[name] = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        figures["postgres"] = cursor.fetchone()[0].split()[0]
    return figures


def _cpu() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
        model = re.search(r"model name\s*:\s*(.+)", text)
        return (
            f"{os.cpu_count()} × {model.group(1).strip()}" if model else f"{os.cpu_count()} CPUs"
        )
    except OSError:
        return f"{os.cpu_count()} CPUs"


def _memory() -> str:
    try:
        kib = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
        return f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        return "?"


def _redis_version() -> str:
    try:
        out = subprocess.run(
            ["redis-server", "--version"], capture_output=True, text=True, timeout=5
        ).stdout
        return re.search(r"v=(\S+)", out).group(1)
    except (OSError, AttributeError, subprocess.SubprocessError):
        return "?"


@dataclass
class Run:
    results: list
    args: object
    dataset: dict
    load_before: float = 0.0

    def ceiling_rps(self) -> float | None:
        return next((r.rps for r in self.results if r.page.name == "ceiling"), None)

    def verdicts(self, result) -> list[str]:
        """The budgets this page misses (empty when it meets every one)."""
        missed = []
        page = result.page
        ceiling = self.ceiling_rps()
        if page.budget_p95_ms and result.p95_ms >= page.budget_p95_ms:
            missed.append(f"p95 ≥ {page.budget_p95_ms:g} ms")
        if (
            page.budget_ceiling_share
            and ceiling
            and result.rps < page.budget_ceiling_share * ceiling
        ):
            missed.append(f"< {page.budget_ceiling_share:.0%} of ceiling")
        if result.queries_cold > 10:
            missed.append("> 10 queries")
        if result.seq_scans:
            missed.append("seq scan on " + ", ".join(sorted(set(result.seq_scans))))
        if result.status != 200 or result.errors:
            missed.append(f"status {result.status}, {result.errors} errors")
        if page.name == "jobs page 200":
            first = next((r for r in self.results if r.page.name == "jobs"), None)
            if first and result.p50_ms > 2 * first.p50_ms:
                missed.append("> 2× page 1")
        return missed

    def markdown(self) -> str:
        ceiling = self.ceiling_rps()
        when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        figures = ", ".join(
            f"{value:,} {name}" for name, value in self.dataset.items() if name != "postgres"
        )
        lines = [
            f"### {when}{' — ' + self.args.label if self.args.label else ''}",
            "",
            f"- Machine: {_cpu()}, {_memory()} RAM, {platform.system()} {platform.release()}; "
            f"load average {self.load_before:.2f} before the run (other work on the machine "
            "lowers every figure)",
            f"- Versions: Python {platform.python_version()}, Django {django.get_version()}, "
            f"PostgreSQL {self.dataset['postgres']}, Redis {_redis_version()}",
            f"- Dataset: {figures}",
            f"- Load: wrk, {self.args.connections} connections, {self.args.seconds:g} s per page "
            f"after {self.args.warmup:g} s warm-up; gunicorn {self.args.workers} sync workers"
            + ("; **page cache off**" if getattr(self.args, "no_page_cache", False) else ""),
            "",
            "| page | req/s | × ceiling | p50 ms | p95 ms | p99 ms | cold ms "
            "| queries cold / warm | bytes (gzip) | plan top nodes | budgets |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
        ]
        for result in self.results:
            share = f"{result.rps / ceiling:.2f}" if ceiling else "—"
            tops = "; ".join(dict.fromkeys(result.plan_tops)) or "—"
            missed = self.verdicts(result)
            verdict = "met" if not missed else "**missed**: " + ", ".join(missed)
            lines.append(
                f"| {result.page.name} | {result.rps:,.0f} | {share} | {result.p50_ms:.1f} "
                f"| {result.p95_ms:.1f} | {result.p99_ms:.1f} | {result.cold_ms:.0f} "
                f"| {result.queries_cold} / {result.queries_warm} "
                f"| {result.size:,} ({result.size_gzip:,}) | {tops} | {verdict} |"
            )
        return "\n".join(lines) + "\n"


def write(run: Run, output: str) -> None:
    """Put this run on top; the run that was on top moves to the head of the history."""
    path = Path(output)
    text = path.read_text() if path.exists() else ""
    previous, history = "", ""
    if LATEST in text and HISTORY in text:
        previous = text.split(LATEST, 1)[1].split(HISTORY, 1)[0].strip()
        history = text.split(HISTORY, 1)[1].strip()
    intro = text.split(LATEST, 1)[0] if LATEST in text else HEADER
    body = [intro.rstrip() + "\n", LATEST, "## Latest run", "", run.markdown(), HISTORY]
    body.append("## History\n")
    earlier = [part for part in (previous.replace("## Latest run", "").strip(), history) if part]
    cleaned = "\n\n".join(earlier).replace("## History", "").strip()
    if cleaned:
        body.append(cleaned + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(body))
