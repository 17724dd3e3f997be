"""Question 4 — indicators: metric, baseline, target, deadline, consistency with objectives."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Msg, Severity, rule
from stratege.i18n.catalogue import N_


@rule(
    "KPI001",
    Severity.ERROR,
    4,
    title=N_("Unknown metric"),
    message=N_("KPI '{id}' uses metric '{metric}', which is not in the catalogue."),
    hint=N_("Pick a catalogue metric (stratege kpis) or declare it under knowledge.kpis."),
)
def unknown_metric(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.metric not in ctx.knowledge.kpis:
            yield ("kpis", index, "metric"), {"id": kpi.id, "metric": kpi.metric}


@rule(
    "KPI002",
    Severity.ERROR,
    4,
    title=N_("Unknown objective"),
    message=N_("KPI '{id}' measures objective '{objective}', which does not exist."),
    hint=N_("Use an id from objectives."),
)
def unknown_objective(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.objective not in ctx.objective_ids:
            yield ("kpis", index, "objective"), {"id": kpi.id, "objective": kpi.objective}


@rule(
    "KPI003",
    Severity.WARNING,
    4,
    title=N_("KPI without baseline"),
    message=N_("KPI '{id}' has no baseline: progress cannot be judged."),
    hint=N_("Measure today's value (audit, platform exports); 0 for a new account."),
)
def no_baseline(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.baseline is None:
            yield ("kpis", index, "baseline"), {"id": kpi.id}


@rule(
    "KPI004",
    Severity.ERROR,
    4,
    title=N_("KPI without target"),
    message=N_("KPI '{id}' has no target."),
    hint=N_("Set a numeric target: an objective that cannot be measured is not SMART."),
)
def no_target(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.target is None:
            yield ("kpis", index, "target"), {"id": kpi.id}


@rule(
    "KPI005",
    Severity.WARNING,
    4,
    title=N_("KPI without deadline"),
    message=N_("KPI '{id}' has no deadline within the period."),
    hint=N_("Give a deadline between period.start and period.end."),
)
def no_deadline(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.deadline is None or not period.start <= kpi.deadline <= period.end:
            yield ("kpis", index, "deadline"), {"id": kpi.id}


@rule(
    "KPI006",
    Severity.ERROR,
    4,
    title=N_("Target on the wrong side"),
    message=N_(
        "KPI '{id}' ({metric}): {better} is better, yet target {target} does not "
        "improve on baseline {baseline}."
    ),
    hint=N_("Swap baseline and target, or check the metric chosen."),
)
def target_wrong_side(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        definition = ctx.knowledge.kpis.get(kpi.metric)
        if definition is None or kpi.baseline is None or kpi.target is None:
            continue
        higher = definition.direction == "higher"
        if (kpi.target <= kpi.baseline) if higher else (kpi.target >= kpi.baseline):
            yield (
                ("kpis", index, "target"),
                {
                    "id": kpi.id,
                    "metric": kpi.metric,
                    "target": kpi.target,
                    "baseline": kpi.baseline,
                    "better": Msg.of(N_("higher") if higher else N_("lower")),
                },
            )


@rule(
    "KPI007",
    Severity.WARNING,
    4,
    title=N_("Metric inconsistent with its objective"),
    message=N_("KPI '{id}' ({metric}, family {family}) is a poor measure of a '{kind}' objective."),
    hint=N_("Recommended metrics for this kind: {recommended}."),
)
def metric_off_objective(ctx: Context) -> Iterator[Hit]:
    objectives = {o.id: o for o in ctx.strategy.objectives}
    for index, kpi in enumerate(ctx.strategy.kpis):
        objective = objectives.get(kpi.objective)
        definition = ctx.knowledge.kpis.get(kpi.metric)
        kind = ctx.knowledge.objectives.get(objective.kind) if objective else None
        if not (objective and definition and kind):
            continue
        if kpi.metric not in kind.recommended_kpis and definition.family not in kind.kpi_families:
            yield (
                ("kpis", index, "metric"),
                {
                    "id": kpi.id,
                    "metric": kpi.metric,
                    "family": definition.family,
                    "kind": objective.kind,
                    "recommended": ", ".join(kind.recommended_kpis),
                },
            )


@rule(
    "KPI008",
    Severity.ERROR,
    4,
    title=N_("Unknown channel"),
    message=N_("KPI '{id}' is about channel '{channel}', which is not declared."),
    hint=N_("Use an id from channels."),
)
def unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        for position, channel in enumerate(kpi.channels):
            if channel not in ctx.channel_ids:
                yield ("kpis", index, "channels", position), {"id": kpi.id, "channel": channel}


@rule(
    "KPI009",
    Severity.INFO,
    4,
    title=N_("Data source not stated"),
    message=N_("KPI '{id}' does not say where its figures will come from."),
    hint=N_("State the source (Meta Business Suite export, LinkedIn Analytics, listening tool…)."),
)
def no_source(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if not kpi.source:
            yield ("kpis", index, "source"), {"id": kpi.id}


@rule(
    "KPI010",
    Severity.WARNING,
    4,
    title=N_("Percentage out of range"),
    message=N_("KPI '{id}' is a percentage, yet its {which} is {value}: an unlikely value."),
    hint=N_("Enter rates as percentages (2.5 for 2.5%); check for a typo."),
)
def percent_out_of_range(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        definition = ctx.knowledge.kpis.get(kpi.metric)
        if definition is None or definition.unit != "percent":
            continue
        for field, which in (("baseline", N_("baseline")), ("target", N_("target"))):
            value = getattr(kpi, field)
            if value is not None and not -100 <= value <= 1000:
                yield (
                    ("kpis", index, field),
                    {"id": kpi.id, "which": Msg.of(which), "value": value},
                )
