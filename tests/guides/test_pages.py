"""Every guide page renders in every language, with its sources, its anchors and few queries."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.utils import translation

from guides import anchors
from guides.models import Guide, GuideTranslation
from listings.models import Sector
from tests.guides.helpers import assert_link_resolves
from tests.listings.factories import ListingFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
REQUIRED_COUNTRIES = {"pk", "ph", "vn", "np", "id", "mm"}
SSW_FIELDS = [
    "nursing-care", "building-cleaning", "industrial-products", "construction", "shipbuilding",
    "automobile-repair", "aviation", "accommodation", "automobile-transport", "railway",
    "agriculture", "fishery", "food-manufacturing", "food-service", "forestry", "wood-industry",
]  # fmt: skip
PAGES = (
    [("process", "/guide/")]
    + [("field", f"/guide/fields/{slug}/") for slug in SSW_FIELDS]
    + [("country", f"/guide/countries/{code}/") for code in sorted(REQUIRED_COUNTRIES)]
)


def _title(html: str) -> str:
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).strip()


def _key(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1] if path != "/guide/" else "ssw"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "path"), PAGES)
def test_every_guide_page_renders_in_every_language_with_its_sources(client, kind, path, language):
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    html = response.content.decode()
    text = GuideTranslation.objects.get(guide__kind=kind, guide__key=_key(path), language=language)
    rtl = translation.get_language_info(language)["bidi"]
    assert f'<html lang="{language}" dir="{"rtl" if rtl else "ltr"}">' in html
    assert _title(html) == f"{text.title} · Hataraku"
    assert (
        f'<div class="prose guide-body" lang="{language}" dir="{"rtl" if rtl else "ltr"}">' in html
    )
    sources = text.source_list()
    assert sources
    for _name, url in sources:
        assert f'href="{url}"' in html
    for anchor in anchors.REQUIRED[kind]:
        assert f'id="{anchor}"' in html


def test_every_ssw_field_and_required_country_has_a_published_guide():
    fields = set(Sector.objects.filter(is_ssw_field=True).values_list("slug", flat=True))
    assert fields == set(SSW_FIELDS)
    published = Guide.objects.published()
    assert set(published.filter(kind="field").values_list("key", flat=True)) == fields
    assert set(published.filter(kind="country").values_list("key", flat=True)) >= (
        REQUIRED_COUNTRIES
    )
    # Listing pages link to these country pages without a query.
    assert anchors.COUNTRY_GUIDE_CODES == REQUIRED_COUNTRIES


def test_each_field_page_belongs_to_its_sector():
    for guide in Guide.objects.filter(kind="field").select_related("sector"):
        assert guide.sector.slug == guide.key
        guide.full_clean()


@pytest.mark.parametrize(
    "path",
    [
        "/en/guide/fields/no-such-field/",
        "/en/guide/fields/it-software/",  # a sector, but not an SSW field
        "/en/guide/fields/" + "a" * 300 + "/",
        "/en/guide/countries/zz/",
        "/en/guide/countries/us/",  # a real country the board has no guide for
        "/ja/guide/countries/no-such-country/",
    ],
)
def test_unknown_field_or_country_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_country_code_in_capitals_redirects_to_lowercase(client):
    response = client.get("/en/guide/countries/PK/")
    assert response.status_code == 301
    assert response["Location"] == "/en/guide/countries/pk/"


def test_unpublished_guide_is_not_found(client):
    Guide.objects.filter(kind="country", key="mm").update(is_published=False)
    assert client.get("/en/guide/countries/mm/").status_code == 404
    assert "/en/guide/countries/mm/" not in client.get("/en/guide/").content.decode()


def test_page_without_a_version_in_the_language_falls_back_to_english(client):
    GuideTranslation.objects.filter(guide__key="np", language="ur").delete()
    response = client.get("/ur/guide/countries/np/")
    assert response.status_code == 200
    html = response.content.decode()
    english = GuideTranslation.objects.get(guide__key="np", language="en")
    assert '<html lang="ur" dir="rtl">' in html
    assert '<div class="prose guide-body" lang="en" dir="ltr">' in html
    assert english.title in unescape(html)
    assert 'class="language-note"' in html


def test_process_guide_lists_every_field_and_country_guide(client):
    html = client.get("/en/guide/").content.decode()
    for slug in SSW_FIELDS:
        assert f'href="/en/guide/fields/{slug}/"' in html
    for code in REQUIRED_COUNTRIES:
        assert f'href="/en/guide/countries/{code}/"' in html


def test_links_inside_every_guide_resolve(client):
    """The Markdown links between guides (to steps and to other pages) all lead somewhere."""
    seen = set()
    for language in LANGUAGES:
        for _kind, path in PAGES:
            html = client.get(f"/{language}{path}").content.decode()
            body = html.split('class="prose guide-body"', 1)[1].split("</div>", 1)[0]
            for href in re.findall(r'href="(/[^"]+)"', body):
                if href not in seen:
                    seen.add(href)
                    assert_link_resolves(client, unescape(href))
    assert seen


def test_field_page_shows_the_live_count_of_open_listings_and_links_to_them(client):
    PublishedListingFactory.create_batch(2)  # nursing care
    ListingFactory()  # a draft: not counted
    PublishedListingFactory(sector=Sector.objects.get(slug="construction"))
    html = client.get("/en/guide/fields/nursing-care/").content.decode()
    link = re.search(r'<a class="field-open-jobs" href="([^"]+)">([^<]+)</a>', html)
    assert link.group(1) == "/en/jobs/?sector=nursing-care"
    assert link.group(2) == "2 open jobs"
    jobs = client.get(link.group(1))
    assert jobs.status_code == 200
    assert jobs.context["page_obj"].paginator.count == 2


@pytest.mark.parametrize(
    ("path", "most"),
    [
        ("/en/guide/", 4),
        ("/ur/guide/fields/nursing-care/", 3),
        ("/ja/guide/countries/pk/", 2),
    ],
)
def test_guide_pages_run_a_fixed_small_number_of_queries(
    client, django_assert_max_num_queries, path, most
):
    with django_assert_max_num_queries(most) as few:
        assert client.get(path).status_code == 200
    PublishedListingFactory.create_batch(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(path).status_code == 200


def test_process_guide_states_the_date_skill_development_replaces_technical_intern_training():
    for language, date in (
        ("en", "1 April 2027"),
        ("ja", "2027年4月1日"),
        ("ur", "یکم اپریل 2027"),
    ):
        body = GuideTranslation.objects.get(guide__key="ssw", language=language).body_markdown
        assert date in body


def test_sitemap_lists_every_guide_page_in_every_language(client):
    xml = client.get("/sitemap-guides.xml").content.decode()
    for _kind, path in PAGES:
        for language in LANGUAGES:
            assert f"<loc>http://testserver/{language}{path}</loc>" in xml
            assert f'hreflang="{language}" href="http://testserver/{language}{path}"' in xml


def test_navigation_links_to_the_guide_on_every_page(client):
    for language in LANGUAGES:
        html = client.get(f"/{language}/jobs/").content.decode()
        assert html.count(f'href="/{language}/guide/"') >= 2  # the menu and the footer
