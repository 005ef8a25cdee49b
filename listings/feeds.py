"""RSS and Atom feeds of the newest listings, for any /jobs/ search."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jobboard.markdown import render_markdown
from listings import selectors
from listings.templatetags.listings_tags import salary


class LatestListingsRss(Feed):
    title = _("Hataraku: newest skilled jobs in Japan")
    description = _("The newest openings on Hataraku that match this search.")

    def get_object(self, request):
        # The feed's "object" is the search: the same query parameters as /jobs/.
        params = request.GET.copy()
        params.pop("page", None)
        return params

    def link(self, params):
        query = params.urlencode()
        return reverse("listings:search") + (f"?{query}" if query else "")

    def items(self, params):
        return selectors.listing_feed(params)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        summary = format_html(
            "<p>{} · {} · {}</p>", item.company.name, item.prefecture.name, salary(item)
        )
        return summary + render_markdown(item.description)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.company.name

    def item_categories(self, item):
        return [item.sector.name]

    def item_guid(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    item_guid_is_permalink = True


class LatestListingsAtom(LatestListingsRss):
    feed_type = Atom1Feed
    subtitle = LatestListingsRss.description
