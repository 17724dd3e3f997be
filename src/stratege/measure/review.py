"""The review loop: changes to the strategy that the measured results argue for.

Each suggestion carries its evidence (figures and periods) and the change it would make to
the strategy; nothing is applied unless the user asks (``stratege review --apply``). The
rules are deliberately few and conservative, with thresholds stated here:

- cadence: on a channel that posts at least its cadence, weeks with more posts bring no
  more reach (slope of weekly reach on weekly posts ≤ 0 over ≥ MIN_WEEKS weeks) → post
  what the typical week already does;
- windows: an hour outside the channel's publishing windows whose posts engage at least
  OUTPERFORM × the channel's average (≥ MIN_POSTS posts) → a window there;
- formats: a format whose posts engage at least OUTPERFORM × the channel's average
  (≥ MIN_POSTS posts) → its share of the mix raised by FORMAT_STEP points, taken from the
  weakest format;
- targets: a KPI that already beats its target before the deadline → a higher target (the
  projection at the deadline); one whose projection reaches less than half the way from
  baseline to target → the projection as target, or a later deadline.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from stratege.measure.progress import Measurement, plain
from stratege.strategy.model import Strategy
from stratege.timewindow import TimeWindow

MIN_WEEKS = 6
MIN_POSTS = 5
OUTPERFORM = 1.25
FORMAT_STEP = 10


@dataclass
class Suggestion:
    code: str  # cadence | window | format_share | target_met | target_out_of_reach
    subject: str  # a channel or KPI id
    evidence: dict[str, Any]
    path: str  # the strategy field it changes, e.g. cadence[facebook].posts
    current: Any
    proposed: Any


@dataclass
class Review:
    suggestions: list[Suggestion] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        record: dict[str, Any] = plain(asdict(self))
        return record


def review(con: duckdb.DuckDBPyConnection, strategy: Strategy, measurement: Measurement) -> Review:
    result = Review()
    result.suggestions += _cadence(con, strategy)
    result.suggestions += _windows(con, strategy)
    result.suggestions += _formats(con, strategy)
    result.suggestions += _targets(strategy, measurement)
    return result


def _weekly(con: duckdb.DuckDBPyConnection, channel: str) -> list[tuple[dt.date, int, float]]:
    return [
        (row[0], int(row[1]), float(row[2] or 0))
        for row in con.execute(
            """SELECT date_trunc('week', day) AS week, count(*), sum(reach) FROM post
            WHERE owner = 'own' AND channel = ? GROUP BY week ORDER BY week""",
            [channel],
        ).fetchall()
    ]


def _cadence(con: duckdb.DuckDBPyConnection, strategy: Strategy) -> list[Suggestion]:
    found = []
    for rule in strategy.cadence:
        weeks = _weekly(con, rule.channel)
        if len(weeks) < MIN_WEEKS:
            continue
        per_week = {"day": 7.0, "week": 1.0, "month": 12 / 52}[rule.per] * rule.posts
        posts = [w[1] for w in weeks]
        reach = [w[2] for w in weeks]
        slope = _slope(posts, reach)
        typical = sorted(posts)[len(posts) // 2]
        if slope is None or slope > 0 or sum(posts) / len(posts) < per_week or typical <= 0:
            continue
        proposed = typical / {"day": 7.0, "week": 1.0, "month": 12 / 52}[rule.per]
        if proposed >= rule.posts:
            continue
        found.append(
            Suggestion(
                "cadence",
                rule.channel,
                {
                    "weeks": len(weeks),
                    "from": weeks[0][0],
                    "to": weeks[-1][0],
                    "posts_per_week": round(sum(posts) / len(posts), 2),
                    "reach_per_extra_post": round(slope, 1),
                },
                f"cadence[{rule.channel}].posts",
                rule.posts,
                round(proposed, 1),
            )
        )
    return found


def _slope(xs: list[int], ys: list[float]) -> float | None:
    try:
        return statistics.linear_regression(xs, ys).slope
    except statistics.StatisticsError:  # the same number of posts every week
        return None


def _rates(
    con: duckdb.DuckDBPyConnection, channel: str, column: str
) -> tuple[float | None, list[tuple[Any, int, float]]]:
    """The channel's mean engagement rate by reach per post, and the same per ``column``."""
    overall = con.execute(
        """SELECT avg(engagements / NULLIF(reach, 0)) FROM post
        WHERE owner = 'own' AND channel = ?""",
        [channel],
    ).fetchone()
    rows = con.execute(
        f"""SELECT {column} AS v, count(*) AS n, avg(engagements / NULLIF(reach, 0)) AS r
        FROM post WHERE owner = 'own' AND channel = ? AND {column} IS NOT NULL
        GROUP BY v HAVING count(*) >= {MIN_POSTS} AND r IS NOT NULL ORDER BY r DESC""",
        [channel],
    ).fetchall()
    mean = overall[0] if overall else None
    return (float(mean) if mean is not None and math.isfinite(mean) else None), [
        (v, int(n), float(r)) for v, n, r in rows
    ]


