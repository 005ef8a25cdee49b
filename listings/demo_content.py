"""Demo companies, listings and phrase banks for seeding Hataraku (pure data, no Django)."""

import re
import textwrap

SSW_SECTORS = (
    "nursing-care",
    "building-cleaning",
    "industrial-products",
    "construction",
    "shipbuilding",
    "automobile-repair",
    "aviation",
    "accommodation",
    "automobile-transport",
    "railway",
    "agriculture",
    "fishery",
    "food-manufacturing",
    "food-service",
    "forestry",
    "wood-industry",
)
OTHER_SECTORS = ("it-software", "engineering", "hospitality", "education", "other")
SECTORS = SSW_SECTORS + OTHER_SECTORS
# SSW fields where Specified Skilled Worker (ii) does not exist.
NO_SSW2_SECTORS = frozenset(
    {"nursing-care", "automobile-transport", "railway", "forestry", "wood-industry"}
)
STATUSES = (
    "ssw-1",
    "ssw-2",
    "technical-intern",
    "skill-development",
    "engineer-humanities",
    "highly-skilled",
    "designated-46",
    "skilled-labor",
    "nursing-care-status",
    "student",
    "no-restriction",
)
WHITE_COLLAR_STATUSES = frozenset(
    {"engineer-humanities", "highly-skilled", "designated-46", "no-restriction"}
)
JP_LEVELS = ("none", "jft-a2", "n5", "n4", "n3", "n2", "n1")
EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "seasonal")
SALARY_PERIODS = ("hourly", "monthly", "yearly")
HOUSING_CHOICES = ("none", "provided", "supported")
LISTING_STATUSES = ("published", "draft", "pending", "expired")

# Hours used to turn a salary into an hourly figure for the minimum-wage check.
MONTHLY_HOURS = 173.8
YEARLY_HOURS = 2085.7

# Regional minimum wages for fiscal 2025, yen per hour, keyed by JIS X 0401 code.
MINIMUM_WAGE_BY_PREFECTURE: dict[str, int] = {
    "01": 1075,  # Hokkaido
    "02": 1029,  # Aomori
    "03": 1031,  # Iwate
    "04": 1038,  # Miyagi
    "05": 1031,  # Akita
    "06": 1032,  # Yamagata
    "07": 1033,  # Fukushima
    "08": 1074,  # Ibaraki
    "09": 1068,  # Tochigi
    "10": 1063,  # Gunma
    "11": 1141,  # Saitama
    "12": 1140,  # Chiba
    "13": 1226,  # Tokyo
    "14": 1225,  # Kanagawa
    "15": 1050,  # Niigata
    "16": 1062,  # Toyama
    "17": 1054,  # Ishikawa
    "18": 1053,  # Fukui
    "19": 1052,  # Yamanashi
    "20": 1061,  # Nagano
    "21": 1065,  # Gifu
    "22": 1097,  # Shizuoka
    "23": 1140,  # Aichi
    "24": 1087,  # Mie
    "25": 1080,  # Shiga
    "26": 1122,  # Kyoto
    "27": 1177,  # Osaka
    "28": 1116,  # Hyogo
    "29": 1051,  # Nara
    "30": 1045,  # Wakayama
    "31": 1030,  # Tottori
    "32": 1033,  # Shimane
    "33": 1047,  # Okayama
    "34": 1085,  # Hiroshima
    "35": 1043,  # Yamaguchi
    "36": 1046,  # Tokushima
    "37": 1036,  # Kagawa
    "38": 1033,  # Ehime
    "39": 1023,  # Kochi
    "40": 1057,  # Fukuoka
    "41": 1030,  # Saga
    "42": 1031,  # Nagasaki
    "43": 1034,  # Kumamoto
    "44": 1035,  # Oita
    "45": 1023,  # Miyazaki
    "46": 1026,  # Kagoshima
    "47": 1023,  # Okinawa
}


def monthly_equivalent(amount: int, period: str) -> int:
    """Return a salary amount as a monthly figure in yen (hourly x 173.8, yearly / 12)."""
    if period == "hourly":
        return round(amount * MONTHLY_HOURS)
    if period == "monthly":
        return int(amount)
    if period == "yearly":
        return round(amount / 12)
    raise ValueError(f"unknown salary period: {period!r}")


def hourly_equivalent(amount: int, period: str) -> float:
    """Return a salary amount as yen per hour, the way moderators compare it to minimum wage."""
    if period == "hourly":
        return float(amount)
    if period == "monthly":
        return amount / MONTHLY_HOURS
    if period == "yearly":
        return amount / YEARLY_HOURS
    raise ValueError(f"unknown salary period: {period!r}")


COMPANY_KEYS = (
    "key",
    "slug",
    "name_en",
    "name_ja",
    "prefecture_code",
    "city",
    "address",
    "website",
    "description_en",
    "description_ja",
    "verified",
)

DEMO_COMPANIES: list[dict] = [
    {
        "key": "hoshikaze",
        "slug": "hoshikaze-care-network",
        "name_en": "Hoshikaze Care Network Co., Ltd.",
        "name_ja": "株式会社ほしかぜケアネット",
        "prefecture_code": "01",
        "city": "Sapporo",
        "address": "4-12 Kita 9-jo Nishi, Kita-ku, Sapporo (fictional)",
        "website": "https://hoshikaze.example",
        "description_en": (
            "Hoshikaze Care Network runs **group homes, day-service centres and a special "
            "nursing home** for older people in Hokkaido, Miyagi, Fukushima, Tokyo and "
            "Kumamoto.\n\n"
            "Around one in five of our care staff come from the Philippines, Vietnam, Nepal "
            "and Indonesia. New colleagues work alongside an experienced mentor, and we pay "
            "for Japanese lessons and the Certified Care Worker (介護福祉士) exam course.\n\n"
            "We have employed Specified Skilled Workers since 2019 and were among the first "
            "care operators in Sapporo to run a multilingual orientation programme."
        ),
        "description_ja": (
            "株式会社ほしかぜケアネットは、北海道・宮城・福島・東京・熊本でグループホーム、"
            "デイサービス、特別養護老人ホームを運営しています。\n\n"
            "介護職員の約2割がフィリピン、ベトナム、ネパール、インドネシア出身です。"
            "入職後は先輩職員がプリセプターとして付き、日本語学習や介護福祉士受験対策の"
            "費用は会社が負担します。\n\n"
            "2019年から特定技能外国人を受け入れており、多言語でのオリエンテーションにも"
            "力を入れています。"
        ),
        "verified": True,
    },
    {
        "key": "aozora",
        "slug": "aozora-tsumiki-construction",
        "name_en": "Aozora Tsumiki Construction Co., Ltd.",
        "name_ja": "青空つみき建設株式会社",
        "prefecture_code": "40",
        "city": "Kitakyushu",
        "address": "2-7-3 Sakaimachi, Kokurakita-ku, Kitakyushu (fictional)",
        "website": "https://aozora.example",
        "description_en": (
            "Aozora Tsumiki Construction is a general contractor founded in Kitakyushu, with "
            "branches in Tokyo, Yokohama, Saitama and Hiroshima. We build schools, logistics "
            "warehouses and housing, and our group also maintains railway track, runs a "
            "sawmill and a pre-cut plant, and manages forests in Kyushu.\n\n"
            "Our crews include formwork carpenters, rebar workers, scaffolders and heavy "
            "machinery operators from Vietnam, the Philippines and Indonesia. Safety training "
            "is given in their own languages, and every site has a bilingual foreman.\n\n"
            "We support SSW (i) workers who want to move up to SSW (ii) and become site leaders."
        ),
        "description_ja": (
            "青空つみき建設株式会社は北九州市で創業し、東京・横浜・さいたま・広島に"
            "支店を持つ総合建設会社です。学校、物流倉庫、住宅の施工に加え、グループで"
            "鉄道の軌道保守、製材所・プレカット工場、九州各地の森林整備も手がけています。\n\n"
            "型枠大工、鉄筋工、とび工、重機オペレーターとして、ベトナム、フィリピン、"
            "インドネシア出身の社員が活躍しています。安全教育は母国語で行い、各現場には"
            "バイリンガルの職長を配置しています。\n\n"
            "特定技能1号から2号へのステップアップと職長育成を積極的に支援しています。"
        ),
        "verified": True,
    },
    {
        "key": "kotonoha",
        "slug": "kotonoha-dining-group",
        "name_en": "Kotonoha Dining Group Co., Ltd.",
        "name_ja": "株式会社ことのはダイニンググループ",
        "prefecture_code": "27",
        "city": "Osaka",
        "address": "1-3-18 Minamisemba, Chuo-ku, Osaka (fictional)",
        "website": "https://kotonoha.example",
        "description_en": (
            "Kotonoha Dining Group operates izakaya, ramen shops and family restaurants in "
            "Osaka, Kyoto, Kobe, Tokyo and Sendai, plus two hotels and a resort in Gifu, "
            "Nagano and Okinawa.\n\n"
            "A central kitchen in Saitama and our own delivery fleet supply the restaurants. "
            "Staff can move between kitchens, floor work and hotel service as they grow.\n\n"
            "Menus and training videos are available in English, Vietnamese and Nepali."
        ),
        "description_ja": (
            "株式会社ことのはダイニンググループは、大阪・京都・神戸・東京・仙台で居酒屋、"
            "ラーメン店、ファミリーレストランを展開し、岐阜・長野・沖縄でホテルと"
            "リゾートを運営しています。\n\n"
            "埼玉のセントラルキッチンと自社配送網で各店舗を支えており、調理・ホール・"
            "宿泊サービスと幅広いキャリアを選べます。\n\n"
            "マニュアルと研修動画は英語、ベトナム語、ネパール語でもご用意しています。"
        ),
        "verified": False,
    },
    {
        "key": "mizuiro",
        "slug": "mizuiro-precision",
        "name_en": "Mizuiro Precision Industries Co., Ltd.",
        "name_ja": "みずいろ精工株式会社",
        "prefecture_code": "23",
        "city": "Okazaki",
        "address": "5-21 Hanegi-cho, Okazaki (fictional)",
        "website": "https://mizuiro.example",
        "description_en": (
            "Mizuiro Precision Industries machines, stamps and assembles parts for cars, "
            "ships, rolling stock and aircraft. Our plants are in Aichi, Shizuoka, Gunma, "
            "Gifu, Hyogo and Hiroshima, with service subsidiaries for vehicle maintenance, "
            "parts logistics and airport ground handling.\n\n"
            "We train new members on the line with picture-based work instructions and a "
            "buddy system, and we prepare SSW (i) staff for the SSW (ii) skills test."
        ),
        "description_ja": (
            "みずいろ精工株式会社は、自動車・船舶・鉄道車両・航空機向け部品の機械加工、"
            "プレス、組立を行うメーカーです。愛知・静岡・群馬・岐阜・兵庫・広島に工場を持ち、"
            "グループ会社で自動車整備、部品物流、空港グランドハンドリングも手がけています。\n\n"
            "写真付きの作業手順書とバディ制度で未経験の方も安心して始められ、"
            "特定技能2号評価試験の受験対策も行っています。"
        ),
        "verified": False,
    },
    {
        "key": "shiosai",
        "slug": "shiosai-farm-fisheries",
        "name_en": "Shiosai Farm & Fisheries Co., Ltd.",
        "name_ja": "株式会社しおさいファーム＆フィッシャリーズ",
        "prefecture_code": "38",
        "city": "Uwajima",
        "address": "3-9 Hinode-cho, Uwajima (fictional)",
        "website": "https://shiosai.example",
        "description_en": (
            "Shiosai Farm & Fisheries grows citrus and vegetables, raises red sea bream and "
            "pearl oysters, and processes seafood. Our farms, plants and company forest in "
            "Kochi stretch from Hokkaido to Kagoshima.\n\n"
            "Agriculture and fishery are the two SSW fields where seasonal work through a "
            "dispatching employer is allowed, so we offer both year-round posts and harvest "
            "seasons in different regions.\n\n"
            "Every site has staff housing within walking or cycling distance."
        ),
        "description_ja": (
            "株式会社しおさいファーム＆フィッシャリーズは、柑橘・野菜の生産、マダイや"
            "真珠貝の養殖、水産加工を行う会社です。北海道から鹿児島まで農場・工場があり、"
            "高知県では社有林も管理しています。\n\n"
            "農業・漁業は特定技能で派遣が認められている分野のため、通年雇用に加えて"
            "各地の収穫期に合わせた働き方もご用意しています。\n\n"
            "すべての拠点に徒歩または自転車で通える社員寮があります。"
        ),
        "verified": False,
    },
]

LISTING_KEYS = (
    "company",
    "sector",
    "statuses",
    "prefecture_code",
    "city",
    "employment_type",
    "salary_min",
    "salary_max",
    "salary_period",
    "jp_level",
    "skills_test_required",
    "experience_years",
    "english_ok",
    "housing",
    "visa_support",
    "support_org_name",
    "support_org_number",
    "nationalities",
    "openings",
    "start_in_days",
    "days_ago",
    "title_en",
    "description_en",
    "title_ja",
    "description_ja",
    "status",
)
_TEXT_KEYS = ("title_en", "description_en", "title_ja", "description_ja")
_LISTING_DEFAULTS = {
    "employment_type": "full_time",
    "salary_period": "monthly",
    "skills_test_required": False,
    "experience_years": 0,
    "english_ok": False,
    "housing": "none",
    "visa_support": False,
    "support_org_name": "",
    "support_org_number": "",
    "nationalities": [],
    "title_en": "",
    "description_en": "",
    "title_ja": "",
    "description_ja": "",
    "status": "published",
}

# Fictional registered support organisations (登録支援機関) used by the demo listings.
_SUPPORT_ORGS = {
    "tsubasa": ("株式会社つばさライフサポート", "20登-003187"),
    "himawari": ("一般社団法人ひまわり外国人材支援センター", "19登-001276"),
    "kakehashi": ("一般社団法人みらい架け橋支援機構", "23登-004512"),
    "nijiiro": ("一般社団法人にじいろ共生サポート", "22登-007410"),
    "kotoba": ("合同会社ことばの橋サポート", "21登-005834"),
}


def _listing(support: str = "", **fields) -> dict:
    """Build one listing dict: fill defaults, dedent Markdown and name the support body."""
    unknown = set(fields) - set(LISTING_KEYS)
    if unknown:
        raise KeyError(f"unknown listing keys: {sorted(unknown)}")
    listing = {key: fields.get(key, _LISTING_DEFAULTS.get(key)) for key in LISTING_KEYS}
    if support:
        listing["support_org_name"], listing["support_org_number"] = _SUPPORT_ORGS[support]
    for key in _TEXT_KEYS:
        listing[key] = textwrap.dedent(listing[key] or "").strip()
    listing["statuses"] = list(listing["statuses"] or [])
    listing["nationalities"] = list(listing["nationalities"])
    return listing


