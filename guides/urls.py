from django.urls import path

from guides import views

app_name = "guides"

urlpatterns = [
    path("guide/", views.process, name="process"),
    path("guide/fields/<slug:slug>/", views.field, name="field"),
    path("guide/countries/<slug:iso>/", views.country, name="country"),
]
