"""The seeker's CVs: uploading, the default, deleting, and who may download which CV."""

import os
import uuid

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from applicants import services
from applicants.models import CV
from tests.accounts.factories import EmployerFactory, SeekerFactory
from tests.applicants.conftest import page_text, stored_cv_files
from tests.applicants.factories import (
    PDF_BYTES,
    ApplicationFactory,
    CVFactory,
    docx_bytes,
    docx_upload,
    pdf_upload,
)
from tests.listings.factories import MembershipFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db

URL = "/en/me/cvs/"


def download_url(cv) -> str:
    return f"/en/cvs/{cv.uuid}/download/"


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def seeker(client):
    user = SeekerFactory()
    client.force_login(user)
    return user


# ---- uploading ----


def test_seeker_uploads_a_pdf_and_it_becomes_the_default(client, seeker):
    response = client.post(URL, {"label": "English CV", "file": pdf_upload("Ana Reyes CV.pdf")})

    assert response.status_code == 302
    assert response["Location"] == URL
    cv = CV.objects.get(owner=seeker)
    assert cv.is_default
    assert (cv.label, cv.original_name, cv.extension) == ("English CV", "Ana Reyes CV.pdf", ".pdf")
    assert cv.content_type == "application/pdf"
    assert cv.size == len(PDF_BYTES)
    with cv.file.open("rb") as handle:
        assert handle.read() == PDF_BYTES
    text = page_text(client.get(URL))
    assert "CV uploaded." in text
    assert "English CV Default" in text


def test_seeker_uploads_a_docx(client, seeker):
    response = client.post(URL, {"label": "", "file": docx_upload("履歴書.docx")})

    assert response.status_code == 302
    cv = CV.objects.get(owner=seeker)
    assert cv.extension == ".docx"
    assert cv.content_type.endswith("wordprocessingml.document")
    assert cv.label == "履歴書.docx"  # the file name stands in for an empty label
    with cv.file.open("rb") as handle:
        assert handle.read() == docx_bytes()


def test_only_the_first_cv_becomes_the_default(client, seeker):
    client.post(URL, {"label": "First", "file": pdf_upload()})
    client.post(URL, {"label": "Second", "file": docx_upload()})

    assert {cv.label: cv.is_default for cv in CV.objects.filter(owner=seeker)} == {
        "First": True,
        "Second": False,
    }


def test_sixth_upload_is_refused_with_a_clear_message(client, seeker):
    CVFactory.create_batch(5, owner=seeker)
    before = stored_cv_files()

    response = client.post(URL, {"label": "Sixth", "file": pdf_upload()})

    assert response.status_code == 200
    assert CV.objects.filter(owner=seeker).count() == 5
    assert stored_cv_files() == before
    assert "You can keep up to 5 CVs. Delete one before uploading another." in page_text(response)


def test_sixth_upload_stores_nothing(client, seeker):
    CVFactory.create_batch(5, owner=seeker)
    before = stored_cv_files()

    response = client.post(URL, {"label": "Sixth", "file": pdf_upload()})

    assert response.status_code == 200
    assert CV.objects.filter(owner=seeker).count() == 5
    assert not CV.objects.filter(label="Sixth").exists()
    assert stored_cv_files() == before


def test_sixth_upload_through_the_service_is_refused_with_a_clear_message(seeker):
    CVFactory.create_batch(5, owner=seeker)

    with pytest.raises(services.ValidationError) as error:
        services.cv_upload(owner=seeker, upload=pdf_upload(), label="Sixth")

    assert error.value.messages == [
        "You can keep up to 5 CVs. Delete one before uploading another."
    ]


