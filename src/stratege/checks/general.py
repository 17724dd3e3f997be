"""Rules on the frame of the strategy: period, identifiers, occasions, reference data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from stratege.capacity.budget import CATEGORIES
from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Amount, Closest, Day, Msg, Num
from stratege.i18n.catalogue import N_
from stratege.knowledge.countries import countries_with_holidays

ID_LISTS = (
    ("organisation", "business_goals"),
    ("objectives",),
    ("audit", "competitors"),
    ("kpis",),
    ("audiences",),
    ("channels",),
    ("content", "pillars"),
    ("resources", "people"),
    ("advertising", "campaigns"),
    ("occasions",),
)


@rule(
    "GEN001",
    Severity.ERROR,
    0,
    title=N_("Inconsistent period"),
    message=N_("The period ends ({end}) before it starts ({start})."),
    hint=N_("Fix `period.start` or `period.end`."),
)
def period_reversed(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    if period.end < period.start:
        yield ("period", "end"), {"start": Day(period.start), "end": Day(period.end)}


@rule(
    "GEN002",
    Severity.ERROR,
    0,
    title=N_("Duplicate identifier"),
    message=N_("Identifier '{id}' is used more than once in `{section}`."),
    hint=N_("Give each item a unique identifier: cross-references would be ambiguous."),
)
def duplicate_ids(ctx: Context) -> Iterator[Hit]:
    data = ctx.strategy.model_dump()
    for section in ID_LISTS:
        items: Any = data
        for part in section:
            items = items[part]
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item["id"] in seen:
                yield (*section, index, "id"), {"id": item["id"], "section": ".".join(section)}
            seen.add(item["id"])


@rule(
    "GEN003",
    Severity.WARNING,
    0,
    title=N_("Occasion outside the period"),
    message=N_("Occasion '{id}' ({date}) falls outside the strategy period."),
    hint=N_("Move the date, widen the period or remove this occasion."),
)
def occasion_outside_period(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    for index, occasion in enumerate(ctx.strategy.occasions):
        if not period.start <= occasion.date <= period.end:
            yield ("occasions", index, "date"), {"id": occasion.id, "date": Day(occasion.date)}


@rule(
    "GEN004",
    Severity.INFO,
    0,
    title=N_("Public holidays unknown"),
    message=N_(
        "Public holidays of country '{country}' are not known: the calendar will ignore them."
    ),
    hint=N_(
        "Check the country code (ISO, e.g. FR, GB, US) or declare days off in `period.blackouts`."
    ),
)
def unknown_holidays(ctx: Context) -> Iterator[Hit]:
    country = ctx.strategy.organisation.country
    if country not in countries_with_holidays():
        yield ("organisation", "country"), {"country": country}


@rule(
    "GEN005",
    Severity.ERROR,
    0,
    title=N_("Occasion on an unknown channel"),
    message=N_("Occasion '{id}' targets channel '{channel}', which is not declared."),
    hint=N_("{closest}Use an id from `channels`."),
)
def occasion_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, occasion in enumerate(ctx.strategy.occasions):
        for position, channel in enumerate(occasion.channels):
            if channel not in ctx.channel_ids:
                yield (
                    ("occasions", index, "channels", position),
                    {
                        "id": occasion.id,
                        "channel": channel,
                        "closest": Closest.of("channel", channel, ctx.channel_ids),
                    },
                )


@rule(
    "GEN006",
    Severity.ERROR,
    0,
    title=N_("Inconsistent blackout"),
    message=N_("Blackout {index} ends before it starts."),
    hint=N_("Fix `start` or `end`."),
)
def blackout_reversed(ctx: Context) -> Iterator[Hit]:
    for index, blackout in enumerate(ctx.strategy.period.blackouts):
        if blackout.end and blackout.end < blackout.start:
            yield ("period", "blackouts", index, "end"), {"index": index + 1}


# Above these, a figure is almost surely a typo (an extra zero, a pasted number).
IMPLAUSIBLE = {"amount": 100_000_000, "hourly_cost": 1_000, "followers": 5_000_000_000}


@rule(
    "GEN007",
    Severity.WARNING,
    0,
    title=N_("Implausible figure"),
    message=N_("{what} is {value}: is that right?"),
    hint=N_("Check for an extra zero or a pasted number; figures this large are rare."),
)
def implausible_figure(ctx: Context) -> Iterator[Hit]:
    for path, value, limit in _figures(ctx):
        if value > IMPLAUSIBLE[limit]:
            shown = (
                Amount(value, ctx.strategy.resources.budget.currency)
                if limit != "followers"
                else Num(value, 0)
            )
            yield path, {"what": Msg.of(FIELD_NAMES[str(path[-1])]), "value": shown}


FIELD_NAMES = {
    "outsourcing": N_("The outsourcing budget"),
    "advertising": N_("The advertising budget"),
    "contests": N_("The contests budget"),
    "tools": N_("The tools budget"),
    "training": N_("The training budget"),
    "other": N_("The budget for other spending"),
    "total": N_("The total budget"),
    "budget": N_("A campaign's budget"),
    "monthly_cost": N_("A tool's monthly cost"),
    "hourly_cost": N_("An hourly cost"),
    "followers": N_("An account's number of followers"),
}


def _figures(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], float, str]]:
    resources = ctx.strategy.resources
    for line in (*CATEGORIES, "total"):
        yield ("resources", "budget", line), getattr(resources.budget, line) or 0, "amount"
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        yield ("advertising", "campaigns", index, "budget"), campaign.budget, "amount"
    for index, tool in enumerate(resources.tools):
        yield ("resources", "tools", index, "monthly_cost"), tool.monthly_cost, "amount"
    for index, person in enumerate(resources.people):
        yield ("resources", "people", index, "hourly_cost"), person.hourly_cost or 0, "hourly_cost"
    for index, account in enumerate(ctx.strategy.audit.accounts):
        yield ("audit", "accounts", index, "followers"), account.followers or 0, "followers"
