"""The employer API: a company token posts, edits, closes and lists its listings and moves its
applicants on, with the web forms' validation, the same services and the same rules."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from applicants.models import Application, ApplicationEvent
from listings.forms import ListingForm
from listings.models import Listing, ListingFlag, Prefecture, ResidenceStatus, Sector
from notifications.models import Notification
from tests.api.conftest import with_token
from tests.applicants.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

NEW_LISTING = {
    "title_en": "Care worker",
    "description_en": "## Duties\n\n- Help residents with daily life.",
    "sector": "nursing-care",
    "residence_statuses": ["ssw-1", "ssw-2"],
    "prefecture": "tokyo",
    "city": "Shinjuku",
    "employment_type": "full_time",
    "salary_min": 220_000,
    "salary_max": 260_000,
    "salary_period": "monthly",
    "japanese_level": "n4",
    "experience_years": 0,
    "housing": "provided",
    "openings": 2,
    "english_ok": True,
    "eligible_nationalities": ["PH", "PK"],
}


def _ids(response) -> set[int]:
    return {item["id"] for item in response.json()["results"]}


# ---- listing the company's listings ----


def test_lists_the_companys_listings_in_every_state_and_no_others(client_a, side_a, side_b):
    response = client_a.get("/api/v1/employer/listings/")
    assert response.status_code == 200
    assert _ids(response) == {listing.pk for listing in side_a.listings}
    assert {item["status"] for item in response.json()["results"]} == {
        "published",
        "draft",
        "closed",
        "rejected",
    }


def test_listings_filter_by_status(client_a, side_a):
    response = client_a.get("/api/v1/employer/listings/?status=draft")
    assert _ids(response) == {side_a.draft.pk}
    assert client_a.get("/api/v1/employer/listings/?status=nope").status_code == 400


@pytest.mark.parametrize("rows", [2, 12])
def test_employer_listings_run_a_fixed_number_of_queries(
    side_a, django_assert_max_num_queries, rows
):
    from tests.listings.factories import PublishedListingFactory

    PublishedListingFactory.create_batch(rows, company=side_a.company)
    client = with_token(side_a.key)
    client.get("/api/v1/employer/listings/")  # records last use: one write a minute at most
    # Token and membership (2), the page (1), its residence statuses (1).
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/employer/listings/?page_size=100")
    assert len(response.json()["results"]) == rows + 4


# ---- creating ----


def test_posting_a_listing_submits_it_for_review(client_a, side_a):
    response = client_a.post("/api/v1/employer/listings/", NEW_LISTING, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    listing = Listing.objects.get(pk=data["id"])
    assert listing.company == side_a.company
    assert listing.created_by == side_a.owner.user
    assert listing.status == Listing.Status.PENDING and listing.submitted_at
    assert data["status"] == "pending"
    assert set(listing.residence_statuses.values_list("slug", flat=True)) == {"ssw-1", "ssw-2"}
    assert [str(code) for code in listing.eligible_nationalities] == ["PH", "PK"]
    assert listing.english_ok is True and listing.visa_support is False


def test_a_posted_listing_is_audited_as_the_tokens_creator(client_a, side_a):
    response = client_a.post("/api/v1/employer/listings/", NEW_LISTING, format="json")
    entry = LogEntry.objects.get_for_object(Listing.objects.get(pk=response.json()["id"])).first()
    assert entry.actor == side_a.owner.user


def test_posting_raises_the_same_fair_recruitment_flags_as_the_web(client_a):
    body = {**NEW_LISTING, "description_en": "Workers pay a deposit of 100,000 yen."}
    response = client_a.post("/api/v1/employer/listings/", body, format="json")
    assert response.status_code == 201
    codes = set(ListingFlag.objects.filter(listing_id=response.json()["id"]).values_list("code"))
    assert ("worker_pays_fees",) in codes


def _web_form_errors(data: dict) -> dict:
    """What the employer page's form says about the same input (ids instead of slugs)."""
    ids = {
        "sector": lambda slug: Sector.objects.get(slug=slug).pk,
        "prefecture": lambda slug: Prefecture.objects.get(slug=slug).pk,
    }
    posted = {name: ids[name](value) if name in ids else value for name, value in data.items()}
    posted["residence_statuses"] = [
        ResidenceStatus.objects.get(slug=slug).pk for slug in data["residence_statuses"]
    ]
    from listings.models import JapaneseLevel

    posted["japanese_level"] = JapaneseLevel.objects.get(slug=data["japanese_level"]).pk
    form = ListingForm(posted)
    assert not form.is_valid()
    return {name: list(errors) for name, errors in form.errors.items()}


