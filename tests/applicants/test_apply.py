"""Applying to a listing: who may, with which CV, what is stored, and applying only once."""

import re
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from applicants import services
from applicants.models import CV, Application, ApplicationEvent, SeekerProfile
from listings.models import JapaneseLevel, ResidenceStatus, Sector
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.applicants.conftest import page_text
from tests.applicants.factories import CVFactory, SeekerProfileFactory, pdf_upload
from tests.listings.factories import (
    ClosedListingFactory,
    ExpiredListingFactory,
    ListingFactory,
    PendingListingFactory,
    PublishedListingFactory,
)

pytestmark = pytest.mark.django_db


def apply_url(listing) -> str:
    return f"/en/jobs/{listing.pk}/apply/"


def checked_cv(response) -> int | None:
    """The pk of the CV radio button that is pre-selected on the apply form."""
    match = re.search(
        r'<input type="radio" name="cv" value="(\d+)"[^>]*\bchecked\b', response.content.decode()
    )
    return int(match.group(1)) if match else None


@pytest.fixture
def listing(db):
    return PublishedListingFactory()


@pytest.fixture
def cv(profile):
    return CVFactory(owner=profile.user)


@pytest.fixture
def seeker(profile):
    return profile.user


# ---- who may apply ----


def test_applying_requires_login(client, listing):
    response = client.get(apply_url(listing))

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={apply_url(listing)}"


def test_employers_cannot_apply(client, listing):
    client.force_login(EmployerFactory())

    assert client.get(apply_url(listing)).status_code == 403
    assert client.post(apply_url(listing), {"consent": "on"}).status_code == 403


def test_unverified_email_is_refused_with_a_message(client, listing):
    user = SeekerFactory(verified_email=False)
    SeekerProfileFactory(user=user)
    cv = CVFactory(owner=user)
    client.force_login(user)

    response = client.post(apply_url(listing), {"cv": cv.pk, "consent": "on"})

    assert response.status_code == 200
    assert "Verify your email address before applying." in page_text(response)
    assert not Application.objects.exists()


def test_incomplete_profile_is_refused_with_the_missing_fields(client, listing):
    user = SeekerFactory()
    SeekerProfileFactory(user=user, nationality="", japanese_level=None)
    cv = CVFactory(owner=user)
    client.force_login(user)

    page = page_text(client.get(apply_url(listing)))
    response = client.post(apply_url(listing), {"cv": cv.pk, "consent": "on"})

    assert "Complete your profile before applying: nationality, Japanese level." in page
    assert response.status_code == 200
    assert "Complete your profile before applying: nationality, Japanese level." in page_text(
        response
    )
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "factory",
    [ClosedListingFactory, ExpiredListingFactory],
    ids=["closed", "expired"],
)
def test_closed_and_expired_listings_refuse_applications(seeker_client, cv, factory):
    listing = factory()

    response = seeker_client.post(apply_url(listing), {"cv": cv.pk, "consent": "on"}, follow=True)

    assert response.redirect_chain[0] == (listing.get_absolute_url(), 302)
    assert "This job is no longer accepting applications." in page_text(response)
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "factory", [ListingFactory, PendingListingFactory], ids=["draft", "pending"]
)
def test_unpublished_listings_refuse_applications(seeker_client, cv, factory):
    listing = factory()

    response = seeker_client.post(apply_url(listing), {"cv": cv.pk, "consent": "on"})

    assert response.status_code == 302
    assert response["Location"] == listing.get_absolute_url()
    assert not Application.objects.exists()


def test_published_listing_past_its_expiry_time_refuses_applications(seeker, cv):
    listing = PublishedListingFactory()
    listing.expires_at = listing.published_at
    listing.save(update_fields=["expires_at"])

    with pytest.raises(ValidationError) as error:
        services.application_submit(listing=listing, seeker=seeker, cv=cv)

    assert error.value.code == "not_accepting"
    assert not Application.objects.exists()


def test_unknown_listing_gets_404(seeker_client):
    assert seeker_client.get("/en/jobs/999999/apply/").status_code == 404


# ---- applying ----


def test_apply_page_preselects_the_default_cv(seeker_client, listing, seeker):
    default = CVFactory(owner=seeker)
    CVFactory(owner=seeker)

    response = seeker_client.get(apply_url(listing))

    assert response.status_code == 200
    assert checked_cv(response) == default.pk


