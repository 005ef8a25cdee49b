"""/en/jobs/: live listings only, every filter, sorting, facets, pagination and bad input."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from listings import selectors, services
from listings.filters import ListingFilter
from listings.models import JapaneseLevel, Listing, Prefecture, Sector
from listings.search import cjk_bigrams
from tests.listings.factories import (
    ClosedListingFactory,
    CompanyFactory,
    ExpiredListingFactory,
    ListingFactory,
    PendingListingFactory,
    PublishedListingFactory,
)

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [listing.title for listing in response.context["page_obj"]]


def _get(client, query=""):
    response = client.get(f"/en/jobs/{query}")
    assert response.status_code == 200
    return response


def _sector(slug):
    return Sector.objects.get(slug=slug)


def _prefecture(code):
    return Prefecture.objects.get(code=code)


def _level(slug):
    return JapaneseLevel.objects.get(slug=slug)


@pytest.fixture
def board(db):
    """A small board with one listing per interesting attribute."""
    now = timezone.now()
    listings = {
        "care_tokyo": PublishedListingFactory(
            title_en="Care worker in Tokyo",
            title_ja="介護職員（東京）",
            description_ja="特別養護老人ホームでの介護業務です。",
            sector=_sector("nursing-care"),
            prefecture=_prefecture("13"),
            japanese_level=_level("n4"),
            salary_min=230_000,
            salary_max=260_000,
            housing=Listing.Housing.PROVIDED,
            published_at=now - datetime.timedelta(days=1),
        ),
        "build_osaka": PublishedListingFactory(
            title_en="Construction worker in Osaka",
            description_en="Scaffolding and concrete work on building sites.",
            sector=_sector("construction"),
            prefecture=_prefecture("27"),
            japanese_level=_level("n3"),
            salary_min=280_000,
            salary_max=330_000,
            english_ok=True,
            statuses=["ssw-1", "ssw-2"],
            published_at=now - datetime.timedelta(days=5),
        ),
        "farm_hokkaido": PublishedListingFactory(
            title_en="Dairy farm hand in Hokkaido",
            description_en="Milking and feeding cows.",
            sector=_sector("agriculture"),
            prefecture=_prefecture("01"),
            japanese_level=_level("none"),
            salary_period=Listing.SalaryPeriod.HOURLY,
            salary_min=1_200,
            salary_max=1_400,
            visa_support=True,
            eligible_nationalities=["PH", "VN"],
            employment_type=Listing.EmploymentType.SEASONAL,
            statuses=["ssw-1", "technical-intern"],
            published_at=now - datetime.timedelta(days=20),
        ),
        "jft_fukuoka": PublishedListingFactory(
            title_en="Kitchen staff in Fukuoka",
            description_en="Prepare set meals in a busy restaurant.",
            sector=_sector("food-service"),
            prefecture=_prefecture("40"),
            japanese_level=_level("jft-a2"),
            salary_min=210_000,
            salary_max=210_000,
            housing=Listing.Housing.SUPPORTED,
            published_at=now - datetime.timedelta(days=2),
        ),
    }
    # Not on the board: unpublished, closed, expired by status or by time.
    ListingFactory(title_en="Draft job")
    PendingListingFactory(title_en="Pending job")
    ClosedListingFactory(title_en="Closed job")
    ExpiredListingFactory(title_en="Expired job")
    PublishedListingFactory(
        title_en="Past deadline job", expires_at=now - datetime.timedelta(minutes=1)
    )
    return listings


def test_board_shows_live_listings_newest_first(client, board):
    assert _titles(_get(client)) == [
        "Care worker in Tokyo",
        "Kitchen staff in Fukuoka",
        "Construction worker in Osaka",
        "Dairy farm hand in Hokkaido",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?sector=construction", {"Construction worker in Osaka"}),
        (
            "?sector=construction&sector=agriculture",
            {"Construction worker in Osaka", "Dairy farm hand in Hokkaido"},
        ),
        ("?status=ssw-2", {"Construction worker in Osaka"}),
        ("?status=technical-intern&status=ssw-2", {"Construction worker in Osaka",
                                                   "Dairy farm hand in Hokkaido"}),
        ("?prefecture=13", {"Care worker in Tokyo"}),
        ("?prefecture=osaka", {"Construction worker in Osaka"}),
        ("?prefecture=13&prefecture=hokkaido", {"Care worker in Tokyo",
                                                "Dairy farm hand in Hokkaido"}),
        ("?region=kanto", {"Care worker in Tokyo"}),
        ("?region=kyushu-okinawa&region=hokkaido", {"Kitchen staff in Fukuoka",
                                                    "Dairy farm hand in Hokkaido"}),
        ("?jp_level=none", {"Dairy farm hand in Hokkaido"}),
        ("?jp_level=n5", {"Dairy farm hand in Hokkaido"}),
        ("?jp_level=n4", {"Dairy farm hand in Hokkaido", "Care worker in Tokyo",
                          "Kitchen staff in Fukuoka"}),
        ("?jp_level=jft-a2", {"Dairy farm hand in Hokkaido", "Care worker in Tokyo",
                              "Kitchen staff in Fukuoka"}),
        ("?salary_min=230000", {"Care worker in Tokyo", "Construction worker in Osaka"}),
        # 1,200 yen an hour is 208,560 yen a month.
        ("?salary_min=208000&sector=agriculture", {"Dairy farm hand in Hokkaido"}),
        ("?salary_min=209000&sector=agriculture", set()),
        ("?employment_type=seasonal", {"Dairy farm hand in Hokkaido"}),
        ("?housing=1", {"Care worker in Tokyo", "Kitchen staff in Fukuoka"}),
        ("?english_ok=1", {"Construction worker in Osaka"}),
        ("?visa_support=1", {"Dairy farm hand in Hokkaido"}),
        ("?nationality=VN", {"Care worker in Tokyo", "Construction worker in Osaka",
                             "Dairy farm hand in Hokkaido", "Kitchen staff in Fukuoka"}),
        ("?nationality=PK", {"Care worker in Tokyo", "Construction worker in Osaka",
                             "Kitchen staff in Fukuoka"}),
        ("?posted_within=3", {"Care worker in Tokyo", "Kitchen staff in Fukuoka"}),
        ("?posted_within=7", {"Care worker in Tokyo", "Kitchen staff in Fukuoka",
                              "Construction worker in Osaka"}),
        ("?region=kanto&housing=1&jp_level=n4", {"Care worker in Tokyo"}),
        ("?sector=nursing-care&english_ok=1", set()),
    ],
)  # fmt: skip
def test_filters(client, board, query, expected):
    assert set(_titles(_get(client, query))) == expected


def test_sort_by_salary_uses_the_monthly_equivalent(client, board):
    assert _titles(_get(client, "?sort=salary")) == [
        "Construction worker in Osaka",
        "Care worker in Tokyo",
        "Kitchen staff in Fukuoka",
        "Dairy farm hand in Hokkaido",
    ]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("construction", {"Construction worker in Osaka"}),
        ("CONCRETE", {"Construction worker in Osaka"}),
        ("kitchen fukuoka", {"Kitchen staff in Fukuoka"}),
        ("kitchen osaka", set()),
        ("介護", {"Care worker in Tokyo"}),
        ("介護職員", {"Care worker in Tokyo"}),
        ("老人ホーム", {"Care worker in Tokyo"}),
        # Sector keywords: what people type for a field.
        ("kaigo", {"Care worker in Tokyo"}),
        ("restaurant", {"Kitchen staff in Fukuoka"}),
        ("nothingmatchesthis", set()),
    ],
)
def test_keyword_search_in_english_and_japanese(client, board, q, expected):
    assert set(_titles(_get(client, f"?q={q}"))) == expected


def test_search_matches_the_company_name(client, board):
    company = CompanyFactory(name_en="Hinode Harvest")
    PublishedListingFactory(company=company, title_en="Greenhouse worker")
    assert _titles(_get(client, "?q=hinode")) == ["Greenhouse worker"]


def test_keyword_search_defaults_to_relevance_and_keeps_filters(client, board):
    response = _get(client, "?q=worker&sector=construction")
    assert response.context["results"].sort == "relevance"
    assert _titles(response) == ["Construction worker in Osaka"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking needs PostgreSQL")
def test_title_matches_rank_above_description_matches(client):
    PublishedListingFactory(
        title_en="Farm hand", description_en="Drive the tractor between welding jobs."
    )
    PublishedListingFactory(title_en="Welding technician", description_en="Shipyard work.")
    assert _titles(_get(client, "?q=welding&sort=relevance")) == [
        "Welding technician",
        "Farm hand",
    ]


def test_cjk_bigrams():
    assert cjk_bigrams("介護職員 at 東京") == "介護 護職 職員 東京"
    assert cjk_bigrams("介") == "介"
    assert cjk_bigrams("no japanese") == ""


def test_facet_counts_apply_the_other_filters(client, board):
    results = _get(client, "?sector=nursing-care&housing=1").context["results"]
    sectors = {s.id: s.slug for s in Sector.objects.all()}
    by_sector = {sectors[k]: v for k, v in results.facets["sector"].items()}
    # Housing is applied, the sector filter itself is not.
    assert by_sector == {"nursing-care": 1, "food-service": 1}
    assert results.facets["region"] == {"kanto": 1}
    levels = {level.slug: level.id for level in JapaneseLevel.objects.all()}
    assert results.facets["jp_level"][levels["n4"]] == 1
    assert results.facets["jp_level"][levels["none"]] == 0


def test_facet_counts_are_rendered_next_to_options(client, board):
    html = _get(client).content.decode()
    assert 'value="construction"> Construction <span class="count">(1)</span>' in html
    assert 'value="ssw-1"> Specified Skilled Worker (i) <span class="count">(4)</span>' in html


@pytest.mark.parametrize(
    "query",
    [
        "?sector=nonsense",
        "?status=ssw-9",
        "?prefecture=99",
        "?region=atlantis",
        "?jp_level=n9",
        "?salary_min=lots",
        "?salary_min=-5",
        "?salary_min=99999999999",
        "?employment_type=forever",
        "?housing=yes",
        "?nationality=XX",
        "?posted_within=1000",
        "?sort=random",
        "?page=abc",
        "?page=-1",
        "?sector=construction&sector=" + "x" * 5000,
        "?q=%00%ff",
    ],
)
def test_malformed_parameters_are_ignored_with_a_note(client, board, query):
    response = _get(client, query)
    assert len(response.context["page_obj"]) >= 1
    if not query.startswith(("?sort", "?page", "?q")):
        assert "We ignored a" in response.content.decode()


def test_known_values_survive_next_to_unknown_ones(client, board):
    response = _get(client, "?sector=construction&sector=bogus")
    assert _titles(response) == ["Construction worker in Osaka"]
    assert "We ignored a sector value we do not recognise." in response.content.decode()


def test_long_query_is_capped_at_200_characters(client, board):
    response = _get(client, "?q=" + "care " * 100)
    assert len(response.context["form"].cleaned_data["q"]) <= 200
    assert "shortened to 200 characters" in response.content.decode()


def test_twenty_a_page_and_out_of_range_page_gives_the_last(client):
    PublishedListingFactory.create_batch(45)
    first = _get(client)
    assert len(first.context["page_obj"]) == 20
    last = _get(client, "?page=999")
    assert last.context["page_obj"].number == 3
    assert len(last.context["page_obj"]) == 5


def test_normalised_querystring_drops_invalid_and_sorts(client, board):
    results = _get(
        client, "?status=ssw-2&sector=construction&sector=bogus&salary_min=abc&q=+worker+"
    ).context["results"]
    assert results.querystring == "q=worker&sector=construction&status=ssw-2"


@pytest.mark.parametrize(
    "query", ["", "?q=worker", "?sector=nursing-care&region=kanto&jp_level=n4&sort=salary"]
)
def test_browse_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, query):
    PublishedListingFactory.create_batch(3, title_en="Care worker")
    # Cold: five reference tables, the count, four facet counts and the page.
    with django_assert_max_num_queries(11):
        small = _get(client, query)
    # Warm: counts come from the cache.
    with django_assert_max_num_queries(1):
        _get(client, query)
    PublishedListingFactory.create_batch(30, title_en="Care worker")
    with django_assert_max_num_queries(6):
        large = _get(client, query)
    assert len(large.context["page_obj"]) > len(small.context["page_obj"])


def test_cached_counts_follow_publication_and_closing(
    client, staff, employer, django_capture_on_commit_callbacks
):
    listing = PendingListingFactory(title_en="Welder")
    assert _get(client).context["page_obj"].paginator.count == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.listing_approve(listing=listing, by=staff)
    assert _get(client).context["page_obj"].paginator.count == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.listing_close(listing=listing, by=employer)
    assert _get(client).context["page_obj"].paginator.count == 0


def test_company_page_and_detail_page_run_few_queries(client, django_assert_max_num_queries):
    listing = PublishedListingFactory(statuses=["ssw-1", "ssw-2", "no-restriction"])
    PublishedListingFactory.create_batch(10, company=listing.company)
    with django_assert_max_num_queries(3):
        assert client.get(listing.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(listing.company.get_absolute_url()).status_code == 200


def test_nationality_choice_is_kept_in_the_form(client, board):
    html = _get(client, "?nationality=VN").content.decode()
    assert '<option value="VN" selected>Vietnam</option>' in html
    assert '<option value="PH">Philippines</option>' in html


def test_memorandum_countries_come_first_in_the_nationality_list(client, board):
    html = _get(client).content.decode()
    agreement = html.index("Countries with an SSW agreement")
    everyone = html.index("All countries")
    assert agreement < html.index('<option value="PK">Pakistan</option>') < everyone
    assert everyone < html.index('<option value="BR">Brazil</option>')


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?housing=1",
        "?sector=nursing-care",
        "?region=kanto",
        "?sector=nursing-care&region=kanto",
        "?sector=construction&sector=agriculture&region=kansai&region=hokkaido&q=worker",
        "?sector=no-such-sector",
        "?q=nothing-matches-this",
    ],
)
def test_the_result_count_is_exact_whichever_filters_are_used(client, board, query):
    """The total comes from a facet's counts when it can: it must equal a real count."""
    results = _get(client, query).context["results"]
    params = QueryDict(query.lstrip("?"))
    expected = ListingFilter(params, queryset=Listing.objects.live()).qs.count()
    assert results.page.paginator.count == expected


