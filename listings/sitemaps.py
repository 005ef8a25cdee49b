"""Sitemap of published listings and the companies that have them, in every language."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from listings.models import Company, Listing


class LanguageSitemap(Sitemap):
    """Every page once per language, each with its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(LanguageSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "listings:search"]

    def location(self, item):
        return reverse(item)


class ListingSitemap(LanguageSitemap):
    changefreq = "daily"
    priority = 0.6
    limit = 15000  # 5,000 items in each of the three languages

    def items(self):
        return Listing.objects.live().only("id", "slug", "updated_at").order_by("-id")

    def lastmod(self, listing):
        return listing.updated_at


class CompanySitemap(LanguageSitemap):
    changefreq = "weekly"
    priority = 0.4
    limit = 15000  # 5,000 items in each of the three languages

    def items(self):
        return (
            Company.objects.filter(listings__in=Listing.objects.live())
            .distinct()
            .only("slug", "updated_at")
            .order_by("slug")
        )

    def lastmod(self, company):
        return company.updated_at


SITEMAPS = {"static": StaticSitemap, "listings": ListingSitemap, "companies": CompanySitemap}
