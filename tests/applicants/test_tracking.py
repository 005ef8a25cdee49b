"""Moving applications through the pipeline, withdrawing, and what the seeker sees of it."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from applicants import services
from applicants.models import Application, ApplicationEvent
from applicants.services import StaleStatus
from tests.accounts.factories import SeekerFactory
from tests.applicants.conftest import page_text
from tests.applicants.factories import ApplicationFactory
from tests.listings.factories import MembershipFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db

Status = Application.Status
ALL_PAIRS = list(itertools.product(Status.values, Status.values))
ALLOWED = [(a, b) for a, b in ALL_PAIRS if b in Application.TRANSITIONS[Status(a)]]
# Nobody chooses "submitted": only applying creates that state.
REFUSED = [
    (a, b)
    for a, b in ALL_PAIRS
    if b not in Application.TRANSITIONS[Status(a)] and b != Status.SUBMITTED
]
BACK_TO_SUBMITTED = [(a, b) for a, b in ALL_PAIRS if b == Status.SUBMITTED]


def pair_id(pair):
    return f"{pair[0]}->{pair[1]}"


@pytest.fixture
def application(member):
    return ApplicationFactory(listing=PublishedListingFactory(company=member.company))


def in_status(application, status) -> Application:
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application


def actor_for(application, member, to_status):
    return application.seeker if to_status == Status.WITHDRAWN else member.user


def test_the_parametrised_pairs_cover_every_status_pair():
    assert sorted(ALLOWED + REFUSED + BACK_TO_SUBMITTED) == sorted(ALL_PAIRS)
    assert len(ALL_PAIRS) == 49


@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED, ids=map(pair_id, ALLOWED))
def test_allowed_transition_changes_status_and_records_an_event(
    application, member, from_status, to_status
):
    in_status(application, from_status)
    by = actor_for(application, member, to_status)

    moved = services.application_move(
        application=application,
        by=by,
        to_status=to_status,
        message=" Thank you. ",
        internal_note=" Strong candidate. ",
        expected_status=from_status,
    )

    assert moved.status == to_status
    application.refresh_from_db()
    assert application.status == to_status
    event = ApplicationEvent.objects.filter(application=application).last()
    assert (event.from_status, event.to_status, event.actor) == (from_status, to_status, by)
    assert (event.message, event.internal_note) == ("Thank you.", "Strong candidate.")


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED, ids=map(pair_id, REFUSED))
def test_refused_transition_raises_and_changes_nothing(
    application, member, from_status, to_status
):
    in_status(application, from_status)
    events_before = ApplicationEvent.objects.count()

    with pytest.raises(ValidationError) as error:
        services.application_move(
            application=application,
            by=actor_for(application, member, to_status),
            to_status=to_status,
        )

    assert error.value.code == "transition"
    application.refresh_from_db()
    assert application.status == from_status
    assert ApplicationEvent.objects.count() == events_before


@pytest.mark.parametrize(
    ("from_status", "to_status"), BACK_TO_SUBMITTED, ids=map(pair_id, BACK_TO_SUBMITTED)
)
def test_nobody_moves_an_application_back_to_submitted(
    application, member, from_status, to_status
):
    in_status(application, from_status)
    events_before = ApplicationEvent.objects.count()

    for by in (member.user, application.seeker):
        with pytest.raises(PermissionDenied):
            services.application_move(application=application, by=by, to_status=to_status)

    application.refresh_from_db()
    assert application.status == from_status
    assert ApplicationEvent.objects.count() == events_before


def test_only_the_seeker_may_withdraw(application, member):
    for by in (member.user, SeekerFactory()):
        with pytest.raises(PermissionDenied):
            services.application_move(application=application, by=by, to_status=Status.WITHDRAWN)

    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_seeker_cannot_move_their_application_through_the_pipeline(application):
    with pytest.raises(PermissionDenied):
        services.application_move(
            application=application, by=application.seeker, to_status=Status.OFFER
        )


def test_employer_of_another_company_cannot_move_the_application(application, other_member):
    with pytest.raises(PermissionDenied):
        services.application_move(
            application=application, by=other_member.user, to_status=Status.IN_REVIEW
        )

    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_employer_of_another_company_cannot_add_a_note(application, other_member):
    with pytest.raises(PermissionDenied):
        services.application_add_note(application=application, by=other_member.user, note="Hi")


def test_any_member_of_the_company_may_move_it(application, member):
    colleague = MembershipFactory(company=member.company, role="member").user

    services.application_move(application=application, by=colleague, to_status=Status.IN_REVIEW)

    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW


def test_stale_expected_status_raises_with_the_current_status(application, member):
    services.application_move(application=application, by=member.user, to_status="in_review")
    events_before = ApplicationEvent.objects.count()

    with pytest.raises(StaleStatus) as error:
        services.application_move(
            application=application,
            by=member.user,
            to_status=Status.INTERVIEW,
            expected_status=Status.SUBMITTED,
        )

    assert error.value.messages == [
        "This application was changed meanwhile; it is now “In review”."
    ]
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    assert ApplicationEvent.objects.count() == events_before


def test_service_reads_the_current_status_not_the_callers_copy(application, member):
    stale_copy = Application.objects.get(pk=application.pk)
    services.application_move(application=application, by=member.user, to_status="rejected")

    with pytest.raises(ValidationError):
        services.application_move(application=stale_copy, by=member.user, to_status="in_review")

    application.refresh_from_db()
    assert application.status == Status.REJECTED


# ---- the employer's application page ----


def move_url(application) -> str:
    return f"/en/employer/applications/{application.pk}/move/"


def detail_url(application) -> str:
    return f"/en/employer/applications/{application.pk}/"


def test_employer_moves_an_application_through_the_page(employer_client, application, member):
    response = employer_client.post(
        move_url(application),
        {
            "to_status": "interview",
            "expected_status": "submitted",
            "message": "Can you come on Monday?",
            "internal_note": "Call before noon.",
        },
        follow=True,
    )

    assert response.redirect_chain == [(detail_url(application), 302)]
    text = page_text(response)
    assert "Status changed." in text
    assert "Message to the candidate: Can you come on Monday?" in text
    assert "Internal note: Call before noon." in text
    application.refresh_from_db()
    assert application.status == Status.INTERVIEW


def test_stale_page_says_the_application_changed_meanwhile(employer_client, application, member):
    # A colleague moved it to "in review" after this page was loaded at "submitted".
    services.application_move(application=application, by=member.user, to_status="in_review")

    response = employer_client.post(
        move_url(application),
        {"to_status": "interview", "expected_status": "submitted"},
        follow=True,
    )

    assert "This application was changed meanwhile; it is now “In review”." in page_text(response)
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW


def test_stale_page_with_a_target_no_longer_possible_says_it_changed(
    employer_client, application, member
):
    services.application_move(application=application, by=member.user, to_status="rejected")

    response = employer_client.post(
        move_url(application),
        {"to_status": "interview", "expected_status": "submitted"},
        follow=True,
    )

    assert "This application was changed meanwhile; it is now “Not selected”." in page_text(
        response
    )
    application.refresh_from_db()
    assert application.status == Status.REJECTED


def test_employer_of_another_company_gets_404_on_the_application_pages(
    client, application, other_member
):
    client.force_login(other_member.user)

    assert client.get(detail_url(application)).status_code == 404
    assert client.post(move_url(application), {"to_status": "rejected"}).status_code == 404
    assert client.post(f"{detail_url(application)}note/", {"note": "x"}).status_code == 404
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.events.count() == 1


def test_empty_note_is_refused_with_a_message(employer_client, application):
    response = employer_client.post(f"{detail_url(application)}note/", {"note": ""}, follow=True)

    assert "This field is required." in page_text(response)
    assert application.events.count() == 1


# ---- what the seeker sees ----


def test_seeker_sees_the_timeline_with_messages_but_never_internal_notes(
    client, employer_client, application, member
):
    employer_client.post(
        f"{detail_url(application)}note/", {"note": "Salary expectation too high"}
    )
    employer_client.post(
        move_url(application),
        {
            "to_status": "in_review",
            "expected_status": "submitted",
            "message": "We are reading your CV.",
            "internal_note": "Ask Tanaka-san to review",
        },
    )
    assert ApplicationEvent.objects.filter(internal_note__startswith="Salary").exists()

    client.force_login(application.seeker)
    response = client.get("/en/me/applications/")

    text = page_text(response)
    assert response.status_code == 200
    assert application.listing.title in text
    assert "Status: In review" in text
    assert "Submitted" in text
    assert "We are reading your CV." in text
    assert "Salary expectation too high" not in text
    assert "Ask Tanaka-san" not in text
    assert text.index("Submitted") < text.index("We are reading your CV.")


def test_seeker_sees_only_their_own_applications(client, application):
    mine = ApplicationFactory()
    client.force_login(mine.seeker)

    text = page_text(client.get("/en/me/applications/"))

    assert mine.listing.title in text
    assert application.listing.title not in text


def test_seeker_without_applications_is_invited_to_find_jobs(seeker_client):
    assert "You have not applied to any job yet." in page_text(
        seeker_client.get("/en/me/applications/")
    )


def test_withdrawing_asks_for_confirmation_first(client, application):
    client.force_login(application.seeker)

    response = client.get(f"/en/me/applications/{application.pk}/withdraw/")

    assert response.status_code == 200
    assert f"Withdraw your application to “{application.listing.title}”?" in page_text(response)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


def test_seeker_withdraws_with_a_post(client, application):
    client.force_login(application.seeker)

    response = client.post(f"/en/me/applications/{application.pk}/withdraw/", follow=True)

    assert response.redirect_chain == [("/en/me/applications/", 302)]
    assert "Application withdrawn." in page_text(response)
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    event = application.events.last()
    assert (event.from_status, event.to_status, event.actor) == (
        "submitted",
        "withdrawn",
        application.seeker,
    )
    assert "Withdraw this application" not in page_text(response)


def test_closed_application_cannot_be_withdrawn(client, application):
    in_status(application, Status.REJECTED)
    client.force_login(application.seeker)

    response = client.post(f"/en/me/applications/{application.pk}/withdraw/", follow=True)

    assert "An application that is “Not selected” cannot become “Withdrawn”." in page_text(
        response
    )
    application.refresh_from_db()
    assert application.status == Status.REJECTED


def test_seeker_cannot_withdraw_another_seekers_application(seeker_client, application):
    response = seeker_client.post(f"/en/me/applications/{application.pk}/withdraw/")

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
