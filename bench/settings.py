"""Production settings plus one URL: the ceiling view the benchmark compares pages with."""

from jobboard.settings import *  # noqa: F403 - the same settings as production, on purpose

ROOT_URLCONF = "bench.urls"
