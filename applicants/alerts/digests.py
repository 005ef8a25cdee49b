"""The job-alert digests: new listings per saved search, batched, one email per person."""

from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Min
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation

from applicants.alerts.unsubscribe import search_token, unsubscribe_token_for_all, unsubscribe_url
from applicants.models import AlertDelivery, SavedSearch
from listings.filters import ListingFilter
from listings.models import Listing
from listings.templatetags.listings_tags import salary
from notifications.models import Notification
from notifications.services import notify

MAX_LISTINGS_PER_SEARCH = 20
DIGEST_TEMPLATE = "notifications/email/job_alert"
# Saved searches handled per transaction of a digest run: enough to batch the reads and
# writes, few enough to keep memory flat and to let a run that is cut short resume.
SEARCHES_PER_BATCH = 2000


# ---- digests ----


@dataclass
class _Section:
    """One saved search in a digest: the newest of its new listings, and how many there are."""

    search_id: int
    name: str
    querystring: str
    new: int  # bitmask over the run's candidate listings (see _Digest)
    shown_ids: list[int]


def alerts_send_digests(*, frequency: str, now: datetime | None = None) -> int:
    """Email every seeker the new listings of their active saved searches of `frequency`.

    New for a search: published since its last digest (or its creation), never sent to it.
    One email per seeker, at most MAX_LISTINGS_PER_SEARCH listings per search, nothing when
    nothing is new. Returns the number of emails added to the outbox.
    """
    digest = _Digest(frequency, now or timezone.now())
    due = SavedSearch.objects.due(frequency).annotate(since=Coalesce("last_sent_at", "created_at"))
    digest.match(due)
    if not digest.matches:
        return 0
    return sum(digest.send_batch(rows) for rows in _due_in_batches(due))


def _due_in_batches(due):
    """The due searches, whole seekers at a time (keyset pagination keeps memory flat)."""
    rows_for = due.order_by("user_id", "id").values_list(
        "id", "user_id", "name", "querystring", "since"
    )
    after_user = 0
    while True:
        rows = list(rows_for.filter(user_id__gt=after_user)[:SEARCHES_PER_BATCH])
        full = len(rows) == SEARCHES_PER_BATCH
        if full:
            # The last seeker may go on in the next batch: leave them whole for it.
            last_user = rows[-1][1]
            rows = [row for row in rows if row[1] != last_user] or list(
                rows_for.filter(user_id=last_user)
            )
        if rows:
            yield rows
        if not full:
            return
        after_user = rows[-1][1]


def _parameters(querystring: str) -> list[str]:
    """A query string split by parameter, each with all its values: "sector=a&sector=b"."""
    data = QueryDict(querystring)
    return [urlencode([(name, value) for value in data.getlist(name)]) for name in data]


def _lowest_bits(mask: int, limit: int) -> list[int]:
    """The positions of the `limit` lowest set bits of `mask`, lowest first."""
    positions = []
    while mask and len(positions) < limit:
        lowest = mask & -mask
        positions.append(lowest.bit_length() - 1)
        mask ^= lowest
    return positions