def test_seeker_applies_with_an_existing_cv(seeker_client, listing, seeker, cv):
    response = seeker_client.post(
        apply_url(listing),
        {"cv": cv.pk, "cover_letter": "  I can start in April.  ", "consent": "on"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/me/applications/"
    application = Application.objects.get()
    assert (application.listing, application.seeker, application.cv) == (listing, seeker, cv)
    assert application.status == Application.Status.SUBMITTED
    assert application.cover_letter == "I can start in April."
    event = ApplicationEvent.objects.get(application=application)
    assert (event.actor, event.from_status, event.to_status) == (seeker, "", "submitted")
    assert "Application sent. Good luck!" in page_text(seeker_client.get("/en/me/applications/"))


def test_seeker_applies_uploading_a_new_cv_on_the_spot(seeker_client, listing, seeker):
    response = seeker_client.post(
        apply_url(listing),
        {"new_cv": pdf_upload("care.pdf"), "new_cv_label": "Care CV", "consent": "on"},
    )

    assert response.status_code == 302
    cv = CV.objects.get(owner=seeker)
    assert cv.label == "Care CV"
    assert cv.is_default
    assert Application.objects.get().cv == cv


def test_a_new_cv_uploaded_with_the_form_wins_over_the_selected_one(
    seeker_client, listing, seeker, cv
):
    seeker_client.post(
        apply_url(listing),
        {"cv": cv.pk, "new_cv": pdf_upload("new.pdf"), "new_cv_label": "New", "consent": "on"},
    )

    assert Application.objects.get().cv.label == "New"


def test_refused_upload_on_the_apply_form_shows_why_and_applies_nothing(
    seeker_client, listing, seeker
):
    fake = pdf_upload("cv.pdf", content=b"<html>not a pdf</html>")

    response = seeker_client.post(apply_url(listing), {"new_cv": fake, "consent": "on"})

    assert response.status_code == 200
    assert "Upload a PDF or a Word (.docx) file." in page_text(response)
    assert not CV.objects.exists()
    assert not Application.objects.exists()


def test_too_long_cover_letter_keeps_the_cv_uploaded_on_the_spot(seeker_client, listing, seeker):
    response = seeker_client.post(
        apply_url(listing),
        {
            "new_cv": pdf_upload("care.pdf"),
            "new_cv_label": "Care CV",
            "cover_letter": "x" * 5001,
            "consent": "on",
        },
    )

    assert response.status_code == 200
    assert "Ensure this value has at most 5000 characters (it has 5001)." in page_text(response)
    assert not Application.objects.exists()
    kept = CV.objects.get(owner=seeker)
    assert kept.label == "Care CV"
    assert checked_cv(response) == kept.pk
    assert "Care CV" in page_text(seeker_client.get("/en/me/cvs/"))

    # The seeker fixes the letter and sends again without uploading anything.
    response = seeker_client.post(
        apply_url(listing), {"cv": kept.pk, "cover_letter": "Short now.", "consent": "on"}
    )

    assert response.status_code == 302
    assert CV.objects.filter(owner=seeker).count() == 1
    assert Application.objects.get().cv == kept


def test_cover_letter_over_5000_characters_is_refused_by_the_service(seeker, listing, cv):
    with pytest.raises(ValidationError):
        services.application_submit(listing=listing, seeker=seeker, cv=cv, cover_letter="x" * 5001)

    assert not Application.objects.exists()


def test_consent_is_required(seeker_client, listing, cv):
    response = seeker_client.post(apply_url(listing), {"cv": cv.pk})

    assert response.status_code == 200
    assert "Tick the box to share your profile with the employer." in page_text(response)
    assert not Application.objects.exists()


def test_a_cv_is_required(seeker_client, listing, cv):
    response = seeker_client.post(apply_url(listing), {"cv": "", "consent": "on"})

    assert response.status_code == 200
    assert "Choose a CV or upload one." in page_text(response)
    assert not Application.objects.exists()


def test_seeker_without_cvs_is_told_to_upload_one(seeker_client, listing):
    response = seeker_client.post(apply_url(listing), {"consent": "on"})

    assert response.status_code == 200
    assert "Choose a CV or upload one." in page_text(response)
    assert not Application.objects.exists()


def test_another_seekers_cv_cannot_be_used(seeker_client, listing, cv):
    someone_else = CVFactory()

    response = seeker_client.post(apply_url(listing), {"cv": someone_else.pk, "consent": "on"})

    assert response.status_code == 200
    assert "Select a valid choice." in page_text(response)
    assert not Application.objects.exists()


def test_service_refuses_another_seekers_cv(seeker, listing):
    with pytest.raises(ValidationError) as error:
        services.application_submit(listing=listing, seeker=seeker, cv=CVFactory())

    assert error.value.code == "cv"
    assert not Application.objects.exists()


def test_service_refuses_a_deleted_cv(seeker, listing, cv):
    cv.deleted_at = cv.created_at
    cv.save()

    with pytest.raises(ValidationError):
        services.application_submit(listing=listing, seeker=seeker, cv=cv)


def test_service_refuses_employers(listing, cv):
    with pytest.raises(PermissionDenied):
        services.application_submit(listing=listing, seeker=EmployerFactory(), cv=cv)


def test_second_submission_returns_the_existing_application(seeker_client, listing, cv):
    data = {"cv": cv.pk, "consent": "on"}
    seeker_client.post(apply_url(listing), data)

    response = seeker_client.post(apply_url(listing), data)

    assert response.status_code == 302
    assert response["Location"] == "/en/me/applications/"
    assert Application.objects.count() == 1
    assert ApplicationEvent.objects.count() == 1
    assert "You have already applied to this job." in page_text(
        seeker_client.get("/en/me/applications/")
    )


def test_service_returns_the_existing_application_on_a_second_submission(seeker, listing, cv):
    first, created = services.application_submit(listing=listing, seeker=seeker, cv=cv)
    again, created_again = services.application_submit(listing=listing, seeker=seeker, cv=cv)

    assert (created, created_again) == (True, False)
    assert again == first
    assert Application.objects.count() == 1


def test_withdrawn_application_cannot_be_sent_again(seeker_client, listing, seeker, cv):
    application, _created = services.application_submit(listing=listing, seeker=seeker, cv=cv)
    services.application_withdraw(application=application, by=seeker)

    response = seeker_client.get(apply_url(listing))

    assert response.status_code == 302
    assert response["Location"] == "/en/me/applications/"
    assert Application.objects.get().status == Application.Status.WITHDRAWN


def test_profile_snapshot_is_stored_and_not_changed_by_later_edits(
    seeker_client, listing, seeker, cv
):
    profile = seeker.seeker_profile
    profile.phone = "+63 917 000 0000"
    profile.in_japan = True
    profile.current_status = ResidenceStatus.objects.get(slug="ssw-1")
    profile.save()
    profile.skills_tests.set([Sector.objects.get(slug="nursing-care")])
    profile.experience.create(sector=Sector.objects.get(slug="nursing-care"), years=4)
    seeker_client.post(apply_url(listing), {"cv": cv.pk, "consent": "on"})
    expected = {
        "full_name": profile.full_name,
        "email": seeker.email,
        "phone": "+63 917 000 0000",
        "nationality": "PH",
        "nationality_name": "Philippines",
        "country_of_residence": "PH",
        "country_of_residence_name": "Philippines",
        "in_japan": True,
        "current_status": "Specified Skilled Worker (i)",
        "japanese_level": "JLPT N4",
        "japanese_level_year": None,
        "skills_tests": ["Nursing care"],
        "experience": [{"sector": "Nursing care", "years": 4}],
        "education": "",
        "other_languages": "",
        "summary": "",
    }
    assert Application.objects.get().profile_snapshot == expected

    seeker_client.post(
        "/en/me/profile/",
        {
            "full_name": "A New Name",
            "nationality": "VN",
            "country_of_residence": "VN",
            "japanese_level": JapaneseLevel.objects.get(slug="n2").pk,
        },
    )

    assert SeekerProfile.objects.get(user=seeker).full_name == "A New Name"
    assert Application.objects.get().profile_snapshot == expected


# ---- two requests at once ----


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent writers")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_create_one_application(monkeypatch):
    profile = SeekerProfileFactory()
    seeker = profile.user
    cv = CVFactory(owner=seeker)
    listing = PublishedListingFactory()
    both_checked = threading.Barrier(2, timeout=10)
    require_can_apply = services._require_can_apply

    def require_then_wait(listing, seeker):
        # Both requests have found no application yet; now they race to insert one.
        profile = require_can_apply(listing, seeker)
        both_checked.wait()
        return profile

    monkeypatch.setattr(services, "_require_can_apply", require_then_wait)
    results, errors = [], []

    def submit():
        try:
            results.append(services.application_submit(listing=listing, seeker=seeker, cv=cv))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert Application.objects.filter(listing=listing, seeker=seeker).count() == 1
    application = Application.objects.get(listing=listing, seeker=seeker)
    assert sorted(created for _app, created in results) == [False, True]
    assert [app.pk for app, _created in results] == [application.pk, application.pk]
    assert ApplicationEvent.objects.filter(application=application).count() == 1
