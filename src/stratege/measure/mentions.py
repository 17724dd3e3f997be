"""Mentions into the store: one row per mention and per brand it names.

A listening tool's export holds mentions; the store holds, for each mention, one row per
brand whose query (the strategy's ``listening.queries``) matches it: ``account`` and
``owner`` are that brand ('own' or a competitor's id), so that share of voice is a count
per owner and every KPI of the ``mention`` scope runs per brand as for any account. Which
brands a text names and what sentiment it carries come from the layer above (listening),
through a :data:`MentionReader` given with the import options: the store does not import
the model, it only keeps what it is told, the label of the source tool beside it, and the
user's corrections (``sentiment_corrections``) in force over both.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

import duckdb

from stratege.knowledge.models import Knowledge
from stratege.measure import cleaning
from stratege.measure.formats import FormatSpec

# An author is an ambassador when at least this many of their mentions of the brand are
# positive and at least two thirds of them are: repeated and positive, not one happy post.
AMBASSADOR_MIN_POSITIVE = 3
AMBASSADOR_MIN_SHARE = 2 / 3
LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class MentionReading:
    """What the listening layer says of each text, in order: the brands it names ('own' or
    competitor ids; none: the mention is not kept), its sentiment label, and its language
    when the file gives none (None: unknown)."""

    owners: list[tuple[str, ...]]
    labels: list[str | None]
    languages: list[str | None]


# (texts, languages the file gives or None) → what they say
MentionReader = Callable[[Sequence[str], Sequence[str | None]], MentionReading]


@dataclass(frozen=True)
class _Sources:
    platforms: dict[str, str]  # a source's name or domain → platform id
    sentiment: dict[str, str]  # a tool's label → negative / neutral / positive


@functools.cache
def _sources() -> _Sources:
    from ruamel.yaml import YAML

    text = (
        resources.files("stratege.measure").joinpath("data/mention_sources.yaml").read_text("utf-8")
    )
    raw = YAML(typ="safe").load(text)
    platforms = {str(n).casefold(): p for p, names in raw["platforms"].items() for n in names}
    sentiment = {
        str(n).casefold(): label for label, names in raw["sentiment"].items() for n in names
    }
    if set(sentiment.values()) - set(LABELS):
        raise ValueError(
            "mention_sources.yaml: a sentiment label outside negative/neutral/positive"
        )
    return _Sources(platforms, sentiment)


def stage_mentions(
    con: duckdb.DuckDBPyConnection,
    knowledge: Knowledge,
    spec: FormatSpec,
    good: str,
    dated: str,
    owner: str,
    reader: MentionReader | None,
) -> tuple[set[tuple[str, str]], int]:
    """The view ``staged`` of the good mentions of ``cells``, one row per brand named.

    ``owner`` other than 'own' (``--competitor``): every mention is that competitor's. Else
    the reader says which brands each text names; without a reader, every mention is own.
    Returns the (platform, brand) pairs and the number of mentions no brand claims."""
    columns = {r[0] for r in con.execute("DESCRIBE cells").fetchall()}

    def column(name: str) -> str:
        return f's."{name}"' if name in columns else "NULL"

    language_sql = _language_sql(column("language"))
    rows = con.execute(
        f"SELECT _row, coalesce({column('text')}, ''), {language_sql} FROM cells s WHERE {good} "
        "ORDER BY _row"
    ).fetchall()
    numbers = [r[0] for r in rows]
    texts = [r[1] for r in rows]
    languages = [r[2] for r in rows]
    if reader is not None:
        reading = reader(texts, languages)
    else:
        reading = MentionReading([("own",)] * len(rows), [None] * len(rows), [None] * len(rows))
    if owner != "own":
        reading = MentionReading([(owner,)] * len(rows), reading.labels, reading.languages)
    _register_readings(con, numbers, reading)
    _register_platforms(con, knowledge)
    platform_sql = _platform_sql(spec, column("platform"), column("permalink"))
    identity = (
        f"coalesce({column('mention_id')}, {column('permalink')}, "
        f"md5(concat_ws('|', CAST({column(dated)} AS VARCHAR), {column('author')}, "
        f"{column('text')})))"
    )
    sentiments = ", ".join(
        f"({cleaning.quote(k)}, {cleaning.quote(v)})" for k, v in _sources().sentiment.items()
    )
    label = "coalesce(c.label, m.model_sentiment, m.source_sentiment)"
    numbers_sql = [
        f"CASE WHEN {label} IS NULL THEN NULL WHEN {label} = 'positive' THEN 1.0 "
        f"WHEN {label} = 'negative' THEN -1.0 ELSE 0.0 END AS sentiment",
        f"CASE WHEN {label} IS NULL THEN NULL WHEN {label} = 'positive' THEN 1.0 ELSE 0.0 END "
        "AS positive",
        f"CASE WHEN {label} IS NULL THEN NULL WHEN {label} = 'negative' THEN 1.0 ELSE 0.0 END "
        "AS negative",
        "CASE WHEN h.owner = 'own' THEN 1.0 ELSE 0.0 END AS is_own_brand",
    ]
    kept = [
        f"{column(name)} AS {name}"
        for name in ("published_at", "text", "permalink", "author", "source")
    ]
    metrics = [f"{column(name)} AS {name}" for name in ("mention_reach", "mention_engagements")]
    con.execute(
        f"""CREATE OR REPLACE TEMP VIEW staged_mentions AS
        SELECT s._row, {platform_sql} AS platform, {identity} AS mention_id,
               coalesce({language_sql}, e.language) AS language,
               src.label AS source_sentiment, e.model_sentiment,
               {", ".join(kept + metrics)}, CAST(s."{dated}" AS DATE) AS day
        FROM cells s JOIN mention_readings e USING (_row)
             LEFT JOIN (SELECT * FROM (VALUES {sentiments}) v(name, label)) src
               ON src.name = lower(trim(CAST({column("source_sentiment")} AS VARCHAR)))
        WHERE {good}"""
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP VIEW staged AS
        SELECT m.platform, h.owner AS account, h.owner AS owner, NULL::VARCHAR AS channel,
               m.mention_id, m.published_at, m.text, m.permalink, m.author, m.language,
               m.source, m.source_sentiment, m.model_sentiment, m.mention_reach,
               m.mention_engagements, {", ".join(numbers_sql)}, m._row, m.day
        FROM staged_mentions m JOIN mention_brands h USING (_row)
             LEFT JOIN (SELECT platform, mention_id, arg_max(label, corrected_at) AS label
                        FROM sentiment_corrections GROUP BY ALL) c
               ON c.platform = m.platform AND c.mention_id = m.mention_id"""
    )
    brands = con.execute("SELECT DISTINCT platform, account FROM staged").fetchall()
    unclaimed = sum(1 for owners in reading.owners if not owners)
    return {(p, a) for p, a in brands}, unclaimed


