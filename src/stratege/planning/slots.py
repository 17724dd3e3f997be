"""Dated publication slots: how many posts each week, on which days, at what times.

Placement is arithmetic, not search: the cadence is turned into weekly counts by
cumulative rounding (each week within one post of its exact share, the period total
exact); the posts of a week are spread evenly over the days that may carry one (a window
that day, no holiday, no blackout), each day's posts spread evenly over its windows with a
minimum gap. Formats, pillars and audiences then follow their shares post after post
(largest deficit first), so any stretch of the calendar respects the mix.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from stratege.knowledge.models import Knowledge
from stratege.planning.days import Horizon, days_between, week_start, weekday_code
from stratege.strategy.model import Cadence, Channel, Occasion, Strategy, TimeWindow

ROUND_MINUTES = 5  # schedulers (Hootsuite among them) want times on 5-minute marks


@dataclass
class Slot:
    """One post to publish: when, where, what, for whom, and who makes it happen."""

    channel: str
    platform: str
    start: dt.datetime
    id: str = ""  # stable: channel, day and rank in the day (see assign_ids)
    format: str = ""
    pillar: str | None = None
    audience: str | None = None
    occasion: str | None = None
    campaign: str | None = None
    extra: bool = False  # an occasion's extra post, on top of the cadence
    due: dt.date | None = None  # production finished by
    producers: dict[str, str | None] = field(default_factory=dict)  # skill → person
    approver: str | None = None
    publisher: str | None = None

    @property
    def staffed(self) -> bool:
        return all(self.producers.values())


@dataclass(frozen=True)
class ChannelWindows:
    """A channel's publishing windows per weekday, and how densely it may post."""

    by_day: dict[str, list[tuple[int, int]]]  # weekday → [(start minute, end minute)]
    min_gap: int

    def minutes(self, weekday: str) -> int:
        return sum(end - start for start, end in self.by_day.get(weekday, []))

    def capacity(self, weekday: str) -> int:
        """Most posts a day can carry, evenly spaced, keeping the minimum gap after rounding."""
        return self.minutes(weekday) // (self.min_gap + ROUND_MINUTES)


def plan_slots(strategy: Strategy, knowledge: Knowledge, horizon: Horizon) -> list[Slot]:
    """Every slot of the horizon, for every channel with a cadence, in time order."""
    channels: dict[str, tuple[Channel, ChannelWindows]] = {}
    counts: dict[str, dict[dt.date, list[Slot | None]]] = {}
    for cadence in strategy.cadence:
        channel = strategy.channel(cadence.channel)
        if channel is None or channel.platform not in knowledge.platforms:
            continue
        windows = channel_windows(cadence, channel, knowledge)
        channels[channel.id] = (channel, windows)
        counts[channel.id] = _cadence_counts(cadence, windows, horizon)
    for occasion in strategy.occasions:
        _add_extra_posts(occasion, channels, counts, horizon)
    slots: list[Slot] = []
    for channel_id, (channel, windows) in channels.items():
        slots += _timed_slots(channel, counts[channel_id], windows)
    slots.sort(key=lambda s: (s.start, s.channel))
    assign_ids(slots)
    _assign_content(strategy, slots)
    _tag_occasions_and_campaigns(strategy, slots)
    return slots


def assign_ids(slots: list[Slot]) -> None:
    """Each slot's id: ``<channel>-<YYYYMMDD>-<rank of the post that day on the channel>``.

    Unique by construction and deterministic. It does not depend on the time of day (which
    moves when the day's count or windows change) nor on anything another channel does,
    so the web app and the measurement of published posts can keep pointing at a slot while
    the rest of the strategy changes.
    """
    rank: dict[tuple[str, dt.date], int] = defaultdict(int)
    for slot in slots:  # in time order
        key = (slot.channel, slot.start.date())
        rank[key] += 1
        slot.id = f"{slot.channel}-{key[1]:%Y%m%d}-{rank[key]}"


