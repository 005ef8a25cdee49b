"""Time the daily job-alert digest at volume: N saved searches, M new listings, one run.

Writes a lot of data: run it against a scratch database, never a shared one.
"""

import gc
import itertools
import random
import resource
import time
import tracemalloc
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.crypto import get_random_string

from accounts.models import User
from applicants import alerts
from applicants.models import AlertDelivery, SavedSearch
from jobboard.celery import app as celery_app
from listings.models import Listing, Region
from listings.reference import reference_data
from listings.seeding import seed_listings
from notifications.models import Notification

EMAIL_PREFIX = "bench-alerts-"
BATCH = 5000
KEYWORDS = (
    "care", "welder", "driver", "hotel", "farm", "cook", "cleaning", "factory",
    "restaurant", "construction", "介護", "建設", "溶接", "農業",
)  # fmt: skip
SALARIES = (180_000, 200_000, 220_000, 250_000, 300_000)
BIG_PREFECTURES = {"13": 12, "27": 7, "23": 7, "14": 6, "11": 4, "12": 4, "40": 4, "01": 4}


def _megabytes(kilobytes: int) -> float:
    return kilobytes / 1024  # Linux reports ru_maxrss in kilobytes


class Command(BaseCommand):
    help = (
        "Create saved searches, seekers and new listings, run the daily digest and print its "
        "wall time, emails, queries and peak memory. Use a scratch database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--searches", type=int, default=100_000)
        parser.add_argument("--seekers", type=int, default=20_000)
        parser.add_argument("--listings", type=int, default=1000)
        parser.add_argument(
            "--popular",
            type=int,
            default=0,
            help="How many different searches people pick from (default: searches / 10).",
        )
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--rerun",
            action="store_true",
            help="Create nothing: forget the bench's earlier digests and run it again.",
        )
        parser.add_argument(
            "--no-tracemalloc",
            action="store_true",
            help="Skip tracemalloc, which slows Python down, to time the digest alone.",
        )

    def handle(self, *args, searches, seekers, listings, popular, seed, rerun, **options):
        if seekers * SavedSearch.MAX_PER_SEEKER < searches or seekers > searches:
            raise CommandError("Give each seeker between 1 and 20 saved searches.")
        # A seeded generator makes runs comparable; none of this is security-related.
        rng = random.Random(seed)  # noqa: S311
        now = timezone.now()
        if rerun:
            self._forget_earlier_digests()
        else:
            self._create(rng, now, searches, seekers, listings, popular or searches // 10)
        self._run_digest(trace=not options["no_tracemalloc"])

    # ---- data ----

    def _create(self, rng, now, searches, seekers, listings, popular):
        started = time.perf_counter()
        pool = self._popular_searches(rng, popular)
        user_ids = self._create_seekers(rng, seekers)
        self._create_searches(rng, pool, user_ids, searches)
        # Saved two months ago, so every listing seeded below (published up to 55 days ago)
        # is new to every search.
        SavedSearch.objects.filter(user__email__startswith=EMAIL_PREFIX).update(
            created_at=now - timedelta(days=60), last_sent_at=None
        )
        created = seed_listings(count=listings, seed=rng.randrange(1 << 30), now=now)
        if connection.vendor == "postgresql":
            # Freshly bulk-loaded tables have no planner statistics yet; a live database does.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"created {seekers:,} seekers, {searches:,} saved searches "
            f"({len(pool):,} popular searches to pick from), {created:,} listings "
            f"in {time.perf_counter() - started:.1f} s"
        )

    def _popular_searches(self, rng, count: int) -> list[str]:
        """Distinct normalised query strings over realistic filter combinations."""
        ref = reference_data()
        sectors = [s.slug for s in ref.sectors]
        ssw = [s.slug for s in ref.sectors if s.is_ssw_field]
        prefectures = [p.code for p in ref.prefectures]
        weights = [BIG_PREFECTURES.get(code, 1) for code in prefectures]
        levels = ["n5", "jft-a2", "n4", "n4", "n3", "n2"]
        found: dict[str, None] = {}
        for _attempt in range(count * 20):
            if len(found) >= count:
                break
            params = []
            if rng.random() < 0.15:
                params.append(("q", rng.choice(KEYWORDS)))
            roll = rng.random()
            if roll < 0.7:
                params.append(("sector", rng.choice(ssw if rng.random() < 0.85 else sectors)))
            elif roll < 0.8:
                params += [("sector", slug) for slug in rng.sample(ssw, 2)]
            roll = rng.random()
            if roll < 0.3:
                params.append(("status", "ssw-1"))
            elif roll < 0.4:
                params += [("status", "ssw-1"), ("status", "ssw-2")]
            elif roll < 0.45:
                params.append(("status", "technical-intern"))
            roll = rng.random()
            if roll < 0.35:
                params.append(("prefecture", rng.choices(prefectures, weights)[0]))
            elif roll < 0.55:
                params.append(("region", rng.choice(Region.values)))
            if rng.random() < 0.4:
                params.append(("jp_level", rng.choice(levels)))
            if rng.random() < 0.25:
                params.append(("salary_min", str(rng.choice(SALARIES))))
            if rng.random() < 0.2:
                params.append(("housing", "1"))
            if rng.random() < 0.15:
                params.append(("english_ok", "1"))
            querystring = "&".join(f"{name}={value}" for name, value in params)
            found.setdefault(alerts.normalised_querystring(querystring), None)
        return list(found)

    def _create_seekers(self, rng, count: int) -> list[int]:
        suffix = get_random_string(6).lower()
        password = make_password(None)  # unusable: these accounts never log in
        ids = []
        for start in range(0, count, BATCH):
            created = User.objects.bulk_create(
                User(
                    email=f"{EMAIL_PREFIX}{suffix}-{n}@example.com",
                    role=User.Role.SEEKER,
                    password=password,
                    preferred_language=rng.choices(["en", "ja", "ur"], [7, 2, 1])[0],
                )
                for n in range(start, min(start + BATCH, count))
            )
            ids.extend(user.pk for user in created)
        return ids

    def _create_searches(self, rng, pool, user_ids, total: int) -> None:
        # Everyone has at least one; the rest go to random seekers, up to 20 each.
        per_user = dict.fromkeys(user_ids, 1)
        open_users = list(user_ids)
        for _ in range(total - len(user_ids)):
            while per_user[user := rng.choice(open_users)] >= SavedSearch.MAX_PER_SEEKER:
                open_users.remove(user)
            per_user[user] += 1
        # A few searches are very popular, most are rare (Zipf-like), as with real users.
        cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(pool))))
        rows = []
        for user_id, count in per_user.items():
            chosen: set[str] = set()
            while len(chosen) < min(count, len(pool)):
                chosen.add(rng.choices(pool, cum_weights=cumulative)[0])
            rows.extend(
                SavedSearch(user_id=user_id, name=f"Search {n + 1}", querystring=querystring)
                for n, querystring in enumerate(chosen)
            )
            if len(rows) >= BATCH:
                SavedSearch.objects.bulk_create(rows)
                rows = []
        SavedSearch.objects.bulk_create(rows)

    def _forget_earlier_digests(self):
        searches = SavedSearch.objects.filter(user__email__startswith=EMAIL_PREFIX)
        AlertDelivery.objects.filter(saved_search__in=searches).delete()
        Notification.objects.filter(
            kind=Notification.Kind.JOB_ALERT, recipient__email__startswith=EMAIL_PREFIX
        ).delete()
        searches.update(last_sent_at=None)

    # ---- the run ----

    def _run_digest(self, *, trace: bool):
        if celery_app.conf.task_always_eager:
            # Without a broker tasks run inline: the run would also send every email.
            # Queue them in memory instead, like a broker would, and measure the digest only.
            celery_app.conf.task_always_eager = False
        due = SavedSearch.objects.due(SavedSearch.Frequency.DAILY)
        distinct = due.order_by().values("querystring").distinct().count()
        total = due.count()
        new_live = Listing.objects.live().filter(
            published_at__gte=timezone.now() - timedelta(days=60)
        )
        emails_before = Notification.objects.filter(kind=Notification.Kind.JOB_ALERT).count()
        deliveries_before = AlertDelivery.objects.count()
        queries = 0

        def count_queries(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        gc.collect()
        rss_before = _megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        # DEBUG off as in production: with it on, Django keeps the SQL of the last 9,000
        # queries, every email body included, and the memory figure would measure that.
        with override_settings(DEBUG=False), connection.execute_wrapper(count_queries):
            sent = alerts.alerts_send_digests(frequency=SavedSearch.Frequency.DAILY)
        elapsed = time.perf_counter() - started
        traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
        tracemalloc.stop()
        emails = Notification.objects.filter(kind=Notification.Kind.JOB_ALERT).count()
        self.stdout.write(
            f"database: {connection.vendor}\n"
            f"due daily searches: {total:,} ({distinct:,} distinct query strings)\n"
            f"new live listings: {new_live.count():,}\n"
            f"emails returned: {sent:,}; job-alert Notification rows added: "
            f"{emails - emails_before:,}\n"
            f"deliveries recorded: {AlertDelivery.objects.count() - deliveries_before:,}\n"
            f"wall time: {elapsed:.1f} s\n"
            f"SQL queries: {queries:,}\n"
            f"peak RSS: {_megabytes(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss):.0f} MB "
            f"(before the digest: {rss_before:.0f} MB)\n"
            + (
                f"tracemalloc peak during the digest: {traced_peak:.1f} MB"
                if trace
                else "tracemalloc: off"
            )
        )
