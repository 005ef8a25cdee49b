"""An owner deletes their company: refused with open listings; seekers keep their records."""

import re
from html import unescape

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from applicants import services as applicant_services
from applicants.models import Application, ApplicationEvent, SavedJob
from listings import services
from listings.models import Company, CompanyInvitation, CompanyMembership, Listing
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.applicants.factories import ApplicationFactory
from tests.listings.factories import (
    ClosedListingFactory,
    CompanyFactory,
    ExpiredListingFactory,
    ListingFactory,
    MembershipFactory,
    PendingListingFactory,
    PublishedListingFactory,
    RejectedListingFactory,
)

pytestmark = pytest.mark.django_db

URL = "/en/employer/company/delete/"


def text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def owner(db):
    return MembershipFactory(
        role=CompanyMembership.Role.OWNER,
        company=CompanyFactory(
            name_en="Sakura Care",
            slug="sakura-care",
            name_ja="さくら介護株式会社",
            corporate_number="",
            address="1-2-3 Shibaura",
            website="https://sakura.example",
        ),
    )


@pytest.fixture
def company(owner):
    return owner.company


@pytest.fixture
def colleague(company):
    return MembershipFactory(company=company, role=CompanyMembership.Role.MEMBER)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner.user)
    return client


@pytest.fixture
def past(company, owner):
    """A closed listing with an application (moved, messaged, noted), and listings nobody
    applied to: a draft, a rejected one, an expired one."""
    closed = ClosedListingFactory(company=company, title_en="Night care worker")
    application = ApplicationFactory(listing=closed)
    applicant_services.application_move(
        application=application,
        by=owner.user,
        to_status="interview",
        message="Please come on Monday.",
        internal_note="Seemed tired on the phone.",
    )
    applicant_services.application_add_note(
        application=application, by=owner.user, note="Call back later."
    )
    SavedJob.objects.create(user=application.seeker, listing=closed)
    return {
        "closed": closed,
        "application": application,
        "draft": ListingFactory(company=company),
        "rejected": RejectedListingFactory(company=company),
        "expired": ExpiredListingFactory(company=company),
    }


def delete(client, name="Sakura Care"):
    return client.post(URL, {"confirm_name": name})


# ---- who may ----


def test_owner_sees_the_confirmation_page_with_the_name_to_type(
    owner_client, company, past, django_assert_max_num_queries
):
    owner_client.get(URL)
    with django_assert_max_num_queries(8):
        response = owner_client.get(URL)

    assert response.status_code == 200
    page = text(response)
    assert "Type Sakura Care exactly as shown." in page
    assert "Delete the company" in page


def test_dashboard_links_owners_to_the_deletion_page_only(client, owner, colleague):
    client.force_login(owner.user)
    assert 'href="/en/employer/company/delete/"' in client.get("/en/employer/").content.decode()
    client.force_login(colleague.user)
    assert (
        'href="/en/employer/company/delete/"' not in client.get("/en/employer/").content.decode()
    )


def test_a_member_who_is_not_owner_cannot_delete(client, colleague, company):
    client.force_login(colleague.user)

    assert client.get(URL).status_code == 403
    assert delete(client).status_code == 403
    assert not Company.objects.get(pk=company.pk).is_deleted


def test_another_companys_owner_only_reaches_their_own_company(client, company):
    other = MembershipFactory(company=CompanyFactory(name_en="Other Works"))
    client.force_login(other.user)

    response = delete(client, "Sakura Care")

    assert "That is not the company name" in text(response)
    assert not Company.objects.get(pk=company.pk).is_deleted
    assert not Company.objects.get(pk=other.company.pk).is_deleted


@pytest.mark.parametrize("who", ["seeker", "anonymous", "employer-without-company"])
def test_people_without_a_company_cannot_delete_one(client, company, who):
    if who == "seeker":
        client.force_login(SeekerFactory())
    elif who == "employer-without-company":
        client.force_login(EmployerFactory())

    response = delete(client)

    expected = {"seeker": 403, "anonymous": 302, "employer-without-company": 302}[who]
    assert response.status_code == expected
    if who == "employer-without-company":
        assert response["Location"] == "/en/employer/company/"
    assert not Company.objects.get(pk=company.pk).is_deleted


# ---- refusals ----


@pytest.mark.parametrize("factory", [PublishedListingFactory, PendingListingFactory])
def test_deletion_is_refused_while_a_listing_is_open(owner_client, company, factory):
    listing = factory(company=company, title_en="Still open")

    page = owner_client.get(URL)
    response = delete(owner_client)

    assert "These listings are still open" in text(page)
    assert "Still open" in text(page)
    assert response.status_code == 200
    assert "still open" in text(response)
    assert not Company.objects.get(pk=company.pk).is_deleted
    assert Listing.objects.filter(pk=listing.pk).exists()


