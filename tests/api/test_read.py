"""The public read API: the /jobs/ filters, cursor pages, languages, conditional GET,
reference data, company profiles, and query counts that do not grow with the rows."""

import datetime

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from listings import services
from listings.filters import ListingFilter
from listings.models import Listing, Prefecture, Sector
from listings.reference import reference_data
from tests.listings.factories import (
    ClosedListingFactory,
    CompanyFactory,
    ExpiredListingFactory,
    ListingFactory,
    PendingListingFactory,
    PublishedListingFactory,
)

pytestmark = pytest.mark.django_db


def _ids(response) -> list[int]:
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def board(db):
    return {
        "care": PublishedListingFactory(
            title_en="Care worker in Tokyo",
            title_ja="介護職員（東京）",
            description_ja="特別養護老人ホームでの介護業務です。",
            salary_min=230_000,
            salary_max=260_000,
            housing=Listing.Housing.PROVIDED,
        ),
        "build": PublishedListingFactory(
            title_en="Scaffolder in Osaka",
            sector=Sector.objects.get(slug="construction"),
            prefecture=Prefecture.objects.get(code="27"),
            salary_min=300_000,
            salary_max=350_000,
            statuses=["ssw-2"],
        ),
        "draft": ListingFactory(),
        "pending": PendingListingFactory(),
        "closed": ClosedListingFactory(),
        "expired": ExpiredListingFactory(),
    }


def test_jobs_lists_the_live_listings_only(api, board):
    response = api.get("/api/v1/jobs/")
    assert response.status_code == 200
    assert sorted(_ids(response)) == sorted([board["care"].pk, board["build"].pk])
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "query",
    [
        "sector=construction",
        "sector=nursing-care&sector=construction",
        "prefecture=27",
        "prefecture=osaka",
        "region=kanto",
        "salary_min=280000",
        "status=ssw-2",
        "housing=1",
        "jp_level=n4",
        "posted_within=7",
        "employment_type=full_time",
    ],
)
def test_jobs_filter_exactly_like_the_jobs_page(api, board, query, rf):
    """The same FilterSet over the same queryset: the API and /jobs/ agree."""
    request = rf.get(f"/en/jobs/?{query}")
    expected = ListingFilter(request.GET, queryset=Listing.objects.live()).qs
    response = api.get(f"/api/v1/jobs/?{query}")
    assert response.status_code == 200
    assert sorted(_ids(response)) == sorted(expected.values_list("pk", flat=True))
    assert response.json()["notes"] == []


def test_jobs_keyword_search_finds_both_languages(api, board):
    assert _ids(api.get("/api/v1/jobs/?q=Scaffolder")) == [board["build"].pk]
    assert _ids(api.get("/api/v1/jobs/", {"q": "介護"})) == [board["care"].pk]


def test_unknown_filter_values_are_ignored_and_noted(api, board):
    response = api.get("/api/v1/jobs/?sector=no-such-sector&sector=construction")
    assert response.status_code == 200
    assert _ids(response) == [board["build"].pk]
    assert len(response.json()["notes"]) == 1


