"""Journey 6: applying with the keyboard alone, with a visible focus indicator at every step."""

import pytest
from django.test import Client

from applicants.models import Application
from tests.applicants.factories import CVFactory, SeekerProfileFactory
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Enough for the header, the page and the form; more means focus is stuck or lost.
MAX_TABS = 60

# What the focused element is, and whether it shows focus: an outline or a box shadow.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
    && !["transparent", "rgba(0, 0, 0, 0)"].includes(style.outlineColor);
  return {
    describe: el.outerHTML.slice(0, 120),
    tag: el.tagName.toLowerCase(),
    type: el.type || "",
    name: el.getAttribute("name") || "",
    text: (el.innerText || "").trim(),
    visible: outline || style.boxShadow !== "none",
  };
}"""


def _log_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _focused(page) -> dict:
    focused = page.evaluate(FOCUSED)
    assert focused is not None, "focus was lost to the page body"
    assert focused["visible"], f"no visible focus indicator on {focused['describe']}"
    return focused


def _press(page, key: str) -> dict:
    page.keyboard.press(key)
    return _focused(page)


def _tab_to(page, matches) -> dict:
    """Tab forward until `matches(focused)`; every element passed must show its focus."""
    for _ in range(MAX_TABS):
        focused = _press(page, "Tab")
        if matches(focused):
            return focused
    raise AssertionError(f"not reached in {MAX_TABS} presses of Tab")


def test_seeker_applies_with_the_keyboard_alone(page, context, live_server, size):
    profile = SeekerProfileFactory()
    seeker = profile.user
    CVFactory(owner=seeker, label="Caregiver CV")
    listing = PublishedListingFactory(title_en="Care worker in Sapporo")
    _log_in(context, live_server, seeker)
    page.goto(f"/en/jobs/{listing.pk}/{listing.slug}/")

    _tab_to(page, lambda f: f["tag"] == "a" and f["text"] == "Apply")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/jobs/{listing.pk}/apply/")

    # The default CV is already chosen; Tab moves on from the radio group.
    cv = _tab_to(page, lambda f: f["name"] == "cv")
    assert cv["type"] == "radio"
    assert page.evaluate("document.activeElement.checked")
    _tab_to(page, lambda f: f["name"] == "cover_letter")
    page.keyboard.type("I cared for residents for three years.")
    consent = _press(page, "Tab")
    assert consent["name"] == "consent"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    submit = _press(page, "Tab")
    assert (submit["tag"], submit["text"]) == ("button", "Send application")
    # Focus order runs backwards too.
    assert _press(page, "Shift+Tab")["name"] == "consent"
    _press(page, "Tab")
    page.keyboard.press("Enter")

    page.wait_for_url("**/en/me/applications/")
    application = Application.objects.get(listing=listing, seeker=seeker)
    assert application.cover_letter == "I cared for residents for three years."
    assert application.cv.label == "Caregiver CV"
