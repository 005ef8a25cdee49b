"""Every published guide page, in every language."""

from guides.models import Guide
from listings.sitemaps import LanguageSitemap


class GuideSitemap(LanguageSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Guide.objects.published().only("kind", "key", "updated_at").order_by("kind", "key")

    def lastmod(self, guide):
        return guide.updated_at
