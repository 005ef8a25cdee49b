"""The employer's applicants page: counts, filters, sorting, bulk rejection and CSV export."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from applicants.models import Application, ApplicationEvent
from tests.accounts.factories import EmployerFactory
from tests.applicants.conftest import page_text
from tests.applicants.factories import ApplicationFactory, SeekerProfileFactory
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db

Status = Application.Status


@pytest.fixture
def listing(member):
    return PublishedListingFactory(company=member.company)


def applicants_url(listing) -> str:
    return f"/en/employer/listings/{listing.pk}/applicants/"


def apply_as(listing, full_name, status=Status.SUBMITTED, minutes_ago=0, **profile):
    seeker_profile = SeekerProfileFactory(full_name=full_name, **profile)
    application = ApplicationFactory(listing=listing, seeker=seeker_profile.user, status=status)
    when = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    Application.objects.filter(pk=application.pk).update(created_at=when)
    application.refresh_from_db()
    return application


@pytest.fixture
def pipeline(listing):
    return {
        "Alice": apply_as(listing, "Alice", minutes_ago=40),
        "Bilal": apply_as(listing, "Bilal", Status.IN_REVIEW, minutes_ago=30),
        "Chen": apply_as(listing, "Chen", minutes_ago=20),
        "Dara": apply_as(listing, "Dara", Status.REJECTED, minutes_ago=10),
    }


def order_of(names, text):
    return sorted(names, key=text.index)


# ---- the list ----


def test_applicants_page_shows_counts_per_status(employer_client, listing, pipeline):
    response = employer_client.get(applicants_url(listing))

    assert response.status_code == 200
    text = page_text(response)
    for label in (
        "All (4)",
        "Submitted (2)",
        "In review (1)",
        "Interview (0)",
        "Offer (0)",
        "Hired (0)",
        "Not selected (1)",
        "Withdrawn (0)",
    ):
        assert label in text


def test_applicants_page_filters_by_status(employer_client, listing, pipeline):
    text = page_text(employer_client.get(applicants_url(listing), {"status": "submitted"}))

    assert "Alice" in text
    assert "Chen" in text
    assert "Bilal" not in text
    assert "Dara" not in text
    assert "All (4)" in text  # the counts stay those of the whole listing


def test_unknown_status_filter_shows_everyone(employer_client, listing, pipeline):
    text = page_text(employer_client.get(applicants_url(listing), {"status": "bogus"}))

    assert all(name in text for name in pipeline)


def test_applicants_are_sorted_newest_first_by_default(employer_client, listing, pipeline):
    text = page_text(employer_client.get(applicants_url(listing)))

    assert order_of(list(pipeline), text) == ["Dara", "Chen", "Bilal", "Alice"]


def test_applicants_can_be_sorted_oldest_first(employer_client, listing, pipeline):
    text = page_text(employer_client.get(applicants_url(listing), {"sort": "oldest"}))

    assert order_of(list(pipeline), text) == ["Alice", "Bilal", "Chen", "Dara"]


def test_only_open_applications_can_be_selected(employer_client, listing, pipeline):
    content = employer_client.get(applicants_url(listing)).content.decode()

    for name, application in pipeline.items():
        checkbox = f'name="applications" value="{application.pk}"'
        assert (checkbox in content) is application.is_open, name


def test_applicants_are_paginated_by_twenty_five_keeping_the_filter(employer_client, listing):
    ApplicationFactory.create_batch(27, listing=listing)
    apply_as(listing, "Zoe", Status.IN_REVIEW)

    first = employer_client.get(applicants_url(listing))
    second = employer_client.get(applicants_url(listing), {"page": "2"})
    filtered = employer_client.get(applicants_url(listing), {"status": "in_review"})

    assert first.content.decode().count('name="applications"') == 25
    assert "Page 1 of 2" in page_text(first)
    assert second.content.decode().count('name="applications"') == 3
    assert 'href="?page=2"' in first.content.decode()
    assert page_text(filtered).count("Zoe") == 1
    assert "Page 1 of" not in page_text(filtered)


def test_another_companys_listing_is_404(client, pipeline, listing, other_member):
    client.force_login(other_member.user)

    assert client.get(applicants_url(listing)).status_code == 404
    assert client.get(f"/en/employer/listings/{listing.pk}/applicants.csv").status_code == 404
    response = client.post(
        f"{applicants_url(listing)}reject/", {"applications": [pipeline["Alice"].pk]}
    )
    assert response.status_code == 404
    pipeline["Alice"].refresh_from_db()
    assert pipeline["Alice"].status == Status.SUBMITTED


def test_employer_without_a_company_is_sent_to_create_one(client, listing):
    client.force_login(EmployerFactory())

    response = client.get(applicants_url(listing))

    assert response.status_code == 302
    assert response["Location"] == "/en/employer/company/"


def test_seekers_cannot_open_the_applicants_page(seeker_client, listing):
    assert seeker_client.get(applicants_url(listing)).status_code == 403


# ---- bulk rejection ----


def test_bulk_reject_rejects_open_ones_and_skips_closed_ones(employer_client, listing, member):
    open_ones = [
        apply_as(listing, "Open 1"),
        apply_as(listing, "Open 2", Status.IN_REVIEW),
        apply_as(listing, "Open 3", Status.OFFER),
    ]
    closed = [
        apply_as(listing, "Hired", Status.HIRED),
        apply_as(listing, "Gone", Status.WITHDRAWN),
    ]

    response = employer_client.post(
        f"{applicants_url(listing)}reject/",
        {
            "applications": [app.pk for app in open_ones + closed],
            "message": "Thank you for applying; we chose another candidate.",
        },
        follow=True,
    )

    assert response.redirect_chain == [(applicants_url(listing), 302)]
    text = page_text(response)
    assert "Rejected: 3." in text
    assert "Skipped 2 that were already closed or changed." in text
    for application in open_ones:
        previous = application.status
        application.refresh_from_db()
        assert application.status == Status.REJECTED
        event = application.events.last()
        assert (event.from_status, event.to_status, event.actor) == (
            previous,
            "rejected",
            member.user,
        )
        assert event.message == "Thank you for applying; we chose another candidate."
    assert [app.status for app in closed] == [
        Application.objects.get(pk=app.pk).status for app in closed
    ]


def test_bulk_reject_refuses_ids_from_another_listing_and_changes_nothing(
    employer_client, listing, member
):
    mine = apply_as(listing, "Mine")
    sibling = apply_as(PublishedListingFactory(company=member.company), "Other listing")
    foreign = ApplicationFactory()
    events_before = ApplicationEvent.objects.count()

    response = employer_client.post(
        f"{applicants_url(listing)}reject/",
        {"applications": [mine.pk, sibling.pk, foreign.pk], "message": "No."},
        follow=True,
    )

    text = page_text(response)
    assert "Select a valid choice." in text
    assert "Rejected:" not in text
    assert set(Application.objects.values_list("status", flat=True)) == {Status.SUBMITTED}
    assert ApplicationEvent.objects.count() == events_before


def test_bulk_reject_needs_a_selection(employer_client, listing):
    response = employer_client.post(f"{applicants_url(listing)}reject/", {}, follow=True)

    assert "Select at least one applicant." in page_text(response)


def test_bulk_reject_needs_post(employer_client, listing):
    assert employer_client.get(f"{applicants_url(listing)}reject/").status_code == 405


# ---- CSV export ----


def export(client, listing):
    response = client.get(f"/en/employer/listings/{listing.pk}/applicants.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return response, list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


HEADER = [
    "Applied",
    "Status",
    "Full name",
    "Email",
    "Phone",
    "Nationality",
    "Country of residence",
    "In Japan",
    "Residence status",
    "Japanese level",
    "Skills tests",
    "Experience",
    "Cover letter",
]


def test_csv_export_has_a_header_and_one_row_per_application(employer_client, listing, pipeline):
    response, rows = export(employer_client, listing)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().strftime("%Y%m%d")
    assert response["Content-Disposition"] == (
        f'attachment; filename="applicants-{listing.pk}-{today}.csv"'
    )
    assert "no-store" in response["Cache-Control"]
    assert rows[0] == HEADER
    assert [row[2] for row in rows[1:]] == ["Alice", "Bilal", "Chen", "Dara"]
    alice = dict(zip(HEADER, rows[1], strict=True))
    assert alice["Status"] == "Submitted"
    assert alice["Email"] == pipeline["Alice"].seeker.email
    assert alice["Nationality"] == "Philippines"
    assert alice["Japanese level"] == "JLPT N4"
    assert alice["In Japan"] == "no"


def test_csv_export_of_a_listing_without_applicants_is_just_the_header(employer_client, listing):
    _response, rows = export(employer_client, listing)

    assert rows == [HEADER]


@pytest.mark.parametrize(
    "dangerous",
    ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "\t=1+1"],
    ids=["equals", "plus", "minus", "at", "tab"],
)
def test_csv_export_neutralises_formulas(employer_client, listing, dangerous):
    application = apply_as(listing, dangerous)
    Application.objects.filter(pk=application.pk).update(cover_letter=dangerous)

    _response, rows = export(employer_client, listing)

    row = dict(zip(HEADER, rows[1], strict=True))
    assert row["Full name"] == "'" + dangerous
    assert row["Cover letter"] == "'" + dangerous
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_export_round_trips_japanese_and_urdu(employer_client, listing):
    application = apply_as(listing, "山田 花子")
    Application.objects.filter(pk=application.pk).update(cover_letter="よろしくお願いします。")
    apply_as(listing, "عائشہ خان", nationality="PK")

    _response, rows = export(employer_client, listing)

    assert [row[2] for row in rows[1:]] == ["山田 花子", "عائشہ خان"]
    assert rows[1][12] == "よろしくお願いします。"
    assert rows[2][5] == "Pakistan"


def test_csv_export_contains_no_cv_contents(employer_client, listing, pipeline):
    response, rows = export(employer_client, listing)

    assert b"%PDF" not in response.content
    assert b"Catalog" not in response.content
    assert all(len(row) == len(HEADER) for row in rows)
