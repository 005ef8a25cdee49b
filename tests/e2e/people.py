"""Helpers for journeys with several people: each in their own browser, logging in by hand."""

import re
from urllib.parse import urlencode

from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from tests.accounts.factories import StaffFactory
from tests.e2e.conftest import RESULTS, SIZES


def browser_for(request, browser, live_server, size, who: str) -> Page:
    """A page in a browser context of its own (own cookies), closed after the test; a
    failure leaves its screenshot and HTML beside the main page's, named after `who`."""
    context = browser.new_context(
        viewport=SIZES[size], base_url=live_server.url, locale="en-GB", accept_downloads=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()

    def close():
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed and not page.is_closed():
            RESULTS.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^\w.-]+", "_", f"{request.node.nodeid}-{who}")[-150:]
            page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
            (RESULTS / f"{name}.html").write_text(page.content())
        context.close()

    request.addfinalizer(close)
    return page


def make_moderator(**fields):
    """A staff member (not a superuser) in the Moderators group the migrations create."""
    user = StaffFactory(is_superuser=False, **fields)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def log_in(page: Page, email: str, password: str, *, next_path: str = "") -> None:
    """Log in through the site's own form, landing on `next_path` when given."""
    query = f"?{urlencode({'next': next_path})}" if next_path else ""
    page.goto(f"/en/accounts/login/{query}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Sign In").click()
    # The account menu replaces the "Log in" link once the session exists.
    expect(page.locator("summary", has_text="Account")).to_be_visible()


def admin_log_in(page: Page, email: str, password: str) -> None:
    """Log in to the admin through its login form."""
    page.goto("/admin/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def open_review_queue_item(page: Page, title: str) -> None:
    """From the admin index, open the pending listing `title` in the review queue."""
    if not page.url.endswith("/admin/"):
        page.goto("/admin/")
    page.get_by_role("link", name="Listings pending review").click()
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("button", name="Approve and publish")).to_be_visible()


def link_in(body: str, path_pattern: str) -> str:
    """The site path of the first link in an email body whose path matches the pattern."""
    match = re.search(rf"https?://[^/\s]+({path_pattern})", body)
    assert match, body
    return match.group(1)
