from django.urls import path

from api import token_views

app_name = "api-tokens"

urlpatterns = [
    path("employer/api-tokens/", token_views.token_list, name="list"),
    path("employer/api-tokens/<int:pk>/revoke/", token_views.token_revoke, name="revoke"),
]
