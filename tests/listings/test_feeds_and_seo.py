"""The public SEO surface: feeds, sitemaps, listing and company pages, structured data."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation

from listings.models import Listing, Prefecture, Sector
from tests.accounts.factories import EmployerFactory, SeekerFactory, StaffFactory
from tests.listings.factories import (
    ClosedListingFactory,
    CompanyFactory,
    ExpiredListingFactory,
    ListingFactory,
    MembershipFactory,
    PendingListingFactory,
    PublishedListingFactory,
    RejectedListingFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
TOKYO = ZoneInfo("Asia/Tokyo")
NOT_ACCEPTING = "no longer accepting applications"
NOINDEX = '<meta name="robots" content="noindex">'
FEEDS = ["/en/jobs/feed/rss/", "/en/jobs/feed/atom/"]

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - the app's own response, built in this test


def _sector(slug):
    return Sector.objects.get(slug=slug)


def _listings_in_every_state():
    """One listing per state, and a published one whose deadline has passed."""
    return {
        "live": PublishedListingFactory(title_en="Live job"),
        "draft": ListingFactory(title_en="Draft job"),
        "pending": PendingListingFactory(title_en="Pending job"),
        "rejected": RejectedListingFactory(title_en="Rejected job"),
        "closed": ClosedListingFactory(title_en="Closed job"),
        "expired": ExpiredListingFactory(title_en="Expired job"),
        "past_deadline": PublishedListingFactory(
            title_en="Past deadline job",
            published_at=timezone.now() - datetime.timedelta(days=61),
            expires_at=timezone.now() - datetime.timedelta(hours=1),
        ),
    }


# ---- feeds ----


def _rss_items(client, query=""):
    response = client.get(f"/en/jobs/feed/rss/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = _parse_xml(response.content)
    assert root.tag == "rss"
    channel = root.find("channel")
    assert channel is not None
    return channel, channel.findall("item")


def _atom_entries(client, query=""):
    response = client.get(f"/en/jobs/feed/atom/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = _parse_xml(response.content)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


def _rss_titles(client, query=""):
    return [item.findtext("title") for item in _rss_items(client, query)[1]]


def _atom_titles(client, query=""):
    return [entry.findtext(f"{ATOM}title") for entry in _atom_entries(client, query)[1]]


def test_rss_feed_is_rss_xml_with_a_channel_of_items(client):
    listing = PublishedListingFactory(title_en="Welder")
    channel, items = _rss_items(client)
    assert channel.findtext("title")
    assert channel.findtext("link").endswith("/en/jobs/")
    (item,) = items
    assert item.findtext("title") == "Welder"
    assert item.findtext("link") == f"http://testserver{listing.get_absolute_url()}"
    assert item.findtext("guid") == settings.SITE_URL + listing.get_absolute_url()
    assert item.findtext("category") == "Nursing care"
    assert item.findtext("pubDate")


def test_atom_feed_is_atom_xml_with_entries(client):
    listing = PublishedListingFactory(title_en="Welder")
    root, entries = _atom_entries(client)
    assert root.findtext(f"{ATOM}title")
    (entry,) = entries
    assert entry.findtext(f"{ATOM}title") == "Welder"
    assert entry.find(f"{ATOM}link").get("href") == (
        f"http://testserver{listing.get_absolute_url()}"
    )
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == listing.company.name_en
    assert entry.findtext(f"{ATOM}updated")
    assert entry.find(f"{ATOM}summary").get("type") == "html"


def test_empty_feeds_are_still_valid(client):
    assert _rss_items(client)[1] == []
    assert _atom_entries(client)[1] == []


def test_feeds_carry_only_live_published_listings(client):
    _listings_in_every_state()
    assert _rss_titles(client) == ["Live job"]
    assert _atom_titles(client) == ["Live job"]


def test_feeds_list_newest_first(client):
    now = timezone.now()
    for title, age in (("Three days", 3), ("One hour", 1 / 24), ("Two days", 2)):
        PublishedListingFactory(title_en=title, published_at=now - datetime.timedelta(days=age))
    expected = ["One hour", "Two days", "Three days"]
    assert _rss_titles(client) == expected
    assert _atom_titles(client) == expected


def test_feeds_hold_at_most_fifty_items(client):
    oldest = PublishedListingFactory(
        title_en="Oldest", published_at=timezone.now() - datetime.timedelta(days=5)
    )
    PublishedListingFactory.create_batch(50)
    rss = _rss_titles(client)
    atom = _atom_titles(client)
    assert len(rss) == 50
    assert len(atom) == 50
    assert oldest.title_en not in rss
    assert oldest.title_en not in atom


def test_feeds_apply_the_search_filters(client):
    PublishedListingFactory(title_en="Scaffolder", sector=_sector("construction"))
    PublishedListingFactory(title_en="Care worker", sector=_sector("nursing-care"))
    ClosedListingFactory(title_en="Closed scaffolder", sector=_sector("construction"))
    channel, items = _rss_items(client, "?sector=construction")
    assert [item.findtext("title") for item in items] == ["Scaffolder"]
    assert [item.findtext("category") for item in items] == ["Construction"]
    assert channel.findtext("link").endswith("/en/jobs/?sector=construction")
    assert _atom_titles(client, "?sector=construction") == ["Scaffolder"]


def test_feeds_combine_filters_like_the_search_page(client):
    osaka = Prefecture.objects.get(code="27")
    PublishedListingFactory(
        title_en="Osaka builder", sector=_sector("construction"), prefecture=osaka
    )
    PublishedListingFactory(title_en="Tokyo builder", sector=_sector("construction"))
    PublishedListingFactory(title_en="Osaka carer", prefecture=osaka)
    assert _rss_titles(client, "?sector=construction&prefecture=osaka") == ["Osaka builder"]
    assert _atom_titles(client, "?sector=construction&prefecture=27") == ["Osaka builder"]


@pytest.mark.parametrize("feed", FEEDS)
@pytest.mark.parametrize(
    "query",
    [
        "?sector=no-such-sector",
        "?sector=construction&sector=nope",
        "?status=nope",
        "?prefecture=99",
        "?prefecture=atlantis",
        "?region=mars",
        "?employment_type=forever",
        "?jp_level=n9",
        "?salary_min=lots",
        "?salary_min=-5",
        "?salary_min=99999999999999",
        "?salary_min=1e400",
        "?housing=2",
        "?english_ok=yes",
        "?nationality=XX",
        "?posted_within=999",
        "?posted_within=-1",
        "?sort=cheapest",
        "?page=abc",
        "?q=" + "welder+" * 300,
        "?q=%3Cscript%3E",
        "?q=%00",
        "?unknown=1",
        "?sector=" + "&sector=".join(["construction"] * 50),
    ],
)
def test_feeds_survive_unknown_or_malformed_filter_values(client, feed, query):
    PublishedListingFactory(title_en="Scaffolder", sector=_sector("construction"))
    response = client.get(feed + query)
    assert response.status_code == 200
    _parse_xml(response.content)


def test_feed_with_unknown_sector_ignores_it_and_lists_everything_live(client):
    PublishedListingFactory(title_en="Scaffolder", sector=_sector("construction"))
    ClosedListingFactory(title_en="Closed")
    assert _rss_titles(client, "?sector=no-such-sector") == ["Scaffolder"]


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def _html_tags(fragment: str) -> list[str]:
    parser = _TagCollector()
    parser.feed(fragment)
    parser.close()
    return parser.tags


def test_feed_descriptions_escape_html_in_company_names(client):
    company = CompanyFactory(name_en="<b>Evil</b>")
    PublishedListingFactory(company=company, description_en="Plain text duties.")
    (item,) = _rss_items(client)[1]
    description = item.findtext("description")
    assert "<b>Evil</b>" not in description
    assert "&lt;b&gt;Evil&lt;/b&gt;" in description
    assert "b" not in _html_tags(description)
    (entry,) = _atom_entries(client)[1]
    summary = entry.findtext(f"{ATOM}summary")
    assert "<b>Evil</b>" not in summary
    assert "b" not in _html_tags(summary)
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "<b>Evil</b>"


def test_feed_descriptions_sanitise_the_listing_markdown(client):
    PublishedListingFactory(
        description_en="**Great pay** <script>alert(1)</script> [x](javascript:alert(1))"
    )
    (item,) = _rss_items(client)[1]
    description = item.findtext("description")
    assert "<strong>Great pay</strong>" in description
    assert "<script" not in description.lower()
    assert "javascript:" not in description.lower()
    assert "¥220,000–¥260,000 per month" in description


# ---- sitemaps ----


def _sitemap(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return _parse_xml(response.content)


def _locs(root):
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def test_sitemap_index_links_to_every_section(client):
    PublishedListingFactory()
    root = _sitemap(client, "/sitemap.xml")
    assert root.tag == f"{SITEMAP}sitemapindex"
    assert set(_locs(root)) == {
        "http://testserver/sitemap-static.xml",
        "http://testserver/sitemap-listings.xml",
        "http://testserver/sitemap-companies.xml",
        "http://testserver/sitemap-guides.xml",
    }


def test_every_section_the_index_names_is_a_urlset(client):
    PublishedListingFactory()
    for loc in _locs(_sitemap(client, "/sitemap.xml")):
        section = _sitemap(client, loc.removeprefix("http://testserver"))
        assert section.tag == f"{SITEMAP}urlset"


def test_static_sitemap_has_home_and_search(client):
    locs = _locs(_sitemap(client, "/sitemap-static.xml"))
    assert locs == [
        f"http://testserver/{language}/{page}" for page in ("", "jobs/") for language in LANGUAGES
    ]


def test_listings_sitemap_lists_live_listings_only(client):
    listings = _listings_in_every_state()
    second_live = PublishedListingFactory(title_en="Second live job")
    locs = _locs(_sitemap(client, "/sitemap-listings.xml"))
    expected = []
    for language in LANGUAGES:
        with translation.override(language):
            expected += [
                f"http://testserver{listing.get_absolute_url()}"
                for listing in (listings["live"], second_live)
            ]
    assert sorted(locs) == sorted(expected)


def test_listings_sitemap_gives_a_lastmod(client):
    PublishedListingFactory()
    root = _sitemap(client, "/sitemap-listings.xml")
    urls = root.findall(f"{SITEMAP}url")
    assert len(urls) == len(LANGUAGES)
    assert all(url.findtext(f"{SITEMAP}lastmod") for url in urls)


def test_companies_sitemap_lists_companies_with_live_listings_only(client):
    hiring = CompanyFactory(slug="hiring")
    PublishedListingFactory.create_batch(2, company=hiring)
    for state, factory in (
        ("drafting", ListingFactory),
        ("pending", PendingListingFactory),
        ("closed", ClosedListingFactory),
        ("expired", ExpiredListingFactory),
    ):
        factory(company=CompanyFactory(slug=state))
    CompanyFactory(slug="no-listings")
    locs = _locs(_sitemap(client, "/sitemap-companies.xml"))
    assert locs == [f"http://testserver/{language}/companies/hiring/" for language in LANGUAGES]


def test_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-nope.xml").status_code == 404


# ---- listing detail: structured data and meta tags ----


def _json_ld(html: str) -> dict:
    (block,) = JSON_LD.findall(html)
    return json.loads(block)


def _detail(client, listing):
    response = client.get(listing.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_live_listing_has_job_posting_structured_data(client):
    company = CompanyFactory(name_en="Kansai Build", name_ja="関西建設株式会社")
    listing = PublishedListingFactory(
        company=company,
        title_en="Scaffolder",
        prefecture=Prefecture.objects.get(code="27"),
        city="Sakai",
        sector=_sector("construction"),
    )
    data = _json_ld(_detail(client, listing))
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Scaffolder"
    assert datetime.date.fromisoformat(data["datePosted"][:10])
    assert datetime.datetime.fromisoformat(data["validThrough"]) == listing.expires_at
    assert data["employmentType"] == "FULL_TIME"
    assert data["hiringOrganization"]["name"] == "Kansai Build"
    assert data["hiringOrganization"]["alternateName"] == "関西建設株式会社"
    address = data["jobLocation"]["address"]
    assert address["addressRegion"] == "Osaka"
    assert address["addressLocality"] == "Sakai"
    assert address["addressCountry"] == "JP"
    assert data["baseSalary"]["currency"] == "JPY"
    assert data["baseSalary"]["value"]["minValue"] == 220_000
    assert data["baseSalary"]["value"]["maxValue"] == 260_000
    assert data["baseSalary"]["value"]["unitText"] == "MONTH"
    assert data["url"] == settings.SITE_URL + listing.get_absolute_url()
    assert "<h2>Duties</h2>" in data["description"]


@pytest.mark.parametrize(
    ("period", "low", "high", "unit"),
    [
        (Listing.SalaryPeriod.MONTHLY, 220_000, 260_000, "MONTH"),
        (Listing.SalaryPeriod.HOURLY, 1_200, 1_500, "HOUR"),
        (Listing.SalaryPeriod.YEARLY, 3_000_000, 4_000_000, "YEAR"),
    ],
)
def test_job_posting_salary_unit_follows_the_salary_period(client, period, low, high, unit):
    listing = PublishedListingFactory(salary_period=period, salary_min=low, salary_max=high)
    value = _json_ld(_detail(client, listing))["baseSalary"]["value"]
    assert value["unitText"] == unit
    assert (value["minValue"], value["maxValue"]) == (low, high)


@pytest.mark.parametrize(
    ("employment_type", "expected"),
    [
        (Listing.EmploymentType.FULL_TIME, "FULL_TIME"),
        (Listing.EmploymentType.PART_TIME, "PART_TIME"),
        (Listing.EmploymentType.CONTRACT, "CONTRACTOR"),
        (Listing.EmploymentType.SEASONAL, "TEMPORARY"),
    ],
)
def test_job_posting_employment_type_uses_schema_org_values(client, employment_type, expected):
    listing = PublishedListingFactory(employment_type=employment_type)
    assert _json_ld(_detail(client, listing))["employmentType"] == expected


def test_job_posting_date_posted_is_the_date_shown_on_the_page(client):
    yesterday = timezone.localdate(timezone=TOKYO) - datetime.timedelta(days=1)
    published = datetime.datetime.combine(yesterday, datetime.time(8, 0), tzinfo=TOKYO)
    listing = PublishedListingFactory(published_at=published)
    html = _detail(client, listing)
    assert f'<time datetime="{published.isoformat()}">' in html
    posted = _json_ld(html)["datePosted"]
    if "T" in posted:
        assert datetime.datetime.fromisoformat(posted) == published
    else:
        assert posted == yesterday.isoformat()


def test_title_cannot_break_out_of_the_json_ld_block(client):
    title = "Cook </script><script>alert(1)</script>"
    listing = PublishedListingFactory(title_en=title, slug="cook")
    html = _detail(client, listing)
    assert "<script>alert(1)</script>" not in html
    assert "</script><script>" not in html
    assert _json_ld(html)["title"] == title


def test_company_name_cannot_break_out_of_the_json_ld_block(client):
    name = "Evil </script><script>alert(1)</script> & Co"
    listing = PublishedListingFactory(company=CompanyFactory(name_en=name))
    html = _detail(client, listing)
    assert "<script>alert(1)</script>" not in html
    assert _json_ld(html)["hiringOrganization"]["name"] == name


def test_detail_page_has_canonical_link_and_open_graph_tags(client):
    company = CompanyFactory(name_en="Sakura Care")
    listing = PublishedListingFactory(company=company, title_en="Care worker")
    html = _detail(client, listing)
    canonical = settings.SITE_URL + listing.get_absolute_url()
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta property="og:title" content="Care worker — Sakura Care">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert "¥220,000–¥260,000 per month" in html
    assert NOINDEX not in html
    assert NOT_ACCEPTING not in html


def test_open_graph_title_escapes_html(client):
    listing = PublishedListingFactory(title_en='Cook "><script>alert(1)</script>', slug="cook")
    html = _detail(client, listing)
    assert "<script>alert(1)</script>" not in html
    assert 'content="Cook &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;' in html


@pytest.mark.parametrize("state", ["closed", "expired", "past_deadline"])
def test_listing_no_longer_accepting_applications_is_shown_but_not_indexed(client, state):
    listing = _listings_in_every_state()[state]
    html = _detail(client, listing)
    assert NOT_ACCEPTING in html
    assert NOINDEX in html
    assert "application/ld+json" not in html
    assert listing.title_en in html
    canonical = settings.SITE_URL + listing.get_absolute_url()
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_listing_description_is_rendered_as_sanitised_markdown(client):
    listing = PublishedListingFactory(
        description_en="# Duties\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))"
    )
    html = _detail(client, listing)
    assert "<h2>Duties</h2>" in html
    assert "alert(1)" not in html
    assert 'href="javascript:' not in html


# ---- listing detail: URLs ----


def test_wrong_slug_redirects_permanently_to_the_canonical_url(client):
    listing = PublishedListingFactory(title_en="Welder", slug="welder")
    response = client.get(f"/en/jobs/{listing.pk}/old-title/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/jobs/{listing.pk}/welder/"


def test_url_without_slug_redirects_permanently_to_the_canonical_url(client):
    listing = PublishedListingFactory(title_en="Welder", slug="welder")
    response = client.get(f"/en/jobs/{listing.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/jobs/{listing.pk}/welder/"


@pytest.mark.parametrize("state", ["closed", "expired"])
def test_closed_listing_old_slug_redirects_too(client, state):
    listing = _listings_in_every_state()[state]
    response = client.get(f"/en/jobs/{listing.pk}/old-title/")
    assert response.status_code == 301
    assert response["Location"] == listing.get_absolute_url()


def test_canonical_url_is_served_without_redirect(client):
    listing = PublishedListingFactory(title_en="Welder", slug="welder")
    assert client.get(f"/en/jobs/{listing.pk}/welder/").status_code == 200


def test_listing_with_a_japanese_slug_is_served_at_its_canonical_url(client):
    listing = PublishedListingFactory(
        title_en="", description_en="", title_ja="介護職員", description_ja="仕事", slug="介護職員"
    )
    response = client.get(listing.get_absolute_url())
    assert response.status_code == 200
    assert "介護職員" in response.content.decode()


@pytest.mark.parametrize("url", ["/en/jobs/999999/", "/en/jobs/999999/no-such-job/"])
def test_nonexistent_listing_is_404(client, url):
    PublishedListingFactory()
    assert client.get(url).status_code == 404


# ---- listing detail: who sees unpublished listings ----

UNPUBLISHED = {
    "draft": ListingFactory,
    "pending": PendingListingFactory,
    "rejected": RejectedListingFactory,
}


@pytest.mark.parametrize("state", UNPUBLISHED)
@pytest.mark.parametrize("visitor", ["anonymous", "seeker", "other_employer", "lone_employer"])
def test_unpublished_listing_is_404_to_outsiders(client, state, visitor):
    listing = UNPUBLISHED[state]()
    if visitor == "seeker":
        client.force_login(SeekerFactory())
    elif visitor == "other_employer":
        client.force_login(MembershipFactory().user)
    elif visitor == "lone_employer":
        client.force_login(EmployerFactory())
    assert client.get(listing.get_absolute_url()).status_code == 404
    assert client.get(f"/en/jobs/{listing.pk}/").status_code == 404


@pytest.mark.parametrize("state", UNPUBLISHED)
@pytest.mark.parametrize("visitor", ["owner", "member", "staff"])
def test_unpublished_listing_is_a_preview_for_its_company_and_staff(client, state, visitor):
    listing = UNPUBLISHED[state]()
    if visitor == "staff":
        client.force_login(StaffFactory())
    else:
        membership = MembershipFactory(company=listing.company, role=visitor)
        client.force_login(membership.user)
    html = _detail(client, listing)
    assert listing.title_en in html
    assert NOINDEX in html
    assert "application/ld+json" not in html


# ---- salary display ----

SALARIES = [
    (Listing.SalaryPeriod.MONTHLY, 220_000, 260_000, "¥220,000–¥260,000 per month"),
    (Listing.SalaryPeriod.HOURLY, 1_200, 1_500, "¥1,200–¥1,500 per hour"),
    (Listing.SalaryPeriod.YEARLY, 3_000_000, 4_000_000, "¥3,000,000–¥4,000,000 per year"),
    (Listing.SalaryPeriod.MONTHLY, 250_000, 250_000, "¥250,000 per month"),
    (Listing.SalaryPeriod.HOURLY, 1_100, 1_100, "¥1,100 per hour"),
]
SALARIES_JA = [
    (Listing.SalaryPeriod.MONTHLY, 220_000, 260_000, "月給 220,000円〜260,000円"),
    (Listing.SalaryPeriod.HOURLY, 1_200, 1_500, "時給 1,200円〜1,500円"),
    (Listing.SalaryPeriod.YEARLY, 3_000_000, 4_000_000, "年収 3,000,000円〜4,000,000円"),
    (Listing.SalaryPeriod.MONTHLY, 250_000, 250_000, "月給 250,000円"),
    (Listing.SalaryPeriod.YEARLY, 4_000_000, 4_000_000, "年収 4,000,000円"),
]


@pytest.mark.parametrize(("period", "low", "high", "expected"), SALARIES)
def test_detail_page_shows_the_salary_in_english(client, period, low, high, expected):
    listing = PublishedListingFactory(salary_period=period, salary_min=low, salary_max=high)
    html = _detail(client, listing)
    assert f"<strong>{expected}</strong>" in html
    assert f'<meta property="og:description" content="{expected} · ' in html


def _render_salary(listing) -> str:
    return Template("{% load listings_tags %}{% salary listing %}").render(
        Context({"listing": listing})
    )


@pytest.mark.parametrize(("period", "low", "high", "expected"), SALARIES)
def test_salary_tag_in_english(period, low, high, expected):
    listing = PublishedListingFactory(salary_period=period, salary_min=low, salary_max=high)
    with translation.override("en"):
        assert _render_salary(listing) == expected


@pytest.mark.parametrize(("period", "low", "high", "expected"), SALARIES_JA)
def test_salary_tag_in_japanese(period, low, high, expected):
    listing = PublishedListingFactory(salary_period=period, salary_min=low, salary_max=high)
    with translation.override("ja"):
        assert _render_salary(listing) == expected


# ---- company page ----


def test_company_page_shows_only_its_live_listings(client):
    company = CompanyFactory(slug="sakura", name_en="Sakura Works")
    PublishedListingFactory(company=company, title_en="Live one")
    PublishedListingFactory(company=company, title_en="Live two")
    for factory, title in (
        (ListingFactory, "Draft one"),
        (PendingListingFactory, "Pending one"),
        (RejectedListingFactory, "Rejected one"),
        (ClosedListingFactory, "Closed one"),
        (ExpiredListingFactory, "Expired one"),
    ):
        factory(company=company, title_en=title)
    PublishedListingFactory(title_en="Other company's job")
    response = client.get("/en/companies/sakura/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sakura Works" in html
    assert "Live one" in html
    assert "Live two" in html
    for title in (
        "Draft one",
        "Pending one",
        "Rejected one",
        "Closed one",
        "Expired one",
        "Other company's job",
    ):
        assert title not in html
    assert f'<link rel="canonical" href="{settings.SITE_URL}/en/companies/sakura/">' in html


def test_company_page_without_live_listings_says_so(client):
    company = CompanyFactory(slug="quiet")
    ClosedListingFactory(company=company, title_en="Closed one")
    html = client.get("/en/companies/quiet/").content.decode()
    assert "This company has no open jobs right now." in html
    assert "Closed one" not in html


def test_company_page_escapes_the_company_name(client):
    CompanyFactory(slug="evil", name_en="<b>Evil</b>")
    html = client.get("/en/companies/evil/").content.decode()
    assert "<b>Evil</b>" not in html
    assert "&lt;b&gt;Evil&lt;/b&gt;" in html


def test_unknown_company_slug_is_404(client):
    CompanyFactory(slug="sakura")
    assert client.get("/en/companies/no-such-company/").status_code == 404
