"""Words that suggest the worker pays fees, deposits or penalties (editable in admin)."""

import datetime

from django.db import migrations

FEE_KEYWORDS = {
    "en": [
        "deposit", "guarantee money", "placement fee", "recruitment fee", "processing fee",
        "visa fee", "training fee", "agency fee", "agent fee", "penalty", "security money",
        "advance payment", "pay for your visa", "pay for your ticket", "bond money",
    ],
    "ja": [
        "保証金", "手数料", "違約金", "仲介料", "紹介料", "デポジット", "前払い", "罰金",
        "渡航費自己負担", "ビザ費用自己負担", "研修費自己負担",
    ],
    "ur": [
        "ضمانت کی رقم", "ڈپازٹ", "جرمانہ", "پیشگی ادائیگی", "ویزا فیس", "ایجنٹ فیس",
        "پروسیسنگ فیس", "سیکیورٹی رقم",
    ],
}  # fmt: skip


def load(apps, schema_editor):
    FeeKeyword = apps.get_model("listings", "FeeKeyword")
    for language, phrases in FEE_KEYWORDS.items():
        for phrase in phrases:
            FeeKeyword.objects.update_or_create(
                phrase=phrase,
                defaults={"language": language, "checked_on": datetime.date(2026, 11, 25)},
            )


class Migration(migrations.Migration):
    dependencies = [("listings", "0009_moderation")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
