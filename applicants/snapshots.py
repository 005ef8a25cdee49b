"""The profile as the employer sees it, frozen at the moment of applying."""

from applicants.models import SeekerProfile


def profile_snapshot(profile: SeekerProfile) -> dict:
    """Plain data (names, not IDs), so later profile or reference edits don't rewrite it."""
    user = profile.user
    return {
        "full_name": profile.full_name,
        "email": user.email,
        "phone": profile.phone,
        "nationality": profile.nationality.code or "",
        "nationality_name": str(profile.nationality.name or ""),
        "country_of_residence": profile.country_of_residence.code or "",
        "country_of_residence_name": str(profile.country_of_residence.name or ""),
        "in_japan": profile.in_japan,
        "current_status": profile.current_status.name_en if profile.current_status else "",
        "japanese_level": profile.japanese_level.name_en if profile.japanese_level else "",
        "japanese_level_year": profile.japanese_level_year,
        "skills_tests": [sector.name_en for sector in profile.skills_tests.all()],
        "experience": [
            {"sector": item.sector.name_en, "years": item.years}
            for item in profile.experience.select_related("sector")
        ],
        "education": profile.get_education_display() if profile.education else "",
        "other_languages": profile.other_languages,
        "summary": profile.summary,
    }
