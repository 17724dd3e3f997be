"""Progress against the strategy: each KPI's actual values against its path to target, what
was published against the cadence, the mix and the plan, and what performs best.

The KPI values come from the KPI engine (the catalogue's formulas, run in the database);
the expected value of a period is read on the KPI's trajectory (baseline at the start of
the strategy's period, target at the deadline: straight for rates, compounding for
audiences, as the plan draws it).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from stratege.i18n.catalogue import N_
from stratege.knowledge.models import Knowledge
from stratege.measure.formats import name_key
from stratege.planning.slots import Slot
from stratege.strategy.model import Kpi, Strategy

if TYPE_CHECKING:  # the documents read a Measurement without loading the database engines
    import duckdb

    from stratege.measure.engine import KpiEngine

Status = Literal["ahead", "on_track", "behind", "no_data", "no_target"]
# What a status is called (translated where it is shown).
STATUS = {
    "ahead": N_("ahead"),
    "on_track": N_("on track"),
    "behind": N_("behind"),
    "no_data": N_("no data"),
    "no_target": N_("no target"),
}
# A KPI is measured over the periods of its own frequency unless one period is asked for.
FREQUENCY_PERIODS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
}
TOLERANCE = 0.05  # a gap within 5 % of the baseline-to-target distance is "on track"
WEEKS_PER = {"day": 7.0, "week": 1.0, "month": 12 / 52}


@dataclass
class KpiPoint:
    period_start: dt.date
    period_end: dt.date  # the period's last day with data (the period may be incomplete)
    actual: float | None
    expected: float | None  # on the trajectory (see _kpi_progress)
    # for a volume (a sum or a count) over an incomplete period: the value the period would
    # reach at the same pace, which the status compares with the expected value
    run_rate: float | None = None


@dataclass
class KpiProgress:
    id: str
    metric: str
    period: str
    unit: str
    direction: str
    channels: list[str]
    baseline: float | None
    target: float | None
    deadline: dt.date | None
    points: list[KpiPoint] = field(default_factory=list)
    latest: float | None = None
    latest_period: dt.date | None = None
    expected: float | None = None
    status: Status = "no_data"
    projected: float | None = None
    gap: float | None = None  # target − latest, in the direction of progress (≤ 0: met)


@dataclass
class MixRow:
    id: str
    planned: float | None  # percent of posts
    actual: float  # percent of posts
    posts: int


@dataclass
class ChannelActivity:
    channel: str
    platform: str
    weeks: int
    posts: int
    planned_per_week: float | None
    actual_per_week: float
    formats: list[MixRow] = field(default_factory=list)
    planned_slots: int = 0
    matched_slots: int = 0
    unplanned_posts: int = 0


@dataclass
class BestRow:
    dimension: str  # format | pillar | weekday | hour
    value: str
    posts: int
    engagement_rate: float | None  # mean of engagements / reach per post, percent


@dataclass
class Measurement:
    period: str  # the period asked for, or "kpi" when each KPI uses its own frequency
    first_day: dt.date | None
    last_day: dt.date | None
    kpis: list[KpiProgress]
    channels: list[ChannelActivity]
    pillars: list[MixRow]
    best: list[BestRow]

    def record(self) -> dict[str, Any]:
        record: dict[str, Any] = plain(asdict(self))
        return record


def measure(
    con: duckdb.DuckDBPyConnection,
    engine: KpiEngine,
    strategy: Strategy,
    knowledge: Knowledge,
    *,
    period: str | None = None,
    slots: Sequence[Slot] = (),
) -> Measurement:
    """``period``: week, month, quarter or year for every KPI; None: each KPI over the
    periods of its own frequency (a yearly KPI against its yearly target)."""
    first, last = _data_span(con)
    start = strategy.period.start
    end = min(last, strategy.period.end) if last else strategy.period.end
    platforms = {channel.id: channel.platform for channel in strategy.channels}
    kpis = [
        _kpi_progress(
            engine,
            kpi,
            knowledge,
            period or FREQUENCY_PERIODS[kpi.frequency],
            start,
            end,
            platforms,
        )
        for kpi in strategy.kpis
    ]
    channels = _channels(con, strategy, start, end, slots)
    pillars = _pillars(con, strategy, start, end)
    best = _best(con, start, end)
    return Measurement(period or "kpi", first, last, kpis, channels, pillars, best)


def _data_span(con: duckdb.DuckDBPyConnection) -> tuple[dt.date | None, dt.date | None]:
    row = con.execute(
        "SELECT min(d), max(d) FROM (SELECT day AS d FROM post WHERE owner = 'own' "
        "UNION ALL SELECT day FROM account WHERE owner = 'own' "
        "UNION ALL SELECT day FROM message WHERE owner = 'own')"
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def expected_value(kpi: Kpi, growth: str, start: dt.date, day: dt.date) -> float | None:
    """The KPI's trajectory on ``day``: baseline at ``start``, target at the deadline."""
    if kpi.baseline is None or kpi.target is None or kpi.deadline is None:
        return None
    if kpi.deadline <= start:
        return kpi.target
    share = min(max((day - start).days / (kpi.deadline - start).days, 0.0), 1.0)
    if growth == "multiplicative" and kpi.baseline > 0 and kpi.target > 0:
        return float(kpi.baseline * (kpi.target / kpi.baseline) ** share)
    return float(kpi.baseline + (kpi.target - kpi.baseline) * share)


