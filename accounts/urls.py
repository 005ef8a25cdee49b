from django.urls import include, path

from accounts import views

urlpatterns = [
    path("signup/", views.signup, name="account_signup"),
    path("login/", views.login, name="account_login"),
    path("settings/", views.account_settings, name="account_settings"),
    path("", include("allauth.urls")),
]
