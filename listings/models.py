"""Reference data, companies and their listings."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class ReferenceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ReferenceData(models.Model):
    """Shared shape of reference tables: a slug, names per language and when it was checked."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=150)
    name_ja = models.CharField(_("name (Japanese)"), max_length=150)
    name_ur = models.CharField(_("name (Urdu)"), max_length=150, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    checked_on = models.DateField(_("last checked on"), null=True, blank=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, English when there is no better one."""
        localised = {"ja": self.name_ja, "ur": self.name_ur}.get(translation.get_language())
        return localised or self.name_en


class Sector(ReferenceData):
    is_ssw_field = models.BooleanField(
        _("Specified Skilled Worker field"),
        default=False,
        help_text=_("One of the fields designated for Specified Skilled Worker."),
    )
    has_ssw2 = models.BooleanField(
        _("SSW (ii) exists"),
        default=False,
        help_text=_("Whether Specified Skilled Worker (ii) exists for this field."),
    )
    keywords = models.TextField(
        _("search keywords"),
        blank=True,
        help_text=_("Other words people search for this sector by, in any language."),
    )

    class Meta(ReferenceData.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class ResidenceStatus(ReferenceData):
    summary_en = models.TextField(_("short explanation (English)"), blank=True)
    summary_ja = models.TextField(_("short explanation (Japanese)"), blank=True)

    class Meta(ReferenceData.Meta):
        verbose_name = _("residence status")
        verbose_name_plural = _("residence statuses")


class JapaneseLevel(ReferenceData):
    rank = models.PositiveSmallIntegerField(
        _("rank"),
        help_text=_(
            "Comparable strength: a higher rank satisfies every lower one. "
            "Levels of equal strength (JFT-Basic A2 and JLPT N4) share a rank."
        ),
    )

    class Meta(ReferenceData.Meta):
        verbose_name = _("Japanese level")
        verbose_name_plural = _("Japanese levels")


class Region(models.TextChoices):
    HOKKAIDO = "hokkaido", _("Hokkaido")
    TOHOKU = "tohoku", _("Tohoku")
    KANTO = "kanto", _("Kanto")
    CHUBU = "chubu", _("Chubu")
    KANSAI = "kansai", _("Kansai")
    CHUGOKU = "chugoku", _("Chugoku")
    SHIKOKU = "shikoku", _("Shikoku")
    KYUSHU_OKINAWA = "kyushu-okinawa", _("Kyushu and Okinawa")


class Prefecture(ReferenceData):
    code = models.CharField(
        _("JIS code"), max_length=2, unique=True, help_text=_("JIS X 0401, 01 to 47.")
    )
    region = models.CharField(_("region"), max_length=16, choices=Region.choices)
    minimum_wage_yen = models.PositiveIntegerField(_("regional minimum wage (yen per hour)"))
    minimum_wage_fiscal_year = models.PositiveSmallIntegerField(
        _("minimum wage fiscal year"),
        help_text=_("The fiscal year of the revision the wage above comes from."),
    )
    minimum_wage_effective_from = models.DateField(
        _("minimum wage effective from"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("prefecture")
        verbose_name_plural = _("prefectures")
        ordering = ["code"]


class CountryInfo(models.Model):
    """What the board knows about a country of origin, beyond its ISO code."""

    country = CountryField(_("country"), unique=True)
    ssw_memorandum = models.BooleanField(
        _("SSW Memorandum of Cooperation"),
        default=False,
        help_text=_("Japan has signed a Memorandum of Cooperation on SSW with this country."),
    )
    memorandum_year = models.PositiveSmallIntegerField(
        _("year the memorandum was signed"), null=True, blank=True
    )
    checked_on = models.DateField(_("last checked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["country"]

    def __str__(self):
        return str(self.country.name)


def validate_corporate_number(value: str) -> None:
    """Check a 13-digit Japanese corporate number (法人番号) against its check digit."""
    if not (len(value) == 13 and value.isascii() and value.isdigit()):
        raise ValidationError(_("A corporate number has exactly 13 digits."), code="format")
    base = value[1:]
    weighted = sum(
        int(digit) * (2 if position % 2 == 0 else 1)
        for position, digit in enumerate(reversed(base), start=1)
    )
    if int(value[0]) != 9 - weighted % 9:
        raise ValidationError(
            _("This corporate number's check digit is wrong; please check it for typos."),
            code="check_digit",
        )


class CompanyQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(memberships__user=user)

    def active(self):
        """Companies that have not deleted their account."""
        return self.filter(deleted_at__isnull=True)


class Company(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=150)
    name_ja = models.CharField(_("name (Japanese)"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    corporate_number = models.CharField(
        _("corporate number (法人番号)"),
        max_length=13,
        blank=True,
        validators=[validate_corporate_number],
        help_text=_("13 digits, from the National Tax Agency's corporate number site."),
    )
    prefecture = models.ForeignKey(
        Prefecture, on_delete=models.PROTECT, related_name="+", verbose_name=_("prefecture")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), max_length=10_000, blank=True, help_text=_("Markdown is allowed.")
    )
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Set by staff after checking the company.")
    )
    verification_note = models.TextField(
        _("verification note"),
        blank=True,
        help_text=_("How staff checked the company: corporate number, a call, a visit…"),
    )
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Deleted by its owner: the row stays (name only) so that seekers keep the history of
    # their applications to it; it has no members and is hidden from every public page.
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["corporate_number"],
                condition=~models.Q(corporate_number=""),
                name="company_unique_corporate_number",
            )
        ]

    def __str__(self):
        return self.name_en

    def get_absolute_url(self):
        return reverse("listings:company", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        if translation.get_language() == "ja" and self.name_ja:
            return self.name_ja
        return self.name_en

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def name_matches(self, typed: str) -> bool:
        """Whether `typed` is one of the company's names (to confirm deleting it)."""
        typed = " ".join((typed or "").split())
        names = {" ".join(name.split()) for name in (self.name_en, self.name_ja)}
        return bool(typed) and typed in names - {""}


class CompanyMembership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    class ApplicantEmails(models.TextChoices):
        INSTANT = "instant", _("An email for each new applicant")
        DAILY = "daily", _("One summary a day")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    # An employer account works for one company.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_membership"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    applicant_emails = models.CharField(
        _("emails about new applicants"),
        max_length=16,
        choices=ApplicantEmails.choices,
        default=ApplicantEmails.INSTANT,
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("company member")
        verbose_name_plural = _("company members")
        ordering = ["company", "created_at"]

    def __str__(self):
        return f"{self.user} @ {self.company}"


class CompanyInvitation(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("company invitation")
        verbose_name_plural = _("company invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="invitation_one_open_per_email",
            )
        ]

    def __str__(self):
        return self.email


# Sane upper bounds per salary period, in yen; anything above is a typo.
SALARY_CEILINGS = {"hourly": 100_000, "monthly": 10_000_000, "yearly": 200_000_000}
MAX_DEADLINE = datetime.timedelta(days=120)


class ListingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Listing.Status.PUBLISHED)

    def public(self):
        """Listings anyone may open: published, closed or expired, of a company not deleted."""
        return self.filter(status__in=Listing.PUBLIC_STATUSES, company__deleted_at__isnull=True)

    def live(self, now=None):
        """Published and not past the deadline: what the public board shows."""
        return self.published().filter(expires_at__gt=now or timezone.now())

    def for_company(self, company):
        return self.filter(company=company)

    def open(self):
        """Pending review or published: still in play, so their company cannot be deleted."""
        return self.filter(status__in=Listing.OPEN_STATUSES)

    def accepting_statuses(self, status_ids):
        through = Listing.residence_statuses.through
        return self.filter(
            models.Exists(
                through.objects.filter(
                    listing_id=models.OuterRef("pk"), residencestatus_id__in=status_ids
                )
            )
        )

    def due_to_expire(self, now=None):
        return self.published().filter(expires_at__lte=now or timezone.now())


class Listing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Pending review")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        CLOSED = "closed", _("Closed")
        EXPIRED = "expired", _("Expired")

    class EmploymentType(models.TextChoices):
        FULL_TIME = "full_time", _("Full-time")
        PART_TIME = "part_time", _("Part-time")
        CONTRACT = "contract", _("Contract")
        SEASONAL = "seasonal", _("Seasonal")

    class SalaryPeriod(models.TextChoices):
        HOURLY = "hourly", _("per hour")
        MONTHLY = "monthly", _("per month")
        YEARLY = "yearly", _("per year")

    class Housing(models.TextChoices):
        NONE = "none", _("Not provided")
        PROVIDED = "provided", _("Housing provided")
        SUPPORTED = "supported", _("Help finding housing")

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CLOSED, Status.EXPIRED)
    OPEN_STATUSES = (Status.PENDING, Status.PUBLISHED)

    # Every status change, by action: (statuses it may start from, status it leads to).
    # Services check this table; nothing else changes `status`.
    TRANSITIONS = {
        "submit": ({Status.DRAFT}, Status.PENDING),
        "approve": ({Status.PENDING}, Status.PUBLISHED),
        "reject": ({Status.PENDING}, Status.REJECTED),
        "close": ({Status.PUBLISHED}, Status.CLOSED),
        "expire": ({Status.PUBLISHED}, Status.EXPIRED),
        "revise_rejected": ({Status.REJECTED}, Status.DRAFT),
        "revise_published": ({Status.PUBLISHED}, Status.PENDING),
        # Reported by several people: hidden until a moderator looks again.
        "suspend": ({Status.PUBLISHED}, Status.PENDING),
    }

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="listings", verbose_name=_("company")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    title_ja = models.CharField(_("title (Japanese)"), max_length=120, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=20_000, blank=True)
    description_ja = models.TextField(_("description (Japanese)"), max_length=20_000, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, blank=True, allow_unicode=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="listings", verbose_name=_("sector")
    )
    residence_statuses = models.ManyToManyField(
        ResidenceStatus, related_name="listings", verbose_name=_("residence statuses accepted")
    )
    prefecture = models.ForeignKey(
        Prefecture, on_delete=models.PROTECT, related_name="listings", verbose_name=_("prefecture")
    )
    city = models.CharField(_("city"), max_length=100)
    employment_type = models.CharField(
        _("employment type"), max_length=16, choices=EmploymentType.choices
    )
    salary_min = models.PositiveIntegerField(_("minimum salary (yen)"))
    salary_max = models.PositiveIntegerField(_("maximum salary (yen)"))
    salary_period = models.CharField(
        _("salary period"), max_length=8, choices=SalaryPeriod.choices
    )
    # Monthly equivalent of salary_min (hourly x 173.8 h, yearly / 12) for filtering and sorting.
    salary_monthly_min = models.GeneratedField(
        expression=models.Case(
            models.When(salary_period="hourly", then=models.F("salary_min") * 1738 / 10),
            models.When(salary_period="yearly", then=models.F("salary_min") / 12),
            default=models.F("salary_min"),
            output_field=models.PositiveIntegerField(),
        ),
        output_field=models.PositiveIntegerField(),
        db_persist=True,
    )
    japanese_level = models.ForeignKey(
        JapaneseLevel,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Japanese level required"),
    )
    skills_test_required = models.BooleanField(_("skills test required"), default=False)
    experience_years = models.PositiveSmallIntegerField(
        _("years of experience required"), default=0, validators=[MaxValueValidator(40)]
    )
    english_ok = models.BooleanField(_("English OK"), default=False)
    housing = models.CharField(
        _("housing"), max_length=16, choices=Housing.choices, default=Housing.NONE
    )
    visa_support = models.BooleanField(
        _("visa support"),
        default=False,
        help_text=_("The employer applies for the Certificate of Eligibility."),
    )
    support_org_name = models.CharField(
        _("registered support organisation"), max_length=150, blank=True
    )
    support_org_number = models.CharField(
        _("support organisation registration number"), max_length=20, blank=True
    )
    eligible_nationalities = CountryField(
        _("eligible nationalities"),
        multiple=True,
        blank=True,
        help_text=_("Leave empty to accept every nationality."),
    )
    openings = models.PositiveSmallIntegerField(
        _("number of openings"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(999)],
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    deadline = models.DateField(
        _("application deadline"),
        null=True,
        blank=True,
        help_text=_("Optional. Listings close 60 days after publication at the latest 120."),
    )

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    # The content as last approved, so moderators see what an edit changed.
    approved_content = models.JSONField(_("content when last approved"), default=dict, blank=True)
    edited_after_approval_at = models.DateTimeField(
        _("edited after approval"),
        null=True,
        blank=True,
        help_text=_("A verified company changed this published listing; review after the fact."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Filled by listings.search on PostgreSQL; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ListingQuerySet.as_manager()

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="listing_board_newest"),
            # Covers the live-board filter and the facet columns: facet counts and filtered
            # counts become index-only scans instead of reading the wide rows (PostgreSQL).
            models.Index(
                fields=["status", "expires_at"],
                include=[
                    "id",
                    "sector",
                    "prefecture",
                    "japanese_level",
                    "salary_monthly_min",
                    "published_at",
                ],
                name="listing_live_covering",
            ),
            models.Index(
                fields=["status", "-salary_monthly_min", "-id"], name="listing_board_salary"
            ),
            models.Index(fields=["sector", "status"], name="listing_sector_status"),
            models.Index(fields=["prefecture", "status"], name="listing_prefecture_status"),
            models.Index(fields=["company", "status"], name="listing_company_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_min__lte=models.F("salary_max")),
                name="listing_salary_min_le_max",
            ),
        ]

    def __str__(self):
        return self.title or f"#{self.pk}"

    def get_absolute_url(self):
        return reverse("listings:detail", kwargs={"pk": self.pk, "slug": self.slug or "-"})

    @property
    def display_language(self) -> str:
        """The language shown: the page's if the listing is written in it, else the other."""
        if translation.get_language() == "ja":
            return "ja" if self.title_ja else "en"
        return "en" if self.title_en else "ja"

    @property
    def title(self) -> str:
        return self.title_ja if self.display_language == "ja" else self.title_en

    @property
    def description(self) -> str:
        return self.description_ja if self.display_language == "ja" else self.description_en

    def clean(self):
        errors: dict[str, list] = {}
        has_english = bool(self.title_en.strip() and self.description_en.strip())
        has_japanese = bool(self.title_ja.strip() and self.description_ja.strip())
        if not (has_english or has_japanese):
            errors.setdefault("title_en", []).append(
                _("Write the title and description in English, in Japanese, or in both.")
            )
        for lang, title, description in (
            ("en", self.title_en, self.description_en),
            ("ja", self.title_ja, self.description_ja),
        ):
            if bool(title.strip()) != bool(description.strip()):
                errors.setdefault(
                    f"description_{lang}" if title.strip() else f"title_{lang}", []
                ).append(_("Give both a title and a description in this language, or neither."))
        if self.salary_period in SALARY_CEILINGS:
            ceiling = SALARY_CEILINGS[self.salary_period]
            for name in ("salary_min", "salary_max"):
                value = getattr(self, name)
                if value is not None and not 0 < value <= ceiling:
                    errors.setdefault(name, []).append(
                        _("Enter an amount between 1 and %(ceiling)s yen.")
                        % {"ceiling": f"{ceiling:,}"}
                    )
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            errors.setdefault("salary_max", []).append(
                _("The maximum salary must be at least the minimum.")
            )
        if self.deadline and self.status not in (self.Status.CLOSED, self.Status.EXPIRED):
            today = timezone.localdate()
            # A live listing's deadline counts from its publication, a new one's from today.
            start = timezone.localdate(self.published_at) if self.published_at else today
            if self.deadline < today:
                errors.setdefault("deadline", []).append(_("The deadline cannot be in the past."))
            elif self.deadline > start + MAX_DEADLINE:
                errors.setdefault("deadline", []).append(
                    _("The deadline can be at most %(days)s days after publication.")
                    % {"days": MAX_DEADLINE.days}
                )
        if errors:
            raise ValidationError(errors)

    def allows(self, action: str) -> bool:
        sources, _target = self.TRANSITIONS[action]
        return self.status in sources

    def is_accepting_applications(self, now=None) -> bool:
        return self.status == self.Status.PUBLISHED and bool(
            self.expires_at and self.expires_at > (now or timezone.now())
        )


class ListingForReview(Listing):
    """Listings waiting for a moderator: the review queue in the admin."""

    class Meta:
        proxy = True
        verbose_name = _("listing pending review")
        verbose_name_plural = _("pending review")


class ListingFlag(models.Model):
    """An automatic fair-recruitment warning for moderators; it never rejects by itself."""

    class Code(models.TextChoices):
        BELOW_MINIMUM_WAGE = "below_minimum_wage", _("Salary below the minimum wage")
        WORKER_PAYS_FEES = "worker_pays_fees", _("Suggests the worker pays fees or deposits")
        SSW_INCONSISTENT = "ssw_inconsistent", _("SSW requirements missing or inconsistent")
        OFF_SITE_CONTACT = (
            "off_site_contact",
            _("Contact details that route applicants off the site"),
        )

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="flags")
    code = models.CharField(_("flag"), max_length=32, choices=Code.choices)
    detail = models.CharField(_("detail"), max_length=500)
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)

    class Meta:
        verbose_name = _("listing flag")
        verbose_name_plural = _("listing flags")
        ordering = ["listing", "code"]
        indexes = [models.Index(fields=["listing", "code"], name="flag_listing_code")]

    def __str__(self):
        return f"{self.get_code_display()}: {self.detail}"