def _windows(con: duckdb.DuckDBPyConnection, strategy: Strategy) -> list[Suggestion]:
    found = []
    for rule in strategy.cadence:
        if not rule.windows:
            continue
        mean, hours = _rates(con, rule.channel, "hour(published_at)")
        if not mean:
            continue
        for hour, n, rate in hours:
            if rate < OUTPERFORM * mean or _covered(rule.windows, int(hour)):
                continue
            days = sorted({d for w in rule.windows for d in w.days}, key=_DAYS.index)
            window = TimeWindow(
                days=days, start=dt.time(int(hour)), end=dt.time(min(int(hour) + 1, 23), 59)
            )
            found.append(
                Suggestion(
                    "window",
                    rule.channel,
                    {"hour": int(hour), "posts": n, "rate": rate * 100, "channel_rate": mean * 100},
                    f"cadence[{rule.channel}].windows",
                    [_window_text(w) for w in rule.windows],
                    [_window_text(w) for w in rule.windows] + [_window_text(window)],
                )
            )
            break
    return found


_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _covered(windows: list[TimeWindow], hour: int) -> bool:
    moment = dt.time(hour, 30)
    return any(w.start <= moment < w.end for w in windows)


def _window_text(window: TimeWindow) -> str:
    return f"{','.join(window.days)} {window.start:%H:%M}-{window.end:%H:%M}"


def _formats(con: duckdb.DuckDBPyConnection, strategy: Strategy) -> list[Suggestion]:
    found = []
    for mix in strategy.content.formats:
        mean, formats = _rates(con, mix.channel, "format")
        if not mean or not formats:
            continue
        best, n, rate = formats[0]
        if rate < OUTPERFORM * mean or best not in mix.mix:
            continue
        donors = [f for f in sorted(mix.mix, key=lambda f: _rate_of(formats, f)) if f != best]
        donors = [f for f in donors if mix.mix[f] >= FORMAT_STEP]
        if not donors:
            continue
        new_mix = dict(mix.mix)
        new_mix[best] += FORMAT_STEP
        new_mix[donors[0]] -= FORMAT_STEP
        found.append(
            Suggestion(
                "format_share",
                mix.channel,
                {"format": best, "posts": n, "rate": rate * 100, "channel_rate": mean * 100},
                f"content.formats[{mix.channel}].mix",
                dict(mix.mix),
                new_mix,
            )
        )
    return found


def _rate_of(formats: list[tuple[Any, int, float]], name: str) -> float:
    return next((r for v, _, r in formats if v == name), -math.inf)


def _targets(strategy: Strategy, measurement: Measurement) -> list[Suggestion]:
    found = []
    kpis = {k.id: k for k in strategy.kpis}
    for progress in measurement.kpis:
        kpi = kpis.get(progress.id)
        if kpi is None or kpi.target is None or kpi.baseline is None or progress.latest is None:
            continue
        sign = 1.0 if progress.direction == "higher" else -1.0
        evidence = {
            "latest": progress.latest,
            "period": progress.latest_period,
            "projected": progress.projected,
            "deadline": kpi.deadline,
        }
        before_deadline = kpi.deadline is None or (
            progress.latest_period is not None and progress.latest_period < kpi.deadline
        )
        if sign * (progress.latest - kpi.target) >= 0 and before_deadline:
            proposed = progress.projected
            if proposed is None or sign * (proposed - progress.latest) <= 0:
                proposed = progress.latest
            found.append(
                Suggestion(
                    "target_met",
                    kpi.id,
                    evidence,
                    f"kpis[{kpi.id}].target",
                    kpi.target,
                    round(proposed, 2),
                )
            )
            continue
        if progress.projected is None:
            continue
        reached = sign * (progress.projected - kpi.baseline)
        wanted = sign * (kpi.target - kpi.baseline)
        if wanted > 0 and reached < wanted / 2:
            found.append(
                Suggestion(
                    "target_out_of_reach",
                    kpi.id,
                    evidence,
                    f"kpis[{kpi.id}].target",
                    kpi.target,
                    round(progress.projected, 2),
                )
            )
    return found


def apply(strategy: Strategy, suggestions: list[Suggestion]) -> Strategy:
    """The strategy with the suggested changes made."""
    cadence = {c.channel: c for c in strategy.cadence}
    mixes = {m.channel: m for m in strategy.content.formats}
    kpis = {k.id: k for k in strategy.kpis}
    for s in suggestions:
        if s.code == "cadence":
            cadence[s.subject] = cadence[s.subject].model_copy(update={"posts": s.proposed})
        elif s.code == "window":
            windows = [_parse_window(text) for text in s.proposed]
            cadence[s.subject] = cadence[s.subject].model_copy(update={"windows": windows})
        elif s.code == "format_share":
            mixes[s.subject] = mixes[s.subject].model_copy(update={"mix": s.proposed})
        elif s.code in ("target_met", "target_out_of_reach"):
            kpis[s.subject] = kpis[s.subject].model_copy(update={"target": s.proposed})
    content = strategy.content.model_copy(
        update={"formats": [mixes[m.channel] for m in strategy.content.formats]}
    )
    return strategy.model_copy(
        update={
            "cadence": [cadence[c.channel] for c in strategy.cadence],
            "content": content,
            "kpis": [kpis[k.id] for k in strategy.kpis],
        }
    )


def _parse_window(text: str) -> TimeWindow:
    days, _, span = text.partition(" ")
    start, _, end = span.partition("-")
    return TimeWindow(days=days.split(","), start=start, end=end)
