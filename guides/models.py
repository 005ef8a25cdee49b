"""Guides: the path to Specified Skilled Worker work in Japan, field by field, country by country.

Content is data: one row per page and one translation per language, edited by staff in the admin.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from guides import anchors
from jobboard.markdown import HEADING_ID, MAX_SOURCE_LENGTH
from listings.models import Sector

# A heading with an anchor: "## 3. Pass a Japanese test {#step-japanese-test}".
_HEADING_ANCHOR = re.compile(r"^#{2,3}[ \t]+(?P<title>.+?)[ \t]*\{#(?P<id>[^}\s]+)\}[ \t]*$", re.M)
MAX_SOURCES = 30


class GuideQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Guide(models.Model):
    class Kind(models.TextChoices):
        PROCESS = "process", _("Process (the steps to SSW work)")
        FIELD = "field", _("Field")
        COUNTRY = "country", _("Country")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    key = models.SlugField(
        _("address"),
        max_length=64,
        help_text=_(
            "The last part of the page's address: the sector's slug for a field page, the "
            "lowercase ISO code (pk, ph…) for a country page, “ssw” for the process guide."
        ),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
        help_text=_("Field pages only."),
    )
    country = CountryField(_("country"), blank=True, help_text=_("Country pages only."))
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GuideQuerySet.as_manager()

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        ordering = ["kind", "sort_order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="guide_kind_key_unique"),
            models.CheckConstraint(
                condition=~models.Q(kind="field") | models.Q(sector__isnull=False),
                name="guide_field_has_sector",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="country") | ~models.Q(country=""),
                name="guide_country_has_country",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.key}"

    def get_absolute_url(self):
        if self.kind == self.Kind.FIELD:
            return reverse("guides:field", kwargs={"slug": self.key})
        if self.kind == self.Kind.COUNTRY:
            return reverse("guides:country", kwargs={"iso": self.key})
        return reverse("guides:process")

    def clean(self):
        errors = {}
        if self.kind == self.Kind.FIELD:
            if self.sector_id is None:
                errors["sector"] = _("A field page belongs to a sector.")
            elif self.sector.slug != self.key:
                errors["key"] = _("A field page's address is its sector's slug.")
        if self.kind == self.Kind.COUNTRY:
            if not self.country:
                errors["country"] = _("A country page belongs to a country.")
            elif str(self.country.code).lower() != self.key:
                errors["key"] = _("A country page's address is its lowercase ISO code.")
        if self.kind == self.Kind.PROCESS and self.key != "ssw":
            errors["key"] = _("The process guide's address is “ssw”.")
        if errors:
            raise ValidationError(errors)


class GuideTranslation(models.Model):
    """One language's version of a guide, with its sources and the date it was last checked."""

    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, related_name="translations", verbose_name=_("guide")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=150)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for search engines.")
    )
    body_markdown = models.TextField(
        _("text (Markdown)"),
        max_length=MAX_SOURCE_LENGTH,
        help_text=_(
            "Markdown. Headings that other pages link to end with their anchor, for example "
            "“## 3. Pass a Japanese test {#step-japanese-test}”; keep those anchors."
        ),
    )
    sources = models.TextField(
        _("sources"),
        help_text=_("One source per line: its name, a vertical bar, its https address."),
    )
    last_checked = models.DateField(_("last checked on"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("guide translation")
        verbose_name_plural = _("guide translations")
        ordering = ["guide", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "language"], name="guide_translation_language_unique"
            )
        ]

    def __str__(self):
        return f"{self.guide} ({self.language})"

    def source_list(self) -> list[tuple[str, str]]:
        """(name, URL) for each line of `sources`."""
        items = []
        for line in self.sources.splitlines():
            name, _bar, url = line.rpartition("|")
            if url.strip():
                items.append((name.strip() or url.strip(), url.strip()))
        return items

    def anchors(self) -> list[tuple[str, str]]:
        """(anchor id, heading text) of each anchored heading, in order: the table of contents."""
        return [
            (match["id"], match["title"]) for match in _HEADING_ANCHOR.finditer(self.body_markdown)
        ]

    def clean(self):
        errors = {}
        lines = [line for line in self.sources.splitlines() if line.strip()]
        if not lines:
            errors["sources"] = _("List at least one source.")
        elif len(lines) > MAX_SOURCES:
            errors["sources"] = _("List at most %(count)s sources.") % {"count": MAX_SOURCES}
        else:
            check_url = URLValidator(schemes=["https"])
            for line in lines:
                url = line.rpartition("|")[2].strip()
                try:
                    check_url(url)
                except ValidationError:
                    errors["sources"] = _(
                        "Each line needs a name, a vertical bar and an https address: %(line)s"
                    ) % {"line": line[:100]}
                    break
        ids = [anchor for anchor, _title in self.anchors()]
        bad = [anchor for anchor in ids if not HEADING_ID.match(anchor)]
        if bad:
            errors["body_markdown"] = _(
                "Anchors start with step-, field-, country- or section- and use only "
                "lowercase letters, digits and hyphens: %(anchors)s"
            ) % {"anchors": ", ".join(bad)}
        else:
            try:
                kind = self.guide.kind
            except Guide.DoesNotExist:  # a new translation not yet tied to its guide
                kind = None
            missing = [a for a in anchors.REQUIRED.get(kind, []) if a not in ids]
            if missing:
                errors["body_markdown"] = _(
                    "Other pages link to these anchors; keep a heading for each: %(anchors)s"
                ) % {"anchors": ", ".join(f"{{#{anchor}}}" for anchor in missing)}
        if errors:
            raise ValidationError(errors)
