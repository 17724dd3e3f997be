"""Alerts: a day when a brand is talked about far more than usual, or far more negatively.

For each brand and each day from the store's first mention to its last (days without any
as zeros), two figures: the **volume** (mentions) and the **negative share** (negative
mentions over the labelled ones, in percent). Each is compared with its baseline, the
``alerts.window_days`` previous days: median and MAD (median absolute deviation, scaled by
1.4826 to read like a standard deviation of normal data). A day raises an alert when its
value is above median + sensitivity × spread, the sensitivities being the strategy's
``volume_sensitivity`` and ``negative_share_sensitivity``.

- **The spread is the scaled MAD, never less than a floor**, so that a flat baseline (MAD
  0: ten mentions every day) does not turn the eleventh into an alert: for the volume,
  √median and at least 1 (the natural spread of a count of independent mentions, Poisson);
  for the negative share, :data:`SHARE_FLOOR` percentage points. Each alert says whether
  the floor was used.
- A day with fewer than ``alerts.min_mentions`` mentions raises no alert, and its negative
  share (too few texts to mean anything) is left out of later baselines; the volume
  baselines keep every day, quiet ones included.
- A baseline needs :data:`MIN_BASELINE_DAYS` days with a value (the first days of a store
  have none: the baseline grows to the full window).

Medians and MADs are DuckDB window aggregates over the day grid (brands × days: small);
each alert lists the mentions that drive it, by reach (negative ones first for a negative
share alert).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import duckdb

from stratege.strategy.model import Alerts

MAD_SCALE = 1.4826
SHARE_FLOOR = 5.0  # percentage points
MIN_BASELINE_DAYS = 7
DRIVERS = 5
TEXT_CHARACTERS = 280

Kind = Literal["volume", "negative_share"]


@dataclass(frozen=True)
class AlertRule:
    """The settings the alerts were raised with (the strategy's, and this module's floors)."""

    window_days: int
    volume_sensitivity: float
    negative_share_sensitivity: float
    min_mentions: int
    min_baseline_days: int = MIN_BASELINE_DAYS
    mad_scale: float = MAD_SCALE
    share_floor: float = SHARE_FLOOR

    @classmethod
    def of(cls, settings: Alerts) -> AlertRule:
        return cls(
            settings.window_days,
            settings.volume_sensitivity,
            settings.negative_share_sensitivity,
            settings.min_mentions,
        )


@dataclass(frozen=True)
class Driver:
    """A mention of the alert's day, among those that weigh most."""

    mention_id: str
    platform: str
    published_at: dt.datetime | None
    author: str | None
    reach: float | None
    sentiment: str | None  # negative / neutral / positive, the label in force
    text: str  # its first characters
    permalink: str | None


@dataclass(frozen=True)
class Alert:
    owner: str
    day: dt.date
    kind: Kind
    value: float  # mentions, or negative share in percent
    median: float
    mad: float  # scaled MAD (× 1.4826) of the baseline
    spread: float  # what the threshold uses: the MAD, or the floor when larger
    floored: bool
    sensitivity: float
    threshold: float  # median + sensitivity × spread
    mentions: int  # the brand's mentions that day
    baseline_days: int
    drivers: list[Driver]


@dataclass(frozen=True)
class DailyPoint:
    """One brand on one day, with the thresholds in force (None: no baseline yet): the
    alert timeline's series."""

    owner: str
    day: dt.date
    mentions: int
    negative_share: float | None  # None: fewer than min_mentions, or none labelled
    volume_threshold: float | None
    negative_share_threshold: float | None


def volume_spread(mad: float, median: float) -> float:
    return max(mad, math.sqrt(max(median, 0.0)), 1.0)


def share_spread(mad: float) -> float:
    return max(mad, SHARE_FLOOR)


