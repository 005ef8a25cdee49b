"""The apply panel of a listing page: the eligibility check, the Apply button, the status."""

import re
from html import unescape

import pytest

from listings.models import JapaneseLevel, ResidenceStatus, Sector
from tests.accounts.factories import SeekerFactory
from tests.applicants.conftest import page_text
from tests.applicants.factories import ApplicationFactory, SeekerProfileFactory
from tests.listings.factories import ClosedListingFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db


def requirements(response) -> dict[str, tuple[bool, str]]:
    """Each requirement shown, by its label's first words: (met, full text)."""
    html = response.content.decode()
    found = {}
    for css, item in re.findall(r'<li class="(met|unmet)">(.*?)</li>', html, flags=re.S):
        # The link to the guide step that explains an unmet requirement is not part of it.
        item = re.sub(r'<a class="eligibility-help"[^>]*>.*?</a>', "", item, flags=re.S)
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", item)).split())
        text = text.removeprefix("✓ Met: ").removeprefix("✗ Not met: ")
        found[text] = css == "met"
    return found


def requirement(response, starts_with: str) -> tuple[bool, str]:
    matches = [
        (met, text) for text, met in requirements(response).items() if text.startswith(starts_with)
    ]
    assert len(matches) == 1, requirements(response)
    return matches[0]


def level(slug):
    return JapaneseLevel.objects.get(slug=slug)


def status(slug):
    return ResidenceStatus.objects.get(slug=slug)


@pytest.fixture
def care():
    return Sector.objects.get(slug="nursing-care")


@pytest.fixture
def view_as(client):
    """Open `listing` as the owner of `profile` and return the response."""

    def view(listing, profile):
        client.force_login(profile.user)
        response = client.get(listing.get_absolute_url())
        assert response.status_code == 200
        return response

    return view


def test_seeker_sees_how_many_requirements_they_meet_and_each_of_them(view_as):
    listing = PublishedListingFactory(visa_support=False)
    profile = SeekerProfileFactory()

    response = view_as(listing, profile)

    assert "You meet 2 of 3 requirements" in page_text(response)
    assert requirements(response) == {
        "Japanese: JLPT N4 Your level: JLPT N4": True,
        "Nationality Open to every nationality": True,
        "Residence status The employer does not offer visa support.": False,
    }


def test_every_kind_of_requirement_is_listed_when_the_listing_has_it(view_as, care):
    listing = PublishedListingFactory(
        skills_test_required=True, experience_years=2, eligible_nationalities=["PH"]
    )
    profile = SeekerProfileFactory(skills_tests=[care])
    profile.experience.create(sector=care, years=2)

    response = view_as(listing, profile)

    assert "You meet 4 of 5 requirements" in page_text(response)
    assert [text.split(" ")[0] for text in requirements(response)] == [
        "Japanese:",
        "Skills",
        "Nationality",
        "Residence",
        "2",
    ]


@pytest.mark.parametrize(
    ("have", "required", "met"),
    [
        ("jft-a2", "n4", True),
        ("n4", "jft-a2", True),
        ("n3", "n4", True),
        ("n1", "n2", True),
        ("n5", "n4", False),
        ("n5", "jft-a2", False),
        ("n4", "n3", False),
        ("none", "n5", False),
    ],
)
def test_japanese_level_is_compared_by_strength(view_as, have, required, met):
    listing = PublishedListingFactory(japanese_level=level(required))
    profile = SeekerProfileFactory(japanese_level=level(have))

    got, text = requirement(view_as(listing, profile), "Japanese:")

    assert got is met
    assert text == f"Japanese: {level(required).name_en} Your level: {level(have).name_en}"


def test_profile_without_japanese_level_is_asked_to_add_it(view_as):
    listing = PublishedListingFactory()
    profile = SeekerProfileFactory(japanese_level=None)

    assert requirement(view_as(listing, profile), "Japanese:") == (
        False,
        "Japanese: JLPT N4 Add your Japanese level to your profile.",
    )


def test_no_japanese_required_is_met_without_a_level(view_as):
    listing = PublishedListingFactory(japanese_level=level("none"))
    profile = SeekerProfileFactory(japanese_level=None)

    met, _text = requirement(view_as(listing, profile), "Japanese:")

    assert met


@pytest.mark.parametrize(
    ("passed", "met", "detail"),
    [
        (["nursing-care"], True, "Passed"),
        (["nursing-care", "construction"], True, "Passed"),
        (["construction"], False, "Not passed yet"),
        ([], False, "Not passed yet"),
    ],
)
def test_skills_test_of_the_listings_sector_is_required(view_as, passed, met, detail):
    listing = PublishedListingFactory(skills_test_required=True)
    profile = SeekerProfileFactory(skills_tests=list(Sector.objects.filter(slug__in=passed)))

    assert requirement(view_as(listing, profile), "Skills test") == (
        met,
        f"Skills test in Nursing care {detail}",
    )


