"""Rate limits: public reads per IP address, the employer API per token; 429 with Retry-After."""

import pytest
from django.test import override_settings

from tests.api.conftest import with_token

pytestmark = pytest.mark.django_db


@override_settings(API_READ_RATE="3/min")
@pytest.mark.parametrize("path", ["jobs/", "sectors/", "schema/"])
def test_reads_past_the_rate_answer_429_with_retry_after(api, path):
    for _attempt in range(3):
        assert api.get(f"/api/v1/{path}").status_code == 200
    response = api.get(f"/api/v1/{path}")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    if path != "schema/":
        assert response.json()["detail"]


@override_settings(API_READ_RATE="2/min")
def test_the_read_rate_counts_per_ip_address_and_ignores_forwarded_headers(api):
    for _attempt in range(2):
        api.get("/api/v1/sectors/", REMOTE_ADDR="203.0.113.1")
    assert api.get("/api/v1/sectors/", REMOTE_ADDR="203.0.113.1").status_code == 429
    # A client cannot pick a fresh counter by sending its own X-Forwarded-For.
    spoofed = api.get(
        "/api/v1/sectors/", REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert spoofed.status_code == 429
    assert api.get("/api/v1/sectors/", REMOTE_ADDR="203.0.113.2").status_code == 200


@override_settings(API_EMPLOYER_RATE="2/min", API_READ_RATE="1/min")
def test_the_employer_rate_counts_per_token(side_a, side_b):
    client_a, client_b = with_token(side_a.key), with_token(side_b.key)
    for _attempt in range(2):
        assert client_a.get("/api/v1/employer/listings/").status_code == 200
    response = client_a.get("/api/v1/employer/listings/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    # Another token, from the same address, has its own count; the read rate is not used.
    assert client_b.get("/api/v1/employer/listings/").status_code == 200
    assert client_b.get("/api/v1/employer/listings/").status_code == 200


@override_settings(API_READ_RATE=None, API_EMPLOYER_RATE=None)
def test_a_rate_of_none_switches_the_limit_off(api, side_a):
    client = with_token(side_a.key)
    for _attempt in range(70):
        assert api.get("/api/v1/sectors/").status_code == 200
    for _attempt in range(5):
        assert client.get("/api/v1/employer/listings/").status_code == 200


def test_the_default_rates_are_60_reads_a_minute_and_600_employer_calls(settings):
    assert settings.API_READ_RATE == "60/min"
    assert settings.API_EMPLOYER_RATE == "600/min"


def test_cv_downloads_share_the_web_pages_limit_for_the_same_person(side_a, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "cv-download": "2/h"}
    client.force_login(side_a.owner.user)
    assert client.get(side_a.application.cv.get_absolute_url()).status_code == 200
    api = with_token(side_a.key)
    url = f"/api/v1/employer/applications/{side_a.application.pk}/cv/"
    assert api.get(url).status_code == 200
    response = api.get(url)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
