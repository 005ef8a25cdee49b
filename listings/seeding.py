"""Demo and volume data for listings: the curated demo board and N generated listings."""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from listings import demo_content, search, services
from listings.models import (
    Company,
    JapaneseLevel,
    Listing,
    Prefecture,
    ResidenceStatus,
    Sector,
)

BATCH_SIZE = 2000


class _Reference:
    def __init__(self):
        self.sectors = {s.slug: s for s in Sector.objects.all()}
        self.statuses = {s.slug: s for s in ResidenceStatus.objects.all()}
        self.prefectures = {p.code: p for p in Prefecture.objects.all()}
        self.levels = {level.slug: level for level in JapaneseLevel.objects.all()}


def _timestamps(status: str, days_ago: int, now: datetime.datetime) -> dict:
    created = now - datetime.timedelta(days=days_ago, hours=2)
    fields = {"created_at": created, "updated_at": created}
    if status in (Listing.Status.PUBLISHED, Listing.Status.CLOSED, Listing.Status.EXPIRED):
        published = now - datetime.timedelta(days=days_ago)
        fields |= {"submitted_at": published, "published_at": published}
        fields["expires_at"] = published + services.DEFAULT_LIFETIME
        if status == Listing.Status.EXPIRED:
            fields["published_at"] = now - datetime.timedelta(days=days_ago + 61)
            fields["expires_at"] = now - datetime.timedelta(days=days_ago + 1)
            fields["closed_at"] = fields["expires_at"]
        if status == Listing.Status.CLOSED:
            fields["closed_at"] = now - datetime.timedelta(days=max(days_ago - 1, 0))
    elif status == Listing.Status.PENDING:
        fields["submitted_at"] = now - datetime.timedelta(days=days_ago)
    return fields


def _insert(listings: list[Listing], statuses: list[list[ResidenceStatus]]) -> list[int]:
    """Bulk-insert listings with their residence statuses, then index them for search."""
    created = Listing.objects.bulk_create(listings, batch_size=BATCH_SIZE)
    through = Listing.residence_statuses.through
    through.objects.bulk_create(
        [
            through(listing_id=listing.pk, residencestatus_id=status.pk)
            for listing, chosen in zip(created, statuses, strict=True)
            for status in chosen
        ],
        batch_size=BATCH_SIZE * 3,
    )
    ids = [listing.pk for listing in created]
    search.index_listings(ids, batch_size=BATCH_SIZE)
    return ids


@transaction.atomic
def seed_demo_board(*, owner, now: datetime.datetime | None = None) -> tuple[int, int]:
    """The curated demo companies and listings; `owner` owns the first company."""
    now = now or timezone.now()
    ref = _Reference()
    companies = {}
    for index, data in enumerate(demo_content.DEMO_COMPANIES):
        fields = {
            "name_en": data["name_en"],
            "name_ja": data["name_ja"],
            "prefecture": ref.prefectures[data["prefecture_code"]],
            "address": f"{data['address']}, {data['city']}",
            "website": data["website"],
            "description": f"{data['description_en']}\n\n{data['description_ja']}",
        }
        if index == 0:
            company = services.company_create(owner=owner, **fields)
        else:
            company = Company.objects.create(slug=data["slug"], **fields)
        if data["verified"]:
            Company.objects.filter(pk=company.pk).update(verified=True)
        companies[data["key"]] = company
    listings, statuses = [], []
    for data in demo_content.DEMO_LISTINGS:
        listing = Listing(
            company=companies[data["company"]],
            created_by=owner if data["company"] == demo_content.DEMO_COMPANIES[0]["key"] else None,
            title_en=data["title_en"],
            title_ja=data["title_ja"],
            description_en=data["description_en"],
            description_ja=data["description_ja"],
            slug=slugify(data["title_en"] or data["title_ja"], allow_unicode=True)[:80] or "job",
            sector=ref.sectors[data["sector"]],
            prefecture=ref.prefectures[data["prefecture_code"]],
            city=data["city"],
            employment_type=data["employment_type"],
            salary_min=data["salary_min"],
            salary_max=data["salary_max"],
            salary_period=data["salary_period"],
            japanese_level=ref.levels[data["jp_level"]],
            skills_test_required=data["skills_test_required"],
            experience_years=data["experience_years"],
            english_ok=data["english_ok"],
            housing=data["housing"],
            visa_support=data["visa_support"],
            support_org_name=data["support_org_name"],
            support_org_number=data["support_org_number"],
            eligible_nationalities=data["nationalities"],
            openings=data["openings"],
            start_date=(now + datetime.timedelta(days=data["start_in_days"])).date(),
            status=data["status"],
            **_timestamps(data["status"], data["days_ago"], now),
        )
        listings.append(listing)
        statuses.append([ref.statuses[slug] for slug in data["statuses"]])
    ids = _insert(listings, statuses)
    return len(companies), len(ids)


