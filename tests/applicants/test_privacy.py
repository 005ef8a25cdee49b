"""A seeker's "Your data" page: the zip of everything, and deleting the account."""

import datetime
import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from applicants import privacy, services
from applicants.models import (
    CV,
    AlertDelivery,
    Application,
    ApplicationEvent,
    SavedJob,
    SavedSearch,
    SectorExperience,
    SeekerProfile,
)
from listings.models import Sector
from notifications.models import Notification
from tests.accounts.factories import TEST_PASSWORD, EmployerFactory, SeekerFactory
from tests.applicants.conftest import page_text, stored_cv_files
from tests.applicants.factories import (
    PDF_BYTES,
    ApplicationFactory,
    CVFactory,
    SeekerProfileFactory,
    docx_bytes,
)
from tests.listings.factories import ClosedListingFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db

PAGE = "/en/me/privacy/"
EXPORT = "/en/me/privacy/export/"
DELETE = "/en/me/privacy/delete/"


def unzip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def document(archive: zipfile.ZipFile, name: str):
    return json.loads(archive.read(name))


@pytest.fixture
def seeker(profile):
    return profile.user


@pytest.fixture
def history(seeker, member):
    """A seeker with something of every kind: experience, CVs, applications with employer
    messages and notes, saved jobs, a saved search with deliveries."""
    profile = seeker.seeker_profile
    profile.phone = "+63 917 123 4567"
    profile.summary = "Five years caring for the elderly."
    profile.save()
    SectorExperience.objects.create(
        profile=profile, sector=Sector.objects.get(slug="nursing-care"), years=5
    )
    english = CVFactory(owner=seeker, label="English", original_name="Maria CV.pdf")
    japanese = CVFactory(
        owner=seeker,
        label="Japanese",
        original_name="履歴書.docx",
        extension=".docx",
        file=ContentFile(docx_bytes("履歴書"), name="cv.docx"),
    )
    same_name = CVFactory(owner=seeker, label="Older", original_name="Maria CV.pdf")
    forgotten = CVFactory(owner=seeker, label="Forgotten", original_name="forgotten.pdf")
    listing = PublishedListingFactory(company=member.company, title_en="Care worker in Osaka")
    sent = ApplicationFactory(
        seeker=seeker, listing=listing, cv=same_name, cover_letter="I would love to help."
    )
    services.application_move(
        application=sent,
        by=member.user,
        to_status="interview",
        message="Come on Monday at 10.",
        internal_note="Strong candidate, ask about nights.",
    )
    services.cv_delete(cv=same_name, by=seeker)  # attached: kept, and exported
    services.cv_delete(cv=forgotten, by=seeker)  # not attached: gone
    closed = ApplicationFactory(seeker=seeker, cv=english, listing=ClosedListingFactory())
    SavedJob.objects.create(user=seeker, listing=PublishedListingFactory(title_en="Saved job"))
    search = SavedSearch.objects.create(user=seeker, name="Care in Tokyo", querystring="q=care")
    AlertDelivery.objects.record(
        [(search.pk, listing.pk), (search.pk, closed.listing.pk)],
        sent_at=datetime.datetime(2025, 5, 1, tzinfo=datetime.UTC),
    )
    return {
        "english": english,
        "japanese": japanese,
        "same_name": same_name,
        "sent": sent,
        "closed": closed,
        "search": search,
    }


# ---- the page ----


def test_privacy_page_offers_the_download_and_the_deletion(client, seeker):
    client.force_login(seeker)

    response = client.get(PAGE)

    assert response.status_code == 200
    text = page_text(response)
    assert "Download my data (.zip)" in text
    assert "Delete my account" in text
    assert 'action="/en/me/privacy/export/"' in response.content.decode()


def test_account_menu_links_to_the_privacy_page_for_seekers_only(client, seeker, member):
    client.force_login(seeker)
    assert 'href="/en/me/privacy/"' in client.get("/en/").content.decode()
    client.force_login(member.user)
    assert 'href="/en/me/privacy/"' not in client.get("/en/").content.decode()


@pytest.mark.parametrize("url", [PAGE, EXPORT, DELETE])
def test_anonymous_people_are_sent_to_log_in(client, url):
    response = client.post(url) if url != PAGE else client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("url", [PAGE, EXPORT, DELETE])
