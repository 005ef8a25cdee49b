"""The 17 countries with an SSW Memorandum of Cooperation (shared/DOMAIN.md, 2026-11-25)."""

import datetime

from django.db import migrations

# ISO code, year signed where DOMAIN.md states it.
MOC_COUNTRIES = [
    ("PH", None), ("KH", None), ("NP", None), ("MM", None), ("MN", None), ("LK", None),
    ("ID", None), ("VN", None), ("BD", None), ("UZ", None), ("PK", None), ("TH", None),
    ("IN", None), ("MY", None), ("LA", None), ("KG", 2023), ("TJ", 2024),
]  # fmt: skip


def load(apps, schema_editor):
    CountryInfo = apps.get_model("listings", "CountryInfo")
    for code, year in MOC_COUNTRIES:
        CountryInfo.objects.update_or_create(
            country=code,
            defaults={
                "ssw_memorandum": True,
                "memorandum_year": year,
                "checked_on": datetime.date(2026, 11, 25),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("listings", "0006_country_info")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