DEMO_LISTINGS: list[dict] = [
    # --- Nursing care, building cleaning and education -------------------------------
    _listing(
        company="hoshikaze",
        sector="nursing-care",
        statuses=["ssw-1", "nursing-care-status"],
        prefecture_code="01",
        city="Sapporo",
        salary_min=205_000,
        salary_max=245_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="tsubasa",
        openings=3,
        start_in_days=60,
        days_ago=3,
        title_en="Care worker at a group home in Sapporo (SSW i)",
        description_en="""
            ## About the job
            Join a small group home where nine residents with dementia live like a family.

            **Duties**
            - Help with meals, bathing and toileting
            - Join walks, cooking and recreation
            - Write short care records on a tablet (Japanese input support available)

            ## Conditions
            - Three shifts including nights (about 4 nights a month, ¥6,000 allowance each)
            - Overtime under 10 hours a month; 10 days' paid leave after 6 months
            - 社会保険完備 (full social insurance); dormitory rent ¥22,000 a month
            - Commute allowance up to ¥20,000

            ## Support
            Our registered support organisation helps with airport pick-up, city hall
            procedures and regular interviews.
        """,
        title_ja="【特定技能1号】介護職員（グループホーム）札幌市",
        description_ja="""
            ## 仕事内容
            認知症グループホーム（定員9名）での介護業務全般です。
            - 食事・入浴・排泄の介助
            - 散歩やレクリエーションの実施
            - タブレットでの介護記録

            ## 待遇
            - 月給205,000円～245,000円（夜勤手当1回6,000円）
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃22,000円）、通勤手当あり

            ## 支援
            登録支援機関が空港送迎から役所での手続きまでサポートします。
        """,
    ),
    _listing(
        company="hoshikaze",
        sector="nursing-care",
        statuses=["ssw-1", "technical-intern"],
        prefecture_code="01",
        city="Asahikawa",
        salary_min=198_000,
        salary_max=230_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        nationalities=["PH", "VN"],
        openings=4,
        start_in_days=90,
        days_ago=10,
        title_ja="【特定技能1号】特別養護老人ホームの介護職員（旭川市）",
        description_ja="""
            ## 仕事内容
            ユニット型特別養護老人ホーム（80床）での介護業務です。
            - 食事・入浴・排泄などの身体介護
            - 移乗・体位変換、見守り
            - 季節行事の運営補助

            ## 応募条件
            - 介護技能評価試験・介護日本語評価試験に合格、または介護職種の技能実習2号を良好に修了
            - 日本語能力試験N4以上

            ## 待遇
            - 月給198,000円～230,000円、賞与年2回
            - 社会保険完備、年間休日110日
            - 寮完備（家賃20,000円、冬季の暖房費補助あり）

            支援計画は当社が自社で実施します。
        """,
    ),
    _listing(
        company="hoshikaze",
        sector="nursing-care",
        statuses=["ssw-1"],
        prefecture_code="04",
        city="Sendai",
        salary_min=195_000,
        salary_max=225_000,
        jp_level="jft-a2",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        support="himawari",
        openings=2,
        start_in_days=45,
        days_ago=6,
        title_en="Day-service care staff in Sendai (SSW i, JFT-Basic OK)",
        description_en="""
            ## What you will do
            Our day-service centre welcomes about 30 older people each weekday.
            - Help users in and out of the pick-up van
            - Support bathing, meals and light exercise
            - Lead singing, games and crafts

            ## Working conditions
            - Day shifts only, 8:30–17:30, Sundays off
            - Overtime about 5 hours a month; paid leave from month 6
            - Full social insurance (社会保険完備)
            - We help you find an apartment and pay half the rent, up to ¥25,000
            - Commute allowance paid

            ## Support
            A registered support organisation gives orientation in English and Tagalog and
            meets you every three months.
        """,
    ),
    _listing(
        company="hoshikaze",
        sector="nursing-care",
        statuses=["nursing-care-status", "ssw-1"],
        prefecture_code="13",
        city="Hachioji",
        salary_min=235_000,
        salary_max=285_000,
        jp_level="n3",
        skills_test_required=True,
        experience_years=1,
        housing="supported",
        visa_support=True,
        openings=2,
        start_in_days=30,
        days_ago=1,
        title_en="Senior care worker, private nursing home in Hachioji",
        description_en="""
            ## Role
            Provide daily care in a 60-room private nursing home and guide newer colleagues.
            - Personal care: meals, bathing, toileting and transfers
            - Shift hand-overs and care records
            - Mentor SSW staff in their first year

            ## Requirements
            Residence status "Nursing Care" (certified care worker), or SSW (i) with one year
            of care experience. JLPT N3 or similar.

            ## Conditions
            - Four-shift rotation; night allowance ¥7,000
            - 社会保険完備, 120 days off a year, paid leave
            - Rent subsidy ¥30,000; full commute allowance
        """,
        title_ja="介護職員（介護福祉士歓迎・有料老人ホーム）八王子市",
        description_ja="""
            ## 仕事内容
            有料老人ホーム（60室）での介護業務と、外国人スタッフの指導をお願いします。
            - 食事・入浴・排泄・移乗の介助
            - 申し送り、介護記録の作成

            ## 応募資格
            在留資格「介護」（介護福祉士）、または介護経験1年以上の特定技能1号の方。日本語能力試験N3程度。

            ## 待遇
            - 月給235,000円～285,000円、夜勤手当1回7,000円
            - 社会保険完備、年間休日120日
            - 住宅手当30,000円、交通費全額支給
        """,
    ),
    _listing(
        company="hoshikaze",
        sector="nursing-care",
        statuses=["ssw-1", "skill-development"],
        prefecture_code="07",
        city="Koriyama",
        salary_min=192_000,
        salary_max=220_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kakehashi",
        openings=3,
        start_in_days=120,
        days_ago=0,
        status="draft",
        title_ja="【特定技能1号・育成就労】介護職員（小規模多機能）郡山市",
        description_ja="""
            ## 仕事内容
            小規模多機能型居宅介護事業所での「通い・泊まり・訪問」サービスです。
            - 食事・入浴・排泄の介助
            - 送迎車への乗降介助
            - ご利用者様とのレクリエーション

            ## 待遇
            - 月給192,000円～220,000円
            - 夜勤は月4回程度、残業は月10時間以内
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃18,000円）

            ## 支援体制
            登録支援機関による生活オリエンテーションと定期面談を実施します。育成就労制度の開始後は同制度での受け入れも予定しています。
        """,
    ),
    _listing(
        company="hoshikaze",
        sector="nursing-care",
        statuses=["ssw-1"],
        prefecture_code="43",
        city="Kumamoto",
        salary_min=190_000,
        salary_max=215_000,
        jp_level="jft-a2",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=2,
        start_in_days=75,
        days_ago=14,
        title_en="Care worker, special nursing home in Kumamoto (SSW i)",
        description_en="""
            ## Duties
            - Support residents with meals, bathing and toileting
            - Help with transfers using lifts and sliding boards
            - Keep simple records with picture-based forms

            ## Who we are looking for
            You have passed the Nursing Care Skills Evaluation Test and the Nursing Care
            Japanese Evaluation Test, plus JFT-Basic or JLPT N4. Care experience in your home
            country is welcome.

            ## Conditions
            - Early, day, late and night shifts; overtime rarely over 8 hours a month
            - Full social insurance, paid leave, two bonuses a year
            - Furnished dormitory, rent ¥15,000 including Wi-Fi

            We carry out the support plan ourselves, with a coordinator who speaks Vietnamese
            and English.
        """,
    ),
    _listing(
        company="hoshikaze",
        sector="building-cleaning",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="01",
        city="Sapporo",
        salary_min=195_000,
        salary_max=230_000,
        jp_level="n4",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        support="tsubasa",
        openings=2,
        start_in_days=40,
        days_ago=8,
        title_en="Hospital and care-home cleaning staff in Sapporo (SSW)",
        description_en="""
            ## Duties
            Keep our care homes and a partner hospital clean and hygienic.
            - Floor cleaning with scrubbers and polishers
            - Disinfecting handrails, toilets and shared rooms
            - Sorting waste under infection-control rules

            ## Conditions
            - Day shift 8:00–17:00, five days a week
            - Overtime under 10 hours a month, paid leave from month 6
            - Full social insurance; rent support up to ¥20,000
            - SSW (ii) holders with team-leader experience start at ¥230,000

            ## Support
            Our registered support organisation arranges airport pick-up and Japanese classes.
        """,
        title_ja="【特定技能】病院・介護施設の清掃スタッフ（札幌市）",
        description_ja="""
            ## 仕事内容
            当社の介護施設と提携病院の清掃業務です。
            - ポリッシャー等を使った床の洗浄
            - 手すり・トイレ・共用部の消毒
            - 感染対策ルールに沿ったごみの分別

            ## 待遇
            - 日勤のみ（8:00～17:00）、週休2日
            - 社会保険完備、住宅手当最大20,000円
            - 特定技能2号でリーダー経験のある方は月給230,000円

            登録支援機関が生活面をサポートします。
        """,
    ),
    _listing(
        company="aozora",
        sector="building-cleaning",
        statuses=["ssw-1"],
        prefecture_code="40",
        city="Fukuoka",
        salary_min=190_000,
        salary_max=215_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="nijiiro",
        openings=3,
        start_in_days=50,
        days_ago=20,
        title_ja="【特定技能1号】オフィスビル・商業施設の清掃スタッフ（福岡市）",
        description_ja="""
            ## 仕事内容
            当社グループが管理する福岡市内のオフィスビル・商業施設の日常清掃と定期清掃です。
            - 床の洗浄・ワックスがけ
            - ガラス・トイレ・エントランスの清掃
            - 管理スタッフへの作業報告

            ## 待遇
            - 月給190,000円～215,000円
            - シフト制（早番・日勤）、残業は月15時間程度
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃23,000円）、通勤手当支給

            登録支援機関と連携し、生活面と日本語学習をサポートします。
        """,
    ),
    _listing(
        company="kotonoha",
        sector="building-cleaning",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="27",
        city="Osaka",
        salary_min=1_200,
        salary_max=1_350,
        salary_period="hourly",
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=4,
        start_in_days=35,
        days_ago=5,
        title_en="Hotel cleaning staff in Osaka, hourly pay (SSW i/ii)",
        description_en="""
            ## Duties
            Clean guest rooms and public areas at our city hotel near Namba.
            - Make beds and change linen
            - Clean bathrooms and restock amenities
            - Check rooms and report damage to the supervisor

            ## Conditions
            - Full-time, 8 hours a day, about 21 days a month
            - Hourly ¥1,200–¥1,350 plus a monthly attendance bonus
            - Overtime paid at 125%; paid leave from month 6
            - Full social insurance (社会保険完備)
            - Shared dormitory, rent ¥25,000 including utilities; commute allowance

            ## Support
            We run the support plan in-house with staff who speak Vietnamese and Nepali.
        """,
    ),
    _listing(
        company="hoshikaze",
        sector="education",
        statuses=["engineer-humanities", "no-restriction"],
        prefecture_code="01",
        city="Sapporo",
        salary_min=3_800_000,
        salary_max=4_600_000,
        salary_period="yearly",
        jp_level="n1",
        experience_years=2,
        english_ok=True,
        visa_support=True,
        openings=1,
        start_in_days=60,
        days_ago=2,
        title_en="Japanese-language trainer for foreign care staff (Sapporo)",
        description_en="""
            ## Role
            Teach Japanese to our care staff from the Philippines, Vietnam and Nepal.
            - Plan lessons for the Nursing Care Japanese Evaluation Test and JLPT N3/N2
            - Teach care vocabulary, record writing and polite speech
            - Visit our homes in Hokkaido and teach online for other regions

            ## Requirements
            - JLPT N1 or native Japanese, and 2+ years of teaching experience
            - English good enough to explain grammar
            - Engineer/Specialist in Humanities/International Services status, or no work
              restriction

            ## Conditions
            Annual salary ¥3.8–4.6 million, 社会保険完備, 120 days off a year and remote work
            twice a week.
        """,
        title_ja="外国人介護職員向け日本語講師（札幌市・正社員）",
        description_ja="""
            ## 仕事内容
            当社で働く外国人介護職員への日本語教育を担当していただきます。
            - 介護日本語評価試験・日本語能力試験N3/N2対策の授業
            - 介護記録の書き方や敬語の指導
            - 道内施設への訪問とオンライン授業

            ## 応募資格
            日本語能力試験N1または日本語母語話者で、日本語教育経験2年以上の方。

            ## 待遇
            年収380万円～460万円、社会保険完備、年間休日120日、週2日在宅勤務可。
        """,
    ),
    # --- Construction, shipbuilding and railway -------------------------------------
    _listing(
        company="aozora",
        sector="construction",
        statuses=["ssw-1", "ssw-2", "technical-intern"],
        prefecture_code="40",
        city="Kitakyushu",
        salary_min=220_000,
        salary_max=280_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kotoba",
        nationalities=["VN"],
        openings=4,
        start_in_days=60,
        days_ago=7,
        title_ja="【特定技能1号・2号】型枠大工（北九州市）",
        description_ja="""
            ## 仕事内容
            学校や物流倉庫の新築現場で、コンクリートを流し込む型枠の加工・組立・解体を行います。
            - 図面に合わせた型枠パネルの加工
            - 現場での組立・解体
            - 資材の整理と安全確認

            ## 応募条件
            建設分野特定技能評価試験（型枠施工）合格、または技能実習2号を良好に修了した方。

            ## 待遇
            - 月給220,000円～280,000円（経験・資格により決定）
            - 日曜・祝日休み、残業は月20時間程度
            - 社会保険完備、寮完備（家賃15,000円）
            - 建設キャリアアップシステムの登録は会社が行います
        """,
    ),
    _listing(
        company="aozora",
        sector="construction",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="40",
        city="Fukuoka",
        salary_min=230_000,
        salary_max=300_000,
        jp_level="n4",
        skills_test_required=True,
        experience_years=1,
        housing="supported",
        visa_support=True,
        openings=3,
        start_in_days=45,
        days_ago=12,
        title_en="Rebar worker for city projects in Fukuoka (SSW i/ii)",
        description_en="""
            ## The work
            Cut, bend and tie reinforcing bars for apartment buildings and schools in
            Fukuoka City.
            - Read rebar drawings with the foreman
            - Assemble and tie rebar on site
            - Check spacing before concrete is poured

            ## Requirements
            Construction skills test (rebar) or TITP (ii) in rebar work; one year on site.

            ## Conditions
            - Monthly ¥230,000–¥300,000 depending on your Construction Career Up System level
            - Sundays and national holidays off; overtime about 20 hours a month
            - Full social insurance; we help you rent an apartment and add ¥20,000 a month
            - Work clothes and safety gear provided
        """,
    ),
    _listing(
        company="aozora",
        sector="construction",
        statuses=["ssw-2"],
        prefecture_code="13",
        city="Koto",
        salary_min=4_800_000,
        salary_max=6_000_000,
        salary_period="yearly",
        jp_level="n3",
        skills_test_required=True,
        experience_years=3,
        housing="supported",
        visa_support=True,
        openings=1,
        start_in_days=60,
        days_ago=4,
        title_en="Site foreman, steel-frame construction in Tokyo (SSW ii)",
        description_en="""
            ## Role
            Lead a team of 6–10 workers on a logistics warehouse project in Koto City.
            - Plan daily work and run morning safety meetings
            - Coordinate with other trades and the site manager
            - Train SSW (i) team members

            ## Requirements
            SSW (ii) in construction (or a pass in the (ii) test), three years as a team
            leader and JLPT N3.

            ## Conditions
            - Annual salary ¥4.8–6.0 million
            - Weekends off on most sites; 社会保険完備
            - Your family may join you; we help find a family apartment and pay a housing
              allowance
        """,
        title_ja="【特定技能2号】建設現場の職長（鉄骨造）東京都江東区",
        description_ja="""
            ## 仕事内容
            江東区の物流倉庫新築工事で、6～10名のチームをまとめる職長業務です。
            - 作業計画の作成と朝礼・KY活動
            - 他職種や現場監督との調整
            - 特定技能1号の後輩の指導

            ## 応募資格
            建設分野の特定技能2号（または2号評価試験合格）、班長経験3年以上、日本語能力試験N3程度。

            ## 待遇
            年収480万円～600万円、社会保険完備。ご家族の帯同が可能で、家族向け住宅探しと住宅手当で支援します。
        """,
    ),
    _listing(
        company="aozora",
        sector="construction",
        statuses=["ssw-1"],
        prefecture_code="34",
        city="Hiroshima",
        salary_min=210_000,
        salary_max=250_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="nijiiro",
        openings=2,
        start_in_days=70,
        days_ago=2,
        status="pending",
        title_ja="【特定技能1号】内装仕上げ工（ボード・クロス）広島市",
        description_ja="""
            ## 仕事内容
            マンションや店舗の内装仕上げ工事です。
            - 石膏ボードの張り付け
            - 壁紙（クロス）貼り
            - 床材の施工、現場の清掃

            ## 待遇
            - 月給210,000円～250,000円
            - 8:00～17:00、日曜・祝日休み、残業は月10～20時間
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃20,000円）、現場までは社用車で送迎

            ## 支援
            登録支援機関が生活相談や日本語学習の機会を提供します。建設キャリアアップシステムへの登録も会社が行います。
        """,
    ),
    _listing(
        company="aozora",
        sector="construction",
        statuses=["ssw-1", "technical-intern"],
        prefecture_code="43",
        city="Koshi",
        salary_min=215_000,
        salary_max=260_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kotoba",
        openings=3,
        start_in_days=55,
        days_ago=18,
        title_en="Earthwork and heavy machinery operator in Koshi, Kumamoto",
        description_en="""
            ## Duties
            Prepare land for new factories and roads around Koshi City.
            - Operate excavators and wheel loaders (we pay for licence training)
            - Lay drainage pipes and compact soil
            - Guide dump trucks safely on site

            ## Conditions
            - Monthly ¥215,000–¥260,000, raised as you gain machinery licences
            - Monday to Saturday, with two Saturdays off a month
            - Overtime about 15 hours a month, paid at 125%
            - Full social insurance; dormitory rent ¥18,000

            ## Support
            A registered support organisation handles your support plan, and our foreman
            speaks Vietnamese.
        """,
    ),
    _listing(
        company="aozora",
        sector="construction",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="14",
        city="Yokohama",
        salary_min=240_000,
        salary_max=320_000,
        jp_level="n4",
        skills_test_required=True,
        experience_years=1,
        housing="provided",
        visa_support=True,
        support="kakehashi",
        nationalities=["VN", "PH", "ID"],
        openings=4,
        start_in_days=40,
        days_ago=9,
        title_en="Scaffolder (tobi) for high-rise sites in Yokohama (SSW)",
        description_en="""
            ## Duties
            - Assemble and dismantle system scaffolding on apartment and office projects
            - Lift materials by crane using hand signals
            - Inspect harnesses and guard rails every day

            ## Requirements
            Construction skills test (scaffolding) or TITP (ii) in tobi work, and at least
            one year on site.

            ## Conditions
            - Monthly ¥240,000–¥320,000 plus a height-work allowance
            - Sundays off, overtime about 20 hours a month
            - 社会保険完備; company dormitory, rent ¥30,000
            - Company van from the dormitory to the site
        """,
        title_ja="【特定技能】とび工（足場組立）横浜市",
        description_ja="""
            ## 仕事内容
            横浜市内のマンション・オフィスビル現場で足場の組立・解体を行います。
            - システム足場の組立・解体
            - クレーンでの資材の荷揚げ・合図
            - 安全帯や手すりの点検

            ## 待遇
            - 月給240,000円～320,000円、高所作業手当あり
            - 日曜休み、残業は月20時間程度
            - 社会保険完備、寮完備（家賃30,000円）
            - 寮から現場まで社用車で送迎

            登録支援機関が入国前の準備から生活面まで支援します。
        """,
    ),
    _listing(
        company="aozora",
        sector="shipbuilding",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="38",
        city="Imabari",
        salary_min=215_000,
        salary_max=265_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=5,
        start_in_days=80,
        days_ago=11,
        title_ja="【特定技能1号・2号】造船所での溶接工（今治市）",
        description_ja="""
            ## 仕事内容
            当社グループが今治市の造船所構内で請け負う、船体ブロックの溶接作業です。
            - 炭酸ガスアーク溶接による船体ブロックの溶接
            - 溶接前の開先確認と仮付け
            - 作業後の外観検査・清掃

            ## 応募条件
            造船・舶用工業分野特定技能評価試験（溶接）合格、または技能実習2号を良好に修了した方。

            ## 待遇
            - 月給215,000円～265,000円、賞与年2回
            - 社会保険完備、年間休日105日
            - 寮完備（家賃15,000円、自転車貸与）
            - 支援計画は当社が実施し、通訳スタッフが常駐しています
        """,
    ),
    _listing(
        company="mizuiro",
        sector="shipbuilding",
        statuses=["ssw-1", "ssw-2", "technical-intern"],
        prefecture_code="34",
        city="Kure",
        salary_min=205_000,
        salary_max=250_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="himawari",
        openings=3,
        start_in_days=65,
        days_ago=16,
        title_en="Marine engine parts machinist in Kure (SSW shipbuilding)",
        description_en="""
            ## Duties
            Machine and finish parts for marine diesel engines at our Kure plant.
            - Operate lathes and machining centres
            - Measure parts with micrometers and gauges
            - Deburr, clean and pack finished parts

            ## Requirements
            Shipbuilding and marine industry skills test (machining), or TITP (ii) in a
            related job.

            ## Conditions
            - Monthly ¥205,000–¥250,000 plus a shift allowance
            - Two shifts, alternating weekly; overtime about 15 hours a month
            - Full social insurance, paid leave, summer and New Year holidays
            - Dormitory 10 minutes away by bicycle, rent ¥17,000
            - Support plan run by a registered support organisation
        """,
    ),
    _listing(
        company="aozora",
        sector="shipbuilding",
        statuses=["ssw-1"],
        prefecture_code="42",
        city="Sasebo",
        salary_min=200_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kotoba",
        openings=2,
        start_in_days=30,
        days_ago=48,
        status="expired",
        title_en="Hull outfitting worker at a shipyard in Sasebo (SSW i)",
        description_en="""
            ## Duties
            - Fit steel brackets, pipes and fittings inside hull blocks
            - Use gas-cutting and grinding tools
            - Support crane work when blocks are moved

            ## Conditions
            - Monthly ¥200,000–¥240,000, bonus twice a year
            - 8:00–17:00, weekends off except in the weeks before a launch
            - Overtime up to 20 hours a month; paid leave
            - 社会保険完備; dormitory rent ¥16,000; commute allowance if you use your own
              transport

            ## Support
            A registered support organisation helps with daily life and Japanese classes.
        """,
        title_ja="【特定技能1号】船体の艤装・鉄工作業員（佐世保市）",
        description_ja="""
            ## 仕事内容
            佐世保市の造船所で、船体ブロック内の艤装・鉄工作業を担当します。
            - ブラケットや配管の取り付け
            - ガス切断・グラインダー作業
            - ブロック移動時のクレーン作業補助

            ## 待遇
            - 月給200,000円～240,000円、賞与年2回
            - 8:00～17:00、土日休み（進水前は出勤あり）
            - 社会保険完備、寮完備（家賃16,000円）

            登録支援機関が生活支援と日本語学習をサポートします。
        """,
    ),
    _listing(
        company="aozora",
        sector="railway",
        statuses=["ssw-1"],
        prefecture_code="11",
        city="Saitama",
        salary_min=215_000,
        salary_max=255_000,
        jp_level="n4",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        support="kakehashi",
        openings=3,
        start_in_days=90,
        days_ago=13,
        title_ja="【特定技能1号】鉄道の軌道整備スタッフ（さいたま市）",
        description_ja="""
            ## 仕事内容
            終電後から始発までの時間帯に、線路の保守・点検を行います。
            - レールや枕木の交換
            - バラスト（砕石）の整正
            - 保守用機械の操作補助

            ## 応募条件
            鉄道分野特定技能1号評価試験（軌道整備）合格、日本語能力試験N4以上。

            ## 待遇
            - 月給215,000円～255,000円、夜勤手当は別途支給
            - 夜勤中心（週4～5日）、残業は月10時間程度
            - 社会保険完備、有給休暇あり
            - 住宅手当20,000円、通勤手当支給

            ## 支援
            登録支援機関が生活オリエンテーションと定期面談を行います。
        """,
    ),
    _listing(
        company="mizuiro",
        sector="railway",
        statuses=["ssw-1"],
        prefecture_code="28",
        city="Kobe",
        salary_min=215_000,
        salary_max=250_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=2,
        start_in_days=100,
        days_ago=22,
        title_en="Rolling stock assembly worker in Kobe (SSW railway)",
        description_en="""
            ## Duties
            Build and refurbish commuter train cars at our Kobe rolling-stock plant.
            - Install wiring, seats and interior panels
            - Fit under-floor equipment with torque tools
            - Check your work against inspection sheets

            ## Requirements
            Railway SSW (i) skills test in rolling stock manufacturing, and JLPT N4 or
            JFT-Basic.

            ## Conditions
            - Monthly ¥215,000–¥250,000, bonus twice a year
            - Day shift, weekends off, overtime about 10 hours a month
            - Full social insurance, 121 days off a year
            - Company dormitory, rent ¥20,000; commute allowance

            We run the support plan ourselves with a Vietnamese-speaking coordinator.
        """,
    ),
    # --- Industrial products, automobile repair and aviation ------------------------
    _listing(
        company="mizuiro",
        sector="industrial-products",
        statuses=["ssw-1", "ssw-2", "technical-intern"],
        prefecture_code="23",
        city="Okazaki",
        salary_min=215_000,
        salary_max=265_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="himawari",
        openings=4,
        start_in_days=45,
        days_ago=3,
        title_en="CNC machining operator in Okazaki (SSW industrial products)",
        description_en="""
            ## Duties
            Machine automotive and hydraulic parts on CNC lathes and machining centres.
            - Set workpieces and start programmes
            - Measure parts and record results
            - Change tools and do daily maintenance

            ## Requirements
            Industrial product manufacturing skills test (machining) or TITP (ii) in machining.

            ## Conditions
            - Monthly ¥215,000–¥265,000; night-shift allowance
            - Two shifts, Monday to Friday; overtime about 20 hours a month
            - 社会保険完備, paid leave, bonus twice a year
            - Dormitory rent ¥20,000, five minutes' walk from the plant

            ## Support
            A registered support organisation handles airport pick-up, orientation and
            quarterly interviews.
        """,
        title_ja="【特定技能1号・2号】CNC機械加工オペレーター（岡崎市）",
        description_ja="""
            ## 仕事内容
            自動車・油圧機器部品のCNC旋盤・マシニングセンタによる加工です。
            - 材料のセットとプログラムの起動
            - 寸法測定と記録
            - 工具交換と日常点検

            ## 待遇
            - 月給215,000円～265,000円、夜勤手当あり
            - 2交替制（月～金）、残業は月20時間程度
            - 社会保険完備、賞与年2回
            - 寮完備（家賃20,000円・工場まで徒歩5分）

            登録支援機関が空港送迎から定期面談まで支援します。
        """,
    ),
    _listing(
        company="mizuiro",
        sector="industrial-products",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="23",
        city="Toyota",
        salary_min=220_000,
        salary_max=270_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        nationalities=["NP", "PK"],
        openings=5,
        start_in_days=60,
        days_ago=15,
        title_ja="【特定技能】金属プレス加工スタッフ（豊田市・寮完備）",
        description_ja="""
            ## 仕事内容
            自動車のボディ部品を生産するプレスラインでの作業です。
            - 材料の投入と製品の取り出し
            - 金型交換の補助
            - 製品の外観検査と梱包

            ## 応募条件
            工業製品製造業分野特定技能1号評価試験に合格し、日本語能力試験N4以上の方（2号の方も歓迎）。

            ## 待遇
            - 月給220,000円～270,000円、交替手当あり
            - 2交替制、残業は月20～30時間
            - 社会保険完備、年間休日121日
            - 寮完備（家賃18,000円）
            - 支援計画は当社が実施し、ネパール語・ウルドゥー語の相談窓口があります
        """,
    ),
    _listing(
        company="mizuiro",
        sector="industrial-products",
        statuses=["ssw-1"],
        prefecture_code="22",
        city="Hamamatsu",
        salary_min=1_250,
        salary_max=1_400,
        salary_period="hourly",
        jp_level="jft-a2",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kakehashi",
        openings=6,
        start_in_days=30,
        days_ago=1,
        title_en="Electronics assembly line worker in Hamamatsu (hourly, SSW i)",
        description_en="""
            ## Duties
            Assemble control boards for motorcycles and outboard motors.
            - Insert and solder components
            - Run functional tests on finished boards
            - Inspect boards under magnifiers

            ## Conditions
            - Full-time, 7:45–16:45 with a one-hour break, Monday to Friday
            - Hourly ¥1,250–¥1,400; overtime at 125%, usually 10 hours a month
            - Full social insurance and paid leave
            - Dormitory rent ¥19,000 with free Wi-Fi
            - Commute allowance if you live outside the dormitory

            ## Support
            A registered support organisation runs orientation and Japanese classes in
            Vietnamese and Indonesian.
        """,
    ),
    _listing(
        company="mizuiro",
        sector="industrial-products",
        statuses=["ssw-1", "skill-development"],
        prefecture_code="10",
        city="Ota",
        salary_min=200_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=3,
        start_in_days=110,
        days_ago=0,
        status="draft",
        title_en="Plastic injection moulding operator in Ota, Gunma",
        description_en="""
            ## Duties
            Produce plastic interior parts for cars on our injection moulding machines.
            - Feed resin and remove moulded parts
            - Trim and inspect parts for defects
            - Help change moulds under a team leader

            ## Conditions
            - Monthly ¥200,000–¥240,000
            - Two shifts, days one week and nights the next; overtime about 15 hours a month
            - Full social insurance, paid leave
            - Dormitory rent ¥16,000

            We also plan to accept workers under the Employment for Skill Development system
            once it begins.
        """,
        title_ja="【特定技能1号・育成就労】プラスチック射出成形オペレーター（太田市）",
        description_ja="""
            ## 仕事内容
            自動車内装部品の射出成形作業です。
            - 材料の投入と成形品の取り出し
            - バリ取り・外観検査
            - 金型交換の補助

            ## 待遇
            - 月給200,000円～240,000円
            - 2交替制（日勤・夜勤の週替わり）、残業は月15時間程度
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃16,000円）

            育成就労制度の開始後は、同制度での受け入れも予定しています。
        """,
    ),
    _listing(
        company="mizuiro",
        sector="industrial-products",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="21",
        city="Seki",
        salary_min=205_000,
        salary_max=255_000,
        jp_level="n4",
        skills_test_required=True,
        experience_years=1,
        housing="supported",
        visa_support=True,
        support="nijiiro",
        openings=2,
        start_in_days=50,
        days_ago=19,
        title_en="Welder for steel frames and machinery in Seki, Gifu (SSW)",
        description_en="""
            ## Duties
            Weld steel frames for packaging and agricultural machinery.
            - TIG and semi-automatic welding
            - Grind and finish welded parts
            - Check dimensions against drawings

            ## Requirements
            One year of welding experience, plus the industrial products skills test
            (welding) or TITP (ii) in welding.

            ## Conditions
            - Monthly ¥205,000–¥255,000, with an allowance for welding certificates
            - Day shift, weekends off, overtime about 15 hours a month
            - 社会保険完備, bonus twice a year
            - Rent support up to ¥20,000; commute allowance
        """,
        title_ja="【特定技能】溶接工（産業機械フレーム）岐阜県関市",
        description_ja="""
            ## 仕事内容
            包装機械や農業機械に使う鋼製フレームの溶接です。
            - TIG溶接・半自動溶接
            - 溶接部の仕上げ
            - 図面との寸法確認

            ## 待遇
            - 月給205,000円～255,000円、溶接資格手当あり
            - 日勤のみ、土日休み、残業は月15時間程度
            - 社会保険完備、賞与年2回
            - 住宅手当最大20,000円、通勤手当支給

            登録支援機関が生活面の相談に対応します。
        """,
    ),
    _listing(
        company="mizuiro",
        sector="automobile-repair",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="23",
        city="Nagoya",
        salary_min=220_000,
        salary_max=280_000,
        jp_level="n4",
        skills_test_required=True,
        experience_years=1,
        english_ok=True,
        housing="supported",
        visa_support=True,
        openings=2,
        start_in_days=40,
        days_ago=6,
        title_en="Automotive mechanic at a service centre in Nagoya (SSW)",
        description_en="""
            ## Duties
            Maintain and repair passenger cars at our group's service centre.
            - Statutory inspections (shaken) and periodic maintenance
            - Replace brakes, tyres, batteries and fluids
            - Use diagnostic scanners and explain findings to the service advisor

            ## Requirements
            Automobile repair SSW skills test or a Grade 3 mechanic certificate, and one year
            of experience. Our team leader speaks English.

            ## Conditions
            - Monthly ¥220,000–¥280,000, plus an allowance once you hold Grade 2
            - Weekday rest days in rotation, 115 days off a year
            - Full social insurance; rent support ¥25,000; commute allowance
            - We pay for Grade 2 mechanic exam preparation
        """,
    ),
    _listing(
        company="mizuiro",
        sector="automobile-repair",
        statuses=["ssw-1", "technical-intern"],
        prefecture_code="09",
        city="Utsunomiya",
        salary_min=200_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="himawari",
        openings=2,
        start_in_days=60,
        days_ago=25,
        title_ja="【特定技能1号】自動車整備士（宇都宮市・寮完備）",
        description_ja="""
            ## 仕事内容
            乗用車・軽自動車の点検整備を行います。
            - 車検・法定点検
            - オイル・タイヤ・ブレーキパッドの交換
            - 故障診断機を使った点検

            ## 応募条件
            自動車整備分野特定技能評価試験の合格者、3級自動車整備士、または技能実習2号を良好に修了した方。

            ## 待遇
            - 月給200,000円～240,000円
            - シフト制、年間休日110日
            - 社会保険完備、寮完備（家賃17,000円）
            - 2級整備士の資格取得を支援

            登録支援機関が生活面をサポートします。
        """,
    ),
    _listing(
        company="mizuiro",
        sector="automobile-repair",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="47",
        city="Naha",
        salary_min=195_000,
        salary_max=235_000,
        jp_level="n4",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        support="kotoba",
        openings=2,
        start_in_days=75,
        days_ago=30,
        title_en="Rental car and fleet mechanic in Naha, Okinawa (SSW)",
        description_en="""
            ## Duties
            Keep a fleet of rental cars and minibuses safe for tourists.
            - Daily and periodic inspections
            - Oil, tyre and brake work
            - Record all maintenance in the fleet system

            ## Conditions
            - Monthly ¥195,000–¥235,000; busy-season bonus in summer
            - Shift work, 8 days off a month
            - 社会保険完備, paid leave
            - We help you rent an apartment and add ¥20,000 a month toward rent

            ## Support
            A registered support organisation gives life orientation and regular interviews
            in English.
        """,
        title_ja="【特定技能】レンタカー整備スタッフ（那覇市）",
        description_ja="""
            ## 仕事内容
            観光客向けレンタカー・マイクロバスの点検整備です。
            - 日常点検・定期点検
            - オイル・タイヤ・ブレーキの整備
            - 整備記録の入力

            ## 待遇
            - 月給195,000円～235,000円、夏季繁忙期手当あり
            - シフト制（月8日休み）
            - 社会保険完備、有給休暇あり
            - 住宅手当20,000円

            登録支援機関が生活オリエンテーションと定期面談を行います。
        """,
    ),
    _listing(
        company="mizuiro",
        sector="aviation",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="12",
        city="Narita",
        salary_min=225_000,
        salary_max=265_000,
        jp_level="n4",
        skills_test_required=True,
        english_ok=True,
        housing="provided",
        visa_support=True,
        openings=6,
        start_in_days=60,
        days_ago=4,
        title_en="Airport ground handling staff at Narita (SSW aviation)",
        description_en="""
            ## Duties
            Work on the ramp for domestic and international flights.
            - Load and unload baggage and cargo
            - Drive towing tractors and belt loaders (in-house licence course)
            - Guide aircraft to the gate and place chocks

            ## Requirements
            Aviation SSW skills test (ground handling) and JLPT N4 or JFT-Basic. English is
            used with foreign crews.

            ## Conditions
            - Monthly ¥225,000–¥265,000 including shift allowance
            - Rotating shifts between 5:00 and 24:00, about 9 days off a month
            - Full social insurance; dormitory rent ¥28,000; free staff bus to the airport
            - We run the support plan in-house
        """,
    ),
    _listing(
        company="mizuiro",
        sector="aviation",
        statuses=["ssw-1"],
        prefecture_code="46",
        city="Kirishima",
        salary_min=205_000,
        salary_max=245_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="tsubasa",
        openings=2,
        start_in_days=90,
        days_ago=1,
        status="pending",
        title_ja="【特定技能1号】航空機整備の補助スタッフ（霧島市）",
        description_ja="""
            ## 仕事内容
            鹿児島空港の格納庫で、整備士の指示のもと航空機整備の補助を行います。
            - 部品の取り外し・取り付けの補助
            - 機体の清掃・給油脂
            - 工具・部品の管理

            ## 応募条件
            航空分野特定技能1号評価試験（航空機整備）合格、日本語能力試験N4以上。

            ## 待遇
            - 月給205,000円～245,000円
            - シフト制、年間休日115日
            - 社会保険完備、寮完備（家賃15,000円）

            登録支援機関が生活面の支援を行います。
        """,
    ),
    # --- Accommodation, automobile transport and food service -----------------------
    _listing(
        company="kotonoha",
        sector="accommodation",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="21",
        city="Takayama",
        salary_min=200_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        english_ok=True,
        housing="provided",
        visa_support=True,
        support="kakehashi",
        openings=3,
        start_in_days=45,
        days_ago=5,
        title_en="Ryokan guest service staff in Takayama (SSW accommodation)",
        description_en="""
            ## Duties
            Welcome guests from Japan and abroad at our 40-room hot-spring ryokan.
            - Check-in and check-out at the front desk
            - Serve kaiseki dinners and breakfast
            - Guide guests to the baths and around the old town

            ## Requirements
            Accommodation SSW skills test and JLPT N4; English or Chinese is a plus.

            ## Conditions
            - Monthly ¥200,000–¥240,000
            - Split shifts on some days; 8–9 days off a month
            - 社会保険完備, paid leave
            - Staff dormitory with meals, rent ¥12,000
        """,
        title_ja="【特定技能】旅館の接客・フロントスタッフ（高山市）",
        description_ja="""
            ## 仕事内容
            客室40室の温泉旅館での接客業務です。
            - フロントでのチェックイン・チェックアウト
            - 会席料理の配膳
            - 館内や古い町並みのご案内

            ## 応募条件
            宿泊分野特定技能評価試験合格、日本語能力試験N4以上。英語・中国語ができる方歓迎。

            ## 待遇
            - 月給200,000円～240,000円
            - シフト制（中抜けあり）、月8～9日休み
            - 社会保険完備、寮完備（食事付き・家賃12,000円）

            登録支援機関が生活面を支援します。
        """,
    ),
    _listing(
        company="kotonoha",
        sector="accommodation",
        statuses=["ssw-1"],
        prefecture_code="26",
        city="Kyoto",
        salary_min=205_000,
        salary_max=235_000,
        jp_level="n4",
        skills_test_required=True,
        english_ok=True,
        housing="supported",
        visa_support=True,
        openings=2,
        start_in_days=30,
        days_ago=8,
        title_en="Hotel front desk and guest services in Kyoto (SSW i)",
        description_en="""
            ## Duties
            Our 120-room city hotel near Kyoto Station serves many overseas travellers.
            - Front desk check-in, check-out and reservations
            - Concierge help with sightseeing and transport
            - Support breakfast service and room checks when needed

            ## Requirements
            Accommodation SSW skills test and JLPT N4 or JFT-Basic. Good English is a big
            plus.

            ## Conditions
            - Monthly ¥205,000–¥235,000; night-shift allowance
            - Shift work with 9 days off a month
            - Full social insurance, paid leave, staff meals
            - Rent support ¥20,000 a month; commute allowance

            We carry out the SSW support plan ourselves.
        """,
    ),
    _listing(
        company="kotonoha",
        sector="accommodation",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="20",
        city="Matsumoto",
        salary_min=195_000,
        salary_max=230_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=2,
        start_in_days=60,
        days_ago=21,
        title_ja="【特定技能1号・2号】温泉ホテルのサービススタッフ（松本市）",
        description_ja="""
            ## 仕事内容
            北アルプスを望む温泉ホテル（客室70室）での宿泊サービス業務です。
            - フロント・予約対応
            - レストランでの配膳・下膳
            - 客室の点検とアメニティ補充

            ## 待遇
            - 月給195,000円～230,000円
            - シフト制、月9日休み、残業は月10時間程度
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃15,000円・水道光熱費込み）、まかない付き

            ## 支援
            支援計画は当社が実施し、冬の暮らし（雪道・暖房）についてもオリエンテーションを行います。
        """,
    ),
    _listing(
        company="kotonoha",
        sector="automobile-transport",
        statuses=["ssw-1"],
        prefecture_code="27",
        city="Sakai",
        salary_min=240_000,
        salary_max=290_000,
        jp_level="n4",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        support="nijiiro",
        openings=2,
        start_in_days=90,
        days_ago=10,
        title_en="Delivery truck driver for our central kitchen, Sakai (SSW i)",
        description_en="""
            ## Duties
            Drive a 4-tonne refrigerated truck from our kitchen to 15–20 restaurants in Osaka.
            - Load chilled and frozen goods in the morning
            - Follow fixed routes and delivery times
            - Do daily vehicle checks and alcohol tests

            ## Requirements
            Automobile transportation SSW test (truck), JLPT N4 or higher, and a Japanese
            driving licence or a foreign licence you can convert. We help with the conversion.

            ## Conditions
            - Monthly ¥240,000–¥290,000; no overnight long-distance trips
            - Full social insurance, paid leave; rent support ¥20,000

            A registered support organisation carries out your support plan.
        """,
    ),
    _listing(
        company="mizuiro",
        sector="automobile-transport",
        statuses=["ssw-1"],
        prefecture_code="23",
        city="Kasugai",
        salary_min=250_000,
        salary_max=300_000,
        jp_level="n4",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        openings=3,
        start_in_days=100,
        days_ago=17,
        title_ja="【特定技能1号】トラックドライバー（部品配送・春日井市）",
        description_ja="""
            ## 仕事内容
            当社工場と自動車メーカー各工場の間で、部品を中型トラックで配送します。
            - 決まったルートでの定期便運行
            - フォークリフトでの積み下ろし
            - 運行前点検・アルコールチェック

            ## 応募条件
            自動車運送業分野特定技能評価試験（トラック）合格、日本語能力試験N4以上、日本の運転免許（外国免許からの切替を含む）。

            ## 待遇
            - 月給250,000円～300,000円、日帰り運行のみ
            - 社会保険完備、年間休日105日
            - 住宅手当20,000円

            支援計画は当社が実施します。
        """,
    ),
    _listing(
        company="kotonoha",
        sector="automobile-transport",
        statuses=["ssw-1"],
        prefecture_code="47",
        city="Nago",
        salary_min=230_000,
        salary_max=270_000,
        jp_level="n3",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kotoba",
        openings=1,
        start_in_days=120,
        days_ago=12,
        title_en="Resort shuttle bus driver in Nago, Okinawa (SSW i)",
        description_en="""
            ## Duties
            Drive our resort's shuttle bus between the hotel, the airport bus terminal and
            nearby beaches.
            - Drive safely to set timetables
            - Help guests with luggage
            - Inspect and clean the bus every day

            ## Requirements
            Automobile transportation SSW test (bus), JLPT N3 and a Japanese Class-2 licence
            (二種免許). We support licence training after arrival.

            ## Conditions
            - Monthly ¥230,000–¥270,000
            - Shift work, 9 days off a month
            - 社会保険完備; staff dormitory, rent ¥15,000
        """,
        title_ja="【特定技能1号】リゾートの送迎バス運転士（名護市）",
        description_ja="""
            ## 仕事内容
            リゾートホテルと空港バスターミナル、近隣のビーチを結ぶ送迎バスの運転業務です。
            - 時刻表に沿った安全運行
            - お客様の荷物の積み下ろし
            - 車両の日常点検・清掃

            ## 応募条件
            自動車運送業分野特定技能評価試験（バス）合格、日本語能力試験N3以上、第二種運転免許（入国後の取得支援あり）。

            ## 待遇
            月給230,000円～270,000円、月9日休み、社会保険完備、寮完備（家賃15,000円）。登録支援機関が生活面を支援します。
        """,
    ),
    _listing(
        company="kotonoha",
        sector="food-service",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="27",
        city="Osaka",
        salary_min=215_000,
        salary_max=255_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        nationalities=["NP", "LK"],
        openings=4,
        start_in_days=30,
        days_ago=3,
        title_ja="【特定技能1号・2号】居酒屋の調理・ホールスタッフ（大阪市）",
        description_ja="""
            ## 仕事内容
            大阪市内の居酒屋での調理補助とホール業務です。
            - 焼き鳥・揚げ物などの仕込みと調理
            - 注文受け・配膳・レジ
            - 閉店後の清掃と衛生管理

            ## 応募条件
            外食業分野特定技能1号評価試験合格、日本語能力試験N4以上。2号の方は店長候補として歓迎します。

            ## 待遇
            - 月給215,000円～255,000円、深夜手当あり
            - シフト制（月8日休み）、残業は月20時間程度
            - 社会保険完備、まかない付き
            - 寮完備（家賃25,000円）
        """,
    ),
    _listing(
        company="kotonoha",
        sector="food-service",
        statuses=["ssw-1", "no-restriction"],
        prefecture_code="13",
        city="Shibuya",
        salary_min=225_000,
        salary_max=260_000,
        jp_level="jft-a2",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        support="himawari",
        openings=2,
        start_in_days=40,
        days_ago=9,
        title_en="Ramen shop kitchen staff in Shibuya, Tokyo (SSW i)",
        description_en="""
            ## Duties
            Cook and serve at our busy ramen shop near Shibuya Station.
            - Prepare soup, noodles and toppings
            - Take orders from the ticket machine and serve customers
            - Keep the kitchen clean to our HACCP standards

            ## Requirements
            Food service SSW test and JFT-Basic or JLPT N4. Permanent residents and spouses
            of Japanese nationals are also welcome.

            ## Conditions
            - Monthly ¥225,000–¥260,000; late-night allowance
            - 8 days off a month, overtime about 15 hours
            - Full social insurance, staff meals
            - Rent support ¥30,000; commute allowance

            A registered support organisation supports our SSW staff.
        """,
    ),
    _listing(
        company="kotonoha",
        sector="food-service",
        statuses=["student", "no-restriction"],
        prefecture_code="28",
        city="Kobe",
        employment_type="part_time",
        salary_min=1_200,
        salary_max=1_400,
        salary_period="hourly",
        jp_level="n3",
        english_ok=True,
        openings=3,
        start_in_days=14,
        days_ago=2,
        title_en="Part-time restaurant floor staff in Kobe (students welcome)",
        description_en="""
            ## Duties
            - Greet guests, take orders on a handheld device and serve food
            - Clear tables and help in the dish area
            - Help English-speaking guests with the menu

            ## Who can apply
            International students with permission to work part-time (up to 28 hours a week
            in term time) and residents with no work restriction.

            ## Conditions
            - Hourly ¥1,200–¥1,400, with the late-night rate after 22:00
            - Choose 3–5 shifts a week, from 3 hours each
            - Transport costs paid; staff meals at half price
        """,
        title_ja="ファミリーレストランのホールスタッフ（アルバイト・神戸市）",
        description_ja="""
            ## 仕事内容
            - ご案内、ハンディ端末での注文受け、配膳
            - 片付け・洗い場の補助
            - 英語メニューでの外国人のお客様対応

            ## 応募資格
            資格外活動許可のある留学生（週28時間以内）、永住者・定住者など就労制限のない方。

            ## 待遇
            - 時給1,200円～1,400円、22時以降は深夜割増
            - 週3日・1日3時間からOK
            - 交通費支給、まかない半額
        """,
    ),
    _listing(
        company="kotonoha",
        sector="food-service",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="04",
        city="Sendai",
        salary_min=210_000,
        salary_max=250_000,
        jp_level="n3",
        skills_test_required=True,
        experience_years=2,
        housing="supported",
        visa_support=True,
        support="tsubasa",
        openings=1,
        start_in_days=30,
        days_ago=45,
        status="expired",
        title_ja="【特定技能】ファミリーレストランのシフトリーダー（仙台市）",
        description_ja="""
            ## 仕事内容
            ファミリーレストランで調理・ホールを担当しながら、シフトリーダーとして店舗運営を支えます。
            - 調理・接客・清掃
            - アルバイトスタッフの指導
            - 発注と在庫管理の補助

            ## 応募条件
            外食業分野の特定技能1号または2号、飲食店での経験2年以上、日本語能力試験N3程度。

            ## 待遇
            - 月給210,000円～250,000円
            - シフト制（月8日休み）
            - 社会保険完備、住宅手当15,000円

            1号の方には登録支援機関が生活面の支援を行います。
        """,
    ),
    # --- Agriculture, fishery and food manufacturing --------------------------------
    _listing(
        company="shiosai",
        sector="agriculture",
        statuses=["ssw-1", "technical-intern"],
        prefecture_code="38",
        city="Uwajima",
        salary_min=190_000,
        salary_max=220_000,
        jp_level="jft-a2",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kotoba",
        openings=4,
        start_in_days=60,
        days_ago=7,
        title_en="Citrus orchard worker in Uwajima, Ehime (SSW agriculture)",
        description_en="""
            ## Duties
            Grow mikan and blood oranges on hillside orchards facing the sea.
            - Pruning, fertilising and thinning fruit
            - Harvesting from October to March
            - Sorting and packing at our packing house

            ## Requirements
            Agriculture SSW skills test (crop farming) and JFT-Basic or JLPT N4, or TITP (ii)
            in agriculture.

            ## Conditions
            - Monthly ¥190,000–¥220,000, paid every month all year
            - 8:00–17:00, Sundays off; extra days off in summer
            - Full social insurance, paid leave
            - Furnished dormitory, rent ¥12,000; bicycles and a shared car

            ## Support
            A registered support organisation with Tagalog-speaking staff helps with daily
            life.
        """,
    ),
    _listing(
        company="shiosai",
        sector="agriculture",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="08",
        city="Hokota",
        salary_min=195_000,
        salary_max=230_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=3,
        start_in_days=45,
        days_ago=14,
        title_ja="【特定技能1号・2号】施設園芸スタッフ（メロン・トマト）鉾田市",
        description_ja="""
            ## 仕事内容
            ビニールハウスでのメロン・ミニトマトの栽培と収穫です。
            - 定植・誘引・芽かき
            - 収穫と選果・箱詰め
            - ハウス内の温度・かん水管理

            ## 応募条件
            農業技能測定試験（耕種農業全般）合格、日本語能力試験N4以上、または農業分野の技能実習2号修了者。

            ## 待遇
            - 月給195,000円～230,000円（通年雇用）
            - 日曜休み＋月2日、残業は繁忙期のみ月10時間程度
            - 社会保険完備、寮完備（家賃15,000円）

            支援計画は当社が実施します。
        """,
    ),
    _listing(
        company="shiosai",
        sector="agriculture",
        statuses=["ssw-1"],
        prefecture_code="01",
        city="Obihiro",
        employment_type="seasonal",
        salary_min=1_150,
        salary_max=1_250,
        salary_period="hourly",
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="tsubasa",
        openings=6,
        start_in_days=60,
        days_ago=10,
        title_en="Seasonal farm worker, potatoes and onions in Obihiro (SSW i)",
        description_en="""
            ## Duties
            Work the April–November field season on our large farms in the Tokachi plain.
            - Planting and weeding
            - Working alongside harvesters with our drivers
            - Sorting and packing at the warehouse

            ## Conditions
            - Seasonal contract, April to November
            - Hourly ¥1,150–¥1,250; overtime at 125% during harvest
            - 社会保険完備 during the contract, paid leave
            - Dormitory rent ¥10,000 with free Wi-Fi
            - In winter you can move to our greenhouse farm in Kagoshima

            ## Support
            A registered support organisation also arranges the move between regions.
        """,
        title_ja="【特定技能1号・季節雇用】畑作スタッフ（じゃがいも・玉ねぎ）帯広市",
        description_ja="""
            ## 仕事内容
            十勝平野の大規模畑作農場での作業です（4月～11月）。
            - 植え付け・除草
            - 収穫機械の補助作業
            - 倉庫での選別・箱詰め

            ## 待遇
            - 時給1,150円～1,250円、収穫期の残業は割増支給
            - 社会保険完備、寮完備（家賃10,000円・Wi-Fi無料）
            - 冬季は鹿児島の農場で勤務を続けることも可能

            登録支援機関が地域間の移動も含めて支援します。
        """,
    ),
    _listing(
        company="shiosai",
        sector="agriculture",
        statuses=["ssw-1"],
        prefecture_code="20",
        city="Saku",
        employment_type="seasonal",
        salary_min=200_000,
        salary_max=230_000,
        jp_level="jft-a2",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kakehashi",
        openings=5,
        start_in_days=100,
        days_ago=1,
        status="pending",
        title_en="Highland lettuce harvest crew in Saku, Nagano (seasonal)",
        description_en="""
            ## Duties
            Harvest lettuce and cabbage on highland farms from May to October.
            - Early-morning harvest (from about 4:00 in summer)
            - Cutting, trimming and packing into boxes
            - Loading boxes for the market

            ## Conditions
            - Seasonal contract, May to October
            - Monthly ¥200,000–¥230,000; afternoons are usually free
            - Full social insurance and paid leave
            - Shared house near the fields, rent ¥10,000 including utilities

            ## Support
            A registered support organisation provides orientation, help at city hall and
            regular interviews. The agriculture SSW test and JFT-Basic or JLPT N4 are required.
        """,
    ),
    _listing(
        company="shiosai",
        sector="agriculture",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="46",
        city="Kanoya",
        salary_min=200_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=2,
        start_in_days=70,
        days_ago=24,
        title_ja="【特定技能1号・2号】養豚場の飼養管理スタッフ（鹿屋市）",
        description_ja="""
            ## 仕事内容
            母豚800頭規模の養豚場での飼養管理です。
            - 給餌・給水と体調の観察
            - 豚舎の清掃・消毒
            - 分娩・離乳作業の補助

            ## 応募条件
            農業技能測定試験（畜産農業全般）合格、日本語能力試験N4以上。

            ## 待遇
            - 月給200,000円～240,000円
            - シフト制（月8日休み）、残業は月10時間程度
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃12,000円）、運転免許の取得を支援

            支援計画は当社が実施します。
        """,
    ),
    _listing(
        company="shiosai",
        sector="fishery",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="38",
        city="Uwajima",
        salary_min=200_000,
        salary_max=245_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kotoba",
        openings=3,
        start_in_days=50,
        days_ago=6,
        title_en="Red sea bream and pearl aquaculture worker in Uwajima (SSW)",
        description_en="""
            ## Duties
            Work on our fish farms and pearl rafts in the calm bays of Uwajima.
            - Feed fish and check nets by boat
            - Clean and repair cages
            - Harvest and ship fish; care for pearl oysters in season

            ## Requirements
            Fishery SSW test (aquaculture) and JLPT N4 or JFT-Basic, or TITP (ii) in
            aquaculture.

            ## Conditions
            - Monthly ¥200,000–¥245,000
            - Early start, usually finished by 15:00; Sundays off
            - 社会保険完備, paid leave
            - Dormitory rent ¥12,000, five minutes from the port
        """,
        title_ja="【特定技能】マダイ・真珠の養殖スタッフ（宇和島市）",
        description_ja="""
            ## 仕事内容
            宇和島湾でのマダイ養殖と真珠貝の管理です。
            - 船での給餌と網の点検
            - いけすの清掃・補修
            - 出荷作業、時期により真珠貝の手入れ

            ## 待遇
            - 月給200,000円～245,000円
            - 早朝始業、通常15時頃終業、日曜休み
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃12,000円・港まで徒歩5分）

            登録支援機関が生活面を支援します。
        """,
    ),
    _listing(
        company="shiosai",
        sector="fishery",
        statuses=["ssw-1", "technical-intern"],
        prefecture_code="04",
        city="Kesennuma",
        salary_min=210_000,
        salary_max=260_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="himawari",
        nationalities=["ID", "VN"],
        openings=3,
        start_in_days=80,
        days_ago=19,
        title_ja="【特定技能1号】定置網漁の乗組員（気仙沼市）",
        description_ja="""
            ## 仕事内容
            沿岸の定置網漁船に乗り、毎朝の水揚げを行います。日帰りの操業です。
            - 網の引き揚げと魚の取り込み
            - 港での選別・出荷作業
            - 網や漁具の補修

            ## 応募条件
            漁業技能測定試験（漁業）合格、日本語能力試験N4以上、または漁業分野の技能実習2号修了者。

            ## 待遇
            - 月給210,000円～260,000円、大漁手当あり
            - 早朝4時頃に出港し昼過ぎに終業、日曜休み
            - 社会保険完備、寮完備（家賃10,000円）

            登録支援機関が生活面を支援します。
        """,
    ),
    _listing(
        company="shiosai",
        sector="fishery",
        statuses=["ssw-1"],
        prefecture_code="01",
        city="Kushiro",
        salary_min=205_000,
        salary_max=250_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=2,
        start_in_days=90,
        days_ago=0,
        status="draft",
        title_en="Scallop and kelp farming crew in Kushiro, Hokkaido (SSW i)",
        description_en="""
            ## Duties
            Join our coastal crew farming scallops and kelp near Kushiro.
            - Hang and lift scallop lines from small boats
            - Harvest, dry and bundle kelp in summer
            - Repair ropes, buoys and gear in winter

            ## Requirements
            Fishery SSW test (aquaculture) and JFT-Basic or JLPT N4. You should not get
            seasick easily.

            ## Conditions
            - Monthly ¥205,000–¥250,000, paid all year
            - Early starts; most days finish by 14:00
            - Full social insurance, paid leave, winter clothing provided
            - Heated dormitory, rent ¥15,000

            We run the support plan ourselves with an Indonesian-speaking coordinator.
        """,
    ),
    _listing(
        company="shiosai",
        sector="food-manufacturing",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="22",
        city="Yaizu",
        salary_min=200_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="nijiiro",
        openings=4,
        start_in_days=45,
        days_ago=11,
        title_en="Bonito flakes and seafood processing in Yaizu (SSW)",
        description_en="""
            ## Duties
            Make katsuobushi (dried bonito) and frozen seafood at our Yaizu plant.
            - Thaw, cut and boil bonito
            - Run the smoking and drying rooms
            - Inspect, weigh and pack products under HACCP

            ## Conditions
            - Monthly ¥200,000–¥240,000, bonus twice a year
            - Day shift 8:00–17:00; Sundays and every other Saturday off
            - 社会保険完備, paid leave
            - Dormitory rent ¥15,000; commute allowance

            ## Support
            A registered support organisation gives orientation and regular interviews in
            Vietnamese and Indonesian.
        """,
        title_ja="【特定技能】かつお節・水産加工スタッフ（焼津市）",
        description_ja="""
            ## 仕事内容
            焼津工場でのかつお節・冷凍水産品の製造です。
            - カツオの解凍・切断・煮熟
            - 焙乾・乾燥工程の管理
            - HACCPに沿った検品・計量・包装

            ## 待遇
            - 月給200,000円～240,000円、賞与年2回
            - 日勤（8:00～17:00）、日曜と隔週土曜休み
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃15,000円）、通勤手当あり

            登録支援機関がベトナム語・インドネシア語で支援します。
        """,
    ),
    _listing(
        company="kotonoha",
        sector="food-manufacturing",
        statuses=["ssw-1", "technical-intern"],
        prefecture_code="11",
        city="Kawaguchi",
        salary_min=205_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=5,
        start_in_days=40,
        days_ago=8,
        title_ja="【特定技能1号】セントラルキッチンの食品製造スタッフ（川口市）",
        description_ja="""
            ## 仕事内容
            当社セントラルキッチンで、各店舗向けの惣菜・スープ・ソースを製造します。
            - 食材のカット・計量
            - 大型釜での加熱調理
            - 盛り付け・包装・出荷準備

            ## 応募条件
            飲食料品製造業分野特定技能1号技能測定試験合格、日本語能力試験N4以上、または技能実習2号修了者。

            ## 待遇
            - 月給205,000円～240,000円
            - シフト制（早番・遅番）、週休2日
            - 社会保険完備、有給休暇あり
            - 寮完備（家賃22,000円）、通勤手当支給

            支援計画は当社が実施します。
        """,
    ),
    _listing(
        company="shiosai",
        sector="food-manufacturing",
        statuses=["ssw-1", "ssw-2"],
        prefecture_code="02",
        city="Hachinohe",
        salary_min=190_000,
        salary_max=225_000,
        jp_level="jft-a2",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="tsubasa",
        openings=4,
        start_in_days=55,
        days_ago=27,
        title_en="Seafood processing line worker in Hachinohe (SSW i/ii)",
        description_en="""
            ## Duties
            Process squid, mackerel and salmon at our Hachinohe plant.
            - Clean, fillet and slice fish by hand and machine
            - Operate freezers and vacuum packers
            - Check quality and hygiene at every step

            ## Conditions
            - Monthly ¥190,000–¥225,000
            - Day shift 8:00–17:00, about 105 days off a year
            - Overtime 10–20 hours a month in busy seasons, paid at 125%
            - Full social insurance and paid leave
            - Dormitory rent ¥13,000; winter clothing provided

            ## Support
            A registered support organisation handles orientation, city hall procedures and
            quarterly interviews.
        """,
    ),
    # --- Forestry, wood industry and non-SSW professional roles ---------------------
    _listing(
        company="aozora",
        sector="forestry",
        statuses=["ssw-1"],
        prefecture_code="44",
        city="Hita",
        salary_min=200_000,
        salary_max=240_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="kotoba",
        openings=2,
        start_in_days=90,
        days_ago=16,
        title_ja="【特定技能1号】林業作業員（育林・素材生産）日田市",
        description_ja="""
            ## 仕事内容
            日田杉の山林で、植林から伐採までの林業作業を行います。
            - 下刈り・間伐などの育林作業
            - チェーンソーでの伐倒・造材（研修修了後）
            - 林業機械による集材の補助

            ## 応募条件
            林業技能測定試験合格、日本語能力試験N4以上。

            ## 待遇
            - 月給200,000円～240,000円（雨天で作業中止の日も月給保証）
            - 7:30～16:30、日曜・祝日休み
            - 社会保険完備、防護服などの装備は会社支給
            - 寮完備（家賃12,000円）

            登録支援機関と連携して生活面を支援します。
        """,
    ),
    _listing(
        company="shiosai",
        sector="forestry",
        statuses=["ssw-1"],
        prefecture_code="39",
        city="Shimanto",
        salary_min=195_000,
        salary_max=230_000,
        jp_level="jft-a2",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        openings=2,
        start_in_days=75,
        days_ago=20,
        title_en="Forestry worker in Shimanto, Kochi (SSW forestry)",
        description_en="""
            ## Duties
            Look after cedar and cypress forests along the Shimanto River.
            - Planting, weeding and thinning
            - Felling and cutting logs with chainsaws after safety training
            - Maintaining forest roads

            ## Requirements
            Forestry SSW skills test and JFT-Basic or JLPT N4. You should be comfortable
            working on steep slopes.

            ## Conditions
            - Monthly ¥195,000–¥230,000, paid even on rainy days
            - 7:30–16:30, Sundays and national holidays off
            - Full social insurance; safety gear and chainsaw training provided
            - Dormitory rent ¥10,000; work vehicle to the forest

            We carry out the support plan ourselves.
        """,
    ),
    _listing(
        company="aozora",
        sector="wood-industry",
        statuses=["ssw-1"],
        prefecture_code="45",
        city="Miyakonojo",
        salary_min=195_000,
        salary_max=235_000,
        jp_level="n4",
        skills_test_required=True,
        housing="provided",
        visa_support=True,
        support="nijiiro",
        openings=3,
        start_in_days=60,
        days_ago=9,
        title_en="Sawmill operator in Miyakonojo, Miyazaki (SSW wood industry)",
        description_en="""
            ## Duties
            Turn local cedar logs into building timber at our group's sawmill.
            - Feed logs into band saws and check cutting lines
            - Sort and stack lumber with forklifts
            - Run kiln dryers and grade finished timber

            ## Conditions
            - Monthly ¥195,000–¥235,000
            - Day shift 8:00–17:00, weekends off
            - Overtime about 10 hours a month; paid leave
            - 社会保険完備; dormitory rent ¥14,000
            - Forklift licence course paid by us

            ## Support
            A registered support organisation helps with daily life, Japanese study and
            regular interviews.
        """,
        title_ja="【特定技能1号】製材工場のオペレーター（都城市）",
        description_ja="""
            ## 仕事内容
            グループの製材工場で、地元産の杉丸太から建築用材を製材します。
            - 帯のこ盤への丸太の投入と製材
            - フォークリフトでの仕分け・はい積み
            - 乾燥機の操作と製品の選別

            ## 待遇
            - 月給195,000円～235,000円
            - 日勤（8:00～17:00）、土日休み
            - 社会保険完備、寮完備（家賃14,000円）
            - フォークリフト免許の取得費用は会社負担

            登録支援機関が生活面と日本語学習を支援します。
        """,
    ),
    _listing(
        company="aozora",
        sector="wood-industry",
        statuses=["ssw-1"],
        prefecture_code="15",
        city="Niigata",
        salary_min=200_000,
        salary_max=235_000,
        jp_level="n4",
        skills_test_required=True,
        housing="supported",
        visa_support=True,
        openings=2,
        start_in_days=50,
        days_ago=28,
        title_en="Pre-cut timber plant worker in Niigata City (SSW i)",
        description_en="""
            ## Duties
            Produce pre-cut posts and beams for wooden houses.
            - Operate CNC pre-cut machines from production data
            - Check joints and dimensions
            - Label, bundle and load timber for delivery

            ## Conditions
            - Monthly ¥200,000–¥235,000
            - Day shift, Sundays and national holidays off, 108 days off a year
            - Full social insurance; rent support ¥18,000
            - Help with commuting in the snow season

            We carry out the support plan in-house, with a Vietnamese-speaking colleague
            for everyday questions.
        """,
        title_ja="【特定技能1号】プレカット工場の加工スタッフ（新潟市）",
        description_ja="""
            ## 仕事内容
            木造住宅用の柱・梁をプレカット加工します。
            - 加工データに基づくCNCプレカット機の操作
            - 継手・仕口や寸法の確認
            - ラベル貼り・結束・出荷の積み込み

            ## 待遇
            - 月給200,000円～235,000円
            - 日勤、日曜・祝日休み、年間休日108日
            - 社会保険完備、住宅手当18,000円

            支援計画は当社が実施し、ベトナム語を話す担当者が相談に応じます。
        """,
    ),
    _listing(
        company="mizuiro",
        sector="it-software",
        statuses=["engineer-humanities", "highly-skilled"],
        prefecture_code="23",
        city="Nagoya",
        salary_min=4_500_000,
        salary_max=6_000_000,
        salary_period="yearly",
        jp_level="n3",
        experience_years=3,
        english_ok=True,
        housing="supported",
        visa_support=True,
        openings=1,
        start_in_days=90,
        days_ago=5,
        title_en="Software engineer, factory IoT and production systems (Nagoya)",
        description_en="""
            ## Role
            Build the software that connects the machines in our plants.
            - Develop data collection and dashboards (Python, TypeScript, PostgreSQL)
            - Connect PLCs and sensors to our cloud platform
            - Work with line engineers to reduce downtime

            ## Requirements
            - Degree in computer science or a related field, or 10 years of experience
            - Three years of backend or industrial software development
            - Business English; JLPT N3 or higher helps on plant visits

            ## Conditions
            - Annual salary ¥4.5–6.0 million, reviewed every year
            - Flexible hours, remote work up to three days a week
            - Full social insurance, 125 days off a year
            - Relocation and visa support; Highly Skilled Professional applicants welcome
        """,
    ),
    _listing(
        company="aozora",
        sector="engineering",
        statuses=["engineer-humanities", "highly-skilled", "designated-46"],
        prefecture_code="40",
        city="Fukuoka",
        salary_min=4_000_000,
        salary_max=5_500_000,
        salary_period="yearly",
        jp_level="n2",
        experience_years=2,
        english_ok=True,
        housing="supported",
        visa_support=True,
        openings=2,
        start_in_days=60,
        days_ago=12,
        title_en="Civil engineer / BIM-CAD designer in Fukuoka",
        description_en="""
            ## Role
            Support our project teams with design and planning for schools, warehouses and
            housing.
            - Create BIM models and construction drawings
            - Prepare quantity take-offs and schedules
            - Translate safety documents for our foreign site crews

            ## Requirements
            - Degree in civil engineering or architecture
            - Two years of CAD or BIM experience (Revit or Archicad)
            - JLPT N2; Designated Activities (No. 46) graduates welcome

            ## Conditions
            - Annual salary ¥4.0–5.5 million
            - Weekends off, 120 days off a year
            - 社会保険完備; housing allowance ¥25,000
            - We sponsor the Engineer/Specialist in Humanities/International Services status
        """,
        title_ja="施工管理・BIM/CADエンジニア（福岡市・外国籍の方歓迎）",
        description_ja="""
            ## 仕事内容
            学校・倉庫・住宅の工事で、設計・施工計画の業務を担当します。
            - BIMモデル・施工図の作成
            - 数量拾い・工程表の作成
            - 外国人作業員向け安全書類の翻訳

            ## 応募資格
            土木・建築系の学位、CAD/BIMの実務経験2年以上、日本語能力試験N2以上。特定活動46号の方も歓迎します。

            ## 待遇
            年収400万円～550万円、土日休み、社会保険完備、住宅手当25,000円。在留資格の手続きは会社が支援します。
        """,
    ),
    _listing(
        company="kotonoha",
        sector="hospitality",
        statuses=["engineer-humanities", "designated-46", "no-restriction"],
        prefecture_code="26",
        city="Kyoto",
        salary_min=3_600_000,
        salary_max=4_400_000,
        salary_period="yearly",
        jp_level="n2",
        experience_years=1,
        english_ok=True,
        housing="supported",
        visa_support=True,
        openings=1,
        start_in_days=45,
        days_ago=7,
        title_ja="ホテルのゲストリレーション・通訳担当（京都市・正社員）",
        description_ja="""
            ## 仕事内容
            京都駅近くのホテルで、海外からのお客様への多言語対応を担当します。
            - 英語・中国語などでの問い合わせ・ご要望への対応
            - 観光案内や各種予約の手配
            - 館内案内やウェブサイトの翻訳

            ## 応募資格
            大学卒業以上、日本語能力試験N2以上、英語を使った実務経験1年以上。在留資格は技術・人文知識・国際業務、特定活動46号、永住者等。

            ## 待遇
            - 年収360万円～440万円
            - シフト制、年間休日110日
            - 社会保険完備、住宅手当20,000円
        """,
    ),
    _listing(
        company="shiosai",
        sector="other",
        statuses=["engineer-humanities", "no-restriction"],
        prefecture_code="38",
        city="Matsuyama",
        salary_min=3_600_000,
        salary_max=4_800_000,
        salary_period="yearly",
        jp_level="n2",
        experience_years=2,
        english_ok=True,
        housing="supported",
        visa_support=True,
        openings=1,
        start_in_days=60,
        days_ago=3,
        title_en="Export sales and interpreter, citrus and seafood (Matsuyama)",
        description_en="""
            ## Role
            Grow our exports of citrus, pearls and seafood to Southeast Asia and the Middle
            East.
            - Talk with buyers and prepare quotations and shipping documents
            - Interpret for foreign staff and visitors at our farms
            - Represent us at food trade fairs in Japan and abroad

            ## Requirements
            - University degree and two years in sales, trade or interpreting
            - Fluent English; Urdu, Tagalog or Vietnamese is a strong plus
            - JLPT N2 or higher

            ## Conditions
            - Annual salary ¥3.6–4.8 million plus a sales bonus
            - Weekends off, 120 days off a year; 社会保険完備
            - Housing allowance ¥20,000
        """,
    ),
]

