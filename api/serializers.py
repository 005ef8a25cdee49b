"""What the API returns: listings, reference data, companies, applications.

Every field of a listing in one language-neutral shape, plus the texts in the language asked
for. Reads only: writes go through the web forms' validation (api/forms.py).
"""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from applicants.models import Application
from listings.models import Listing, Region


class BlankAsNull(serializers.CharField):
    """An optional text: null when empty, so clients need not tell "" from missing."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


def site_url(path: str) -> str:
    return settings.SITE_URL + path


def api_url(request, name: str, **kwargs) -> str:
    path = reverse(name, kwargs=kwargs)
    return request.build_absolute_uri(path) if request is not None else site_url(path)


# ---- reference data ----


class ReferenceSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(help_text="In the language of the response.")
    name_en = serializers.CharField()
    name_ja = serializers.CharField()
    name_ur = BlankAsNull()
    checked_on = serializers.DateField(
        allow_null=True, help_text="When the facts were last checked."
    )


class SectorSerializer(ReferenceSerializer):
    is_ssw_field = serializers.BooleanField(
        help_text="One of the Specified Skilled Worker (特定技能) fields."
    )
    has_ssw2 = serializers.BooleanField(help_text="SSW (ii) exists for this field.")


class ResidenceStatusSerializer(ReferenceSerializer):
    summary_en = BlankAsNull()
    summary_ja = BlankAsNull()


class PrefectureSerializer(ReferenceSerializer):
    code = serializers.CharField(help_text="JIS X 0401, 01 to 47.")
    region = serializers.ChoiceField(choices=Region.choices)
    region_label = serializers.CharField(source="get_region_display")
    minimum_wage_yen = serializers.IntegerField(help_text="Regional minimum wage, yen per hour.")
    minimum_wage_fiscal_year = serializers.IntegerField()
    minimum_wage_effective_from = serializers.DateField(allow_null=True)


class JapaneseLevelSerializer(ReferenceSerializer):
    rank = serializers.IntegerField(
        help_text="A higher rank satisfies every lower one (JFT-Basic A2 ranks with JLPT N4)."
    )


# ---- listings ----


class RefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PrefectureRefSerializer(RefSerializer):
    code = serializers.CharField()
    region = serializers.ChoiceField(choices=Region.choices)


class JapaneseLevelRefSerializer(RefSerializer):
    rank = serializers.IntegerField()


class CompanyRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    name_ja = BlankAsNull()
    verified = serializers.BooleanField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_url(self, company) -> str:
        return site_url(company.get_absolute_url())

    def get_api_url(self, company) -> str:
        return api_url(self.context.get("request"), "api:company-detail", slug=company.slug)


class ListingSummarySerializer(serializers.Serializer):
    """A listing as a card shows it (no descriptions): in a company's list of jobs."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text="The listing's page on the site.")
    api_url = serializers.SerializerMethodField()
    language = serializers.ChoiceField(
        choices=["en", "ja"],
        source="display_language",
        help_text="The language of `title` (and `description`): the one asked for when the "
        "listing is written in it, otherwise the other.",
    )
    title = serializers.CharField()
    title_en = BlankAsNull()
    title_ja = BlankAsNull()
    sector = RefSerializer()
    prefecture = PrefectureRefSerializer()
    city = serializers.CharField()
    employment_type = serializers.ChoiceField(choices=Listing.EmploymentType.choices)
    salary_min = serializers.IntegerField(help_text="Yen, before tax, per `salary_period`.")
    salary_max = serializers.IntegerField()
    salary_period = serializers.ChoiceField(choices=Listing.SalaryPeriod.choices)
    salary_monthly_min = serializers.IntegerField(
        help_text="`salary_min` as a monthly amount (hourly × 173.8, yearly ÷ 12)."
    )
    published_at = serializers.DateTimeField(allow_null=True)

    def get_url(self, listing) -> str:
        return site_url(listing.get_absolute_url())

    def get_api_url(self, listing) -> str:
        return api_url(self.context.get("request"), "api:job-detail", pk=listing.pk)


class ListingSerializer(ListingSummarySerializer):
    description = serializers.CharField(help_text="Markdown, in the language of `language`.")
    description_en = BlankAsNull()
    description_ja = BlankAsNull()
    company = CompanyRefSerializer()
    residence_statuses = RefSerializer(many=True)
    employment_type_label = serializers.CharField(source="get_employment_type_display")
    salary_period_label = serializers.CharField(source="get_salary_period_display")
    japanese_level = JapaneseLevelRefSerializer()
    skills_test_required = serializers.BooleanField()
    experience_years = serializers.IntegerField()
    english_ok = serializers.BooleanField()
    housing = serializers.ChoiceField(choices=Listing.Housing.choices)
    housing_label = serializers.CharField(source="get_housing_display")
    visa_support = serializers.BooleanField()
    support_org_name = BlankAsNull()
    support_org_number = BlankAsNull()
    eligible_nationalities = serializers.SerializerMethodField(
        help_text="ISO 3166 two-letter codes; empty means every nationality."
    )
    openings = serializers.IntegerField()
    start_date = serializers.DateField(allow_null=True)
    deadline = serializers.DateField(allow_null=True)
    expires_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()
    accepting_applications = serializers.SerializerMethodField()

    def get_eligible_nationalities(self, listing) -> list[str]:
        return [country.code for country in listing.eligible_nationalities]

    def get_accepting_applications(self, listing) -> bool:
        return listing.is_accepting_applications()


class CompanySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    name_ja = BlankAsNull()
    verified = serializers.BooleanField()
    prefecture = PrefectureRefSerializer()
    website = BlankAsNull()
    description = BlankAsNull(help_text="Markdown.")
    url = serializers.SerializerMethodField()
    jobs = ListingSummarySerializer(many=True, help_text="Its live listings, newest first.")

    def get_url(self, company) -> str:
        return site_url(company.get_absolute_url())


# ---- the employer's view ----


class EmployerListingSerializer(ListingSerializer):
    status = serializers.ChoiceField(choices=Listing.Status.choices)
    status_label = serializers.CharField(source="get_status_display")
    rejection_reason = BlankAsNull()
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    employer_api_url = serializers.SerializerMethodField()
    applications_api_url = serializers.SerializerMethodField()

    def get_employer_api_url(self, listing) -> str:
        return api_url(self.context.get("request"), "api:employer-listing", pk=listing.pk)

    def get_applications_api_url(self, listing) -> str:
        return api_url(self.context.get("request"), "api:employer-applications", pk=listing.pk)


class ExperienceSerializer(serializers.Serializer):
    sector = serializers.CharField()
    years = serializers.IntegerField()


class ApplicantSerializer(serializers.Serializer):
    """The seeker's profile as it was when they applied (empty once they deleted their account)."""

    full_name = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    nationality = serializers.CharField(allow_blank=True)
    nationality_name = serializers.CharField(allow_blank=True)
    country_of_residence = serializers.CharField(allow_blank=True)
    country_of_residence_name = serializers.CharField(allow_blank=True)
    in_japan = serializers.BooleanField(allow_null=True)
    current_status = serializers.CharField(allow_blank=True)
    japanese_level = serializers.CharField(allow_blank=True)
    japanese_level_year = serializers.IntegerField(allow_null=True)
    skills_tests = serializers.ListField(child=serializers.CharField())
    experience = ExperienceSerializer(many=True)
    education = serializers.CharField(allow_blank=True)
    other_languages = serializers.CharField(allow_blank=True)
    summary = serializers.CharField(allow_blank=True)

    TEXTS = (
        "full_name",
        "email",
        "phone",
        "nationality",
        "nationality_name",
        "country_of_residence",
        "country_of_residence_name",
        "current_status",
        "japanese_level",
        "education",
        "other_languages",
        "summary",
    )

    def to_representation(self, snapshot):
        snapshot = snapshot if isinstance(snapshot, dict) else {}
        data = {name: str(snapshot.get(name) or "") for name in self.TEXTS}
        year = snapshot.get("japanese_level_year")
        in_japan = snapshot.get("in_japan")
        data["in_japan"] = in_japan if isinstance(in_japan, bool) else None
        data["japanese_level_year"] = year if isinstance(year, int) else None
        data["skills_tests"] = [str(test) for test in snapshot.get("skills_tests") or []]
        data["experience"] = [
            {"sector": str(item.get("sector", "")), "years": int(item.get("years") or 0)}
            for item in snapshot.get("experience") or []
            if isinstance(item, dict)
        ]
        return data


class CVSerializer(serializers.Serializer):
    file_name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes.")


class ApplicationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    listing_id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Application.Status.choices)
    status_label = serializers.CharField()
    next_statuses = serializers.SerializerMethodField(
        help_text="The statuses the employer may move it to now."
    )
    account_deleted = serializers.BooleanField(source="is_account_deleted")
    applied_at = serializers.DateTimeField(source="created_at")
    updated_at = serializers.DateTimeField()
    applicant = ApplicantSerializer(source="profile_snapshot")
    cover_letter = serializers.CharField(allow_blank=True)
    cv = CVSerializer(allow_null=True)
    cv_api_url = serializers.SerializerMethodField()
    move_api_url = serializers.SerializerMethodField()

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=Application.Status.choices))
    )
    def get_next_statuses(self, application) -> list[str]:
        return [
            value
            for value in Application.Status.values
            if value in Application.EMPLOYER_TARGETS and application.can_move_to(value)
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_cv_api_url(self, application):
        if application.cv_id is None:
            return None
        return api_url(self.context.get("request"), "api:employer-cv", pk=application.pk)

    def get_move_api_url(self, application) -> str:
        return api_url(self.context.get("request"), "api:employer-move", pk=application.pk)
