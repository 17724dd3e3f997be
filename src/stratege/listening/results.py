"""Volume, share of voice and net sentiment of each brand, from the store's ``mention`` table.

The table holds one row per mention and per brand it names (``owner``: 'own' or a
competitor's id), so a brand's volume is a count of its rows, and its **share of voice**
in a group (a period, a platform, a language) is its count over the count of all brands'
rows in that group, in percent: a mention that names two brands counts once for each, and
the shares of a group add up to 100. **Net sentiment** is (positive − negative) /
(positive + negative) × 100, from the label in force (a user's correction, else the
model's, else the source tool's); neutral and unlabelled mentions do not weigh in it.

Everything is counted by DuckDB (one GROUPING SETS query each), Python only shapes the
few aggregated rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from stratege.listening.periods import Period, period_label, period_sql, period_starts
from stratege.strategy.model import Strategy

UNKNOWN_LANGUAGE = "unknown"


@dataclass(frozen=True)
class BrandPeriod:
    """One brand over one period (``period`` None: over the whole range of the store)."""

    period: dt.date | None
    label: str
    owner: str
    mentions: int
    share_of_voice: float | None  # percent of all brands' mentions of the period
    positive: int
    negative: int
    neutral: int
    unlabelled: int
    net_sentiment: float | None  # (positive − negative) / (positive + negative) × 100


@dataclass(frozen=True)
class ShareOf:
    """A brand's share of voice on one platform or in one language, over one period (None:
    the whole range)."""

    dimension: str  # "platform" or "language"
    value: str  # a platform id; a language code, or "unknown"
    period: dt.date | None
    label: str
    owner: str
    mentions: int
    share_of_voice: float | None


@dataclass(frozen=True)
class Agreement:
    """How often the source tool's label and the model's agree, on the mentions that have
    both (each mention once, whatever the number of brands it names). Both are kept."""

    mentions: int
    agreed: int
    rate: float | None  # percent


def brands(con: duckdb.DuckDBPyConnection, strategy: Strategy) -> list[str]:
    """'own', the strategy's competitors in its order, then any other brand of the store."""
    named = ["own", *(c.id for c in strategy.audit.competitors)]
    stored = [r[0] for r in con.execute("SELECT DISTINCT owner FROM mention ORDER BY 1").fetchall()]
    return list(dict.fromkeys([*named, *(o for o in stored if o is not None)]))


def mention_range(con: duckdb.DuckDBPyConnection) -> tuple[dt.date | None, dt.date | None]:
    row = con.execute("SELECT min(day), max(day) FROM mention").fetchone()
    return (row[0], row[1]) if row else (None, None)


def share(part: float, whole: float) -> float | None:
    return 100 * part / whole if whole else None


def net_sentiment(positive: float, negative: float) -> float | None:
    labelled = positive + negative
    return 100 * (positive - negative) / labelled if labelled else None


def volumes(
    con: duckdb.DuckDBPyConnection, owners: Sequence[str], period: Period
) -> list[BrandPeriod]:
    """Each brand in each period from the first mention's to the last's (empty periods and
    silent brands as zeros: the series have no gaps), then each brand over the whole range
    (``period`` None), in that order."""
    first, last = mention_range(con)
    if first is None or last is None:
        return []
    rows = con.execute(
        f"""SELECT {period_sql(period)} AS period, owner, grouping(period) AS whole,
               count(*), coalesce(sum(positive), 0), coalesce(sum(negative), 0),
               count(sentiment) - coalesce(sum(positive), 0) - coalesce(sum(negative), 0),
               count(*) - count(sentiment)
        FROM mention GROUP BY GROUPING SETS ((period, owner), (owner))"""
    ).fetchall()
    found = {(None if whole else p, o): tuple(int(v) for v in rest) for p, o, whole, *rest in rows}
    starts: list[dt.date | None] = [*period_starts(first, last, period), None]
    result: list[BrandPeriod] = []
    for start in starts:
        total = sum(found.get((start, o), (0,))[0] for o in owners)
        for owner in owners:
            mentions, positive, negative, neutral, unlabelled = found.get(
                (start, owner), (0, 0, 0, 0, 0)
            )
            result.append(
                BrandPeriod(
                    start,
                    period_label(start, period) if start else f"{first} → {last}",
                    owner,
                    mentions,
                    share(mentions, total),
                    positive,
                    negative,
                    neutral,
                    unlabelled,
                    net_sentiment(positive, negative),
                )
            )
    return result


def shares_by(
    con: duckdb.DuckDBPyConnection, owners: Sequence[str], period: Period
) -> list[ShareOf]:
    """Share of voice per platform and per language, per period and over the whole range
    (only the groups with mentions; each brand of ``owners`` in each, zeros included)."""
    first, last = mention_range(con)
    if first is None or last is None:
        return []
    rows = con.execute(
        f"""SELECT {period_sql(period)} AS period, platform,
               coalesce(language, '{UNKNOWN_LANGUAGE}') AS lang, owner,
               grouping(period) AS whole, grouping(platform) AS no_platform, count(*)
        FROM mention
        GROUP BY GROUPING SETS ((period, platform, owner), (period, lang, owner),
                                (platform, owner), (lang, owner))"""
    ).fetchall()
    counts: dict[tuple[str, str, dt.date | None], dict[str, int]] = {}
    for start, platform, lang, owner, whole, no_platform, n in rows:
        key = ("language", lang, None if whole else start)
        if not no_platform:
            key = ("platform", platform, None if whole else start)
        counts.setdefault(key, {})[owner] = int(n)
    listed = [*owners, *sorted({o for c in counts.values() for o in c} - set(owners))]
    result: list[ShareOf] = []
    for (dimension, value, start), by_owner in sorted(
        counts.items(), key=lambda item: (item[0][0], item[0][2] or dt.date.max, item[0][1])
    ):
        total = sum(by_owner.values())
        label = period_label(start, period) if start else f"{first} → {last}"
        for owner in listed:
            n = by_owner.get(owner, 0)
            result.append(ShareOf(dimension, value, start, label, owner, n, share(n, total)))
    return result


def agreement(con: duckdb.DuckDBPyConnection) -> Agreement:
    row = con.execute(
        """SELECT count(*), count(*) FILTER (WHERE source_sentiment = model_sentiment)
        FROM (SELECT DISTINCT platform, mention_id, source_sentiment, model_sentiment
              FROM mention
              WHERE source_sentiment IS NOT NULL AND model_sentiment IS NOT NULL)"""
    ).fetchone()
    mentions, agreed = (int(row[0]), int(row[1])) if row else (0, 0)
    return Agreement(mentions, agreed, share(agreed, mentions))