def test_a_search_without_sector_or_region_filter_skips_the_count_query(client, board):
    with CaptureQueriesContext(connection) as queries:
        _get(client, "?housing=1")
    counts = [q["sql"] for q in queries if q["sql"].startswith('SELECT COUNT(*) AS "__count"')]
    assert counts == []


def test_deep_pages_stop_at_the_last_offered_page_and_say_so(client, board, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 1)
    monkeypatch.setattr(selectors, "MAX_PAGES", 2)

    last = _get(client, "?page=2")
    beyond = _get(client, "?page=3")

    assert last.context["page_obj"].number == 2
    assert beyond.context["page_obj"].number == 2
    assert last.context["page_obj"].paginator.count == 4  # the real total stays visible
    assert "Add a keyword or a filter to see the others." in last.content.decode()
    assert "Page 2 of 2" in last.content.decode()
    first = _get(client, "?page=1").content.decode()
    assert "Add a keyword or a filter to see the others." not in first


def test_a_short_result_list_is_not_called_capped(client, board):
    page = _get(client, "")
    assert page.context["results"].is_last_offered_page is False
    assert "Add a keyword or a filter" not in page.content.decode()


@pytest.mark.parametrize("query", ["", "?housing=1", "?q=worker", "?status=ssw-2"])
def test_facets_counted_together_equal_facets_counted_apart(board, query):
    params = QueryDict(query.lstrip("?"))
    without = {}
    for name in selectors.FACETS:
        others = params.copy()
        others.pop(name, None)
        without[name] = ListingFilter(others, queryset=Listing.objects.live()).qs

    together = selectors.facet_counts(without, unfiltered=list(selectors.SINGLE_VALUED))
    apart = selectors.facet_counts(without)

    assert together == apart
    assert sum(together["sector"].values()) == without["sector"].count()
