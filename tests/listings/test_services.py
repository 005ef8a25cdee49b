"""Services of the listings app: companies, invitations and the listing life cycle."""

import datetime
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from listings import search, services
from listings.models import (
    Company,
    CompanyInvitation,
    CompanyMembership,
    JapaneseLevel,
    Listing,
    Prefecture,
    ResidenceStatus,
    Sector,
)
from listings.services import TransitionNotAllowed
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
    VerifiedCompanyFactory,
)

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
# 12:00 in Tokyo on Monday 2 June 2025; the Japanese and UTC dates agree.
NOW = datetime.datetime(2025, 6, 2, 3, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2025, 6, 2)
DAY = datetime.timedelta(days=1)

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search vectors exist only on PostgreSQL"
)


@pytest.fixture
def clock():
    """Frozen at NOW; tests move it with clock.shift(...)."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def owner_of(company):
    return MembershipFactory(company=company, role=CompanyMembership.Role.OWNER).user


def row(listing) -> dict:
    """Every stored column of the listing and its residence statuses, to compare before/after."""
    values = Listing.objects.filter(pk=listing.pk).values().get()
    values["residence_statuses"] = set(
        Listing.objects.get(pk=listing.pk).residence_statuses.values_list("slug", flat=True)
    )
    return values


def listing_fields(**overrides) -> dict:
    """Valid arguments for listing_create (English only, monthly pay)."""
    fields = {
        "title_en": "Care worker",
        "description_en": "Help residents with daily life.",
        "sector": Sector.objects.get(slug="nursing-care"),
        "prefecture": Prefecture.objects.get(code="13"),
        "city": "Shinjuku",
        "employment_type": Listing.EmploymentType.FULL_TIME,
        "salary_min": 220_000,
        "salary_max": 260_000,
        "salary_period": Listing.SalaryPeriod.MONTHLY,
        "japanese_level": JapaneseLevel.objects.get(slug="n4"),
    }
    fields.update(overrides)
    return fields


def ssw1():
    return [ResidenceStatus.objects.get(slug="ssw-1")]


# ---- the state machine ----

STATUS_FACTORIES = {
    Listing.Status.DRAFT: ListingFactory,
    Listing.Status.PENDING: PendingListingFactory,
    Listing.Status.PUBLISHED: PublishedListingFactory,
    Listing.Status.REJECTED: RejectedListingFactory,
    Listing.Status.CLOSED: ClosedListingFactory,
    Listing.Status.EXPIRED: ExpiredListingFactory,
}
ACTIONS = ("submit", "approve", "reject", "close", "edit")
# Every allowed (from, action) pair and where it leads; every other pair is refused.
# Listing factories make unverified companies, so editing a published listing sends it to review.
ALLOWED = {
    ("draft", "submit"): Listing.Status.PENDING,
    ("draft", "edit"): Listing.Status.DRAFT,
    ("pending", "approve"): Listing.Status.PUBLISHED,
    ("pending", "reject"): Listing.Status.REJECTED,
    ("pending", "edit"): Listing.Status.PENDING,
    ("published", "close"): Listing.Status.CLOSED,
    ("published", "edit"): Listing.Status.PENDING,
    ("rejected", "edit"): Listing.Status.DRAFT,
}
ALL_PAIRS = [(status.value, action) for status in Listing.Status for action in ACTIONS]
REFUSED = [pair for pair in ALL_PAIRS if pair not in ALLOWED]
REJECTION_REASON = "The salary is below the Tokyo minimum wage."
NEW_TITLE = "Head care worker"


def perform(action: str, listing: Listing, *, owner, staff) -> Listing:
    if action == "submit":
        return services.listing_submit(listing=listing, by=owner)
    if action == "approve":
        return services.listing_approve(listing=listing, by=staff)
    if action == "reject":
        return services.listing_reject(listing=listing, by=staff, reason=REJECTION_REASON)
    if action == "close":
        return services.listing_close(listing=listing, by=owner)
    if action == "edit":
        return services.listing_update(listing=listing, by=owner, title_en=NEW_TITLE)
    raise AssertionError(action)


def test_the_matrix_covers_every_status_and_action():
    assert len(ALL_PAIRS) == len(Listing.Status) * len(ACTIONS) == 30
    assert len(REFUSED) == 22


@pytest.mark.parametrize(
    ("from_status", "action"), [pytest.param(*pair, id="-".join(pair)) for pair in ALLOWED]
)
def test_allowed_action_moves_listing_to_its_next_status(clock, staff, from_status, action):
    listing = STATUS_FACTORIES[from_status]()
    owner = owner_of(listing.company)
    before = row(listing)
    clock.shift(DAY)
    now = NOW + DAY

    result = perform(action, listing, owner=owner, staff=staff)

    expected = ALLOWED[(from_status, action)]
    assert result.status == expected
    listing.refresh_from_db()
    assert listing.status == expected
    assert listing.updated_at == now
    if action == "submit":
        assert listing.submitted_at == now
        assert listing.rejection_reason == ""
        assert listing.published_at is None and listing.expires_at is None
    elif action == "approve":
        assert listing.published_at == now
        assert listing.expires_at == now + datetime.timedelta(days=60)
        assert listing.rejection_reason == ""
    elif action == "reject":
        assert listing.rejection_reason == REJECTION_REASON
        assert listing.published_at is None and listing.expires_at is None
    elif action == "close":
        assert listing.closed_at == now
        assert listing.published_at == before["published_at"]
        assert listing.expires_at == before["expires_at"]
    elif action == "edit":
        assert listing.title_en == NEW_TITLE
        assert listing.slug == "head-care-worker"
        assert listing.published_at == before["published_at"]
        if from_status == "published":
            assert listing.submitted_at == now
        else:
            assert listing.submitted_at == before["submitted_at"]


@pytest.mark.parametrize(
    ("from_status", "action"),
    [pytest.param(*pair, id="-".join(pair)) for pair in REFUSED],
)
def test_refused_action_raises_and_leaves_the_row_unchanged(clock, staff, from_status, action):
    listing = STATUS_FACTORIES[from_status]()
    owner = owner_of(listing.company)
    before = row(listing)
    clock.shift(DAY)

    with pytest.raises(TransitionNotAllowed) as exc:
        perform(action, listing, owner=owner, staff=staff)

    assert isinstance(exc.value, ValidationError)
    assert row(listing) == before


# ---- moderation permissions ----


@pytest.mark.parametrize(
    "user_factory", [EmployerFactory, SeekerFactory], ids=["employer", "seeker"]
)
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_only_staff_moderate_listings(user_factory, action):
    listing = PendingListingFactory()
    before = row(listing)
    user = user_factory()

    with pytest.raises(PermissionDenied):
        perform(action, listing, owner=user, staff=user)

    assert row(listing) == before


def test_the_companys_own_owner_cannot_approve_its_listing():
    listing = PendingListingFactory()
    owner = owner_of(listing.company)

    with pytest.raises(PermissionDenied):
        services.listing_approve(listing=listing, by=owner)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING


@pytest.mark.parametrize("reason", ["", "   \n\t", None])
def test_rejection_needs_a_reason(staff, reason):
    listing = PendingListingFactory()
    before = row(listing)

    with pytest.raises(ValidationError) as exc:
        services.listing_reject(listing=listing, by=staff, reason=reason)

    assert not isinstance(exc.value, TransitionNotAllowed)
    assert exc.value.code == "reason"
    assert row(listing) == before


def test_rejection_reason_is_trimmed_and_capped_at_2000_characters(staff):
    listing = PendingListingFactory()

    services.listing_reject(listing=listing, by=staff, reason="  " + "x" * 2500 + "  ")

    listing.refresh_from_db()
    assert listing.rejection_reason == "x" * 2000


def test_resubmitting_a_rejected_listing_clears_the_rejection_reason(clock):
    listing = RejectedListingFactory()
    owner = owner_of(listing.company)

    services.listing_update(listing=listing, by=owner, city="Nakano")
    services.listing_submit(listing=listing, by=owner)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    assert listing.rejection_reason == ""


def test_approval_clears_an_old_rejection_reason(staff):
    listing = PendingListingFactory(rejection_reason="Old reason")

    services.listing_approve(listing=listing, by=staff)

    listing.refresh_from_db()
    assert listing.rejection_reason == ""


# ---- submission ----


def test_submit_refuses_a_listing_without_residence_statuses():
    listing = ListingFactory(statuses=[])
    before = row(listing)

    with pytest.raises(ValidationError) as exc:
        services.listing_submit(listing=listing, by=owner_of(listing.company))

    assert not isinstance(exc.value, TransitionNotAllowed)
    assert row(listing) == before
    assert before["status"] == Listing.Status.DRAFT


def test_submit_rereads_the_row_so_a_stale_copy_cannot_submit_twice():
    listing = ListingFactory()
    owner = owner_of(listing.company)
    stale = Listing.objects.get(pk=listing.pk)
    services.listing_submit(listing=listing, by=owner)

    with pytest.raises(TransitionNotAllowed):
        services.listing_submit(listing=stale, by=owner)


# ---- expiry ----


def test_approval_expires_listing_60_days_after_publication_by_default(clock, staff):
    listing = PendingListingFactory()

    services.listing_approve(listing=listing, by=staff)

    listing.refresh_from_db()
    assert listing.published_at == NOW
    assert listing.expires_at == NOW + datetime.timedelta(days=60)
    assert listing.is_accepting_applications()


def test_approval_with_deadline_expires_at_end_of_that_day_in_japan(clock, staff):
    listing = PendingListingFactory(deadline=datetime.date(2025, 6, 20))

    services.listing_approve(listing=listing, by=staff)

    listing.refresh_from_db()
    end_of_day = datetime.datetime(2025, 6, 20, 23, 59, 59, 999999, tzinfo=TOKYO)
    assert listing.expires_at == end_of_day
    # 23:59:59.999999 in Tokyo is 14:59:59.999999 UTC on the same date.
    assert listing.expires_at.astimezone(datetime.UTC).hour == 14


@pytest.mark.parametrize("days_away", [120, 200])
def test_approval_never_sets_expiry_more_than_120_days_after_publication(clock, staff, days_away):
    # 200 days cannot pass validation; the factory writes it directly, as old data might.
    listing = PendingListingFactory(deadline=TODAY + datetime.timedelta(days=days_away))

    services.listing_approve(listing=listing, by=staff)

    listing.refresh_from_db()
    assert listing.expires_at == NOW + datetime.timedelta(days=120)


def test_expiry_for_prefers_an_early_deadline_over_the_60_day_default():
    published_at = datetime.datetime(2025, 6, 2, 12, 0, tzinfo=TOKYO)
    listing = Listing(deadline=datetime.date(2025, 6, 3))

    assert services.expiry_for(listing, published_at) == datetime.datetime(
        2025, 6, 3, 23, 59, 59, 999999, tzinfo=TOKYO
    )
    assert services.expiry_for(Listing(), published_at) == published_at + datetime.timedelta(
        days=60
    )


def test_expiry_for_allows_a_deadline_later_than_60_days_up_to_120():
    published_at = datetime.datetime(2025, 6, 2, 12, 0, tzinfo=TOKYO)
    deadline = datetime.date(2025, 9, 1)  # 91 days later

    expires = services.expiry_for(Listing(deadline=deadline), published_at)

    assert expires == datetime.datetime(2025, 9, 1, 23, 59, 59, 999999, tzinfo=TOKYO)


def test_reapproving_an_edited_listing_keeps_the_original_publication(clock, staff):
    listing = PublishedListingFactory()  # unverified company, published a day before NOW
    published_at = listing.published_at
    owner = owner_of(listing.company)

    clock.shift(DAY)
    services.listing_update(listing=listing, by=owner, title_en="Night-shift care worker")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    clock.shift(DAY)
    services.listing_approve(listing=listing, by=staff)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.published_at == published_at
    assert listing.expires_at == published_at + datetime.timedelta(days=60)


def test_reapproval_after_the_run_ended_republishes_within_the_limits(clock, staff):
    listing = PublishedListingFactory(published_at=NOW, expires_at=NOW + datetime.timedelta(60))
    owner = owner_of(listing.company)

    clock.shift(datetime.timedelta(days=55))
    services.listing_update(listing=listing, by=owner, city="Nakano")  # back to review
    clock.shift(datetime.timedelta(days=10))
    services.listing_approve(listing=listing, by=staff)

    listing.refresh_from_db()
    # The first run ended during review, so the approval is a fresh publication.
    assert listing.published_at == NOW + datetime.timedelta(days=65)
    assert listing.expires_at == listing.published_at + datetime.timedelta(days=60)
    assert listing.expires_at - listing.published_at <= datetime.timedelta(days=120)


def test_approval_refuses_a_listing_whose_deadline_passed_during_review(clock, staff):
    listing = PendingListingFactory(deadline=TODAY + datetime.timedelta(days=2))
    clock.shift(datetime.timedelta(days=3))
    with pytest.raises(ValidationError):
        services.listing_approve(listing=listing, by=staff)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING


def test_expire_due_expires_only_published_listings_past_their_expiry(clock):
    due = PublishedListingFactory(expires_at=NOW + datetime.timedelta(hours=1))
    due_exactly_now = PublishedListingFactory(expires_at=NOW + DAY)
    live = PublishedListingFactory(expires_at=NOW + 2 * DAY)
    pending = PendingListingFactory(expires_at=NOW - DAY)
    closed = ClosedListingFactory(expires_at=NOW - DAY)
    draft = ListingFactory()
    untouched = {item.pk: row(item) for item in (live, pending, closed, draft)}

    clock.shift(DAY)
    count = services.listing_expire_due()

    assert count == 2
    for listing in (due, due_exactly_now):
        listing.refresh_from_db()
        assert listing.status == Listing.Status.EXPIRED
        assert listing.closed_at == NOW + DAY
        assert listing.updated_at == NOW + DAY
    for listing in (live, pending, closed, draft):
        assert row(listing) == untouched[listing.pk]


def test_expire_due_returns_zero_when_nothing_is_due(clock):
    PublishedListingFactory()
    ExpiredListingFactory()

    assert services.listing_expire_due() == 0


def test_expire_due_is_idempotent(clock):
    PublishedListingFactory(expires_at=NOW - DAY)

    assert services.listing_expire_due() == 1
    assert services.listing_expire_due() == 0


def test_expire_due_honours_an_explicit_now(clock):
    listing = PublishedListingFactory(expires_at=NOW + 3 * DAY)

    assert services.listing_expire_due(now=NOW + 2 * DAY) == 0
    assert services.listing_expire_due(now=NOW + 4 * DAY) == 1
    listing.refresh_from_db()
    assert listing.closed_at == NOW + 4 * DAY


def test_a_listing_stops_being_live_when_its_time_runs_out_even_before_expire_due(clock):
    listing = PublishedListingFactory(expires_at=NOW + DAY)
    assert list(Listing.objects.live()) == [listing]

    clock.shift(DAY + datetime.timedelta(seconds=1))

    assert list(Listing.objects.live()) == []
    assert list(Listing.objects.published()) == [listing]
    assert list(Listing.objects.due_to_expire()) == [listing]
    assert not Listing.objects.get(pk=listing.pk).is_accepting_applications()


# ---- editing ----


def test_editing_a_rejected_listing_returns_it_to_draft():
    listing = RejectedListingFactory()

    services.listing_update(listing=listing, by=owner_of(listing.company), salary_min=230_000)

    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT
    assert listing.salary_min == 230_000


def test_editing_a_published_listing_of_an_unverified_company_sends_it_back_to_review(clock):
    listing = PublishedListingFactory()
    before = row(listing)
    clock.shift(DAY)

    services.listing_update(listing=listing, by=owner_of(listing.company), city="Nakano")

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PENDING
    assert listing.city == "Nakano"
    assert listing.submitted_at == NOW + DAY
    assert listing.published_at == before["published_at"]
    assert not Listing.objects.live().filter(pk=listing.pk).exists()


def test_editing_a_published_listing_of_a_verified_company_keeps_it_published(clock):
    listing = PublishedListingFactory(company=VerifiedCompanyFactory())
    before = row(listing)
    clock.shift(DAY)

    services.listing_update(
        listing=listing, by=owner_of(listing.company), title_en="Senior care worker"
    )

    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.title_en == "Senior care worker"
    assert listing.slug == "senior-care-worker"
    assert listing.published_at == before["published_at"]
    assert listing.expires_at == before["expires_at"]
    assert listing.submitted_at == before["submitted_at"]
    assert Listing.objects.live().filter(pk=listing.pk).exists()


def test_changing_the_deadline_of_a_live_listing_moves_its_expiry(clock):
    listing = PublishedListingFactory(company=VerifiedCompanyFactory())
    deadline = TODAY + datetime.timedelta(days=10)

    services.listing_update(listing=listing, by=owner_of(listing.company), deadline=deadline)

    listing.refresh_from_db()
    assert listing.expires_at == datetime.datetime.combine(
        deadline, datetime.time.max, tzinfo=TOKYO
    )


@pytest.mark.parametrize("factory", [ClosedListingFactory, ExpiredListingFactory])
def test_closed_and_expired_listings_cannot_be_edited(factory):
    listing = factory()
    before = row(listing)

    with pytest.raises(TransitionNotAllowed) as exc:
        services.listing_update(listing=listing, by=owner_of(listing.company), city="Nakano")

    assert exc.value.code == "not_editable"
    assert row(listing) == before


def test_editing_is_validated_and_a_refused_edit_changes_nothing():
    listing = PublishedListingFactory(company=VerifiedCompanyFactory())
    before = row(listing)

    with pytest.raises(ValidationError) as exc:
        services.listing_update(
            listing=listing, by=owner_of(listing.company), salary_min=300_000, salary_max=200_000
        )

    assert "salary_max" in exc.value.message_dict
    assert row(listing) == before


def test_editing_replaces_residence_statuses_only_when_given():
    listing = ListingFactory(statuses=["ssw-1"])
    owner = owner_of(listing.company)

    services.listing_update(listing=listing, by=owner, city="Nakano")
    assert set(listing.residence_statuses.values_list("slug", flat=True)) == {"ssw-1"}

    services.listing_update(
        listing=listing,
        by=owner,
        residence_statuses=ResidenceStatus.objects.filter(slug__in=["ssw-2", "student"]),
    )
    assert set(listing.residence_statuses.values_list("slug", flat=True)) == {"ssw-2", "student"}


def test_slug_follows_the_english_title():
    listing = ListingFactory(title_ja="介護職員", description_ja="仕事内容")

    updated = services.listing_update(
        listing=listing, by=owner_of(listing.company), title_en="Care Worker (Night Shift)!"
    )

    assert updated.slug == "care-worker-night-shift"
    listing.refresh_from_db()
    assert listing.slug == "care-worker-night-shift"


def test_slug_follows_the_japanese_title_when_there_is_no_english():
    listing = ListingFactory(title_ja="介護職員", description_ja="利用者の生活を支えます。")

    services.listing_update(
        listing=listing, by=owner_of(listing.company), title_en="", description_en=""
    )

    listing.refresh_from_db()
    assert listing.slug == "介護職員"
    assert unquote(listing.get_absolute_url()) == f"/en/jobs/{listing.pk}/介護職員/"


def test_japanese_only_listing_can_be_created(employer):
    company = CompanyFactory()

    listing = services.listing_create(
        company=company,
        by=employer,
        residence_statuses=ssw1(),
        **listing_fields(
            title_en="", description_en="", title_ja="介護職員", description_ja="介護の仕事"
        ),
    )

    assert listing.slug == "介護職員"


def test_slug_falls_back_to_job_when_title_has_no_letters():
    listing = ListingFactory()

    services.listing_update(listing=listing, by=owner_of(listing.company), title_en="!!!")

    listing.refresh_from_db()
    assert listing.slug == "job"


def test_slug_of_a_long_title_fits_the_column_without_a_trailing_hyphen():
    listing = ListingFactory()
    title = ("a" * 79) + " " + ("b" * 40)  # the 80th slug character would be a hyphen

    services.listing_update(listing=listing, by=owner_of(listing.company), title_en=title)

    listing.refresh_from_db()
    assert listing.slug == "a" * 79


# ---- creation and its validation ----


def test_create_makes_a_draft_with_its_residence_statuses(employer):
    company = CompanyFactory()

    listing = services.listing_create(
        company=company,
        by=employer,
        residence_statuses=ResidenceStatus.objects.filter(slug__in=["ssw-1", "ssw-2"]),
        **listing_fields(title_en="Care Worker"),
    )

    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT
    assert listing.company == company
    assert listing.created_by == employer
    assert listing.slug == "care-worker"
    assert set(listing.residence_statuses.values_list("slug", flat=True)) == {"ssw-1", "ssw-2"}
    assert listing.submitted_at is None
    assert listing.published_at is None
    assert listing.expires_at is None


def test_create_accepts_a_listing_written_in_both_languages(employer):
    listing = services.listing_create(
        company=CompanyFactory(),
        by=employer,
        residence_statuses=ssw1(),
        **listing_fields(title_ja="介護職員", description_ja="介護の仕事"),
    )

    assert listing.slug == "care-worker"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"title_en": "", "description_en": ""}, "title_en", id="no-language"),
        pytest.param({"title_en": "  ", "description_en": "\n"}, "title_en", id="blank-language"),
        pytest.param({"description_en": ""}, "description_en", id="en-title-only"),
        pytest.param({"title_en": ""}, "title_en", id="en-description-only"),
        pytest.param({"title_ja": "介護職員"}, "description_ja", id="ja-title-only"),
        pytest.param({"description_ja": "介護の仕事"}, "title_ja", id="ja-description-only"),
        pytest.param(
            {"salary_min": 300_000, "salary_max": 200_000}, "salary_max", id="min-above-max"
        ),
        pytest.param({"salary_min": 0}, "salary_min", id="zero-salary"),
        pytest.param({"openings": 0}, "openings", id="no-openings"),
        pytest.param({"openings": 1000}, "openings", id="too-many-openings"),
        pytest.param({"experience_years": 41}, "experience_years", id="too-much-experience"),
        pytest.param({"deadline": TODAY - DAY}, "deadline", id="deadline-past"),
        pytest.param(
            {"deadline": TODAY + datetime.timedelta(days=121)}, "deadline", id="deadline-121-days"
        ),
    ],
)
def test_create_refuses_invalid_listing_and_writes_nothing(clock, employer, overrides, field):
    company = CompanyFactory()

    with pytest.raises(ValidationError) as exc:
        services.listing_create(
            company=company, by=employer, residence_statuses=ssw1(), **listing_fields(**overrides)
        )

    assert field in exc.value.message_dict
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    ("period", "ceiling"),
    [("hourly", 100_000), ("monthly", 10_000_000), ("yearly", 200_000_000)],
)
def test_salary_above_the_ceiling_for_its_period_is_refused(employer, period, ceiling):
    fields = listing_fields(salary_period=period, salary_min=1_000, salary_max=ceiling + 1)

    with pytest.raises(ValidationError) as exc:
        services.listing_create(
            company=CompanyFactory(), by=employer, residence_statuses=ssw1(), **fields
        )

    assert exc.value.message_dict.keys() == {"salary_max"}
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    ("period", "ceiling"),
    [("hourly", 100_000), ("monthly", 10_000_000), ("yearly", 200_000_000)],
)
def test_salary_at_the_ceiling_for_its_period_is_accepted(employer, period, ceiling):
    fields = listing_fields(salary_period=period, salary_min=ceiling, salary_max=ceiling)

    listing = services.listing_create(
        company=CompanyFactory(), by=employer, residence_statuses=ssw1(), **fields
    )

    assert Listing.objects.get(pk=listing.pk).salary_max == ceiling


@pytest.mark.parametrize("days_away", [1, 120])
def test_deadline_between_tomorrow_and_120_days_is_accepted(clock, employer, days_away):
    deadline = TODAY + datetime.timedelta(days=days_away)

    listing = services.listing_create(
        company=CompanyFactory(),
        by=employer,
        residence_statuses=ssw1(),
        **listing_fields(deadline=deadline),
    )

    assert Listing.objects.get(pk=listing.pk).deadline == deadline


def test_deadline_is_judged_by_the_japanese_date(employer):
    # 01:00 on 3 June in Tokyo is still 2 June in UTC: "2 June" is already past in Japan.
    late_evening_utc = datetime.datetime(2025, 6, 2, 16, 0, tzinfo=datetime.UTC)
    with (
        time_machine.travel(late_evening_utc, tick=False),
        pytest.raises(ValidationError) as exc,
    ):
        services.listing_create(
            company=CompanyFactory(),
            by=employer,
            residence_statuses=ssw1(),
            **listing_fields(deadline=datetime.date(2025, 6, 2)),
        )

    assert "deadline" in exc.value.message_dict


# ---- duplicating ----


def test_duplicate_is_a_new_draft_with_the_same_content(clock, employer):
    original = PublishedListingFactory(
        title_ja="介護職員",
        description_ja="介護の仕事",
        deadline=TODAY + datetime.timedelta(days=30),
        salary_period=Listing.SalaryPeriod.HOURLY,
        salary_min=1_200,
        salary_max=1_500,
        housing=Listing.Housing.PROVIDED,
        visa_support=True,
        openings=3,
        eligible_nationalities=["VN", "PH"],
        statuses=["ssw-1", "technical-intern"],
        rejection_reason="An old reason",
        submitted_at=NOW - 2 * DAY,
        closed_at=NOW,
    )

    copy = services.listing_duplicate(listing=original, by=employer)

    copy.refresh_from_db()
    assert copy.pk != original.pk
    assert copy.status == Listing.Status.DRAFT
    assert copy.company == original.company
    assert copy.created_by == employer
    for name in (
        "title_en",
        "title_ja",
        "description_en",
        "description_ja",
        "slug",
        "sector",
        "prefecture",
        "city",
        "employment_type",
        "salary_min",
        "salary_max",
        "salary_period",
        "salary_monthly_min",
        "japanese_level",
        "housing",
        "visa_support",
        "openings",
    ):
        assert getattr(copy, name) == getattr(original, name), name
    assert [c.code for c in copy.eligible_nationalities] == ["PH", "VN"]
    assert set(copy.residence_statuses.all()) == set(original.residence_statuses.all())
    assert copy.deadline is None
    assert copy.published_at is None
    assert copy.expires_at is None
    assert copy.submitted_at is None
    assert copy.closed_at is None
    assert copy.rejection_reason == ""
    original.refresh_from_db()
    assert original.status == Listing.Status.PUBLISHED


def test_duplicate_of_a_closed_listing_can_be_submitted(employer):
    copy = services.listing_duplicate(listing=ClosedListingFactory(), by=employer)

    services.listing_submit(listing=copy, by=employer)

    copy.refresh_from_db()
    assert copy.status == Listing.Status.PENDING


# ---- companies ----


def company_fields(**overrides) -> dict:
    fields = {"name_en": "Sakura Care", "prefecture": Prefecture.objects.get(code="13")}
    fields.update(overrides)
    return fields


def test_company_create_makes_the_user_its_owner(employer):
    company = services.company_create(owner=employer, **company_fields(name_ja="さくらケア"))

    company.refresh_from_db()
    assert company.slug == "sakura-care"
    assert company.verified is False
    membership = CompanyMembership.objects.get(user=employer)
    assert membership.company == company
    assert membership.role == CompanyMembership.Role.OWNER
    assert list(Company.objects.for_user(employer)) == [company]


def test_companies_with_the_same_name_get_different_slugs():
    first = services.company_create(owner=EmployerFactory(), **company_fields())
    second = services.company_create(owner=EmployerFactory(), **company_fields())
    third = services.company_create(owner=EmployerFactory(), **company_fields())

    assert first.slug == "sakura-care"
    assert second.slug == "sakura-care-2"
    assert third.slug == "sakura-care-3"


def test_company_slug_is_ascii_even_for_accented_or_japanese_names():
    accented = services.company_create(
        owner=EmployerFactory(), **company_fields(name_en="Café Sakura")
    )
    japanese = services.company_create(owner=EmployerFactory(), **company_fields(name_en="さくら"))
    japanese_too = services.company_create(
        owner=EmployerFactory(), **company_fields(name_en="ひまわり")
    )

    assert accented.slug == "cafe-sakura"
    for company in (japanese, japanese_too):
        assert company.slug.isascii()
        assert company.slug.startswith("company")
    assert japanese.slug != japanese_too.slug


def test_a_seeker_cannot_create_a_company(seeker):
    with pytest.raises(PermissionDenied):
        services.company_create(owner=seeker, **company_fields())

    assert not Company.objects.exists()
    assert not CompanyMembership.objects.exists()


def test_an_employer_with_a_company_cannot_create_another():
    owner = owner_of(CompanyFactory())

    with pytest.raises(ValidationError):
        services.company_create(owner=owner, **company_fields())

    assert Company.objects.count() == 1


def test_a_company_with_an_invalid_corporate_number_is_not_created(employer):
    with pytest.raises(ValidationError) as exc:
        services.company_create(owner=employer, **company_fields(corporate_number="8000012050002"))

    assert "corporate_number" in exc.value.message_dict
    assert not Company.objects.exists()
    assert not CompanyMembership.objects.exists()


def test_two_companies_cannot_share_a_corporate_number():
    CompanyFactory(corporate_number="7000012050002")

    with pytest.raises(ValidationError):
        services.company_create(
            owner=EmployerFactory(), **company_fields(corporate_number="7000012050002")
        )

    assert Company.objects.count() == 1


def test_company_update_saves_valid_changes_and_refuses_invalid_ones():
    company = CompanyFactory()
    slug = company.slug

    services.company_update(company=company, name_en="Sakura Care Group", verified=True)
    company.refresh_from_db()
    assert company.name_en == "Sakura Care Group"
    assert company.slug == slug  # links to the company page keep working

    with pytest.raises(ValidationError):
        services.company_update(company=company, website="not a url")
    company.refresh_from_db()
    assert company.website == ""


# ---- invitations ----


def test_only_an_owner_can_invite(mailoutbox, django_capture_on_commit_callbacks):
    company = CompanyFactory()
    member = MembershipFactory(company=company, role=CompanyMembership.Role.MEMBER).user
    outsider = owner_of(CompanyFactory())

    with django_capture_on_commit_callbacks(execute=True):
        for user in (member, outsider, StaffFactory()):
            with pytest.raises(PermissionDenied):
                services.company_invite(company=company, email="new@example.com", by=user)

    assert not CompanyInvitation.objects.exists()
    assert mailoutbox == []


def test_owner_invitation_is_saved_and_emailed_once_with_the_accept_link(
    mailoutbox, django_capture_on_commit_callbacks
):
    company = CompanyFactory(name_en="Sakura Care")
    owner = owner_of(company)

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.company_invite(
            company=company, email="  Mika.Sato@Example.com ", by=owner
        )

    invitation.refresh_from_db()
    assert invitation.company == company
    assert invitation.email == "mika.sato@example.com"
    assert invitation.invited_by == owner
    assert invitation.accepted_at is None
    assert len(invitation.token) >= 32
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["mika.sato@example.com"]
    assert "Sakura Care" in mail.subject
    accept_url = settings.SITE_URL + reverse(
        "listings:invitation-accept", kwargs={"token": invitation.token}
    )
    assert accept_url in mail.body


def test_no_invitation_email_is_sent_before_commit(mailoutbox, django_capture_on_commit_callbacks):
    company = CompanyFactory()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.company_invite(company=company, email="new@example.com", by=owner_of(company))

    assert len(callbacks) == 1
    assert mailoutbox == []


def test_inviting_the_same_email_twice_returns_the_open_invitation(
    mailoutbox, django_capture_on_commit_callbacks
):
    company = CompanyFactory()
    owner = owner_of(company)

    with django_capture_on_commit_callbacks(execute=True):
        first = services.company_invite(company=company, email="new@example.com", by=owner)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.company_invite(company=company, email="NEW@example.com", by=owner)

    assert second.pk == first.pk
    assert second.token == first.token
    assert CompanyInvitation.objects.count() == 1
    assert len(mailoutbox) == 1


def test_the_same_email_can_be_invited_by_two_companies():
    first, second = CompanyFactory(), CompanyFactory()

    one = services.company_invite(company=first, email="new@example.com", by=owner_of(first))
    two = services.company_invite(company=second, email="new@example.com", by=owner_of(second))

    assert one.pk != two.pk
    assert one.token != two.token


def invite(company, email):
    return services.company_invite(company=company, email=email, by=owner_of(company))


def test_accepting_an_invitation_makes_the_employer_a_member(clock):
    company = CompanyFactory()
    invitation = invite(company, "mika.sato@example.com")
    user = EmployerFactory(email="Mika.Sato@example.com")

    membership = services.company_invitation_accept(token=invitation.token, user=user)

    membership.refresh_from_db()
    assert membership.company == company
    assert membership.user == user
    assert membership.role == CompanyMembership.Role.MEMBER
    invitation.refresh_from_db()
    assert invitation.accepted_at == NOW


def test_an_invitation_cannot_be_accepted_twice():
    invitation = invite(CompanyFactory(), "mika.sato@example.com")
    user = EmployerFactory(email="mika.sato@example.com")
    services.company_invitation_accept(token=invitation.token, user=user)

    with pytest.raises(ValidationError):
        services.company_invitation_accept(token=invitation.token, user=user)

    assert CompanyMembership.objects.filter(user=user).count() == 1


def test_an_invitation_is_only_valid_for_its_email_address():
    invitation = invite(CompanyFactory(), "mika.sato@example.com")
    other = EmployerFactory(email="someone.else@example.com")

    with pytest.raises(ValidationError):
        services.company_invitation_accept(token=invitation.token, user=other)

    assert not CompanyMembership.objects.filter(user=other).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_unknown_token_is_refused(employer):
    with pytest.raises(ValidationError):
        services.company_invitation_accept(token="no-such-token", user=employer)


def test_a_seeker_cannot_accept_an_invitation():
    invitation = invite(CompanyFactory(), "mika.sato@example.com")
    seeker = SeekerFactory(email="mika.sato@example.com")

    with pytest.raises(ValidationError):
        services.company_invitation_accept(token=invitation.token, user=seeker)

    assert not CompanyMembership.objects.filter(user=seeker).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_employer_of_another_company_cannot_accept_an_invitation():
    invitation = invite(CompanyFactory(), "mika.sato@example.com")
    user = MembershipFactory(user=EmployerFactory(email="mika.sato@example.com")).user

    with pytest.raises(ValidationError):
        services.company_invitation_accept(token=invitation.token, user=user)

    assert user.company_membership.company != invitation.company
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_accepted_invitation_no_longer_blocks_a_new_one():
    company = CompanyFactory()
    owner = owner_of(company)
    first = services.company_invite(company=company, email="mika@example.com", by=owner)
    services.company_invitation_accept(
        token=first.token, user=EmployerFactory(email="mika@example.com")
    )

    second = services.company_invite(company=company, email="mika@example.com", by=owner)

    assert second.pk != first.pk


# ---- search index (PostgreSQL) ----


@requires_postgres
def test_creating_a_listing_fills_its_search_vector_after_commit(
    employer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        listing = services.listing_create(
            company=CompanyFactory(),
            by=employer,
            residence_statuses=ssw1(),
            **listing_fields(
                title_en="Forklift operator", title_ja="介護職員", description_ja="介護の仕事"
            ),
        )

    listing.refresh_from_db()
    assert listing.search_vector
    found = Listing.objects.filter(pk=listing.pk)
    assert search.search(found, "forklift").exists()
    assert search.search(found, "介護").exists()
    assert not search.search(found, "welding").exists()


@requires_postgres
def test_index_listings_fills_search_vector_of_the_given_ids():
    listing = ListingFactory(title_en="Forklift operator")
    other = ListingFactory(title_en="Welder")
    Listing.objects.update(search_vector=None)  # factories index what they create

    search.index_listings([listing.id])

    assert Listing.objects.get(pk=listing.pk).search_vector
    assert Listing.objects.get(pk=other.pk).search_vector is None


@requires_postgres
def test_renaming_a_company_reindexes_its_listings(django_capture_on_commit_callbacks):
    listing = ListingFactory()
    search.index_listings([listing.id])

    with django_capture_on_commit_callbacks(execute=True):
        services.company_update(company=listing.company, name_en="Hokusai Logistics")

    assert search.search(Listing.objects.all(), "Hokusai").get() == listing


def test_index_listings_is_a_no_op_on_sqlite():
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    listing = ListingFactory()

    search.index_listings([listing.id])

    assert Listing.objects.get(pk=listing.pk).search_vector is None
