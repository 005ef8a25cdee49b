"""Fair-recruitment checks run when a listing is submitted. They flag; moderators decide."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from listings.models import FeeKeyword, Listing, ListingFlag

# Statutory hours used to turn a salary into an hourly figure (shared/DOMAIN.md).
MONTHLY_HOURS = Decimal("173.8")
YEARLY_HOURS = Decimal("2085.7")
SSW_STATUSES = {"ssw-1", "ssw-2"}

# Candidates only: a match counts as a phone number when its digit count fits (below), so
# dates like 01-04-2026 and amounts like 250,000 are not mistaken for one.
_PHONE = re.compile(r"(?<![\w-])\+?\d[\d\s()-]{7,18}\d(?![\w-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_MESSAGING = re.compile(
    r"\b(?:whats\s?app|telegram|viber|we\s?chat|skype|imo\s+(?:id|app|messenger))\b"
    r"|\bline\s*(?:id|@|:|：)|ライン\s*(?:ID|ＩＤ)|ＬＩＮＥ\s*(?:ID|ＩＤ)|LINE\s*(?:ID|ＩＤ)",
    re.IGNORECASE,
)
_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")


def _phone_numbers(text: str) -> list[str]:
    found = []
    for match in _PHONE.finditer(text):
        candidate = match.group(0).strip()
        digits = sum(ch.isdigit() for ch in candidate)
        if _DATE_LIKE.match(candidate):
            continue
        # Japanese numbers have 10 or 11 digits (0 + area + line); international up to 15.
        domestic = candidate.startswith("0") and digits in (10, 11)
        international = candidate.startswith("+") and 10 <= digits <= 15
        if domestic or international:
            found.append(candidate)
    return found


_SUPPORT_WORDS = re.compile(r"support|支援|サポート", re.IGNORECASE)


def hourly_equivalent(amount: int, period: str) -> Decimal:
    if period == Listing.SalaryPeriod.MONTHLY:
        return Decimal(amount) / MONTHLY_HOURS
    if period == Listing.SalaryPeriod.YEARLY:
        return Decimal(amount) / YEARLY_HOURS
    return Decimal(amount)


def _text(listing: Listing) -> str:
    return "\n".join(
        (listing.title_en, listing.title_ja, listing.description_en, listing.description_ja)
    )


def find_flags(listing: Listing, *, status_slugs: set[str]) -> list[tuple[str, str]]:
    """(code, detail) for every concern about this listing."""
    flags = []
    hourly = hourly_equivalent(listing.salary_min, listing.salary_period)
    minimum = listing.prefecture.minimum_wage_yen
    if hourly < minimum:
        flags.append(
            (
                ListingFlag.Code.BELOW_MINIMUM_WAGE,
                _("About ¥%(hourly)s an hour; the minimum wage in %(prefecture)s is ¥%(minimum)s.")
                % {
                    "hourly": f"{hourly:,.0f}",
                    "prefecture": listing.prefecture.name_en,
                    "minimum": f"{minimum:,}",
                },
            )
        )
    text = _text(listing)
    lowered = text.lower()
    found = [
        keyword.phrase
        for keyword in FeeKeyword.objects.filter(is_active=True)
        if keyword.phrase.lower() in lowered
    ]
    if found:
        flags.append((ListingFlag.Code.WORKER_PAYS_FEES, ", ".join(found)[:500]))
    flags.extend(_ssw_flags(listing, status_slugs))
    contacts = _phone_numbers(text) + [
        match.group(0) for pattern in (_EMAIL, _MESSAGING) for match in pattern.finditer(text)
    ]
    if contacts:
        flags.append((ListingFlag.Code.OFF_SITE_CONTACT, ", ".join(contacts)[:500]))
    return flags


def _ssw_flags(listing: Listing, status_slugs: set[str]) -> list[tuple[str, str]]:
    ssw = status_slugs & SSW_STATUSES
    if not ssw and not listing.sector.is_ssw_field:
        return []
    problems = []
    if ssw and not listing.sector.is_ssw_field:
        problems.append(
            _("Accepts SSW but %(sector)s is not an SSW field.") % {"sector": listing.sector}
        )
    if "ssw-2" in ssw and listing.sector.is_ssw_field and not listing.sector.has_ssw2:
        problems.append(
            _("Accepts SSW (ii), which does not exist for %(sector)s.")
            % {"sector": listing.sector}
        )
    if (
        "ssw-1" in ssw
        and not listing.support_org_name
        and not _SUPPORT_WORDS.search(_text(listing))
    ):
        problems.append(_("SSW (i) without a support arrangement (no support organisation)."))
    return [(ListingFlag.Code.SSW_INCONSISTENT, " ".join(problems)[:500])] if problems else []


def refresh_flags(listing: Listing) -> list[ListingFlag]:
    """Replace the listing's flags with a fresh check."""
    status_slugs = set(listing.residence_statuses.values_list("slug", flat=True))
    ListingFlag.objects.filter(listing=listing).delete()
    return ListingFlag.objects.bulk_create(
        ListingFlag(listing=listing, code=code, detail=detail)
        for code, detail in find_flags(listing, status_slugs=status_slugs)
    )
