"""Seeker profiles, CVs, applications and their events, saved jobs."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connections, models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from listings.models import JapaneseLevel, Listing, Prefecture, ResidenceStatus, Sector

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{6,22}$",
    _("Enter a phone number with digits only, for example +63 917 123 4567."),
)


def _current_year() -> int:
    return timezone.localdate().year


class SeekerProfile(models.Model):
    class Education(models.TextChoices):
        NONE = "none", _("No formal education")
        PRIMARY = "primary", _("Primary school")
        SECONDARY = "secondary", _("Secondary school")
        VOCATIONAL = "vocational", _("Vocational training")
        BACHELOR = "bachelor", _("Bachelor's degree")
        MASTER = "master", _("Master's degree")
        DOCTORATE = "doctorate", _("Doctorate")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seeker_profile"
    )
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    country_of_residence = CountryField(_("country of residence"), blank=True)
    in_japan = models.BooleanField(_("I live in Japan now"), default=False)
    current_status = models.ForeignKey(
        ResidenceStatus,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current residence status in Japan"),
    )
    phone = models.CharField(_("phone"), max_length=24, blank=True, validators=[PHONE_VALIDATOR])
    japanese_level = models.ForeignKey(
        JapaneseLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Japanese level"),
    )
    japanese_level_year = models.PositiveSmallIntegerField(
        _("year obtained"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1984), MaxValueValidator(2100)],
    )
    skills_tests = models.ManyToManyField(
        Sector,
        blank=True,
        related_name="+",
        verbose_name=_("skills tests passed"),
        help_text=_("The fields whose SSW skills evaluation test you have passed."),
    )
    education = models.CharField(
        _("education"), max_length=16, choices=Education.choices, blank=True
    )
    other_languages = models.CharField(
        _("other languages"), max_length=200, blank=True, help_text=_("For example: English, Urdu")
    )
    desired_sectors = models.ManyToManyField(
        Sector, blank=True, related_name="+", verbose_name=_("sectors I want to work in")
    )
    desired_prefectures = models.ManyToManyField(
        Prefecture, blank=True, related_name="+", verbose_name=_("where I want to work")
    )
    summary = models.TextField(_("about me"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # What an employer needs before the seeker can apply.
    REQUIRED_TO_APPLY = ("full_name", "nationality", "country_of_residence", "japanese_level")

    class Meta:
        verbose_name = _("seeker profile")
        verbose_name_plural = _("seeker profiles")

    def __str__(self):
        return self.full_name or str(self.user)

    def missing_to_apply(self) -> list[str]:
        """Labels of the fields still empty that applying needs."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED_TO_APPLY
            if not getattr(self, name if name != "japanese_level" else "japanese_level_id")
        ]


class SectorExperience(models.Model):
    profile = models.ForeignKey(SeekerProfile, on_delete=models.CASCADE, related_name="experience")
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="+")
    years = models.PositiveSmallIntegerField(_("years"), validators=[MaxValueValidator(50)])

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experience")
        ordering = ["-years"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "sector"], name="experience_one_per_sector")
        ]

    def __str__(self):
        return f"{self.sector}: {self.years}"


def cv_storage():
    """The private storage for CVs (STORAGES["cvs"]): never served by URL."""
    return storages["cvs"]


def _cv_path(instance, filename) -> str:
    # Random names: the stored name says nothing about the person or the original file.
    return f"cvs/{uuid.uuid4().hex}{instance.extension}"


class CVQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(deleted_at__isnull=True)


class CV(models.Model):
    MAX_PER_SEEKER = 5

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cvs"
    )
    label = models.CharField(_("label"), max_length=80)
    file = models.FileField(
        _("file"),
        upload_to=_cv_path,
        storage=cv_storage,
        max_length=200,
    )
    original_name = models.CharField(_("file name"), max_length=150)
    extension = models.CharField(max_length=8)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    is_default = models.BooleanField(_("default"), default=False)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    # Deleted by its owner but still attached to an application: kept for that employer.
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = CVQuerySet.as_manager()

    class Meta:
        verbose_name = _("CV")
        verbose_name_plural = _("CVs")
        ordering = ["-is_default", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=models.Q(is_default=True, deleted_at__isnull=True),
                name="cv_one_default_per_owner",
            )
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("applicants:cv-download", kwargs={"uuid": self.uuid})


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        INTERVIEW = "interview", _("Interview")
        OFFER = "offer", _("Offer")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Not selected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN_STATUSES = (Status.SUBMITTED, Status.IN_REVIEW, Status.INTERVIEW, Status.OFFER)
    # Where each status may go next; services check this table.
    TRANSITIONS = {
        Status.SUBMITTED: {Status.IN_REVIEW, Status.INTERVIEW, Status.REJECTED, Status.WITHDRAWN},
        Status.IN_REVIEW: {Status.INTERVIEW, Status.OFFER, Status.REJECTED, Status.WITHDRAWN},
        Status.INTERVIEW: {Status.OFFER, Status.REJECTED, Status.WITHDRAWN},
        Status.OFFER: {Status.HIRED, Status.REJECTED, Status.WITHDRAWN},
        Status.HIRED: set(),
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
    }
    # Moves an employer makes; withdrawing is the seeker's alone.
    EMPLOYER_TARGETS = {
        Status.IN_REVIEW,
        Status.INTERVIEW,
        Status.OFFER,
        Status.HIRED,
        Status.REJECTED,
    }

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="applications")
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="applications",
    )
    # Empty once the seeker deleted their account: their CVs go with it.
    cv = models.ForeignKey(
        CV, on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    cover_letter = models.TextField(_("cover letter"), max_length=5000, blank=True)
    profile_snapshot = models.JSONField(_("profile when applying"), default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "seeker"], name="application_one_per_listing"
            )
        ]
        indexes = [
            # The applicants page: counts per status (index-only), each status newest first.
            models.Index(
                fields=["listing", "status", "-created_at", "-id"], name="application_pipeline"
            ),
            # …and every applicant newest (or, read backwards, oldest) first.
            models.Index(fields=["listing", "-created_at", "-id"], name="application_newest"),
            models.Index(fields=["seeker", "-created_at"], name="application_by_seeker"),
        ]

    def __str__(self):
        return f"{self.profile_snapshot.get('full_name', '?')} → {self.listing}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_account_deleted(self) -> bool:
        """The seeker deleted their account: only the status history is left for the employer."""
        return self.seeker_id is None

    @property
    def status_label(self) -> str:
        label = self.get_status_display()
        if self.is_account_deleted:
            return _("%(status)s — account deleted") % {"status": label}
        return label

    @property
    def applicant_name(self) -> str:
        if self.is_account_deleted:
            return str(_("Deleted account"))
        return self.profile_snapshot.get("full_name", "")

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]


