"""The employer API: a company token lists, posts, edits and closes the company's listings
and moves its applicants on, through the same forms and services as the employer pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, permissions, status

from api import selectors
from api.authentication import BearerTokenAuthentication
from api.errors import (
    Conflict,
    django_validation_errors,
    field_errors,
    validation_error_response,
)
from api.forms import (
    ApiListingForm,
    ListingInput,
    MoveInput,
    form_data,
    listing_as_data,
)
from api.serializers import ApplicationSerializer, EmployerListingSerializer
from api.throttling import EmployerThrottle
from api.views.base import LANG_PARAMETER, ApiView, IdOrder, error_responses, respond
from applicants import services as applicant_services
from applicants.files import cv_file_response
from applicants.forms import MoveForm
from applicants.models import Application
from applicants.permissions import can_download_cv
from listings import services as listing_services
from listings.models import Listing


class HasCompanyToken(permissions.BasePermission):
    def has_permission(self, request, view):
        return request.auth is not None


class EmployerView(ApiView):
    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [HasCompanyToken]
    throttle_classes = [EmployerThrottle]

    @property
    def company(self):
        return self.request.auth.company

    def own_listing(self, pk: int) -> Listing:
        # Another company's listing answers 404, exactly like a missing one.
        listing = selectors.company_listing(self.company, pk)
        if listing is None:
            raise Http404
        return listing

    def own_application(self, pk: int) -> Application:
        application = selectors.company_application(self.company, pk)
        if application is None:
            raise Http404
        return application

    def listing_response(self, pk: int, **kwargs):
        listing = self.own_listing(pk)
        data = EmployerListingSerializer(listing, context={"request": self.request}).data
        return respond(data, {}, **kwargs)


def _errors_or_none(form) -> dict | None:
    return None if form.is_valid() else field_errors(form.errors)


READ_ERRORS = error_responses(400, 401, 404, 429)
WRITE_ERRORS = error_responses(400, 401, 404, 409, 415, 429)

LISTING_EXAMPLE = OpenApiExample(
    "A care job",
    request_only=True,
    value={
        "title_en": "Care worker",
        "description_en": "## Duties\n\n- Help residents with daily life.",
        "sector": "nursing-care",
        "residence_statuses": ["ssw-1"],
        "prefecture": "tokyo",
        "city": "Shinjuku",
        "employment_type": "full_time",
        "salary_min": 220000,
        "salary_max": 260000,
        "salary_period": "monthly",
        "japanese_level": "n4",
        "experience_years": 0,
        "housing": "provided",
        "openings": 2,
    },
)


@extend_schema(tags=["employer"])
class ListingList(EmployerView):
    pagination_class = IdOrder

    @extend_schema(
        operation_id="employer_listings_list",
        parameters=[
            OpenApiParameter("status", str, enum=Listing.Status.values, description="Only these."),
            LANG_PARAMETER,
        ],
        responses={200: EmployerListingSerializer(many=True), **READ_ERRORS},
        description="The company's listings in every state, newest first.",
    )
    def get(self, request):
        listings = selectors.company_listings(self.company)
        wanted = request.query_params.get("status")
        if wanted is not None:
            if wanted not in Listing.Status.values:
                return validation_error_response({"status": [_("Unknown status.")]})
            listings = listings.filter(status=wanted)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(selectors.with_details(listings), request, view=self)
        data = EmployerListingSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        operation_id="employer_listings_create",
        parameters=[LANG_PARAMETER],
        request=ListingInput,
        examples=[LISTING_EXAMPLE],
        responses={201: EmployerListingSerializer, **WRITE_ERRORS},
        description=(
            "Post a job: validated like the employer page's form, saved and submitted for "
            "review (`status` is `pending`). Reference rows are named by slug."
        ),
    )
    def post(self, request):
        form = ApiListingForm(form_data(ApiListingForm, request.data))
        errors = _errors_or_none(form)
        if errors:
            return validation_error_response(errors)
        data = dict(form.cleaned_data)
        try:
            with transaction.atomic():
                listing = listing_services.listing_create(
                    company=self.company,
                    by=request.user,
                    residence_statuses=data.pop("residence_statuses"),
                    **data,
                )
                listing_services.listing_submit(listing=listing, by=request.user)
        except ValidationError as error:
            return validation_error_response(django_validation_errors(error))
        return self.listing_response(listing.pk, status=status.HTTP_201_CREATED)


@extend_schema(tags=["employer"])
class ListingDetail(EmployerView):
    @extend_schema(
        operation_id="employer_listings_retrieve",
        parameters=[LANG_PARAMETER],
        responses={200: EmployerListingSerializer, **READ_ERRORS},
    )
    def get(self, request, pk: int):
        return self.listing_response(pk)

    def _update(self, request, pk: int, *, partial: bool):
        listing = self.own_listing(pk)
        if listing.status not in listing_services.LISTING_EDITABLE_STATUSES:
            raise Conflict(_("A closed or expired listing can no longer be edited."))
        base = listing_as_data(listing) if partial else None
        form = ApiListingForm(form_data(ApiListingForm, request.data, base=base), instance=listing)
        errors = _errors_or_none(form)
        if errors:
            return validation_error_response(errors)
        data = dict(form.cleaned_data)
        try:
            listing_services.listing_update(
                listing=listing,
                by=request.user,
                residence_statuses=data.pop("residence_statuses"),
                **data,
            )
        except listing_services.TransitionNotAllowed as error:
            raise Conflict(" ".join(error.messages)) from error
        except ValidationError as error:
            return validation_error_response(django_validation_errors(error))
        return self.listing_response(pk)

    @extend_schema(
        operation_id="employer_listings_update",
        parameters=[LANG_PARAMETER],
        request=ListingInput,
        examples=[LISTING_EXAMPLE],
        responses={200: EmployerListingSerializer, **WRITE_ERRORS},
        description=(
            "Replace the listing's content, as the edit page does: a rejected listing "
            "returns to draft; a published one of an unverified company returns to review."
        ),
    )
    def put(self, request, pk: int):
        return self._update(request, pk, partial=False)

    @extend_schema(
        operation_id="employer_listings_partial_update",
        parameters=[LANG_PARAMETER],
        request=ListingInput(partial=True),
        responses={200: EmployerListingSerializer, **WRITE_ERRORS},
        description="Change only the fields sent; the same rules as PUT.",
    )
    def patch(self, request, pk: int):
        return self._update(request, pk, partial=True)


@extend_schema(tags=["employer"])
class ListingClose(EmployerView):
    @extend_schema(
        operation_id="employer_listings_close",
        parameters=[LANG_PARAMETER],
        request=None,
        responses={200: EmployerListingSerializer, **error_responses(400, 401, 404, 409, 429)},
        description="Stop a published listing from taking applications.",
    )
    def post(self, request, pk: int):
        listing = self.own_listing(pk)
        try:
            listing_services.listing_close(listing=listing, by=request.user)
        except ValidationError as error:
            raise Conflict(" ".join(error.messages)) from error
        return self.listing_response(pk)


@extend_schema(tags=["employer"])
class ApplicationList(EmployerView):
    pagination_class = IdOrder

    @extend_schema(
        operation_id="employer_applications_list",
        parameters=[
            OpenApiParameter(
                "status", str, enum=Application.Status.values, description="Only these."
            ),
            LANG_PARAMETER,
        ],
        responses={200: ApplicationSerializer(many=True), **READ_ERRORS},
        description="A listing's applications, newest first.",
    )
    def get(self, request, pk: int):
        listing = self.own_listing(pk)
        applications = selectors.listing_applications(listing)
        wanted = request.query_params.get("status")
        if wanted is not None:
            if wanted not in Application.Status.values:
                return validation_error_response({"status": [_("Unknown status.")]})
            applications = applications.filter(status=wanted)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(applications, request, view=self)
        data = ApplicationSerializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)


@extend_schema(tags=["employer"])
class ApplicationDetail(EmployerView):
    @extend_schema(
        operation_id="employer_applications_retrieve",
        parameters=[LANG_PARAMETER],
        responses={200: ApplicationSerializer, **READ_ERRORS},
    )
    def get(self, request, pk: int):
        application = self.own_application(pk)
        return respond(ApplicationSerializer(application, context={"request": request}).data, {})


@extend_schema(tags=["employer"])
class ApplicationMove(EmployerView):
    @extend_schema(
        operation_id="employer_applications_move",
        parameters=[LANG_PARAMETER],
        request=MoveInput,
        responses={200: ApplicationSerializer, **WRITE_ERRORS},
        description=(
            "Move an application through the pipeline, as the application page does: the "
            "same allowed moves, and the candidate is emailed the same way."
        ),
    )
    def post(self, request, pk: int):
        application = self.own_application(pk)
        body = request.data
        if isinstance(body, dict) and not body.get("expected_status"):
            body = {**body, "expected_status": application.status}
        form = MoveForm(
            form_data(MoveForm, body, application=application), application=application
        )
        errors = _errors_or_none(form)
        if errors:
            return validation_error_response(errors)
        try:
            applicant_services.application_move(
                application=application, by=request.user, **form.cleaned_data
            )
        except applicant_services.StaleStatus as error:
            raise Conflict(" ".join(error.messages)) from error
        except ValidationError as error:
            return validation_error_response(django_validation_errors(error))
        application = self.own_application(pk)
        return respond(ApplicationSerializer(application, context={"request": request}).data, {})


@extend_schema(tags=["employer"])
class ApplicationCV(EmployerView):
    @extend_schema(
        operation_id="employer_applications_cv",
        parameters=[LANG_PARAMETER],
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY),
            (
                200,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ): OpenApiResponse(OpenApiTypes.BINARY),
            **READ_ERRORS,
        },
        description=(
            "The CV sent with the application, as a download; the same permission rules "
            "and download limit as the employer pages. 404 once the seeker deleted their "
            "account."
        ),
    )
    def get(self, request, pk: int):
        application = self.own_application(pk)
        cv = application.cv
        if cv is None or not can_download_cv(request.user, cv):
            raise Http404
        # Counted with the employer pages' downloads of the same person.
        usage = get_usage(
            request._request,
            group="cv-download",
            key="user_or_ip",
            rate=settings.RATE_LIMITS["cv-download"],
            increment=True,
        )
        if usage and usage["should_limit"]:
            raise exceptions.Throttled(wait=usage["time_left"])
        return cv_file_response(cv)
