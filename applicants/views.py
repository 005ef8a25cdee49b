"""Seeker pages (profile, CVs, applying, tracking, saved jobs) and the employer pipeline."""

import csv
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from applicants import selectors, services
from applicants.files import cv_file_response
from applicants.forms import (
    ApplyForm,
    BulkRejectForm,
    CVUploadForm,
    MoveForm,
    NoteForm,
    ProfileForm,
)
from applicants.models import CV, Application
from applicants.permissions import can_download_cv
from jobboard.forms import add_service_errors
from jobboard.ratelimits import rate_limit
from jobboard.redirects import same_site
from listings.employer_views import company_required
from listings.models import Listing


def seeker_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_seeker:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _messages_from(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# ---- profile ----


@seeker_required
@require_http_methods(["GET", "POST"])
def profile(request):
    profile = services.profile_for(request.user)
    # Worked out before the form copies typed (maybe invalid) values onto the profile.
    missing = profile.missing_to_apply()
    experience = {item.sector_id: item.years for item in profile.experience.all()}
    form = ProfileForm(request.POST or None, instance=profile, experience=experience)
    if request.method == "POST" and form.is_valid():
        data = form.profile_fields()
        try:
            services.profile_update(
                profile=profile,
                skills_tests=data.pop("skills_tests"),
                desired_sectors=data.pop("desired_sectors"),
                desired_prefectures=data.pop("desired_prefectures"),
                experience=form.experience(),
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Profile saved."))
            return redirect("applicants:profile")
    return render(
        request,
        "applicants/profile_form.html",
        {"form": form, "missing": missing},
    )


# ---- CVs ----


@seeker_required
@require_http_methods(["GET", "POST"])
def cv_list(request):
    form = CVUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cv_upload(
                owner=request.user,
                upload=form.cleaned_data["file"],
                label=form.cleaned_data["label"],
            )
        except ValidationError as error:
            add_service_errors(form, error, "file")
        else:
            messages.success(request, _("CV uploaded."))
            return redirect("applicants:cvs")
    return render(
        request,
        "applicants/cv_list.html",
        {"form": form, "cvs": selectors.seeker_cvs(request.user), "max": CV.MAX_PER_SEEKER},
    )


def _own_cv(request, uuid) -> CV:
    return get_object_or_404(CV.objects.visible(), uuid=uuid, owner=request.user)


@seeker_required
@require_POST
def cv_make_default(request, uuid):
    services.cv_set_default(cv=_own_cv(request, uuid), by=request.user)
    messages.success(request, _("Default CV changed."))
    return redirect("applicants:cvs")


@seeker_required
@require_http_methods(["GET", "POST"])
def cv_delete(request, uuid):
    cv = _own_cv(request, uuid)
    if request.method == "POST":
        services.cv_delete(cv=cv, by=request.user)
        messages.success(request, _("CV deleted."))
        return redirect("applicants:cvs")
    return render(request, "applicants/cv_confirm_delete.html", {"cv": cv})


@login_required
@never_cache
@require_GET
@rate_limit("cv-download", methods=("GET",))
def cv_download(request, uuid):
    cv = CV.objects.filter(uuid=uuid).first()
    if cv is None or not can_download_cv(request.user, cv):
        raise Http404
    return cv_file_response(cv)


# ---- applying ----


@seeker_required
@require_http_methods(["GET", "POST"])
@rate_limit("apply")
def apply(request, pk):
    listing = get_object_or_404(Listing.objects.select_related("company"), pk=pk)
    existing = Application.objects.filter(listing=listing, seeker=request.user).first()
    if existing:
        messages.info(request, _("You have already applied to this job."))
        return redirect("applicants:applications")
    if not listing.is_accepting_applications():
        messages.error(request, _("This job is no longer accepting applications."))
        return redirect(listing)
    profile = services.profile_for(request.user)
    form = ApplyForm(seeker=request.user)
    if request.method == "POST":
        form = _submitted_apply_form(request)
        if not form.errors and form.is_valid():
            try:
                _application, created = services.application_submit(
                    listing=listing,
                    seeker=request.user,
                    cv=form.cleaned_data["cv"],
                    cover_letter=form.cleaned_data["cover_letter"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if created:
                    messages.success(request, _("Application sent. Good luck!"))
                else:
                    messages.info(request, _("You have already applied to this job."))
                return redirect("applicants:applications")
    return render(
        request,
        "applicants/apply.html",
        {"listing": listing, "form": form, "missing": profile.missing_to_apply()},
    )


def _submitted_apply_form(request) -> ApplyForm:
    """The apply form; a CV uploaded with it is stored first and selected, so a mistake
    elsewhere on the form never makes the seeker upload the file again."""
    data = request.POST.copy()
    upload_error = None
    if request.FILES.get("new_cv"):
        try:
            new_cv = services.cv_upload(
                owner=request.user,
                upload=request.FILES["new_cv"],
                label=request.POST.get("new_cv_label", ""),
            )
        except ValidationError as error:
            upload_error = error
        else:
            data["cv"] = str(new_cv.pk)
    form = ApplyForm(data, seeker=request.user)
    form.is_valid()
    if upload_error:
        add_service_errors(form, upload_error, "new_cv")
    return form


# ---- tracking (seeker) ----


@seeker_required
@require_GET
def application_list(request):
    return render(
        request,
        "applicants/application_list.html",
        {"applications": selectors.seeker_applications(request.user)},
    )


@seeker_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request, pk):
    application = get_object_or_404(
        Application.objects.select_related("listing"), pk=pk, seeker=request.user
    )
    if request.method == "POST":
        try:
            services.application_withdraw(application=application, by=request.user)
        except ValidationError as error:
            _messages_from(request, error)
        else:
            messages.success(request, _("Application withdrawn."))
        return redirect("applicants:applications")
    return render(request, "applicants/withdraw_confirm.html", {"application": application})


# ---- saved jobs ----


@seeker_required
@require_GET
def saved_list(request):
    return render(
        request, "applicants/saved_list.html", {"saved": selectors.saved_jobs(request.user)}
    )


@seeker_required
@require_POST
def saved_toggle(request, pk):
    listing = get_object_or_404(Listing.objects.filter(company__deleted_at__isnull=True), pk=pk)
    saved = services.saved_job_toggle(user=request.user, listing=listing)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"saved": saved})
    messages.success(request, _("Job saved.") if saved else _("Job removed from saved jobs."))
    back = request.POST.get("next", "")
    if not same_site(request, back):
        back = listing.get_absolute_url()
    return redirect(back)


# ---- employer pipeline ----


def _own_listing(company, pk) -> Listing:
    return get_object_or_404(Listing, pk=pk, company=company)


@company_required
@require_GET
def applicants(request, pk, company):
    listing = _own_listing(company, pk)
    status = request.GET.get("status") or None
    sort = request.GET.get("sort", "newest")
    page_obj, counts = selectors.applicants_for_listing(
        listing, status=status, sort=sort, page=request.GET.get("page")
    )
    return render(
        request,
        "applicants/employer/applicant_list.html",
        {
            "listing": listing,
            "page_obj": page_obj,
            "counts": [
                (value, label, counts.get(value, 0)) for value, label in Application.Status.choices
            ],
            "total": sum(counts.values()),
            "status": status if status in Application.Status.values else "",
            "sort": sort if sort in selectors.APPLICANT_SORTS else "newest",
            "bulk_form": BulkRejectForm(listing=listing),
        },
    )


@company_required
@require_POST
def applicants_bulk_reject(request, pk, company):
    listing = _own_listing(company, pk)
    form = BulkRejectForm(request.POST, listing=listing)
    if form.is_valid():
        rejected, skipped = services.applications_bulk_reject(
            applications=form.cleaned_data["applications"],
            by=request.user,
            message=form.cleaned_data["message"],
        )
        messages.success(request, _("Rejected: %(n)s.") % {"n": rejected})
        if skipped:
            messages.warning(
                request,
                _("Skipped %(n)s that were already closed or changed.") % {"n": skipped},
            )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("applicants:employer-applicants", pk=listing.pk)


# Spreadsheet apps run cells that start with these as formulas.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


@company_required
@require_GET
def applicants_csv(request, pk, company):
    listing = _own_listing(company, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"applicants-{listing.pk}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # Excel opens UTF-8 (Japanese, Urdu) correctly with a BOM
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Applied"),
            _("Status"),
            _("Full name"),
            _("Email"),
            _("Phone"),
            _("Nationality"),
            _("Country of residence"),
            _("In Japan"),
            _("Residence status"),
            _("Japanese level"),
            _("Skills tests"),
            _("Experience"),
            _("Cover letter"),
        ]
    )
    applications = Application.objects.filter(listing=listing).order_by("created_at", "id")
    for application in applications.iterator(chunk_size=500):
        data = application.profile_snapshot
        writer.writerow(
            [
                _cell(value)
                for value in (
                    timezone.localtime(application.created_at).strftime("%Y-%m-%d %H:%M"),
                    application.status_label,
                    application.applicant_name,
                    data.get("email"),
                    data.get("phone"),
                    data.get("nationality_name"),
                    data.get("country_of_residence_name"),
                    ""
                    if application.is_account_deleted
                    else _("yes")
                    if data.get("in_japan")
                    else _("no"),
                    data.get("current_status"),
                    data.get("japanese_level"),
                    "; ".join(data.get("skills_tests", [])),
                    "; ".join(
                        f"{item['sector']}: {item['years']}" for item in data.get("experience", [])
                    ),
                    application.cover_letter,
                )
            ]
        )
    return response


