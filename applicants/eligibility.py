"""How a seeker's profile compares with a listing's requirements. It informs; it never blocks."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from applicants.models import SeekerProfile
from guides import anchors
from guides.links import country_guide_url, field_guide_url, step_url
from listings.models import Listing

# Statuses a person already in Japan can work under without changing status for this job.
ANY_WORK_STATUS = "no-restriction"


@dataclass(frozen=True)
class Requirement:
    key: str
    label: str
    met: bool
    detail: str
    # The guide step that explains how to meet it; shown when it is not met.
    help_url: str = ""


def compare(profile: SeekerProfile, listing: Listing, *, skills_test_ids, experience) -> list:
    """Each requirement of `listing`, ticked or not for `profile`.

    `skills_test_ids` (sector ids) and `experience` (sector id → years) are passed in so the
    caller loads them once.
    """
    requirements = []
    required = listing.japanese_level
    have = profile.japanese_level
    requirements.append(
        Requirement(
            "japanese",
            _("Japanese: %(level)s") % {"level": required.name},
            (have.rank if have else 0) >= required.rank,
            (_("Your level: %(level)s") % {"level": have.name})
            if have
            else _("Add your Japanese level to your profile."),
            step_url(anchors.STEP_JAPANESE_TEST),
        )
    )
    if listing.skills_test_required:
        requirements.append(
            Requirement(
                "skills_test",
                _("Skills test in %(sector)s") % {"sector": listing.sector.name},
                listing.sector_id in skills_test_ids,
                _("Passed") if listing.sector_id in skills_test_ids else _("Not passed yet"),
                field_guide_url(listing.sector, anchors.FIELD_SKILLS_TEST),
            )
        )
    allowed = [str(code) for code in listing.eligible_nationalities]
    nationality = profile.nationality.code or ""
    requirements.append(
        Requirement(
            "nationality",
            _("Nationality"),
            bool(nationality) and (not allowed or nationality in allowed),
            _("Open to every nationality")
            if not allowed
            else ", ".join(country.name for country in listing.eligible_nationalities),
            # What Japan's memorandum with the seeker's country means, else the general path.
            country_guide_url(nationality, anchors.COUNTRY_MOC)
            or step_url(anchors.STEP_JOB_OFFER),
        )
    )
    accepted = {status.slug for status in listing.residence_statuses.all()}
    if profile.in_japan and profile.current_status:
        status_met = profile.current_status.slug in accepted or (
            profile.current_status.slug == ANY_WORK_STATUS
        )
        status_detail = _("Your status: %(status)s") % {"status": profile.current_status.name}
    else:
        # From abroad, the employer has to sponsor the Certificate of Eligibility.
        status_met = listing.visa_support
        status_detail = (
            _("The employer applies for your Certificate of Eligibility.")
            if listing.visa_support
            else _("The employer does not offer visa support.")
        )
    # From abroad: the Certificate of Eligibility; in Japan: changing status or employer.
    status_help = step_url(
        anchors.STEP_CHANGING_JOBS
        if profile.in_japan and profile.current_status
        else anchors.STEP_COE
    )
    requirements.append(
        Requirement("status", _("Residence status"), status_met, status_detail, status_help)
    )
    if listing.experience_years:
        years = experience.get(listing.sector_id, 0)
        requirements.append(
            Requirement(
                "experience",
                _("%(years)s years' experience in %(sector)s")
                % {"years": listing.experience_years, "sector": listing.sector.name},
                years >= listing.experience_years,
                _("You have %(years)s") % {"years": years},
                field_guide_url(listing.sector, anchors.FIELD_WORK),
            )
        )
    return requirements
