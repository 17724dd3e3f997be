"""Who speaks for the brand: ambassadors, and influencers worth approaching.

- **Ambassadors**: authors who mention the own brand repeatedly and positively — the
  importer's rule (``stratege.measure.mentions``): at least
  :data:`~stratege.measure.mentions.AMBASSADOR_MIN_POSITIVE` positive mentions and at
  least :data:`~stratege.measure.mentions.AMBASSADOR_MIN_SHARE` of their mentions positive
  — or flagged ``is_ambassador`` by the import (declared handles); ranked by audience.
- **Influencers**: authors whose audience (the largest ``mention_reach`` of their
  mentions: the followers a listening tool reports) reaches :data:`INFLUENCER_MIN_REACH`,
  whatever the tone of their mentions of the brand; ranked by audience.

Both are proposed as candidates for the strategy's audience of kind ``ambassadors`` (and
``influencers`` for the latter, when the strategy has one): the ids of those audiences
come with the lists. Authors are compared case-insensitively, as the importer does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from stratege.measure.mentions import AMBASSADOR_MIN_POSITIVE, AMBASSADOR_MIN_SHARE
from stratege.strategy.model import Strategy

INFLUENCER_MIN_REACH = 10_000
LISTED = 20


@dataclass(frozen=True)
class Author:
    author: str  # as first written in the mentions
    platforms: list[str]
    mentions: int
    positive: int
    negative: int
    audience: float | None  # largest reach of their mentions
    first_day: dt.date
    last_day: dt.date


@dataclass(frozen=True)
class Advocates:
    ambassadors: list[Author]
    influencers: list[Author]
    ambassadors_audience: str | None  # the strategy's audience of kind ambassadors
    influencers_audience: str | None  # … of kind influencers
    min_positive: int
    min_share: float
    min_reach: float


def advocates(
    con: duckdb.DuckDBPyConnection,
    strategy: Strategy,
    *,
    owner: str = "own",
    min_reach: float = INFLUENCER_MIN_REACH,
    listed: int = LISTED,
) -> Advocates:
    rows = con.execute(
        f"""SELECT min(author), list(DISTINCT platform ORDER BY platform), count(*),
               CAST(coalesce(sum(positive), 0) AS INTEGER),
               CAST(coalesce(sum(negative), 0) AS INTEGER), max(mention_reach),
               min(day), max(day),
               (coalesce(sum(positive), 0) >= {AMBASSADOR_MIN_POSITIVE}
                AND coalesce(sum(positive), 0) >= {AMBASSADOR_MIN_SHARE!r} * count(*))
               OR coalesce(max(is_ambassador), 0) = 1 AS ambassador,
               coalesce(max(mention_reach), 0) >= ? AS influencer
        FROM mention
        WHERE owner = ? AND author IS NOT NULL AND trim(author) <> ''
        GROUP BY lower(author)
        HAVING ambassador OR influencer
        ORDER BY max(mention_reach) DESC NULLS LAST, count(*) DESC, lower(author)""",
        [min_reach, owner],
    ).fetchall()
    ambassadors = [Author(*r[:8]) for r in rows if r[8]][:listed]
    influencers = [Author(*r[:8]) for r in rows if r[9]][:listed]
    kinds = {a.kind: a.id for a in reversed(strategy.audiences)}
    return Advocates(
        ambassadors,
        influencers,
        kinds.get("ambassadors"),
        kinds.get("influencers"),
        AMBASSADOR_MIN_POSITIVE,
        AMBASSADOR_MIN_SHARE,
        min_reach,
    )
