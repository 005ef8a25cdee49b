"""A large, realistic dataset for benchmarks, written with COPY straight into PostgreSQL.

The ORM would take hours for a million applications; COPY takes seconds. Rows are generated
from one seeded random stream, with dates counted from midnight UTC of the run's day, so the
same `--seed` on the same day gives the same rows. Secondary indexes are dropped while loading
and built once at the end; search vectors are computed by one set-based INSERT … SELECT.
"""

from bench.dataset.builder import ScaleBuilder, ScaleSpec
from bench.dataset.loading import checksum
from bench.dataset.vocabulary import BENCH_MODERATOR, SCALE_PASSWORD

__all__ = ["BENCH_MODERATOR", "SCALE_PASSWORD", "ScaleBuilder", "ScaleSpec", "checksum"]
