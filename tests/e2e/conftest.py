"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Never `playwright install`: the browser is /usr/bin/chromium (apt-get install chromium). Without
it every test here is skipped with one line saying so. Failures leave a screenshot and the
page's HTML in test-results/e2e/.
"""

import functools
import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

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


def sign_in(context, server_url: str, user) -> None:
    """Give the browser a session for `user` directly, for tests whose subject is not logging
    in (people.log_in goes through the form)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.clear_cookies()
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": server_url}]
    )


@functools.cache
def _missing_browser() -> str:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return ""


def _is_browser_test(item) -> bool:
    return "tests/e2e/" in str(item.fspath).replace(os.sep, "/")


def pytest_collection_modifyitems(config, items):
    missing = _missing_browser()
    if not missing:
        return
    skip = pytest.mark.skip(reason=f"browser tests skipped: {missing}")
    for item in items:
        if _is_browser_test(item):
            item.add_marker(skip)


@pytest.fixture
def browser(_django_db_helper):
    """A browser per test, started after the test database is set up: while Playwright's
    event loop runs, Django hands out a different connection object (asgiref's Local is
    context-aware), and the serialized reference data must be restored on the real one."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Give back the connection the test body used in Playwright's context: left checked
        # out, it kept the test database busy when pytest-django dropped it.
        connections.close_all()


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
    if report.skipped and _missing_browser() and isinstance(report.longrepr, tuple):
        # -ra folds skips by file; giving them all this file makes the reason one line.
        report.longrepr = (__file__, None, report.longrepr[2])
    return report