# --- Phrase banks for bulk-generated demo listings ---------------------------------------
# roles_* and duties_* are parallel lists: item n in English matches item n in Japanese.
SECTOR_PHRASES: dict[str, dict[str, list[str]]] = {
    "nursing-care": {
        "roles_en": [
            "Care worker",
            "Group home caregiver",
            "Day-service care staff",
            "Night-shift care worker",
        ],
        "roles_ja": [
            "介護職員",
            "グループホームの介護スタッフ",
            "デイサービスの介護スタッフ",
            "夜勤専従の介護職員",
        ],
        "duties_en": [
            "Help residents with meals, bathing and toileting",
            "Assist with transfers and walking",
            "Run recreation and outings",
            "Write short care records on a tablet",
        ],
        "duties_ja": [
            "食事・入浴・排泄の介助",
            "移乗・歩行の介助",
            "レクリエーションや外出行事の実施",
            "タブレットでの介護記録の入力",
        ],
    },
    "building-cleaning": {
        "roles_en": [
            "Building cleaning staff",
            "Hospital cleaning staff",
            "Hotel public-area cleaner",
            "Floor maintenance technician",
        ],
        "roles_ja": [
            "ビルクリーニングスタッフ",
            "病院の清掃スタッフ",
            "ホテル共用部の清掃スタッフ",
            "床メンテナンス技術者",
        ],
        "duties_en": [
            "Clean offices, corridors and toilets",
            "Operate floor scrubbers and polishers",
            "Disinfect handrails and shared areas",
            "Sort waste and recycling",
        ],
        "duties_ja": [
            "事務所・廊下・トイレの清掃",
            "ポリッシャー等による床の洗浄",
            "手すりや共用部の消毒",
            "ごみの分別とリサイクル",
        ],
    },
    "industrial-products": {
        "roles_en": [
            "CNC machine operator",
            "Metal press operator",
            "Electronics assembler",
            "Welder",
        ],
        "roles_ja": [
            "CNC機械加工オペレーター",
            "金属プレス加工スタッフ",
            "電子機器組立スタッフ",
            "溶接工",
        ],
        "duties_en": [
            "Set materials and run machining programmes",
            "Measure and inspect parts",
            "Assemble and solder components",
            "Carry out daily machine maintenance",
        ],
        "duties_ja": [
            "材料のセットと加工プログラムの運転",
            "部品の寸法測定と検査",
            "部品の組立・はんだ付け",
            "設備の日常点検",
        ],
    },
    "construction": {
        "roles_en": [
            "Formwork carpenter",
            "Rebar worker",
            "Scaffolder (tobi)",
            "Interior finishing worker",
        ],
        "roles_ja": ["型枠大工", "鉄筋工", "とび工", "内装仕上げ工"],
        "duties_en": [
            "Assemble and dismantle formwork and scaffolding",
            "Cut, bend and tie rebar",
            "Install plasterboard and wallpaper",
            "Keep the site tidy and safe",
        ],
        "duties_ja": [
            "型枠・足場の組立と解体",
            "鉄筋の切断・加工・結束",
            "石膏ボードやクロスの施工",
            "現場の整理整頓と安全確認",
        ],
    },
    "shipbuilding": {
        "roles_en": [
            "Shipyard welder",
            "Hull outfitting worker",
            "Marine painter",
            "Marine machinery machinist",
        ],
        "roles_ja": ["造船所の溶接工", "船体艤装作業員", "船舶塗装工", "舶用機械の加工スタッフ"],
        "duties_en": [
            "Weld hull blocks with CO2 arc welding",
            "Fit pipes and brackets inside blocks",
            "Prepare surfaces and spray-paint hulls",
            "Machine parts for marine engines",
        ],
        "duties_ja": [
            "炭酸ガスアーク溶接による船体ブロックの溶接",
            "ブロック内の配管・金具の取り付け",
            "船体の下地処理と塗装",
            "舶用エンジン部品の機械加工",
        ],
    },
    "automobile-repair": {
        "roles_en": [
            "Automotive mechanic",
            "Vehicle inspection technician",
            "Tyre and brake technician",
            "Fleet maintenance staff",
        ],
        "roles_ja": [
            "自動車整備士",
            "車検整備スタッフ",
            "タイヤ・ブレーキ整備スタッフ",
            "社用車両の整備スタッフ",
        ],
        "duties_en": [
            "Carry out statutory inspections (shaken)",
            "Replace oil, tyres and brake pads",
            "Diagnose faults with scan tools",
            "Record work in the service system",
        ],
        "duties_ja": [
            "車検・法定点検の実施",
            "オイル・タイヤ・ブレーキパッドの交換",
            "診断機による故障診断",
            "整備記録の入力",
        ],
    },
    "aviation": {
        "roles_en": [
            "Ground handling staff",
            "Aircraft maintenance assistant",
            "Ramp operations staff",
            "Cargo handling staff",
        ],
        "roles_ja": [
            "グランドハンドリングスタッフ",
            "航空機整備の補助スタッフ",
            "ランプ作業スタッフ",
            "航空貨物の取扱スタッフ",
        ],
        "duties_en": [
            "Load and unload baggage and cargo",
            "Drive towing tractors and belt loaders",
            "Guide aircraft to the gate",
            "Assist mechanics with routine checks",
        ],
        "duties_ja": [
            "手荷物・貨物の搭載と取り降ろし",
            "トーイングトラクター等の運転",
            "航空機の誘導",
            "整備士の点検作業の補助",
        ],
    },
    "accommodation": {
        "roles_en": [
            "Hotel front desk staff",
            "Ryokan guest service staff",
            "Hotel restaurant staff",
            "Guest room supervisor",
        ],
        "roles_ja": [
            "ホテルのフロントスタッフ",
            "旅館の接客スタッフ",
            "ホテルレストランのスタッフ",
            "客室管理スタッフ",
        ],
        "duties_en": [
            "Handle check-in, check-out and reservations",
            "Serve breakfast and dinner",
            "Guide guests around the facilities",
            "Check rooms and restock amenities",
        ],
        "duties_ja": [
            "チェックイン・チェックアウトと予約対応",
            "朝食・夕食の配膳",
            "館内のご案内",
            "客室の点検とアメニティの補充",
        ],
    },
    "automobile-transport": {
        "roles_en": ["Truck driver", "Delivery driver", "Bus driver", "Taxi driver"],
        "roles_ja": ["トラックドライバー", "配送ドライバー", "バス運転士", "タクシー乗務員"],
        "duties_en": [
            "Drive fixed routes safely and on time",
            "Load and unload goods",
            "Do daily vehicle checks and alcohol tests",
            "Help passengers with luggage",
        ],
        "duties_ja": [
            "決められたルートでの安全運行",
            "荷物の積み下ろし",
            "運行前点検とアルコールチェック",
            "お客様の荷物の積み下ろし補助",
        ],
    },
    "railway": {
        "roles_en": [
            "Track maintenance worker",
            "Rolling stock maintenance staff",
            "Rolling stock assembler",
            "Station staff",
        ],
        "roles_ja": [
            "軌道整備スタッフ",
            "鉄道車両の整備スタッフ",
            "鉄道車両の製造スタッフ",
            "駅係員",
        ],
        "duties_en": [
            "Replace rails and sleepers at night",
            "Inspect and service train cars",
            "Install wiring and interior parts",
            "Guide passengers on the platform",
        ],
        "duties_ja": [
            "夜間のレール・枕木の交換",
            "鉄道車両の点検・整備",
            "配線や内装部品の取り付け",
            "ホームでのお客様のご案内",
        ],
    },
    "agriculture": {
        "roles_en": ["Farm worker", "Greenhouse grower", "Orchard worker", "Livestock farm staff"],
        "roles_ja": ["農作業スタッフ", "施設園芸スタッフ", "果樹園スタッフ", "畜産スタッフ"],
        "duties_en": [
            "Plant, weed and harvest crops",
            "Manage greenhouse temperature and watering",
            "Sort and pack produce for shipping",
            "Feed animals and clean barns",
        ],
        "duties_ja": [
            "作物の植え付け・除草・収穫",
            "ハウス内の温度・かん水管理",
            "出荷に向けた選別・箱詰め",
            "家畜の給餌と畜舎の清掃",
        ],
    },
    "fishery": {
        "roles_en": [
            "Aquaculture worker",
            "Set-net fishing crew",
            "Fishing boat deckhand",
            "Shellfish farming staff",
        ],
        "roles_ja": ["養殖スタッフ", "定置網漁の乗組員", "漁船の甲板員", "貝類養殖スタッフ"],
        "duties_en": [
            "Feed fish and check nets by boat",
            "Haul nets and land the catch",
            "Sort and ship fish at the port",
            "Repair nets, ropes and gear",
        ],
        "duties_ja": [
            "船での給餌と網の点検",
            "網の引き揚げと水揚げ",
            "港での選別・出荷",
            "網・ロープ・漁具の補修",
        ],
    },
    "food-manufacturing": {
        "roles_en": [
            "Food factory worker",
            "Seafood processing staff",
            "Bakery line worker",
            "Central kitchen staff",
        ],
        "roles_ja": [
            "食品工場スタッフ",
            "水産加工スタッフ",
            "製パンラインスタッフ",
            "セントラルキッチンスタッフ",
        ],
        "duties_en": [
            "Cut, weigh and mix ingredients",
            "Operate cooking and packing machines",
            "Inspect products under HACCP rules",
            "Clean and sanitise the line",
        ],
        "duties_ja": [
            "原材料のカット・計量・混合",
            "加熱・包装機械の操作",
            "HACCPに基づく製品検査",
            "製造ラインの清掃・洗浄",
        ],
    },
    "food-service": {
        "roles_en": [
            "Restaurant kitchen staff",
            "Restaurant floor staff",
            "Izakaya cook",
            "Shift leader",
        ],
        "roles_ja": [
            "飲食店の調理スタッフ",
            "飲食店のホールスタッフ",
            "居酒屋の調理担当",
            "シフトリーダー",
        ],
        "duties_en": [
            "Prepare ingredients and cook dishes",
            "Take orders and serve customers",
            "Keep the kitchen clean and hygienic",
            "Train part-time staff",
        ],
        "duties_ja": [
            "食材の仕込みと調理",
            "注文受けと配膳",
            "厨房の清掃と衛生管理",
            "アルバイトスタッフの指導",
        ],
    },
    "forestry": {
        "roles_en": [
            "Forestry worker",
            "Logging crew member",
            "Forest nursery worker",
            "Forest road maintenance staff",
        ],
        "roles_ja": ["林業作業員", "伐採作業員", "苗木生産スタッフ", "林道整備スタッフ"],
        "duties_en": [
            "Plant seedlings and clear undergrowth",
            "Thin and fell trees with chainsaws",
            "Help move logs with forestry machines",
            "Maintain forest roads",
        ],
        "duties_ja": [
            "植林と下刈り",
            "チェーンソーによる間伐・伐倒",
            "林業機械による集材の補助",
            "林道の維持管理",
        ],
    },
    "wood-industry": {
        "roles_en": [
            "Sawmill operator",
            "Pre-cut plant worker",
            "Plywood line worker",
            "Timber drying and grading staff",
        ],
        "roles_ja": [
            "製材オペレーター",
            "プレカット加工スタッフ",
            "合板製造スタッフ",
            "木材の乾燥・選別スタッフ",
        ],
        "duties_en": [
            "Feed logs into saws and check cuts",
            "Run CNC pre-cut machines",
            "Stack and sort lumber with forklifts",
            "Operate kilns and grade timber",
        ],
        "duties_ja": [
            "丸太の投入と製材",
            "CNCプレカット機の操作",
            "フォークリフトでの仕分け・はい積み",
            "乾燥機の操作と製品の選別",
        ],
    },
    "it-software": {
        "roles_en": [
            "Software engineer",
            "Web developer",
            "Infrastructure engineer",
            "QA engineer",
        ],
        "roles_ja": [
            "ソフトウェアエンジニア",
            "Webエンジニア",
            "インフラエンジニア",
            "QAエンジニア",
        ],
        "duties_en": [
            "Design and build web applications",
            "Review code and write tests",
            "Run cloud infrastructure",
            "Work with users to improve our systems",
        ],
        "duties_ja": [
            "Webアプリケーションの設計・開発",
            "コードレビューとテストの作成",
            "クラウド基盤の運用",
            "利用部門と連携したシステム改善",
        ],
    },
    "engineering": {
        "roles_en": [
            "Civil engineer",
            "Mechanical design engineer",
            "CAD/BIM designer",
            "Production engineer",
        ],
        "roles_ja": ["土木技術者", "機械設計エンジニア", "CAD/BIMオペレーター", "生産技術者"],
        "duties_en": [
            "Prepare drawings and 3D models",
            "Plan schedules and quantities",
            "Improve production processes",
            "Support sites and factories with checks",
        ],
        "duties_ja": [
            "図面・3Dモデルの作成",
            "工程・数量の計画",
            "生産工程の改善",
            "現場・工場での確認業務",
        ],
    },
    "hospitality": {
        "roles_en": [
            "Guest relations coordinator",
            "Concierge",
            "Tour desk staff",
            "Multilingual event coordinator",
        ],
        "roles_ja": [
            "ゲストリレーション担当",
            "コンシェルジュ",
            "ツアーデスクスタッフ",
            "多言語対応のイベント担当",
        ],
        "duties_en": [
            "Answer guest requests in several languages",
            "Arrange tours and bookings",
            "Translate guides and web pages",
            "Plan events for overseas visitors",
        ],
        "duties_ja": [
            "多言語でのお客様対応",
            "ツアーや各種予約の手配",
            "案内物・ウェブサイトの翻訳",
            "海外のお客様向けイベントの企画",
        ],
    },
    "education": {
        "roles_en": [
            "Japanese-language teacher",
            "Workplace trainer",
            "English teacher",
            "Study coordinator",
        ],
        "roles_ja": ["日本語教師", "社内研修講師", "英語講師", "学習コーディネーター"],
        "duties_en": [
            "Teach Japanese for work and daily life",
            "Prepare lessons and materials",
            "Coach learners for JLPT and skills tests",
            "Track progress and give feedback",
        ],
        "duties_ja": [
            "仕事と生活のための日本語指導",
            "授業計画と教材の作成",
            "日本語能力試験・技能試験の対策指導",
            "学習状況の確認とフィードバック",
        ],
    },
    "other": {
        "roles_en": [
            "Export sales staff",
            "Interpreter and translator",
            "HR coordinator",
            "Office administrator",
        ],
        "roles_ja": [
            "海外営業スタッフ",
            "通訳・翻訳スタッフ",
            "人事コーディネーター",
            "事務スタッフ",
        ],
        "duties_en": [
            "Talk with overseas buyers and partners",
            "Interpret at meetings and on site",
            "Help foreign staff with paperwork",
            "Prepare documents and reports",
        ],
        "duties_ja": [
            "海外の取引先との折衝",
            "会議や現場での通訳",
            "外国籍社員の各種手続きの補助",
            "書類・報告書の作成",
        ],
    },
}