def test_service_refuses_with_open_listings_and_says_how_many(company, owner):
    PublishedListingFactory.create_batch(2, company=company)

    with pytest.raises(ValidationError) as error:
        services.company_delete(company=company, by=owner.user, confirm_name="Sakura Care")

    assert "2 open listings" in error.value.messages[0]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type the company name to confirm."),
        ("sakura care", "That is not the company name. Type it exactly as shown."),
        ("Sakura", "That is not the company name. Type it exactly as shown."),
        ("x" * 151, "Ensure this value has at most 150 characters"),
    ],
)
def test_deletion_needs_the_exact_company_name(owner_client, company, typed, message):
    response = delete(owner_client, typed)

    assert response.status_code == 200
    assert message in text(response)
    assert not Company.objects.get(pk=company.pk).is_deleted


def test_service_refuses_a_member_who_is_not_owner(company, colleague):
    with pytest.raises(PermissionDenied):
        services.company_delete(company=company, by=colleague.user, confirm_name="Sakura Care")


# ---- deleting ----


def test_japanese_name_confirms_too(owner_client, company):
    response = delete(owner_client, " さくら介護株式会社 ")

    assert response.status_code == 302
    assert Company.objects.get(pk=company.pk).is_deleted


def test_deletion_removes_members_invitations_and_listings_nobody_applied_to(
    owner_client, company, owner, colleague, past
):
    services.company_invite(company=company, email="new@example.com", by=owner.user)

    response = delete(owner_client)

    assert response.status_code == 302
    assert response["Location"] == "/en/employer/company/"
    assert not CompanyMembership.objects.filter(company=company).exists()
    assert not CompanyInvitation.objects.filter(company=company).exists()
    assert list(Listing.objects.filter(company=company)) == [past["closed"]]
    assert Application.objects.filter(pk=past["application"].pk).exists()


def test_deleted_company_keeps_only_its_name_and_frees_its_slug_and_number(owner_client, company):
    Company.objects.filter(pk=company.pk).update(corporate_number="7000012050002")
    old_slug = company.slug

    delete(owner_client)

    company.refresh_from_db()
    assert company.deleted_at is not None
    assert (company.name_en, company.name_ja) == ("Sakura Care", "さくら介護株式会社")
    assert company.slug != old_slug
    assert (company.address, company.website, company.corporate_number) == ("", "", "")
    assert not company.verified


def test_members_lose_the_employer_area_and_can_set_up_a_new_company(
    client, owner_client, owner, colleague, company
):
    Company.objects.filter(pk=company.pk).update(corporate_number="7000012050002")

    delete(owner_client)

    for user in (owner.user, colleague.user):
        client.force_login(user)
        response = client.get("/en/employer/")
        assert response.status_code == 302
        assert response["Location"] == "/en/employer/company/"
    client.force_login(owner.user)
    response = client.post(
        "/en/employer/company/",
        {
            "name_en": "Sakura Care",
            "prefecture": company.prefecture_id,
            "corporate_number": "7000012050002",
        },
    )
    assert response.status_code == 302
    new = CompanyMembership.objects.get(user=owner.user).company
    assert new.pk != company.pk
    # The deleted company no longer holds the slug or the corporate number.
    assert (new.slug, new.corporate_number) == ("sakura-care", "7000012050002")


def test_deleted_company_and_its_kept_listings_are_hidden_from_the_public(
    client, owner_client, company, past
):
    slug = company.slug
    closed = past["closed"]
    assert client.get(closed.get_absolute_url()).status_code == 200

    delete(owner_client)

    assert client.get(f"/en/companies/{slug}/").status_code == 404
    company.refresh_from_db()
    assert client.get(f"/en/companies/{company.slug}/").status_code == 404
    assert client.get(closed.get_absolute_url()).status_code == 404
    assert client.get(f"/en/jobs/{closed.pk}/").status_code == 404
    client.force_login(past["application"].seeker)
    assert client.get(f"/en/jobs/{closed.pk}/report/").status_code == 404
    assert client.post(f"/en/jobs/{closed.pk}/save/").status_code == 404


def test_seekers_keep_their_applications_with_title_and_company_name(client, owner_client, past):
    application = past["application"]

    delete(owner_client)
    client.force_login(application.seeker)
    response = client.get("/en/me/applications/")

    assert response.status_code == 200
    page = text(response)
    assert "Night care worker" in page
    assert "Sakura Care" in page
    assert "This employer has closed its account on Hataraku" in page
    assert "Please come on Monday." in page
    assert past["closed"].get_absolute_url() not in response.content.decode()
    assert not SavedJob.objects.filter(listing=past["closed"]).exists()


def test_the_companys_private_notes_on_applications_go(owner_client, past):
    events = ApplicationEvent.objects.filter(application=past["application"])
    assert events.exclude(internal_note="").count() == 2

    delete(owner_client)

    assert not events.exclude(internal_note="").exists()
    assert list(events.values_list("to_status", "message")) == [
        ("submitted", ""),
        ("interview", "Please come on Monday."),
    ]


def test_deleting_twice_is_refused(company, owner):
    services.company_delete(company=company, by=owner.user, confirm_name="Sakura Care")

    with pytest.raises(ValidationError, match="already deleted"):
        services.company_delete(company=company, by=owner.user, confirm_name="Sakura Care")
