"""The employer area: company profile, members and the company's listings."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jobboard.forms import add_service_errors
from listings import selectors, seo, services
from listings.forms import CompanyDeleteForm, CompanyForm, InvitationForm, ListingForm
from listings.models import CompanyMembership, Listing
from listings.permissions import company_of, is_owner


def employer_required(view):
    """Logged-in employers only; the view receives their company (or None) as `company`."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_employer:
            raise PermissionDenied
        return view(request, *args, company=company_of(request.user), **kwargs)

    return wrapper


def company_required(view):
    """Employers who already have a company; others are sent to create one."""

    @employer_required
    @wraps(view)
    def wrapper(request, *args, company, **kwargs):
        if company is None:
            return redirect("listings:employer-company")
        return view(request, *args, company=company, **kwargs)

    return wrapper


def _own_listing(company, pk) -> Listing:
    # Another company's listing answers 404, exactly like a missing one.
    return get_object_or_404(Listing, pk=pk, company=company)


def _form_errors_to_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@company_required
def dashboard(request, company):
    listings = (
        Listing.objects.for_company(company)
        .select_related("sector", "prefecture")
        .annotate(
            application_count=Count("applications"),
            new_application_count=Count(
                "applications", filter=Q(applications__status="submitted")
            ),
        )
        .order_by("-updated_at", "-id")
    )
    members = CompanyMembership.objects.filter(company=company).select_related("user")
    return render(
        request,
        "listings/employer/dashboard.html",
        {
            "company": company,
            "listings": listings,
            "members": members,
            "is_owner": any(
                m.user_id == request.user.id and m.role == m.Role.OWNER for m in members
            ),
            "invitation_form": InvitationForm(),
            "my_membership": next(m for m in members if m.user_id == request.user.id),
            "applicant_email_choices": CompanyMembership.ApplicantEmails.choices,
        },
    )


@employer_required
@require_http_methods(["GET", "POST"])
def company_edit(request, company):
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            if company is None:
                services.company_create(owner=request.user, **form.cleaned_data)
                messages.success(request, _("Your company is set up. Now post your first job."))
            else:
                services.company_update(company=company, **form.cleaned_data)
                messages.success(request, _("Company profile saved."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("listings:employer")
    return render(
        request, "listings/employer/company_form.html", {"form": form, "company": company}
    )


@company_required
@require_POST
def applicant_emails(request, company):
    """Each member chooses an email per new applicant or one summary a day."""
    membership = CompanyMembership.objects.get(user=request.user, company=company)
    try:
        services.membership_set_applicant_emails(
            membership=membership, choice=request.POST.get("applicant_emails", "")
        )
    except ValidationError as error:
        _form_errors_to_messages(request, error)
    else:
        messages.success(request, _("Email preference saved."))
    return redirect("listings:employer")


@company_required
@require_http_methods(["GET", "POST"])
def company_delete(request, company):
    """The owner deletes the company, typing its name to confirm; refused while listings
    are open."""
    if not is_owner(request.user, company):
        raise PermissionDenied
    form = CompanyDeleteForm(request.POST or None, company=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_delete(
                company=company, by=request.user, confirm_name=form.cleaned_data["confirm_name"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The company is deleted. You can set up a new company whenever you need one."),
            )
            return redirect("listings:employer-company")
    open_listings = Listing.objects.for_company(company).open().order_by("-updated_at", "-id")
    return render(
        request,
        "listings/employer/company_confirm_delete.html",
        {
            "company": company,
            "form": form,
            "open_listings": list(open_listings.only("id", "title_en", "title_ja", "status")),
        },
    )


@company_required
@require_POST
def company_invite(request, company):
    form = InvitationForm(request.POST)
    if form.is_valid():
        services.company_invite(company=company, email=form.cleaned_data["email"], by=request.user)
        messages.success(
            request,
            _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
    else:
        for error in form.errors.get("email", []):
            messages.error(request, error)
    return redirect("listings:employer")


@employer_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token, company):
    if request.method == "POST":
        try:
            services.company_invitation_accept(token=token, user=request.user)
        except ValidationError as error:
            _form_errors_to_messages(request, error)
        else:
            messages.success(request, _("You have joined the company."))
            return redirect("listings:employer")
    return render(request, "listings/employer/invitation_accept.html", {"token": token})


@company_required
@require_http_methods(["GET", "POST"])
def listing_create(request, company):
    form = ListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            listing = services.listing_create(
                company=company,
                by=request.user,
                residence_statuses=data.pop("residence_statuses"),
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Draft saved. Preview it, then submit it for review."))
            return redirect("listings:listing-preview", pk=listing.pk)
    return render(request, "listings/employer/listing_form.html", {"form": form})


@company_required
@require_http_methods(["GET", "POST"])
def listing_edit(request, pk, company):
    listing = _own_listing(company, pk)
    if listing.status not in services.LISTING_EDITABLE_STATUSES:
        messages.error(request, _("A closed or expired listing can no longer be edited."))
        return redirect("listings:employer")
    form = ListingForm(request.POST or None, instance=listing)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.listing_update(
                listing=listing,
                by=request.user,
                residence_statuses=data.pop("residence_statuses"),
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("listings:listing-preview", pk=listing.pk)
    return render(
        request, "listings/employer/listing_form.html", {"form": form, "listing": listing}
    )


@company_required
def listing_preview(request, pk, company):
    _own_listing(company, pk)
    listing = selectors.listing_for_detail(pk)
    return render(
        request,
        "listings/listing_detail.html",
        {
            "listing": listing,
            "accepting": listing.is_accepting_applications(),
            "is_preview": True,
            "employer_preview": True,
            "job_posting": seo.job_posting(listing) if listing.published_at else None,
        },
    )


def _transition(request, company, pk, action, success_message):
    listing = _own_listing(company, pk)
    try:
        action(listing=listing, by=request.user)
    except ValidationError as error:
        _form_errors_to_messages(request, error)
    else:
        messages.success(request, success_message)
    return redirect("listings:employer")


@company_required
@require_POST
def listing_submit(request, pk, company):
    return _transition(
        request,
        company,
        pk,
        services.listing_submit,
        _("Submitted for review. We usually review listings within one working day."),
    )


@company_required
@require_POST
def listing_close(request, pk, company):
    return _transition(request, company, pk, services.listing_close, _("The listing is closed."))


@company_required
@require_POST
def listing_duplicate(request, pk, company):
    listing = _own_listing(company, pk)
    copy = services.listing_duplicate(listing=listing, by=request.user)
    messages.success(request, _("A copy was saved as a draft. Edit it before submitting."))
    return redirect(reverse("listings:listing-edit", kwargs={"pk": copy.pk}))
