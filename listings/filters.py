"""The filters of /jobs/, shared by the page, its feeds and saved searches."""

import datetime
from urllib.parse import urlencode

import django_filters
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from listings import search
from listings.models import Listing, Region
from listings.reference import reference_data

MAX_VALUES_PER_PARAMETER = 20
POSTED_WITHIN_CHOICES = [
    ("1", gettext_lazy("Last 24 hours")),
    ("3", gettext_lazy("Last 3 days")),
    ("7", gettext_lazy("Last 7 days")),
    ("14", gettext_lazy("Last 14 days")),
    ("30", gettext_lazy("Last 30 days")),
]
YES = [("1", gettext_lazy("Yes"))]
MULTI_VALUED = ("sector", "status", "prefecture", "region", "employment_type")
PARAMETER_LABELS = {
    "q": gettext_lazy("keywords"),
    "sector": gettext_lazy("sector"),
    "status": gettext_lazy("residence status"),
    "prefecture": gettext_lazy("prefecture"),
    "region": gettext_lazy("region"),
    "jp_level": gettext_lazy("Japanese level"),
    "salary_min": gettext_lazy("minimum monthly salary"),
    "employment_type": gettext_lazy("employment type"),
    "housing": gettext_lazy("housing"),
    "english_ok": gettext_lazy("English OK"),
    "visa_support": gettext_lazy("visa support"),
    "nationality": gettext_lazy("nationality"),
    "posted_within": gettext_lazy("posted within"),
}


class ListingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=gettext_lazy("Keywords"))
    sector = django_filters.MultipleChoiceFilter(
        method="filter_sector", label=gettext_lazy("Sector")
    )
    status = django_filters.MultipleChoiceFilter(
        method="filter_status", label=gettext_lazy("Residence status")
    )
    prefecture = django_filters.MultipleChoiceFilter(
        method="filter_prefecture", label=gettext_lazy("Prefecture")
    )
    region = django_filters.MultipleChoiceFilter(
        choices=Region.choices, method="filter_region", label=gettext_lazy("Region")
    )
    jp_level = django_filters.ChoiceFilter(
        method="filter_jp_level", label=gettext_lazy("My Japanese level")
    )
    salary_min = django_filters.NumberFilter(
        method="filter_salary_min",
        label=gettext_lazy("Minimum monthly salary (yen)"),
        min_value=0,
        max_value=10_000_000,
        max_digits=8,
        decimal_places=0,
    )
    employment_type = django_filters.MultipleChoiceFilter(
        choices=Listing.EmploymentType.choices, label=gettext_lazy("Employment type")
    )
    housing = django_filters.ChoiceFilter(
        choices=YES, method="filter_housing", label=gettext_lazy("Housing provided or supported")
    )
    english_ok = django_filters.ChoiceFilter(
        choices=YES, method="filter_true", label=gettext_lazy("English OK")
    )
    visa_support = django_filters.ChoiceFilter(
        choices=YES, method="filter_true", label=gettext_lazy("Visa support")
    )
    nationality = django_filters.ChoiceFilter(
        choices=countries, method="filter_nationality", label=gettext_lazy("My nationality")
    )
    posted_within = django_filters.ChoiceFilter(
        choices=POSTED_WITHIN_CHOICES,
        method="filter_posted_within",
        label=gettext_lazy("Posted"),
    )

    class Meta:
        model = Listing
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        self.notes: list[str] = []
        self.reference = reference_data()
        if data is not None:
            data = self._drop_unknown_values(data)
        super().__init__(data, *args, **kwargs)
        ref = self.reference
        self.filters["sector"].extra["choices"] = [(s.slug, s.name) for s in ref.sectors]
        self.filters["status"].extra["choices"] = [(s.slug, s.name) for s in ref.statuses]
        self.filters["prefecture"].extra["choices"] = [
            (key, p.name) for p in ref.prefectures for key in (p.code, p.slug)
        ]
        self.filters["jp_level"].extra["choices"] = [
            (level.slug, level.name) for level in ref.japanese_levels
        ]

    def _drop_unknown_values(self, data: QueryDict) -> QueryDict:
        """Keep the known values of repeatable parameters; note the others instead of failing."""
        ref = self.reference
        known = {
            "sector": ref.sector_by_slug.keys(),
            "status": ref.status_by_slug.keys(),
            "prefecture": ref.prefecture_by_key.keys(),
            "region": Region.values,
            "employment_type": Listing.EmploymentType.values,
        }
        cleaned = data.copy()
        for name in MULTI_VALUED:
            values = [value.strip() for value in data.getlist(name) if value.strip()]
            kept = [value for value in values if value in known[name]]
            unknown = [value for value in values if value not in known[name]]
            if unknown:
                self._note(name)
            cleaned.setlist(name, list(dict.fromkeys(kept))[:MAX_VALUES_PER_PARAMETER])
        query = data.get("q", "")
        if len(query) > search.MAX_QUERY_LENGTH:
            self.notes.append(
                _("Your keywords were shortened to %(limit)s characters.")
                % {"limit": search.MAX_QUERY_LENGTH}
            )
        cleaned["q"] = search.normalise_query(query)
        return cleaned

    def _note(self, name: str) -> None:
        self.notes.append(
            _("We ignored a %(parameter)s value we do not recognise.")
            % {"parameter": PARAMETER_LABELS.get(name, name)}
        )

    @property
    def qs(self):
        queryset = super().qs
        for name in self.form.errors:
            self._note(name)
        return queryset

    def normalised_querystring(self) -> str:
        """The valid filters as a canonical query string (saved searches store this)."""
        if not self.is_bound or not hasattr(self.form, "cleaned_data"):
            return ""
        pairs = []
        for name in self.filters:
            value = self.form.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            if isinstance(value, list):
                pairs.extend((name, item) for item in sorted(value))
            else:
                pairs.append((name, str(int(value)) if name == "salary_min" else value))
        return urlencode(pairs)

    # ---- filter methods ----

    def filter_q(self, queryset, name, value):
        return search.search(queryset, value)

    def filter_sector(self, queryset, name, value):
        ids = [self.reference.sector_by_slug[slug].id for slug in value]
        return queryset.filter(sector_id__in=ids) if ids else queryset

    def filter_status(self, queryset, name, value):
        ids = [self.reference.status_by_slug[slug].id for slug in value]
        return queryset.accepting_statuses(ids) if ids else queryset

    def filter_prefecture(self, queryset, name, value):
        ids = {self.reference.prefecture_by_key[key].id for key in value}
        return queryset.filter(prefecture_id__in=ids) if ids else queryset

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(prefecture_id__in=self.reference.prefecture_ids_in_regions(value))

    def filter_jp_level(self, queryset, name, value):
        level = self.reference.level_by_slug[value]
        return queryset.filter(japanese_level_id__in=self.reference.level_ids_at_most(level))

    def filter_salary_min(self, queryset, name, value):
        return queryset.filter(salary_monthly_min__gte=int(value))

    def filter_housing(self, queryset, name, value):
        return queryset.filter(housing__in=[Listing.Housing.PROVIDED, Listing.Housing.SUPPORTED])

    def filter_true(self, queryset, name, value):
        return queryset.filter(**{name: True})

    def filter_nationality(self, queryset, name, value):
        # Stored as comma-separated two-letter codes; empty means open to everyone.
        return queryset.filter(
            Q(eligible_nationalities="") | Q(eligible_nationalities__contains=value)
        )

    def filter_posted_within(self, queryset, name, value):
        since = timezone.now() - datetime.timedelta(days=int(value))
        return queryset.filter(published_at__gte=since)
