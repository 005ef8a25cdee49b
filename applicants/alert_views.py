"""Saved searches (/me/alerts/) and the one-click unsubscribe link of job-alert emails."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from applicants import alerts
from applicants.alert_forms import SavedSearchForm, SaveSearchForm
from applicants.models import SavedSearch
from applicants.views import seeker_required
from jobboard.ratelimits import rate_limit
from jobboard.redirects import same_site


def _own_search(request, pk) -> SavedSearch:
    return get_object_or_404(SavedSearch, pk=pk, user=request.user)


@seeker_required
@require_GET
def alert_list(request):
    return render(
        request,
        "applicants/alert_list.html",
        {"searches": alerts.saved_searches_for(request.user), "max": SavedSearch.MAX_PER_SEEKER},
    )


@seeker_required
@require_POST
@rate_limit("save-search")
def alert_create(request):
    form = SaveSearchForm(request.POST)
    back = request.POST.get("next", "")
    if not same_site(request, back):
        back = "listings:search"
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        saved_search = alerts.saved_search_create(
            user=request.user,
            querystring=form.cleaned_data["querystring"],
            name=form.cleaned_data["name"],
            frequency=form.cleaned_data["frequency"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Search saved as “%(name)s”. New jobs that match it will come by email.")
            % {"name": saved_search.name},
        )
    return redirect(back)


@seeker_required
@require_http_methods(["GET", "POST"])
def alert_edit(request, pk):
    saved_search = _own_search(request, pk)
    form = SavedSearchForm(request.POST or None, instance=saved_search)
    if request.method == "POST" and form.is_valid():
        alerts.saved_search_update(
            saved_search=saved_search,
            by=request.user,
            name=form.cleaned_data["name"],
            frequency=form.cleaned_data["frequency"],
        )
        messages.success(request, _("Saved search updated."))
        return redirect("applicants:alerts")
    return render(
        request, "applicants/alert_form.html", {"form": form, "saved_search": saved_search}
    )


@seeker_required
@require_POST
def alert_pause(request, pk):
    saved_search = alerts.saved_search_pause(
        saved_search=_own_search(request, pk), by=request.user
    )
    messages.success(request, _("Emails for “%(name)s” are paused.") % {"name": saved_search.name})
    return redirect("applicants:alerts")


@seeker_required
@require_POST
def alert_resume(request, pk):
    saved_search = alerts.saved_search_resume(
        saved_search=_own_search(request, pk), by=request.user
    )
    messages.success(
        request, _("Emails for “%(name)s” are on again.") % {"name": saved_search.name}
    )
    return redirect("applicants:alerts")


@seeker_required
@require_POST
def alert_delete(request, pk):
    saved_search = _own_search(request, pk)
    alerts.saved_search_delete(saved_search=saved_search, by=request.user)
    messages.success(request, _("Deleted “%(name)s”.") % {"name": saved_search.name})
    return redirect("applicants:alerts")


# Mail apps send the RFC 8058 one-click POST with no cookie and no CSRF token; the signed,
# expiring token in the URL is what authorises it, so this view alone is exempt.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request, token):
    try:
        if request.method == "POST":
            target = alerts.alerts_unsubscribe(token=token)
        else:
            # A GET only asks: link scanners open links in emails without anyone clicking.
            target = alerts.unsubscribe_target(token)
    except alerts.UnsubscribeLinkError as error:
        return render(
            request, "applicants/alert_unsubscribe.html", {"error": error.message}, status=400
        )
    return render(
        request,
        "applicants/alert_unsubscribe.html",
        {"target": target, "done": request.method == "POST"},
    )