class FeeKeyword(models.Model):
    """Words that suggest the worker pays: checked in listings at submission."""

    phrase = models.CharField(_("phrase"), max_length=100, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    is_active = models.BooleanField(_("active"), default=True)
    checked_on = models.DateField(_("last checked on"), null=True, blank=True)

    class Meta:
        verbose_name = _("fee keyword")
        verbose_name_plural = _("fee keywords")
        ordering = ["language", "phrase"]

    def __str__(self):
        return self.phrase


class AbuseReport(models.Model):
    class Reason(models.TextChoices):
        FEES = "fees", _("Asks for fees or deposits")
        FAKE = "fake", _("Fake or misleading")
        DISCRIMINATORY = "discriminatory", _("Discriminatory")
        WRONG_INFORMATION = "wrong_information", _("Wrong information")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    class Outcome(models.TextChoices):
        NO_ACTION = "no_action", _("No problem found")
        LISTING_CHANGED = "listing_changed", _("Employer asked to change the listing")
        LISTING_REMOVED = "listing_removed", _("Listing removed")
        COMPANY_WARNED = "company_warned", _("Company warned")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.CharField(_("outcome"), max_length=32, choices=Outcome.choices, blank=True)
    resolution_note = models.TextField(_("resolution note"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")
        ordering = ["status", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "reporter"],
                condition=models.Q(status="open"),
                name="report_one_open_per_person",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="report_queue")]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.listing}"
