"""Build the benchmark dataset: 100,000 listings and a million applications by default."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.dataset import SCALE_PASSWORD, ScaleBuilder, ScaleSpec, checksum
from bench.logins import ensure_bench_logins
from listings.models import Listing

LIMITS = {
    "listings": (1, 2_000_000),
    "companies": (1, 200_000),
    "seekers": (1, 2_000_000),
    "applications": (0, 20_000_000),
}


class Command(BaseCommand):
    help = (
        "Fill an empty PostgreSQL database with a large realistic dataset (COPY), "
        "deterministic with --seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--listings", type=int, default=100_000)
        parser.add_argument("--companies", type=int, default=5_000)
        parser.add_argument("--seekers", type=int, default=100_000)
        parser.add_argument("--applications", type=int, default=1_000_000)
        parser.add_argument("--seed", type=int, default=0, help="Random seed (deterministic).")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "seed_scale writes with PostgreSQL's COPY; set DATABASE_URL to a PostgreSQL "
                "database (use seed_listings on SQLite)."
            )
        for name, (low, high) in LIMITS.items():
            if not low <= options[name] <= high:
                raise CommandError(f"--{name} must be between {low:,} and {high:,}.")
        if options["applications"] > options["listings"] * options["seekers"] // 2:
            raise CommandError("--applications must be at most half of listings × seekers.")
        if Listing.objects.exists():
            raise CommandError(
                "This database already has listings; seed_scale fills an empty one "
                "(create a new database and run migrate first)."
            )
        spec = ScaleSpec(
            listings=options["listings"],
            companies=options["companies"],
            seekers=options["seekers"],
            applications=options["applications"],
            seed=options["seed"],
        )
        self.stdout.write(
            f"Seeding {spec.listings:,} listings, {spec.companies:,} companies, "
            f"{spec.seekers:,} seekers and {spec.applications:,} applications (seed {spec.seed})"
        )
        result = ScaleBuilder(spec, report=self.stdout.write).build()
        ensure_bench_logins()
        self.stdout.write(
            self.style.SUCCESS(f"Done in {result['seconds']:.1f} s; data checksum {checksum()}.")
        )
        self.stdout.write(
            f"Every generated account's password is {SCALE_PASSWORD!r}; "
            "the benchmark logs in as the heaviest employer and seeker it finds."
        )
