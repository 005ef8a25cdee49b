"""Generated companies and listings, loaded through a staging table that adds search vectors."""

import datetime

from django.db import connection
from django.utils.text import slugify

from bench.dataset.loading import Ids, copy_rows, in_parallel
from bench.dataset.vocabulary import (
    EXTRA_EN,
    EXTRA_JA,
    LISTING_STATES,
    NATIONALITIES,
    PREFECTURE_WEIGHTS,
)
from listings import demo_content, search


class ListingRows:
    def _companies(self, ids: Ids, owners: list[int]) -> list[tuple[int, int]]:
        """(company id, owner user id) pairs."""
        parts = demo_content.COMPANY_NAME_PARTS
        company_ids = list(ids.take("listings_company", len(owners)))
        prefectures = list(self.prefectures.values())
        rows = []
        self.company_names = {}
        for pk in company_ids:
            prefix = self.rng.randrange(len(parts["prefixes_en"]))
            suffix = self.rng.randrange(len(parts["suffixes_en"]))
            name_en = f"{parts['prefixes_en'][prefix]} {parts['suffixes_en'][suffix]} {pk}"
            name_ja = f"{parts['prefixes_ja'][prefix]}{parts['suffixes_ja'][suffix]}"
            self.company_names[pk] = (name_en, name_ja)
            created = self.now - datetime.timedelta(days=self.rng.randint(30, 1500))
            verified = self.rng.random() < 0.4
            rows.append(
                (
                    pk,
                    name_en,
                    name_ja,
                    f"{slugify(name_en)[:60]}-{pk}",
                    "",
                    "",
                    "",
                    f"{name_en} hires skilled workers through Hataraku.",
                    verified,
                    created,
                    created,
                    self.rng.choice(prefectures).pk,
                    "",
                    created if verified else None,
                )
            )
        copy_rows(
            "listings_company",
            (
                "id",
                "name_en",
                "name_ja",
                "slug",
                "corporate_number",
                "address",
                "website",
                "description",
                "verified",
                "created_at",
                "updated_at",
                "prefecture_id",
                "verification_note",
                "verified_at",
            ),
            rows,
        )
        memberships = ids.take("listings_companymembership", len(owners))
        copy_rows(
            "listings_companymembership",
            ("id", "role", "created_at", "company_id", "user_id", "applicant_emails"),
            (
                (pk, "owner", self.now, company, owner, "daily")
                for pk, company, owner in zip(memberships, company_ids, owners, strict=True)
            ),
        )
        return list(zip(company_ids, owners, strict=True))

    def _description(self, lang: str, sector, prefecture, target: int) -> str:
        phrases = demo_content.SECTOR_PHRASES[sector.slug]
        suffix = "en" if lang == "en" else "ja"
        extra = EXTRA_EN if lang == "en" else EXTRA_JA
        headings = {
            "en": ("## Duties", "## Conditions", "## Support", "## More about the job"),
            "ja": ("## 仕事内容", "## 待遇", "## 支援", "## 詳しく"),
        }[suffix]
        conditions = getattr(demo_content, f"CONDITIONS_{suffix.upper()}")
        support = getattr(demo_content, f"SUPPORT_{suffix.upper()}")
        blocks = [headings[0], *[f"- {line}" for line in phrases[f"duties_{suffix}"]]]
        blocks += ["", headings[1], *[f"- {line}" for line in self.rng.sample(conditions, k=5)]]
        blocks += ["", headings[2], *[f"- {line}" for line in self.rng.sample(support, k=3)]]
        blocks += ["", headings[3]]
        values = {
            "hours": self.rng.choice((7, 7.5, 8)),
            "weeks": self.rng.randint(1, 4),
            "prefecture": prefecture.name_en if lang == "en" else prefecture.name_ja,
            "sector": sector.name_en if lang == "en" else sector.name_ja,
        }
        order = self.rng.sample(range(len(extra)), k=len(extra))
        text = "\n".join(blocks)
        index = 0
        while len(text.encode()) < target:
            text += "\n\n" + extra[order[index % len(order)]].format(**values)
            index += 1
        return text

    def _listing_row(self, pk: int, companies, prefecture_weights) -> tuple[tuple, list[int]]:
        rng = self.rng
        company, owner = rng.choice(companies)
        ssw = demo_content.SSW_SECTORS if rng.random() < 0.85 else demo_content.OTHER_SECTORS
        sector = self.sectors[rng.choice(ssw)]
        phrases = demo_content.SECTOR_PHRASES[sector.slug]
        prefecture = self.prefectures[rng.choices(*prefecture_weights)[0]]
        language = rng.choices(["en", "ja", "both"], weights=[4, 3, 3])[0]
        role = rng.randrange(len(phrases["roles_en"]))
        title_en = (
            f"{phrases['roles_en'][role]} in {prefecture.name_en}" if language != "ja" else ""
        )
        title_ja = (
            f"{phrases['roles_ja'][role]}（{prefecture.name_ja}）" if language != "en" else ""
        )
        description_en = (
            self._description("en", sector, prefecture, rng.randint(1000, 4000))
            if title_en
            else ""
        )
        description_ja = (
            self._description("ja", sector, prefecture, rng.randint(1000, 4000))
            if title_ja
            else ""
        )
        floor = prefecture.minimum_wage_yen
        period = (
            "yearly" if not sector.is_ssw_field else rng.choices(["monthly", "hourly"], [8, 2])[0]
        )
        if period == "hourly":
            low = floor + rng.randrange(30, 450, 10)
            high = low + rng.randrange(0, 300, 50)
        elif period == "monthly":
            low = max(int(floor * 173.8) + 5000, rng.randrange(190_000, 320_000, 5000))
            high = low + rng.randrange(0, 60_000, 5000)
        else:
            low = rng.randrange(3_500_000, 6_000_000, 100_000)
            high = low + rng.randrange(0, 1_500_000, 100_000)
        if sector.is_ssw_field:
            levels = rng.choices(["jft-a2", "n4", "n3", "n5"], weights=[3, 5, 2, 1])[0]
            chosen = ["ssw-1"] + (["ssw-2"] if sector.has_ssw2 and rng.random() < 0.4 else [])
            chosen += ["no-restriction"] if rng.random() < 0.5 else []
            chosen += ["technical-intern"] if rng.random() < 0.15 else []
        else:
            levels = rng.choices(["none", "n3", "n2", "n1"], weights=[3, 2, 3, 1])[0]
            chosen = rng.sample(
                ["engineer-humanities", "highly-skilled", "designated-46", "no-restriction"], k=2
            )
        status = rng.choices(list(LISTING_STATES), weights=list(LISTING_STATES.values()))[0]
        days_ago = rng.randint(0, 58)
        created = self.now - datetime.timedelta(days=days_ago, hours=rng.randint(2, 20))
        submitted = published = expires = closed = None
        if status in ("published", "closed", "expired", "pending"):
            submitted = created + datetime.timedelta(hours=1)
        if status in ("published", "closed", "expired"):
            published = created + datetime.timedelta(hours=rng.randint(2, 30))
            expires = published + datetime.timedelta(days=60)
            if status == "expired":
                published -= datetime.timedelta(days=61)
                expires = published + datetime.timedelta(days=60)
                closed = expires
            if status == "closed":
                closed = published + datetime.timedelta(days=rng.randint(1, 20))
        row = (
            pk,
            title_en,
            title_ja,
            description_en,
            description_ja,
            slugify(title_en or title_ja, allow_unicode=True)[:80] or "job",
            prefecture.name_en,
            rng.choices(["full_time", "part_time", "contract", "seasonal"], [85, 5, 5, 5])[0],
            low,
            high,
            period,
            sector.is_ssw_field and rng.random() < 0.8,
            rng.choices([0, 1, 2, 3, 5], weights=[5, 3, 2, 1, 1])[0],
            rng.random() < 0.25,
            rng.choices(["none", "provided", "supported"], weights=[3, 4, 3])[0],
            rng.random() < 0.6,
            "",
            "",
            ",".join(sorted(rng.sample(list(NATIONALITIES), k=2))) if rng.random() < 0.1 else "",
            rng.randint(1, 10),
            (self.now + datetime.timedelta(days=rng.randint(30, 180))).date(),
            status,
            "",
            created,
            closed or published or created,
            submitted,
            published,
            expires,
            closed,
            company,
            owner,
            self.levels[levels].pk,
            prefecture.pk,
            sector.pk,
            "{}",
            *search._document(
                {
                    "title_en": title_en,
                    "title_ja": title_ja,
                    "description_en": description_en,
                    "description_ja": description_ja,
                    "company__name_en": self.company_names[company][0],
                    "company__name_ja": self.company_names[company][1],
                    "sector__name_en": sector.name_en,
                    "sector__name_ja": sector.name_ja,
                    "sector__keywords": sector.keywords,
                    "prefecture__name_en": prefecture.name_en,
                    "prefecture__name_ja": prefecture.name_ja,
                    "city": prefecture.name_en,
                }
            ),
        )
        return row, [self.statuses[slug].pk for slug in chosen if slug in self.statuses]

    LISTING_COLUMNS = (
        "id",
        "title_en",
        "title_ja",
        "description_en",
        "description_ja",
        "slug",
        "city",
        "employment_type",
        "salary_min",
        "salary_max",
        "salary_period",
        "skills_test_required",
        "experience_years",
        "english_ok",
        "housing",
        "visa_support",
        "support_org_name",
        "support_org_number",
        "eligible_nationalities",
        "openings",
        "start_date",
        "status",
        "rejection_reason",
        "created_at",
        "updated_at",
        "submitted_at",
        "published_at",
        "expires_at",
        "closed_at",
        "company_id",
        "created_by_id",
        "japanese_level_id",
        "prefecture_id",
        "sector_id",
        "approved_content",
    )
    DOCUMENT_COLUMNS = (
        "title_latin",
        "title_cjk",
        "middle_latin",
        "middle_cjk",
        "body_latin",
        "body_cjk",
    )

    def _listings(self, ids: Ids, companies) -> list[tuple[int, str, datetime.datetime]]:
        """Load listings through an unlogged staging table; return (id, status, published)."""
        listing_ids = list(ids.take("listings_listing", self.spec.listings))
        weights = (
            list(self.prefectures),
            [PREFECTURE_WEIGHTS.get(code, 1) for code in self.prefectures],
        )
        staging = "scale_listing_staging"
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {staging}")
            cursor.execute(
                f"CREATE UNLOGGED TABLE {staging} AS SELECT {', '.join(self.LISTING_COLUMNS)} "
                f"FROM listings_listing WITH NO DATA"
            )
            for column in self.DOCUMENT_COLUMNS:
                cursor.execute(f"ALTER TABLE {staging} ADD COLUMN {column} text")
        kept, statuses = [], []

        def rows():
            for pk in listing_ids:
                row, chosen = self._listing_row(pk, companies, weights)
                kept.append((pk, row[21], row[26]))
                statuses.extend((pk, status) for status in chosen)
                yield row

        copy_rows(staging, self.LISTING_COLUMNS + self.DOCUMENT_COLUMNS, rows())
        vector = search._VECTOR_SQL % tuple(self.DOCUMENT_COLUMNS)
        columns = ", ".join(self.LISTING_COLUMNS)
        in_parallel(
            [
                f"INSERT INTO listings_listing ({columns}, search_vector) "
                f"SELECT {columns}, {vector} FROM {staging} WHERE id % 2 = {part}"
                for part in (0, 1)
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {staging}")
        through = ids.take("listings_listing_residence_statuses", len(statuses))
        copy_rows(
            "listings_listing_residence_statuses",
            ("id", "listing_id", "residencestatus_id"),
            ((pk, *pair) for pk, pair in zip(through, statuses, strict=True)),
        )
        return kept
