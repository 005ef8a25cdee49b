"""`python -m bench`: every main page under gunicorn, against the seed_scale dataset.

    python -m bench                      prepare the database if needed, measure, write docs
    python -m bench --only jobs,ceiling  some pages only
    python -m bench --no-write           print the table, leave docs/benchmarks.md alone

The database is DATABASE_URL (default: hataraku_bench on the local PostgreSQL); with --prepare
it is created, migrated and filled by seed_scale when it has no listings.
"""

import argparse
import os
import secrets
import shutil
import sys

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/hataraku_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/2"


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", DEFAULT_REDIS))
    parser.add_argument("--prepare", action="store_true", help="create, migrate and seed if empty")
    parser.add_argument("--listings", type=int, default=100_000, help="seed size with --prepare")
    parser.add_argument("--only", default="", help="comma-separated page names")
    parser.add_argument("--seconds", type=float, default=10, help="measured seconds per page")
    parser.add_argument("--warmup", type=float, default=3, help="warm-up seconds per page")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--label", default="", help="a note for this run in the history")
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="render every anonymous page (PAGE_CACHE_SECONDS=0): the cost behind the cache",
    )
    parser.add_argument("--output", default="docs/benchmarks.md")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not 1 <= args.connections <= 256 or not 1 <= args.workers <= 16:
        parser.error("--connections must be 1–256 and --workers 1–16")
    if not 1 <= args.seconds <= 600 or not 0 <= args.warmup <= 120:
        parser.error("--seconds must be 1–600 and --warmup 0–120")
    return args


def environment(args) -> dict:
    """Production settings on loopback: DEBUG off, a throwaway secret, the bench URLs."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        SITE_URL="https://127.0.0.1",
    )
    if args.no_page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def create_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}")


def main(argv=None) -> int:
    args = parse(argv if argv is not None else sys.argv[1:])
    if shutil.which("wrk") is None:
        print("The benchmark loads pages with wrk: apt-get install wrk", file=sys.stderr)
        return 2
    env = environment(args)
    if args.prepare:
        create_database(args.database_url)
    os.environ.update(env)

    import django

    django.setup()
    from django.core.management import call_command

    from bench import pages as bench_pages
    from bench import report
    from bench.logins import bench_users
    from listings.models import Listing

    if args.prepare:
        call_command("migrate", verbosity=0)
        if not Listing.objects.exists():
            call_command(
                "seed_scale",
                listings=args.listings,
                companies=max(args.listings // 20, 1),
                seekers=args.listings,
                applications=args.listings * 10,
            )
    # Production settings serve hashed static files: the manifest must exist.
    call_command("collectstatic", interactive=False, verbosity=0)
    users = bench_users()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    page_list = [page for page in bench_pages.pages(users) if not chosen or page.name in chosen]
    if not page_list:
        print("No page matches --only.", file=sys.stderr)
        return 2
    load_before = os.getloadavg()[0]
    print(f"Inspecting {len(page_list)} pages (queries, plans, sizes)…")
    results = [bench_pages.inspect(page, users) for page in page_list]
    cookies = bench_pages.session_cookies(users)
    print(f"Loading each page for {args.seconds:g} s at concurrency {args.connections}…")
    with bench_pages.Server(env, args.workers) as server:
        for result in results:
            bench_pages.load(
                result,
                server,
                cookies=cookies,
                seconds=args.seconds,
                warmup=args.warmup,
                connections=args.connections,
            )
            print(f"  {result.page.name}: {result.rps:.0f} req/s, p95 {result.p95_ms:.1f} ms")
    run = report.Run(
        results=results, args=args, dataset=report.dataset_figures(), load_before=load_before
    )
    print(run.markdown())
    if not args.no_write:
        report.write(run, args.output)
        print(f"Wrote {args.output}")
    return 1 if any(result.errors for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