def _kpi_progress(
    engine: KpiEngine,
    kpi: Kpi,
    knowledge: Knowledge,
    period: str,
    start: dt.date,
    end: dt.date,
    platforms: Mapping[str, str],
) -> KpiProgress:
    """``platforms``: each channel's platform (a mention belongs to a platform, not to one
    of the strategy's channels)."""
    definition = knowledge.kpis.get(kpi.metric)
    progress = KpiProgress(
        kpi.id,
        kpi.metric,
        period,
        definition.unit if definition else "",
        definition.direction if definition else "higher",
        list(kpi.channels),
        kpi.baseline,
        kpi.target,
        kpi.deadline,
    )
    if definition is None:
        return progress
    try:
        mentions = definition.scope == "mention"
        values = engine.compute(
            kpi.metric,
            period=period,  # type: ignore[arg-type]
            start=start,
            end=end,
            # Mentions are stored per brand and their formulas pick the own brand's rows
            # themselves (is_own_brand): share of voice needs every brand's. They belong to
            # no channel of the strategy: a KPI's channels name the platforms it counts.
            channels=None if mentions else kpi.channels or None,
            owners=None if mentions else ["own"],
            platforms=(
                {platforms[c] for c in kpi.channels if c in platforms}
                if mentions and kpi.channels
                else None
            ),
        )
    except LookupError:
        return progress
    growth = definition.growth
    volume = is_volume(definition.formula, definition.unit)
    for value in values:
        full_end = _period_end(value.period_start, period, end)
        period_end = min(full_end, end)
        # a volume's target is the whole period's; a rate or an audience is where its
        # trajectory is on the last day measured
        point = KpiPoint(
            value.period_start,
            period_end,
            value.value,
            expected_value(kpi, growth, start, full_end if volume else period_end),
        )
        if volume and period_end < full_end and value.value is not None:
            elapsed = (period_end - value.period_start).days + 1
            point.run_rate = value.value * ((full_end - value.period_start).days + 1) / elapsed
        progress.points.append(point)
    measured = [p for p in progress.points if p.actual is not None]
    if not measured:
        return progress
    latest = measured[-1]
    progress.latest, progress.latest_period = latest.actual, latest.period_start
    progress.expected = latest.expected
    if kpi.target is None or kpi.baseline is None or kpi.deadline is None:
        progress.status = "no_target"
        return progress
    sign = 1.0 if progress.direction == "higher" else -1.0
    assert latest.actual is not None
    progress.gap = sign * (kpi.target - latest.actual)
    complete = [p for p in measured if p.run_rate is None]
    progress.projected = _projection(complete, kpi.deadline, growth)
    distance = abs(kpi.target - kpi.baseline) or abs(kpi.target) or 1.0
    pace = latest.run_rate if latest.run_rate is not None else latest.actual
    ahead_by = sign * (pace - (latest.expected or 0.0))
    if ahead_by > TOLERANCE * distance:
        progress.status = "ahead"
    elif ahead_by < -TOLERANCE * distance:
        progress.status = "behind"
    else:
        progress.status = "on_track"
    return progress


