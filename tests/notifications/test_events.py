"""Which event emails whom: each email in notifications/emails.py, triggered by its service."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from applicants.models import Application
from applicants.services import (
    applicants_send_daily_summaries,
    application_move,
    application_submit,
    application_withdraw,
)
from listings.models import CompanyInvitation, Listing
from listings.services import (
    company_invite,
    company_set_verified,
    listing_approve,
    listing_expire_due,
    listing_reject,
    listings_warn_expiring,
)
from notifications.models import Notification
from tests.accounts.factories import SeekerFactory
from tests.applicants.factories import CVFactory, SeekerProfileFactory
from tests.listings.factories import PendingListingFactory, PublishedListingFactory
from tests.notifications.conftest import assert_text_and_html, html_part

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
TOKYO = datetime.timezone(datetime.timedelta(hours=9))


@pytest.fixture
def sends(django_capture_on_commit_callbacks):
    """Run a service as a request would: its emails leave after its transaction commits."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def received(mailoutbox, kind=None) -> list[str]:
    """Sorted recipients of the sent emails (of one outbox kind)."""
    rows = Notification.objects.filter(status=Notification.Status.SENT)
    if kind:
        rows = rows.filter(kind=kind)
    subjects = set(rows.values_list("subject", flat=True))
    return sorted(
        address for message in mailoutbox if message.subject in subjects for address in message.to
    )


def rows_by_kind() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind, to_email in Notification.objects.values_list("kind", "to_email"):
        found.setdefault(kind, []).append(to_email)
    return {kind: sorted(addresses) for kind, addresses in found.items()}


def assert_every_email_has_text_and_html(mailoutbox) -> None:
    assert mailoutbox
    for message in mailoutbox:
        assert_text_and_html(message)


def assert_sent_rows_match_the_inbox(mailoutbox) -> None:
    rows = Notification.objects.all()
    assert all(row.status == Notification.Status.SENT for row in rows)
    assert sorted(row.to_email for row in rows) == sorted(m.to[0] for m in mailoutbox)
    assert len({row.dedup_key for row in rows}) == len(rows)


def submit(sends, listing, seeker, cover_letter=""):
    application, created = sends(
        application_submit,
        listing=listing,
        seeker=seeker,
        cv=seeker.cvs.get(),
        cover_letter=cover_letter,
    )
    assert created
    return application


# ---- applications ----


def test_submitting_emails_the_seeker_and_only_the_members_who_want_each_applicant(
    sends, team, listing, applicant, mailoutbox
):
    submit(sends, listing, applicant)

    assert rows_by_kind() == {
        Kind.APPLICATION_RECEIVED: [applicant.email],
        Kind.NEW_APPLICANT: team.instant_emails,
    }
    assert_sent_rows_match_the_inbox(mailoutbox)
    assert_every_email_has_text_and_html(mailoutbox)
    confirmation = next(m for m in mailoutbox if m.to == [applicant.email])
    assert confirmation.subject == "Application sent: Care worker in Shinjuku"
    assert "/en/me/applications/" in confirmation.body
    new_applicant = next(m for m in mailoutbox if m.to == [team.owner.email])
    assert "Maria Santos applied to “Care worker in Shinjuku”" in new_applicant.body
    application = Application.objects.get()
    assert f"/en/employer/applications/{application.pk}/" in new_applicant.body
    assert f"/en/employer/applications/{application.pk}/" in html_part(new_applicant)


def test_submitting_twice_sends_the_emails_once(sends, team, listing, applicant, mailoutbox):
    submit(sends, listing, applicant)

    _application, created = sends(
        application_submit, listing=listing, seeker=applicant, cv=applicant.cvs.get()
    )

    assert not created
    assert len(mailoutbox) == 1 + len(team.instant_emails)
    assert Notification.objects.count() == 1 + len(team.instant_emails)


def test_daily_members_get_one_summary_of_the_days_applicants(
    sends, team, listing, applicant, mailoutbox
):
    second = SeekerProfileFactory(full_name="Nguyen Van An").user
    CVFactory(owner=second)
    morning = datetime.datetime(2025, 6, 10, 9, 0, tzinfo=TOKYO)
    with time_machine.travel(morning, tick=False):
        submit(sends, listing, applicant)
        submit(sends, listing, second)
    assert team.daily.email not in received(mailoutbox)
    mailoutbox.clear()

    summary_time = datetime.datetime(2025, 6, 11, 8, 0, tzinfo=TOKYO)
    with time_machine.travel(summary_time, tick=False):
        sends(applicants_send_daily_summaries)
        # The beat may fire twice; the member still gets one summary that day.
        sends(applicants_send_daily_summaries)

    assert [message.to for message in mailoutbox] == [[team.daily.email]]
    summary = mailoutbox[0]
    assert summary.subject == "2 new applicants today"
    assert "Maria Santos — Care worker in Shinjuku" in summary.body
    assert "Nguyen Van An — Care worker in Shinjuku" in summary.body
    assert_text_and_html(summary)
    digest = Notification.objects.get(kind=Kind.APPLICANTS_DIGEST)
    assert digest.dedup_key == f"applicants-digest:{team.daily.pk}:2025-06-11"