@pytest.mark.parametrize(
    "query", ["salary_min=abc", "salary_min=-5", "nationality=XX", "posted_within=2", "lang=fr"]
)
def test_invalid_parameters_answer_400_with_field_errors(api, board, query):
    response = api.get(f"/api/v1/jobs/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert list(body["errors"]) == [query.split("=")[0]]


def test_cursor_pages_walk_every_listing_once_newest_first(api, db):
    now = timezone.now()
    listings = [
        PublishedListingFactory(published_at=now - datetime.timedelta(hours=n)) for n in range(7)
    ]
    seen, url = [], "/api/v1/jobs/?page_size=3"
    while url:
        response = api.get(url)
        assert response.status_code == 200
        assert len(response.json()["results"]) <= 3
        seen += _ids(response)
        url = response.json()["next"]
    assert seen == [listing.pk for listing in listings]


@pytest.mark.parametrize("cursor", ["garbage", "cD0yMDI0", "cD1hYmM=", "%00", "x" * 500])
def test_an_invalid_cursor_answers_404_not_500(api, board, cursor):
    response = api.get("/api/v1/jobs/", {"cursor": cursor})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid cursor"}


def test_a_forged_cursor_offset_is_capped(api, board):
    # "o=99999999999999999999": DRF caps offsets at 1000 instead of counting that far.
    response = api.get("/api/v1/jobs/", {"cursor": "bz05OTk5OTk5OTk5OTk5OTk5OTk5OTk="})
    assert response.status_code == 200


@pytest.mark.parametrize("size", ["0", "-1", "abc", "100000"])
def test_page_size_is_bounded(api, board, size):
    response = api.get("/api/v1/jobs/", {"page_size": size})
    assert response.status_code == 200


def test_listing_fields_cover_every_structured_attribute_with_absolute_urls(api, board):
    listing = board["care"]
    data = api.get(f"/api/v1/jobs/{listing.pk}/").json()
    assert data["url"] == settings.SITE_URL + listing.get_absolute_url()
    assert data["api_url"] == f"http://testserver/api/v1/jobs/{listing.pk}/"
    assert data["company"]["url"].startswith(settings.SITE_URL)
    assert data["title_en"] == "Care worker in Tokyo"
    assert data["title_ja"] == "介護職員（東京）"
    assert data["description_ja"] == "特別養護老人ホームでの介護業務です。"
    assert data["sector"]["slug"] == "nursing-care"
    assert data["prefecture"] == {
        "slug": "tokyo",
        "name": "Tokyo",
        "code": "13",
        "region": "kanto",
    }
    assert [status["slug"] for status in data["residence_statuses"]] == ["ssw-1"]
    assert data["japanese_level"]["slug"] == "n4"
    assert (data["salary_min"], data["salary_max"], data["salary_period"]) == (
        230_000,
        260_000,
        "monthly",
    )
    assert data["housing"] == "provided"
    assert data["accepting_applications"] is True
    for name in (
        "employment_type",
        "skills_test_required",
        "experience_years",
        "english_ok",
        "visa_support",
        "eligible_nationalities",
        "openings",
        "start_date",
        "deadline",
        "published_at",
        "expires_at",
    ):
        assert name in data


def test_closed_and_expired_listings_stay_readable_but_not_accepting(api, board):
    for name in ("closed", "expired"):
        data = api.get(f"/api/v1/jobs/{board[name].pk}/").json()
        assert data["accepting_applications"] is False


@pytest.mark.parametrize("name", ["draft", "pending"])
def test_unpublished_listings_answer_404_like_missing_ones(api, board, name):
    response = api.get(f"/api/v1/jobs/{board[name].pk}/")
    missing = api.get("/api/v1/jobs/2000000000/")
    assert (response.status_code, response.json()) == (missing.status_code, missing.json())
    assert response.status_code == 404


def test_a_deleted_companys_listing_answers_404(api, db):
    listing = ClosedListingFactory()
    owner = listing.company.memberships.create(user=_employer(), role="owner").user
    services.company_delete(
        company=listing.company, by=owner, confirm_name=listing.company.name_en
    )
    assert api.get(f"/api/v1/jobs/{listing.pk}/").status_code == 404


def _employer():
    from tests.accounts.factories import EmployerFactory

    return EmployerFactory()


# ---- languages ----


def test_lang_parameter_chooses_names_and_labels(api, board):
    response = api.get(f"/api/v1/jobs/{board['care'].pk}/?lang=ja")
    data = response.json()
    assert response["Content-Language"] == "ja"
    assert data["sector"]["name"] == "介護"
    assert data["language"] == "ja"
    assert data["title"] == "介護職員（東京）"
    # Both language versions are always there.
    assert data["title_en"] == "Care worker in Tokyo"


def test_accept_language_chooses_the_language_too(api, board):
    response = api.get("/api/v1/sectors/", HTTP_ACCEPT_LANGUAGE="ur")
    assert response["Content-Language"] == "ur"
    nursing = next(item for item in response.json() if item["slug"] == "nursing-care")
    assert nursing["name"] == nursing["name_ur"]
    assert "Accept-Language" in response["Vary"]


def test_a_listing_written_only_in_english_is_shown_in_english_to_japanese_readers(api, board):
    data = api.get(f"/api/v1/jobs/{board['build'].pk}/?lang=ja").json()
    assert data["language"] == "en"
    assert data["title"] == "Scaffolder in Osaka"
    assert data["title_ja"] is None


# ---- conditional GET ----


def test_list_answers_304_while_nothing_changed(api, board):
    first = api.get("/api/v1/jobs/?sector=nursing-care")
    assert first["ETag"] and first["Last-Modified"]
    again = api.get("/api/v1/jobs/?sector=nursing-care", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    since = api.get(
        "/api/v1/jobs/?sector=nursing-care", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert since.status_code == 304


def test_list_etag_changes_with_the_results_and_the_language(api, board):
    first = api.get("/api/v1/jobs/")
    assert api.get("/api/v1/jobs/?lang=ja")["ETag"] != first["ETag"]
    services.listing_close(listing=board["care"], by=None)
    after = api.get("/api/v1/jobs/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]


def test_detail_answers_304_until_the_listing_changes(api, board):
    url = f"/api/v1/jobs/{board['care'].pk}/"
    first = api.get(url)
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    Listing.objects.filter(pk=board["care"].pk).update(
        city="Nerima", updated_at=timezone.now() + datetime.timedelta(seconds=2)
    )
    changed = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed.json()["city"] == "Nerima"


def test_reference_data_supports_conditional_get(api, db):
    first = api.get("/api/v1/prefectures/")
    assert api.get("/api/v1/prefectures/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# ---- reference data and companies ----


@pytest.mark.parametrize(
    ("path", "attribute"),
    [
        ("sectors", "sectors"),
        ("residence-statuses", "statuses"),
        ("prefectures", "prefectures"),
        ("japanese-levels", "japanese_levels"),
    ],
)
def test_reference_endpoints_list_the_active_rows_in_every_language(api, db, path, attribute):
    rows = getattr(reference_data(), attribute)
    data = api.get(f"/api/v1/{path}/").json()
    assert [item["slug"] for item in data] == [row.slug for row in rows]
    assert all(item["name_en"] and item["name_ja"] for item in data)


def test_prefectures_carry_codes_regions_and_minimum_wages(api, db):
    data = api.get("/api/v1/prefectures/").json()
    assert len(data) == 47
    tokyo = next(item for item in data if item["code"] == "13")
    assert (tokyo["region"], tokyo["minimum_wage_yen"]) == ("kanto", 1226)


def test_company_profile_shows_its_live_listings_only(api, board):
    company = board["care"].company
    PublishedListingFactory(company=company, title_en="Second job")
    ListingFactory(company=company)
    data = api.get(f"/api/v1/companies/{company.slug}/").json()
    assert data["name_en"] == company.name_en
    assert data["url"] == settings.SITE_URL + company.get_absolute_url()
    assert sorted(job["title_en"] for job in data["jobs"]) == [
        "Care worker in Tokyo",
        "Second job",
    ]


def test_a_deleted_or_unknown_company_answers_404(api, db):
    company = CompanyFactory()
    owner = company.memberships.create(user=_employer(), role="owner").user
    slug = company.slug
    services.company_delete(company=company, by=owner, confirm_name=company.name_en)
    assert api.get(f"/api/v1/companies/{slug}/").status_code == 404
    assert api.get(f"/api/v1/companies/{company.slug}/").status_code == 404
    assert api.get("/api/v1/companies/no-such-company/").status_code == 404


# ---- query counts ----


@pytest.mark.parametrize("rows", [3, 15])
def test_jobs_list_runs_a_fixed_number_of_queries(api, db, django_assert_max_num_queries, rows):
    PublishedListingFactory.create_batch(rows, statuses=["ssw-1", "ssw-2"])
    api.get("/api/v1/sectors/")  # the reference data is cached for every request
    # Validators (1), the page (1) and its residence statuses (1).
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/jobs/?page_size=100&sector=nursing-care&status=ssw-1")
    assert len(response.json()["results"]) == rows


@pytest.mark.parametrize("rows", [3, 15])
def test_company_profile_runs_a_fixed_number_of_queries(
    api, db, django_assert_max_num_queries, rows
):
    company = CompanyFactory()
    PublishedListingFactory.create_batch(rows, company=company)
    with django_assert_max_num_queries(2):
        response = api.get(f"/api/v1/companies/{company.slug}/")
    assert len(response.json()["jobs"]) == rows


def test_reference_lists_come_from_the_cache(api, db, django_assert_max_num_queries):
    api.get("/api/v1/sectors/")
    with django_assert_max_num_queries(0):
        for path in ("sectors", "residence-statuses", "prefectures", "japanese-levels"):
            assert api.get(f"/api/v1/{path}/").status_code == 200


@override_settings(API_READ_RATE=None)
def test_write_methods_on_read_endpoints_answer_405(api, board):
    assert api.post("/api/v1/jobs/", {}, format="json").status_code == 405
    assert api.delete(f"/api/v1/jobs/{board['care'].pk}/").status_code == 405