CONDITIONS_EN = [
    "Full social insurance (health, pension, employment and accident insurance)",
    "Paid leave from month 6, following the Labour Standards Act",
    "Overtime is usually under 20 hours a month and always paid at 125% or more",
    "Day shifts only, with weekends off",
    "Rotating shifts with a night-shift allowance",
    "Company dormitory; rent is deducted from salary by written agreement only",
    "Rent support for an apartment you choose",
    "Commute allowance paid in full",
    "Bonus twice a year, based on company results",
    "Work clothes and safety equipment provided",
]
CONDITIONS_JA = [
    "社会保険完備（健康保険・厚生年金・雇用保険・労災保険）",
    "入社6か月後から有給休暇（労働基準法に準拠）",
    "残業は月20時間以内が中心、割増賃金を全額支給",
    "日勤のみ、土日休み",
    "シフト制、夜勤手当あり",
    "寮完備（家賃は書面で合意した額のみ給与から控除）",
    "ご自身で選んだ住居への住宅手当あり",
    "通勤手当全額支給",
    "賞与年2回（業績による）",
    "作業服・安全装備を支給",
]
SUPPORT_EN = [
    "Airport pick-up on arrival and drop-off when you return home",
    "Help finding housing and signing the lease",
    "Life orientation in a language you understand",
    "Help with city hall, bank and mobile phone procedures",
    "Free Japanese classes every week",
    "Regular interviews and a consultation desk in your language",
]
SUPPORT_JA = [
    "入国時の空港出迎えと帰国時の空港送迎",
    "住居の確保と賃貸契約の支援",
    "母国語での生活オリエンテーション",
    "役所・銀行・携帯電話の手続き支援",
    "毎週の無料日本語教室",
    "母国語での定期面談と相談窓口",
]
CLOSINGS_EN = [
    "Interested? Apply through Hataraku and we will reply within a week.",
    "Apply with the Hataraku button on this page; interviews can be held online.",
    "Send your application through Hataraku. Applying is free of charge.",
    "Questions about the job? Use Hataraku's message feature before you apply.",
]
CLOSINGS_JA = [
    "ご興味のある方は、Hatarakuからご応募ください。1週間以内にご連絡します。",
    "このページの「Hatarakuで応募」ボタンからご応募ください。オンライン面接も可能です。",
    "応募はHatarakuから無料で行えます。",
    "ご質問はHatarakuのメッセージ機能でお気軽にどうぞ。",
]

