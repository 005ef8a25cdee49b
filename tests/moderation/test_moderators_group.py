"""The Moderators group: enough to moderate, nothing about users, passwords, CVs or email."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from listings.models import AbuseReport, Listing
from tests.accounts.factories import SeekerFactory, StaffFactory
from tests.applicants.factories import PDF_BYTES, ApplicationFactory, CVFactory
from tests.listings.factories import PendingListingFactory, PublishedListingFactory
from tests.moderation.pages import LISTINGS_ADMIN, QUEUE, action_data, listed

pytestmark = pytest.mark.django_db


def test_moderators_group_has_exactly_the_moderation_permissions():
    group = Group.objects.get(name="Moderators")

    granted = {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
    }

    assert granted == {
        "listings.view_listingforreview",
        "listings.change_listingforreview",
        "listings.view_listing",
        "listings.change_listing",
        "listings.view_listingflag",
        "listings.view_abusereport",
        "listings.change_abusereport",
        "listings.view_company",
        "listings.change_company",
        "listings.view_feekeyword",
        "listings.add_feekeyword",
        "listings.change_feekeyword",
        "auditlog.view_logentry",
        "guides.view_guide",
        "guides.change_guide",
        "guides.view_guidetranslation",
        "guides.add_guidetranslation",
        "guides.change_guidetranslation",
    }


@pytest.fixture
def everything(db):
    """One of each thing a moderator may or may not look at."""
    listing = PublishedListingFactory()
    application = ApplicationFactory(listing=listing)
    return {
        "listing": listing,
        "company": listing.company,
        "report": AbuseReport.objects.create(
            listing=listing, reporter=SeekerFactory(), reason="fake"
        ),
        "application": application,
        "cv": application.cv,
    }


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        QUEUE,
        LISTINGS_ADMIN,
        "/admin/listings/listing/{listing.pk}/change/",
        "/admin/listings/company/",
        "/admin/listings/company/{company.pk}/change/",
        "/admin/listings/abusereport/",
        "/admin/listings/abusereport/{report.pk}/change/",
        "/admin/listings/listingflag/",
        "/admin/listings/feekeyword/",
        "/admin/listings/feekeyword/add/",
        "/admin/auditlog/logentry/",
    ],
)
def test_moderator_can_open_the_moderation_pages(moderator_client, everything, url):
    assert moderator_client.get(url.format(**everything)).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/accounts/user/",
        "/admin/accounts/user/{user.pk}/change/",
        "/admin/accounts/user/{user.pk}/password/",
        "/admin/accounts/user/add/",
        "/admin/auth/group/",
        "/admin/auth/group/{group.pk}/change/",
        "/admin/notifications/notification/",
        "/admin/applicants/cv/",
        "/admin/applicants/cv/{cv.pk}/change/",
        "/admin/applicants/application/",
        "/admin/applicants/seekerprofile/",
        "/admin/listings/listing/add/",
        "/admin/listings/listing/{listing.pk}/delete/",
        "/admin/listings/company/{company.pk}/delete/",
        "/admin/listings/prefecture/",
    ],
)
def test_moderator_is_refused_users_groups_cvs_email_and_deletions(
    moderator_client, moderator, everything, url
):
    values = {**everything, "user": moderator, "group": Group.objects.get(name="Moderators")}

    assert moderator_client.get(url.format(**values)).status_code == 403


def test_moderator_cannot_change_their_own_password_or_groups_through_the_admin(
    moderator_client, moderator
):
    url = f"/admin/accounts/user/{moderator.pk}/password/"
    response = moderator_client.post(
        url, {"password1": "new-secret-987654", "password2": "new-secret-987654"}
    )
    group_response = moderator_client.post(
        "/admin/auth/group/add/",
        {
            "name": "Everything",
            "permissions": list(Permission.objects.values_list("pk", flat=True)),
        },
    )

    assert response.status_code == 403
    assert group_response.status_code == 403
    assert not Group.objects.filter(name="Everything").exists()
    moderator.refresh_from_db()
    assert moderator.check_password("correct-horse-battery-42")


def test_admin_home_shows_a_moderator_only_what_they_may_open(moderator_client):
    html = moderator_client.get("/admin/").content.decode()

    assert QUEUE in html
    assert "/admin/auditlog/logentry/" in html
    for hidden in (
        "/admin/accounts/user/",
        "/admin/auth/group/",
        "/admin/applicants/cv/",
        "/admin/notifications/notification/",
    ):
        assert hidden not in html


def test_moderator_can_approve_from_the_queue(moderator_client):
    listing = PendingListingFactory(title_en="Cook in Kobe")

    moderator_client.post(f"{QUEUE}{listing.pk}/approve/")

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listed(moderator_client.get(QUEUE)) == []


def test_moderator_cannot_download_the_cv_of_a_seeker_they_have_nothing_to_do_with(
    moderator_client,
):
    cv = CVFactory()

    assert moderator_client.get(f"/en/cvs/{cv.uuid}/download/").status_code == 404


def test_moderator_cannot_download_cvs_sent_with_applications_either(moderator_client, everything):
    assert moderator_client.get(f"/en/cvs/{everything['cv'].uuid}/download/").status_code == 404


def test_superuser_can_download_a_cv(superuser_client):
    cv = CVFactory(original_name="maria-santos.pdf")

    response = superuser_client.get(f"/en/cvs/{cv.uuid}/download/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert 'filename="maria-santos.pdf"' in response["Content-Disposition"]


def test_staff_given_the_cv_permission_can_download_a_cv(client):
    reader = StaffFactory(is_superuser=False)
    reader.user_permissions.add(Permission.objects.get(codename="view_cv"))
    client.force_login(reader)
    cv = CVFactory()

    assert client.get(f"/en/cvs/{cv.uuid}/download/").status_code == 200


@pytest.mark.parametrize(
    ("action", "extra"),
    [("approve_listings", {}), ("reject_listings", {"apply": "1", "reason": "missing"})],
)
def test_staff_who_may_only_view_listings_cannot_decide_on_them(client, action, extra):
    viewer = StaffFactory(is_superuser=False)
    viewer.user_permissions.add(
        Permission.objects.get(codename="view_listing", content_type__app_label="listings")
    )
    client.force_login(viewer)
    listing = PendingListingFactory()

    client.post(LISTINGS_ADMIN, action_data(action, [listing], **extra))

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING


def test_staff_who_may_only_view_the_queue_cannot_decide_on_listings(client):
    viewer = StaffFactory(is_superuser=False)
    viewer.user_permissions.add(Permission.objects.get(codename="view_listingforreview"))
    client.force_login(viewer)
    listing = PendingListingFactory()

    assert client.post(f"{QUEUE}{listing.pk}/approve/").status_code == 403
    client.post(QUEUE, action_data("approve_listings", [listing]))

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING


def test_people_outside_staff_are_sent_to_the_admin_login(seeker, employer):
    for user in (seeker, employer):
        client = Client()
        client.force_login(user)
        response = client.get(QUEUE)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_a_moderator_can_edit_a_guide_but_not_delete_it(moderator_client):
    from django.urls import reverse

    from guides.models import Guide

    client = moderator_client
    guide = Guide.objects.get(kind="process")

    assert client.get(reverse("admin:guides_guide_change", args=[guide.pk])).status_code == 200
    assert client.get(reverse("admin:guides_guide_delete", args=[guide.pk])).status_code == 403
