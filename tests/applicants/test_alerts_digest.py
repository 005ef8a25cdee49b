"""Job-alert digests: what each seeker gets, never twice, matching /jobs/ exactly, in batches."""

import datetime
import math
from zoneinfo import ZoneInfo

import pytest
import time_machine
from celery.schedules import crontab
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from applicants import alerts
from applicants.models import AlertDelivery, SavedSearch
from applicants.tasks import send_job_alerts
from listings.models import JapaneseLevel, Listing, Prefecture, ResidenceStatus, Sector
from listings.reference import reference_data
from notifications.models import Notification
from tests.accounts.factories import SeekerFactory
from tests.listings.factories import (
    ClosedListingFactory,
    PendingListingFactory,
    PublishedListingFactory,
)

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
NOW = datetime.datetime(2025, 6, 10, 7, 0, tzinfo=TOKYO)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def run_digest(django_capture_on_commit_callbacks):
    """Run a digest and send what it added to the outbox (Celery is eager in tests)."""

    def run(frequency="daily"):
        with django_capture_on_commit_callbacks(execute=True):
            return alerts.alerts_send_digests(frequency=frequency)

    return run


def saved(user, querystring, name=None, *, days_ago=2, **fields) -> SavedSearch:
    search = SavedSearch.objects.create(
        user=user, name=name or querystring, querystring=querystring, **fields
    )
    created = datetime.datetime.now(tz=TOKYO) - datetime.timedelta(days=days_ago)
    SavedSearch.objects.filter(pk=search.pk).update(created_at=created)
    search.refresh_from_db()
    return search


def job(title, *, hours_ago=1, sector="nursing-care", **fields) -> Listing:
    published = datetime.datetime.now(tz=TOKYO) - datetime.timedelta(hours=hours_ago)
    return PublishedListingFactory(
        title_en=title,
        published_at=published,
        sector=Sector.objects.get(slug=sector),
        **fields,
    )


def delivered(search) -> set[int]:
    return set(AlertDelivery.objects.filter(saved_search=search).values_list("listing", flat=True))


def email_to(mailoutbox, user):
    found = [message for message in mailoutbox if message.to == [user.email]]
    assert len(found) == 1, [message.to for message in mailoutbox]
    return found[0]


# ---- what is sent ----


def test_one_email_per_seeker_lists_each_searchs_new_jobs(run_digest, mailoutbox):
    ana, ben = SeekerFactory(full_name="Ana"), SeekerFactory()
    ana_care = saved(ana, "sector=nursing-care", "Care work")
    ana_build = saved(ana, "sector=construction", "Building sites")
    ben_care = saved(ben, "sector=nursing-care", "Care")
    care = job("Night care worker")
    build = job("Scaffolder", sector="construction")
    job("Strawberry picker", sector="agriculture")

    assert run_digest() == 2

    assert len(mailoutbox) == 2
    body = email_to(mailoutbox, ana).body
    assert "Hello Ana," in body
    assert "== Care work ==" in body and "== Building sites ==" in body
    assert body.index("Care work") < body.index("Night care worker") < body.index("Building")
    assert "Scaffolder" in body
    assert "Strawberry picker" not in body
    ben_body = email_to(mailoutbox, ben).body
    assert "Night care worker" in ben_body and "Scaffolder" not in ben_body
    assert delivered(ana_care) == {care.pk}
    assert delivered(ana_build) == {build.pk}
    assert delivered(ben_care) == {care.pk}
    ana_care.refresh_from_db()
    assert ana_care.last_sent_at == NOW
    notification = Notification.objects.get(recipient=ana)
    assert notification.kind == Notification.Kind.JOB_ALERT
    assert notification.dedup_key == f"job-alert:{ana.pk}:daily:2025-06-10"


def test_subject_counts_the_new_jobs(run_digest, mailoutbox):
    seeker = SeekerFactory()
    saved(seeker, "sector=nursing-care", "Care work")
    job("Care worker A")
    job("Care worker B")

    run_digest()

    assert mailoutbox[0].subject == "2 new jobs for “Care work”"


def test_subject_counts_a_job_two_searches_found_once(run_digest, mailoutbox):
    seeker = SeekerFactory()
    saved(seeker, "sector=nursing-care", "Care work")
    saved(seeker, "", "Everything")
    job("Care worker")
    job("Builder", sector="construction")

    run_digest()

    assert mailoutbox[0].subject == "2 new jobs for your saved searches"
    assert mailoutbox[0].body.count("Care worker") == 2


