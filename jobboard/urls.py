from django.contrib import admin
from django.urls import include, path

from jobboard import views
from listings import views as listings_views

urlpatterns = [
    path("", listings_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