def _language_sql(raw: str) -> str:
    """A language as files write it ("fr", "FR", "fr-FR", "French", "Français") → "fr"."""
    value = f"lower(trim(CAST({raw} AS VARCHAR)))"
    return (
        f"CASE WHEN {value} IN ('french', 'français', 'francais') THEN 'fr' "
        f"WHEN {value} IN ('english', 'anglais') THEN 'en' "
        f"WHEN regexp_matches({value}, '^[a-z]{{2,3}}([-_][a-z0-9]+)?$') "
        f"THEN regexp_extract({value}, '^([a-z]{{2,3}})', 1) END"
    )


def _register_readings(
    con: duckdb.DuckDBPyConnection, numbers: list[int], reading: MentionReading
) -> None:
    import pyarrow as pa

    if not (len(reading.owners) == len(reading.labels) == len(reading.languages) == len(numbers)):
        raise ValueError("the mention reader gave another number of answers than texts")
    con.execute("DROP VIEW IF EXISTS staged")
    con.execute("DROP VIEW IF EXISTS staged_mentions")
    readings = pa.table(
        {
            "_row": pa.array(numbers, pa.int64()),
            "model_sentiment": pa.array(reading.labels, pa.string()),
            "language": pa.array(reading.languages, pa.string()),
        }
    )
    rows = [n for n, owners in zip(numbers, reading.owners, strict=True) for _ in owners]
    owners = [o for found in reading.owners for o in found]
    brands = pa.table({"_row": pa.array(rows, pa.int64()), "owner": pa.array(owners, pa.string())})
    con.register("mention_readings_arrow", readings)
    con.register("mention_brands_arrow", brands)
    con.execute("CREATE OR REPLACE TEMP TABLE mention_readings AS FROM mention_readings_arrow")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE mention_brands AS SELECT DISTINCT * FROM mention_brands_arrow"
    )
    con.unregister("mention_readings_arrow")
    con.unregister("mention_brands_arrow")