def test_a_deleted_cv_frees_its_place_for_a_new_upload(
    client, seeker, django_capture_on_commit_callbacks
):
    cvs = CVFactory.create_batch(5, owner=seeker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/me/cvs/{cvs[0].uuid}/delete/")

    response = client.post(URL, {"label": "Replacement", "file": pdf_upload()})

    assert response.status_code == 302
    assert CV.objects.filter(owner=seeker, label="Replacement").exists()


def test_html_renamed_to_pdf_is_refused_and_nothing_is_stored(client, seeker):
    before = stored_cv_files()
    fake = SimpleUploadedFile(
        "cv.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )

    response = client.post(URL, {"label": "Fake", "file": fake})

    assert response.status_code == 200
    assert "Upload a PDF or a Word (.docx) file." in page_text(response)
    assert not CV.objects.exists()
    assert stored_cv_files() == before


def test_stored_file_name_is_random_and_outside_media_root(client, seeker):
    before = stored_cv_files()

    client.post(URL, {"label": "Mine", "file": pdf_upload("Ana_Reyes_passport_12345.pdf")})

    cv = CV.objects.get(owner=seeker)
    added = stored_cv_files() - before
    assert len(added) == 1
    (stored,) = added
    assert "Ana" not in stored
    assert "passport" not in stored
    assert "Ana" not in cv.file.name
    assert os.path.basename(cv.file.name) == os.path.basename(stored)
    assert stored.endswith(".pdf")
    path = os.path.realpath(cv.file.path)
    assert path.startswith(os.path.realpath(settings.PRIVATE_MEDIA_ROOT) + os.sep)
    assert not path.startswith(os.path.realpath(settings.MEDIA_ROOT) + os.sep)
    assert cv.original_name == "Ana_Reyes_passport_12345.pdf"


def test_two_uploads_of_the_same_file_get_different_stored_names(seeker):
    first = services.cv_upload(owner=seeker, upload=pdf_upload("cv.pdf"), label="")
    second = services.cv_upload(owner=seeker, upload=pdf_upload("cv.pdf"), label="")

    assert first.file.name != second.file.name


# ---- default ----


def test_seeker_makes_another_cv_the_default(client, seeker):
    first = CVFactory(owner=seeker)
    second = CVFactory(owner=seeker)
    assert first.is_default and not second.is_default

    response = client.post(f"/en/me/cvs/{second.uuid}/default/")

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.is_default
    assert not first.is_default
    assert "Default CV changed." in page_text(client.get(URL))


def test_seeker_cannot_make_another_seekers_cv_the_default(client, seeker):
    cv = CVFactory()

    assert client.post(f"/en/me/cvs/{cv.uuid}/default/").status_code == 404


def test_making_default_needs_post(client, seeker):
    cv = CVFactory(owner=seeker)

    assert client.get(f"/en/me/cvs/{cv.uuid}/default/").status_code == 405


# ---- delete ----


def test_delete_asks_for_confirmation_first(client, seeker):
    cv = CVFactory(owner=seeker, label="Old CV")

    response = client.get(f"/en/me/cvs/{cv.uuid}/delete/")

    assert response.status_code == 200
    assert "Delete “Old CV”?" in page_text(response)
    assert CV.objects.filter(pk=cv.pk).exists()


def test_deleting_an_unused_cv_removes_its_row_and_file(
    client, seeker, django_capture_on_commit_callbacks
):
    cv = CVFactory(owner=seeker)
    stored = cv.file.name
    assert cv.file.storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/me/cvs/{cv.uuid}/delete/")

    assert response.status_code == 302
    assert not CV.objects.filter(pk=cv.pk).exists()
    assert not cv.file.storage.exists(stored)
    assert "CV deleted." in page_text(client.get(URL))


def test_deleting_the_default_makes_the_newest_remaining_cv_the_default(
    client, seeker, django_capture_on_commit_callbacks
):
    default = CVFactory(owner=seeker)
    CVFactory(owner=seeker, label="Older")
    newest = CVFactory(owner=seeker, label="Newest")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/me/cvs/{default.uuid}/delete/")

    newest.refresh_from_db()
    assert newest.is_default
    assert CV.objects.filter(owner=seeker, is_default=True).count() == 1


@pytest.fixture
def sent_cv(client, seeker, member):
    """A CV the seeker sent with an application to `member`'s company."""
    listing = PublishedListingFactory(company=member.company)
    application = ApplicationFactory(listing=listing, seeker=seeker)
    return application.cv


def test_deleting_a_cv_sent_with_an_application_hides_it_but_keeps_it_for_the_employer(
    client, seeker, member, sent_cv, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/me/cvs/{sent_cv.uuid}/delete/")

    assert response.status_code == 302
    sent_cv.refresh_from_db()
    assert sent_cv.deleted_at is not None
    assert sent_cv.file.storage.exists(sent_cv.file.name)
    assert sent_cv.label not in page_text(client.get(URL))
    assert client.get(download_url(sent_cv)).status_code == 404

    client.force_login(member.user)
    response = client.get(download_url(sent_cv))
    assert response.status_code == 200
    assert body(response) == PDF_BYTES


def test_a_hidden_cv_can_no_longer_be_deleted_or_made_default(
    client, seeker, sent_cv, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/me/cvs/{sent_cv.uuid}/delete/")

    assert client.post(f"/en/me/cvs/{sent_cv.uuid}/delete/").status_code == 404
    assert client.post(f"/en/me/cvs/{sent_cv.uuid}/default/").status_code == 404


def test_seeker_cannot_delete_another_seekers_cv(client, seeker):
    cv = CVFactory()

    assert client.post(f"/en/me/cvs/{cv.uuid}/delete/").status_code == 404
    assert CV.objects.filter(pk=cv.pk).exists()


def test_cv_pages_are_for_seekers_only(client):
    assert client.get(URL)["Location"] == f"/en/accounts/login/?next={URL}"
    client.force_login(EmployerFactory())
    assert client.get(URL).status_code == 403


# ---- download permissions ----


@pytest.fixture
def uploaded(seeker):
    """A CV uploaded through the service, as a seeker would."""
    return services.cv_upload(owner=seeker, upload=pdf_upload("Ana CV.pdf"), label="Mine")


def test_owner_downloads_their_cv_as_a_private_attachment(client, uploaded):
    response = client.get(download_url(uploaded))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Ana CV.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert body(response) == PDF_BYTES


def test_download_keeps_a_japanese_file_name(client, seeker):
    cv = services.cv_upload(owner=seeker, upload=docx_upload("履歴書 2026.docx"), label="")

    response = client.get(download_url(cv))

    assert response.status_code == 200
    assert response["Content-Type"] == cv.content_type
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E5%B1%A5%E6%AD%B4%E6%9B%B8%202026.docx"
    )
    assert body(response) == docx_bytes()


def test_staff_downloads_any_cv(client, uploaded, staff):
    client.force_login(staff)

    response = client.get(download_url(uploaded))

    assert response.status_code == 200
    assert body(response) == PDF_BYTES


def test_employer_downloads_a_cv_sent_to_their_company(client, member, sent_cv):
    client.force_login(member.user)

    response = client.get(download_url(sent_cv))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert body(response) == PDF_BYTES


def test_any_member_of_that_company_downloads_it(client, member, sent_cv):
    colleague = MembershipFactory(company=member.company, role="member").user
    client.force_login(colleague)

    assert client.get(download_url(sent_cv)).status_code == 200


def test_member_of_another_company_gets_404(client, sent_cv, other_member):
    client.force_login(other_member.user)

    assert client.get(download_url(sent_cv)).status_code == 404


def test_employer_gets_404_for_another_cv_of_the_same_seeker_not_sent_to_them(
    client, seeker, member, sent_cv
):
    unsent = CVFactory(owner=seeker)
    client.force_login(member.user)

    assert client.get(download_url(unsent)).status_code == 404


def test_employer_without_company_gets_404(client, uploaded):
    client.force_login(EmployerFactory())

    assert client.get(download_url(uploaded)).status_code == 404


def test_another_seeker_gets_404(client, uploaded):
    client.force_login(SeekerFactory())

    assert client.get(download_url(uploaded)).status_code == 404


def test_anonymous_download_redirects_to_login(client, uploaded):
    client.logout()

    response = client.get(download_url(uploaded))

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={download_url(uploaded)}"


def test_unknown_cv_gets_404(client, seeker):
    assert client.get(f"/en/cvs/{uuid.uuid4()}/download/").status_code == 404


def test_cv_whose_file_is_missing_gets_404(client, uploaded):
    uploaded.file.storage.delete(uploaded.file.name)

    assert client.get(download_url(uploaded)).status_code == 404
