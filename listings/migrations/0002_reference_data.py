"""Reference data from shared/DOMAIN.md, checked on 2026-11-25."""

import datetime

from django.db import migrations

CHECKED_ON = datetime.date(2026, 11, 25)

# slug, English, Japanese, SSW field, SSW (ii) exists
SECTORS = [
    ("nursing-care", "Nursing care", "介護", True, False),
    ("building-cleaning", "Building cleaning", "ビルクリーニング", True, True),
    ("industrial-products", "Industrial product manufacturing", "工業製品製造業", True, True),
    ("construction", "Construction", "建設", True, True),
    ("shipbuilding", "Shipbuilding and marine industry", "造船・舶用工業", True, True),
    ("automobile-repair", "Automobile repair and maintenance", "自動車整備", True, True),
    ("aviation", "Aviation", "航空", True, True),
    ("accommodation", "Accommodation", "宿泊", True, True),
    ("automobile-transport", "Automobile transportation", "自動車運送業", True, False),
    ("railway", "Railway", "鉄道", True, False),
    ("agriculture", "Agriculture", "農業", True, True),
    ("fishery", "Fishery and aquaculture", "漁業", True, True),
    ("food-manufacturing", "Food and beverage manufacturing", "飲食料品製造業", True, True),
    ("food-service", "Food service", "外食業", True, True),
    ("forestry", "Forestry", "林業", True, False),
    ("wood-industry", "Wood industry", "木材産業", True, False),
    ("it-software", "IT and software", "IT・ソフトウェア", False, False),
    ("engineering", "Engineering", "エンジニアリング", False, False),
    ("hospitality", "Hospitality and tourism", "観光・サービス", False, False),
    ("education", "Education and English teaching", "教育・英語講師", False, False),
    ("other", "Other", "その他", False, False),
]

# slug, English, Japanese, short explanation (English)
RESIDENCE_STATUSES = [
    (
        "ssw-1",
        "Specified Skilled Worker (i)",
        "特定技能1号",
        "Up to 5 years in total in one of the SSW fields; family may not accompany; "
        "the employer or a registered support organisation provides a support plan.",
    ),
    (
        "ssw-2",
        "Specified Skilled Worker (ii)",
        "特定技能2号",
        "Renewable without limit; spouse and children may accompany; a path to permanent "
        "residence. Requires the field's (ii) skills test.",
    ),
    (
        "technical-intern",
        "Technical Intern Training",
        "技能実習",
        "Training-based status (1 + 2 + 2 years), being replaced by Employment for Skill "
        "Development from 2027-04-01.",
    ),
    (
        "skill-development",
        "Employment for Skill Development",
        "育成就労",
        "Replaces Technical Intern Training from 2027-04-01: about 3 years aimed at SSW (i) "
        "level; changing jobs allowed after 1–2 years with tests.",
    ),
    (
        "engineer-humanities",
        "Engineer / Specialist in Humanities / International Services",
        "技術・人文知識・国際業務",
        "White-collar work; needs a degree or 10 years' experience.",
    ),
    (
        "highly-skilled",
        "Highly Skilled Professional",
        "高度専門職",
        "Points-based status for professionals scoring 70 points or more.",
    ),
    (
        "designated-46",
        "Designated Activities (No. 46)",
        "特定活動46号",
        "Graduates of Japanese universities with JLPT N1 or BJT 480 or more.",
    ),
    ("skilled-labor", "Skilled Labor", "技能", "Skilled trades such as chefs of foreign cuisine."),
    ("nursing-care-status", "Nursing Care", "介護", "Certified care workers (介護福祉士)."),
    (
        "student",
        "Student (part-time, with permission)",
        "留学",
        "Part-time work with permission, for limited hours a week.",
    ),
    (
        "no-restriction",
        "Permanent resident, spouse, long-term resident",
        "永住者・日本人の配偶者等・定住者",
        "No restriction on the kind of work.",
    ),
]

# slug, English, Japanese, rank (JFT-Basic A2 equals JLPT N4 for "at most" comparisons)
JAPANESE_LEVELS = [
    ("none", "No Japanese required", "日本語不問", 0),
    ("jft-a2", "JFT-Basic (A2)", "JFT-Basic（A2）", 30),
    ("n5", "JLPT N5", "日本語能力試験N5", 20),
    ("n4", "JLPT N4", "日本語能力試験N4", 30),
    ("n3", "JLPT N3", "日本語能力試験N3", 40),
    ("n2", "JLPT N2", "日本語能力試験N2", 50),
    ("n1", "JLPT N1", "日本語能力試験N1", 60),
]
# DOMAIN.md's display order, lowest first: none, JFT-Basic, N5, N4, N3, N2, N1.
JAPANESE_LEVEL_ORDER = ["none", "jft-a2", "n5", "n4", "n3", "n2", "n1"]

