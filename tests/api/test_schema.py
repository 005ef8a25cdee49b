"""The OpenAPI schema, the docs page, and schemathesis runs against the schema: no server
error, no response outside the schema, and no way for company A's token to reach company B."""

import json
import re

import hypothesis
import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, Phase
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from applicants.models import Application
from listings.models import Listing
from tests.api.conftest import make_side

EXAMPLES_PER_OPERATION = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _schema_document() -> dict:
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


SCHEMA = schemathesis.openapi.from_dict(_schema_document())
OPERATIONS = {
    f"{op.method.upper()} {op.path}": op
    for op in (result.ok() for result in SCHEMA.get_all_operations())
}
EMPLOYER_OPERATIONS = sorted(label for label in OPERATIONS if "/employer/" in label)


def test_schema_endpoint_serves_a_valid_openapi_document(api, db):
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    document = json.loads(response.content)
    validate_schema(document)
    assert document["openapi"].startswith("3.")
    assert document["components"]["securitySchemes"]["companyToken"]["scheme"] == "bearer"
    assert "Error" in document["components"]["schemas"]


def test_every_operation_documents_its_errors_in_the_one_error_shape():
    document = _schema_document()
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert {"400", "429"} <= errors, (method, path)
            for code in errors:
                content = operation["responses"][code]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/Error"}
            if "/employer/" in path:
                assert {"401", "404"} <= errors
                assert operation["security"] == [{"companyToken": []}]


def test_docs_page_is_served_from_this_site_without_inline_scripts(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts, "the page loads Swagger UI"
    for attributes, body in scripts:
        assert "src=" in attributes and body.strip() == ""
    assert not re.search(r"<style\b|\sstyle=\"|\son[a-z]+=", html)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', html)
    assert any("swagger-ui-bundle.js" in asset for asset in assets)
    for asset in assets:
        assert finders.find(asset), asset
    assert "//" not in "".join(re.findall(r'(?:src|href)="([^"]+)"', html)).replace("http://", "")


# ---- schemathesis ----


@pytest.fixture
def wsgi_app():
    """The site's WSGI application in this process, inside the test's transaction (Django's
    test client detaches the same signals: they would close the connection mid-test)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with override_settings(API_READ_RATE=None, API_EMPLOYER_RATE=None, ALLOWED_HOSTS=["*"]):
            yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def companies(db):
    side_a = make_side(company__name_en="Alpha Care", company__slug="alpha-care")
    side_b = make_side(company__name_en="Bravo Build", company__slug="bravo-build")
    return side_a, side_b


def _ids_for(operation, side_a, side_b) -> list:
    if "{slug}" in operation.path:
        return [side_a.company.slug, side_b.company.slug, "no-such-company"]
    if "/applications/{id}" in operation.path:
        return [side_a.application.pk, side_b.application.pk, 2_000_000_000]
    return [*(x.pk for x in side_a.listings), *(x.pk for x in side_b.listings), 2_000_000_000]


def _run(operation, app, *, headers, path_values, extra_check=None):
    """Schemathesis cases for one operation, positive and negative, a bounded number each."""
    # The WSGI client does not decompress; the GZip middleware would answer gzip otherwise.
    headers = {**headers, "Accept-Encoding": "identity"}
    failures = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        name = next((p for p in ("id", "slug") if "{" + p + "}" in operation.path), None)
        if name:
            strategy = st.sampled_from(path_values).flatmap(
                lambda value, mode=mode, name=name: operation.as_strategy(
                    generation_mode=mode, path_parameters={name: value}
                )
            )
        else:
            strategy = operation.as_strategy(generation_mode=mode)

        @hypothesis.given(case=strategy)
        @hypothesis.settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call(app=app, headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)
            if extra_check:
                extra_check(case, response)

        try:
            check()
        except Exception as error:
            failures.append(f"{mode.value}: {error}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_schemathesis_anonymous(label, companies, wsgi_app):
    side_a, side_b = companies
    operation = OPERATIONS[label]
    _run(operation, wsgi_app, headers={}, path_values=_ids_for(operation, side_a, side_b))


@pytest.mark.parametrize("label", EMPLOYER_OPERATIONS)
def test_schemathesis_with_company_a_token_never_reaches_company_b(label, companies, wsgi_app):
    side_a, side_b = companies
    operation = OPERATIONS[label]
    b_listings = {listing.pk for listing in side_b.listings}
    b_applications = {side_b.application.pk}
    before = {
        "listings": list(Listing.objects.filter(company=side_b.company).values().order_by("pk")),
        "applications": list(
            Application.objects.filter(pk__in=b_applications).values("status", "updated_at")
        ),
    }

    def stays_in_company_a(case, response):
        value = (case.path_parameters or {}).get("id")
        owned_by_b = b_applications if "/applications/{id}" in case.path else b_listings
        if value in owned_by_b:
            assert response.status_code in (400, 401, 404), (
                case.path,
                value,
                response.status_code,
            )
        body = response.content or b""
        for marker in (b"bravo-build", b"Bravo Build", side_b.key.encode()):
            assert marker not in body

    _run(
        operation,
        wsgi_app,
        headers={"Authorization": f"Bearer {side_a.key}"},
        path_values=_ids_for(operation, side_a, side_b),
        extra_check=stays_in_company_a,
    )
    after = {
        "listings": list(Listing.objects.filter(company=side_b.company).values().order_by("pk")),
        "applications": list(
            Application.objects.filter(pk__in=b_applications).values("status", "updated_at")
        ),
    }
    assert after == before
