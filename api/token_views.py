"""Employer area pages where a company's owners create and revoke its API tokens."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from api import services
from api.forms import TokenForm
from api.models import ApiToken
from jobboard.forms import add_service_errors
from listings.employer_views import company_required
from listings.permissions import is_owner

# Revoked tokens stay listed for the record; the oldest drop off the page.
SHOWN_TOKENS = 50


def owner_required(view):
    @company_required
    @wraps(view)
    def wrapper(request, *args, company, **kwargs):
        if not is_owner(request.user, company):
            raise PermissionDenied
        return view(request, *args, company=company, **kwargs)

    return wrapper


@owner_required
@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request, company):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, key = services.token_create(
                company=company, by=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # The key is shown on this one response and nowhere else, ever.
            return render(request, "api/token_created.html", {"token": token, "key": key})
    tokens = (
        ApiToken.objects.for_company(company)
        .select_related("created_by", "revoked_by")
        .order_by("revoked_at", "-created_at", "-id")[:SHOWN_TOKENS]
    )
    return render(
        request,
        "api/token_list.html",
        {
            "company": company,
            "form": form,
            "tokens": tokens,
            "max": ApiToken.MAX_ACTIVE_PER_COMPANY,
        },
    )


@owner_required
@require_POST
def token_revoke(request, pk, company):
    token = get_object_or_404(ApiToken, pk=pk, company=company)
    services.token_revoke(token=token, by=request.user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api-tokens:list")
