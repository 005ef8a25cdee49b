"""Fair-recruitment flags raised at submission, and where moderators see them."""

import pytest

from listings import services
from listings.models import FeeKeyword, Listing, ListingFlag, Prefecture, Sector
from tests.listings.factories import ListingFactory, reference
from tests.moderation.pages import LISTINGS_ADMIN, QUEUE, form_data, listed, page_text

pytestmark = pytest.mark.django_db

Code = ListingFlag.Code
# A listing that raises no flag: fair pay in Tokyo, SSW (i) in an SSW field with support.
CLEAN = {
    "title_en": "Care worker in Shinjuku",
    "description_en": "Help residents with daily life. Housing is provided.",
    "salary_min": 220_000,
    "salary_max": 260_000,
    "salary_period": Listing.SalaryPeriod.MONTHLY,
    "support_org_name": "Kanto Support Association",
}


def submitted_flags(**fields) -> dict[str, str]:
    """Submit a listing (clean unless `fields` say otherwise); {flag code: detail}."""
    statuses = fields.pop("statuses", ["ssw-1"])
    listing = ListingFactory(**{**CLEAN, **fields}, statuses=statuses)
    services.listing_submit(listing=listing, by=None)
    return dict(ListingFlag.objects.filter(listing=listing).values_list("code", "detail"))


def test_a_clean_listing_raises_no_flag():
    assert submitted_flags() == {}


# ---- minimum wage (Tokyo: ¥1,226 an hour; 173.8 h a month, 2,085.7 h a year) ----


@pytest.mark.parametrize(
    ("period", "amount", "hourly"),
    [
        ("hourly", 1_200, "1,200"),
        ("monthly", 200_000, "1,151"),
        ("monthly", 213_078, "1,226"),  # ¥1,225.99 an hour
        ("yearly", 2_500_000, "1,199"),
    ],
)
def test_pay_below_the_prefecture_minimum_wage_is_flagged(period, amount, hourly):
    flags = submitted_flags(salary_period=period, salary_min=amount, salary_max=amount * 2)

    assert flags == {
        Code.BELOW_MINIMUM_WAGE: (f"About ¥{hourly} an hour; the minimum wage in Tokyo is ¥1,226.")
    }


@pytest.mark.parametrize(
    ("period", "amount"),
    [
        ("hourly", 1_226),
        ("hourly", 1_500),
        ("monthly", 213_079),
        ("monthly", 215_000),
        ("yearly", 2_557_069),
        ("yearly", 2_600_000),
    ],
)
def test_pay_at_or_above_the_minimum_wage_is_not_flagged(period, amount):
    assert submitted_flags(salary_period=period, salary_min=amount, salary_max=amount * 2) == {}


def test_minimum_wage_is_the_listing_prefectures():
    akita = reference(Prefecture, code="05")
    assert akita.minimum_wage_yen == 1_031

    assert submitted_flags(prefecture=akita, salary_min=185_000) == {}
    assert Code.BELOW_MINIMUM_WAGE in submitted_flags(salary_min=185_000)


def test_only_the_minimum_of_a_salary_range_counts():
    flags = submitted_flags(salary_min=180_000, salary_max=400_000)

    assert set(flags) == {Code.BELOW_MINIMUM_WAGE}


# ---- fees and deposits ----


@pytest.mark.parametrize(
    ("field", "text", "phrase"),
    [
        ("description_en", "A deposit of 50,000 yen is due before departure.", "deposit"),
        ("description_en", "Placement Fee: 100,000 yen, paid by the worker.", "placement fee"),
        ("title_en", "Factory worker (no agency fee? ask us)", "agency fee"),
        ("description_ja", "入社時に保証金5万円をお預かりします。", "保証金"),
        ("description_ja", "紹介手数料は本人負担です。", "手数料"),
        ("description_en", "ملازمت سے پہلے ضمانت کی رقم جمع کروانی ہوگی۔", "ضمانت کی رقم"),
    ],
)
def test_fee_keywords_in_any_language_are_flagged(field, text, phrase):
    flags = submitted_flags(**{field: text})

    assert flags == {Code.WORKER_PAYS_FEES: phrase}


