"""The seeker's "Your data" page: download everything, or delete the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from applicants import privacy
from applicants.forms import AccountDeleteForm
from applicants.views import seeker_required
from jobboard.ratelimits import rate_limit


def _page(request, delete_form=None, status=200):
    return render(
        request,
        "applicants/privacy.html",
        {"delete_form": delete_form or AccountDeleteForm(user=request.user)},
        status=status,
    )


@seeker_required
@require_GET
def privacy_page(request):
    return _page(request)


@seeker_required
@require_POST
@rate_limit("privacy-export")
def privacy_export(request):
    try:
        export = privacy.seeker_export(user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("applicants:privacy")
    response = FileResponse(
        export.file, as_attachment=True, filename=export.filename, content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@seeker_required
@require_POST
@rate_limit("account-delete")
def account_delete(request):
    form = AccountDeleteForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, delete_form=form)
    privacy.seeker_account_delete(user=request.user)
    logout(request)
    messages.success(
        request,
        _("Your account and your personal data are deleted. We sent a confirmation by email."),
    )
    return redirect("home")
