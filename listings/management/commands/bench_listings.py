"""Time the browse, search and detail pages in-process against the current database."""

import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings

from listings.models import Listing

PAGES = {
    "jobs": "/jobs/",
    "jobs-page-50": "/jobs/?page=50",
    "search-english": "/jobs/?q=care+worker",
    "search-japanese": "/jobs/?q=介護",
    "filtered": "/jobs/?sector=construction&region=kanto&jp_level=n4&housing=1",
    "filtered-salary-sort": "/jobs/?status=ssw-1&salary_min=250000&sort=salary",
    "nearly-nothing": "/jobs/?sector=aviation&region=shikoku&english_ok=1&visa_support=1",
    "feed-rss": "/jobs/feed/rss/?sector=construction",
}


class Command(BaseCommand):
    help = "Measure server time (ms) and SQL queries of the main listing pages."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--warmup", type=int, default=3)

    def handle(self, *args, runs, warmup, **options):
        listing = Listing.objects.live().order_by("-published_at").first()
        if listing is None:
            raise CommandError("No live listings: run seed_listings first.")
        pages = {**PAGES, "detail": listing.get_absolute_url()}
        client = Client()
        self.stdout.write(
            f"{Listing.objects.live().count():,} live listings on {connection.vendor}; "
            f"{runs} runs per page after {warmup} warm-up runs"
        )
        self.stdout.write(
            "warm: cached counts (the common case); cold: cache emptied before each request"
        )
        self.stdout.write(
            f"{'page':<22}{'warm p50':>9}{'warm p95':>9}{'queries':>8}"
            f"{'cold p50':>9}{'cold p95':>9}{'queries':>8}{'KB':>7}"
        )
        with override_settings(DEBUG=True, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False):
            for name, path in pages.items():
                warm = self._measure(client, path, runs, warmup, cold=False)
                cold = self._measure(client, path, runs, warmup, cold=True)
                self.stdout.write(
                    f"{name:<22}{warm['p50']:>9.1f}{warm['p95']:>9.1f}{warm['queries']:>8}"
                    f"{cold['p50']:>9.1f}{cold['p95']:>9.1f}{cold['queries']:>8}"
                    f"{warm['size'] / 1024:>7.1f}"
                )

    def _measure(self, client, path, runs, warmup, *, cold):
        timings, queries, size = [], 0, 0
        for run in range(warmup + runs):
            if cold:
                cache.clear()
            reset_queries()
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise CommandError(f"{path} answered {response.status_code}")
            if run >= warmup:
                timings.append(elapsed)
                queries = len(connection.queries)
                size = len(response.content)
        timings.sort()
        return {
            "p50": statistics.median(timings),
            "p95": timings[max(0, int(len(timings) * 0.95) - 1)],
            "queries": queries,
            "size": size,
        }