def test_every_fee_keyword_found_is_listed():
    flags = submitted_flags(description_ja="保証金と手数料が必要です。")

    assert flags[Code.WORKER_PAYS_FEES] == "保証金, 手数料"


def test_text_without_fee_keywords_is_not_flagged():
    flags = submitted_flags(
        description_en="The company covers the flight and the visa costs. Free meals.",
        description_ja="渡航費と寮費は会社負担です。",
    )

    assert flags == {}


def test_fee_keywords_come_from_the_migration_in_three_languages():
    languages = set(FeeKeyword.objects.filter(is_active=True).values_list("language", flat=True))

    assert languages == {"en", "ja", "ur"}
    assert FeeKeyword.objects.filter(phrase="ضمانت کی رقم", language="ur").exists()


def test_a_keyword_deactivated_in_the_admin_no_longer_flags(moderator_client):
    keyword = FeeKeyword.objects.get(phrase="保証金")
    url = f"/admin/listings/feekeyword/{keyword.pk}/change/"
    data = form_data(moderator_client.get(url), field="phrase")
    data.pop("is_active")

    assert moderator_client.post(url, data).status_code == 302

    keyword.refresh_from_db()
    assert not keyword.is_active
    assert submitted_flags(description_ja="保証金5万円が必要です。") == {}
    assert Code.WORKER_PAYS_FEES in submitted_flags(description_ja="手数料が必要です。")


def test_a_keyword_added_in_the_admin_flags_new_listings(moderator_client):
    response = moderator_client.post(
        "/admin/listings/feekeyword/add/",
        {"phrase": "uniform fee", "language": "en", "is_active": "on", "checked_on": ""},
    )

    assert response.status_code == 302
    flags = submitted_flags(description_en="A uniform fee is taken from the first salary.")
    assert flags == {Code.WORKER_PAYS_FEES: "uniform fee"}


# ---- Specified Skilled Worker ----


def sector(slug: str) -> Sector:
    return reference(Sector, slug=slug)


def test_ssw_in_a_field_that_is_not_an_ssw_field_is_flagged():
    flags = submitted_flags(sector=sector("it-software"))

    assert flags == {Code.SSW_INCONSISTENT: "Accepts SSW but IT and software is not an SSW field."}


def test_ssw_ii_in_a_field_without_ssw_ii_is_flagged():
    flags = submitted_flags(sector=sector("nursing-care"), statuses=["ssw-2"])

    assert flags == {
        Code.SSW_INCONSISTENT: "Accepts SSW (ii), which does not exist for Nursing care."
    }


def test_ssw_ii_in_a_field_with_ssw_ii_is_not_flagged():
    assert submitted_flags(sector=sector("construction"), statuses=["ssw-1", "ssw-2"]) == {}


def test_ssw_i_without_a_support_organisation_or_mention_of_support_is_flagged():
    flags = submitted_flags(support_org_name="")

    assert flags == {
        Code.SSW_INCONSISTENT: ("SSW (i) without a support arrangement (no support organisation).")
    }


@pytest.mark.parametrize(
    "fields",
    [
        {"support_org_name": "Kanto Support Association"},
        {"support_org_name": "", "description_en": "We provide the support plan ourselves."},
        {"support_org_name": "", "description_ja": "登録支援機関が生活を支援します。"},
    ],
)
def test_ssw_i_with_a_support_arrangement_is_not_flagged(fields):
    assert submitted_flags(**fields) == {}


def test_listings_without_ssw_in_other_fields_are_not_checked_for_ssw():
    flags = submitted_flags(
        sector=sector("it-software"), statuses=["engineer-humanities"], support_org_name=""
    )

    assert flags == {}