def test_no_skills_test_line_when_the_listing_does_not_require_one(view_as):
    listing = PublishedListingFactory(skills_test_required=False)

    assert not any(
        text.startswith("Skills test")
        for text in requirements(view_as(listing, SeekerProfileFactory()))
    )


@pytest.mark.parametrize(("nationality", "met"), [("VN", True), ("ID", True), ("PH", False)])
def test_nationality_restriction(view_as, nationality, met):
    listing = PublishedListingFactory(eligible_nationalities=["VN", "ID"])
    profile = SeekerProfileFactory(nationality=nationality)

    got, text = requirement(view_as(listing, profile), "Nationality")

    assert got is met
    assert "Vietnam" in text
    assert "Indonesia" in text


def test_every_nationality_is_welcome_without_restriction(view_as):
    listing = PublishedListingFactory(eligible_nationalities=[])
    profile = SeekerProfileFactory(nationality="PK")

    assert requirement(view_as(listing, profile), "Nationality") == (
        True,
        "Nationality Open to every nationality",
    )


@pytest.mark.parametrize(
    ("current", "accepted", "met"),
    [
        ("ssw-1", ["ssw-1"], True),
        ("technical-intern", ["ssw-1", "technical-intern"], True),
        ("student", ["ssw-1"], False),
        ("no-restriction", ["ssw-1"], True),
    ],
)
def test_residence_status_of_someone_in_japan(view_as, current, accepted, met):
    listing = PublishedListingFactory(statuses=accepted, visa_support=True)
    profile = SeekerProfileFactory(
        in_japan=True, country_of_residence="JP", current_status=status(current)
    )

    assert requirement(view_as(listing, profile), "Residence status") == (
        met,
        f"Residence status Your status: {status(current).name_en}",
    )


@pytest.mark.parametrize(
    ("visa_support", "met", "detail"),
    [
        (True, True, "The employer applies for your Certificate of Eligibility."),
        (False, False, "The employer does not offer visa support."),
    ],
)
def test_residence_status_of_someone_abroad_depends_on_visa_support(
    view_as, visa_support, met, detail
):
    listing = PublishedListingFactory(visa_support=visa_support)
    profile = SeekerProfileFactory(in_japan=False)

    assert requirement(view_as(listing, profile), "Residence status") == (
        met,
        f"Residence status {detail}",
    )


@pytest.mark.parametrize(
    ("sector", "years", "met"),
    [
        ("nursing-care", 3, True),
        ("nursing-care", 5, True),
        ("nursing-care", 2, False),
        ("construction", 10, False),
    ],
)
def test_experience_years_in_the_listings_sector(view_as, sector, years, met):
    listing = PublishedListingFactory(experience_years=3)
    profile = SeekerProfileFactory()
    profile.experience.create(sector=Sector.objects.get(slug=sector), years=years)
    have = years if sector == "nursing-care" else 0

    assert requirement(view_as(listing, profile), "3 years") == (
        met,
        f"3 years' experience in Nursing care You have {have}",
    )


def test_anonymous_visitors_see_the_apply_button_but_no_eligibility(client):
    listing = PublishedListingFactory()

    response = client.get(listing.get_absolute_url())

    content = response.content.decode()
    assert f'class="button apply-button" href="/en/jobs/{listing.pk}/apply/"' in content
    assert "You meet" not in content
    assert 'class="eligibility"' not in content


def test_employers_see_neither_the_apply_button_nor_eligibility(client, member):
    listing = PublishedListingFactory()
    client.force_login(member.user)

    content = client.get(listing.get_absolute_url()).content.decode()

    assert "apply-button" not in content
    assert "You meet" not in content


def test_seekers_see_the_apply_button(view_as):
    listing = PublishedListingFactory()

    content = view_as(listing, SeekerProfileFactory()).content.decode()

    assert f'class="button apply-button" href="/en/jobs/{listing.pk}/apply/"' in content


def test_seeker_without_a_profile_sees_the_button_but_no_eligibility(client):
    listing = PublishedListingFactory()
    client.force_login(SeekerFactory())

    content = client.get(listing.get_absolute_url()).content.decode()

    assert "apply-button" in content
    assert "You meet" not in content


def test_seeker_who_applied_sees_their_status_instead_of_the_button(view_as):
    application = ApplicationFactory(status="interview")

    response = view_as(application.listing, application.seeker.seeker_profile)

    assert "apply-button" not in response.content.decode()
    assert "You applied to this job. Status: Interview." in page_text(response)


def test_closed_listing_shows_no_apply_button(view_as):
    listing = ClosedListingFactory()

    content = view_as(listing, SeekerProfileFactory()).content.decode()

    assert "apply-button" not in content
    assert "This job is no longer accepting applications." in content
