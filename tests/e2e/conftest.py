"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Never `playwright install`: the browser is /usr/bin/chromium (apt-get install chromium). Without
it every test here is skipped with one line saying so. Failures leave a screenshot and the
page's HTML in test-results/e2e/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
RESULTS = Path(settings.BASE_DIR) / "test-results" / "e2e"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    missing = not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM))
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing = True
    if not missing:
        return
    skip = pytest.mark.skip(reason=f"browser tests need Chromium at {CHROMIUM} and playwright")
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(SIZES))
def size(request):
    return request.param


@pytest.fixture
def context(browser, size, live_server):
    context = browser.new_context(
        viewport=SIZES[size], base_url=live_server.url, locale="en-GB", accept_downloads=True
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context, request):
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
        (RESULTS / f"{name}.html").write_text(page.content())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
