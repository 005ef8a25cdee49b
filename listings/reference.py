"""Reference data (sectors, statuses, prefectures, Japanese levels), cached for every page."""

from dataclasses import dataclass, field

from django.core.cache import cache

from listings.models import CountryInfo, JapaneseLevel, Prefecture, ResidenceStatus, Sector

REFERENCE_CACHE_KEY = "listings:reference:v4"
REFERENCE_CACHE_SECONDS = 60 * 60


@dataclass
class ReferenceData:
    sectors: list[Sector]
    statuses: list[ResidenceStatus]
    prefectures: list[Prefecture]
    japanese_levels: list[JapaneseLevel]
    memorandum_countries: frozenset[str]
    sector_by_slug: dict[str, Sector] = field(init=False)
    status_by_slug: dict[str, ResidenceStatus] = field(init=False)
    prefecture_by_key: dict[str, Prefecture] = field(init=False)
    level_by_slug: dict[str, JapaneseLevel] = field(init=False)

    def __post_init__(self):
        self.sector_by_slug = {sector.slug: sector for sector in self.sectors}
        self.status_by_slug = {status.slug: status for status in self.statuses}
        # Prefectures are asked for by JIS code ("13") or slug ("tokyo").
        self.prefecture_by_key = {p.code: p for p in self.prefectures} | {
            p.slug: p for p in self.prefectures
        }
        self.level_by_slug = {level.slug: level for level in self.japanese_levels}

    def prefecture_ids_in_regions(self, regions) -> list[int]:
        return [p.id for p in self.prefectures if p.region in regions]

    def level_ids_at_most(self, level: JapaneseLevel) -> list[int]:
        return [other.id for other in self.japanese_levels if other.rank <= level.rank]


def reference_data() -> ReferenceData:
    """Active reference rows, cached: every browse page and form needs them."""
    data = cache.get(REFERENCE_CACHE_KEY)
    if data is None:
        data = ReferenceData(
            sectors=list(Sector.objects.active()),
            statuses=list(ResidenceStatus.objects.active()),
            prefectures=list(Prefecture.objects.active()),
            japanese_levels=list(JapaneseLevel.objects.active()),
            memorandum_countries=frozenset(
                str(code)
                for code in CountryInfo.objects.filter(ssw_memorandum=True).values_list(
                    "country", flat=True
                )
            ),
        )
        cache.set(REFERENCE_CACHE_KEY, data, REFERENCE_CACHE_SECONDS)
    return data


def reference_data_changed() -> None:
    cache.delete(REFERENCE_CACHE_KEY)


def sectors_for_home() -> list[Sector]:
    """Active sectors, SSW fields first."""
    return sorted(reference_data().sectors, key=lambda s: (not s.is_ssw_field, s.sort_order))
