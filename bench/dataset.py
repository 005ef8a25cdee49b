"""A large, realistic dataset for benchmarks, written with COPY straight into PostgreSQL.

The ORM would take hours for a million applications; COPY takes seconds. Rows are generated
from one seeded random stream, with dates counted from midnight UTC of the run's day, so the
same `--seed` on the same day gives the same rows. Secondary indexes are dropped while loading
and built once at the end; search vectors are computed by one set-based INSERT … SELECT.
"""

import datetime
import hashlib
import json
import random
import time
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import connection, connections
from django.utils import timezone
from django.utils.text import slugify

from listings import cache as board_cache
from listings import demo_content, search
from listings.models import JapaneseLevel, Prefecture, ResidenceStatus, Sector

# Every generated account has this password, so that any of them can log in to a bench site.
SCALE_PASSWORD = "hataraku-scale"  # noqa: S105 - a documented demo password for local data
BENCH_MODERATOR = "bench-moderator@scale.example"

TABLES = (
    "accounts_user",
    "listings_company",
    "listings_companymembership",
    "listings_listing",
    "listings_listing_residence_statuses",
    "applicants_seekerprofile",
    "applicants_seekerprofile_skills_tests",
    "applicants_cv",
    "applicants_application",
    "applicants_applicationevent",
)

APPLICATION_STATES = {
    "submitted": 34,
    "in_review": 20,
    "interview": 10,
    "offer": 3,
    "hired": 3,
    "rejected": 25,
    "withdrawn": 5,
}
# The path an application took to reach its state (after "submitted").
PATHS = {
    "submitted": [],
    "in_review": ["in_review"],
    "interview": ["in_review", "interview"],
    "offer": ["in_review", "interview", "offer"],
    "hired": ["in_review", "interview", "offer", "hired"],
    "withdrawn": ["withdrawn"],
}
REJECTED_AFTER = ([], ["in_review"], ["in_review", "interview"])
LISTING_STATES = {"published": 86, "closed": 5, "expired": 5, "draft": 2, "pending": 2}
NATIONALITIES = {"PH": 20, "VN": 25, "NP": 12, "PK": 10, "ID": 12, "MM": 8, "LK": 4, "BD": 4}
NATIONALITY_WEIGHTED = [code for code, weight in NATIONALITIES.items() for _ in range(weight)]
PREFECTURE_WEIGHTS = {"13": 12, "14": 6, "23": 7, "27": 7, "11": 4, "12": 4, "40": 4, "01": 4}
HOT_LISTINGS = 5  # listings with 5,000+ applicants each
HOT_APPLICANTS = (5_000, 8_000)

