from django.urls import path

from applicants import alert_views, privacy_views, views

app_name = "applicants"

urlpatterns = [
    path("me/profile/", views.profile, name="profile"),
    path("me/cvs/", views.cv_list, name="cvs"),
    path("me/cvs/<uuid:uuid>/default/", views.cv_make_default, name="cv-default"),
    path("me/cvs/<uuid:uuid>/delete/", views.cv_delete, name="cv-delete"),
    path("cvs/<uuid:uuid>/download/", views.cv_download, name="cv-download"),
    path("jobs/<int:pk>/apply/", views.apply, name="apply"),
    path("jobs/<int:pk>/save/", views.saved_toggle, name="save-toggle"),
    path("me/applications/", views.application_list, name="applications"),
    path(
        "me/applications/<int:pk>/withdraw/",
        views.application_withdraw,
        name="application-withdraw",
    ),
    path("me/saved/", views.saved_list, name="saved"),
    path(
        "employer/listings/<int:pk>/applicants/",
        views.applicants,
        name="employer-applicants",
    ),
    path(
        "employer/listings/<int:pk>/applicants/reject/",
        views.applicants_bulk_reject,
        name="employer-bulk-reject",
    ),
    path(
        "employer/listings/<int:pk>/applicants.csv",
        views.applicants_csv,
        name="employer-applicants-csv",
    ),
    path(
        "employer/applications/<int:pk>/",
        views.application_detail,
        name="employer-application",
    ),
    path(
        "employer/applications/<int:pk>/move/",
        views.application_move,
        name="employer-application-move",
    ),
    path(
        "employer/applications/<int:pk>/note/",
        views.application_note,
        name="employer-application-note",
    ),
]

urlpatterns += [
    path("me/alerts/", alert_views.alert_list, name="alerts"),
    path("me/alerts/new/", alert_views.alert_create, name="alert-create"),
    path("me/alerts/<int:pk>/edit/", alert_views.alert_edit, name="alert-edit"),
    path("me/alerts/<int:pk>/pause/", alert_views.alert_pause, name="alert-pause"),
    path("me/alerts/<int:pk>/resume/", alert_views.alert_resume, name="alert-resume"),
    path("me/alerts/<int:pk>/delete/", alert_views.alert_delete, name="alert-delete"),
    path(
        "alerts/unsubscribe/<str:token>/",
        alert_views.alert_unsubscribe,
        name="alert-unsubscribe",
    ),
]

urlpatterns += [
    path("me/privacy/", privacy_views.privacy_page, name="privacy"),
    path("me/privacy/export/", privacy_views.privacy_export, name="privacy-export"),
    path("me/privacy/delete/", privacy_views.account_delete, name="account-delete"),
]
