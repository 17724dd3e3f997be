"""Question 1 — the organisation's strategy: goals, mission, positioning."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule


@rule(
    "STR001",
    Severity.ERROR,
    1,
    title=("Aucun but d’affaires", "No business goal"),
    message=(
        "Aucun but de l’organisation n’est déclaré : rien ne justifie la présence sur les "
        "réseaux sociaux.",
        "No business goal is declared: nothing justifies being on social media.",
    ),
    hint=(
        "Ajoutez dans organisation.business_goals les buts de l’organisation (id, statement).",
        "Add the organisation's goals to organisation.business_goals (id, statement).",
    ),
)
def no_business_goal(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.organisation.business_goals:
        yield ("organisation", "business_goals"), {}


@rule(
    "STR002",
    Severity.WARNING,
    1,
    title=("But d’affaires sans objectif", "Business goal without objective"),
    message=(
        "Le but « {id} » n’est servi par aucun objectif social.",
        "Business goal '{id}' is served by no social media objective.",
    ),
    hint=(
        "Reliez un objectif à ce but (objectives[].business_goals), ou retirez-le s’il ne "
        "concerne pas les réseaux sociaux.",
        "Link an objective to it (objectives[].business_goals), or drop it if social media "
        "does not serve it.",
    ),
)
def goal_without_objective(ctx: Context) -> Iterator[Hit]:
    served = {g for o in ctx.strategy.objectives for g in o.business_goals}
    for index, goal in enumerate(ctx.strategy.organisation.business_goals):
        if goal.id not in served:
            yield ("organisation", "business_goals", index), {"id": goal.id}


@rule(
    "STR003",
    Severity.WARNING,
    1,
    title=("Positionnement non défini", "No positioning"),
    message=(
        "Le positionnement de communication n’est pas défini.",
        "The communication positioning is not defined.",
    ),
    hint=(
        "Résumez en une phrase ce qui distingue l’organisation "
        "(organisation.communication.positioning).",
        "Sum up in one sentence what sets the organisation apart "
        "(organisation.communication.positioning).",
    ),
)
def no_positioning(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.organisation.communication.positioning:
        yield ("organisation", "communication"), {}


@rule(
    "STR004",
    Severity.INFO,
    1,
    title=("Aucun message clé", "No key message"),
    message=(
        "Aucun message clé n’est déclaré : les contenus n’auront pas de fil conducteur.",
        "No key message is declared: content will lack a common thread.",
    ),
    hint=(
        "Listez deux à cinq messages clés dans organisation.communication.key_messages.",
        "List two to five key messages in organisation.communication.key_messages.",
    ),
)
def no_key_message(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.organisation.communication.key_messages:
        yield ("organisation", "communication"), {}


@rule(
    "STR005",
    Severity.INFO,
    1,
    title=("Mission ou valeurs absentes", "Mission or values missing"),
    message=(
        "La mission ou les valeurs de l’organisation ne sont pas renseignées.",
        "The organisation's mission or values are not stated.",
    ),
    hint=(
        "Renseignez organisation.mission et organisation.values : le ton et les contenus "
        "doivent s’y accorder.",
        "Fill in organisation.mission and organisation.values: tone and content must match them.",
    ),
)
def no_mission(ctx: Context) -> Iterator[Hit]:
    organisation = ctx.strategy.organisation
    if not organisation.mission or not organisation.values:
        yield ("organisation",), {}
