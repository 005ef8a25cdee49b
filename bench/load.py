"""Load test: virtual visitors and job seekers browse, search and apply for a bounded time.

    python -m bench.load --url http://127.0.0.1:8001 --users 32 --duration 60

Run it with the same environment as the site under test (DATABASE_URL, SECRET_KEY, …): it
seeds job seekers ready to apply (`manage.py seed_load_users`), reads listing ids and reference
data from the database, counts applications before and after, and prints requests per second,
latency percentiles, errors by status, and whether every successful application is a new row.

The site is addressed as a TLS-terminating proxy would: X-Forwarded-Proto: https, so the
production settings (HTTPS redirect, secure cookies, CSRF origin checks) stay as they are.
"""

import argparse
import asyncio
import ipaddress
import os
import random
import re
import secrets
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import httpx

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
INPUT_TAG = re.compile(r"<input\b[^>]*>")
SEARCH_WORDS = [
    "care", "nursing", "welding", "hotel", "restaurant", "food", "factory", "driver",
    "construction", "farm", "cleaning", "Tokyo", "Osaka", "Aichi", "介護", "製造", "外食",
]  # fmt: skip
REQUEST_TIMEOUT_SECONDS = 30
LOGIN_ATTEMPTS = 5


# ---- set-up and counting, through Django (same database as the site) ----


@dataclass
class Board:
    listings: list[tuple[int, str]]
    sectors: list[str]
    prefectures: list[str]
    japanese_levels: list[str]
    employment_types: list[str]


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")
    import django

    django.setup()


def seed_seekers(count: int, password: str) -> list[str]:
    from django.core.management import call_command

    from applicants.management.commands.seed_load_users import load_seeker_email

    call_command("seed_load_users", count=count, password=password, force=True)
    return [load_seeker_email(n) for n in range(1, count + 1)]


def read_board(limit: int = 5000) -> Board:
    from listings.models import JapaneseLevel, Listing, Prefecture, Sector

    listings = list(
        Listing.objects.live().order_by("-published_at").values_list("pk", "slug")[:limit]
    )
    if not listings:
        raise SystemExit("No live listings: seed some first (manage.py seed_demo --force).")
    return Board(
        listings=listings,
        sectors=list(Sector.objects.values_list("slug", flat=True)),
        prefectures=list(Prefecture.objects.values_list("slug", flat=True)),
        japanese_levels=list(JapaneseLevel.objects.values_list("slug", flat=True)),
        employment_types=list(Listing.EmploymentType.values),
    )


def applied_listings(emails: list[str]) -> dict[str, set[int]]:
    """Listings each seeker applied to in earlier runs: applying again is no new application."""
    from applicants.models import Application

    applied = defaultdict(set)
    rows = Application.objects.filter(seeker__email__in=emails).values_list(
        "seeker__email", "listing_id"
    )
    for email, listing_id in rows:
        applied[email].add(listing_id)
    return applied


def application_count() -> int:
    from applicants.models import Application

    return Application.objects.count()


# ---- measuring ----


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    applied: int = 0  # apply POSTs answered with the redirect to "My applications"
    apply_posts: int = 0
    apply_outcomes: Counter = field(default_factory=Counter)

    def record(self, name: str, status: int | str, seconds: float) -> None:
        self.latencies[name].append(seconds)
        self.statuses[status] += 1
        if not isinstance(status, int) or status >= 400:
            self.errors[(name, status)] += 1


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


# ---- one virtual user ----


