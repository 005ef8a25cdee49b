"""Models of the listings app: validators, derived columns, language fallbacks, constraints."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from listings.models import (
    Company,
    CompanyInvitation,
    CompanyMembership,
    Listing,
    Prefecture,
    ResidenceStatus,
    Sector,
    validate_corporate_number,
)
from tests.accounts.factories import EmployerFactory
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

NOW = datetime.datetime(2025, 6, 2, 3, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


# ---- corporate numbers ----


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("7000012050002", id="national-tax-agency"),
        pytest.param("1180301018771", id="toyota-motor"),
        pytest.param("9000000000000", id="weighted-sum-divisible-by-9-gives-9"),
    ],
)
def test_valid_corporate_numbers_pass(number):
    validate_corporate_number(number)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        pytest.param("8000012050002", "check_digit", id="wrong-check-digit"),
        pytest.param("7000012050003", "check_digit", id="typo-in-body"),
        pytest.param("7000012050020", "check_digit", id="swapped-digits"),
        pytest.param("700001205000", "format", id="12-digits"),
        pytest.param("70000120500020", "format", id="14-digits"),
        pytest.param("700001205000A", "format", id="letter"),
        pytest.param("７００００１２０５０００２", "format", id="full-width-digits"),
        pytest.param("٧٠٠٠٠١٢٠٥٠٠٠٢", "format", id="arabic-indic-digits"),
        pytest.param("7000-12050002", "format", id="hyphen"),
        pytest.param(" 700001205000", "format", id="leading-space"),
        pytest.param("", "format", id="empty"),
    ],
)
def test_invalid_corporate_numbers_are_refused(number, code):
    with pytest.raises(ValidationError) as exc:
        validate_corporate_number(number)

    assert exc.value.code == code


@pytest.mark.django_db
def test_company_validation_checks_the_corporate_number_but_allows_none():
    company = CompanyFactory.build(corporate_number="7000012050003")

    with pytest.raises(ValidationError) as exc:
        company.full_clean()
    assert "corporate_number" in exc.value.message_dict

    company.corporate_number = ""
    company.full_clean()
    company.corporate_number = "7000012050002"
    company.full_clean()


# ---- the monthly salary column ----


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("period", "salary_min", "salary_max", "monthly"),
    [
        pytest.param("hourly", 1_200, 1_500, 208_560, id="hourly-x-173.8h"),
        pytest.param("hourly", 1_001, 1_500, 173_973, id="hourly-rounds-down"),
        pytest.param("hourly", 100_000, 100_000, 17_380_000, id="hourly-ceiling"),
        pytest.param("yearly", 3_600_000, 4_800_000, 300_000, id="yearly-over-12"),
        pytest.param("yearly", 3_600_011, 4_800_000, 300_000, id="yearly-rounds-down"),
        pytest.param("monthly", 250_000, 300_000, 250_000, id="monthly-as-is"),
    ],
)
def test_salary_monthly_min_is_the_monthly_equivalent_of_the_minimum(
    period, salary_min, salary_max, monthly
):
    listing = ListingFactory(salary_period=period, salary_min=salary_min, salary_max=salary_max)

    listing.refresh_from_db()

    assert listing.salary_monthly_min == monthly


@pytest.mark.django_db
def test_salary_monthly_min_follows_changes_to_the_salary():
    listing = ListingFactory(salary_period="monthly", salary_min=200_000, salary_max=250_000)

    Listing.objects.filter(pk=listing.pk).update(salary_period="hourly", salary_min=1_200)

    listing.refresh_from_db()
    assert listing.salary_monthly_min == 208_560


@pytest.mark.django_db
def test_listings_filter_and_sort_by_monthly_equivalent_across_periods():
    hourly = ListingFactory(salary_period="hourly", salary_min=1_200, salary_max=1_500)
    yearly = ListingFactory(salary_period="yearly", salary_min=3_000_000, salary_max=3_600_000)
    monthly = ListingFactory(salary_period="monthly", salary_min=230_000, salary_max=250_000)

    by_salary = Listing.objects.order_by("-salary_monthly_min")
    assert list(by_salary) == [yearly, monthly, hourly]  # 250,000 > 230,000 > 208,560
    assert set(Listing.objects.filter(salary_monthly_min__gte=230_000)) == {yearly, monthly}


# ---- languages ----


def bilingual(**overrides):
    fields = {
        "title_en": "Care worker",
        "description_en": "Help residents.",
        "title_ja": "介護職員",
        "description_ja": "利用者の生活を支えます。",
    }
    fields.update(overrides)
    return Listing(**fields)


@pytest.mark.parametrize(
    ("language", "overrides", "shown"),
    [
        pytest.param("en", {}, "en", id="en-page-bilingual"),
        pytest.param("ja", {}, "ja", id="ja-page-bilingual"),
        pytest.param(
            "ja", {"title_ja": "", "description_ja": ""}, "en", id="ja-page-english-only"
        ),
        pytest.param(
            "en", {"title_en": "", "description_en": ""}, "ja", id="en-page-japanese-only"
        ),
        pytest.param("ur", {}, "en", id="urdu-page-prefers-english"),
        pytest.param(
            "ur", {"title_en": "", "description_en": ""}, "ja", id="urdu-page-japanese-only"
        ),
    ],
)
def test_listing_is_shown_in_the_page_language_or_falls_back_to_the_other(
    language, overrides, shown
):
    listing = bilingual(**overrides)

    with translation.override(language):
        assert listing.display_language == shown
        assert listing.title == getattr(listing, f"title_{shown}")
        assert listing.description == getattr(listing, f"description_{shown}")
        assert str(listing) == listing.title


def test_listing_without_a_title_is_named_by_its_id():
    assert str(Listing(pk=42)) == "#42"


def test_company_name_falls_back_to_english():
    company = Company(name_en="Sakura Care", name_ja="さくらケア")
    english_only = Company(name_en="Sakura Care")

    with translation.override("ja"):
        assert company.name == "さくらケア"
        assert english_only.name == "Sakura Care"
    with translation.override("en"):
        assert company.name == "Sakura Care"
    assert str(company) == "Sakura Care"


@pytest.mark.django_db
def test_reference_data_is_named_in_the_page_language():
    sector = Sector.objects.get(slug="nursing-care")

    with translation.override("ja"):
        assert sector.name == "介護"
    with translation.override("en"):
        assert str(sector) == "Nursing care"


@pytest.mark.django_db
def test_reference_data_active_hides_retired_entries():
    retired = ResidenceStatus.objects.get(slug="student")
    retired.is_active = False
    retired.save()

    assert retired not in ResidenceStatus.objects.active()
    assert ResidenceStatus.objects.active().filter(slug="ssw-1").exists()


@pytest.mark.django_db
def test_reference_data_is_loaded_by_migrations():
    assert Prefecture.objects.count() == 47
    assert Prefecture.objects.get(code="13").slug == "tokyo"
    assert Sector.objects.filter(is_ssw_field=True).exists()


# ---- clean() ----


def test_clean_accepts_a_listing_in_either_language():
    bilingual().clean()
    bilingual(title_ja="", description_ja="").clean()
    bilingual(title_en="", description_en="").clean()


def test_clean_accepts_a_deadline_of_today_and_skips_finished_listings(clock):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    # A live listing whose deadline is today stays editable: it runs to the end of the day.
    bilingual(status=Listing.Status.PUBLISHED, deadline=today).clean()
    for status in (Listing.Status.CLOSED, Listing.Status.EXPIRED):
        bilingual(status=status, deadline=yesterday).clean()
    for status in (Listing.Status.PENDING, Listing.Status.PUBLISHED):
        with pytest.raises(ValidationError):
            bilingual(status=status, deadline=yesterday).clean()


def test_clean_reports_every_problem_at_once():
    listing = bilingual(
        description_en="", salary_period="hourly", salary_min=200_000, salary_max=100_001
    )

    with pytest.raises(ValidationError) as exc:
        listing.clean()

    assert set(exc.value.message_dict) == {"description_en", "salary_min", "salary_max"}


# ---- status helpers and querysets ----


@pytest.mark.parametrize("status", [Listing.Status.CLOSED, Listing.Status.EXPIRED])
def test_closed_and_expired_listings_allow_no_further_action(status):
    listing = Listing(status=status)

    assert not any(listing.allows(action) for action in Listing.TRANSITIONS)


@pytest.mark.django_db
def test_only_a_published_listing_before_its_expiry_accepts_applications(clock):
    live = PublishedListingFactory(expires_at=NOW + DAY)

    assert live.is_accepting_applications()
    assert not live.is_accepting_applications(now=NOW + DAY)
    assert not PublishedListingFactory(expires_at=None).is_accepting_applications()
    for factory in (ListingFactory, PendingListingFactory, ClosedListingFactory):
        assert not factory(expires_at=NOW + DAY).is_accepting_applications()


@pytest.mark.django_db
def test_live_shows_published_listings_before_their_expiry(clock):
    live = PublishedListingFactory(expires_at=NOW + DAY)
    PublishedListingFactory(expires_at=NOW)  # expires this instant
    PublishedListingFactory(expires_at=NOW - DAY)  # past expiry, not yet marked expired
    ListingFactory()
    PendingListingFactory(expires_at=NOW + DAY)
    RejectedListingFactory()
    ClosedListingFactory(expires_at=NOW + DAY)
    ExpiredListingFactory()

    assert list(Listing.objects.live()) == [live]
    assert Listing.objects.published().count() == 3
    assert Listing.objects.live(now=NOW - 2 * DAY).count() == 3


@pytest.mark.django_db
def test_due_to_expire_finds_published_listings_at_or_past_their_expiry(clock):
    PublishedListingFactory(expires_at=NOW + DAY)
    now = PublishedListingFactory(expires_at=NOW)
    past = PublishedListingFactory(expires_at=NOW - DAY)
    PendingListingFactory(expires_at=NOW - DAY)
    ClosedListingFactory(expires_at=NOW - DAY)

    assert set(Listing.objects.due_to_expire()) == {now, past}


@pytest.mark.django_db
def test_for_company_and_accepting_statuses_filter_listings():
    company = CompanyFactory()
    ssw = ListingFactory(company=company, statuses=["ssw-1", "ssw-2"])
    intern = ListingFactory(company=company, statuses=["technical-intern"])
    elsewhere = ListingFactory(statuses=["ssw-1"])
    ids = ResidenceStatus.objects.filter(slug__in=["ssw-1", "student"]).values_list(
        "id", flat=True
    )

    assert set(Listing.objects.for_company(company)) == {ssw, intern}
    # One row per listing even when it accepts several of the statuses asked for.
    assert sorted(Listing.objects.accepting_statuses(ids), key=lambda x: x.pk) == [ssw, elsewhere]
    assert list(Listing.objects.for_company(company).accepting_statuses(ids)) == [ssw]


@pytest.mark.django_db
def test_company_for_user_is_the_users_company():
    membership = MembershipFactory()
    CompanyFactory()

    assert list(Company.objects.for_user(membership.user)) == [membership.company]
    assert not Company.objects.for_user(EmployerFactory()).exists()


@pytest.mark.django_db
def test_absolute_urls():
    listing = ListingFactory(slug="care-worker")
    no_slug = ListingFactory(slug="")

    assert listing.get_absolute_url() == f"/en/jobs/{listing.pk}/care-worker/"
    assert no_slug.get_absolute_url() == f"/en/jobs/{no_slug.pk}/-/"
    assert listing.company.get_absolute_url() == f"/en/companies/{listing.company.slug}/"


# ---- database constraints ----


@pytest.mark.django_db
def test_database_refuses_a_minimum_salary_above_the_maximum():
    with pytest.raises(IntegrityError), transaction.atomic():
        ListingFactory(salary_min=300_000, salary_max=200_000)


@pytest.mark.django_db
def test_corporate_numbers_are_unique_but_many_companies_may_have_none():
    CompanyFactory(corporate_number="")
    CompanyFactory(corporate_number="")
    CompanyFactory(corporate_number="7000012050002")

    with pytest.raises(IntegrityError), transaction.atomic():
        CompanyFactory(corporate_number="7000012050002")


@pytest.mark.django_db
def test_only_one_open_invitation_per_company_and_email(clock):
    company = CompanyFactory()
    CompanyInvitation.objects.create(
        company=company, email="a@example.com", token="t1", accepted_at=NOW
    )
    CompanyInvitation.objects.create(company=company, email="a@example.com", token="t2")
    CompanyInvitation.objects.create(company=CompanyFactory(), email="a@example.com", token="t3")

    with pytest.raises(IntegrityError), transaction.atomic():
        CompanyInvitation.objects.create(company=company, email="a@example.com", token="t4")


@pytest.mark.django_db
def test_an_employer_belongs_to_one_company_at_most():
    membership = MembershipFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        CompanyMembership.objects.create(company=CompanyFactory(), user=membership.user)
