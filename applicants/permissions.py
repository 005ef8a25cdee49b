"""Who may see which applications and CVs. Anything else answers 404, like a missing object."""

from applicants.models import CV, Application
from listings.models import CompanyMembership


def _company_ids(user) -> list[int]:
    return list(CompanyMembership.objects.filter(user=user).values_list("company_id", flat=True))


def can_view_application(user, application: Application) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or application.seeker_id == user.id:
        return True
    return application.listing.company_id in _company_ids(user)


def can_manage_application(user, application: Application) -> bool:
    """Employers of the listing's company move applications through the pipeline."""
    return user.is_authenticated and application.listing.company_id in _company_ids(user)


def can_download_cv(user, cv: CV) -> bool:
    if not user.is_authenticated:
        return False
    # Staff need the explicit permission: moderators do not read CVs of uninvolved people.
    if user.has_perm("applicants.view_cv"):
        return True
    if cv.owner_id == user.id and cv.deleted_at is None:
        return True
    # An employer sees the CVs sent to its own company's listings, and only those.
    return Application.objects.filter(cv=cv, listing__company_id__in=_company_ids(user)).exists()
