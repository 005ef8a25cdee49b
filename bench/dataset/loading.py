"""Writing rows fast: COPY, secondary indexes dropped and rebuilt, two connections at once."""

import hashlib
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, connections

TABLES = (
    "accounts_user",
    "listings_company",
    "listings_companymembership",
    "listings_listing",
    "listings_listing_residence_statuses",
    "applicants_seekerprofile",
    "applicants_seekerprofile_skills_tests",
    "applicants_cv",
    "applicants_application",
    "applicants_applicationevent",
)


class Ids:
    """The next free primary key of each table, so that rows can reference each other."""

    def __init__(self):
        self.next = {}
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
                self.next[table] = cursor.fetchone()[0]

    def take(self, table: str, count: int) -> range:
        start = self.next[table]
        self.next[table] = start + count
        return range(start, start + count)


class Timer:
    def __init__(self, report: Callable[[str], None]):
        self.report = report
        self.started = time.perf_counter()
        self.steps: list[tuple[str, float]] = []

    def step(self, name: str, since: float) -> None:
        elapsed = time.perf_counter() - since
        self.steps.append((name, elapsed))
        self.report(f"  {name}: {elapsed:.1f} s")


def copy_rows(table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
    count = 0
    with connection.cursor() as cursor:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def secondary_indexes(tables: Iterable[str]) -> list[tuple[str, str]]:
    """(name, definition) of indexes that back no constraint: safe to drop and rebuild."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
              AND NOT EXISTS (
                SELECT 1 FROM pg_constraint c
                WHERE c.conindid
                    = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
              )
            ORDER BY i.indexname
            """,
            [list(tables)],
        )
        return cursor.fetchall()


def in_parallel(statements: list[str], workers: int = 2) -> None:
    """Run independent statements on `workers` connections at once (one per core)."""

    def run(sql: str) -> None:
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute(sql)
        finally:
            connections["default"].close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(run, sql) for sql in statements]:
            future.result()


def checksum() -> str:
    """A digest of the generated rows' identity, to check that a seed gives the same data."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for query in (
            "SELECT COUNT(*), SUM(salary_min), MAX(length(description_en)) FROM listings_listing",
            "SELECT COUNT(*), SUM(listing_id), SUM(seeker_id) FROM applicants_application",
            "SELECT status, COUNT(*) FROM applicants_application GROUP BY status ORDER BY status",
            "SELECT COUNT(*) FROM applicants_applicationevent",
        ):
            cursor.execute(query)
            digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()[:16]
