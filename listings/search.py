"""Full-text search over listings: PostgreSQL ranking when available, plain matching on SQLite.

Japanese has no spaces between words, so Japanese text is indexed and queried as overlapping
character pairs (bigrams): "介護職員" becomes "介護 護職 職員", and a query "介護" matches it.
This needs no server extension and uses the same GIN index as the English words.
"""

import re
from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, connections
from django.db.models import Count, F, Q, QuerySet

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
_CJK_RUN = re.compile(
    r"[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+"
)
_WORD = re.compile(r"\w+", re.UNICODE)


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def cjk_bigrams(text: str) -> str:
    """The overlapping character pairs of every Japanese/Chinese run in `text`."""
    grams = []
    for run in _CJK_RUN.findall(text or ""):
        if len(run) == 1:
            grams.append(run)
        else:
            grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(grams)


def _latin_part(text: str) -> str:
    return _CJK_RUN.sub(" ", text or "")


def normalise_query(raw: str) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


# ---- indexing (PostgreSQL) ----

_VECTOR_SQL = """
    setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('simple', %s), 'A')
    || setweight(to_tsvector('english', %s), 'B') || setweight(to_tsvector('simple', %s), 'B')
    || setweight(to_tsvector('english', %s), 'C') || setweight(to_tsvector('simple', %s), 'C')
"""


_TITLE_FIELDS = ("title_en", "title_ja")
_MIDDLE_FIELDS = (
    "company__name_en",
    "company__name_ja",
    "sector__name_en",
    "sector__name_ja",
    "sector__keywords",
    "prefecture__name_en",
    "prefecture__name_ja",
    "city",
)
_BODY_FIELDS = ("description_en", "description_ja")


def _document(row: dict) -> tuple[str, ...]:
    """Title above company and sector above description, each as (Latin words, bigrams)."""
    title = f"{row['title_en']} {row['title_ja']}"
    middle = " ".join(row[key] for key in _MIDDLE_FIELDS)
    body = f"{row['description_en']} {row['description_ja']}"
    return (
        _latin_part(title),
        cjk_bigrams(title),
        _latin_part(middle),
        cjk_bigrams(middle),
        _latin_part(body),
        cjk_bigrams(body),
    )


_DOCUMENT_FIELDS = ("id", *_TITLE_FIELDS, *_MIDDLE_FIELDS, *_BODY_FIELDS)


def index_listings(listing_ids: Iterable[int], *, batch_size: int = 500) -> None:
    """Recompute the stored search vectors of these listings (a no-op on SQLite)."""
    if not uses_postgres():
        return
    from listings.models import Listing

    ids = list(listing_ids)
    sql = f"UPDATE listings_listing SET search_vector = {_VECTOR_SQL} WHERE id = %s"  # noqa: S608 - fixed SQL, values are parameters
    for start in range(0, len(ids), batch_size):
        rows = Listing.objects.filter(id__in=ids[start : start + batch_size]).values(
            *_DOCUMENT_FIELDS
        )
        params = [(*_document(row), row["id"]) for row in rows]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)


# ---- querying ----


def search(queryset: QuerySet, raw_query: str) -> QuerySet:
    """Keep the listings that match every word of the query."""
    query = normalise_query(raw_query)
    if not query:
        return queryset
    if uses_postgres():
        return _search_postgres(queryset, query)
    return _search_plain(queryset, query)


def _postgres_query(query: str) -> SearchQuery | None:
    latin = " ".join(_WORD.findall(_latin_part(query))[:MAX_QUERY_TERMS])
    bigrams = cjk_bigrams(query)
    parts = []
    if latin:
        parts.append(SearchQuery(latin, config="english", search_type="plain"))
    if bigrams:
        parts.append(SearchQuery(bigrams, config="simple", search_type="plain"))
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined &= part
    return combined


def _search_postgres(queryset: QuerySet, query: str) -> QuerySet:
    search_query = _postgres_query(query)
    if search_query is None:
        return queryset.none()
    return queryset.filter(search_vector=search_query)


def rank(queryset: QuerySet, raw_query: str) -> QuerySet:
    """Order by relevance to the query (PostgreSQL), newest first among equals."""
    search_query = _postgres_query(normalise_query(raw_query)) if uses_postgres() else None
    if search_query is None:
        return queryset.order_by("-published_at", "-id")
    return queryset.annotate(rank=SearchRank(F("search_vector"), search_query)).order_by(
        "-rank", "-published_at", "-id"
    )


# SQLite matches every word against the same text that PostgreSQL indexes.
_PLAIN_FIELDS = (*_TITLE_FIELDS, *_BODY_FIELDS, *_MIDDLE_FIELDS)


def _search_plain(queryset: QuerySet, query: str) -> QuerySet:
    terms = _WORD.findall(query)[:MAX_QUERY_TERMS]
    if not terms:
        return queryset.none()
    condition = Q()
    for term in terms:
        term_matches = Q()
        for field in _PLAIN_FIELDS:
            term_matches |= Q(**{f"{field}__icontains": term})
        condition &= term_matches
    return queryset.filter(condition)


# ---- facet counts ----


def grouped_counts(queryset: QuerySet, columns: dict[str, str]) -> dict[str, dict]:
    """For each name → column, how many rows of `queryset` have each value of that column.

    PostgreSQL counts every column in one scan (GROUPING SETS); elsewhere one query each.
    """
    if not uses_postgres() or len(columns) < 2:
        return {
            name: dict(queryset.order_by().values_list(column).annotate(n=Count("id")))
            for name, column in columns.items()
        }
    names = list(columns)
    aliases = {f"facet_{index}": F(columns[name]) for index, name in enumerate(names)}
    inner_sql, params = (
        queryset.order_by().annotate(**aliases).values(*aliases).query.sql_with_params()
    )
    keys = list(aliases)
    sql = (
        f"SELECT {', '.join(keys)}, {', '.join(f'GROUPING({key})' for key in keys)}, COUNT(*) "  # noqa: S608 - built from fixed aliases; values are parameters
        f"FROM ({inner_sql}) AS matches "
        f"GROUP BY GROUPING SETS ({', '.join(f'({key})' for key in keys)})"
    )
    counts = {name: {} for name in names}
    # The queryset's own database: a read replica when the router chose one.
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            values, grouping, total = row[: len(keys)], row[len(keys) : -1], row[-1]
            # GROUPING(x) is 0 in the rows grouped by x.
            index = grouping.index(0)
            counts[names[index]][values[index]] = total
    return counts
