"""Who may see and change which company data."""

from listings.models import Company, CompanyMembership, Listing


def company_of(user) -> Company | None:
    """The company this employer works for, or None."""
    if not user.is_authenticated or not user.is_employer:
        return None
    membership = CompanyMembership.objects.select_related("company").filter(user=user).first()
    return membership.company if membership else None


def is_member(user, company: Company) -> bool:
    return (
        user.is_authenticated
        and CompanyMembership.objects.filter(user=user, company=company).exists()
    )


def can_preview_listing(user, listing: Listing) -> bool:
    return user.is_authenticated and (user.is_staff or is_member(user, listing.company))


def is_owner(user, company: Company) -> bool:
    return (
        user.is_authenticated
        and CompanyMembership.objects.filter(
            user=user, company=company, role=CompanyMembership.Role.OWNER
        ).exists()
    )
