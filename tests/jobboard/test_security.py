"""Headers, the content security policy, production settings and open redirects."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.accounts.factories import TEST_PASSWORD, SeekerFactory
from tests.listings.factories import PublishedListingFactory

TEMPLATES = Path(settings.BASE_DIR) / "templates"
EVIL = [
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    " https://evil.example/",
    "http://testserver@evil.example/",
]


def _location_is_on_site(response) -> bool:
    location = response["Location"]
    return location.startswith("/") and not location.startswith(("//", "/\\"))


# ---- headers ----


@pytest.mark.django_db
def test_pages_send_the_security_headers(client):
    response = client.get("/en/jobs/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_content_security_policy_allows_only_this_site(client):
    policy = client.get("/en/jobs/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # no third-party origin


def test_templates_have_no_inline_script_style_or_event_handlers():
    """The policy forbids them, so any that crept in would silently break in browsers."""
    found = []
    for path in TEMPLATES.rglob("*.html"):
        if "email" in path.parts:
            continue  # emails are not under the site's CSP; they need inline styles
        html = path.read_text()
        for script in re.finditer(r"<script\b([^>]*)>", html):
            attributes = script.group(1)
            if "src=" not in attributes and "application/ld+json" not in attributes:
                found.append(f"{path.name}: inline <script>")
        if re.search(r"<style\b", html) or re.search(r"\sstyle=\"", html):
            found.append(f"{path.name}: inline style")
        if re.search(r"\son[a-z]+=[\"']", html):
            found.append(f"{path.name}: event handler attribute")
    assert found == []


def test_production_settings_pass_the_deploy_checks():
    """`check --deploy` with production settings: HSTS, secure cookies, SSL redirect, etc."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "REDIS_URL",
            # Set for the browser tests in this process; never in a deployment.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "jobboard.settings",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-" + "y" * 20,
        "ALLOWED_HOSTS": "hataraku.example",
        "CSRF_TRUSTED_ORIGINS": "https://hataraku.example",
        "SITE_URL": "https://hataraku.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# ---- open redirects ----


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_language_switch_stays_on_the_site(client, target):
    response = client.post("/i18n/setlang/", {"language": "ja", "next": target})
    assert _location_is_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_saving_a_job_stays_on_the_site(client, target):
    listing = PublishedListingFactory()
    client.force_login(SeekerFactory())
    response = client.post(f"/en/jobs/{listing.pk}/save/", {"next": target})
    assert _location_is_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_saving_a_search_stays_on_the_site(client, target):
    client.force_login(SeekerFactory())
    response = client.post(
        "/en/me/alerts/new/",
        {"querystring": "sector=construction", "frequency": "daily", "next": target},
    )
    assert _location_is_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_log_in_stays_on_the_site(client, target):
    seeker = SeekerFactory()
    response = client.post(
        "/en/accounts/login/", {"login": seeker.email, "password": TEST_PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert _location_is_on_site(response)


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_log_out_stays_on_the_site(client, target):
    client.force_login(SeekerFactory())
    response = client.post("/en/accounts/logout/", {"next": target})
    assert _location_is_on_site(response)


@pytest.mark.django_db
def test_a_same_site_next_is_followed(client):
    seeker = SeekerFactory()
    response = client.post(
        "/en/accounts/login/",
        {"login": seeker.email, "password": TEST_PASSWORD, "next": "/en/jobs/?q=weld"},
    )
    assert response["Location"] == "/en/jobs/?q=weld"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["//evil.example/", "//evil.example/jobs/", "/%2F%2Fevil.example/"]
)
def test_unprefixed_paths_never_redirect_off_the_site(client, path):
    response = client.get(path)
    if response.status_code in (301, 302):
        assert _location_is_on_site(response)
    else:
        assert response.status_code == 404