# ---- contact details that route applicants off the site ----


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Call us on 03-1234-5678 to apply.", "03-1234-5678"),
        ("Mobile 090-1234-5678", "090-1234-5678"),
        ("Mobile 09012345678", "09012345678"),
        ("Phone +81 90 1234 5678", "+81 90 1234 5678"),
        ("Our agent in Lahore: +92 300 1234567", "+92 300 1234567"),
        ("Send your CV to hr@sakura-works.co.jp", "hr@sakura-works.co.jp"),
        ("Message us on WhatsApp for details.", "WhatsApp"),
        ("LINE ID: sakura_hr", "LINE ID"),
        ("Join our Telegram group.", "Telegram"),
    ],
)
def test_contact_details_are_flagged(text, found):
    flags = submitted_flags(description_en=text)

    assert set(flags) == {Code.OFF_SITE_CONTACT}
    assert found in flags[Code.OFF_SITE_CONTACT]


def test_every_contact_detail_found_is_listed():
    flags = submitted_flags(description_en="Call 03-1234-5678 or write to hr@sakura.jp today.")

    assert flags[Code.OFF_SITE_CONTACT] == "03-1234-5678, hr@sakura.jp"


@pytest.mark.parametrize(
    "text",
    [
        "Salary ¥250,000 a month.",
        "Monthly pay: ¥250,000 - ¥300,000.",
        "Start date 2026-04-01.",
        "1,200 yen an hour for overtime.",
        "JLPT N4 or JFT-Basic A2 required.",
        "Working hours 08:00-17:00, 1 hour break.",
        "Office: 〒160-0022 Shinjuku 3-1-1.",
    ],
)
def test_salaries_dates_and_levels_are_not_contact_details(text):
    assert submitted_flags(description_en=text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Application deadline: 2026-04-01.",
        "食品製造ラインでの作業です。",
        "Start date 01-04-2026.",
    ],
)
def test_deadlines_production_lines_and_dates_are_not_contact_details(text):
    assert submitted_flags(description_en=text) == {}


# ---- where moderators see flags ----


@pytest.fixture
def flagged():
    listing = ListingFactory(**{**CLEAN, "title_en": "Underpaid cook", "salary_min": 200_000})
    services.listing_submit(listing=listing, by=None)
    return listing


@pytest.fixture
def unflagged():
    listing = ListingFactory(**{**CLEAN, "title_en": "Fair cook"})
    services.listing_submit(listing=listing, by=None)
    return listing


WAGE_DETAIL = "About ¥1,151 an hour; the minimum wage in Tokyo is ¥1,226."


@pytest.mark.parametrize("admin_url", [QUEUE, LISTINGS_ADMIN])
def test_flags_show_on_the_listing_pages_of_the_admin(reviewer_client, flagged, admin_url):
    text = page_text(reviewer_client.get(f"{admin_url}{flagged.pk}/change/"))

    assert "Salary below the minimum wage" in text
    assert WAGE_DETAIL in text


@pytest.mark.parametrize("admin_url", [QUEUE, LISTINGS_ADMIN])
def test_flags_filter_splits_flagged_from_unflagged_listings(
    reviewer_client, flagged, unflagged, admin_url
):
    assert listed(reviewer_client.get(admin_url, {"flags": "yes"})) == ["Underpaid cook"]
    assert listed(reviewer_client.get(admin_url, {"flags": "no"})) == ["Fair cook"]
    assert sorted(listed(reviewer_client.get(admin_url))) == ["Fair cook", "Underpaid cook"]


def test_flags_list_in_the_admin_shows_each_flag(reviewer_client, flagged):
    text = page_text(reviewer_client.get("/admin/listings/listingflag/"))

    assert "Underpaid cook" in text
    assert WAGE_DETAIL in text


def test_an_edit_that_fixes_the_salary_clears_its_flag(flagged, team):
    services.listing_update(listing=flagged, by=team.owner, salary_min=230_000)

    assert not ListingFlag.objects.filter(listing=flagged).exists()
