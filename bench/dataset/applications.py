"""Generated applications and their event histories, with a long tail and a few huge listings."""

import datetime

from django.db import connection

from bench.dataset.loading import Ids, copy_rows
from bench.dataset.vocabulary import (
    APPLICATION_STATES,
    COVER_LETTERS,
    HOT_APPLICANTS,
    HOT_LISTINGS,
    PATHS,
    REJECTED_AFTER,
)


class ApplicationRows:
    def _pairs(self, listings, seekers: list[int]) -> list[tuple[int, int, datetime.datetime]]:
        """(listing, seeker, applied at): a few listings with 5,000+ applicants, the rest
        spread with a long tail, never two from one seeker to one listing."""
        rng = self.rng
        open_to_apply = [item for item in listings if item[2] is not None]
        target = self.spec.applications
        pairs, taken = [], set()
        hot = [item for item in open_to_apply if item[1] == "published"][:HOT_LISTINGS]
        for listing, _status, published in hot:
            wanted = min(rng.randint(*HOT_APPLICANTS), len(seekers), max(target // 10, 1))
            for seeker in rng.sample(seekers, k=wanted):
                taken.add((listing, seeker))
                pairs.append((listing, seeker, published))
        # A long tail: weight each listing by a Pareto draw.
        weights = [rng.paretovariate(1.2) for _ in open_to_apply]
        cumulative, total = [], 0.0
        for weight in weights:
            total += weight
            cumulative.append(total)
        while len(pairs) < target:
            picks = rng.choices(open_to_apply, cum_weights=cumulative, k=min(50_000, target))
            for listing, _status, published in picks:
                seeker = seekers[rng.randrange(len(seekers))]
                if (listing, seeker) in taken:
                    continue
                taken.add((listing, seeker))
                pairs.append((listing, seeker, published))
                if len(pairs) >= target:
                    break
        return pairs

    def _applications(self, ids: Ids, listings, seekers, snapshots, cvs) -> tuple[int, int]:
        rng = self.rng
        pairs = self._pairs(listings, seekers)
        owners = dict(self._listing_owners())
        application_ids = ids.take("applicants_application", len(pairs))
        states = list(APPLICATION_STATES)
        state_weights = list(APPLICATION_STATES.values())
        events = []
        letters_values = {"years": 3, "prefecture": "Tokyo"}
        letters = [text.format(**letters_values) for text in COVER_LETTERS]

        def rows():
            for pk, (listing, seeker, published) in zip(application_ids, pairs, strict=True):
                applied = published + datetime.timedelta(minutes=rng.randint(5, 60 * 24 * 20))
                applied = min(applied, self.now - datetime.timedelta(minutes=5))
                state = rng.choices(states, weights=state_weights)[0]
                path = (
                    [*rng.choice(REJECTED_AFTER), "rejected"]
                    if state == "rejected"
                    else PATHS[state]
                )
                events.append((pk, seeker, None, "submitted", applied))
                previous, moment = "submitted", applied
                for step in path:
                    moment = moment + datetime.timedelta(hours=rng.randint(2, 120))
                    actor = seeker if step == "withdrawn" else owners[listing]
                    events.append((pk, actor, previous, step, moment))
                    previous = step
                yield (
                    pk,
                    rng.choice(letters),
                    snapshots[seeker],
                    state,
                    applied,
                    moment,
                    listing,
                    seeker,
                    cvs[seeker],
                )

        count = copy_rows(
            "applicants_application",
            (
                "id",
                "cover_letter",
                "profile_snapshot",
                "status",
                "created_at",
                "updated_at",
                "listing_id",
                "seeker_id",
                "cv_id",
            ),
            rows(),
        )
        event_ids = ids.take("applicants_applicationevent", len(events))
        copy_rows(
            "applicants_applicationevent",
            (
                "id",
                "from_status",
                "to_status",
                "message",
                "internal_note",
                "created_at",
                "actor_id",
                "application_id",
                "reason",
            ),
            (
                (pk, previous or "", step, "", "", moment, actor, application, "")
                for pk, (application, actor, previous, step, moment) in zip(
                    event_ids, events, strict=True
                )
            ),
        )
        return count, len(events)

    def _listing_owners(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT l.id, m.user_id FROM listings_listing l "
                "JOIN listings_companymembership m ON m.company_id = l.company_id "
                "AND m.role = 'owner' WHERE l.published_at IS NOT NULL"
            )
            yield from cursor.fetchall()
