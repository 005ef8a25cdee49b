"""The shipped content: the Markdown files are what the database holds, and every page is
complete, sourced and consistent with the reference data."""

import importlib
import re
from pathlib import Path

import pytest
from django.conf import settings

from guides import anchors
from guides.models import Guide, GuideTranslation
from jobboard.markdown import MAX_SOURCE_LENGTH

pytestmark = pytest.mark.django_db

content = importlib.import_module("guides.migrations.0002_initial_content")
CONTENT = Path(settings.BASE_DIR) / "guides" / "content"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
FILES = sorted(CONTENT.glob("*/**/*.md"))


def _file_for(translation: GuideTranslation) -> Path:
    guide = translation.guide
    folder = CONTENT / translation.language
    if guide.kind == "process":
        return folder / "process.md"
    return folder / {"field": "fields", "country": "countries"}[guide.kind] / f"{guide.key}.md"


def test_every_page_has_a_file_in_every_language():
    names = {path.relative_to(CONTENT / "en") for path in (CONTENT / "en").rglob("*.md")}
    assert len(names) == 1 + 16 + 6
    for language in LANGUAGES:
        assert {p.relative_to(CONTENT / language) for p in (CONTENT / language).rglob("*.md")} == (
            names
        )


def test_the_database_holds_what_the_files_say():
    translations = GuideTranslation.objects.select_related("guide")
    assert translations.count() == len(FILES) == 69
    for translation in translations:
        page = content.parse_page(_file_for(translation))
        for field in ("title", "summary", "last_checked", "sources", "body_markdown"):
            assert getattr(translation, field) == page[field], (translation, field)


def test_every_shipped_translation_passes_the_admin_validation():
    for translation in GuideTranslation.objects.select_related("guide"):
        translation.full_clean()
        assert len(translation.body_markdown) <= MAX_SOURCE_LENGTH
        assert len(translation.source_list()) >= 2
        assert all(url.startswith("https://") for _name, url in translation.source_list())


def test_pages_keep_the_same_anchors_in_every_language():
    for guide in Guide.objects.prefetch_related("translations"):
        ids = {t.language: [a for a, _title in t.anchors()] for t in guide.translations.all()}
        assert set(ids) == set(LANGUAGES), guide
        assert ids["en"] == ids["ja"] == ids["ur"], guide
        assert set(anchors.REQUIRED[guide.kind]) <= set(ids["en"]), guide


def test_field_pages_say_whether_ssw_ii_exists_as_the_sector_table_does():
    said = {
        "en": ("SSW (ii) exists in this field", "does not exist"),
        "ja": ("特定技能2号があります", "特定技能2号はありません"),
        "ur": ("SSW (ii) موجود ہے", "SSW (ii) موجود نہیں"),
    }
    for guide in Guide.objects.filter(kind="field").select_related("sector"):
        for translation in guide.translations.all():
            section = translation.body_markdown.split("{#field-ssw-ii}", 1)[1].split("\n## ")[0]
            yes, no = said[translation.language]
            expected, other = (yes, no) if guide.sector.has_ssw2 else (no, yes)
            assert expected in section, (guide.key, translation.language)
            assert other not in section, (guide.key, translation.language)


def test_shipped_content_has_no_raw_html():
    for path in FILES:
        body = content.parse_page(path)["body_markdown"]
        assert not re.search(r"<[a-zA-Z/!]", body), path


def test_every_page_was_checked_on_a_stated_date():
    for translation in GuideTranslation.objects.all():
        assert translation.last_checked.year >= 2026
