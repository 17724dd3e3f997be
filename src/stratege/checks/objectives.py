"""Question 2 — priorities: objectives, their kinds, their link to business goals."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Day, Known
from stratege.i18n.catalogue import N_

MAX_PRIMARY = 3


@rule(
    "OBJ001",
    Severity.ERROR,
    2,
    title=N_("No objective"),
    message=N_("No objective is declared."),
    hint=N_(
        "Declare at least one objective (`objectives`), e.g. of kind `visibility` or "
        "`customer_service`."
    ),
)
def no_objective(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.objectives:
        yield ("objectives",), {}


@rule(
    "OBJ002",
    Severity.ERROR,
    2,
    title=N_("Objective serving no business goal"),
    message=N_("Objective '{id}' serves no business goal."),
    hint=N_("List in `business_goals` the goal(s) (`organisation.business_goals`) it serves."),
)
def objective_without_goal(ctx: Context) -> Iterator[Hit]:
    for index, objective in enumerate(ctx.strategy.objectives):
        if not objective.business_goals:
            yield ("objectives", index, "business_goals"), {"id": objective.id}


@rule(
    "OBJ003",
    Severity.ERROR,
    2,
    title=N_("Unknown business goal"),
    message=N_("Objective '{id}' refers to business goal '{goal}', which does not exist."),
    hint=N_("{closest}Use an id declared in `organisation.business_goals`."),
)
def objective_unknown_goal(ctx: Context) -> Iterator[Hit]:
    for index, objective in enumerate(ctx.strategy.objectives):
        for position, goal in enumerate(objective.business_goals):
            if goal not in ctx.goal_ids:
                yield (
                    ("objectives", index, "business_goals", position),
                    {
                        "id": objective.id,
                        "goal": goal,
                        "closest": Closest.of("goal", goal, ctx.goal_ids),
                    },
                )


@rule(
    "OBJ004",
    Severity.ERROR,
    2,
    title=N_("No primary objective"),
    message=N_("No objective is primary (`priority: primary`)."),
    hint=N_("Pick the objective that matters most and mark it `primary`."),
)
def no_primary(ctx: Context) -> Iterator[Hit]:
    objectives = ctx.strategy.objectives
    if objectives and not any(o.priority == "primary" for o in objectives):
        yield ("objectives",), {}


@rule(
    "OBJ005",
    Severity.WARNING,
    2,
    title=N_("Too many primary objectives"),
    message=N_(
        "{count} of {total} objectives are primary: when everything is a priority, nothing is."
    ),
    hint=N_(
        "Keep at most three primary objectives, and fewer than half; make the others `secondary`."
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
    title=N_("Objective without KPI"),
    message=N_("Objective '{id}' is measured by no KPI."),
    hint=N_("Add a KPI in `kpis` with `objective: {id}`; recommended: {recommended}."),
)
def objective_without_kpi(ctx: Context) -> Iterator[Hit]:
    measured = {k.objective for k in ctx.strategy.kpis}
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.id not in measured:
            kind = ctx.knowledge.objectives.get(objective.kind)
            recommended = Known.of("metric", kind.recommended_kpis if kind else (), ctx.knowledge)
            yield ("objectives", index), {"id": objective.id, "recommended": recommended}


@rule(
    "OBJ007",
    Severity.WARNING,
    2,
    title=N_("Objective without deadline"),
    message=N_("Objective '{id}' has no deadline within the period: it is not SMART."),
    hint=N_("Give it a `deadline` between {start} and {end}."),
)
def objective_without_deadline(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    for index, objective in enumerate(ctx.strategy.objectives):
        deadline = objective.deadline
        if deadline is None or not period.start <= deadline <= period.end:
            yield (
                ("objectives", index, "deadline"),
                {"id": objective.id, "start": Day(period.start), "end": Day(period.end)},
            )


@rule(
    "OBJ008",
    Severity.ERROR,
    2,
    title=N_("Unknown objective kind"),
    message=N_("Objective '{id}' has kind '{kind}', unknown to the knowledge base."),
    hint=N_("{closest}Known kinds: {known}."),
)
def unknown_objective_kind(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.objectives
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.kind not in known:
            yield (
                ("objectives", index, "kind"),
                {
                    "id": objective.id,
                    "kind": objective.kind,
                    "known": Known.of("objective-kind", sorted(known), ctx.knowledge),
                    "closest": Closest.of("objective-kind", objective.kind, known, ctx.knowledge),
                },
            )


@rule(
    "OBJ009",
    Severity.WARNING,
    2,
    title=N_("Objective served by no channel"),
    message=N_("No channel or campaign serves objective '{id}'."),
    hint=N_("Add `{id}` to a channel's objectives (`channels[].objectives`)."),
)
def objective_without_channel(ctx: Context) -> Iterator[Hit]:
    served = {o for c in ctx.strategy.channels for o in c.objectives}
    served |= {c.objective for c in ctx.strategy.advertising.campaigns if c.objective}
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.id not in served:
            yield ("objectives", index), {"id": objective.id}
