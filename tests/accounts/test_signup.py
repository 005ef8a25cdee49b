"""Sign-up as each role, mandatory email verification, and login by email."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import TestCase

from tests.accounts.factories import TEST_PASSWORD, SeekerFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

STRONG_PASSWORD = "saffron-tatami-7391"


def _signup(client, **fields):
    # Emails leave through the outbox after commit; run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return _post_signup(client, **fields)


def _post_signup(client, **fields):
    data = {
        "role": "seeker",
        "email": "amina@example.com",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        **fields,
    }
    return client.post("/en/accounts/signup/", data)


def _confirmation_link(mailoutbox) -> str:
    assert len(mailoutbox) == 1
    match = re.search(r"https?://[^/\s]+(/en/accounts/confirm-email/[^\s]+/)", mailoutbox[0].body)
    assert match, mailoutbox[0].body
    return match.group(1)


@pytest.mark.parametrize("role", ["seeker", "employer"])
def test_sign_up_stores_the_chosen_role(client, role, mailoutbox):
    response = _signup(client, role=role)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="amina@example.com")
    assert user.role == role
    assert user.check_password(STRONG_PASSWORD)
    assert mailoutbox[0].to == ["amina@example.com"]


def test_sign_up_page_offers_both_roles_and_preselects_employer_from_link(client):
    html = client.get("/en/accounts/signup/?role=employer").content.decode()
    assert "I am looking for work" in html
    assert "I am hiring" in html
    assert re.search(r'value="employer"[^>]*checked', html)


def test_sign_up_preselects_seeker_for_unknown_role(client):
    html = client.get("/en/accounts/signup/?role=admin").content.decode()
    assert re.search(r'value="seeker"[^>]*checked', html)


def test_email_must_be_verified_before_logging_in(client, mailoutbox):
    _signup(client)
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "amina@example.com", "password": STRONG_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert not EmailAddress.objects.get(email="amina@example.com").verified


def test_confirmation_link_verifies_the_address_and_logs_in(client, mailoutbox):
    _signup(client)
    link = _confirmation_link(mailoutbox)
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="amina@example.com").verified
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_login_is_by_email(client):
    user = SeekerFactory(email="ravi@example.com")
    response = client.post(
        "/en/accounts/login/", {"login": "RAVI@example.com", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused(client):
    SeekerFactory(email="ravi@example.com")
    response = client.post(
        "/en/accounts/login/", {"login": "ravi@example.com", "password": "nope"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "not correct" in response.content.decode()


def test_existing_email_gives_a_form_error_and_keeps_the_input(client, mailoutbox):
    SeekerFactory(email="amina@example.com")
    response = _signup(client, role="employer")
    assert response.status_code == 200
    html = response.content.decode()
    assert "An account with this email address already exists" in html
    assert 'value="amina@example.com"' in html
    assert re.search(r'value="employer"[^>]*checked', html)
    assert STRONG_PASSWORD not in html
    assert User.objects.count() == 1
    assert mailoutbox == []


def test_weak_password_gives_a_form_error_and_keeps_the_email(client):
    response = _signup(client, password1="12345678", password2="12345678")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This password is too short" in html
    assert "This password is entirely numeric" in html
    assert 'value="amina@example.com"' in html
    assert not User.objects.exists()


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "x" * 250 + "@example.com"])
def test_bad_email_gives_a_form_error(client, email):
    response = _signup(client, email=email)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not User.objects.exists()


def test_missing_role_gives_a_clear_error(client):
    response = _signup(client, role="")
    assert response.status_code == 200
    assert "Choose whether you are looking for work or hiring." in response.content.decode()
    assert not User.objects.exists()


def test_forged_role_is_refused(client):
    response = _signup(client, role="staff")
    assert response.status_code == 200
    assert not User.objects.exists()


def test_password_reset_does_not_reveal_whether_an_account_exists(client, mailoutbox):
    SeekerFactory(email="known@example.com")
    known = client.post("/en/accounts/password/reset/", {"email": "known@example.com"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "unknown@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_signup_is_rate_limited(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    for number in range(2):
        _signup(client, email=f"person{number}@example.com")
        client.logout()
    response = _signup(client, email="third@example.com")
    assert response.status_code == 429
    assert not User.objects.filter(email="third@example.com").exists()


def test_verification_email_goes_through_the_outbox_in_the_site_look(client, mailoutbox):
    from notifications.models import Notification

    _signup(client)
    row = Notification.objects.get(kind=Notification.Kind.ACCOUNT)
    assert row.status == Notification.Status.SENT
    assert row.to_email == "amina@example.com"
    message = mailoutbox[0]
    assert "Hataraku never asks you to pay" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "/en/accounts/confirm-email/" in html