@company_required
@require_GET
def application_detail(request, pk, company):
    application = selectors.application_for_employer(pk, company)
    if application is None:
        raise Http404
    return render(
        request,
        "applicants/employer/application_detail.html",
        {
            "application": application,
            "profile": application.profile_snapshot,
            "move_form": MoveForm(application=application),
            "note_form": NoteForm(),
        },
    )


@company_required
@require_POST
def application_move(request, pk, company):
    application = selectors.application_for_employer(pk, company)
    if application is None:
        raise Http404
    form = MoveForm(request.POST, application=application)
    if form.is_valid():
        try:
            services.application_move(
                application=application,
                by=request.user,
                to_status=form.cleaned_data["to_status"],
                message=form.cleaned_data["message"],
                internal_note=form.cleaned_data["internal_note"],
                expected_status=form.cleaned_data["expected_status"],
            )
        except ValidationError as error:
            _messages_from(request, error)
        else:
            messages.success(request, _("Status changed."))
            return redirect("applicants:employer-application", pk=application.pk)
    else:
        if "to_status" in form.errors:
            application.refresh_from_db(fields=["status"])
            messages.error(
                request,
                _("This application was changed meanwhile; it is now “%(status)s”.")
                % {"status": application.get_status_display()},
            )
        for name, errors in form.errors.items():
            if name != "to_status":
                for error in errors:
                    messages.error(request, error)
    return redirect("applicants:employer-application", pk=application.pk)


@company_required
@require_POST
def application_note(request, pk, company):
    application = selectors.application_for_employer(pk, company)
    if application is None:
        raise Http404
    form = NoteForm(request.POST)
    if form.is_valid():
        services.application_add_note(
            application=application, by=request.user, note=form.cleaned_data["note"]
        )
        messages.success(request, _("Note added."))
    else:
        for error in form.errors.get("note", []):
            messages.error(request, error)
    return redirect("applicants:employer-application", pk=application.pk)
