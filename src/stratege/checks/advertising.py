"""Question 10 — paid campaigns: platforms, objectives, dates, budget."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Num, Severity, rule
from stratege.planning.budget import compare_budget


@rule(
    "ADV001",
    Severity.ERROR,
    10,
    title=("Campagne hors des canaux", "Campaign on a platform that is not a channel"),
    message=(
        "La campagne « {id} » passe sur {platform}, où l’organisation n’a pas de canal.",
        "Campaign '{id}' runs on {platform}, where the organisation has no channel.",
    ),
    hint=(
        "Ouvrez un canal sur cette plateforme (les annonces renvoient vers une page) ou "
        "retirez-la de la campagne.",
        "Open a channel on this platform (ads link to a page) or remove it from the campaign.",
    ),
)
def campaign_off_channels(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        for position, platform in enumerate(campaign.platforms):
            if platform not in ctx.channel_platforms:
                yield (
                    ("advertising", "campaigns", index, "platforms", position),
                    {"id": campaign.id, "platform": platform},
                )


@rule(
    "ADV002",
    Severity.ERROR,
    10,
    title=("Campagne sans objectif", "Campaign without objective"),
    message=(
        "La campagne « {id} » ne sert {what}.",
        "Campaign '{id}' serves {what_en}.",
    ),
    hint=(
        "Indiquez dans objective l’identifiant d’un objectif déclaré.",
        "Set objective to the id of a declared objective.",
    ),
)
def campaign_without_objective(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        if campaign.objective is None:
            yield (
                ("advertising", "campaigns", index, "objective"),
                {"id": campaign.id, "what": "aucun objectif", "what_en": "no objective"},
            )
        elif campaign.objective not in ctx.objective_ids:
            yield (
                ("advertising", "campaigns", index, "objective"),
                {
                    "id": campaign.id,
                    "what": f"un objectif inconnu ({campaign.objective})",
                    "what_en": f"an unknown objective ({campaign.objective})",
                },
            )


@rule(
    "ADV003",
    Severity.ERROR,
    10,
    title=("Campagne hors période", "Campaign outside the period"),
    message=(
        "La campagne « {id} » ({start} → {end}) sort de la période de la stratégie ou finit "
        "avant de commencer.",
        "Campaign '{id}' ({start} → {end}) falls outside the strategy period or ends before "
        "it starts.",
    ),
    hint=(
        "Ajustez start et end dans la période ({period_start} → {period_end}).",
        "Fit start and end inside the period ({period_start} → {period_end}).",
    ),
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
                    "start": campaign.start,
                    "end": campaign.end,
                    "period_start": period.start,
                    "period_end": period.end,
                },
            )


@rule(
    "ADV004",
    Severity.ERROR,
    10,
    title=("Campagnes au-dessus du budget publicitaire", "Campaigns above advertising budget"),
    message=(
        "Les campagnes totalisent {planned} {currency} pour un budget publicitaire de "
        "{declared} {currency}.",
        "Campaigns add up to {planned} {currency} against an advertising budget of "
        "{declared} {currency}.",
    ),
    hint=(
        "Réduisez les budgets des campagnes ou augmentez resources.budget.advertising.",
        "Reduce campaign budgets or raise resources.budget.advertising.",
    ),
)
def campaigns_above_budget(ctx: Context) -> Iterator[Hit]:
    comparison = compare_budget(ctx.strategy)
    planned, declared = comparison.planned["advertising"], comparison.declared["advertising"]
    if planned > declared + 0.5:
        yield (
            ("advertising", "campaigns"),
            {
                "planned": Num(planned, 0),
                "declared": Num(declared, 0),
                "currency": ctx.strategy.resources.budget.currency,
            },
        )


@rule(
    "ADV005",
    Severity.WARNING,
    10,
    title=("Campagne sans cible", "Campaign without audience"),
    message=(
        "La campagne « {id} » ne vise {what}.",
        "Campaign '{id}' targets {what_en}.",
    ),
    hint=(
        "Indiquez dans audience l’identifiant d’une cible déclarée.",
        "Set audience to the id of a declared audience.",
    ),
)
def campaign_without_audience(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        if campaign.audience is None:
            yield (
                ("advertising", "campaigns", index, "audience"),
                {"id": campaign.id, "what": "aucune cible", "what_en": "no audience"},
            )
        elif campaign.audience not in ctx.audience_ids:
            yield (
                ("advertising", "campaigns", index, "audience"),
                {
                    "id": campaign.id,
                    "what": f"une cible inconnue ({campaign.audience})",
                    "what_en": f"an unknown audience ({campaign.audience})",
                },
            )


@rule(
    "ADV006",
    Severity.WARNING,
    10,
    title=("Temps fort inconnu", "Unknown occasion"),
    message=(
        "La campagne « {id} » est rattachée au temps fort « {occasion} », non déclaré.",
        "Campaign '{id}' is tied to occasion '{occasion}', which is not declared.",
    ),
    hint=("Déclarez-le dans occasions.", "Declare it in occasions."),
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
    title=("Campagne sans budget", "Campaign without budget"),
    message=(
        "La campagne « {id} » n’a pas de budget.",
        "Campaign '{id}' has no budget.",
    ),
    hint=("Fixez son budget (budget).", "Set its budget."),
)
def campaign_without_budget(ctx: Context) -> Iterator[Hit]:
    for index, campaign in enumerate(ctx.strategy.advertising.campaigns):
        if not campaign.budget:
            yield ("advertising", "campaigns", index, "budget"), {"id": campaign.id}


@rule(
    "ADV008",
    Severity.INFO,
    10,
    title=("Budget publicitaire inemployé", "Advertising budget unused"),
    message=(
        "Un budget publicitaire de {declared} {currency} est déclaré, mais aucune campagne "
        "ne l’emploie.",
        "An advertising budget of {declared} {currency} is declared, but no campaign uses it.",
    ),
    hint=(
        "Planifiez les campagnes (advertising.campaigns) : à quelle occasion, pour qui ?",
        "Plan the campaigns (advertising.campaigns): on what occasion, for whom?",
    ),
)
def budget_without_campaign(ctx: Context) -> Iterator[Hit]:
    comparison = compare_budget(ctx.strategy)
    if comparison.declared["advertising"] > 0 and not ctx.strategy.advertising.campaigns:
        yield (
            ("resources", "budget", "advertising"),
            {
                "declared": Num(comparison.declared["advertising"], 0),
                "currency": ctx.strategy.resources.budget.currency,
            },
        )