def _register_platforms(con: duckdb.DuckDBPyConnection, knowledge: Knowledge) -> None:
    names = {**{p: p for p in knowledge.platforms}, **_sources().platforms}
    con.execute("CREATE OR REPLACE TEMP TABLE mention_platforms (name VARCHAR, platform VARCHAR)")
    con.executemany("INSERT INTO mention_platforms VALUES (?, ?)", [list(i) for i in names.items()])


def _platform_sql(spec: FormatSpec, platform: str, permalink: str) -> str:
    """A mention's platform: the format's, else its source's or its link's domain's, looked
    up in ``mention_platforms``; a source that is no social network is 'other'."""
    if spec.platform:
        return cleaning.quote(spec.platform)
    named = f"regexp_replace(lower(trim(CAST({platform} AS VARCHAR))), '^www\\.', '')"
    domain = (
        f"regexp_extract(lower(CAST({permalink} AS VARCHAR)), "
        "'^[a-z]+://(?:www\\.|m\\.)?([^/:?#]+)', 1)"
    )
    return (
        f"coalesce((SELECT platform FROM mention_platforms WHERE name = {named}), "
        f"(SELECT platform FROM mention_platforms WHERE name = {domain}), 'other')"
    )


def forget_other_brands(con: duckdb.DuckDBPyConnection) -> int:
    """Remove the stored rows of the file's mentions for brands that no longer claim them
    (the strategy's queries changed since they were imported), including mentions no brand
    claims now: the rows of those mentions then say what the queries say now."""
    row = con.execute(
        """SELECT count(*) FROM mention t
        WHERE EXISTS (SELECT 1 FROM staged_mentions s
                      WHERE s.platform = t.platform AND s.mention_id = t.mention_id)
          AND NOT EXISTS (SELECT 1 FROM staged s WHERE s.platform = t.platform
                          AND s.account = t.account AND s.mention_id = t.mention_id)"""
    ).fetchone()
    stale = int(row[0]) if row else 0
    if stale:
        con.execute(
            """DELETE FROM mention t
            WHERE EXISTS (SELECT 1 FROM staged_mentions s
                          WHERE s.platform = t.platform AND s.mention_id = t.mention_id)
              AND NOT EXISTS (SELECT 1 FROM staged s WHERE s.platform = t.platform
                              AND s.account = t.account AND s.mention_id = t.mention_id)"""
        )
    return stale


_AMBASSADOR = (
    "(CASE WHEN is_own_brand = 1 AND lower(author) IN (SELECT author FROM ambassadors) "
    "THEN 1.0 ELSE 0.0 END)"
)


def refresh_ambassadors(con: duckdb.DuckDBPyConnection, declared: Sequence[str] = ()) -> None:
    """``is_ambassador`` of every mention: 1 for an own-brand mention whose author is
    declared (handles the strategy names) or mentions the brand repeatedly and positively."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE ambassadors AS
        SELECT lower(author) AS author FROM mention
        WHERE is_own_brand = 1 AND author IS NOT NULL
        GROUP BY lower(author)
        HAVING sum(positive) >= {AMBASSADOR_MIN_POSITIVE}
           AND sum(positive) >= {AMBASSADOR_MIN_SHARE!r} * count(*)
        UNION SELECT lower(unnest(?::VARCHAR[]))""",
        [list(declared)],
    )
    con.execute(
        f"""UPDATE mention SET is_ambassador = {_AMBASSADOR}
        WHERE is_ambassador IS DISTINCT FROM {_AMBASSADOR}"""
    )
    con.execute("DROP TABLE ambassadors")


def correct_sentiment(
    con: duckdb.DuckDBPyConnection, mention_id: str, label: str, note: str = ""
) -> int:
    """Record a user's label for a mention (all its platforms' rows) and put it in force:
    the number of stored rows it changed (0: no such mention)."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}: {', '.join(LABELS)}")
    platforms = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT platform FROM mention WHERE mention_id = ?", [mention_id]
        ).fetchall()
    ]
    for platform in platforms:
        con.execute(
            "INSERT INTO sentiment_corrections VALUES (?, ?, ?, now()::TIMESTAMP, ?)",
            [platform, mention_id, label, note],
        )
    value = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}[label]
    con.execute(
        """UPDATE mention SET sentiment = ?, positive = ?, negative = ?
        WHERE mention_id = ?""",
        [value, float(label == "positive"), float(label == "negative"), mention_id],
    )
    return len(platforms)
