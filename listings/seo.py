"""Structured data (schema.org JobPosting) for listing pages."""

from django.conf import settings
from django.utils import timezone

from jobboard.markdown import render_markdown
from listings.models import Listing

EMPLOYMENT_TYPES = {
    Listing.EmploymentType.FULL_TIME: "FULL_TIME",
    Listing.EmploymentType.PART_TIME: "PART_TIME",
    Listing.EmploymentType.CONTRACT: "CONTRACTOR",
    Listing.EmploymentType.SEASONAL: "TEMPORARY",
}
SALARY_UNITS = {"hourly": "HOUR", "monthly": "MONTH", "yearly": "YEAR"}


def job_posting(listing: Listing) -> dict:
    """schema.org JobPosting for search engines' job listings."""
    company = listing.company
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": listing.title,
        "description": str(render_markdown(listing.description)),
        "datePosted": (
            timezone.localdate(listing.published_at).isoformat() if listing.published_at else None
        ),
        "validThrough": listing.expires_at.isoformat() if listing.expires_at else None,
        "employmentType": EMPLOYMENT_TYPES[listing.employment_type],
        "hiringOrganization": {
            "@type": "Organization",
            "name": company.name_en,
            "sameAs": company.website or None,
            "url": settings.SITE_URL + company.get_absolute_url(),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": listing.city,
                "addressRegion": listing.prefecture.name_en,
                "addressCountry": "JP",
            },
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "JPY",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": listing.salary_min,
                "maxValue": listing.salary_max,
                "unitText": SALARY_UNITS[listing.salary_period],
            },
        },
        "totalJobOpenings": listing.openings,
        "industry": listing.sector.name_en,
        "url": settings.SITE_URL + listing.get_absolute_url(),
    }
    if company.name_ja:
        data["hiringOrganization"]["alternateName"] = company.name_ja
    return _without_empty(data)


def _without_empty(value):
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in (None, "")}
    return value
