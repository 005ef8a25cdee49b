"""The public read API: live listings with /jobs/'s filters, reference data, company profiles."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema

from api import selectors
from api.errors import field_errors, validation_error_response
from api.serializers import (
    CompanySerializer,
    JapaneseLevelSerializer,
    ListingSerializer,
    PrefectureSerializer,
    ResidenceStatusSerializer,
    SectorSerializer,
)
from api.throttling import ReadThrottle
from api.views.base import (
    LANG_PARAMETER,
    NOT_MODIFIED,
    ApiView,
    NewestFirst,
    conditional,
    error_responses,
    etag_for,
    respond,
)
from listings import cache as board_cache
from listings import selectors as listing_selectors
from listings.filters import POSTED_WITHIN_CHOICES
from listings.models import Listing, Region
from listings.reference import reference_data
from listings.search import MAX_QUERY_LENGTH


class PublicView(ApiView):
    authentication_classes = []
    permission_classes = []
    throttle_classes = [ReadThrottle]


def _list_parameter(name, description, enum=None):
    return OpenApiParameter(
        name,
        {"type": "array", "items": {"type": "string", **({"enum": enum} if enum else {})}},
        description=description + " Repeat the parameter for several values (any of them).",
        explode=True,
    )


YES = ["1"]
JOB_FILTERS = [
    OpenApiParameter(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        description="Keywords, in any language (as in the search box of /jobs/).",
    ),
    _list_parameter("sector", "Sector slug, from /api/v1/sectors/."),
    _list_parameter("status", "Residence status slug the job accepts, from /residence-statuses/."),
    _list_parameter("prefecture", "Prefecture JIS code or slug, from /prefectures/."),
    _list_parameter("region", "Region.", enum=list(Region.values)),
    OpenApiParameter(
        "jp_level",
        str,
        description="The applicant's Japanese level slug: jobs asking for at most that level.",
    ),
    OpenApiParameter(
        "salary_min",
        {"type": "integer", "minimum": 0, "maximum": 10_000_000},
        description="Minimum monthly salary in yen (hourly and yearly pay converted).",
    ),
    _list_parameter(
        "employment_type", "Employment type.", enum=list(Listing.EmploymentType.values)
    ),
    OpenApiParameter("housing", str, enum=YES, description="1: housing provided or supported."),
    OpenApiParameter("english_ok", str, enum=YES, description="1: English is enough."),
    OpenApiParameter(
        "visa_support", str, enum=YES, description="1: the employer applies for the visa."
    ),
    OpenApiParameter(
        "nationality",
        {"type": "string", "minLength": 2, "maxLength": 2},
        description="ISO 3166 two-letter code: jobs open to that nationality.",
    ),
    OpenApiParameter(
        "posted_within",
        str,
        enum=[value for value, _label in POSTED_WITHIN_CHOICES],
        description="Published in the last N days.",
    ),
]


@extend_schema(tags=["jobs"])
class JobList(PublicView):
    """Live listings, newest first, filtered exactly like the /jobs/ page."""

    pagination_class = NewestFirst

    @extend_schema(
        operation_id="jobs_list",
        parameters=[*JOB_FILTERS, LANG_PARAMETER],
        responses={
            200: ListingSerializer(many=True),
            **NOT_MODIFIED,
            **error_responses(400, 404, 429),
        },
        description=(
            "The same filters as /jobs/ (the same code). Unknown values of repeatable "
            "filters are ignored and reported in `notes`; other invalid values answer 400. "
            "Pages follow a cursor (`next`, `previous`); an invalid cursor answers 404. "
            "Send If-None-Match or If-Modified-Since to get 304 when nothing changed."
        ),
    )
    def get(self, request):
        filterset = selectors.job_search(request.query_params)
        results = filterset.qs
        if filterset.form.errors:
            return validation_error_response(field_errors(filterset.form.errors))
        changed, count = selectors.freshness(results)
        not_modified, headers = conditional(
            request,
            etag=etag_for(
                "jobs",
                board_cache.board_version(),
                request.GET.urlencode(),
                changed,
                count,
            ),
            last_modified=changed,
        )
        if not_modified is not None:
            return not_modified
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(selectors.with_details(results), request, view=self)
        data = ListingSerializer(page, many=True, context={"request": request}).data
        response = paginator.get_paginated_response(
            data, notes=list(dict.fromkeys(filterset.notes))
        )
        for name, value in headers.items():
            response[name] = value
        response["Cache-Control"] = "no-cache"
        return response


@extend_schema(tags=["jobs"])
class JobDetail(PublicView):
    @extend_schema(
        operation_id="jobs_retrieve",
        parameters=[LANG_PARAMETER],
        responses={200: ListingSerializer, **NOT_MODIFIED, **error_responses(400, 404, 429)},
        description="A published, closed or expired listing (`accepting_applications` tells).",
    )
    def get(self, request, pk: int):
        listing = selectors.public_listing(pk)
        if listing is None:
            raise Http404
        not_modified, headers = conditional(
            request,
            etag=etag_for("job", listing.pk, listing.updated_at, listing.company.updated_at),
            last_modified=max(listing.updated_at, listing.company.updated_at),
        )
        if not_modified is not None:
            return not_modified
        return respond(ListingSerializer(listing, context={"request": request}).data, headers)


def _reference_view(name: str, attribute: str, serializer_class, summary: str):
    @extend_schema(tags=["reference data"])
    class ReferenceList(PublicView):
        @extend_schema(
            operation_id=f"{name}_list",
            summary=summary,
            parameters=[LANG_PARAMETER],
            responses={
                200: serializer_class(many=True),
                **NOT_MODIFIED,
                **error_responses(400, 429),
            },
        )
        def get(self, request):
            rows = getattr(reference_data(), attribute)
            data = serializer_class(rows, many=True).data
            not_modified, headers = conditional(request, etag=etag_for(name, data))
            return not_modified or respond(data, headers)

    ReferenceList.__name__ = ReferenceList.__qualname__ = f"{name.title()}List"
    return ReferenceList


SectorList = _reference_view(
    "sectors", "sectors", SectorSerializer, "Sectors, with the 16 SSW fields."
)
ResidenceStatusList = _reference_view(
    "residence_statuses", "statuses", ResidenceStatusSerializer, "Residence statuses."
)
PrefectureList = _reference_view(
    "prefectures", "prefectures", PrefectureSerializer, "Prefectures and minimum wages."
)
JapaneseLevelList = _reference_view(
    "japanese_levels",
    "japanese_levels",
    JapaneseLevelSerializer,
    "Japanese levels, lowest first.",
)


@extend_schema(tags=["companies"])
class CompanyDetail(PublicView):
    @extend_schema(
        operation_id="companies_retrieve",
        parameters=[LANG_PARAMETER],
        responses={200: CompanySerializer, **NOT_MODIFIED, **error_responses(400, 404, 429)},
        description="A company's public profile and live listings (at most 50).",
    )
    def get(self, request, slug: str):
        company, listings = listing_selectors.company_with_live_listings(slug)
        if company is None:
            raise Http404
        company.jobs = listings
        changed = max([company.updated_at, *(listing.updated_at for listing in listings)])
        not_modified, headers = conditional(
            request,
            etag=etag_for("company", company.pk, changed, [listing.pk for listing in listings]),
            last_modified=changed,
        )
        if not_modified is not None:
            return not_modified
        return respond(CompanySerializer(company, context={"request": request}).data, headers)
