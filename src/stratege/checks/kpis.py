"""Question 4 — indicators: metric, baseline, target, deadline, consistency with objectives."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.capacity.workload import answers_customers
from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Day, Known, Label, Msg, Num
from stratege.i18n.catalogue import N_
from stratege.strategy.model import Kpi

RESPONSE_TIME_FIELD = "first_response_minutes"  # in the metrics that time the answers


@rule(
    "KPI001",
    Severity.ERROR,
    4,
    title=N_("Unknown metric"),
    message=N_("KPI '{id}' uses metric '{metric}', which is not in the catalogue."),
    hint=N_(
        "{closest}Pick a catalogue metric (`stratege kpis`) or declare it under `knowledge.kpis`."
    ),
)
def unknown_metric(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.metric not in ctx.knowledge.kpis:
            known = ctx.knowledge.kpis
            closest = Closest.of("metric", kpi.metric, known, ctx.knowledge)
            yield (
                ("kpis", index, "metric"),
                {"id": kpi.id, "metric": kpi.metric, "closest": closest},
            )


@rule(
    "KPI002",
    Severity.ERROR,
    4,
    title=N_("Unknown objective"),
    message=N_("KPI '{id}' measures objective '{objective}', which does not exist."),
    hint=N_("{closest}Use an id from `objectives`."),
)
def unknown_objective(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.objective not in ctx.objective_ids:
            closest = Closest.of("objective", kpi.objective, ctx.objective_ids)
            yield (
                ("kpis", index, "objective"),
                {"id": kpi.id, "objective": kpi.objective, "closest": closest},
            )


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
    hint=N_("Set a numeric `target`: an objective that cannot be measured is not SMART."),
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
    hint=N_("Give a `deadline` between {start} and {end}."),
)
def no_deadline(ctx: Context) -> Iterator[Hit]:
    period = ctx.strategy.period
    for index, kpi in enumerate(ctx.strategy.kpis):
        if kpi.deadline is None or not period.start <= kpi.deadline <= period.end:
            yield (
                ("kpis", index, "deadline"),
                {"id": kpi.id, "start": Day(period.start), "end": Day(period.end)},
            )


@rule(
    "KPI006",
    Severity.ERROR,
    4,
    title=N_("Target on the wrong side"),
    message=N_(
        "KPI '{id}' ({metric}): {better} is better, yet target {target} does not "
        "improve on baseline {baseline}."
    ),
    hint=N_("Swap `baseline` and `target`, or check the metric chosen."),
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
                    "metric": Label("metric", kpi.metric, ctx.knowledge),
                    "target": Num(kpi.target, 2),
                    "baseline": Num(kpi.baseline, 2),
                    "better": Msg.of(N_("higher") if higher else N_("lower")),
                },
            )


@rule(
    "KPI007",
    Severity.WARNING,
    4,
    title=N_("Metric inconsistent with its objective"),
    message=N_(
        "KPI '{id}' ({metric}, family {family}) is a poor measure of an objective of kind {kind}."
    ),
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
                    "metric": Label("metric", kpi.metric, ctx.knowledge),
                    "family": Label("kpi-family", definition.family),
                    "kind": Label("objective-kind", objective.kind, ctx.knowledge),
                    "recommended": Known.of("metric", kind.recommended_kpis, ctx.knowledge),
                },
            )


@rule(
    "KPI008",
    Severity.ERROR,
    4,
    title=N_("Unknown channel"),
    message=N_("KPI '{id}' is about channel '{channel}', which is not declared."),
    hint=N_("{closest}Use an id from `channels`."),
)
def unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, kpi in enumerate(ctx.strategy.kpis):
        for position, channel in enumerate(kpi.channels):
            if channel not in ctx.channel_ids:
                closest = Closest.of("channel", channel, ctx.channel_ids)
                yield (
                    ("kpis", index, "channels", position),
                    {"id": kpi.id, "channel": channel, "closest": closest},
                )


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
                    {"id": kpi.id, "which": Msg.of(which), "value": Num(value, 2)},
                )


@rule(
    "KPI011",
    Severity.WARNING,
    4,
    title=N_("Customer care without a response-time KPI"),
    message=N_(
        "Customers are answered on {channels}, but no KPI measures how fast there: a "
        "response rate alone does not keep the promise of a response time."
    ),
    hint=N_(
        "Add a KPI with `metric: median_first_response_time` (the median first-response "
        "time, in minutes) and its target."
    ),
)
def care_without_response_time(ctx: Context) -> Iterator[Hit]:
    timed = {m for m, d in ctx.knowledge.kpis.items() if RESPONSE_TIME_FIELD in d.fields}
    kpis = [k for k in ctx.strategy.kpis if k.metric in timed]
    untimed = [
        c.id
        for c in ctx.strategy.channels
        if answers_customers(ctx.strategy, c) and not any(_measures(k, c.id) for k in kpis)
    ]
    if untimed:
        yield ("kpis",), {"channels": ", ".join(untimed)}


def _measures(kpi: Kpi, channel: str) -> bool:
    """A KPI measures a channel it names, or every channel when it names none."""
    return not kpi.channels or channel in kpi.channels


@rule(
    "KPI012",
    Severity.WARNING,
    4,
    title=N_("Channel measured by no KPI"),
    message=N_("No KPI measures channel '{id}': nobody will know whether it works."),
    hint=N_(
        "Add the channel to the `channels` of a KPI (a KPI without `channels` measures them all)."
    ),
)
def channel_without_kpi(ctx: Context) -> Iterator[Hit]:
    kpis = ctx.strategy.kpis
    if not kpis or any(not k.channels for k in kpis):
        return  # no KPI at all (OBJ006 says so), or one that measures every channel
    measured = {c for k in kpis for c in k.channels}
    for index, channel in enumerate(ctx.strategy.channels):
        if channel.id not in measured:
            yield ("channels", index), {"id": channel.id}