def _language_of(user) -> str:
    language = user.preferred_language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class _Digest:
    """One run. The new listings ("candidates") are numbered newest first, and a set of them
    is an int whose bit `i` stands for candidate `i`: intersecting filters is a bitwise AND,
    "published since" is a run of low bits, and the newest of a set are its lowest bits.
    """

    def __init__(self, frequency: str, now: datetime):
        self.frequency = frequency
        self.now = now
        self.candidate_ids: list[int] = []
        self.published: list[datetime] = []
        self.position: dict[int, int] = {}
        self.matches: dict[str, int] = {}
        self.listings: dict[int, Listing] = {}
        self.lines: dict[tuple[int, str], dict] = {}
        self.jobs_path = reverse("listings:search")
        self.manage_url = settings.SITE_URL + reverse("applicants:alerts")
        # Reversed once, not for each of the run's links (one per search, one per seeker).
        self.unsubscribe_head, self.unsubscribe_tail = unsubscribe_url("-").rsplit("-", 1)

    def match(self, due) -> None:
        """The new listings of each distinct query string of the due searches.

        ListingFilter narrows the listings by each parameter in turn, so what a query string
        finds is what every one of its parameters finds. Each distinct parameter ("jp_level=n4",
        "sector=a&sector=b", "q=care") runs through ListingFilter once over the candidates,
        and each query string intersects its parameters' results: a run costs one filter query
        per distinct parameter, however many searches share or combine them.
        """
        floors = dict(
            due.order_by()
            .values_list("querystring")
            .annotate(floor=Min(Coalesce("last_sent_at", "created_at")))
        )
        if not floors:
            return
        window = Listing.objects.live(self.now).filter(
            published_at__gt=min(floors.values()), published_at__lte=self.now
        )
        for listing_id, published_at in window.order_by("-published_at", "-id").values_list(
            "id", "published_at"
        ):
            self.position[listing_id] = len(self.candidate_ids)
            self.candidate_ids.append(listing_id)
            self.published.append(published_at)
        found_by: dict[str, int] = {}
        for querystring, floor in floors.items():
            mask = self._published_after(floor)
            for parameter in _parameters(querystring):
                if not mask:
                    break  # nothing left to narrow: spare the other parameters' queries
                if parameter not in found_by:
                    found = ListingFilter(QueryDict(parameter), queryset=window).qs
                    found_by[parameter] = self._mask_of(found.values_list("id", flat=True))
                mask &= found_by[parameter]
            if mask:
                self.matches[querystring] = mask

    def _mask_of(self, listing_ids) -> int:
        """These listings as a bitmask; any that is no candidate (re-approved during the run
        with its first publication date) is left out."""
        bits = bytearray((len(self.candidate_ids) + 7) // 8)
        for listing_id in listing_ids:
            position = self.position.get(listing_id)
            if position is not None:
                bits[position >> 3] |= 1 << (position & 7)
        return int.from_bytes(bits, "little")

    def _published_after(self, moment: datetime) -> int:
        """The candidates published after `moment`: the newest ones, so the lowest bits."""
        newer = bisect_left(self.published, True, key=lambda published: published <= moment)
        return (1 << newer) - 1

    def _section(self, row, delivered: dict[int, list[int]]) -> _Section | None:
        search_id, _user_id, name, querystring, since = row
        new = self.matches.get(querystring, 0) & self._published_after(since)
        for listing_id in delivered.get(search_id, ()):
            if listing_id in self.position:
                new &= ~(1 << self.position[listing_id])
        if not new:
            return None
        shown = [self.candidate_ids[i] for i in _lowest_bits(new, MAX_LISTINGS_PER_SEARCH)]
        return _Section(search_id, name, querystring, new, shown)

    def send_batch(self, rows) -> int:
        """Each search's new listings, then one email per seeker, in one transaction."""
        searched = [row for row in rows if row[3] in self.matches]
        if not searched:
            return 0
        delivered: dict[int, list[int]] = {}
        for search_id, listing_id in AlertDelivery.objects.filter(
            saved_search_id__in=[row[0] for row in searched],
            listing__published_at__gt=min(row[4] for row in searched),
        ).values_list("saved_search_id", "listing_id"):
            delivered.setdefault(search_id, []).append(listing_id)
        by_user: dict[int, list[_Section]] = {}
        for row in searched:
            if section := self._section(row, delivered):
                by_user.setdefault(row[1], []).append(section)
        if not by_user:
            return 0
        day = timezone.localdate(self.now).isoformat()
        keys = {user_id: f"job-alert:{user_id}:{self.frequency}:{day}" for user_id in by_user}
        # Emailed already today by an earlier run: these listings wait for the next digest.
        done = set(
            Notification.objects.filter(dedup_key__in=keys.values()).values_list(
                "dedup_key", flat=True
            )
        )
        self._load({i for sections in by_user.values() for s in sections for i in s.shown_ids})
        users = (
            get_user_model()
            .objects.filter(pk__in=by_user)
            .only("id", "email", "full_name", "preferred_language")
        )
        delivered_now, sent = [], 0
        with transaction.atomic():
            for user in users:
                if keys[user.pk] in done:
                    continue
                self._notify(user, by_user[user.pk], keys[user.pk])
                delivered_now += [
                    (section.search_id, listing_id)
                    for section in by_user[user.pk]
                    for listing_id in section.shown_ids
                    if listing_id in self.listings  # not deleted since the match
                ]
                sent += 1
            AlertDelivery.objects.record(delivered_now, sent_at=self.now)
            SavedSearch.objects.filter(pk__in={pair[0] for pair in delivered_now}).update(
                last_sent_at=self.now
            )
        return sent

    def _load(self, ids: set[int]) -> None:
        """Fetch what emails show of the listings that no earlier batch loaded."""
        missing = ids - self.listings.keys()
        if not missing:
            return
        fields = ("id", "slug", "title_en", "title_ja", "salary_min", "salary_max")
        related = ("company__name_en", "company__name_ja", "prefecture__name_en")
        found = (
            Listing.objects.filter(pk__in=missing)
            .select_related("company", "prefecture")
            .only(*fields, *related, "salary_period", "prefecture__name_ja", "prefecture__name_ur")
        )
        self.listings.update((listing.pk, listing) for listing in found)

    def _line(self, listing_id: int, language: str) -> dict:
        """A listing in one language, worked out once per run rather than once per email."""
        key = (listing_id, language)
        if key not in self.lines:
            listing = self.listings[listing_id]
            with translation.override(language):
                self.lines[key] = {
                    "title": listing.title,
                    "url": settings.SITE_URL + listing.get_absolute_url(),
                    # One string for the three facts: emails list thousands of lines a run.
                    "facts": " · ".join(
                        (listing.company.name, listing.prefecture.name, salary(listing))
                    ),
                }
        return self.lines[key]

    def _jobs_url(self, querystring: str) -> str:
        path = f"{self.jobs_path}?{querystring}" if querystring else self.jobs_path
        return settings.SITE_URL + path

    def _unsubscribe_url(self, token: str) -> str:
        return f"{self.unsubscribe_head}{token}{self.unsubscribe_tail}"

    def _notify(self, user, sections: list[_Section], dedup_key: str) -> None:
        language = _language_of(user)
        everything = self._unsubscribe_url(unsubscribe_token_for_all(user))
        searches = [
            {
                "name": section.name,
                "lines": [
                    self._line(i, language) for i in section.shown_ids if i in self.listings
                ],
                "more": section.new.bit_count() - len(section.shown_ids),
                "search_url": self._jobs_url(section.querystring),
                "unsubscribe_url": self._unsubscribe_url(search_token(section.search_id)),
            }
            for section in sections
        ]
        notify(
            kind=Notification.Kind.JOB_ALERT,
            template=DIGEST_TEMPLATE,
            to_user=user,
            language=language,
            dedup_key=dedup_key,
            context={
                "frequency": self.frequency,
                "searches": searches,
                # Searches overlap: a listing two of them found is one new job.
                "total": reduce(or_, (section.new for section in sections)).bit_count(),
                "manage_url": self.manage_url,
                "unsubscribe_all_url": everything,
            },
            # RFC 8058: mail apps show an "Unsubscribe" button that POSTs to this address.
            headers={
                "List-Unsubscribe": f"<{everything}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
