"""Home page, error pages and the page frame."""

import pytest
from django.template.loader import render_to_string

from guides.models import Guide
from listings.models import Sector

pytestmark = pytest.mark.django_db

DEAD_REDIS_CACHE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True},
    }
}


def test_home_page_lists_every_sector_and_has_a_search_box(client):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert Sector.objects.count() == 21
    for sector in Sector.objects.all():
        assert f"?sector={sector.slug}" in html
    assert 'role="search"' in html
    assert 'name="q"' in html
    assert 'maxlength="200"' in html


def test_home_renders_before_any_sector_exists(client):
    Guide.objects.all().delete()  # field guides protect their sectors
    Sector.objects.all().delete()
    response = client.get("/en/")
    assert response.status_code == 200


def test_page_frame_has_landmarks_skip_link_and_language_switcher(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert 'class="skip-link" href="#main"' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'action="/i18n/setlang/"' in html
    assert '<label for="language-select">' in html


def test_anonymous_header_offers_log_in_and_employer_sign_up(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/accounts/login/"' in html
    assert 'href="/en/accounts/signup/?role=employer"' in html


def test_logged_in_header_has_account_menu_with_post_logout(client, seeker):
    client.force_login(seeker)
    html = client.get("/en/").content.decode()
    assert seeker.email in html
    assert 'action="/en/accounts/logout/"' in html
    assert 'href="/en/accounts/login/"' not in html


def test_home_page_renders_when_redis_cache_is_down(client, settings):
    settings.CACHES = DEAD_REDIS_CACHE
    response = client.get("/en/")
    assert response.status_code == 200
    assert "?sector=nursing-care" in response.content.decode()


def test_unknown_url_gives_the_custom_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "skip-link" in response.content.decode()


def test_500_page_renders_without_context():
    html = render_to_string("500.html")
    assert "Something went wrong" in html


def test_403_page_renders(rf):
    html = render_to_string("403.html", request=rf.get("/"))
    assert "Access denied" in html


def test_responses_carry_security_headers(client):
    response = client.get("/en/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