def test_each_seeker_reads_the_listings_in_their_language(run_digest, mailoutbox):
    english, japanese = SeekerFactory(), SeekerFactory(preferred_language="ja")
    for seeker in (english, japanese):
        saved(seeker, "sector=nursing-care", "Care")
    job("Care worker", title_ja="介護職員", description_ja="介護の仕事です。")

    run_digest()

    assert "Care worker — Sakura Works" in email_to(mailoutbox, english).body
    assert "¥220,000–¥260,000 per month" in email_to(mailoutbox, english).body
    japanese_body = email_to(mailoutbox, japanese).body
    assert "介護職員" in japanese_body and "東京都" in japanese_body
    assert "月給 220,000円〜260,000円" in japanese_body


def test_the_email_has_one_click_unsubscribe_headers_and_both_parts(run_digest, mailoutbox):
    seeker = SeekerFactory()
    search = saved(seeker, "sector=nursing-care", "Care work")
    other = saved(seeker, "sector=construction", "Building")
    job("Care worker")

    run_digest()

    message = mailoutbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith(f"<{settings.SITE_URL}/en/alerts/unsubscribe/") and header[-1] == ">"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Care worker" in html and "Care worker" in message.body
    this_alert = alerts.unsubscribe_url(alerts.unsubscribe_token_for_search(search))
    assert this_alert in message.body and this_alert in html
    assert f"{settings.SITE_URL}/en/me/alerts/" in message.body
    # The header's address, POSTed the way mail apps do it, stops every alert of the seeker.
    path = header[1:-1].removeprefix(settings.SITE_URL)
    Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert not SavedSearch.objects.filter(pk__in=[search.pk, other.pk], is_active=True).exists()


def test_at_most_twenty_per_search_newest_first_with_a_link_to_all(run_digest, mailoutbox):
    seeker = SeekerFactory()
    search = saved(seeker, "sector=nursing-care", "Care work")
    jobs = [job(f"Care job {n:02}", hours_ago=30 - n) for n in range(25)]

    run_digest()

    body = mailoutbox[0].body
    assert "Care job 24" in body and "Care job 05" in body
    assert "Care job 04" not in body
    assert body.index("Care job 24") < body.index("Care job 05")
    assert "And 5 more." in body
    assert (
        f"See all jobs for this search: {settings.SITE_URL}/en/jobs/?sector=nursing-care" in body
    )
    assert mailoutbox[0].subject == "25 new jobs for “Care work”"
    assert delivered(search) == {listing.pk for listing in jobs[5:]}


def test_only_live_jobs_published_since_the_search_was_saved(run_digest, mailoutbox):
    seeker = SeekerFactory()
    saved(seeker, "sector=nursing-care", "Care", days_ago=2)
    job("Fresh care job")
    job("Older than the search", hours_ago=72)
    ClosedListingFactory(title_en="Closed care job")
    PendingListingFactory(title_en="Pending care job")

    run_digest()

    body = mailoutbox[0].body
    assert "Fresh care job" in body
    for title in ("Older than the search", "Closed care job", "Pending care job"):
        assert title not in body


# ---- never twice, nothing when nothing is new ----


def test_a_listing_is_never_sent_twice_to_the_same_search(clock, run_digest, mailoutbox):
    seeker = SeekerFactory()
    search = saved(seeker, "sector=nursing-care", "Care")
    first = job("First care job")
    run_digest()

    clock.shift(datetime.timedelta(days=1))
    second = job("Second care job")
    run_digest()

    assert len(mailoutbox) == 2
    assert "First care job" not in mailoutbox[1].body
    assert "Second care job" in mailoutbox[1].body
    assert delivered(search) == {first.pk, second.pk}


def test_searches_sharing_a_query_string_each_get_what_is_new_since_their_own_digest(
    run_digest, mailoutbox
):
    veteran, newcomer = SeekerFactory(), SeekerFactory()
    saved(veteran, "sector=nursing-care", days_ago=10)
    saved(newcomer, "sector=nursing-care", days_ago=1)
    job("Care job posted today")
    job("Care job posted three days ago", hours_ago=72)

    run_digest()

    assert "three days ago" in email_to(mailoutbox, veteran).body
    assert "posted today" in email_to(mailoutbox, newcomer).body
    assert "three days ago" not in email_to(mailoutbox, newcomer).body


def test_the_delivery_record_alone_keeps_a_listing_from_coming_back(clock, run_digest, mailoutbox):
    seeker = SeekerFactory()
    search = saved(seeker, "sector=nursing-care", "Care")
    job("Care job")
    run_digest()
    # Even with the window reopened (no last digest), what was sent stays sent.
    SavedSearch.objects.filter(pk=search.pk).update(last_sent_at=None)
    clock.shift(datetime.timedelta(days=1))

    assert run_digest() == 0
    assert len(mailoutbox) == 1


