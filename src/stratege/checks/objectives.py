"""Question 2 — priorities: objectives, their kinds, their link to business goals."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule

MAX_PRIMARY = 3


@rule(
    "OBJ001",
    Severity.ERROR,
    2,
    title=("Aucun objectif", "No objective"),
    message=("Aucun objectif n’est déclaré.", "No objective is declared."),
    hint=(
        "Déclarez au moins un objectif (objectives), par exemple visibility ou customer_service.",
        "Declare at least one objective (objectives), e.g. visibility or customer_service.",
    ),
)
def no_objective(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.objectives:
        yield ("objectives",), {}


@rule(
    "OBJ002",
    Severity.ERROR,
    2,
    title=("Objectif sans but d’affaires", "Objective serving no business goal"),
    message=(
        "L’objectif « {id} » ne sert aucun but de l’organisation.",
        "Objective '{id}' serves no business goal.",
    ),
    hint=(
        "Indiquez dans business_goals le ou les buts (organisation.business_goals) qu’il sert.",
        "List in business_goals the goal(s) (organisation.business_goals) it serves.",
    ),
)
def objective_without_goal(ctx: Context) -> Iterator[Hit]:
    for index, objective in enumerate(ctx.strategy.objectives):
        if not objective.business_goals:
            yield ("objectives", index, "business_goals"), {"id": objective.id}


@rule(
    "OBJ003",
    Severity.ERROR,
    2,
    title=("But d’affaires inconnu", "Unknown business goal"),
    message=(
        "L’objectif « {id} » renvoie au but « {goal} », qui n’existe pas.",
        "Objective '{id}' refers to business goal '{goal}', which does not exist.",
    ),
    hint=(
        "Utilisez un identifiant déclaré dans organisation.business_goals.",
        "Use an id declared in organisation.business_goals.",
    ),
)
def objective_unknown_goal(ctx: Context) -> Iterator[Hit]:
    for index, objective in enumerate(ctx.strategy.objectives):
        for position, goal in enumerate(objective.business_goals):
            if goal not in ctx.goal_ids:
                yield (
                    ("objectives", index, "business_goals", position),
                    {"id": objective.id, "goal": goal},
                )


@rule(
    "OBJ004",
    Severity.ERROR,
    2,
    title=("Aucun objectif prioritaire", "No primary objective"),
    message=(
        "Aucun objectif n’est prioritaire (priority: primary).",
        "No objective is primary (priority: primary).",
    ),
    hint=(
        "Choisissez l’objectif qui compte le plus et marquez-le primary.",
        "Pick the objective that matters most and mark it primary.",
    ),
)
def no_primary(ctx: Context) -> Iterator[Hit]:
    objectives = ctx.strategy.objectives
    if objectives and not any(o.priority == "primary" for o in objectives):
        yield ("objectives",), {}


@rule(
    "OBJ005",
    Severity.WARNING,
    2,
    title=("Trop d’objectifs prioritaires", "Too many primary objectives"),
    message=(
        "{count} objectifs sont prioritaires sur {total} : quand tout est prioritaire, rien ne "
        "l’est.",
        "{count} of {total} objectives are primary: when everything is a priority, nothing is.",
    ),
    hint=(
        "Gardez au plus trois objectifs prioritaires, et moins de la moitié ; passez les autres "
        "en secondary.",
        "Keep at most three primary objectives, and fewer than half; make the others secondary.",
    ),
)
def too_many_primary(ctx: Context) -> Iterator[Hit]:
    objectives = ctx.strategy.objectives
    primary = sum(o.priority == "primary" for o in objectives)
    if primary > MAX_PRIMARY or (len(objectives) > 2 and primary > len(objectives) / 2):
        yield ("objectives",), {"count": primary, "total": len(objectives)}


@rule(
    "OBJ006",
    Severity.WARNING,
    2,
    title=("Objectif sans indicateur", "Objective without KPI"),
    message=(
        "L’objectif « {id} » n’est mesuré par aucun indicateur.",
        "Objective '{id}' is measured by no KPI.",
    ),
    hint=(
        "Ajoutez un indicateur dans kpis avec objective: {id} ; recommandés : {recommended}.",
        "Add a KPI in kpis with objective: {id}; recommended: {recommended}.",
    ),
)
def objective_without_kpi(ctx: Context) -> Iterator[Hit]:
    measured = {k.objective for k in ctx.strategy.kpis}
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.id not in measured:
            kind = ctx.knowledge.objectives.get(objective.kind)
            recommended = ", ".join(kind.recommended_kpis) if kind else "—"
            yield ("objectives", index), {"id": objective.id, "recommended": recommended}


@rule(
    "OBJ007",
    Severity.WARNING,
    2,
    title=("Objectif non daté", "Objective without deadline"),
    message=(
        "L’objectif « {id} » n’a pas d’échéance dans la période : il n’est pas SMART.",
        "Objective '{id}' has no deadline within the period: it is not SMART.",
    ),
    hint=(
        "Donnez une échéance (deadline) comprise entre period.start et period.end.",
        "Give it a deadline between period.start and period.end.",
    ),
)
def objective_without_deadline(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    for index, objective in enumerate(ctx.strategy.objectives):
        deadline = objective.deadline
        if deadline is None or not period.start <= deadline <= period.end:
            yield ("objectives", index, "deadline"), {"id": objective.id}


@rule(
    "OBJ008",
    Severity.ERROR,
    2,
    title=("Type d’objectif inconnu", "Unknown objective kind"),
    message=(
        "L’objectif « {id} » est de type « {kind} », inconnu de la base de connaissances.",
        "Objective '{id}' has kind '{kind}', unknown to the knowledge base.",
    ),
    hint=("Types connus : {known}.", "Known kinds: {known}."),
)
def unknown_objective_kind(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.objectives
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.kind not in known:
            yield (
                ("objectives", index, "kind"),
                {"id": objective.id, "kind": objective.kind, "known": ", ".join(sorted(known))},
            )


@rule(
    "OBJ009",
    Severity.WARNING,
    2,
    title=("Objectif porté par aucun canal", "Objective served by no channel"),
    message=(
        "Aucun canal ni aucune campagne ne sert l’objectif « {id} ».",
        "No channel or campaign serves objective '{id}'.",
    ),
    hint=(
        "Ajoutez {id} aux objectives d’un canal (channels[].objectives).",
        "Add {id} to a channel's objectives (channels[].objectives).",
    ),
)
def objective_without_channel(ctx: Context) -> Iterator[Hit]:
    served = {o for c in ctx.strategy.channels for o in c.objectives}
    served |= {c.objective for c in ctx.strategy.advertising.campaigns if c.objective}
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.id not in served:
            yield ("objectives", index), {"id": objective.id}
