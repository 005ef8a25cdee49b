from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path
from django.views.decorators.cache import cache_page

from guides.sitemaps import GuideSitemap
from jobboard import views
from listings import views as listings_views
from listings.sitemaps import SITEMAPS as LISTING_SITEMAPS

SITEMAPS = {**LISTING_SITEMAPS, "guides": GuideSitemap}

# Outside the language prefix: machine endpoints, the language switch itself and the admin
# (which follows the language cookie and Accept-Language).
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(
        "sitemap.xml",
        cache_page(60 * 60)(sitemaps_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(60 * 60)(sitemaps_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # The API chooses its language by ?lang= or Accept-Language, not by a URL prefix.
    path("api/v1/", include("api.urls")),
]

# Every page people read: /en/…, /ja/…, /ur/…; an unprefixed URL redirects (jobboard.i18n).
urlpatterns += i18n_patterns(
    path("", listings_views.home, name="home"),
    # Before listings: /jobs/<id>/apply/ and /jobs/<id>/save/ sit beside /jobs/<id>/<slug>/.
    path("", include("applicants.urls")),
    path("", include("listings.urls")),
    path("", include("api.token_urls")),
    path("", include("guides.urls")),
    path("accounts/", include("accounts.urls")),
)

# allauth's rate limits answer with this project's 429 page (it says when to try again).
handler429 = "jobboard.views.rate_limited"
# A database outage gives 503 with Retry-After; any other uncaught error the 500 page.
handler500 = "jobboard.views.server_error"
