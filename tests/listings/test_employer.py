"""The employer area: company set-up, the listing editor and its actions, and isolation."""

import datetime
import re

import pytest
from django.utils import timezone

from listings.models import Company, CompanyMembership, Listing, Prefecture, ResidenceStatus
from tests.accounts.factories import EmployerFactory
from tests.listings.factories import (
    ListingFactory,
    MembershipFactory,
    PublishedListingFactory,
    RejectedListingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    return MembershipFactory()


@pytest.fixture
def employer_client(client, member):
    client.force_login(member.user)
    return client


def listing_form_data(**overrides):
    data = {
        "title_en": "Welder for ship blocks",
        "description_en": "## Duties\n\n- Weld hull blocks.",
        "title_ja": "",
        "description_ja": "",
        "sector": "",
        "residence_statuses": [ResidenceStatus.objects.get(slug="ssw-1").pk],
        "prefecture": Prefecture.objects.get(code="34").pk,
        "city": "Kure",
        "employment_type": "full_time",
        "salary_min": "240000",
        "salary_max": "300000",
        "salary_period": "monthly",
        "japanese_level": "",
        "experience_years": "1",
        "housing": "provided",
        "openings": "3",
        "eligible_nationalities": ["PH", "VN"],
    }
    from listings.models import JapaneseLevel, Sector

    data["sector"] = Sector.objects.get(slug="shipbuilding").pk
    data["japanese_level"] = JapaneseLevel.objects.get(slug="n4").pk
    data.update(overrides)
    return data


def test_employer_without_company_is_sent_to_set_one_up(client):
    client.force_login(EmployerFactory())
    response = client.get("/en/employer/")
    assert response.status_code == 302
    assert response["Location"] == "/en/employer/company/"


def test_employer_creates_company_and_becomes_owner(client):
    user = EmployerFactory()
    client.force_login(user)
    response = client.post(
        "/en/employer/company/",
        {
            "name_en": "Kure Marine Works",
            "name_ja": "呉マリン工業株式会社",
            "corporate_number": "7000-0120-50002",
            "prefecture": Prefecture.objects.get(code="34").pk,
            "website": "kure-marine.example",
        },
    )
    assert response.status_code == 302
    company = Company.objects.get()
    assert company.corporate_number == "7000012050002"
    assert company.website == "https://kure-marine.example"
    assert company.slug == "kure-marine-works"
    assert CompanyMembership.objects.get(user=user).role == "owner"


def test_bad_corporate_number_keeps_what_was_typed(client):
    client.force_login(EmployerFactory())
    response = client.post(
        "/en/employer/company/",
        {
            "name_en": "Kure Marine Works",
            "corporate_number": "1234567890123",
            "prefecture": Prefecture.objects.get(code="34").pk,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "check digit is wrong" in html
    assert 'value="Kure Marine Works"' in html
    assert not Company.objects.exists()


def test_seekers_and_anonymous_cannot_use_the_employer_area(client, seeker):
    assert client.get("/en/employer/")["Location"].startswith("/en/accounts/login/")
    client.force_login(seeker)
    assert client.get("/en/employer/").status_code == 403
    assert client.get("/en/employer/company/").status_code == 403


def test_create_listing_saves_a_draft_and_shows_the_preview(employer_client, member):
    response = employer_client.post("/en/employer/listings/new/", listing_form_data())
    listing = Listing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/employer/listings/{listing.pk}/preview/"
    assert listing.status == Listing.Status.DRAFT
    assert listing.company == member.company
    assert listing.created_by == member.user
    assert list(listing.eligible_nationalities) == ["PH", "VN"]
    preview = employer_client.get(response["Location"])
    assert "Welder for ship blocks" in preview.content.decode()
    assert "Submit for review" in preview.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"salary_min": "300000", "salary_max": "200000"}, "must be at least the minimum"),
        ({"salary_min": "0"}, "Enter an amount between 1 and"),
        ({"salary_max": "999999999"}, "Enter an amount between 1 and"),
        ({"salary_min": "lots"}, "Enter a whole number"),
        ({"title_en": "", "description_en": ""}, "in English, in Japanese, or in both"),
        ({"description_en": ""}, "both a title and a description"),
        ({"residence_statuses": []}, "Choose at least one residence status"),
        ({"deadline": "2001-01-01"}, "The deadline cannot be in the past."),
        (
            {"deadline": (timezone.localdate() + datetime.timedelta(days=200)).isoformat()},
            "at most 120 days after publication",
        ),
        ({"start_date": "2001-01-01"}, "cannot be in the past"),
        ({"openings": "0"}, "greater than or equal to 1"),
        ({"title_en": "x" * 121}, "at most 120 characters"),
        ({"eligible_nationalities": ["ZZ"]}, "Select a valid choice"),
    ],
)
def test_listing_form_errors_keep_the_input(employer_client, overrides, message):
    data = listing_form_data(**overrides)
    response = employer_client.post("/en/employer/listings/new/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Kure"' in html
    assert not Listing.objects.exists()


def test_submit_close_and_duplicate(employer_client, member):
    draft = ListingFactory(company=member.company)
    response = employer_client.post(f"/en/employer/listings/{draft.pk}/submit/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Listing.Status.PENDING

    published = PublishedListingFactory(company=member.company)
    employer_client.post(f"/en/employer/listings/{published.pk}/close/")
    published.refresh_from_db()
    assert published.status == Listing.Status.CLOSED

    response = employer_client.post(f"/en/employer/listings/{published.pk}/duplicate/")
    copy = Listing.objects.latest("id")
    assert copy.status == Listing.Status.DRAFT
    assert response["Location"] == f"/en/employer/listings/{copy.pk}/edit/"


def test_refused_transition_shows_a_message_and_changes_nothing(employer_client, member):
    published = PublishedListingFactory(company=member.company)
    response = employer_client.post(f"/en/employer/listings/{published.pk}/submit/", follow=True)
    assert "cannot be done to a listing that is published" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Listing.Status.PUBLISHED


def test_editing_a_rejected_listing_returns_it_to_draft(employer_client, member):
    rejected = RejectedListingFactory(company=member.company, city="Kure")
    page = employer_client.get(f"/en/employer/listings/{rejected.pk}/edit/")
    assert "Salary below the minimum wage." in page.content.decode()
    employer_client.post(f"/en/employer/listings/{rejected.pk}/edit/", listing_form_data())
    rejected.refresh_from_db()
    assert rejected.status == Listing.Status.DRAFT
    assert rejected.title_en == "Welder for ship blocks"


def test_actions_need_post(employer_client, member):
    draft = ListingFactory(company=member.company)
    for action in ("submit", "close", "duplicate"):
        url = f"/en/employer/listings/{draft.pk}/{action}/"
        assert employer_client.get(url).status_code == 405


def test_another_companys_listings_are_404_everywhere(employer_client):
    other = ListingFactory()  # belongs to another company
    for path in ("edit", "preview"):
        assert employer_client.get(f"/en/employer/listings/{other.pk}/{path}/").status_code == 404
    for action in ("submit", "close", "duplicate"):
        url = f"/en/employer/listings/{other.pk}/{action}/"
        assert employer_client.post(url).status_code == 404
    assert (
        employer_client.post(
            f"/en/employer/listings/{other.pk}/edit/", listing_form_data()
        ).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.status == Listing.Status.DRAFT
    # Nor can they see the unpublished listing on the public page.
    assert employer_client.get(f"/en/jobs/{other.pk}/{other.slug}/").status_code == 404


def test_dashboard_lists_only_own_listings(employer_client, member, django_assert_max_num_queries):
    ListingFactory.create_batch(3, company=member.company, title_en="Our job")
    ListingFactory(title_en="Their job")
    with django_assert_max_num_queries(8):
        html = employer_client.get("/en/employer/").content.decode()
    assert html.count("Our job") == 3
    assert "Their job" not in html


def test_owner_invites_a_colleague_who_joins(
    client, member, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/employer/company/invite/", {"email": "aiko@example.com"})
    assert len(mailoutbox) == 1
    invitation = member.company.invitations.get()
    assert f"/en/employer/invitations/{invitation.token}/" in mailoutbox[0].body

    colleague = EmployerFactory(email="aiko@example.com")
    client.force_login(colleague)
    response = client.post(f"/en/employer/invitations/{invitation.token}/")
    assert response.status_code == 302
    assert CompanyMembership.objects.get(user=colleague).company == member.company


def test_invitation_for_someone_else_is_refused(client, member):
    invitation = member.company.invitations.create(email="aiko@example.com", token="t" * 40)
    client.force_login(EmployerFactory(email="mallory@example.com"))
    response = client.post(f"/en/employer/invitations/{invitation.token}/", follow=True)
    assert "not valid for your account" in response.content.decode()
    assert not CompanyMembership.objects.filter(user__email="mallory@example.com").exists()


def test_member_chooses_a_daily_summary_of_applicants(employer_client, member):
    response = employer_client.post("/en/employer/notifications/", {"applicant_emails": "daily"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.applicant_emails == "daily"
    html = employer_client.get("/en/employer/").content.decode()
    assert 'value="daily" checked' in html


def test_unknown_applicant_email_choice_is_refused(employer_client, member):
    response = employer_client.post(
        "/en/employer/notifications/", {"applicant_emails": "hourly"}, follow=True
    )
    assert "Choose how you want to hear about new applicants." in response.content.decode()
    member.refresh_from_db()
    assert member.applicant_emails == "instant"


def test_listing_form_inputs_ask_for_at_least_one(employer_client):
    html = employer_client.get("/en/employer/listings/new/").content.decode()
    for name in ("salary_min", "salary_max", "openings"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'min="1"' in tag, tag
