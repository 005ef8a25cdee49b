"""Reference data (sectors, residence statuses, prefectures, Japanese levels)."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class ReferenceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ReferenceData(models.Model):
    """Shared shape of reference tables: a slug, names per language and when it was checked."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=150)
    name_ja = models.CharField(_("name (Japanese)"), max_length=150)
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
        if translation.get_language() == "ja" and self.name_ja:
            return self.name_ja
        return self.name_en


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
