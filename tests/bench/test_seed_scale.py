"""seed_scale: a realistic dataset with COPY, deterministic with --seed, PostgreSQL only."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from applicants.models import CV, Application, ApplicationEvent, SeekerProfile
from bench.dataset import checksum
from bench.logins import bench_users
from listings.models import Company, CompanyMembership, Listing

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="seed_scale writes with PostgreSQL's COPY"
)
SIZES = {"listings": 300, "companies": 12, "seekers": 150, "applications": 2_000}


def _seed(seed=7):
    call_command("seed_scale", seed=seed, stdout=io.StringIO(), **SIZES)


def _empty_generated_tables():
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE applicants_applicationevent, applicants_application, applicants_cv, "
            "applicants_seekerprofile_skills_tests, applicants_seekerprofile, "
            "listings_listing_residence_statuses, listings_listing, "
            "listings_companymembership, listings_company CASCADE"
        )
        cursor.execute(
            "DELETE FROM accounts_user_groups WHERE user_id IN "
            "(SELECT id FROM accounts_user WHERE email LIKE '%%@scale.example')"
        )
        cursor.execute("DELETE FROM accounts_user WHERE email LIKE '%%@scale.example'")


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seed_scale_builds_the_asked_dataset_and_is_deterministic():
    _seed()
    first = checksum()

    assert Listing.objects.count() == SIZES["listings"]
    assert Company.objects.count() == SIZES["companies"]
    assert CompanyMembership.objects.filter(role="owner").count() == SIZES["companies"]
    assert SeekerProfile.objects.count() == CV.objects.count() == SIZES["seekers"]
    assert Application.objects.count() == SIZES["applications"]
    assert ApplicationEvent.objects.count() >= SIZES["applications"]
    # Every application starts with its "submitted" event, and the states vary.
    assert ApplicationEvent.objects.filter(to_status="submitted").count() == SIZES["applications"]
    assert Application.objects.values("status").distinct().count() >= 5
    # Live listings are searchable, with descriptions of 1–4 KB.
    assert Listing.objects.filter(search_vector__isnull=True).count() == 0
    lengths = [
        len(text.encode())
        for text in Listing.objects.values_list("description_en", flat=True)
        if text
    ]
    assert min(lengths) >= 1000 and max(lengths) <= 4400
    assert Listing.objects.live().count() > SIZES["listings"] * 0.7
    # Dropped indexes are back, and the sequences continue after the generated rows.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'listing_search_gin'")
        assert cursor.fetchone()
    company = Company.objects.create(name_en="After", slug="after", prefecture_id=1)
    assert company.pk > max(Company.objects.exclude(pk=company.pk).values_list("pk", flat=True))
    users = bench_users()
    assert users["listing"].company == users["employer"].company_membership.company
    assert users["moderator"].groups.filter(name="Moderators").exists()

    company.delete()
    _empty_generated_tables()
    _seed()
    assert checksum() == first


@postgres_only
@pytest.mark.django_db
def test_seed_scale_refuses_a_database_that_has_listings():
    from tests.listings.factories import ListingFactory

    ListingFactory()
    with pytest.raises(CommandError, match="already has listings"):
        _seed()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("option", "value"), [("listings", 0), ("companies", 0), ("applications", -1)]
)
def test_seed_scale_checks_its_options(option, value):
    if connection.vendor != "postgresql":
        with pytest.raises(CommandError, match="PostgreSQL"):
            call_command("seed_scale", **{option: value})
        return
    with pytest.raises(CommandError, match=f"--{option} must be between"):
        call_command("seed_scale", **{option: value})