# Invented words for bulk demo company names; item n in English matches item n in Japanese.
COMPANY_NAME_PARTS: dict[str, list[str]] = {
    "prefixes_en": [
        "Hinode",
        "Komorebi",
        "Sakurazaka",
        "Minatoya",
        "Yamabiko",
        "Hoshimori",
        "Kazaguruma",
        "Tsukikage",
        "Asanagi",
        "Midorino",
        "Kawasemi",
        "Shirakumo",
        "Akatsuki",
        "Hanamizuki",
        "Nijigaoka",
    ],
    "prefixes_ja": [
        "ひので",
        "こもれび",
        "さくら坂",
        "みなと屋",
        "やまびこ",
        "星森",
        "かざぐるま",
        "月影",
        "朝凪",
        "みどり野",
        "かわせみ",
        "白雲",
        "あかつき",
        "はなみずき",
        "虹ヶ丘",
    ],
    "suffixes_en": [
        "Care Services Co., Ltd.",
        "Construction Co., Ltd.",
        "Foods Co., Ltd.",
        "Industries Co., Ltd.",
        "Farm Co., Ltd.",
        "Marine Co., Ltd.",
        "Logistics Co., Ltd.",
        "Hotels Co., Ltd.",
    ],
    "suffixes_ja": [
        "ケアサービス株式会社",
        "建設株式会社",
        "フーズ株式会社",
        "工業株式会社",
        "ファーム株式会社",
        "マリン株式会社",
        "ロジスティクス株式会社",
        "ホテルズ株式会社",
    ],
}