def test_nothing_new_sends_nothing(clock, run_digest, mailoutbox):
    seeker = SeekerFactory()
    saved(seeker, "sector=nursing-care", "Care")
    job("Care job")
    run_digest()
    clock.shift(datetime.timedelta(days=1))
    job("Builder", sector="construction")

    assert run_digest() == 0
    assert len(mailoutbox) == 1


def test_no_saved_searches_no_queries_beyond_the_first(django_assert_num_queries):
    job("Care job")

    with django_assert_num_queries(1):
        assert alerts.alerts_send_digests(frequency="daily") == 0


def test_a_second_run_the_same_day_keeps_new_jobs_for_the_next_digest(
    clock, run_digest, mailoutbox
):
    seeker = SeekerFactory()
    search = saved(seeker, "sector=nursing-care", "Care")
    job("Morning care job")
    run_digest()
    clock.shift(datetime.timedelta(hours=3))
    later = job("Noon care job")

    assert run_digest() == 0
    assert later.pk not in delivered(search)

    clock.shift(datetime.timedelta(days=1))
    run_digest()
    assert "Noon care job" in mailoutbox[-1].body
    assert len(mailoutbox) == 2


def test_paused_searches_and_inactive_accounts_get_nothing(run_digest, mailoutbox):
    saved(SeekerFactory(), "sector=nursing-care", is_active=False)
    saved(SeekerFactory(is_active=False), "sector=nursing-care")
    job("Care job")

    assert run_digest() == 0
    assert mailoutbox == []
    assert not AlertDelivery.objects.exists()


def test_daily_and_weekly_digests_send_only_their_own_searches(run_digest, mailoutbox):
    seeker = SeekerFactory()
    daily = saved(seeker, "sector=nursing-care", "Care daily", frequency="daily")
    weekly = saved(seeker, "sector=construction", "Builders weekly", frequency="weekly")
    care, build = job("Care job"), job("Site job", sector="construction")

    run_digest("daily")
    assert "Care daily" in mailoutbox[0].body and "Builders weekly" not in mailoutbox[0].body
    assert "New jobs today" in mailoutbox[0].body

    run_digest("weekly")
    assert len(mailoutbox) == 2
    assert "Builders weekly" in mailoutbox[1].body and "Care daily" not in mailoutbox[1].body
    assert "New jobs this week" in mailoutbox[1].body
    assert delivered(daily) == {care.pk}
    assert delivered(weekly) == {build.pk}
    dedup = set(Notification.objects.values_list("dedup_key", flat=True))
    assert dedup == {
        f"job-alert:{seeker.pk}:daily:2025-06-10",
        f"job-alert:{seeker.pk}:weekly:2025-06-10",
    }


def test_the_task_runs_the_digest_and_beat_schedules_it():
    seeker = SeekerFactory()
    saved(seeker, "sector=nursing-care")
    job("Care job")

    assert send_job_alerts.delay("daily").get() == 1

    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["job-alerts-daily"]["args"] == ("daily",)
    assert schedule["job-alerts-daily"]["schedule"] == crontab(hour=7, minute=0)
    assert schedule["job-alerts-weekly"]["args"] == ("weekly",)
    assert schedule["job-alerts-weekly"]["schedule"] == crontab(
        hour=7, minute=0, day_of_week="mon"
    )
    assert settings.CELERY_TIMEZONE == "Asia/Tokyo"


# ---- a saved search finds exactly what /jobs/ shows ----

SAME_AS_JOBS = [
    "",
    "q=welder",
    "q=介護",
    "sector=construction&sector=agriculture",
    "status=ssw-2&status=technical-intern",
    "jp_level=n4",
    "salary_min=250000",
    "region=kansai&housing=1",
    "english_ok=1&sector=nursing-care",
    "prefecture=13&jp_level=n3&salary_min=200000",
    "q=care&status=ssw-1&jp_level=n2",
    "q=welder&sector=shipbuilding&sector=accommodation&status=ssw-1&salary_min=250000",
    "region=kansai&region=hokkaido&jp_level=n3&english_ok=1",
    "employment_type=full_time&nationality=PH&posted_within=1&housing=1",
    "prefecture=osaka&prefecture=01&status=no-restriction&status=ssw-2",
]