def is_volume(formula: str, unit: str) -> bool:
    """A sum or a count over the period (clicks, posts, spend): it grows with the period's
    length, so an incomplete period is judged at its pace. Rates, averages and audiences
    (last followers) are not."""
    simple = all(word not in formula for word in ("/", "mean(", "median(", "first(", "last("))
    return simple and unit in ("count", "currency")


def _period_end(start: dt.date, period: str, fallback: dt.date) -> dt.date:
    if period == "day":
        return start
    if period == "week":
        return start + dt.timedelta(days=6)
    if period in ("month", "quarter", "year"):
        months = {"month": 1, "quarter": 3, "year": 12}[period]
        month = start.month - 1 + months
        following = dt.date(start.year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return fallback


def _projection(points: Sequence[KpiPoint], deadline: dt.date, growth: str) -> float | None:
    """Least-squares line through the measured values (through their logarithms for
    compounding metrics), read at the deadline. None with fewer than two points."""
    if len(points) < 2:
        return None
    xs = [(p.period_end - points[0].period_end).days for p in points]
    values = [float(p.actual) for p in points if p.actual is not None]
    use_log = growth == "multiplicative" and all(v > 0 for v in values)
    ys = [math.log(v) for v in values] if use_log else values
    try:
        slope, intercept = statistics.linear_regression(xs, ys)
    except statistics.StatisticsError:  # every point on the same day
        return None
    value = intercept + slope * (deadline - points[0].period_end).days
    if use_log:
        return math.exp(value) if value < 700 else None
    return value


def _channels(
    con: duckdb.DuckDBPyConnection,
    strategy: Strategy,
    start: dt.date,
    end: dt.date,
    slots: Sequence[Slot],
) -> list[ChannelActivity]:
    rows = con.execute(
        """SELECT channel, day, coalesce(format, '') FROM post
        WHERE owner = 'own' AND channel IS NOT NULL AND day BETWEEN ? AND ?""",
        [start, end],
    ).fetchall()
    by_channel: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for channel, day, fmt in rows:
        by_channel[channel].append((day, fmt))
    cadence = {c.channel: c for c in strategy.cadence}
    mixes = {m.channel: m.mix for m in strategy.content.formats}
    planned_days: dict[str, Counter[dt.date]] = defaultdict(Counter)
    for slot in slots:
        if start <= slot.start.date() <= end:
            planned_days[slot.channel][slot.start.date()] += 1
    result = []
    for channel in strategy.channels:
        posts = by_channel.get(channel.id, [])
        if not posts and channel.id not in planned_days:
            continue
        days = [d for d, _ in posts]
        span_end = max(days) if days else end
        weeks = max(1, math.ceil(((span_end - start).days + 1) / 7))
        rule = cadence.get(channel.id)
        planned = rule.posts * WEEKS_PER[rule.per] if rule else None
        planned_mix = mixes.get(channel.id, {})
        formats = Counter(_as_planned(f, planned_mix) for _, f in posts if f)
        mix = _planned_mix(planned_mix)
        total = sum(formats.values())
        rows_mix = [
            MixRow(f, mix.get(f), 100.0 * formats[f] / total if total else 0.0, formats[f])
            for f in sorted(set(formats) | set(mix))
        ]
        published = Counter(days)
        wanted = planned_days.get(channel.id, Counter())
        wanted = Counter({d: n for d, n in wanted.items() if d <= span_end})
        matched = sum(min(n, published[d]) for d, n in wanted.items())
        result.append(
            ChannelActivity(
                channel.id,
                channel.platform,
                weeks,
                len(posts),
                planned,
                len(posts) / weeks,
                rows_mix,
                sum(wanted.values()),
                matched,
                len(posts) - matched,
            )
        )
    return result


# The platforms' exports call every still picture a photo: they cannot tell a photograph
# from a designed image. Where the plan has one of the two, the stills are counted as it;
# where it has both, they are compared together, as "image+photo".
STILLS = ("image", "photo")
BOTH_STILLS = "+".join(STILLS)


def _as_planned(fmt: str, mix: dict[str, float]) -> str:
    if fmt not in STILLS:
        return fmt
    planned = [still for still in STILLS if still in mix]
    if len(planned) == 2:
        return BOTH_STILLS
    return planned[0] if planned else fmt


def _planned_mix(mix: dict[str, float]) -> dict[str, float]:
    if all(still in mix for still in STILLS):
        rest = {f: share for f, share in mix.items() if f not in STILLS}
        return {**rest, BOTH_STILLS: sum(mix[still] for still in STILLS)}
    return dict(mix)


def pillar_of(label: str, strategy: Strategy) -> str | None:
    """The strategy's pillar a custom label or hashtag names (by id or by name)."""
    key = name_key(label)
    for pillar in strategy.content.pillars:
        if key in (name_key(pillar.id), name_key(pillar.name)):
            return pillar.id
    return None


def _pillars(
    con: duckdb.DuckDBPyConnection, strategy: Strategy, start: dt.date, end: dt.date
) -> list[MixRow]:
    rows = con.execute(
        """SELECT pillar, text FROM post
        WHERE owner = 'own' AND day BETWEEN ? AND ?""",
        [start, end],
    ).fetchall()
    counts: Counter[str] = Counter()
    for label, text in rows:
        found = None
        for part in (label or "").split(","):
            found = found or pillar_of(part.strip(), strategy)
        if found is None and text:
            for word in str(text).split():
                if word.startswith("#"):
                    found = found or pillar_of(word, strategy)
        if found:
            counts[found] += 1
    total = sum(counts.values())
    if not total:
        return []
    return [
        MixRow(p.id, p.share, 100.0 * counts[p.id] / total, counts[p.id])
        for p in strategy.content.pillars
    ]


def _best(con: duckdb.DuckDBPyConnection, start: dt.date, end: dt.date) -> list[BestRow]:
    """Engagement rate by reach per post (the catalogue's engagement_rate_by_reach_post),
    by format, pillar, weekday and hour of the own accounts' posts."""
    dimensions = {
        "format": "format",
        "pillar": "pillar",
        "weekday": "CAST(isodow(published_at) AS VARCHAR)",
        "hour": "CAST(hour(published_at) AS VARCHAR)",
    }
    result = []
    for name, sql in dimensions.items():
        rows = con.execute(
            f"""SELECT {sql} AS v, count(*) AS n,
                   avg(engagements / NULLIF(reach, 0)) * 100 AS rate
            FROM post WHERE owner = 'own' AND day BETWEEN ? AND ? AND {sql} IS NOT NULL
            GROUP BY v HAVING count(*) >= 3 ORDER BY rate DESC NULLS LAST, v""",
            [start, end],
        ).fetchall()
        result += [BestRow(name, str(v), int(n), _finite(r)) for v, n, r in rows]
    return result


def _finite(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else None


def plain(value: Any) -> Any:
    """A result as JSON-ready values (dates as ISO text), for --format json and the web."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