# --- Consistency checks ------------------------------------------------------------------
_WEBSITE_RE = re.compile(r"^https://[a-z]+\.example/?$")
_PHONE_RE = re.compile(r"\d{2,4}-\d{2,4}-\d{3,4}")
_SUPPORT_NUMBER_RE = re.compile(r"^\d{2}登-\d{6}$")
_FORBIDDEN_RE = re.compile(
    r"@|https?://|\b(?:fees?|deposits?|whatsapp|line id|telegram|viber)\b"
    r"|保証金|手数料|預り金|違約金",
    re.IGNORECASE,
)
_PREFECTURE_CODES = tuple(f"{n:02d}" for n in range(1, 48))


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def _check_text(where: str, text: str) -> None:
    _require("@" not in text, f"{where}: contains '@'")
    _require(not _PHONE_RE.search(text), f"{where}: looks like a phone number")
    _require(not _FORBIDDEN_RE.search(text), f"{where}: contact detail or fee wording")


def _check_companies() -> set[str]:
    _require(len(DEMO_COMPANIES) == 5, "there must be exactly 5 demo companies")
    keys, slugs = set(), set()
    for company in DEMO_COMPANIES:
        where = f"company {company.get('key')!r}"
        _require(tuple(company) == COMPANY_KEYS, f"{where}: keys differ from COMPANY_KEYS")
        keys.add(company["key"])
        slugs.add(company["slug"])
        _require(company["prefecture_code"] in _PREFECTURE_CODES, f"{where}: prefecture")
        _require(bool(_WEBSITE_RE.match(company["website"])), f"{where}: website host")
        _require("株式会社" in company["name_ja"], f"{where}: name_ja needs 株式会社")
        _require(isinstance(company["verified"], bool), f"{where}: verified must be bool")
        for field in ("description_en", "description_ja"):
            paragraphs = [p for p in company[field].split("\n\n") if p.strip()]
            _require(2 <= len(paragraphs) <= 3, f"{where}: {field} needs 2-3 paragraphs")
            _check_text(f"{where} {field}", company[field])
    _require(len(keys) == 5 and len(slugs) == 5, "company keys and slugs must be unique")
    verified = sum(company["verified"] for company in DEMO_COMPANIES)
    _require(verified == 2, "exactly two companies must be verified")
    return keys