class User:
    """A browser: its own connection pool and cookies, speaking to the site through a proxy."""

    def __init__(self, base: str, stats: Stats, rng: random.Random, board: Board):
        self.base = base.rstrip("/")
        host = urlsplit(self.base).netloc
        self.origin = f"https://{host}"
        self.stats = stats
        self.rng = rng
        self.board = board
        self.cookies: dict[str, str] = {}
        self.client = httpx.AsyncClient(
            timeout=REQUEST_TIMEOUT_SECONDS,
            follow_redirects=False,
            headers={"X-Forwarded-Proto": "https", "User-Agent": "hataraku-bench/1"},
        )

    async def close(self) -> None:
        await self.client.aclose()

    def _remember_cookies(self, response: httpx.Response) -> None:
        # Cookies are Secure (production settings): keep them by hand, as a browser on the
        # https side of the proxy would.
        for header in response.headers.get_list("set-cookie"):
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    async def request(self, name: str, method: str, path: str, data=None) -> httpx.Response | None:
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        started = time.perf_counter()
        try:
            response = await self.client.request(
                method, self.base + path, data=data, headers=headers
            )
        except httpx.HTTPError as exc:
            self.stats.record(name, type(exc).__name__, time.perf_counter() - started)
            return None
        self.stats.record(name, response.status_code, time.perf_counter() - started)
        self._remember_cookies(response)
        return response

    # -- pages --

    def _listing(self) -> tuple[int, str]:
        return self.rng.choice(self.board.listings)

    def _filters(self) -> dict:
        board, rng = self.board, self.rng
        choices = {
            "sector": lambda: rng.choice(board.sectors),
            "prefecture": lambda: rng.choice(board.prefectures),
            "jp_level": lambda: rng.choice(board.japanese_levels),
            "employment_type": lambda: rng.choice(board.employment_types),
            "salary_min": lambda: rng.choice([180000, 200000, 220000, 250000]),
            "visa_support": lambda: "1",
            "housing": lambda: "1",
            "posted_within": lambda: rng.choice(["7", "14", "30"]),
        }
        names = rng.sample(sorted(choices), k=rng.randint(1, 3))
        return {name: choices[name]() for name in names}

    async def home(self):
        await self.request("home", "GET", "/en/")

    async def browse(self):
        page = self.rng.choice([1, 1, 1, 2, 3])
        await self.request("browse", "GET", "/en/jobs/" + (f"?page={page}" if page > 1 else ""))

    async def browse_filtered(self):
        await self.request("browse filtered", "GET", "/en/jobs/?" + urlencode(self._filters()))

    async def search(self):
        query = {"q": self.rng.choice(SEARCH_WORDS)}
        if self.rng.random() < 0.5:
            query.update(self._filters())
        await self.request("search", "GET", "/en/jobs/?" + urlencode(query))

    async def detail(self):
        pk, slug = self._listing()
        await self.request("listing detail", "GET", f"/en/jobs/{pk}/{slug}/")


