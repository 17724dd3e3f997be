"""How good a calendar is: cadence kept, mix respected, nobody over their hours.

The same measures serve the plan summary, the tests and the benchmarks, so that "meets
cadence within one post a week" means one thing everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from stratege.knowledge.models import Knowledge
from stratege.planning.days import Horizon, week_start
from stratege.planning.slots import Slot, channel_windows, week_capacity
from stratege.strategy.model import Strategy


@dataclass(frozen=True)
class CalendarQuality:
    cadence_deviation: float  # worst |posts - target| in any channel-week (cadence posts only)
    mix_deviation: float  # worst gap, in percentage points, between a format's share and plan
    overrun_hours: float  # hours planned beyond capacity, all person-weeks together
    unstaffed_posts: int


def measure(
    strategy: Strategy,
    knowledge: Knowledge,
    horizon: Horizon,
    slots: list[Slot],
    load: dict[tuple[str, dt.date], dict[str, float]],
    capacity: dict[tuple[str, dt.date], float],
) -> CalendarQuality:
    return CalendarQuality(
        cadence_deviation=cadence_deviation(strategy, knowledge, horizon, slots),
        mix_deviation=mix_deviation(strategy, slots),
        overrun_hours=overrun(load, capacity),
        unstaffed_posts=sum(1 for s in slots if not s.staffed),
    )


def overrun(
    load: dict[tuple[str, dt.date], dict[str, float]], capacity: dict[tuple[str, dt.date], float]
) -> float:
    """Hours planned beyond capacity; below a second in a person-week is solver rounding."""
    excess = (sum(hours.values()) - capacity.get(key, 0) for key, hours in load.items())
    return float(sum(e for e in excess if e > 1e-3))


def cadence_deviation(
    strategy: Strategy, knowledge: Knowledge, horizon: Horizon, slots: list[Slot]
) -> float:
    """Worst gap in any channel-week between cadence posts and the exact weekly target."""
    counts: dict[str, Counter[dt.date]] = defaultdict(Counter)
    for slot in slots:
        if not slot.extra:
            counts[slot.channel][week_start(slot.start.date())] += 1
    worst = 0.0
    for cadence, exact in weekly_exact_targets(strategy, knowledge, horizon).items():
        for monday, target in exact.items():
            worst = max(worst, abs(counts[cadence][monday] - target))
    return worst


def weekly_exact_targets(
    strategy: Strategy, knowledge: Knowledge, horizon: Horizon
) -> dict[str, dict[dt.date, float]]:
    """Per channel and week: the cadence's exact share of the week's open days (blackouts
    excluded), capped by what the week's windows can carry."""
    targets: dict[str, dict[dt.date, float]] = {}
    for cadence in strategy.cadence:
        channel = strategy.channel(cadence.channel)
        if channel is None or channel.platform not in knowledge.platforms:
            continue
        windows = channel_windows(cadence, channel, knowledge)
        exact = {}
        for monday in horizon.weeks:
            days = [monday + dt.timedelta(days=i) for i in range(7)]
            live = [
                d for d in days if horizon.start <= d <= horizon.end and not horizon.is_blackout(d)
            ]
            share = cadence.posts_per_week * len(live) / 7
            exact[monday] = min(share, week_capacity(monday, horizon, windows))
        targets[cadence.channel] = exact
    return targets


def mix_deviation(strategy: Strategy, slots: list[Slot]) -> float:
    worst = 0.0
    for mix in strategy.content.formats:
        posts = [s.format for s in slots if s.channel == mix.channel]
        total = sum(mix.mix.values())
        if not posts or not total:
            continue
        made = Counter(posts)
        for fmt, share in mix.mix.items():
            worst = max(worst, abs(100 * made[fmt] / len(posts) - 100 * share / total))
    return worst