def test_employers_have_no_seeker_data_page(client, member, url):
    client.force_login(member.user)

    response = client.post(url, {"password": TEST_PASSWORD}) if url != PAGE else client.get(url)

    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=member.user.pk).exists()


@pytest.mark.parametrize("url", [EXPORT, DELETE])
def test_export_and_deletion_refuse_get(client, seeker, url):
    client.force_login(seeker)

    assert client.get(url).status_code == 405
    assert get_user_model().objects.filter(pk=seeker.pk).exists()


def test_privacy_page_runs_a_fixed_number_of_queries(
    client, seeker, history, django_assert_max_num_queries
):
    client.force_login(seeker)
    client.get(PAGE)
    with django_assert_max_num_queries(6):
        assert client.get(PAGE).status_code == 200


# ---- the export ----


def test_export_is_one_zip_attachment_that_is_never_cached(client, seeker, history):
    client.force_login(seeker)

    response = client.post(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="hataraku-data-' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    archive = unzip(response)
    assert archive.testzip() is None
    assert {
        "README.txt",
        "profile.json",
        "experience.json",
        "applications.json",
        "saved_jobs.json",
        "saved_searches.json",
        "alert_deliveries.json",
        "cvs.json",
    } <= set(archive.namelist())


def test_export_holds_the_profile_and_experience(client, seeker, history):
    client.force_login(seeker)

    archive = unzip(client.post(EXPORT))

    profile = document(archive, "profile.json")
    assert profile["account"]["email"] == seeker.email
    assert profile["account"]["email_addresses"] == [
        {"email": seeker.email, "verified": True, "primary": True}
    ]
    assert profile["profile"]["full_name"] == seeker.seeker_profile.full_name
    assert profile["profile"]["phone"] == "+63 917 123 4567"
    assert profile["profile"]["nationality"] == "PH"
    assert profile["profile"]["summary"] == "Five years caring for the elderly."
    assert document(archive, "experience.json") == [{"sector": "Nursing care", "years": 5}]


def test_export_holds_applications_with_listing_letter_cv_and_the_messages_not_the_notes(
    client, seeker, history
):
    client.force_login(seeker)

    archive = unzip(client.post(EXPORT))

    applications = document(archive, "applications.json")
    assert len(applications) == 2
    sent = next(a for a in applications if a["listing"]["title_en"] == "Care worker in Osaka")
    assert sent["listing"]["company"] == history["sent"].listing.company.name_en
    assert sent["listing"]["status"]["code"] == "published"
    assert sent["listing"]["url"].endswith(history["sent"].listing.get_absolute_url())
    assert sent["status"] == {"code": "interview", "label": "Interview"}
    assert sent["cover_letter"] == "I would love to help."
    assert sent["profile_sent"]["full_name"] == seeker.seeker_profile.full_name
    assert [event["to_status"]["code"] for event in sent["events"]] == ["submitted", "interview"]
    assert sent["events"][1]["message_from_employer"] == "Come on Monday at 10."
    assert "Strong candidate" not in archive.read("applications.json").decode()
    assert sent["cv"] in archive.namelist()


def test_export_holds_saved_jobs_searches_and_a_summary_of_alerts(client, seeker, history):
    client.force_login(seeker)

    archive = unzip(client.post(EXPORT))

    assert [s["listing"]["title_en"] for s in document(archive, "saved_jobs.json")] == [
        "Saved job"
    ]
    searches = document(archive, "saved_searches.json")
    assert [(s["name"], s["search"], s["frequency"]) for s in searches] == [
        ("Care in Tokyo", "q=care", "daily")
    ]
    assert document(archive, "alert_deliveries.json") == [
        {
            "saved_search": "Care in Tokyo",
            "jobs_sent": 2,
            "first_sent_at": "2025-05-01T00:00:00Z",
            "last_sent_at": "2025-05-01T00:00:00Z",
        }
    ]


def test_export_holds_every_cv_file_with_its_original_name_made_unique(client, seeker, history):
    client.force_login(seeker)

    archive = unzip(client.post(EXPORT))

    cv_files = sorted(name for name in archive.namelist() if name.startswith("cvs/"))
    # The deleted CV still attached to an application is there; the unattached one is not.
    assert cv_files == ["cvs/Maria CV (2).pdf", "cvs/Maria CV.pdf", "cvs/履歴書.docx"]
    assert archive.read("cvs/Maria CV.pdf") == PDF_BYTES
    assert archive.read("cvs/履歴書.docx") == docx_bytes("履歴書")
    listed = {cv["file"]: cv for cv in document(archive, "cvs.json")}
    assert listed["cvs/Maria CV (2).pdf"]["deleted_at"] is not None
    assert listed["cvs/Maria CV.pdf"]["label"] == "English"
    assert "forgotten" not in json.dumps(list(listed))


def test_export_file_names_cannot_leave_the_cvs_folder(client, seeker):
    CVFactory(owner=seeker, original_name="../../etc/passwd.pdf")
    CVFactory(owner=seeker, original_name="..\\..\\boot.ini.pdf")
    client.force_login(seeker)

    archive = unzip(client.post(EXPORT))

    cv_files = [name for name in archive.namelist() if name.startswith("cvs/")]
    assert len(cv_files) == 2
    for name in cv_files:
        folder, _slash, base = name.partition("/")
        assert folder == "cvs"
        assert "/" not in base and "\\" not in base and not base.startswith(".")


def test_export_skips_a_cv_file_missing_from_storage(client, seeker):
    cv = CVFactory(owner=seeker, original_name="gone.pdf")
    cv.file.storage.delete(cv.file.name)
    CVFactory(owner=seeker, original_name="here.pdf")
    client.force_login(seeker)

    response = client.post(EXPORT)

    assert response.status_code == 200
    assert [n for n in unzip(response).namelist() if n.startswith("cvs/")] == ["cvs/here.pdf"]


def test_export_over_the_size_cap_is_refused_with_a_message(client, seeker, monkeypatch):
    CVFactory(owner=seeker)
    monkeypatch.setattr(privacy, "MAX_EXPORT_BYTES", len(PDF_BYTES) - 1)
    client.force_login(seeker)

    response = client.post(EXPORT, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [(PAGE, 302)]
    assert "Your files are too large to export at once" in page_text(response)


def test_export_stops_at_the_cap_even_if_a_stored_size_is_wrong(seeker, monkeypatch):
    CVFactory(owner=seeker, size=10)  # the file itself is larger
    monkeypatch.setattr(privacy, "MAX_EXPORT_BYTES", 20)

    with pytest.raises(privacy.ExportTooLarge):
        privacy.seeker_export(user=seeker)


def test_a_seekers_export_holds_only_their_own_data(client, seeker, history):
    other = SeekerProfileFactory(full_name="Other Person").user
    ApplicationFactory(seeker=other, cover_letter="Other letter")
    CVFactory(owner=other, original_name="other.pdf")
    client.force_login(other)

    archive = unzip(client.post(EXPORT))

    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Other letter" in everything
    assert seeker.email.encode() not in everything
    assert b"I would love to help" not in everything
    assert b"Maria CV" not in everything
    assert document(archive, "saved_jobs.json") == []


def test_export_queries_do_not_grow_with_applications(
    client, seeker, member, django_assert_max_num_queries
):
    def apply(count):
        for _ in range(count):
            application = ApplicationFactory(
                seeker=seeker, listing=PublishedListingFactory(company=member.company)
            )
            services.application_move(
                application=application, by=member.user, to_status="in_review", message="Hi"
            )

    client.force_login(seeker)
    apply(2)
    with django_assert_max_num_queries(16) as few:
        assert client.post(EXPORT).status_code == 200
    apply(10)
    with django_assert_max_num_queries(16) as many:
        assert client.post(EXPORT).status_code == 200

    assert len(many.captured_queries) == len(few.captured_queries)


def test_exports_are_rate_limited(client, seeker, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "privacy-export": "2/h"}
    client.force_login(seeker)

    assert [client.post(EXPORT).status_code for _ in range(3)] == [200, 200, 429]


# ---- deleting the account ----


def delete_account(client, password=TEST_PASSWORD, capture=None):
    if capture is None:
        return client.post(DELETE, {"password": password})
    with capture(execute=True):
        return client.post(DELETE, {"password": password})


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("", "Type your current password to delete your account."),
        ("not-my-password", "That is not your current password. Nothing was deleted."),
        ("x" * 5000, "Ensure this value has at most 4096 characters"),
    ],
)
def test_deletion_needs_the_current_password(client, seeker, history, password, error):
    client.force_login(seeker)

    response = delete_account(client, password)

    assert response.status_code == 200
    assert error in page_text(response)
    assert get_user_model().objects.filter(pk=seeker.pk).exists()
    assert CV.objects.filter(owner=seeker).count() == 3
    assert Application.objects.filter(seeker=seeker).count() == 2


