"""Question 1 — the organisation's strategy: goals, mission, positioning."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.i18n.catalogue import N_


@rule(
    "STR001",
    Severity.ERROR,
    1,
    title=N_("No business goal"),
    message=N_("No business goal is declared: nothing justifies being on social media."),
    hint=N_("Add the organisation's goals to `organisation.business_goals` (`id`, `statement`)."),
)
def no_business_goal(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.organisation.business_goals:
        yield ("organisation", "business_goals"), {}


@rule(
    "STR002",
    Severity.WARNING,
    1,
    title=N_("Business goal without objective"),
    message=N_("Business goal '{id}' is served by no social media objective."),
    hint=N_(
        "Link an objective to it (`objectives[].business_goals`), or drop it if social "
        "media does not serve it."
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
    title=N_("No positioning"),
    message=N_("The communication positioning is not defined."),
    hint=N_(
        "Sum up in one sentence what sets the organisation apart "
        "(`organisation.communication.positioning`)."
    ),
)
def no_positioning(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.organisation.communication.positioning:
        yield ("organisation", "communication"), {}


@rule(
    "STR004",
    Severity.INFO,
    1,
    title=N_("No key message"),
    message=N_("No key message is declared: content will lack a common thread."),
    hint=N_("List two to five key messages in `organisation.communication.key_messages`."),
)
def no_key_message(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.organisation.communication.key_messages:
        yield ("organisation", "communication"), {}


@rule(
    "STR005",
    Severity.INFO,
    1,
    title=N_("Mission or values missing"),
    message=N_("The organisation's mission or values are not stated."),
    hint=N_(
        "Fill in `organisation.mission` and `organisation.values`: tone and content "
        "must match them."
    ),
)
def no_mission(ctx: Context) -> Iterator[Hit]:
    organisation = ctx.strategy.organisation
    if not organisation.mission or not organisation.values:
        yield ("organisation",), {}