EXTRA_EN = (
    "Working hours are {hours} hours a day, five days a week, with overtime paid at the legal "
    "rate. Paid leave starts at ten days in the first year, as the Labour Standards Act requires.",
    "New staff train for {weeks} weeks with a senior colleague. Instructions are given in simple "
    "Japanese, and a colleague who speaks English helps in the first month.",
    "{prefecture} has good train and bus connections; supermarkets, a clinic and a city office "
    "are within fifteen minutes of the workplace. Many of our foreign staff live nearby.",
    "We pay the same wage as Japanese staff doing the same work and review pay every April. "
    "Bonuses depend on the company's results and have been paid twice a year recently.",
    "After you apply, we read your CV within a week. The interview is online, in Japanese and "
    "English, and lasts about forty minutes; you can ask us anything about the job.",
    "Our support covers airport pick-up, opening a bank account, registering at the city office "
    "and a mobile phone contract. A support worker visits every three months.",
    "Safety comes first: you receive protective equipment and safety training before starting, "
    "and a supervisor checks every new task with you.",
    "We help you study for the next Japanese test with weekly lessons after work and pay the "
    "test fee when you pass. Several colleagues moved from {sector} (i) to (ii) with us.",
)
EXTRA_JA = (
    "勤務時間は1日{hours}時間、週5日です。時間外労働には法定の割増賃金を支払います。"
    "年次有給休暇は労働基準法どおり初年度10日からです。",
    "入社後{weeks}週間は先輩社員と一緒に研修を行います。やさしい日本語で説明し、"
    "最初の1か月は英語ができる社員がサポートします。",
    "{prefecture}は電車やバスが便利で、職場から15分以内にスーパー、診療所、市役所があります。"
    "外国人スタッフの多くが近くに住んでいます。",
    "同じ仕事をする日本人社員と同等以上の給与を支払い、毎年4月に昇給を見直します。"
    "賞与は業績により年2回支給の実績があります。",
    "応募後1週間以内に書類を確認します。面接はオンラインで、日本語と英語で約40分です。"
    "仕事について何でも質問してください。",
    "空港への出迎え、銀行口座の開設、市役所での手続き、携帯電話の契約を支援します。"
    "支援担当者が3か月に1回面談します。",
    "安全第一です。作業開始前に保護具と安全教育を提供し、新しい作業は必ず担当者が確認します。",
    "次の日本語試験に向けて毎週勉強会を開き、合格したら受験料を会社が負担します。"
    "{sector}で1号から2号へ移行した先輩もいます。",
)
COVER_LETTERS = (
    "",
    "",
    "I have worked in this field for {years} years and passed the skills test. "
    "I would like to work in {prefecture} and keep improving my Japanese.",
    "はじめまして。{years}年の経験があります。日本で長く働きたいと思っています。"
    "よろしくお願いいたします。",
)
FIRST_NAMES = (
    "Maria",
    "Jose",
    "Nguyen Van",
    "Tran Thi",
    "Le Minh",
    "Ram",
    "Sita",
    "Muhammad",
    "Ayesha",
    "Budi",
    "Siti",
    "Aung",
    "Thida",
    "Ahmed",
    "Fatima",
)
LAST_NAMES = (
    "Santos",
    "Reyes",
    "An",
    "Hoa",
    "Khan",
    "Gurung",
    "Thapa",
    "Sharma",
    "Wijaya",
    "Rahman",
    "Kyaw",
    "Win",
    "Perera",
    "Hossain",
    "Ali",
)


@dataclass(frozen=True)
class ScaleSpec:
    listings: int = 100_000
    companies: int = 5_000
    seekers: int = 100_000
    applications: int = 1_000_000
    seed: int = 0


class _Ids:
    """The next free primary key of each table, so that rows can reference each other."""

    def __init__(self):
        self.next = {}
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
                self.next[table] = cursor.fetchone()[0]

    def take(self, table: str, count: int) -> range:
        start = self.next[table]
        self.next[table] = start + count
        return range(start, start + count)


class _Timer:
    def __init__(self, report: Callable[[str], None]):
        self.report = report
        self.started = time.perf_counter()
        self.steps: list[tuple[str, float]] = []

    def step(self, name: str, since: float) -> None:
        elapsed = time.perf_counter() - since
        self.steps.append((name, elapsed))
        self.report(f"  {name}: {elapsed:.1f} s")


def _copy(table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
    count = 0
    with connection.cursor() as cursor:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def _secondary_indexes(tables: Iterable[str]) -> list[tuple[str, str]]:
    """(name, definition) of indexes that back no constraint: safe to drop and rebuild."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
              AND NOT EXISTS (
                SELECT 1 FROM pg_constraint c
                WHERE c.conindid
                    = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
              )
            ORDER BY i.indexname
            """,
            [list(tables)],
        )
        return cursor.fetchall()


def _in_parallel(statements: list[str], workers: int = 2) -> None:
    """Run independent statements on `workers` connections at once (one per core)."""

    def run(sql: str) -> None:
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute(sql)
        finally:
            connections["default"].close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(run, sql) for sql in statements]:
            future.result()