def test_no_summary_is_sent_on_a_day_without_new_applicants(
    sends, team, listing, applicant, mailoutbox
):
    with time_machine.travel(datetime.datetime(2025, 6, 10, 9, 0, tzinfo=TOKYO), tick=False):
        submit(sends, listing, applicant)
    mailoutbox.clear()

    with time_machine.travel(datetime.datetime(2025, 6, 12, 8, 0, tzinfo=TOKYO), tick=False):
        assert sends(applicants_send_daily_summaries) == 0

    assert mailoutbox == []
    assert not Notification.objects.filter(kind=Kind.APPLICANTS_DIGEST).exists()


def test_an_employer_move_tells_the_seeker_the_status_and_the_message(
    sends, team, listing, applicant, mailoutbox
):
    application = submit(sends, listing, applicant)
    mailoutbox.clear()

    sends(
        application_move,
        application=application,
        by=team.colleague,
        to_status=Application.Status.INTERVIEW,
        message="Can you come on Tuesday at 10:00? Bring your certificates & passport.",
        internal_note="Strong candidate",
    )

    assert [message.to for message in mailoutbox] == [[applicant.email]]
    message = mailoutbox[0]
    assert message.subject == "Care worker in Shinjuku: Interview"
    assert "is now: Interview." in message.body
    assert "Bring your certificates & passport." in message.body
    assert "Bring your certificates &amp; passport." in html_part(message)
    assert "Strong candidate" not in message.body
    assert "Strong candidate" not in html_part(message)
    assert_text_and_html(message)
    row = Notification.objects.get(kind=Kind.APPLICATION_STATUS)
    assert row.recipient == applicant


def test_each_move_of_the_same_application_is_a_separate_email(
    sends, team, listing, applicant, mailoutbox
):
    application = submit(sends, listing, applicant)
    mailoutbox.clear()

    for status in (Application.Status.IN_REVIEW, Application.Status.REJECTED):
        sends(application_move, application=application, by=team.owner, to_status=status)

    assert [message.subject for message in mailoutbox] == [
        "Care worker in Shinjuku: In review",
        "Care worker in Shinjuku: Not selected",
    ]


def test_a_withdrawal_tells_every_active_member_and_not_the_seeker(
    sends, team, listing, applicant, mailoutbox
):
    application = submit(sends, listing, applicant)
    mailoutbox.clear()

    sends(application_withdraw, application=application, by=applicant)

    assert sorted(message.to[0] for message in mailoutbox) == team.active_emails
    assert rows_by_kind()[Kind.APPLICATION_WITHDRAWN] == team.active_emails
    assert all(m.subject == "Application withdrawn: Care worker in Shinjuku" for m in mailoutbox)
    assert "Maria Santos withdrew their application" in mailoutbox[0].body
    assert_every_email_has_text_and_html(mailoutbox)


# ---- listings ----


def test_approving_a_listing_tells_its_company_members(sends, team, superuser, mailoutbox):
    listing = PendingListingFactory(company=team.company, title_en="Welder")

    sends(listing_approve, listing=listing, by=superuser)

    assert sorted(message.to[0] for message in mailoutbox) == team.active_emails
    assert rows_by_kind() == {Kind.LISTING_APPROVED: team.active_emails}
    assert all(message.subject == "Published: Welder" for message in mailoutbox)
    listing.refresh_from_db()
    assert listing.get_absolute_url() in mailoutbox[0].body
    assert_every_email_has_text_and_html(mailoutbox)
    assert_sent_rows_match_the_inbox(mailoutbox)


def test_rejecting_a_listing_sends_the_reason_to_its_company_members(
    sends, team, superuser, mailoutbox
):
    listing = PendingListingFactory(company=team.company, title_en="Welder")

    sends(
        listing_reject,
        listing=listing,
        by=superuser,
        reason="The salary is below the minimum wage for Tokyo.",
    )

    assert sorted(message.to[0] for message in mailoutbox) == team.active_emails
    assert rows_by_kind() == {Kind.LISTING_REJECTED: team.active_emails}
    for message in mailoutbox:
        assert message.subject == "Changes needed: Welder"
        assert "The salary is below the minimum wage for Tokyo." in message.body
        assert "The salary is below the minimum wage for Tokyo." in html_part(message)
        assert f"/en/employer/listings/{listing.pk}/edit/" in message.body
    assert_every_email_has_text_and_html(mailoutbox)


