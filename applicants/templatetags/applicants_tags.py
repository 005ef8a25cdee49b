"""The apply panel of a listing page: apply button, saved state and the eligibility check."""

from django import template

from applicants import eligibility, selectors
from applicants.models import Application

register = template.Library()


@register.inclusion_tag("applicants/_apply_panel.html", takes_context=True)
def apply_panel(context, listing, accepting):
    request = context["request"]
    user = request.user
    panel = {
        "request": request,
        "user": user,
        "listing": listing,
        "accepting": accepting,
        "application": None,
        "saved": False,
        "requirements": [],
        "met_count": 0,
        "profile_missing": False,
    }
    if not (user.is_authenticated and user.is_seeker):
        return panel
    panel["application"] = Application.objects.filter(listing=listing, seeker=user).first()
    panel["saved"] = bool(selectors.saved_listing_ids(user, [listing.pk]))
    profile = selectors.profile_with_relations(user)
    panel["profile_missing"] = profile is None or bool(profile.missing_to_apply())
    if profile is not None:
        requirements = eligibility.compare(
            profile,
            listing,
            skills_test_ids={sector.id for sector in profile.skills_tests.all()},
            experience={item.sector_id: item.years for item in profile.experience.all()},
        )
        panel["requirements"] = requirements
        panel["met_count"] = sum(1 for item in requirements if item.met)
    return panel