class ScaleBuilder:
    def __init__(self, spec: ScaleSpec, *, report: Callable[[str], None] = print):
        self.spec = spec
        self.rng = random.Random(spec.seed)
        today = timezone.now().astimezone(datetime.UTC).date()
        self.now = datetime.datetime.combine(today, datetime.time(), tzinfo=datetime.UTC)
        self.timer = _Timer(report)
        self.report = report
        self.password = make_password(SCALE_PASSWORD, salt="hatarakuscale")
        self.sectors = {s.slug: s for s in Sector.objects.all()}
        self.statuses = {s.slug: s for s in ResidenceStatus.objects.all()}
        self.prefectures = {p.code: p for p in Prefecture.objects.all()}
        self.levels = {level.slug: level for level in JapaneseLevel.objects.all()}

    # ---- the whole build ----

    def build(self) -> dict:
        ids = _Ids()
        started = time.perf_counter()
        indexes = _secondary_indexes(TABLES)
        with connection.cursor() as cursor:
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        self.timer.step(f"dropped {len(indexes)} secondary indexes", started)

        step = time.perf_counter()
        owners = self._users(ids, self.spec.companies, "employer", "owner{n}@scale.example")
        companies = self._companies(ids, owners)
        self.timer.step(f"{len(companies):,} companies and their owners", step)

        step = time.perf_counter()
        listings = self._listings(ids, companies)
        self.timer.step(f"{len(listings):,} listings with search vectors", step)

        step = time.perf_counter()
        seekers = self._users(ids, self.spec.seekers, "seeker", "seeker{n}@scale.example")
        snapshots, cvs = self._profiles_and_cvs(ids, seekers)
        self.timer.step(f"{len(seekers):,} seekers with profiles and CVs", step)

        step = time.perf_counter()
        applications, events = self._applications(ids, listings, seekers, snapshots, cvs)
        self.timer.step(f"{applications:,} applications and {events:,} events", step)

        step = time.perf_counter()
        _in_parallel([definition for _name, definition in indexes])
        self.timer.step("rebuilt the secondary indexes", step)

        step = time.perf_counter()
        self._reset_sequences()
        # Vacuum sets the visibility map, without which PostgreSQL avoids index-only scans;
        # autovacuum would do it later on a real site.
        _in_parallel([f"VACUUM (ANALYZE) {table}" for table in TABLES])
        self.timer.step("sequences reset, tables vacuumed and analysed", step)
        board_cache.board_changed()
        return {"seconds": time.perf_counter() - started, "steps": self.timer.steps}

    # ---- accounts ----

    def _users(self, ids: _Ids, count: int, role: str, email: str) -> list[int]:
        user_ids = list(ids.take("accounts_user", count))
        languages = ("en", "ja") if role == "employer" else ("en", "en", "ur", "ja")
        rows = (
            (
                pk,
                self.password,
                False,
                False,
                True,
                self.now - datetime.timedelta(days=self.rng.randint(1, 900)),
                email.format(n=pk),
                "",
                role,
                self.rng.choice(languages),
            )
            for pk in user_ids
        )
        _copy(
            "accounts_user",
            (
                "id",
                "password",
                "is_superuser",
                "is_staff",
                "is_active",
                "date_joined",
                "email",
                "full_name",
                "role",
                "preferred_language",
            ),
            rows,
        )
        return user_ids

    # ---- companies and listings ----

    def _companies(self, ids: _Ids, owners: list[int]) -> list[tuple[int, int]]:
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
        _copy(
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
        _copy(
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

    def _listings(self, ids: _Ids, companies) -> list[tuple[int, str, datetime.datetime]]:
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

        _copy(staging, self.LISTING_COLUMNS + self.DOCUMENT_COLUMNS, rows())
        vector = search._VECTOR_SQL % tuple(self.DOCUMENT_COLUMNS)
        columns = ", ".join(self.LISTING_COLUMNS)
        _in_parallel(
            [
                f"INSERT INTO listings_listing ({columns}, search_vector) "
                f"SELECT {columns}, {vector} FROM {staging} WHERE id % 2 = {part}"
                for part in (0, 1)
            ]
        )
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {staging}")
        through = ids.take("listings_listing_residence_statuses", len(statuses))
        _copy(
            "listings_listing_residence_statuses",
            ("id", "listing_id", "residencestatus_id"),
            ((pk, *pair) for pk, pair in zip(through, statuses, strict=True)),
        )
        return kept

    # ---- seekers ----

    def _profiles_and_cvs(self, ids: _Ids, seekers: list[int]) -> tuple[dict, dict]:
        """Profiles and one CV per seeker; returns the profile snapshot and CV id per seeker."""
        rng = self.rng
        levels = [self.levels[slug] for slug in ("jft-a2", "n5", "n4", "n3", "n2")]
        ssw_sectors = [self.sectors[slug] for slug in demo_content.SSW_SECTORS]
        profile_ids = ids.take("applicants_seekerprofile", len(seekers))
        cv_ids = ids.take("applicants_cv", len(seekers))
        snapshots, cvs, profiles, cv_rows, tests = {}, {}, [], [], []
        for seeker, profile, cv in zip(seekers, profile_ids, cv_ids, strict=True):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            nationality = rng.choice(NATIONALITY_WEIGHTED)
            in_japan = rng.random() < 0.2
            level = rng.choices(levels, weights=[3, 2, 4, 2, 1])[0]
            passed = rng.sample(ssw_sectors, k=rng.choice((0, 1, 1, 2)))
            profiles.append(
                (
                    profile,
                    name,
                    nationality,
                    "JP" if in_japan else nationality,
                    in_japan,
                    f"+{rng.randint(10, 99)} {rng.randint(10**8, 10**9 - 1)}",
                    rng.randint(2018, 2026),
                    rng.choice(("secondary", "vocational", "bachelor")),
                    "English",
                    "",
                    self.now,
                    self.statuses["technical-intern"].pk if in_japan else None,
                    level.pk,
                    seeker,
                )
            )
            tests.extend((profile, sector.pk) for sector in passed)
            snapshots[seeker] = json.dumps(
                {
                    "full_name": name,
                    "email": f"seeker{seeker}@scale.example",
                    "nationality": nationality,
                    "country_of_residence": "JP" if in_japan else nationality,
                    "in_japan": in_japan,
                    "japanese_level": level.name_en,
                    "skills_tests": [sector.name_en for sector in passed],
                    "experience": [],
                    "education": "",
                    "other_languages": "English",
                    "summary": "",
                },
                ensure_ascii=False,
            )
            cvs[seeker] = cv
            cv_rows.append(
                (
                    cv,
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    "CV",
                    f"cvs/scale/{cv}.pdf",
                    "cv.pdf",
                    ".pdf",
                    "application/pdf",
                    rng.randint(40_000, 900_000),
                    True,
                    self.now - datetime.timedelta(days=rng.randint(1, 400)),
                    seeker,
                )
            )
        _copy(
            "applicants_seekerprofile",
            (
                "id",
                "full_name",
                "nationality",
                "country_of_residence",
                "in_japan",
                "phone",
                "japanese_level_year",
                "education",
                "other_languages",
                "summary",
                "updated_at",
                "current_status_id",
                "japanese_level_id",
                "user_id",
            ),
            profiles,
        )
        through = ids.take("applicants_seekerprofile_skills_tests", len(tests))
        _copy(
            "applicants_seekerprofile_skills_tests",
            ("id", "seekerprofile_id", "sector_id"),
            ((pk, *pair) for pk, pair in zip(through, tests, strict=True)),
        )
        _copy(
            "applicants_cv",
            (
                "id",
                "uuid",
                "label",
                "file",
                "original_name",
                "extension",
                "content_type",
                "size",
                "is_default",
                "created_at",
                "owner_id",
            ),
            cv_rows,
        )
        return snapshots, cvs

    # ---- applications ----

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

    def _applications(self, ids: _Ids, listings, seekers, snapshots, cvs) -> tuple[int, int]:
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

        count = _copy(
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
        _copy(
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

    def _reset_sequences(self) -> None:
        with connection.cursor() as cursor:
            for table in TABLES:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
                )


def checksum() -> str:
    """A digest of the generated rows' identity, to check that a seed gives the same data."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for query in (
            "SELECT COUNT(*), SUM(salary_min), MAX(length(description_en)) FROM listings_listing",
            "SELECT COUNT(*), SUM(listing_id), SUM(seeker_id) FROM applicants_application",
            "SELECT status, COUNT(*) FROM applicants_application GROUP BY status ORDER BY status",
            "SELECT COUNT(*) FROM applicants_applicationevent",
        ):
            cursor.execute(query)
            digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()[:16]