def test_listings_expiring_in_three_days_warn_their_members_once(sends, team, mailoutbox):
    today = datetime.datetime(2025, 6, 10, 9, 0, tzinfo=TOKYO)
    with time_machine.travel(today, tick=False):
        expiring = PublishedListingFactory(
            company=team.company,
            title_en="Cook",
            expires_at=datetime.datetime(2025, 6, 13, 23, 59, tzinfo=TOKYO),
        )
        PublishedListingFactory(
            company=team.company,
            title_en="Driver",
            expires_at=datetime.datetime(2025, 6, 14, 0, 0, tzinfo=TOKYO),
        )
        PublishedListingFactory(
            company=team.company,
            title_en="Baker",
            expires_at=datetime.datetime(2025, 6, 12, 23, 59, tzinfo=TOKYO),
        )

        assert sends(listings_warn_expiring) == 1
        sends(listings_warn_expiring)

    assert sorted(message.to[0] for message in mailoutbox) == team.active_emails
    assert all(message.subject == "Closing in 3 days: Cook" for message in mailoutbox)
    assert rows_by_kind() == {Kind.LISTING_EXPIRING: team.active_emails}
    assert Notification.objects.filter(dedup_key__contains=f"listing:{expiring.pk}:").count() == 3
    assert_every_email_has_text_and_html(mailoutbox)


def test_expiring_a_listing_tells_its_company_members(sends, team, mailoutbox):
    listing = PublishedListingFactory(
        company=team.company,
        title_en="Cook",
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    PublishedListingFactory(title_en="Someone else's listing")

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        assert sends(listing_expire_due) == 1
        assert sends(listing_expire_due) == 0

    listing.refresh_from_db()
    assert listing.status == Listing.Status.EXPIRED
    assert sorted(message.to[0] for message in mailoutbox) == team.active_emails
    assert all(message.subject == "Closed: Cook" for message in mailoutbox)
    assert rows_by_kind() == {Kind.LISTING_EXPIRED: team.active_emails}
    assert_every_email_has_text_and_html(mailoutbox)


# ---- companies ----


def test_verifying_a_company_tells_its_members_and_unverifying_does_not(
    sends, team, superuser, mailoutbox
):
    note = "Checked the commercial registry."
    sends(company_set_verified, company=team.company, by=superuser, verified=True, note=note)
    sends(company_set_verified, company=team.company, by=superuser, verified=True, note=note)
    sends(company_set_verified, company=team.company, by=superuser, verified=False, note=note)

    assert sorted(message.to[0] for message in mailoutbox) == team.active_emails
    assert rows_by_kind() == {Kind.COMPANY_VERIFIED: team.active_emails}
    assert mailoutbox[0].subject == f"{team.company.name_en} is verified on Hataraku"
    assert_every_email_has_text_and_html(mailoutbox)


def test_an_invitation_emails_the_invitee_with_the_accept_link(sends, team, mailoutbox):
    sends(company_invite, company=team.company, email=" New.Hire@Example.com ", by=team.owner)
    # Inviting the same address again reuses the open invitation and sends nothing new.
    sends(company_invite, company=team.company, email="new.hire@example.com", by=team.owner)

    invitation = CompanyInvitation.objects.get()
    assert [message.to for message in mailoutbox] == [["new.hire@example.com"]]
    message = mailoutbox[0]
    assert message.subject == f"You are invited to join {team.company.name_en} on Hataraku"
    assert f"/en/employer/invitations/{invitation.token}/" in message.body
    assert "/en/accounts/signup/?role=employer" in message.body
    assert_text_and_html(message)
    row = Notification.objects.get()
    assert row.kind == Kind.COMPANY_INVITATION
    assert row.recipient is None


# ---- account emails (allauth) ----


def test_sign_up_verification_email_goes_through_the_outbox(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/signup/",
            {
                "role": "seeker",
                "email": "amina@example.com",
                "password1": "saffron-tatami-7391",
                "password2": "saffron-tatami-7391",
            },
        )

    assert response.status_code == 302
    row = Notification.objects.get()
    assert row.kind == Kind.ACCOUNT
    assert row.to_email == "amina@example.com"
    assert row.status == Notification.Status.SENT
    assert [message.to for message in mailoutbox] == [["amina@example.com"]]
    message = mailoutbox[0]
    assert message.subject == row.subject
    link = re.search(r"https?://\S+(/en/accounts/confirm-email/\S+/)", message.body)
    assert link, message.body
    assert link.group(1) in html_part(message)
    assert_text_and_html(message)
    assert client.get(link.group(1)).status_code == 200


def test_password_reset_email_goes_through_the_outbox(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = SeekerFactory(email="kenji@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/password/reset/", {"email": user.email})

    assert response.status_code == 302
    row = Notification.objects.get()
    assert row.kind == Kind.ACCOUNT
    assert row.to_email == "kenji@example.com"
    assert row.status == Notification.Status.SENT
    assert [message.to for message in mailoutbox] == [["kenji@example.com"]]
    message = mailoutbox[0]
    link = re.search(r"https?://\S+(/accounts/password/reset/key/\S+/)", message.body)
    assert link, message.body
    assert link.group(1) in html_part(message)
    assert_text_and_html(message)