class Seeker(User):
    def __init__(self, *args, email: str, password: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.password = password
        self.applied_to: set[int] = set()

    async def log_in(self, deadline: float) -> bool:
        for _ in range(LOGIN_ATTEMPTS):
            page = await self.request("log in (form)", "GET", "/en/accounts/login/")
            token = page is not None and CSRF_INPUT.search(page.text)
            if token:
                response = await self.request(
                    "log in",
                    "POST",
                    "/en/accounts/login/",
                    {
                        "login": self.email,
                        "password": self.password,
                        "csrfmiddlewaretoken": token.group(1),
                    },
                )
                if response is not None and response.status_code == 302:
                    return True
                if response is not None and response.status_code == 429:
                    # allauth allows 30 log-ins a minute per IP: every bench user shares one.
                    wait = min(float(response.headers.get("Retry-After", 5)), 10)
                    if time.monotonic() + wait < deadline:
                        await asyncio.sleep(wait)
                        continue
            return False
        return False

    async def my_applications(self):
        await self.request("my applications", "GET", "/en/me/applications/")

    async def apply(self):
        for _ in range(5):
            pk, _slug = self._listing()
            if pk not in self.applied_to:
                break
        else:
            return await self.detail()
        self.applied_to.add(pk)
        form = await self.request("apply (form)", "GET", f"/en/jobs/{pk}/apply/")
        if form is None or form.status_code != 200:
            self.stats.apply_outcomes[
                f"form answered {form.status_code if form else 'error'}"
            ] += 1
            return
        token = CSRF_INPUT.search(form.text)
        radios = [tag for tag in INPUT_TAG.findall(form.text) if 'name="cv"' in tag]
        chosen = next((tag for tag in radios if "checked" in tag), radios[0] if radios else "")
        cv = re.search(r'value="(\d+)"', chosen)
        if not token or not cv:
            self.stats.apply_outcomes["form without CSRF token or CV"] += 1
            return
        self.stats.apply_posts += 1
        response = await self.request(
            "apply",
            "POST",
            f"/en/jobs/{pk}/apply/",
            {
                "csrfmiddlewaretoken": token.group(1),
                "cv": cv.group(1),
                "cover_letter": "I have three years of experience and can start next month.",
                "consent": "on",
            },
        )
        if response is None:
            self.stats.apply_outcomes["connection error"] += 1
        elif response.status_code == 302 and response.headers.get("Location", "").endswith(
            "/me/applications/"
        ):
            self.stats.applied += 1
            self.stats.apply_outcomes["applied (302)"] += 1
        else:
            self.stats.apply_outcomes[f"answered {response.status_code}"] += 1


VISITOR_MIX = [
    ("home", 10),
    ("browse", 20),
    ("browse_filtered", 25),
    ("search", 20),
    ("detail", 25),
]
SEEKER_MIX = [
    ("home", 5),
    ("browse", 10),
    ("browse_filtered", 15),
    ("search", 15),
    ("detail", 25),
    ("apply", 20),
    ("my_applications", 10),
]


async def run_user(user: User, mix, deadline: float, think: float) -> None:
    actions, weights = zip(*mix, strict=True)
    try:
        if isinstance(user, Seeker) and not await user.log_in(deadline):
            user.stats.errors[("log in", "gave up")] += 1
            mix = VISITOR_MIX
            actions, weights = zip(*mix, strict=True)
        while time.monotonic() < deadline:
            action = user.rng.choices(actions, weights)[0]
            await getattr(user, action)()
            if think:
                await asyncio.sleep(user.rng.uniform(0, 2 * think))
    finally:
        await user.close()


async def run(
    args, board: Board, seekers: list[str], password: str, applied: dict[str, set[int]]
) -> tuple[Stats, float]:
    stats = Stats()
    rng = random.Random(args.seed)
    users: list[tuple[User, list]] = []
    for n in range(args.users):
        user_rng = random.Random(rng.random())
        if n < len(seekers):
            user = Seeker(args.url, stats, user_rng, board, email=seekers[n], password=password)
            user.applied_to |= applied[seekers[n]]
            users.append((user, SEEKER_MIX))
        else:
            users.append((User(args.url, stats, user_rng, board), VISITOR_MIX))
    started = time.monotonic()
    deadline = started + args.duration
    await asyncio.wait_for(
        asyncio.gather(*(run_user(user, mix, deadline, args.think) for user, mix in users)),
        timeout=args.duration + REQUEST_TIMEOUT_SECONDS + 30,
    )
    return stats, time.monotonic() - started


def print_report(stats: Stats, elapsed: float, before: int, after: int, args) -> bool:
    out = sys.stdout.write
    every = [seconds for values in stats.latencies.values() for seconds in values]
    total = len(every)
    out(f"\n{args.users} users ({args.seekers} signed-in seekers) for {elapsed:.1f} s "
        f"against {args.url}\n")  # fmt: skip
    out(f"requests: {total:,}   {total / elapsed:.1f} requests/s\n")
    if every:
        out(
            f"latency: p50 {percentile(every, 50) * 1000:.0f} ms   "
            f"p95 {percentile(every, 95) * 1000:.0f} ms   "
            f"p99 {percentile(every, 99) * 1000:.0f} ms   "
            f"max {max(every) * 1000:.0f} ms\n\n"
        )
    out(f"{'request':<18}{'count':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}\n")
    for name, values in sorted(stats.latencies.items(), key=lambda item: -len(item[1])):
        out(
            f"{name:<18}{len(values):>8}{statistics.median(values) * 1000:>9.0f}"
            f"{percentile(values, 95) * 1000:>9.0f}{percentile(values, 99) * 1000:>9.0f}\n"
        )
    out(
        "\nstatuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(stats.statuses.items(), key=str))
    )
    out(f"\nerrors: {sum(stats.errors.values())}\n")
    for (name, status), count in sorted(stats.errors.items(), key=str):
        out(f"  {name}: {status} × {count}\n")
    out(f"\napply POSTs: {stats.apply_posts}; outcomes: {dict(stats.apply_outcomes)}\n")
    new_rows = after - before
    lost = stats.applied - new_rows
    out(
        f"applications in the database: {before:,} before, {after:,} after: {new_rows} new "
        f"rows for {stats.applied} successful applies\n"
    )
    if lost == 0:
        out("zero lost: every successful apply is a new row, and no row without one\n")
    else:
        out(f"MISMATCH: {lost:+d} (successful applies minus new rows)\n")
    return lost == 0


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8001")
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60, help="seconds")
    parser.add_argument(
        "--seekers", type=int, help="how many users sign in and apply (default: half)"
    )
    parser.add_argument("--think", type=float, default=0, help="mean pause between requests, s")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not _loopback(args.url):
        # A load test hammers its target: only a server on this machine is fair game.
        parser.error("--url must be on this machine (127.0.0.1, localhost or [::1]).")
    if not (1 <= args.users <= 1000 and 1 <= args.duration <= 3600):
        parser.error("--users must be 1-1000 and --duration 1-3600 seconds.")
    args.seekers = min(args.users, args.users // 2 if args.seekers is None else args.seekers)

    django_setup()
    password = secrets.token_urlsafe(16)
    seekers = seed_seekers(args.seekers, password) if args.seekers else []
    board = read_board()
    applied = applied_listings(seekers)
    before = application_count()
    stats, elapsed = asyncio.run(run(args, board, seekers, password, applied))
    after = application_count()
    return 0 if print_report(stats, elapsed, before, after, args) else 1


if __name__ == "__main__":
    sys.exit(main())