# code, slug, English, Japanese, region, FY2025 minimum wage (yen per hour)
PREFECTURES = [
    ("01", "hokkaido", "Hokkaido", "北海道", "hokkaido", 1075),
    ("02", "aomori", "Aomori", "青森県", "tohoku", 1029),
    ("03", "iwate", "Iwate", "岩手県", "tohoku", 1031),
    ("04", "miyagi", "Miyagi", "宮城県", "tohoku", 1038),
    ("05", "akita", "Akita", "秋田県", "tohoku", 1031),
    ("06", "yamagata", "Yamagata", "山形県", "tohoku", 1032),
    ("07", "fukushima", "Fukushima", "福島県", "tohoku", 1033),
    ("08", "ibaraki", "Ibaraki", "茨城県", "kanto", 1074),
    ("09", "tochigi", "Tochigi", "栃木県", "kanto", 1068),
    ("10", "gunma", "Gunma", "群馬県", "kanto", 1063),
    ("11", "saitama", "Saitama", "埼玉県", "kanto", 1141),
    ("12", "chiba", "Chiba", "千葉県", "kanto", 1140),
    ("13", "tokyo", "Tokyo", "東京都", "kanto", 1226),
    ("14", "kanagawa", "Kanagawa", "神奈川県", "kanto", 1225),
    ("15", "niigata", "Niigata", "新潟県", "chubu", 1050),
    ("16", "toyama", "Toyama", "富山県", "chubu", 1062),
    ("17", "ishikawa", "Ishikawa", "石川県", "chubu", 1054),
    ("18", "fukui", "Fukui", "福井県", "chubu", 1053),
    ("19", "yamanashi", "Yamanashi", "山梨県", "chubu", 1052),
    ("20", "nagano", "Nagano", "長野県", "chubu", 1061),
    ("21", "gifu", "Gifu", "岐阜県", "chubu", 1065),
    ("22", "shizuoka", "Shizuoka", "静岡県", "chubu", 1097),
    ("23", "aichi", "Aichi", "愛知県", "chubu", 1140),
    ("24", "mie", "Mie", "三重県", "kansai", 1087),
    ("25", "shiga", "Shiga", "滋賀県", "kansai", 1080),
    ("26", "kyoto", "Kyoto", "京都府", "kansai", 1122),
    ("27", "osaka", "Osaka", "大阪府", "kansai", 1177),
    ("28", "hyogo", "Hyogo", "兵庫県", "kansai", 1116),
    ("29", "nara", "Nara", "奈良県", "kansai", 1051),
    ("30", "wakayama", "Wakayama", "和歌山県", "kansai", 1045),
    ("31", "tottori", "Tottori", "鳥取県", "chugoku", 1030),
    ("32", "shimane", "Shimane", "島根県", "chugoku", 1033),
    ("33", "okayama", "Okayama", "岡山県", "chugoku", 1047),
    ("34", "hiroshima", "Hiroshima", "広島県", "chugoku", 1085),
    ("35", "yamaguchi", "Yamaguchi", "山口県", "chugoku", 1043),
    ("36", "tokushima", "Tokushima", "徳島県", "shikoku", 1046),
    ("37", "kagawa", "Kagawa", "香川県", "shikoku", 1036),
    ("38", "ehime", "Ehime", "愛媛県", "shikoku", 1033),
    ("39", "kochi", "Kochi", "高知県", "shikoku", 1023),
    ("40", "fukuoka", "Fukuoka", "福岡県", "kyushu-okinawa", 1057),
    ("41", "saga", "Saga", "佐賀県", "kyushu-okinawa", 1030),
    ("42", "nagasaki", "Nagasaki", "長崎県", "kyushu-okinawa", 1031),
    ("43", "kumamoto", "Kumamoto", "熊本県", "kyushu-okinawa", 1034),
    ("44", "oita", "Oita", "大分県", "kyushu-okinawa", 1035),
    ("45", "miyazaki", "Miyazaki", "宮崎県", "kyushu-okinawa", 1023),
    ("46", "kagoshima", "Kagoshima", "鹿児島県", "kyushu-okinawa", 1026),
    ("47", "okinawa", "Okinawa", "沖縄県", "kyushu-okinawa", 1023),
]


def load_reference_data(apps, schema_editor):
    Sector = apps.get_model("listings", "Sector")
    ResidenceStatus = apps.get_model("listings", "ResidenceStatus")
    JapaneseLevel = apps.get_model("listings", "JapaneseLevel")
    Prefecture = apps.get_model("listings", "Prefecture")

    for order, (slug, name_en, name_ja, is_ssw, has_ssw2) in enumerate(SECTORS, start=1):
        Sector.objects.update_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_ja": name_ja,
                "is_ssw_field": is_ssw,
                "has_ssw2": has_ssw2,
                "sort_order": order,
                "checked_on": CHECKED_ON,
            },
        )
    for order, (slug, name_en, name_ja, summary) in enumerate(RESIDENCE_STATUSES, start=1):
        ResidenceStatus.objects.update_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_ja": name_ja,
                "summary_en": summary,
                "sort_order": order,
                "checked_on": CHECKED_ON,
            },
        )
    for slug, name_en, name_ja, rank in JAPANESE_LEVELS:
        JapaneseLevel.objects.update_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_ja": name_ja,
                "rank": rank,
                "sort_order": JAPANESE_LEVEL_ORDER.index(slug) + 1,
                "checked_on": CHECKED_ON,
            },
        )
    for code, slug, name_en, name_ja, region, wage in PREFECTURES:
        Prefecture.objects.update_or_create(
            code=code,
            defaults={
                "slug": slug,
                "name_en": name_en,
                "name_ja": name_ja,
                "region": region,
                "sort_order": int(code),
                "minimum_wage_yen": wage,
                "minimum_wage_fiscal_year": 2025,
                "checked_on": CHECKED_ON,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("listings", "0001_initial")]

    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]
