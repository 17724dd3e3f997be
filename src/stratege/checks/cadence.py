"""Question 7 — publishing frequency, windows, and customer-care commitments."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.capacity.workload import eligible_people
from stratege.checks.context import Context
from stratege.checks.registry import Hit, Msg, Num, Severity, rule
from stratege.i18n.catalogue import N_
from stratege.strategy.model import WEEK_DAYS, Person, TimeWindow


@rule(
    "CAD001",
    Severity.ERROR,
    7,
    title=N_("Channel without cadence"),
    message=N_("Channel '{id}' has no publishing cadence."),
    hint=N_(
        "Add to cadence an entry channel: {id} (reference for {platform}: {typical} posts "
        "per week)."
    ),
)
def channel_without_cadence(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        if ctx.strategy.cadence_of(channel.id) is None:
            platform = ctx.knowledge.platforms.get(channel.platform)
            typical = Num(platform.cadence.typical) if platform else "?"
            yield (
                ("channels", index),
                {"id": channel.id, "platform": channel.platform, "typical": typical},
            )


@rule(
    "CAD002",
    Severity.ERROR,
    7,
    title=N_("Cadence for an unknown channel"),
    message=N_("A cadence targets channel '{channel}', which is not declared."),
    hint=N_("Use an id from channels."),
)
def cadence_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        if cadence.channel not in ctx.channel_ids:
            yield ("cadence", index, "channel"), {"channel": cadence.channel}


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
        "Post more often or accept a quieter presence (knowledge.platforms to change the "
        "reference)."
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
                    "platform": channel.platform,
                    "low": Num(reference.min),
                    "high": Num(reference.max),
                },
            )


@rule(
    "CAD005",
    Severity.ERROR,
    7,
    title=N_("Empty time window"),
    message=N_("A {field} window of channel '{channel}' ends ({end}) before it starts ({start})."),
    hint=N_("Fix start or end (HH:MM)."),
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
                            "field": field,
                            "start": window.start,
                            "end": window.end,
                        },
                    )


@rule(
    "CAD006",
    Severity.ERROR,
    7,
    title=N_("Customer care without response time"),
    message=N_("Customer-care channel '{id}' promises no response time."),
    hint=N_("Set response_time_hours in its cadence (for example 1 or 4 hours)."),
)
def care_without_response_time(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        cadence = ctx.strategy.cadence_of(channel.id)
        if channel.customer_care and (not cadence or not cadence.response_time_hours):
            yield ("channels", index), {"id": channel.id}


@rule(
    "CAD007",
    Severity.WARNING,
    7,
    title=N_("Customer care without covered hours"),
    message=N_("Customer-care channel '{id}' does not say when messages are answered."),
    hint=N_("Set covered_hours (days and hours) in its cadence."),
)
def care_without_hours(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        cadence = ctx.strategy.cadence_of(channel.id)
        if channel.customer_care and (not cadence or not cadence.covered_hours):
            yield ("channels", index), {"id": channel.id}


@rule(
    "CAD008",
    Severity.WARNING,
    7,
    title=N_("Covered hours nobody works"),
    message=N_(
        "Channel '{id}' promises answers on {day} from {start} to {end}, but nobody in "
        "charge of answering works then."
    ),
    hint=N_(
        "Adjust covered_hours, the working_hours of the people Responsible for "
        "answer_customers, or add someone."
    ),
)
def covered_hours_unstaffed(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        channel = ctx.strategy.channel(cadence.channel)
        if channel is None or not channel.customer_care:
            continue
        people = _answerers(ctx, channel.id)
        default = ctx.knowledge.defaults.working_hours
        for position, window in enumerate(cadence.covered_hours):
            for day in window.days:
                if not any(_works(p, day, window, default) for p in people):
                    yield (
                        ("cadence", index, "covered_hours", position),
                        {
                            "id": channel.id,
                            "day": Msg.of(DAY_NAMES[day]),
                            "start": window.start.strftime("%H:%M"),
                            "end": window.end.strftime("%H:%M"),
                        },
                    )
                    break


DAY_NAMES = dict(
    zip(
        WEEK_DAYS,
        (
            N_("Monday"),
            N_("Tuesday"),
            N_("Wednesday"),
            N_("Thursday"),
            N_("Friday"),
            N_("Saturday"),
            N_("Sunday"),
        ),
        strict=True,
    )
)


def _answerers(ctx: Context, channel_id: str) -> list[Person]:
    eligible, _, _ = eligible_people(ctx.strategy, "answer_customers", channel_id)
    return [p for p in ctx.strategy.resources.people if p.id in eligible]


def _works(person: Person, day: str, window: TimeWindow, default: list[TimeWindow]) -> bool:
    """Does the person work at least part of this window on this day?"""
    for shift in person.working_hours or default:
        if day in shift.days and shift.start < window.end and window.start < shift.end:
            return True
    return False
