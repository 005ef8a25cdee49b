"""Journey 5: switching language on a listing keeps the page; Urdu is laid out right to left."""

import pytest

from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _switch_to(page, language: str) -> None:
    page.select_option("#language-select", language)
    page.get_by_role("button", name=page.locator(".language-switcher button").inner_text()).click()


def test_switching_language_on_a_listing_keeps_the_page(page, size):
    listing = PublishedListingFactory(title_en="Welder", title_ja="溶接工")
    page.goto(f"/en/jobs/{listing.pk}/{listing.slug}/")
    assert page.locator("h1").inner_text() == "Welder"

    _switch_to(page, "ja")
    page.wait_for_url(f"**/ja/jobs/{listing.pk}/**")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.locator("h1").inner_text() == "溶接工"

    _switch_to(page, "ur")
    page.wait_for_url(f"**/ur/jobs/{listing.pk}/**")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ur", "rtl")
    # Right to left: the brand starts at the right edge, the navigation follows to its left.
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] > width * 0.75
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