def _check_listing(n: int, listing: dict, company_keys: set[str]) -> None:
    where = f"listing {n}"
    _require(tuple(listing) == LISTING_KEYS, f"{where}: keys differ from LISTING_KEYS")
    _require(listing["company"] in company_keys, f"{where}: unknown company")
    sector, statuses = listing["sector"], listing["statuses"]
    _require(sector in SECTORS, f"{where}: unknown sector {sector!r}")
    _require(isinstance(statuses, list) and statuses, f"{where}: statuses must be a list")
    _require(len(set(statuses)) == len(statuses), f"{where}: duplicate statuses")
    _require(set(statuses) <= set(STATUSES), f"{where}: unknown status in {statuses}")
    if sector in NO_SSW2_SECTORS:
        _require("ssw-2" not in statuses, f"{where}: SSW (ii) does not exist for {sector}")
    if sector in OTHER_SECTORS:
        _require(set(statuses) <= WHITE_COLLAR_STATUSES, f"{where}: non-SSW statuses")
    if listing["employment_type"] == "part_time":
        _require(not {"ssw-1", "ssw-2"} & set(statuses), f"{where}: SSW is full-time only")
    _require(listing["prefecture_code"] in _PREFECTURE_CODES, f"{where}: prefecture")
    _require(bool(listing["city"]), f"{where}: city is empty")
    _require(listing["employment_type"] in EMPLOYMENT_TYPES, f"{where}: employment type")

    low, high, period = listing["salary_min"], listing["salary_max"], listing["salary_period"]
    _require(type(low) is int and type(high) is int, f"{where}: salaries must be int")
    _require(low <= high, f"{where}: salary_min > salary_max")
    ranges = {"hourly": (1150, 1600), "monthly": (190_000, 320_000)}
    ranges["yearly"] = (3_500_000, 6_000_000)
    _require(period in ranges, f"{where}: salary period {period!r}")
    _require(ranges[period][0] <= low and high <= ranges[period][1], f"{where}: salary range")
    wage = MINIMUM_WAGE_BY_PREFECTURE[listing["prefecture_code"]]
    _require(hourly_equivalent(low, period) > wage, f"{where}: below minimum wage {wage}")

    _require(listing["jp_level"] in JP_LEVELS, f"{where}: jp_level")
    for flag in ("skills_test_required", "english_ok", "visa_support"):
        _require(isinstance(listing[flag], bool), f"{where}: {flag} must be bool")
    _require(type(listing["experience_years"]) is int, f"{where}: experience_years")
    _require(0 <= listing["experience_years"] <= 5, f"{where}: experience_years")
    _require(listing["housing"] in HOUSING_CHOICES, f"{where}: housing")
    org_name, org_number = listing["support_org_name"], listing["support_org_number"]
    _require(bool(org_name) == bool(org_number), f"{where}: support org name and number")
    _require(not org_number or bool(_SUPPORT_NUMBER_RE.match(org_number)), f"{where}: org no.")
    for code in listing["nationalities"]:
        _require(len(code) == 2 and code.isalpha() and code.isupper(), f"{where}: {code!r}")
    _require(1 <= listing["openings"] <= 10, f"{where}: openings")
    _require(14 <= listing["start_in_days"] <= 120, f"{where}: start_in_days")
    _require(0 <= listing["days_ago"] <= 50, f"{where}: days_ago")
    _require(listing["status"] in LISTING_STATUSES, f"{where}: status")

    _require(bool(listing["title_en"] or listing["title_ja"]), f"{where}: no title")
    for lang in ("en", "ja"):
        title, body = listing[f"title_{lang}"], listing[f"description_{lang}"]
        _require(bool(title) == bool(body), f"{where}: title_{lang}/description_{lang} pair")
        _require(len(title) < 80, f"{where}: title_{lang} too long")
        _check_text(f"{where} title_{lang}", title)
        _check_text(f"{where} description_{lang}", body)
        if body:
            _require("## " in body or "**" in body, f"{where}: {lang} needs headings/bold")
            _require("\n- " in body, f"{where}: {lang} needs a bullet list")
    if listing["description_en"]:
        words = len(listing["description_en"].split())
        _require(60 <= words <= 150, f"{where}: description_en has {words} words")
    if listing["description_ja"]:
        chars = len(re.sub(r"\s", "", listing["description_ja"]))
        _require(120 <= chars <= 300, f"{where}: description_ja has {chars} characters")