def daily_alerts(
    con: duckdb.DuckDBPyConnection, owners: Sequence[str], settings: Alerts
) -> tuple[list[Alert], list[DailyPoint]]:
    """The alerts of ``owners`` (by day, then brand) and their daily series."""
    span = con.execute("SELECT min(day), max(day) FROM mention").fetchone()
    if not span or span[0] is None or not owners:
        return [], []
    rows = con.execute(
        f"""WITH days AS (
            SELECT CAST(unnest(generate_series(?::DATE, ?::DATE, INTERVAL 1 DAY)) AS DATE) AS day
        ), brands AS (SELECT unnest(?::VARCHAR[]) AS owner),
        counts AS (
            SELECT owner, day, count(*) AS n, count(sentiment) AS labelled,
                   coalesce(sum(negative), 0) AS neg
            FROM mention GROUP BY ALL
        ),
        series AS (
            SELECT b.owner, d.day, CAST(coalesce(c.n, 0) AS DOUBLE) AS n,
                   CASE WHEN coalesce(c.n, 0) >= ? AND c.labelled > 0
                        THEN 100.0 * c.neg / c.labelled END AS share
            FROM brands b CROSS JOIN days d LEFT JOIN counts c USING (owner, day)
        )
        SELECT owner, day, n, share,
               median(n) OVER w, mad(n) OVER w, count(n) OVER w,
               median(share) OVER w, mad(share) OVER w, count(share) OVER w
        FROM series
        WINDOW w AS (PARTITION BY owner ORDER BY day
                     ROWS BETWEEN {int(settings.window_days)} PRECEDING AND 1 PRECEDING)
        ORDER BY day, owner""",
        [span[0], span[1], list(owners), settings.min_mentions],
    ).fetchall()
    alerts: list[Alert] = []
    points: list[DailyPoint] = []
    for owner, day, n, share, v_med, v_mad, v_days, s_med, s_mad, s_days in rows:
        v_threshold = s_threshold = None
        if v_days >= MIN_BASELINE_DAYS:
            mad = MAD_SCALE * float(v_mad)
            spread = volume_spread(mad, float(v_med))
            v_threshold = float(v_med) + settings.volume_sensitivity * spread
            if n >= settings.min_mentions and n > v_threshold:
                alerts.append(
                    Alert(
                        owner,
                        day,
                        "volume",
                        float(n),
                        float(v_med),
                        mad,
                        spread,
                        spread > mad,
                        settings.volume_sensitivity,
                        v_threshold,
                        int(n),
                        int(v_days),
                        [],
                    )
                )
        if s_days >= MIN_BASELINE_DAYS:
            mad = MAD_SCALE * float(s_mad)
            spread = share_spread(mad)
            s_threshold = float(s_med) + settings.negative_share_sensitivity * spread
            if share is not None and share > s_threshold:
                alerts.append(
                    Alert(
                        owner,
                        day,
                        "negative_share",
                        float(share),
                        float(s_med),
                        mad,
                        spread,
                        spread > mad,
                        settings.negative_share_sensitivity,
                        s_threshold,
                        int(n),
                        int(s_days),
                        [],
                    )
                )
        points.append(DailyPoint(owner, day, int(n), share, v_threshold, s_threshold))
    return _with_drivers(con, alerts), points


def _with_drivers(con: duckdb.DuckDBPyConnection, alerts: list[Alert]) -> list[Alert]:
    if not alerts:
        return alerts
    con.execute(
        "CREATE OR REPLACE TEMP TABLE listening_alerts (n INTEGER, owner VARCHAR, day DATE, "
        "negative_first BOOLEAN)"
    )
    con.executemany(
        "INSERT INTO listening_alerts VALUES (?, ?, ?, ?)",
        [[i, a.owner, a.day, a.kind == "negative_share"] for i, a in enumerate(alerts)],
    )
    rows = con.execute(
        f"""SELECT n, mention_id, platform, published_at, author, mention_reach, label,
               left(coalesce(text, ''), {TEXT_CHARACTERS}), permalink
        FROM (
            SELECT a.n, m.mention_id, m.platform, m.published_at, m.author, m.mention_reach,
                   CASE m.sentiment WHEN 1 THEN 'positive' WHEN -1 THEN 'negative'
                                    WHEN 0 THEN 'neutral' END AS label,
                   m.text, m.permalink,
                   row_number() OVER (
                       PARTITION BY a.n
                       ORDER BY CASE WHEN a.negative_first AND m.negative = 1 THEN 0 ELSE 1 END,
                                m.mention_reach DESC NULLS LAST, m.mention_engagements DESC
                                NULLS LAST, m.mention_id) AS rank
            FROM listening_alerts a JOIN mention m ON m.owner = a.owner AND m.day = a.day)
        WHERE rank <= {DRIVERS} ORDER BY n, rank"""
    ).fetchall()
    con.execute("DROP TABLE listening_alerts")
    drivers: dict[int, list[Driver]] = {}
    for n, *fields in rows:
        drivers.setdefault(n, []).append(Driver(*fields))
    return [Alert(**{**a.__dict__, "drivers": drivers.get(i, [])}) for i, a in enumerate(alerts)]
