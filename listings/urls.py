from django.urls import path

from listings import employer_views as employer
from listings import feeds, views
from listings.pagecache import anonymous_page

app_name = "listings"

urlpatterns = [
    path("jobs/", views.listing_list, name="search"),
    path("jobs/feed/rss/", anonymous_page(feeds.LatestListingsRss()), name="feed-rss"),
    path("jobs/feed/atom/", anonymous_page(feeds.LatestListingsAtom()), name="feed-atom"),
    path("jobs/<int:pk>/", views.listing_detail, name="detail-short"),
    path("jobs/<int:pk>/report/", views.report_listing, name="report"),
    path("jobs/<int:pk>/<str:slug>/", views.listing_detail, name="detail"),
    path("companies/<slug:slug>/", views.company_detail, name="company"),
    path("employer/", employer.dashboard, name="employer"),
    path("employer/company/", employer.company_edit, name="employer-company"),
    path("employer/company/delete/", employer.company_delete, name="employer-company-delete"),
    path("employer/company/invite/", employer.company_invite, name="employer-invite"),
    path("employer/notifications/", employer.applicant_emails, name="employer-applicant-emails"),
    path(
        "employer/invitations/<str:token>/",
        employer.invitation_accept,
        name="invitation-accept",
    ),
    path("employer/listings/new/", employer.listing_create, name="listing-create"),
    path("employer/listings/<int:pk>/edit/", employer.listing_edit, name="listing-edit"),
    path("employer/listings/<int:pk>/preview/", employer.listing_preview, name="listing-preview"),
    path("employer/listings/<int:pk>/submit/", employer.listing_submit, name="listing-submit"),
    path("employer/listings/<int:pk>/close/", employer.listing_close, name="listing-close"),
    path(
        "employer/listings/<int:pk>/duplicate/",
        employer.listing_duplicate,
        name="listing-duplicate",
    ),
]
