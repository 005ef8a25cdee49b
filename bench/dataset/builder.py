"""The whole build: accounts, companies, listings, seekers, applications, then indexes."""

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

from bench.dataset.accounts import AccountRows
from bench.dataset.applications import ApplicationRows
from bench.dataset.listings import ListingRows
from bench.dataset.loading import TABLES, Ids, Timer, in_parallel, secondary_indexes
from bench.dataset.seekers import SeekerRows
from bench.dataset.vocabulary import SCALE_PASSWORD
from listings import cache as board_cache
from listings.models import JapaneseLevel, Prefecture, ResidenceStatus, Sector


@dataclass(frozen=True)
class ScaleSpec:
    listings: int = 100_000
    companies: int = 5_000
    seekers: int = 100_000
    applications: int = 1_000_000
    seed: int = 0


class ScaleBuilder(AccountRows, ListingRows, SeekerRows, ApplicationRows):
    def __init__(self, spec: ScaleSpec, *, report: Callable[[str], None] = print):
        self.spec = spec
        self.rng = random.Random(spec.seed)
        today = timezone.now().astimezone(datetime.UTC).date()
        self.now = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.UTC)
        self.timer = Timer(report)
        self.report = report
        self.password = make_password(SCALE_PASSWORD, salt="hatarakuscale")
        self.sectors = {s.slug: s for s in Sector.objects.all()}
        self.statuses = {s.slug: s for s in ResidenceStatus.objects.all()}
        self.prefectures = {p.code: p for p in Prefecture.objects.all()}
        self.levels = {level.slug: level for level in JapaneseLevel.objects.all()}

    # ---- the whole build ----

    def build(self) -> dict:
        ids = Ids()
        started = time.perf_counter()
        indexes = secondary_indexes(TABLES)
        with connection.cursor() as cursor:
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        self.timer.step(f"dropped {len(indexes)} secondary indexes", started)

        step = time.perf_counter()
        owners = self._users(ids, self.spec.companies, "employer", "owner{n}@scale.example")
        companies = self._companies(ids, owners)
        self.timer.step(f"{len(companies):,} companies and their owners", step)

        step = time.perf_counter()
        listings = self._listings(ids, companies)
        self.timer.step(f"{len(listings):,} listings with search vectors", step)

        step = time.perf_counter()
        seekers = self._users(ids, self.spec.seekers, "seeker", "seeker{n}@scale.example")
        snapshots, cvs = self._profiles_and_cvs(ids, seekers)
        self.timer.step(f"{len(seekers):,} seekers with profiles and CVs", step)

        step = time.perf_counter()
        applications, events = self._applications(ids, listings, seekers, snapshots, cvs)
        self.timer.step(f"{applications:,} applications and {events:,} events", step)

        step = time.perf_counter()
        in_parallel([definition for _name, definition in indexes])
        self.timer.step("rebuilt the secondary indexes", step)

        step = time.perf_counter()
        self._reset_sequences()
        # Vacuum sets the visibility map, without which PostgreSQL avoids index-only scans;
        # autovacuum would do it later on a real site.
        in_parallel([f"VACUUM (ANALYZE) {table}" for table in TABLES])
        self.timer.step("sequences reset, tables vacuumed and analysed", step)
        board_cache.board_changed()
        return {"seconds": time.perf_counter() - started, "steps": self.timer.steps}

    def _reset_sequences(self) -> None:
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
                )
