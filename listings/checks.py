"""Fair-recruitment checks run when a listing is submitted. They flag; moderators decide."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from listings.models import FeeKeyword, Listing, ListingFlag

# Statutory hours used to turn a salary into an hourly figure (shared/DOMAIN.md).
MONTHLY_HOURS = Decimal("173.8")
YEARLY_HOURS = Decimal("2085.7")
SSW_STATUSES = {"ssw-1", "ssw-2"}

_PHONE = re.compile(
    r"(?:(?<!\d)0\d{1,4}[-\s(]\d{1,4}[-\s)]\d{3,4}(?!\d))"  # 03-1234-5678, 090-1234-5678
    r"|(?:(?<!\d)0[789]0\d{8}(?!\d))"  # 09012345678
    r"|(?:\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,3})"  # +81 90 1234 5678
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_MESSAGING = re.compile(
    r"whats\s?app|telegram|viber|wechat|we\s?chat|signal\s+app|line\s*(?:id|@|:|：)"
    r"|ライン|ＬＩＮＥ|imo\b|skype|messenger",
    re.IGNORECASE,
)
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
    contacts = [
        match.group(0)
        for pattern in (_PHONE, _EMAIL, _MESSAGING)
        for match in pattern.finditer(text)
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