def _varied_board():
    level = {lv.slug: lv for lv in JapaneseLevel.objects.all()}
    osaka, tokyo, sapporo = (Prefecture.objects.get(code=c) for c in ("27", "13", "01"))
    specs = [
        ("Welder for shipyards", "shipbuilding", tokyo, "n4", 300_000, ["ssw-1", "ssw-2"], {}),
        ("Care worker", "nursing-care", osaka, "n3", 240_000, ["ssw-1"], {"english_ok": True}),
        ("介護職員", "nursing-care", tokyo, "n2", 260_000, ["technical-intern"], {}),
        ("Scaffolder", "construction", sapporo, "none", 280_000, ["ssw-2"], {}),
        ("Farm hand", "agriculture", osaka, "n5", 190_000, ["ssw-1"], {"housing": "provided"}),
        ("Night care aide", "nursing-care", tokyo, "n4", 210_000, ["ssw-1"], {}),
        (
            "Hotel welder",
            "accommodation",
            osaka,
            "jft-a2",
            255_000,
            ["ssw-1"],
            {"housing": "supported"},
        ),
        ("Cook", "food-service", sapporo, "n1", 320_000, ["no-restriction"], {"english_ok": True}),
    ]
    for title, sector, prefecture, jp, salary, statuses, extra in specs:
        job(
            title,
            sector=sector,
            prefecture=prefecture,
            japanese_level=level[jp],
            salary_min=salary,
            salary_max=salary + 20_000,
            statuses=statuses,
            **extra,
        )
    ClosedListingFactory(title_en="Closed welder")
    assert ResidenceStatus.objects.filter(slug="technical-intern").exists()


def test_saved_searches_find_exactly_what_the_jobs_page_shows(client, run_digest):
    _varied_board()
    seeker = SeekerFactory()
    searches = [
        saved(seeker, querystring, f"search {n}") for n, querystring in enumerate(SAME_AS_JOBS)
    ]

    run_digest()

    some_matched = 0
    for search in searches:
        page = client.get(f"/en/jobs/?{search.querystring}").context["page_obj"]
        on_jobs_page = {listing.pk for listing in page.object_list}
        assert page.paginator.count <= alerts.MAX_LISTINGS_PER_SEARCH
        assert delivered(search) == on_jobs_page, search.querystring
        some_matched += bool(on_jobs_page)
    assert some_matched >= len(SAME_AS_JOBS) - 1


# ---- batching ----


def _searches_over_three_query_strings(count: int, start: int = 0) -> None:
    query_strings = ["sector=nursing-care", "sector=construction", "salary_min=250000"]
    users = [SeekerFactory() for _ in range(math.ceil(count / 3))]
    for n in range(start, start + count):
        user = users[(n - start) // 3]
        SavedSearch.objects.create(user=user, name="s", querystring=query_strings[n % 3])
    SavedSearch.objects.update(created_at=NOW - datetime.timedelta(days=2))


def _measured_run() -> tuple[int, int, int]:
    """(emails, queries of the digest itself, queries of the outbox's get_or_create)."""
    AlertDelivery.objects.all().delete()
    Notification.objects.all().delete()
    SavedSearch.objects.update(last_sent_at=None)
    with CaptureQueriesContext(connection) as captured:
        sent = alerts.alerts_send_digests(frequency="daily")
    statements = [query["sql"] for query in captured]
    outbox = [
        sql for sql in statements if "SAVEPOINT" in sql or "notifications_notification" in sql
    ]
    return sent, len(statements) - len(outbox), len(outbox)


def test_digest_queries_do_not_grow_with_searches_sharing_query_strings():
    job("Care job")
    job("Site job", sector="construction", salary_min=260_000, salary_max=280_000)
    reference_data()  # cached for every page; loading it is not the digest's cost
    _searches_over_three_query_strings(10)
    sent_10, digest_10, outbox_10 = _measured_run()

    _searches_over_three_query_strings(90, start=10)
    sent_100, digest_100, outbox_100 = _measured_run()

    assert SavedSearch.objects.count() == 100
    assert (sent_10, sent_100) == (4, 34)
    # One query per distinct query string plus a fixed few per run and per batch of seekers
    assert digest_100 == digest_10 == 3 + 8
    # ... and the outbox row of each email (notify's get_or_create), a fixed cost per email.
    assert outbox_100 <= 4 * sent_100 + 4
    assert outbox_10 <= 4 * sent_10 + 4


def test_batches_keep_each_seeker_whole(monkeypatch, run_digest, mailoutbox):
    monkeypatch.setattr(alerts.digests, "SEARCHES_PER_BATCH", 4)
    seekers = [SeekerFactory() for _ in range(4)]
    slugs = ["nursing-care", "construction", "agriculture"]
    for seeker in seekers:
        for slug in slugs:
            saved(seeker, f"sector={slug}")
    for slug in slugs:
        job(f"{slug} job", sector=slug)

    assert run_digest() == 4

    for seeker in seekers:
        body = email_to(mailoutbox, seeker).body
        assert all(f"{slug} job" in body for slug in slugs)
    assert AlertDelivery.objects.count() == 12
