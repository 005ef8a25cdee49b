"""GIN index for full-text search (PostgreSQL only) and search keywords for the sectors."""

from django.db import migrations

# Words people type for each sector, from shared/DOMAIN.md "Words users will search for".
SECTOR_KEYWORDS = {
    "nursing-care": "kaigo caregiver care worker carer elderly care 介護 介護職 ケア",
    "building-cleaning": "cleaner cleaning janitor ビル清掃 清掃",
    "industrial-products": "factory manufacturing machinery electronics 製造 工場 機械 電子",
    "construction": "construction worker builder kensetsu 建設 建築 土木 現場",
    "shipbuilding": "shipyard welding marine 造船 溶接 舶用",
    "automobile-repair": "mechanic car repair seibi 自動車整備 整備士",
    "aviation": "airport ground handling aircraft maintenance 空港 グランドハンドリング",
    "accommodation": "hotel ryokan inn front desk 宿泊 ホテル 旅館",
    "automobile-transport": "driver truck taxi bus 運転手 ドライバー トラック タクシー バス",
    "railway": "train station rail track 鉄道 駅 車両",
    "agriculture": "farm farming nougyou greenhouse 農業 農家 畑",
    "fishery": "fishing aquaculture fisherman 漁業 養殖 水産",
    "food-manufacturing": "food factory bakery processing 食品製造 食品工場 加工",
    "food-service": "restaurant cook kitchen waiter gaishoku 外食 飲食 レストラン 調理",
    "forestry": "forest logging 林業 森林",
    "wood-industry": "sawmill timber lumber 木材 製材",
    "it-software": "developer programmer software engineer IT エンジニア プログラマー",
    "engineering": "engineer design technical 技術者 設計",
    "hospitality": "tourism hotel guest service 観光 接客",
    "education": "teacher english teacher ALT 教師 英語講師",
}



def add_keywords(apps, schema_editor):
    Sector = apps.get_model("listings", "Sector")
    for slug, keywords in SECTOR_KEYWORDS.items():
        Sector.objects.filter(slug=slug).update(keywords=keywords)


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS listing_search_gin ON listings_listing USING gin (search_vector)"
    )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS listing_search_gin")


class Migration(migrations.Migration):
    dependencies = [("listings", "0003_companies_and_listings")]

    operations = [
        migrations.RunPython(add_keywords, migrations.RunPython.noop),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
