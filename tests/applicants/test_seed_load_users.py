"""manage.py seed_load_users: seekers who can log in and apply at once (for bench/load.py)."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from applicants.management.commands.seed_load_users import load_seeker_email
from applicants.models import CV, Application
from tests.listings.factories import PublishedListingFactory

pytestmark = pytest.mark.django_db
PASSWORD = "load-test-password-1"


def test_seeded_seekers_log_in_and_apply_with_their_cv(client):
    call_command("seed_load_users", count=2, password=PASSWORD, force=True)
    listing = PublishedListingFactory()
    email = load_seeker_email(2)

    login = client.post("/en/accounts/login/", {"login": email, "password": PASSWORD})
    assert login.status_code == 302
    cv = CV.objects.get(owner__email=email)
    response = client.post(f"/en/jobs/{listing.pk}/apply/", {"cv": cv.pk, "consent": "on"})

    assert response.status_code == 302
    assert response["Location"] == "/en/me/applications/"
    assert Application.objects.filter(listing=listing, seeker__email=email).count() == 1


def test_running_it_again_adds_nobody_and_sets_the_new_password(client):
    call_command("seed_load_users", count=2, password=PASSWORD, force=True)
    call_command("seed_load_users", count=3, password="another-password-2", force=True)
    assert User.objects.filter(email__endswith="@load.hataraku.test").count() == 3
    assert CV.objects.filter(owner__email__endswith="@load.hataraku.test").count() == 3
    assert client.login(email=load_seeker_email(1), password="another-password-2")


def test_refused_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("seed_load_users", count=1, password=PASSWORD)
    assert not User.objects.filter(email__endswith="@load.hataraku.test").exists()
