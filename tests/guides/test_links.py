"""Listing pages link to the guide steps that matter for them, and the seeker's eligibility
check links each unmet requirement to the step that explains how to meet it."""

import pytest
from django.utils import translation

from applicants.models import SectorExperience
from guides import anchors
from listings.models import JapaneseLevel, Listing, ResidenceStatus, Sector
from tests.applicants.factories import SeekerProfileFactory
from tests.guides.helpers import assert_link_resolves, hrefs
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db


def _url(listing, language="en") -> str:
    # A request leaves its language active in the test's thread; build URLs in a fixed one.
    with translation.override(language):
        return listing.get_absolute_url()


def _guide_links(client, listing, language="en") -> list[str]:
    url = _url(listing, language)
    response = client.get(url)
    assert response.status_code == 200
    return hrefs(response.content.decode(), "guide-links")


def test_listing_links_to_its_field_and_to_the_steps_it_asks_for(client):
    listing = PublishedListingFactory(
        japanese_level=JapaneseLevel.objects.get(slug="n3"),
        skills_test_required=True,
        housing=Listing.Housing.PROVIDED,
        visa_support=True,
    )
    links = _guide_links(client, listing)
    assert links == [
        "/en/guide/fields/nursing-care/",
        f"/en/guide/fields/nursing-care/#{anchors.FIELD_SKILLS_TEST}",
        f"/en/guide/#{anchors.STEP_JAPANESE_TEST}",
        f"/en/guide/#{anchors.STEP_SUPPORT_PLAN}",
        f"/en/guide/#{anchors.STEP_COE}",
        f"/en/guide/#{anchors.SECTION_COSTS}",
    ]
    for href in links:
        assert_link_resolves(client, href)


def test_listing_that_asks_for_no_japanese_and_offers_no_support_links_only_what_applies(client):
    listing = PublishedListingFactory(
        japanese_level=JapaneseLevel.objects.get(slug="none"),
        housing=Listing.Housing.NONE,
        support_org_name="",
        visa_support=False,
    )
    assert _guide_links(client, listing) == [
        "/en/guide/fields/nursing-care/",
        f"/en/guide/#{anchors.SECTION_COSTS}",
    ]


def test_listing_with_a_support_organisation_links_to_the_support_plan_step(client):
    listing = PublishedListingFactory(housing=Listing.Housing.NONE, support_org_name="Sakura RSO")
    assert f"/en/guide/#{anchors.STEP_SUPPORT_PLAN}" in _guide_links(client, listing)


def test_listing_outside_the_ssw_fields_links_to_the_process_guide(client):
    listing = PublishedListingFactory(sector=Sector.objects.get(slug="it-software"))
    first = _guide_links(client, listing)[0]
    assert first == f"/en/guide/#{anchors.STEP_FIELD}"
    assert_link_resolves(client, first)


@pytest.mark.parametrize("language", ["ja", "ur"])
def test_listing_guide_links_stay_in_the_reader_s_language(client, language):
    listing = PublishedListingFactory(sector=Sector.objects.get(slug="construction"))
    links = _guide_links(client, listing, language)
    assert links[0] == f"/{language}/guide/fields/construction/"
    for href in links:
        assert_link_resolves(client, href)


def test_listing_page_still_runs_few_queries_with_its_guide_links(
    client, django_assert_max_num_queries
):
    listing = PublishedListingFactory(visa_support=True, skills_test_required=True)
    with django_assert_max_num_queries(3):
        assert client.get(_url(listing)).status_code == 200


def _help_links(client, listing, profile) -> dict[str, str]:
    client.force_login(profile.user)
    html = client.get(_url(listing)).content.decode()
    items = html.split('<section class="eligibility"', 1)[1].split("</section>", 1)[0]
    found = {}
    for item in items.split('<li class="')[1:]:
        state, rest = item.split('"', 1)
        label = rest.split("</span>", 2)[2].split("<small>")[0].strip()
        link = rest.split('class="eligibility-help" href="')
        found[label] = (state, link[1].split('"', 1)[0] if len(link) > 1 else None)
    return found


def test_every_unmet_requirement_links_to_the_step_that_explains_it(client):
    listing = PublishedListingFactory(
        japanese_level=JapaneseLevel.objects.get(slug="n3"),
        skills_test_required=True,
        experience_years=2,
        eligible_nationalities=["VN"],
        visa_support=False,
    )
    profile = SeekerProfileFactory(
        nationality="PK", japanese_level=JapaneseLevel.objects.get(slug="n5")
    )
    links = _help_links(client, listing, profile)
    assert {state for state, _href in links.values()} == {"unmet"}
    expected = {
        "Japanese": f"/en/guide/#{anchors.STEP_JAPANESE_TEST}",
        "Skills test": f"/en/guide/fields/nursing-care/#{anchors.FIELD_SKILLS_TEST}",
        "Nationality": f"/en/guide/countries/pk/#{anchors.COUNTRY_MOC}",
        "Residence status": f"/en/guide/#{anchors.STEP_COE}",
        "2 years": f"/en/guide/fields/nursing-care/#{anchors.FIELD_WORK}",
    }
    for start, href in expected.items():
        matches = [link for label, (_state, link) in links.items() if label.startswith(start)]
        assert matches == [href], (start, links)
        assert_link_resolves(client, href)


def test_met_requirements_carry_no_help_link(client):
    listing = PublishedListingFactory(japanese_level=JapaneseLevel.objects.get(slug="n5"))
    profile = SeekerProfileFactory()  # N4, Philippines: meets the level and the nationality
    links = _help_links(client, listing, profile)
    assert links["Japanese: JLPT N5"] == ("met", None)


def test_nationality_without_a_country_guide_links_to_the_job_offer_step(client):
    listing = PublishedListingFactory(eligible_nationalities=["VN"])
    profile = SeekerProfileFactory(nationality="BR")
    links = _help_links(client, listing, profile)
    href = links["Nationality"][1]
    assert href == f"/en/guide/#{anchors.STEP_JOB_OFFER}"
    assert_link_resolves(client, href)


def test_seeker_in_japan_with_another_status_is_sent_to_the_changing_jobs_step(client):
    listing = PublishedListingFactory(statuses=["ssw-1"])
    profile = SeekerProfileFactory(
        in_japan=True, current_status=ResidenceStatus.objects.get(slug="student")
    )
    href = _help_links(client, listing, profile)["Residence status"][1]
    assert href == f"/en/guide/#{anchors.STEP_CHANGING_JOBS}"
    assert_link_resolves(client, href)


def test_experience_link_points_at_the_field_s_work_section(client):
    listing = PublishedListingFactory(experience_years=3)
    profile = SeekerProfileFactory()
    SectorExperience.objects.create(profile=profile, sector=listing.sector, years=1)
    links = _help_links(client, listing, profile)
    label = next(label for label in links if "experience" in label)
    assert links[label] == ("unmet", f"/en/guide/fields/nursing-care/#{anchors.FIELD_WORK}")
