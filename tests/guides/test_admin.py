"""Staff edit guides in the admin; what they write is sanitised, and the anchors other pages
link to cannot be dropped by mistake."""

import pytest
from django.urls import reverse

from guides import anchors
from guides.models import Guide, GuideTranslation

pytestmark = pytest.mark.django_db

HOSTILE = """
<script>alert("script")</script>
<img src="x" onerror="alert('img')">
<a href="javascript:alert('link')" onclick="alert('click')">click me</a>
[markdown link](javascript:alert('md'))
<p style="color:red" onmouseover="alert('hover')">hover</p>
## A heading {: onclick="alert('attr')" #step-extra }
## Sneaky anchor {: #main }
"""


def _form_data(guide: Guide, **changes) -> dict:
    """The admin change form of `guide` as the browser posts it, with `changes` to its
    translations: {language: {field: value}}."""
    data = {
        "kind": guide.kind,
        "key": guide.key,
        "sector": guide.sector_id or "",
        "country": str(guide.country.code or ""),
        "sort_order": guide.sort_order,
        "is_published": "on" if guide.is_published else "",
        "_save": "Save",
    }
    translations = list(guide.translations.order_by("language"))
    prefix = "translations"
    data |= {
        f"{prefix}-TOTAL_FORMS": len(translations),
        f"{prefix}-INITIAL_FORMS": len(translations),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 3,
    }
    for index, item in enumerate(translations):
        values = {
            "id": item.pk,
            "guide": guide.pk,
            "language": item.language,
            "title": item.title,
            "summary": item.summary,
            "body_markdown": item.body_markdown,
            "sources": item.sources,
            "last_checked": item.last_checked.isoformat(),
        } | changes.get(item.language, {})
        data |= {f"{prefix}-{index}-{name}": value for name, value in values.items()}
    return data


@pytest.fixture
def guide():
    return Guide.objects.get(kind="process", key="ssw")


def test_staff_edit_with_scripts_and_handlers_is_saved_but_rendered_harmless(
    admin_client, client, guide
):
    english = guide.translations.get(language="en")
    body = english.body_markdown + HOSTILE
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    response = admin_client.post(url, _form_data(guide, en={"body_markdown": body}))
    assert response.status_code == 302, response.context and response.context["errors"]
    english.refresh_from_db()
    assert "onerror" in english.body_markdown  # kept as written; made safe when rendered

    html = client.get("/en/guide/").content.decode()
    page = html.lower()
    assert "<script>alert" not in page
    for needle in ("onerror", "onclick", "onmouseover", "javascript:", "style=", "<img"):
        assert needle not in page, needle
    # The anchor survives; the one that would clash with the page's own "main" does not.
    assert '<h2 id="step-extra">A heading</h2>' in html
    assert "<h2>Sneaky anchor</h2>" in html
    assert html.count('id="main"') == 1
    assert "click me" in html and "markdown link" in html


def test_staff_cannot_drop_an_anchor_other_pages_link_to(admin_client, guide):
    urdu = guide.translations.get(language="ur")
    body = urdu.body_markdown.replace(f"{{#{anchors.STEP_JAPANESE_TEST}}}", "")
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    response = admin_client.post(url, _form_data(guide, ur={"body_markdown": body}))
    assert response.status_code == 200
    assert f"{{#{anchors.STEP_JAPANESE_TEST}}}" in response.content.decode()
    urdu.refresh_from_db()
    assert f"{{#{anchors.STEP_JAPANESE_TEST}}}" in urdu.body_markdown


@pytest.mark.parametrize(
    "sources",
    ["", "Just a name", "Name | javascript:alert(1)", "Name | http://insecure.example/"],
)
def test_every_source_needs_a_name_and_an_https_address(admin_client, guide, sources):
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    response = admin_client.post(url, _form_data(guide, ja={"sources": sources}))
    assert response.status_code == 200
    assert GuideTranslation.objects.get(guide=guide, language="ja").sources != sources


def test_guide_admin_pages_open_for_staff(admin_client, guide):
    assert admin_client.get(reverse("admin:guides_guide_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:guides_guide_change", args=[guide.pk])).status_code == (
        200
    )


def test_an_anchor_that_could_clash_with_the_page_is_refused(admin_client, guide):
    english = guide.translations.get(language="en")
    body = english.body_markdown + "\n## Clash {#main}\n"
    url = reverse("admin:guides_guide_change", args=[guide.pk])
    response = admin_client.post(url, _form_data(guide, en={"body_markdown": body}))
    assert response.status_code == 200
    assert "Anchors start with step-" in response.content.decode()