# ---- generated listings at any volume ----

# Share of listings per status in generated data: mostly live, like a real board.
STATUS_WEIGHTS = {
    Listing.Status.PUBLISHED: 88,
    Listing.Status.CLOSED: 4,
    Listing.Status.EXPIRED: 4,
    Listing.Status.DRAFT: 2,
    Listing.Status.PENDING: 2,
}
# Big prefectures get more openings.
PREFECTURE_WEIGHTS = {"13": 12, "14": 6, "23": 7, "27": 7, "11": 4, "12": 4, "40": 4, "01": 4}
LEVELS_BY_SECTOR_KIND = {
    True: (["jft-a2", "n4", "n4", "n3", "n5"], [2, 5, 0, 2, 1]),
    False: (["none", "n3", "n2", "n1"], [3, 2, 3, 1]),
}


def _choice(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _generated_companies(rng: random.Random, ref: _Reference, count: int) -> list[Company]:
    parts = demo_content.COMPANY_NAME_PARTS
    start = Company.objects.count()
    companies = []
    for number in range(start, start + count):
        prefix = rng.randrange(len(parts["prefixes_en"]))
        suffix = rng.randrange(len(parts["suffixes_en"]))
        name_en = f"{parts['prefixes_en'][prefix]} {parts['suffixes_en'][suffix]}"
        companies.append(
            Company(
                name_en=f"{name_en} {number}",
                name_ja=f"{parts['prefixes_ja'][prefix]}{parts['suffixes_ja'][suffix]}",
                slug=f"{slugify(name_en)[:60]}-{number}",
                prefecture=rng.choice(list(ref.prefectures.values())),
                verified=rng.random() < 0.3,
                description=f"{name_en} hires skilled workers through Hataraku.",
            )
        )
    return Company.objects.bulk_create(companies, batch_size=BATCH_SIZE)


def _description(rng: random.Random, phrases: dict, lang: str, paragraphs: int) -> str:
    suffix = "en" if lang == "en" else "ja"
    heading = {
        "en": ("## Duties", "## Conditions", "## Support"),
        "ja": ("## 仕事内容", "## 待遇", "## 支援"),
    }
    duties = rng.sample(phrases[f"duties_{suffix}"], k=min(3, len(phrases[f"duties_{suffix}"])))
    conditions = getattr(demo_content, f"CONDITIONS_{suffix.upper()}")
    support = getattr(demo_content, f"SUPPORT_{suffix.upper()}")
    closing = getattr(demo_content, f"CLOSINGS_{suffix.upper()}")
    blocks = [heading[suffix][0], *[f"- {line}" for line in duties], "", heading[suffix][1]]
    blocks += [
        f"- {line}" for line in rng.sample(conditions, k=min(2 + paragraphs, len(conditions)))
    ]
    blocks += [
        "",
        heading[suffix][2],
        *[f"- {line}" for line in rng.sample(support, k=min(paragraphs, len(support)))],
    ]
    blocks += ["", rng.choice(closing)]
    return "\n".join(blocks)


def _salary(
    rng: random.Random, prefecture: Prefecture, white_collar: bool
) -> tuple[int, int, str]:
    floor = prefecture.minimum_wage_yen
    period = "yearly" if white_collar else rng.choices(["monthly", "hourly"], weights=[8, 2])[0]
    if period == "hourly":
        low = floor + rng.randrange(30, 450, 10)
        return low, low + rng.randrange(0, 300, 50), period
    if period == "monthly":
        low = max(int(floor * 173.8) + 5000, rng.randrange(190_000, 320_000, 5000))
        return low, low + rng.randrange(0, 60_000, 5000), period
    low = rng.randrange(3_500_000, 6_000_000, 100_000)
    return low, low + rng.randrange(0, 1_500_000, 100_000), period


def seed_listings(*, count: int, seed: int = 0, now: datetime.datetime | None = None) -> int:
    """Create `count` varied listings (English, Japanese, both) with bulk inserts."""
    rng = random.Random(seed)
    now = now or timezone.now()
    ref = _Reference()
    companies = _generated_companies(rng, ref, max(5, count // 25))
    prefecture_weights = {code: PREFECTURE_WEIGHTS.get(code, 1) for code in ref.prefectures}
    status_slugs = list(ref.statuses)
    created = 0
    for start in range(0, count, BATCH_SIZE):
        listings, statuses = [], []
        for _ in range(min(BATCH_SIZE, count - start)):
            sector_slug = rng.choice(
                demo_content.SSW_SECTORS if rng.random() < 0.85 else demo_content.OTHER_SECTORS
            )
            sector = ref.sectors[sector_slug]
            phrases = demo_content.SECTOR_PHRASES[sector_slug]
            prefecture = ref.prefectures[_choice(rng, prefecture_weights)]
            low, high, period = _salary(rng, prefecture, not sector.is_ssw_field)
            levels, weights = LEVELS_BY_SECTOR_KIND[sector.is_ssw_field]
            language = rng.choices(["en", "ja", "both"], weights=[4, 3, 3])[0]
            role = rng.randrange(len(phrases["roles_en"]))
            city = prefecture.name_en
            title_en = f"{phrases['roles_en'][role]} in {city}" if language != "ja" else ""
            title_ja = (
                f"{phrases['roles_ja'][role]}（{prefecture.name_ja}）" if language != "en" else ""
            )
            paragraphs = rng.randint(1, 4)
            status = _choice(rng, STATUS_WEIGHTS)
            if sector.is_ssw_field:
                chosen = ["ssw-1"] + (["ssw-2"] if sector.has_ssw2 and rng.random() < 0.4 else [])
                chosen += ["no-restriction"] if rng.random() < 0.5 else []
                chosen += ["technical-intern"] if rng.random() < 0.15 else []
            else:
                chosen = rng.sample(
                    ["engineer-humanities", "highly-skilled", "designated-46", "no-restriction"],
                    k=2,
                )
            listings.append(
                Listing(
                    company=rng.choice(companies),
                    title_en=title_en,
                    title_ja=title_ja,
                    description_en=_description(rng, phrases, "en", paragraphs)
                    if title_en
                    else "",
                    description_ja=_description(rng, phrases, "ja", paragraphs)
                    if title_ja
                    else "",
                    slug=slugify(title_en or title_ja, allow_unicode=True)[:80] or "job",
                    sector=sector,
                    prefecture=prefecture,
                    city=city,
                    employment_type=rng.choices(
                        list(Listing.EmploymentType.values), weights=[85, 5, 5, 5]
                    )[0],
                    salary_min=low,
                    salary_max=high,
                    salary_period=period,
                    japanese_level=ref.levels[rng.choices(levels, weights=weights)[0]],
                    skills_test_required=sector.is_ssw_field and rng.random() < 0.8,
                    experience_years=rng.choices([0, 1, 2, 3, 5], weights=[5, 3, 2, 1, 1])[0],
                    english_ok=rng.random() < 0.25,
                    housing=rng.choices(list(Listing.Housing.values), weights=[3, 4, 3])[0],
                    visa_support=rng.random() < 0.6,
                    eligible_nationalities=(
                        rng.sample(["PH", "VN", "NP", "PK", "ID", "MM", "KH", "LK"], k=2)
                        if rng.random() < 0.1
                        else []
                    ),
                    openings=rng.randint(1, 10),
                    status=status,
                    **_timestamps(status, rng.randint(0, 55), now),
                )
            )
            statuses.append([ref.statuses[slug] for slug in chosen if slug in status_slugs])
        created += len(_insert(listings, statuses))
    return created
