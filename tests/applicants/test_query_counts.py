"""Pages stay at a fixed number of queries however many applications, events or listings."""

import pytest

from applicants import services
from applicants.models import Application
from tests.applicants.factories import ApplicationFactory, CVFactory, SeekerProfileFactory
from tests.listings.factories import ListingFactory, PublishedListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def queries_for(client, django_assert_max_num_queries):
    """How many queries a GET of `url` runs, once caches are warm; fails above `most`."""

    def measure(url, most):
        assert client.get(url).status_code == 200  # warm the caches
        with django_assert_max_num_queries(most) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured.captured_queries)

    return measure


def add_events(application, employer, count):
    """Move `application` forward `count` times, each with a message and a note."""
    for to_status in ("in_review", "interview", "offer")[:count]:
        services.application_move(
            application=application,
            by=employer,
            to_status=to_status,
            message=f"Moved to {to_status}",
            internal_note="note",
        )
    services.application_add_note(application=application, by=employer, note="Just a note")


def test_employer_applicants_page_queries_do_not_grow_with_applications(
    client, member, queries_for
):
    listing = PublishedListingFactory(company=member.company)
    ApplicationFactory.create_batch(5, listing=listing)
    client.force_login(member.user)
    url = f"/en/employer/listings/{listing.pk}/applicants/"

    with_5 = queries_for(url, most=8)
    ApplicationFactory.create_batch(55, listing=listing)
    with_60 = queries_for(url, most=8)

    assert with_60 == with_5
    assert Application.objects.filter(listing=listing).count() == 60


def test_seeker_applications_page_queries_do_not_grow_with_applications_or_events(
    client, member, queries_for
):
    profile = SeekerProfileFactory()
    client.force_login(profile.user)

    def apply_and_progress(count):
        for _ in range(count):
            application = ApplicationFactory(
                seeker=profile.user, listing=PublishedListingFactory(company=member.company)
            )
            add_events(application, member.user, 3)

    apply_and_progress(2)
    with_2 = queries_for("/en/me/applications/", most=5)
    apply_and_progress(13)
    with_15 = queries_for("/en/me/applications/", most=5)

    assert with_15 == with_2
    assert Application.objects.filter(seeker=profile.user).count() == 15


def test_listing_page_for_a_seeker_with_a_complete_profile_is_bounded(client, queries_for):
    profile = SeekerProfileFactory()
    profile.skills_tests.set([PublishedListingFactory().sector])
    profile.experience.create(sector=profile.skills_tests.first(), years=3)
    CVFactory(owner=profile.user)
    listing = PublishedListingFactory(
        skills_test_required=True, experience_years=2, statuses=["ssw-1", "ssw-2", "student"]
    )
    client.force_login(profile.user)

    queries_for(listing.get_absolute_url(), most=10)


def test_employer_dashboard_queries_do_not_grow_with_listings_or_applications(
    client, member, queries_for
):
    client.force_login(member.user)
    first = PublishedListingFactory(company=member.company)
    ApplicationFactory.create_batch(2, listing=first)

    one_listing = queries_for("/en/employer/", most=6)
    others = PublishedListingFactory.create_batch(4, company=member.company)
    for listing in others:
        ApplicationFactory.create_batch(3, listing=listing, status="in_review")
    ListingFactory(company=member.company)
    six_listings = queries_for("/en/employer/", most=6)

    assert six_listings == one_listing
    content = client.get("/en/employer/").content.decode()
    first_link = f'href="/en/employer/listings/{first.pk}/applicants/">2</a>'
    assert f'{first_link} <span class="badge">2 new' in content
    for listing in others:
        assert f'href="/en/employer/listings/{listing.pk}/applicants/">3</a></td>' in content
