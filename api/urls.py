from django.urls import path

from api.views import docs, employer, public

app_name = "api"

urlpatterns = [
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.docs, name="docs"),
    path("jobs/", public.JobList.as_view(), name="job-list"),
    path("jobs/<int:pk>/", public.JobDetail.as_view(), name="job-detail"),
    path("sectors/", public.SectorList.as_view(), name="sectors"),
    path("residence-statuses/", public.ResidenceStatusList.as_view(), name="residence-statuses"),
    path("prefectures/", public.PrefectureList.as_view(), name="prefectures"),
    path("japanese-levels/", public.JapaneseLevelList.as_view(), name="japanese-levels"),
    path("companies/<slug:slug>/", public.CompanyDetail.as_view(), name="company-detail"),
    path("employer/listings/", employer.ListingList.as_view(), name="employer-listings"),
    path("employer/listings/<int:pk>/", employer.ListingDetail.as_view(), name="employer-listing"),
    path(
        "employer/listings/<int:pk>/close/",
        employer.ListingClose.as_view(),
        name="employer-listing-close",
    ),
    path(
        "employer/listings/<int:pk>/applications/",
        employer.ApplicationList.as_view(),
        name="employer-applications",
    ),
    path(
        "employer/applications/<int:pk>/",
        employer.ApplicationDetail.as_view(),
        name="employer-application",
    ),
    path(
        "employer/applications/<int:pk>/move/",
        employer.ApplicationMove.as_view(),
        name="employer-move",
    ),
    path(
        "employer/applications/<int:pk>/cv/",
        employer.ApplicationCV.as_view(),
        name="employer-cv",
    ),
]