class ApplicationEvent(models.Model):
    class Reason(models.TextChoices):
        ACCOUNT_DELETED = "account_deleted", _("account deleted")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=16, choices=Application.Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Application.Status.choices, blank=True)
    message = models.TextField(_("message to the candidate"), max_length=2000, blank=True)
    internal_note = models.TextField(
        _("internal note"),
        max_length=2000,
        blank=True,
        help_text=_("Only your company sees this."),
    )
    # Why a move happened when nobody chose it (the seeker's account was deleted).
    reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["application", "created_at"], name="event_timeline")]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status or '-'}"

    @property
    def is_status_change(self) -> bool:
        return bool(self.to_status)


class SavedJob(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_jobs"
    )
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved job")
        verbose_name_plural = _("saved jobs")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "listing"], name="saved_job_once")]

    def __str__(self):
        return f"{self.user} ♥ {self.listing}"


class SavedSearchQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def active(self):
        return self.filter(is_active=True)

    def due(self, frequency: str):
        """The searches a digest of this frequency goes to: active, of active accounts."""
        return self.active().filter(frequency=frequency, user__is_active=True)


class SavedSearch(models.Model):
    """A /jobs/ query a seeker asked to hear about by email."""

    MAX_PER_SEEKER = 20

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=80)
    # Canonical form from ListingFilter.normalised_querystring(): equal searches compare equal.
    querystring = models.CharField(_("search"), max_length=1000, blank=True)
    frequency = models.CharField(
        _("how often"), max_length=8, choices=Frequency.choices, default=Frequency.DAILY
    )
    is_active = models.BooleanField(_("emails on"), default=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "querystring"], name="saved_search_once")
        ]
        indexes = [
            # The digest walks the due searches seeker by seeker.
            models.Index(fields=["frequency", "is_active", "user"], name="saved_search_due"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        url = reverse("listings:search")
        return f"{url}?{self.querystring}" if self.querystring else url


class AlertDeliveryQuerySet(models.QuerySet):
    def record(self, pairs: list[tuple[int, int]], *, sent_at) -> None:
        """Store (saved search id, listing id) pairs as sent; pairs stored already are kept."""
        if not pairs:
            return
        connection = connections[self.db]
        if connection.vendor != "postgresql":
            self.bulk_create(
                [
                    AlertDelivery(saved_search_id=s, listing_id=i, sent_at=sent_at)
                    for s, i in pairs
                ],
                batch_size=1000,
                ignore_conflicts=True,
            )
            return
        # A digest records hundreds of thousands of pairs: two arrays in one statement spare
        # bulk_create's work per object, which would be a good part of the run.
        searches, listings = zip(*pairs, strict=True)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {self.model._meta.db_table} (saved_search_id, listing_id, sent_at) "  # noqa: S608 - fixed SQL, values are parameters
                "SELECT search, listing, %s FROM unnest(%s::bigint[], %s::bigint[]) "
                "AS pair(search, listing) ON CONFLICT DO NOTHING",
                [sent_at, list(searches), list(listings)],
            )


class AlertDelivery(models.Model):
    """A listing sent to a saved search: the same search never gets the same listing twice."""

    # No index of its own: the unique constraint's index starts with this column.
    saved_search = models.ForeignKey(
        SavedSearch, on_delete=models.CASCADE, related_name="deliveries", db_index=False
    )
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    objects = AlertDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("job alert delivery")
        verbose_name_plural = _("job alert deliveries")
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "listing"], name="alert_delivery_once")
        ]

    def __str__(self):
        return f"{self.saved_search} → {self.listing}"
