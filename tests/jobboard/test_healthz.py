"""GET /healthz: JSON status of the database and Redis, 200 when healthy, 503 otherwise."""

from unittest import mock

import pytest
import redis
from django.db import OperationalError

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:1/0"


def _redis_is_running() -> bool:
    try:
        return bool(redis.Redis(socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def test_healthy_without_redis(client, settings):
    settings.REDIS_URL = None
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_database_failure_gives_503(client, settings):
    settings.REDIS_URL = None
    with mock.patch(
        "jobboard.views.connection.cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "error"}}


def test_redis_down_gives_503_naming_redis(client, settings):
    settings.REDIS_URL = DEAD_REDIS
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "redis": "error"}


@pytest.mark.skipif(not _redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_redis_up_is_reported(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok"}


def test_only_get_is_allowed(client):
    assert client.post("/healthz").status_code == 405