def channel_windows(cadence: Cadence, channel: Channel, knowledge: Knowledge) -> ChannelWindows:
    platform = knowledge.platforms[channel.platform]
    windows: Sequence[TimeWindow] = cadence.windows or platform.windows
    by_day: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for window in windows:
        span = (_minute(window.start), _minute(window.end))
        if span[1] > span[0]:
            for day in window.days:
                by_day[day].append(span)
    merged = {day: _merge(spans) for day, spans in by_day.items()}
    return ChannelWindows(merged, knowledge.defaults.min_gap_minutes)


def _minute(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# --- how many posts on which day ---------------------------------------------------------


def weekly_targets(rate_per_week: float, horizon: Horizon) -> dict[dt.date, int]:
    """Posts per ISO week by cumulative rounding; blackout days carry no share."""
    targets: dict[dt.date, int] = {}
    exact, placed = 0.0, 0
    for monday in horizon.weeks:
        days = [
            d
            for d in days_between(monday, monday + dt.timedelta(days=6))
            if horizon.start <= d <= horizon.end and not horizon.is_blackout(d)
        ]
        exact += rate_per_week * len(days) / 7
        targets[monday] = round(exact) - placed
        placed += targets[monday]
    return targets


def _cadence_counts(
    cadence: Cadence, windows: ChannelWindows, horizon: Horizon
) -> dict[dt.date, list[Slot | None]]:
    """Per day, one entry per post (None: a cadence post; a Slot stub: an extra post)."""
    counts: dict[dt.date, list[Slot | None]] = defaultdict(list)
    for monday, target in weekly_targets(cadence.posts_per_week, horizon).items():
        days = open_days(monday, horizon, windows)
        for day, count in _spread(target, days, windows).items():
            counts[day].extend([None] * count)
    return counts


def _add_extra_posts(
    occasion: Occasion,
    channels: dict[str, tuple[Channel, ChannelWindows]],
    counts: dict[str, dict[dt.date, list[Slot | None]]],
    horizon: Horizon,
) -> None:
    """An occasion's extra posts, in turn on the channels concerned, on its days — or, when
    they are full or closed, on the week before (a teaser beats a lost post)."""
    targets = [c for c in channels if not occasion.channels or c in occasion.channels]
    during = list(days_between(occasion.date, occasion.end or occasion.date))
    before = list(
        days_between(occasion.date - dt.timedelta(days=7), occasion.date - dt.timedelta(days=1))
    )
    remaining = occasion.extra_posts
    for days in (during, before):
        days = [d for d in days if horizon.publishable(d)]
        turn = 0
        while remaining:
            free = {c: [d for d in days if _room(channels[c][1], counts[c], d)] for c in targets}
            open_channels = [c for c in targets if free[c]]
            if not open_channels:
                break
            channel = open_channels[turn % len(open_channels)]
            day = min(free[channel], key=lambda d: (len(counts[channel].get(d, [])), d))
            stub = Slot(channel, "", dt.datetime.min, occasion=occasion.id, extra=True)
            counts[channel].setdefault(day, []).append(stub)
            remaining -= 1
            turn += 1


def _room(windows: ChannelWindows, counts: dict[dt.date, list[Slot | None]], day: dt.date) -> bool:
    return len(counts.get(day, [])) < windows.capacity(weekday_code(day))


def open_days(monday: dt.date, horizon: Horizon, windows: ChannelWindows) -> list[dt.date]:
    """Days of a week that can carry a post on this channel."""
    return [
        d
        for d in days_between(monday, monday + dt.timedelta(days=6))
        if horizon.publishable(d) and windows.capacity(weekday_code(d))
    ]


def week_capacity(monday: dt.date, horizon: Horizon, windows: ChannelWindows) -> int:
    """Most posts a week can carry: narrow windows, holidays and blackouts set the limit."""
    return sum(windows.capacity(weekday_code(d)) for d in open_days(monday, horizon, windows))


def _spread(count: int, days: list[dt.date], windows: ChannelWindows) -> dict[dt.date, int]:
    """``count`` posts over ``days``, evenly, never above a day's capacity."""
    result: dict[dt.date, int] = defaultdict(int)
    free = {d: windows.capacity(weekday_code(d)) for d in days}
    days = [d for d in days if free[d] > 0]
    for index in range(count):
        if not days:
            break
        preferred = days[int((index + 0.5) * len(days) / count) % len(days)]
        day = (
            preferred
            if result[preferred] < free[preferred]
            else max(days, key=lambda d: (free[d] - result[d], -abs((d - preferred).days)))
        )
        if result[day] >= free[day]:
            break
        result[day] += 1
    return dict(result)


def _timed_slots(
    channel: Channel, counts: dict[dt.date, list[Slot | None]], windows: ChannelWindows
) -> list[Slot]:
    slots = []
    for day, entries in sorted(counts.items()):
        times = _times(windows.by_day[weekday_code(day)], len(entries))
        for entry, minute in zip(entries, times, strict=True):
            start = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
            slots.append(
                Slot(
                    channel.id,
                    channel.platform,
                    start,
                    occasion=entry.occasion if entry else None,
                    extra=bool(entry and entry.extra),
                )
            )
    return slots


def _times(spans: list[tuple[int, int]], count: int) -> list[int]:
    """``count`` minutes of the day spread evenly along the windows, on 5-minute marks."""
    total = sum(end - start for start, end in spans)
    times = []
    for index in range(count):
        offset = int((index + 0.5) * total / count)
        for start, end in spans:
            if offset < end - start:
                minute = start + offset
                break
            offset -= end - start
        rounded = min(minute - minute % ROUND_MINUTES, end - 1)
        times.append(max(rounded, start))
    return times


# --- what each post is --------------------------------------------------------------------


def _assign_content(strategy: Strategy, slots: list[Slot]) -> None:
    by_channel: dict[str, list[Slot]] = defaultdict(list)
    for slot in slots:
        by_channel[slot.channel].append(slot)
    for channel_id, channel_slots in by_channel.items():
        channel = strategy.channel(channel_id)
        mix = strategy.format_mix(channel_id)
        audiences = {a: 1.0 for a in channel.audiences} if channel else {}
        for slot, fmt, audience in zip(
            channel_slots,
            follow_shares(mix, len(channel_slots)),
            follow_shares(audiences, len(channel_slots)),
            strict=True,
        ):
            slot.format, slot.audience = fmt or "", audience
    pillars = {p.id: p.share for p in strategy.content.pillars}
    for slot, pillar in zip(slots, follow_shares(pillars, len(slots)), strict=True):
        slot.pillar = pillar


def follow_shares(shares: dict[str, float], count: int) -> list[str | None]:
    """A sequence of ``count`` keys whose every prefix is as close as possible to the shares."""
    total = sum(v for v in shares.values() if v > 0)
    if not total:
        return [None] * count
    made = dict.fromkeys(shares, 0)
    sequence: list[str | None] = []
    for index in range(1, count + 1):
        key = max(shares, key=lambda k: (shares[k] / total * index - made[k], shares[k]))
        made[key] += 1
        sequence.append(key)
    return sequence


def _tag_occasions_and_campaigns(strategy: Strategy, slots: list[Slot]) -> None:
    for slot in slots:
        day = slot.start.date()
        if slot.occasion is None:
            slot.occasion = next(
                (
                    o.id
                    for o in strategy.occasions
                    if o.date <= day <= (o.end or o.date)
                    and (not o.channels or slot.channel in o.channels)
                ),
                None,
            )
        slot.campaign = next(
            (
                c.id
                for c in strategy.advertising.campaigns
                if c.start <= day <= c.end and slot.platform in c.platforms
            ),
            None,
        )


def posts_per_week_by_channel(slots: list[Slot]) -> dict[str, dict[dt.date, int]]:
    table: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for slot in slots:
        table[slot.channel][week_start(slot.start.date())] += 1
    return table
