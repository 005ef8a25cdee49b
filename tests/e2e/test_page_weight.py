"""A phone's first visit to the job list or a listing stays small, local and quick.

Honest bytes: pytest-django's live_server answers /static/ itself, through Django's static
view, uncompressed and without hashed names, which is not how the site is served. Here the
test's own server thread has no static handler in front of the site, so whitenoise (in
MIDDLEWARE) serves the files, from a collectstatic into a temporary STATIC_ROOT with
CompressedManifestStaticFilesStorage, as in production: hashed names and gzip-compressed copies
(brotli too when the brotli package is installed). Pages themselves are sent as Django renders
them; production adds no compression for HTML, so neither does the test.
"""

import urllib.request
from collections import defaultdict

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread

from listings.models import Prefecture, Sector
from tests.e2e.conftest import SIZES
from tests.listings.factories import PublishedListingFactory, reference

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BUDGET_BYTES = 100 * 1024
DOM_CONTENT_LOADED_MS = 1000
DESCRIPTION = """## Duties

- Help residents with meals, bathing and moving around the home.
- Keep simple care records in Japanese with a tablet; templates are provided.
- Join morning meetings and share what you noticed with the nurses.

## What we offer

- Shared company housing five minutes on foot from the home, 25,000 yen a month.
- Japanese lessons twice a week, paid, and help preparing for the care skills test.
- Paid holidays from the first year, overtime paid by the minute.

## Who we are looking for

People who like working with older people, can read hiragana and katakana, and hold the
Specified Skilled Worker (i) status in nursing care or passed its skills and language tests.
"""


class _JoiningServer(ThreadedWSGIServer):
    # Closing the server waits for its request threads: they use the shared test database.
    daemon_threads = False


class _ServerThread(LiveServerThread):
    server_class = _JoiningServer


@pytest.fixture
def production_server(settings, tmp_path):
    """The site served like production: whitenoise and compressed, hashed static files."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    call_command("collectstatic", interactive=False, verbosity=0)

    # As pytest-django's live_server does: an in-memory SQLite database is shared with the thread.
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    # No static handler: /static/ requests reach the site's middleware, that is whitenoise.
    thread = _ServerThread("localhost", lambda app: app, connections_override=shared)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://localhost:{thread.port}"
    thread.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.fixture
def phone(browser, production_server):
    # A fresh context: nothing cached, as on a first visit.
    context = browser.new_context(viewport=SIZES["phone"], base_url=production_server)
    yield context.new_page()
    context.close()


def _first_load(page, site: str, path: str, capsys) -> None:
    # A production process is warm: templates compiled, catalogues and the board's counts
    # cached. One request from outside the browser warms this server the same way; the browser
    # context stays fresh, with nothing cached.
    with urllib.request.urlopen(site + path) as response:  # noqa: S310 (our own server)
        assert response.status == 200
    requested, finished = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(path)
    page.wait_for_load_state("networkidle")

    by_type = defaultdict(int)
    encodings = set()
    for request in finished:
        sizes = request.sizes()
        by_type[request.resource_type] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        response = request.response()
        if request.resource_type != "document" and response is not None:
            encodings.add(response.headers.get("content-encoding", "identity"))
    total = sum(by_type.values())
    navigation = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
    timing = navigation["domContentLoadedEventEnd"]
    summary = ", ".join(f"{kind} {size / 1024:.1f} KB" for kind, size in sorted(by_type.items()))
    with capsys.disabled():  # shown in every run, not only when the test fails
        print(
            f"\n{path}: {summary}; total {total / 1024:.1f} KB in {len(finished)} requests "
            f"(static files: {', '.join(sorted(encodings))}); "
            f"server {navigation['responseStart'] - navigation['requestStart']:.0f} ms, "
            f"DOMContentLoaded {timing:.0f} ms"
        )

    elsewhere = [url for url in requested if not url.startswith(site + "/")]
    assert not elsewhere, f"requests to other origins: {elsewhere}"
    assert total < BUDGET_BYTES, f"{path} weighs {total} bytes: {dict(by_type)}"
    assert timing < DOM_CONTENT_LOADED_MS, f"{path}: DOMContentLoaded after {timing:.0f} ms"


def test_first_visit_to_the_job_list_is_small_and_quick(phone, production_server, capsys):
    # A full page of results across a few sectors and prefectures, so the filters have facets.
    sectors = ["nursing-care", "construction", "food-service", "agriculture"]
    prefectures = ["13", "14", "27", "01", "40"]
    for number in range(20):
        PublishedListingFactory(
            title_en=f"Care worker for a home in Yokohama {number}",
            description_en=DESCRIPTION,
            sector=reference(Sector, slug=sectors[number % len(sectors)]),
            prefecture=reference(Prefecture, code=prefectures[number % len(prefectures)]),
            english_ok=number % 2 == 0,
            visa_support=True,
        )
    _first_load(phone, production_server, "/en/jobs/", capsys)


def test_first_visit_to_a_listing_is_small_and_quick(phone, production_server, capsys):
    listing = PublishedListingFactory(
        title_en="Care worker for a home in Yokohama", description_en=DESCRIPTION
    )
    _first_load(phone, production_server, listing.get_absolute_url(), capsys)
