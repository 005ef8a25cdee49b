"""The guides' first content, from the Markdown files in guides/content/<language>/.

The files are the reviewable source; after this migration staff edit the pages in the admin.
"""

import datetime
from pathlib import Path

from django.db import migrations

CONTENT = Path(__file__).resolve().parent.parent / "content"
LANGUAGES = ("en", "ja", "ur")
COUNTRIES = ("pk", "ph", "vn", "np", "id", "mm")


def parse_page(path: Path) -> dict:
    """Front matter (title, summary, last_checked, sources list) and the Markdown body."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{path}: no front matter")
    head, body = text[4:].split("\n---\n", 1)
    page = {"sources": []}
    for line in head.splitlines():
        if line.lstrip().startswith("- "):
            page["sources"].append(line.lstrip()[2:].strip())
        elif ":" in line:
            name, value = line.split(":", 1)
            if value.strip():
                page[name.strip()] = value.strip()
    return {
        "title": page["title"],
        "summary": page["summary"],
        "last_checked": datetime.date.fromisoformat(page["last_checked"]),
        "sources": "\n".join(page["sources"]),
        "body_markdown": body.strip() + "\n",
    }


def pages(apps):
    """(kind, key, sector, country, sort order, file name inside each language's folder)."""
    Sector = apps.get_model("listings", "Sector")
    yield "process", "ssw", None, "", 0, "process.md"
    for path in sorted((CONTENT / "en" / "fields").glob("*.md")):
        sector = Sector.objects.get(slug=path.stem)
        yield "field", sector.slug, sector, "", sector.sort_order, f"fields/{path.name}"
    for order, code in enumerate(COUNTRIES, start=1):
        yield "country", code, None, code.upper(), order, f"countries/{code}.md"


def load(apps, schema_editor):
    Guide = apps.get_model("guides", "Guide")
    GuideTranslation = apps.get_model("guides", "GuideTranslation")
    for kind, key, sector, country, order, name in pages(apps):
        guide, _created = Guide.objects.update_or_create(
            kind=kind,
            key=key,
            defaults={"sector": sector, "country": country, "sort_order": order},
        )
        for language in LANGUAGES:
            GuideTranslation.objects.update_or_create(
                guide=guide, language=language, defaults=parse_page(CONTENT / language / name)
            )


def unload(apps, schema_editor):
    apps.get_model("guides", "Guide").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_initial"), ("listings", "0013_company_deleted_at")]

    operations = [migrations.RunPython(load, unload)]