@pytest.mark.parametrize(
    "change",
    [
        {"salary_min": 300_000, "salary_max": 200_000},
        {"salary_min": 0},
        {"title_en": "", "description_en": ""},
        {"title_ja": "介護職員"},
        {"deadline": (timezone.localdate() + datetime.timedelta(days=200)).isoformat()},
        {"start_date": "2001-01-01"},
        {"openings": 0},
        {"city": "x" * 101},
        {"employment_type": "forever"},
    ],
)
def test_validation_errors_are_the_web_forms_own(client_a, change):
    body = {**NEW_LISTING, **change}
    response = client_a.post("/api/v1/employer/listings/", body, format="json")
    assert response.status_code == 400
    data = response.json()
    assert data["detail"]
    assert data["errors"] == _web_form_errors(body)
    assert not Listing.objects.filter(title_en="Care worker").exists()


def test_unknown_reference_slugs_are_field_errors(client_a):
    body = {**NEW_LISTING, "sector": "no-such", "residence_statuses": ["ssw-1", "nope"]}
    errors = client_a.post("/api/v1/employer/listings/", body, format="json").json()["errors"]
    assert set(errors) == {"sector", "residence_statuses"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**NEW_LISTING, "english_ok": "yes"}, "english_ok"),
        ({**NEW_LISTING, "residence_statuses": "ssw-1"}, "residence_statuses"),
        ({**NEW_LISTING, "city": {"name": "Shinjuku"}}, "city"),
        ({**NEW_LISTING, "salary_min": [1]}, "salary_min"),
        ([NEW_LISTING], "non_field_errors"),
        ("text", "non_field_errors"),
    ],
)
def test_wrong_json_types_are_field_errors_not_500(client_a, body, field):
    response = client_a.post("/api/v1/employer/listings/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_a_body_that_is_not_json_is_refused(client_a):
    response = client_a.post(
        "/api/v1/employer/listings/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}
    form = client_a.post("/api/v1/employer/listings/", {"city": "x"}, format="multipart")
    assert form.status_code == 415


# ---- updating and closing ----


def test_patch_changes_only_the_fields_sent(client_a, side_a):
    response = client_a.patch(
        f"/api/v1/employer/listings/{side_a.draft.pk}/", {"city": "Osaka"}, format="json"
    )
    assert response.status_code == 200
    side_a.draft.refresh_from_db()
    assert side_a.draft.city == "Osaka"
    assert side_a.draft.title_en.startswith("Care worker")
    assert side_a.draft.status == Listing.Status.DRAFT


def test_put_replaces_the_content(client_a, side_a):
    response = client_a.put(
        f"/api/v1/employer/listings/{side_a.draft.pk}/", NEW_LISTING, format="json"
    )
    assert response.status_code == 200
    assert response.json()["openings"] == 2
    incomplete = client_a.put(
        f"/api/v1/employer/listings/{side_a.draft.pk}/", {"city": "Osaka"}, format="json"
    )
    assert incomplete.status_code == 400
    assert "sector" in incomplete.json()["errors"]


def test_editing_a_rejected_listing_returns_it_to_draft(client_a, side_a):
    url = f"/api/v1/employer/listings/{side_a.rejected.pk}/"
    assert client_a.patch(url, {"city": "Kobe"}, format="json").json()["status"] == "draft"


def test_editing_a_published_listing_of_an_unverified_company_sends_it_back_to_review(
    client_a, side_a
):
    url = f"/api/v1/employer/listings/{side_a.published.pk}/"
    response = client_a.patch(url, {"city": "Kobe"}, format="json")
    assert response.json()["status"] == "pending"


def test_a_closed_listing_cannot_be_edited(client_a, side_a):
    url = f"/api/v1/employer/listings/{side_a.closed.pk}/"
    response = client_a.patch(url, {"city": "Kobe"}, format="json")
    assert response.status_code == 409
    assert response.json()["detail"]


def test_closing_a_published_listing(client_a, side_a):
    response = client_a.post(f"/api/v1/employer/listings/{side_a.published.pk}/close/")
    assert response.status_code == 200
    assert response.json()["status"] == "closed"
    again = client_a.post(f"/api/v1/employer/listings/{side_a.published.pk}/close/")
    assert again.status_code == 409
    draft = client_a.post(f"/api/v1/employer/listings/{side_a.draft.pk}/close/")
    assert draft.status_code == 409


# ---- applications ----


def test_lists_a_listings_applications_with_the_applicants_profile(client_a, side_a):
    response = client_a.get(f"/api/v1/employer/listings/{side_a.published.pk}/applications/")
    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["id"] == side_a.application.pk
    assert item["applicant"]["full_name"] == side_a.application.profile_snapshot["full_name"]
    assert item["cv"]["content_type"] == "application/pdf"
    assert item["cv_api_url"].endswith(f"/api/v1/employer/applications/{item['id']}/cv/")
    assert item["next_statuses"] == ["in_review", "interview", "rejected"]


@pytest.mark.parametrize("rows", [2, 12])
def test_applications_list_runs_a_fixed_number_of_queries(
    side_a, django_assert_max_num_queries, rows
):
    ApplicationFactory.create_batch(rows, listing=side_a.published)
    client = with_token(side_a.key)
    url = f"/api/v1/employer/listings/{side_a.published.pk}/applications/?page_size=100"
    client.get(url)
    # Token and membership (2), the listing (2, with its statuses), the page (1).
    with django_assert_max_num_queries(5):
        response = client.get(url)
    assert len(response.json()["results"]) == rows + 1


def test_applications_filter_by_status(client_a, side_a):
    url = f"/api/v1/employer/listings/{side_a.published.pk}/applications/"
    assert _ids(client_a.get(url + "?status=submitted")) == {side_a.application.pk}
    assert _ids(client_a.get(url + "?status=hired")) == set()
    assert client_a.get(url + "?status=bogus").status_code == 400


def test_moving_an_application_tells_the_candidate_like_the_web(client_a, side_a):
    url = f"/api/v1/employer/applications/{side_a.application.pk}/move/"
    response = client_a.post(
        url, {"to_status": "interview", "message": "See you Monday."}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "interview"
    event = ApplicationEvent.objects.filter(application=side_a.application).last()
    assert (event.actor, event.to_status, event.message) == (
        side_a.owner.user,
        "interview",
        "See you Monday.",
    )
    assert Notification.objects.filter(
        recipient=side_a.application.seeker, dedup_key=f"application-event:{event.pk}"
    ).exists()


def test_a_move_the_pipeline_does_not_allow_is_a_field_error(client_a, side_a):
    url = f"/api/v1/employer/applications/{side_a.application.pk}/move/"
    for to_status in ("hired", "withdrawn", "submitted", "nonsense"):
        response = client_a.post(url, {"to_status": to_status}, format="json")
        assert response.status_code == 400
        assert list(response.json()["errors"]) == ["to_status"]
    side_a.application.refresh_from_db()
    assert side_a.application.status == Application.Status.SUBMITTED


def test_a_move_based_on_a_stale_status_answers_409(client_a, side_a):
    url = f"/api/v1/employer/applications/{side_a.application.pk}/move/"
    response = client_a.post(
        url, {"to_status": "interview", "expected_status": "in_review"}, format="json"
    )
    assert response.status_code == 409


def test_downloads_the_cv_sent_with_the_application(client_a, side_a):
    response = client_a.get(f"/api/v1/employer/applications/{side_a.application.pk}/cv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_no_cv_once_the_seeker_deleted_their_account(client_a, side_a):
    Application.objects.filter(pk=side_a.application.pk).update(cv=None, seeker=None)
    response = client_a.get(f"/api/v1/employer/applications/{side_a.application.pk}/cv/")
    assert response.status_code == 404


# ---- company B is out of reach ----


def _b_urls(side_b) -> list[tuple[str, str, dict | None]]:
    listing, application = side_b.published.pk, side_b.application.pk
    return [
        ("get", f"/api/v1/employer/listings/{listing}/", None),
        ("put", f"/api/v1/employer/listings/{listing}/", NEW_LISTING),
        ("patch", f"/api/v1/employer/listings/{listing}/", {"city": "Hacked"}),
        ("post", f"/api/v1/employer/listings/{listing}/close/", None),
        ("get", f"/api/v1/employer/listings/{listing}/applications/", None),
        ("get", f"/api/v1/employer/applications/{application}/", None),
        ("post", f"/api/v1/employer/applications/{application}/move/", {"to_status": "hired"}),
        ("get", f"/api/v1/employer/applications/{application}/cv/", None),
    ]


def test_company_a_token_cannot_read_or_change_company_b(client_a, side_b):
    before = Listing.objects.get(pk=side_b.published.pk)
    for method, url, body in _b_urls(side_b):
        response = getattr(client_a, method)(url, body, format="json")
        missing = getattr(client_a, method)(
            url.replace(str(side_b.published.pk), "2000000000").replace(
                str(side_b.application.pk), "2000000000"
            ),
            body,
            format="json",
        )
        assert response.status_code == 404, (method, url)
        assert response.json() == missing.json()
    after = Listing.objects.get(pk=side_b.published.pk)
    assert (after.status, after.city, after.updated_at) == (
        before.status,
        before.city,
        before.updated_at,
    )
    side_b.application.refresh_from_db()
    assert side_b.application.status == Application.Status.SUBMITTED


def test_company_a_lists_never_show_company_b(client_a, side_b):
    body = client_a.get("/api/v1/employer/listings/?page_size=100").content.decode()
    assert "bravo-build" not in body and "Bravo Build" not in body
