"""axe-core finds no serious or critical problem on the main pages, in every language and size."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.applicants.factories import ApplicationFactory, CVFactory, SeekerProfileFactory
from tests.e2e.conftest import sign_in
from tests.listings.factories import MembershipFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["en", "ja", "ur"]
SERIOUS = {"serious", "critical"}
# Every rule axe runs by default, plus WCAG 2.2's target size (off by default in axe 4.x):
# most seekers use a phone. No rule is switched off.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
axe = Axe()


def _serious_violations(page, path: str) -> list[str]:
    response = page.goto(path)
    # A redirect (to the log-in page, say) would check the wrong page.
    assert response.ok and response.url.endswith(path), f"{path}: {response.status} {response.url}"
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{path} {violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {node['target']} {node['html'][:160]}" for node in violation["nodes"])
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def _assert_none(found: list[str]) -> None:
    assert not found, "axe found serious or critical violations:\n" + "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_serious_accessibility_violations(page, language):
    listing = PublishedListingFactory(title_en="Welder", title_ja="溶接工")
    PublishedListingFactory(title_en="Care worker")
    found = []
    for path in [
        "/",
        "/jobs/",
        "/jobs/?q=zzzqxnothingmatches",
        f"/jobs/{listing.pk}/{listing.slug}/",
        "/accounts/signup/",
    ]:
        found += _serious_violations(page, f"/{language}{path}")
    _assert_none(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_signed_in_pages_have_no_serious_accessibility_violations(page, live_server, language):
    listing = PublishedListingFactory(title_en="Welder", title_ja="溶接工")
    employer = MembershipFactory(company=listing.company).user
    ApplicationFactory.create_batch(2, listing=listing)
    seeker = SeekerProfileFactory().user
    CVFactory(owner=seeker)
    ApplicationFactory(seeker=seeker, listing=PublishedListingFactory(title_en="Farm hand"))
    found = []

    sign_in(page.context, live_server.url, seeker)
    # The listing page again: a seeker with a profile also sees the eligibility check.
    for path in [
        f"/jobs/{listing.pk}/{listing.slug}/",
        f"/jobs/{listing.pk}/apply/",
        "/me/applications/",
    ]:
        found += _serious_violations(page, f"/{language}{path}")

    sign_in(page.context, live_server.url, employer)
    found += _serious_violations(page, f"/{language}/employer/listings/{listing.pk}/applicants/")
    _assert_none(found)
