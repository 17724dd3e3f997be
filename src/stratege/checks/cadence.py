"""Question 7 — publishing frequency, windows, and customer-care commitments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from stratege.capacity.workload import answers_customers, eligible_people
from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Label, Msg, Num
from stratege.i18n import Lang
from stratege.i18n.catalogue import N_
from stratege.strategy.model import WEEK_DAYS, TimeWindow
from stratege.vocabulary import label


@rule(
    "CAD001",
    Severity.ERROR,
    7,
    title=N_("Channel without cadence"),
    message=N_("Channel '{id}' has no publishing cadence."),
    hint=N_(
        "Add to `cadence` an entry `channel: {id}` (reference for {platform}: {typical}"
        " posts per week)."
    ),
)
def channel_without_cadence(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        if ctx.strategy.cadence_of(channel.id) is None:
            platform = ctx.knowledge.platforms.get(channel.platform)
            typical = Num(platform.cadence.typical) if platform else "?"
            yield (
                ("channels", index),
                {
                    "id": channel.id,
                    "platform": Label("platform", channel.platform, ctx.knowledge),
                    "typical": typical,
                },
            )


@rule(
    "CAD002",
    Severity.ERROR,
    7,
    title=N_("Cadence for an unknown channel"),
    message=N_("A cadence targets channel '{channel}', which is not declared."),
    hint=N_("{closest}Use an id from `channels`."),
)
def cadence_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        if cadence.channel not in ctx.channel_ids:
            closest = Closest.of("channel", cadence.channel, ctx.channel_ids)
            yield ("cadence", index, "channel"), {"channel": cadence.channel, "closest": closest}


def _reference(ctx: Context, index: int):  # type: ignore[no-untyped-def]
    cadence = ctx.strategy.cadence[index]
    channel = ctx.strategy.channel(cadence.channel)
    platform = ctx.knowledge.platforms.get(channel.platform) if channel else None
    return cadence, channel, platform


@rule(
    "CAD003",
    Severity.WARNING,
    7,
    title=N_("Cadence below reference"),
    message=N_(
        "Channel '{id}' will post {posts} times a week, below the {platform} reference "
        "({low} to {high})."
    ),
    hint=N_(
        "Post more often or accept a quieter presence (`knowledge.platforms` to change "
        "the reference)."
    ),
)
def cadence_below(ctx: Context) -> Iterator[Hit]:
    yield from _outside_reference(ctx, below=True)


@rule(
    "CAD004",
    Severity.WARNING,
    7,
    title=N_("Cadence above reference"),
    message=N_(
        "Channel '{id}' will post {posts} times a week, above the {platform} reference "
        "({low} to {high}): the audience may tire of it."
    ),
    hint=N_("Reduce the cadence, or justify it (customer-care account, key moment)."),
)
def cadence_above(ctx: Context) -> Iterator[Hit]:
    yield from _outside_reference(ctx, below=False)


def _outside_reference(ctx: Context, below: bool) -> Iterator[Hit]:
    for index in range(len(ctx.strategy.cadence)):
        cadence, channel, platform = _reference(ctx, index)
        if platform is None or channel is None:
            continue
        posts, reference = cadence.posts_per_week, platform.cadence
        if (posts < reference.min) if below else (posts > reference.max):
            yield (
                ("cadence", index, "posts"),
                {
                    "id": channel.id,
                    "posts": Num(posts),
                    "platform": Label("platform", channel.platform, ctx.knowledge),
                    "low": Num(reference.min),
                    "high": Num(reference.max),
                },
            )


@rule(
    "CAD005",
    Severity.ERROR,
    7,
    title=N_("Empty time window"),
    message=N_("A {field} window of channel '{channel}' is empty: it runs from {start} to {end}."),
    hint=N_("Fix `start` or `end` (HH:MM)."),
)
def empty_window(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        for field in ("windows", "covered_hours"):
            for position, window in enumerate(getattr(cadence, field)):
                if window.end <= window.start:
                    yield (
                        ("cadence", index, field, position),
                        {
                            "channel": cadence.channel,
                            "field": Msg.of(WINDOW_KINDS[field]),
                            "start": window.start.strftime("%H:%M"),
                            "end": window.end.strftime("%H:%M"),
                        },
                    )


@rule(
    "CAD006",
    Severity.ERROR,
    7,
    title=N_("Customer care without response time"),
    message=N_("Channel '{id}' answers customers but promises no response time."),
    hint=N_("Set `response_time_hours` in its cadence (for example 1 or 4 hours)."),
)
def care_without_response_time(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        cadence = ctx.strategy.cadence_of(channel.id)
        answers = answers_customers(ctx.strategy, channel)
        if answers and (not cadence or not cadence.response_time_hours):
            yield ("channels", index), {"id": channel.id}


@rule(
    "CAD007",
    Severity.WARNING,
    7,
    title=N_("Customer care without covered hours"),
    message=N_("Channel '{id}' answers customers but does not say when messages are answered."),
    hint=N_("Set `covered_hours` (days and hours) in its cadence."),
)
def care_without_hours(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        cadence = ctx.strategy.cadence_of(channel.id)
        answers = answers_customers(ctx.strategy, channel)
        if answers and (not cadence or not cadence.covered_hours):
            yield ("channels", index), {"id": channel.id}


@rule(
    "CAD008",
    Severity.WARNING,
    7,
    title=N_("Covered hours nobody works"),
    message=N_(
        "Channel '{id}' promises answers at hours when nobody in charge of answering "
        "works: {uncovered}."
    ),
    hint=N_(
        "Adjust `covered_hours`, the `working_hours` of the people Responsible for "
        "answering customers, or add someone."
    ),
)
def covered_hours_unstaffed(ctx: Context) -> Iterator[Hit]:
    """Every day and every hour of every promised window must be worked by someone
    who answers; a window staffed for part of the day is reported with the hours left."""
    for index, cadence in enumerate(ctx.strategy.cadence):
        channel = ctx.strategy.channel(cadence.channel)
        if channel is None or not answers_customers(ctx.strategy, channel):
            continue
        shifts = _shifts(ctx, channel.id)
        for position, window in enumerate(cadence.covered_hours):
            gaps = [Gap(day, *gap) for day in window.days for gap in _gaps(window, shifts[day])]
            if gaps:
                uncovered = Gaps(tuple(gaps))
                yield (
                    ("cadence", index, "covered_hours", position),
                    {"id": channel.id, "uncovered": uncovered},
                )


@rule(
    "CAD009",
    Severity.INFO,
    7,
    title=N_("Customer care without a volume of messages"),
    message=N_(
        "Channel '{id}' answers customers but does not say how many messages to expect: "
        "answering time is estimated from its covered hours."
    ),
    hint=N_(
        "Set `messages_per_day` in its cadence (messages and comments needing an answer): "
        "replies are costed per message, apart from the posts you publish."
    ),
)
def care_without_volume(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        channel = ctx.strategy.channel(cadence.channel)
        if (
            channel
            and answers_customers(ctx.strategy, channel)
            and cadence.messages_per_day is None
        ):
            yield ("cadence", index), {"id": channel.id}


WINDOW_KINDS = {"windows": N_("publishing"), "covered_hours": N_("customer care")}
Span = tuple[int, int]  # minutes since midnight: [start, end)


def _shifts(ctx: Context, channel_id: str) -> dict[str, list[Span]]:
    """Per weekday, the hours worked by the people who answer customers on the channel."""
    eligible, _, _ = eligible_people(ctx.strategy, "answer_customers", channel_id)
    default = ctx.knowledge.defaults.working_hours
    shifts: dict[str, list[Span]] = {day: [] for day in WEEK_DAYS}
    for person in ctx.strategy.resources.people:
        if person.id in eligible:
            for shift in person.working_hours or default:
                for day in shift.days:
                    shifts[day].append((_minutes(shift.start), _minutes(shift.end)))
    return shifts


def _gaps(window: TimeWindow, worked: list[Span]) -> list[Span]:
    """The parts of ``window`` that no shift covers."""
    gaps, cursor, end = [], _minutes(window.start), _minutes(window.end)
    for start, stop in sorted(worked):
        if start > cursor:
            gaps.append((cursor, min(start, end)))
        cursor = max(cursor, stop)
        if cursor >= end:
            break
    if cursor < end:
        gaps.append((cursor, end))
    return [(a, b) for a, b in gaps if b > a]


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


@dataclass(frozen=True)
class Gap:
    day: str
    start: int
    end: int

    def text(self, lang: Lang) -> str:
        hours = (
            f"{self.start // 60:02d}:{self.start % 60:02d}–{self.end // 60:02d}:{self.end % 60:02d}"
        )
        return f"{label('weekday', self.day, lang)} {hours}"


@dataclass(frozen=True)
class Gaps:
    gaps: tuple[Gap, ...]

    def text(self, lang: Lang) -> str:
        return ", ".join(g.text(lang) for g in self.gaps)
