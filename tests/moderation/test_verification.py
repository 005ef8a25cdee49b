"""Company verification: staff verify with a note; the badge shows; members hear of it."""

import pytest
from django.test import Client

from listings.models import Company
from tests.listings.factories import CompanyFactory, PublishedListingFactory
from tests.moderation.pages import COMPANIES_ADMIN, action_data, admin_messages, page_text

pytestmark = pytest.mark.django_db

BADGE = "Verified company"
NOTE = "Corporate number 5010001088338 checked on the NTA site; phoned the office."


def public_text(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return page_text(response)


def test_verify_action_first_asks_for_a_note(reviewer_client, team):
    response = reviewer_client.post(
        COMPANIES_ADMIN, action_data("verify_companies", [team.company])
    )

    assert response.status_code == 200
    text = page_text(response)
    assert "Verify companies" in text
    assert team.company.name_en in text
    assert "How the company was checked" in text
    team.company.refresh_from_db()
    assert not team.company.verified


def test_verifying_with_a_note_shows_the_badge_and_tells_the_members(
    reviewer_client, reviewer, team, mailoutbox, django_capture_on_commit_callbacks
):
    listing = PublishedListingFactory(company=team.company)
    assert BADGE not in public_text(team.company.get_absolute_url())
    assert BADGE not in public_text(listing.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            COMPANIES_ADMIN,
            action_data("verify_companies", [team.company], apply="1", note=NOTE),
            follow=True,
        )

    assert admin_messages(response) == ["Companies verified."]
    company = Company.objects.get(pk=team.company.pk)
    assert company.verified
    assert company.verification_note == NOTE
    assert company.verified_at is not None
    assert BADGE in public_text(company.get_absolute_url())
    assert BADGE in public_text(listing.get_absolute_url())
    assert "Hataraku has verified this company." in public_text(listing.get_absolute_url())
    assert sorted(address for message in mailoutbox for address in message.to) == team.emails
    assert {message.subject for message in mailoutbox} == {
        f"{company.name_en} is verified on Hataraku"
    }


@pytest.mark.parametrize("note", ["", "   "])
def test_verifying_without_a_note_shows_an_error_and_changes_nothing(
    reviewer_client, team, mailoutbox, django_capture_on_commit_callbacks, note
):
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            COMPANIES_ADMIN,
            action_data("verify_companies", [team.company], apply="1", note=note),
        )

    assert response.status_code == 200
    text = page_text(response)
    assert "Verify companies" in text
    assert "This field is required." in text
    company = Company.objects.get(pk=team.company.pk)
    assert not company.verified
    assert company.verification_note == ""
    assert company.verified_at is None
    assert mailoutbox == []
    assert BADGE not in public_text(company.get_absolute_url())


def test_verifying_several_companies_verifies_each(reviewer_client):
    companies = CompanyFactory.create_batch(2)

    reviewer_client.post(
        COMPANIES_ADMIN, action_data("verify_companies", companies, apply="1", note=NOTE)
    )

    assert Company.objects.filter(verified=True, verification_note=NOTE).count() == 2


def test_unverifying_removes_the_badge_with_a_note_and_sends_no_email(
    reviewer_client, verified_team, mailoutbox, django_capture_on_commit_callbacks
):
    company = verified_team.company
    listing = PublishedListingFactory(company=company)
    assert BADGE in public_text(company.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            COMPANIES_ADMIN,
            action_data(
                "unverify_companies",
                [company],
                apply="1",
                note="Corporate number belongs to another firm.",
            ),
            follow=True,
        )

    assert admin_messages(response) == ["Verification removed."]
    company.refresh_from_db()
    assert not company.verified
    assert company.verified_at is None
    assert company.verification_note == "Corporate number belongs to another firm."
    assert BADGE not in public_text(company.get_absolute_url())
    assert BADGE not in public_text(listing.get_absolute_url())
    assert mailoutbox == []


def test_unverifying_without_a_note_changes_nothing(reviewer_client, verified_team):
    response = reviewer_client.post(
        COMPANIES_ADMIN,
        action_data("unverify_companies", [verified_team.company], apply="1", note=""),
    )

    assert "This field is required." in page_text(response)
    verified_team.company.refresh_from_db()
    assert verified_team.company.verified


def test_verification_fields_cannot_be_edited_on_the_company_form(reviewer_client, team):
    page = reviewer_client.get(f"{COMPANIES_ADMIN}{team.company.pk}/change/")

    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="name_en"' in html
    for field in ("verified", "verification_note", "verified_at"):
        assert f'name="{field}"' not in html