def _check_phrase_banks() -> None:
    _require(set(SECTOR_PHRASES) == set(SECTORS), "SECTOR_PHRASES must cover all 21 sectors")
    for sector, phrases in SECTOR_PHRASES.items():
        _require(
            set(phrases) == {"roles_en", "roles_ja", "duties_en", "duties_ja"},
            f"SECTOR_PHRASES[{sector!r}]: keys",
        )
        for name, items in phrases.items():
            _require(len(items) == 4 and all(items), f"SECTOR_PHRASES[{sector!r}][{name!r}]")
    sizes = {
        "CONDITIONS": (CONDITIONS_EN, CONDITIONS_JA, 10),
        "SUPPORT": (SUPPORT_EN, SUPPORT_JA, 6),
        "CLOSINGS": (CLOSINGS_EN, CLOSINGS_JA, 4),
    }
    for name, (english, japanese, size) in sizes.items():
        _require(len(english) == len(japanese) == size, f"{name}_EN/JA need {size} items")
        for text in english + japanese:
            _check_text(name, text)
    _require(all("Hataraku" in text for text in CLOSINGS_EN + CLOSINGS_JA), "closings")
    parts = COMPANY_NAME_PARTS
    _require(len(parts["prefixes_en"]) == len(parts["prefixes_ja"]) == 15, "name prefixes")
    _require(len(parts["suffixes_en"]) == len(parts["suffixes_ja"]) == 8, "name suffixes")
    _require(len(set(parts["prefixes_en"])) == 15, "name prefixes must be unique")


def check_content() -> None:
    """Raise AssertionError if the demo content breaks any of Hataraku's data rules."""
    _require(tuple(MINIMUM_WAGE_BY_PREFECTURE) == _PREFECTURE_CODES, "47 minimum wages")
    _require(all(1000 < w < 1300 for w in MINIMUM_WAGE_BY_PREFECTURE.values()), "wage values")
    _require(monthly_equivalent(1200, "hourly") == 208_560, "monthly_equivalent(hourly)")
    _require(monthly_equivalent(4_800_000, "yearly") == 400_000, "monthly_equivalent(yearly)")
    _require(monthly_equivalent(250_000, "monthly") == 250_000, "monthly_equivalent(monthly)")

    company_keys = _check_companies()
    listings = DEMO_LISTINGS
    _require(58 <= len(listings) <= 64, f"expected 58-64 listings, got {len(listings)}")
    for n, listing in enumerate(listings, 1):
        _check_listing(n, listing, company_keys)

    for sector in SSW_SECTORS:
        count = sum(listing["sector"] == sector for listing in listings)
        _require(count >= 2, f"SSW field {sector} needs at least 2 listings, has {count}")
    other = sum(listing["sector"] in OTHER_SECTORS for listing in listings)
    _require(4 <= other <= 6, f"expected 4-6 non-SSW listings, got {other}")
    prefectures = {listing["prefecture_code"] for listing in listings}
    _require(len(prefectures) >= 14, f"only {len(prefectures)} prefectures")

    by_status = {s: sum(li["status"] == s for li in listings) for s in LISTING_STATUSES}
    _require(52 <= by_status["published"] <= 56, f"published count {by_status}")
    _require(by_status["draft"] == 3 and by_status["pending"] == 3, f"status mix {by_status}")
    _require(2 <= by_status["expired"] <= 3, f"expired count {by_status}")

    en_only = sum(bool(li["title_en"]) and not li["title_ja"] for li in listings)
    ja_only = sum(bool(li["title_ja"]) and not li["title_en"] for li in listings)
    both = len(listings) - en_only - ja_only
    for label, count in (("English-only", en_only), ("Japanese-only", ja_only), ("both", both)):
        _require(count >= len(listings) // 4, f"too few {label} listings: {count}")

    restricted = sum(bool(listing["nationalities"]) for listing in listings)
    _require(4 <= restricted <= 8, f"about 6 listings should restrict nationality: {restricted}")
    ssw1 = [listing for listing in listings if "ssw-1" in listing["statuses"]]
    with_org = sum(bool(listing["support_org_name"]) for listing in ssw1)
    _require(0.35 <= with_org / len(ssw1) <= 0.65, f"support orgs on {with_org}/{len(ssw1)}")
    _check_phrase_banks()