def test_another_seekers_password_deletes_nothing(client, seeker, history):
    other = SeekerFactory(password="another-password-99")
    client.force_login(seeker)

    response = delete_account(client, "another-password-99")

    assert "That is not your current password" in page_text(response)
    assert get_user_model().objects.filter(pk__in=[seeker.pk, other.pk]).count() == 2


def test_deletion_logs_out_and_says_so_on_the_home_page(
    client, seeker, history, django_capture_on_commit_callbacks
):
    client.force_login(seeker)

    response = delete_account(client, capture=django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    home = client.get("/en/")
    assert "Your account and your personal data are deleted" in page_text(home)
    assert client.get(PAGE)["Location"].startswith("/en/accounts/login/")


def test_deletion_removes_the_account_and_personal_data(
    client, seeker, history, django_capture_on_commit_callbacks
):
    email = seeker.email
    client.force_login(seeker)

    delete_account(client, capture=django_capture_on_commit_callbacks)

    assert not get_user_model().objects.filter(pk=seeker.pk).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not SeekerProfile.objects.filter(user_id=seeker.pk).exists()
    assert not SectorExperience.objects.exists()
    assert not CV.objects.filter(owner_id=seeker.pk).exists()
    assert not SavedJob.objects.filter(user_id=seeker.pk).exists()
    assert not SavedSearch.objects.filter(user_id=seeker.pk).exists()
    assert not AlertDelivery.objects.exists()


def test_deletion_removes_every_cv_file_from_storage(
    client, seeker, history, django_capture_on_commit_callbacks
):
    other_cv = CVFactory()
    files = {cv.file.name for cv in history.values() if isinstance(cv, CV)}
    assert files <= stored_cv_files()
    client.force_login(seeker)

    delete_account(client, capture=django_capture_on_commit_callbacks)

    assert not files & stored_cv_files()
    assert other_cv.file.name in stored_cv_files()


def test_open_applications_become_withdrawn_account_deleted_and_closed_ones_keep_status(
    client, seeker, history, django_capture_on_commit_callbacks
):
    sent, closed = history["sent"], history["closed"]
    Application.objects.filter(pk=closed.pk).update(status="hired")
    client.force_login(seeker)

    delete_account(client, capture=django_capture_on_commit_callbacks)

    sent.refresh_from_db()
    closed.refresh_from_db()
    assert (sent.status, closed.status) == ("withdrawn", "hired")
    for application in (sent, closed):
        assert application.seeker_id is None
        assert application.cv_id is None
        assert application.cover_letter == ""
        assert application.profile_snapshot == {}
    last = sent.events.last()
    assert (last.from_status, last.to_status, last.reason, last.actor_id) == (
        "interview",
        "withdrawn",
        "account_deleted",
        None,
    )
    assert not closed.events.filter(to_status="withdrawn").exists()


def test_employer_sees_withdrawn_account_deleted_without_personal_data(
    client, seeker, member, history, django_capture_on_commit_callbacks
):
    sent = history["sent"]
    name = seeker.seeker_profile.full_name
    client.force_login(seeker)
    delete_account(client, capture=django_capture_on_commit_callbacks)
    client.force_login(member.user)

    listing_page = page_text(client.get(f"/en/employer/listings/{sent.listing.pk}/applicants/"))
    detail = client.get(f"/en/employer/applications/{sent.pk}/")
    csv_text = client.get(f"/en/employer/listings/{sent.listing.pk}/applicants.csv").content

    assert "Deleted account" in listing_page
    assert "Withdrawn — account deleted" in listing_page
    assert detail.status_code == 200
    detail_text = page_text(detail)
    assert "Withdrawn — account deleted" in detail_text
    assert "Interview → Withdrawn — account deleted" in detail_text
    assert "This person deleted their account" in detail_text
    assert "Download CV" not in detail_text
    for secret in (name, seeker.email, "I would love to help", "+63 917"):
        assert secret not in listing_page
        assert secret not in detail_text
        assert secret.encode() not in csv_text
    assert "Withdrawn — account deleted" in csv_text.decode("utf-8-sig")


def test_only_the_seeker_is_emailed_to_confirm_the_deletion(
    client, seeker, history, mailoutbox, django_capture_on_commit_callbacks
):
    email = seeker.email
    client.force_login(seeker)

    delete_account(client, capture=django_capture_on_commit_callbacks)

    assert [message.to for message in mailoutbox] == [[email]]
    assert "Your Hataraku account is deleted" in mailoutbox[0].subject
    assert "personal data are deleted" in mailoutbox[0].body
    assert list(Notification.objects.values_list("to_email", flat=True)) == [email]


def test_deletion_removes_earlier_emails_to_and_about_the_seeker(
    client, seeker, member, history, django_capture_on_commit_callbacks
):
    name = seeker.seeker_profile.full_name
    # The seeker heard of the interview; withdrawing tells the employer, naming the seeker.
    services.application_withdraw(application=history["sent"], by=seeker)
    assert Notification.objects.filter(recipient=member.user, body_text__contains=name).exists()
    unrelated = ApplicationFactory(listing=history["sent"].listing)
    services.application_move(application=unrelated, by=member.user, to_status="in_review")
    unrelated_email = Notification.objects.get(recipient=unrelated.seeker)
    assert Notification.objects.filter(recipient=seeker).exists()
    client.force_login(seeker)

    delete_account(client, capture=django_capture_on_commit_callbacks)

    assert not Notification.objects.filter(body_text__contains=name).exists()
    assert list(Notification.objects.exclude(kind="account")) == [unrelated_email]


def test_deletion_leaves_no_name_or_address_in_the_audit_trail(
    client, seeker, history, django_capture_on_commit_callbacks
):
    name, email = seeker.seeker_profile.full_name, seeker.email
    assert LogEntry.objects.filter(object_repr__contains=name).exists()  # before
    client.force_login(seeker)

    delete_account(client, capture=django_capture_on_commit_callbacks)

    assert not LogEntry.objects.filter(object_repr__contains=name).exists()
    assert not LogEntry.objects.filter(actor_email=email).exists()
    # Both applications were open: each has its withdrawal event, with no actor.
    withdrawn = ApplicationEvent.objects.filter(reason="account_deleted")
    assert list(withdrawn.values_list("actor", flat=True)) == [None, None]


def test_deletion_of_a_seeker_without_profile_or_applications(
    client, django_capture_on_commit_callbacks
):
    bare = SeekerFactory()
    client.force_login(bare)

    response = delete_account(client, capture=django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=bare.pk).exists()


def test_deletion_service_refuses_employers():
    with pytest.raises(privacy.PermissionDenied):
        privacy.seeker_account_delete(user=EmployerFactory())


def test_deletion_attempts_are_rate_limited(client, seeker, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "account-delete": "2/h"}
    client.force_login(seeker)

    statuses = [delete_account(client, "wrong-password").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert get_user_model().objects.filter(pk=seeker.pk).exists()


# ---- deleted by staff in the admin ----


@pytest.mark.parametrize("how", ["change page", "bulk action"])
def test_a_seeker_deleted_in_the_admin_is_anonymised_like_a_self_deletion(
    client, seeker, history, staff, django_capture_on_commit_callbacks, how
):
    files = {cv.file.name for cv in history.values() if isinstance(cv, CV)}
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        if how == "change page":
            response = client.post(
                reverse("admin:accounts_user_delete", args=[seeker.pk]), {"post": "yes"}
            )
        else:
            response = client.post(
                reverse("admin:accounts_user_changelist"),
                {"action": "delete_selected", "_selected_action": [seeker.pk], "post": "yes"},
            )

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=seeker.pk).exists()
    assert not files & stored_cv_files()
    sent = Application.objects.get(pk=history["sent"].pk)
    assert sent.seeker_id is None
    assert sent.profile_snapshot == {} and sent.cover_letter == ""
    assert sent.status == Application.Status.WITHDRAWN


def test_an_employer_deleted_in_the_admin_is_simply_deleted(client, member, staff):
    client.force_login(staff)

    response = client.post(
        reverse("admin:accounts_user_delete", args=[member.user.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.user.pk).exists()
