"""Generate N realistic listings quickly (bulk inserts), for demos and benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError

from listings.seeding import seed_listings


class Command(BaseCommand):
    help = "Create N varied listings (English, Japanese and both) with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=0, help="Random seed (deterministic).")

    def handle(self, *args, count, seed, **options):
        if not 1 <= count <= 2_000_000:
            raise CommandError("--count must be between 1 and 2,000,000.")
        started = time.perf_counter()
        created = seed_listings(count=count, seed=seed)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Created {created:,} listings in {elapsed:.1f} s.")
