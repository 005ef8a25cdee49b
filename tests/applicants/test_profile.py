"""The seeker profile page: partial saves, what is missing to apply, validation, experience."""

import pytest

from applicants.models import SectorExperience, SeekerProfile
from listings.models import JapaneseLevel, ResidenceStatus, Sector
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.applicants.conftest import page_text

pytestmark = pytest.mark.django_db

URL = "/en/me/profile/"


def profile_data(**overrides):
    data = {
        "full_name": "Ana Reyes",
        "nationality": "PH",
        "country_of_residence": "PH",
        "phone": "+63 917 123 4567",
        "japanese_level": JapaneseLevel.objects.get(slug="n4").pk,
        "japanese_level_year": "2023",
        "education": "vocational",
        "other_languages": "English, Tagalog",
        "summary": "Three years in a care home in Manila.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def new_seeker(client):
    user = SeekerFactory(full_name="")
    client.force_login(user)
    return user


def test_partial_profile_saves(client, new_seeker):
    response = client.post(URL, {"full_name": "Ana Reyes", "nationality": "PH"})

    assert response.status_code == 302
    assert response["Location"] == URL
    profile = SeekerProfile.objects.get(user=new_seeker)
    assert profile.full_name == "Ana Reyes"
    assert profile.nationality.code == "PH"
    assert profile.japanese_level is None
    assert "Profile saved." in page_text(client.get(URL))


def test_profile_page_lists_what_is_still_missing_to_apply(client, new_seeker):
    client.post(URL, {"full_name": "Ana Reyes", "nationality": "PH"})

    text = page_text(client.get(URL))

    assert "Before you can apply, add: Country of residence Japanese level" in text
    assert "Full name" not in text.split("Before you can apply, add:")[1].split("Employers")[0]
    assert "Nationality" not in text.split("Before you can apply, add:")[1].split("Employers")[0]


def test_new_profile_lists_every_missing_field(client, new_seeker):
    text = page_text(client.get(URL))

    assert (
        "Before you can apply, add: Full name Nationality Country of residence Japanese level"
        in text
    )


def test_complete_profile_says_the_seeker_can_apply(client, new_seeker):
    response = client.post(URL, profile_data())
    assert response.status_code == 302

    text = page_text(client.get(URL))

    assert "Your profile is ready: you can apply to jobs." in text
    assert "Before you can apply" not in text


@pytest.mark.parametrize(
    ("overrides", "error", "typed"),
    [
        (
            {"phone": "call me maybe"},
            "Enter a phone number with digits only, for example +63 917 123 4567.",
            'value="call me maybe"',
        ),
        (
            {"japanese_level_year": "1983"},
            "Ensure this value is greater than or equal to 1984.",
            'value="1983"',
        ),
        (
            {"japanese_level_year": "2101"},
            "Ensure this value is less than or equal to 2100.",
            'value="2101"',
        ),
        (
            {"in_japan": "on"},
            "Choose your current residence status.",
            'name="in_japan" id="id_in_japan" checked',
        ),
        (
            {"japanese_level": "", "japanese_level_year": "2020"},
            "Choose the level you obtained that year.",
            'value="2020"',
        ),
        (
            {"experience_nursing-care": "51"},
            "Ensure this value is less than or equal to 50.",
            'value="51"',
        ),
        (
            {"experience_nursing-care": "-1"},
            "Ensure this value is greater than or equal to 0.",
            'value="-1"',
        ),
        (
            {"summary": "x" * 2001},
            "Ensure this value has at most 2000 characters (it has 2001).",
            "x" * 2001 + "</textarea>",
        ),
    ],
    ids=[
        "phone-format",
        "year-before-1984",
        "year-after-2100",
        "in-japan-without-status",
        "year-without-level",
        "experience-over-50",
        "experience-negative",
        "summary-over-2000",
    ],
)
def test_invalid_profile_shows_the_error_and_keeps_what_was_typed(
    client, new_seeker, overrides, error, typed
):
    response = client.post(URL, profile_data(full_name="Typed But Not Saved", **overrides))

    assert response.status_code == 200
    assert error in page_text(response)
    content = response.content.decode()
    assert typed in content
    assert 'value="Typed But Not Saved"' in content
    assert not SeekerProfile.objects.filter(full_name="Typed But Not Saved").exists()


def test_invalid_submission_still_lists_what_the_saved_profile_lacks(client, new_seeker):
    response = client.post(URL, profile_data(phone="not a phone"))

    text = page_text(response)
    assert "Enter a phone number with digits only" in text
    assert SeekerProfile.objects.get(user=new_seeker).nationality.code == ""
    assert "Your profile is ready" not in text
    assert "Before you can apply, add:" in text


def test_experience_per_sector_is_saved_and_shown_back(client, new_seeker):
    response = client.post(
        URL,
        profile_data(
            **{
                "experience_nursing-care": "3",
                "experience_construction": "0",
                "experience_agriculture": "12",
            }
        ),
    )
    assert response.status_code == 302

    rows = {
        item.sector.slug: item.years
        for item in SectorExperience.objects.filter(profile__user=new_seeker)
    }
    assert rows == {"nursing-care": 3, "agriculture": 12}
    content = client.get(URL).content.decode()
    assert 'name="experience_nursing-care" value="3"' in content
    assert 'name="experience_agriculture" value="12"' in content
    assert 'name="experience_construction" value=' not in content


def test_emptying_a_sector_removes_its_experience(client, new_seeker):
    client.post(URL, profile_data(**{"experience_nursing-care": "3"}))

    client.post(URL, profile_data(**{"experience_nursing-care": ""}))

    assert not SectorExperience.objects.filter(profile__user=new_seeker).exists()


def test_skills_tests_and_current_status_are_saved(client, new_seeker):
    status = ResidenceStatus.objects.get(slug="ssw-1")
    care = Sector.objects.get(slug="nursing-care")

    client.post(
        URL,
        profile_data(
            in_japan="on",
            current_status=status.pk,
            country_of_residence="JP",
            skills_tests=[care.pk],
        ),
    )

    profile = SeekerProfile.objects.get(user=new_seeker)
    assert profile.in_japan
    assert profile.current_status == status
    assert list(profile.skills_tests.all()) == [care]


def test_current_status_is_dropped_when_not_living_in_japan(client, new_seeker):
    status = ResidenceStatus.objects.get(slug="ssw-1")

    client.post(URL, profile_data(current_status=status.pk))

    assert SeekerProfile.objects.get(user=new_seeker).current_status is None


def test_employers_cannot_open_the_profile_page(client):
    client.force_login(EmployerFactory())

    assert client.get(URL).status_code == 403
    assert client.post(URL, profile_data()).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={URL}"
