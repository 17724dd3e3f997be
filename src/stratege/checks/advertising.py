"""Question 10 — paid campaigns: platforms, objectives, dates, budget."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.capacity.budget import compare_budget
from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.spans import span_overruns
from stratege.checks.values import Amount, Day, Label, Msg
from stratege.i18n.catalogue import N_


@rule(
    "ADV001",
    Severity.ERROR,
    10,
    title=N_("Campaign on a platform that is not a channel"),
    message=N_("Campaign '{id}' runs on {platform}, where the organisation has no channel."),
    hint=N_("Open a channel on this platform (ads link to a page) or remove it from the campaign."),
)
def campaign_off_channels(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        for position, platform in enumerate(campaign.platforms):
            if platform not in ctx.channel_platforms:
                yield (
                    ("advertising", "campaigns", index, "platforms", position),
                    {"id": campaign.id, "platform": Label("platform", platform, ctx.knowledge)},
                )


@rule(
    "ADV002",
    Severity.ERROR,
    10,
    title=N_("Campaign without objective"),
    message=N_("Campaign '{id}' {what}."),
    hint=N_("Set `objective` to the id of a declared objective."),
)
def campaign_without_objective(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        if campaign.objective is None:
            yield (
                ("advertising", "campaigns", index, "objective"),
                {"id": campaign.id, "what": Msg.of(N_("serves no objective"))},
            )
        elif campaign.objective not in ctx.objective_ids:
            yield (
                ("advertising", "campaigns", index, "objective"),
                {
                    "id": campaign.id,
                    "what": Msg.of(
                        N_("serves an unknown objective ({ref})"), ref=campaign.objective
                    ),
                },
            )


@rule(
    "ADV003",
    Severity.ERROR,
    10,
    title=N_("Campaign outside the period"),
    message=N_(
        "Campaign '{id}' ({start} → {end}) falls outside the strategy period or ends "
        "before it starts."
    ),
    hint=N_("Fit `start` and `end` inside the period ({period_start} → {period_end})."),
)
def campaign_outside_period(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        inside = period.start <= campaign.start <= campaign.end <= period.end
        if not inside:
            yield (
                ("advertising", "campaigns", index),
                {
                    "id": campaign.id,
                    "start": Day(campaign.start),
                    "end": Day(campaign.end),
                    "period_start": Day(period.start),
                    "period_end": Day(period.end),
                },
            )


@rule(
    "ADV004",
    Severity.ERROR,
    10,
    title=N_("Campaigns above advertising budget"),
    message=N_("Campaigns add up to {planned} against an advertising budget of {declared}."),
    hint=N_("Reduce campaign budgets or raise `resources.budget.advertising`."),
)
def campaigns_above_budget(ctx: Context) -> Iterator[Hit]:
    comparison = compare_budget(ctx.strategy)
    planned, declared = comparison.planned["advertising"], comparison.declared["advertising"]
    if planned > declared + 0.5:
        yield (
            ("advertising", "campaigns"),
            {
                "planned": Amount(planned, ctx.strategy.resources.budget.currency),
                "declared": Amount(declared, ctx.strategy.resources.budget.currency),
            },
        )


@rule(
    "ADV005",
    Severity.WARNING,
    10,
    title=N_("Campaign without audience"),
    message=N_("Campaign '{id}' {what}."),
    hint=N_("Set `audience` to the id of a declared audience."),
)
def campaign_without_audience(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        if campaign.audience is None:
            yield (
                ("advertising", "campaigns", index, "audience"),
                {"id": campaign.id, "what": Msg.of(N_("targets no audience"))},
            )
        elif campaign.audience not in ctx.audience_ids:
            yield (
                ("advertising", "campaigns", index, "audience"),
                {
                    "id": campaign.id,
                    "what": Msg.of(
                        N_("targets an unknown audience ({ref})"), ref=campaign.audience
                    ),
                },
            )


@rule(
    "ADV006",
    Severity.WARNING,
    10,
    title=N_("Unknown occasion"),
    message=N_("Campaign '{id}' is tied to occasion '{occasion}', which is not declared."),
    hint=N_("Declare it in `occasions`."),
)
def campaign_unknown_occasion(ctx: Context) -> Iterator[Hit]:
    occasions = {o.id for o in ctx.strategy.occasions}
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        if campaign.occasion and campaign.occasion not in occasions:
            yield (
                ("advertising", "campaigns", index, "occasion"),
                {"id": campaign.id, "occasion": campaign.occasion},
            )


@rule(
    "ADV007",
    Severity.WARNING,
    10,
    title=N_("Campaign without budget"),
    message=N_("Campaign '{id}' has no budget."),
    hint=N_("Set its `budget`."),
)
def campaign_without_budget(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        if not campaign.budget:
            yield ("advertising", "campaigns", index, "budget"), {"id": campaign.id}


@rule(
    "ADV008",
    Severity.INFO,
    10,
    title=N_("Advertising budget unused"),
    message=N_("An advertising budget of {declared} is declared, but no campaign uses it."),
    hint=N_("Plan the campaigns (`advertising.campaigns`): on what occasion, for whom?"),
)
def budget_without_campaign(ctx: Context) -> Iterator[Hit]:
    comparison = compare_budget(ctx.strategy)
    if comparison.declared["advertising"] > 0 and not ctx.strategy.advertising.campaigns:
        yield (
            ("resources", "budget", "advertising"),
            {
                "declared": Amount(
                    comparison.declared["advertising"], ctx.strategy.resources.budget.currency
                )
            },
        )


@rule(
    "ADV009",
    Severity.WARNING,
    10,
    title=N_("Campaigns above the budget of a month or a year"),
    message=N_(
        "In {span}, campaigns spend {planned}, above the advertising budget declared for it "
        "({declared})."
    ),
    hint=N_(
        "Spread the campaigns over other months, cut their budgets, or raise "
        "`resources.budget.advertising` (declared for {unit})."
    ),
)
def campaigns_above_span_budget(ctx: Context) -> Iterator[Hit]:
    return span_overruns(
        ctx,
        ("advertising", "campaigns"),
        lambda span: (span.planned["advertising"], span.declared["advertising"]),
    )
