from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path
from django.views.decorators.cache import cache_page

from jobboard import views
from listings import views as listings_views
from listings.sitemaps import SITEMAPS

urlpatterns = [
    path("", listings_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Before listings: /jobs/<id>/apply/ and /jobs/<id>/save/ sit beside /jobs/<id>/<slug>/.
    path("", include("applicants.urls")),
    path("", include("listings.urls")),
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
    path("accounts/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
