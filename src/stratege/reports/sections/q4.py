"""Question 4: the indicators, why each is followed, and their path to target."""

from __future__ import annotations

from stratege.reports import charts
from stratege.reports.context import DASH, Context
from stratege.reports.document import Block, Figure, Paragraph, Section, Table
from stratege.reports.sections.answer import answer
from stratege.reports.sections.trajectories import trajectory_tables
from stratege.reports.values import kpi_value
from stratege.strategy.model import Kpi


def section(context: Context) -> Section:
    _ = context._
    lead = _(
        "Each indicator measures one objective, which serves business goals: "
        "the chain below shows why every figure is followed."
    )
    blocks: list[Block] = [Paragraph(lead), _traceability(context), _kpi_plan(context)]
    blocks += trajectory_tables(context)
    if any(t.points for t in context.plan.trajectories):
        blocks.append(_trajectory_figure(context))
    return answer(context, 4, blocks)


def _traceability(context: Context) -> Table:
    _ = context._
    return Table(
        _("Traceability: business goal → objective → KPI → channels"),
        [_("Business goals"), _("Objective"), _("KPI"), _("Channels")],
        [_trace(context, kpi) for kpi in context.strategy.kpis],
    )


def _trace(context: Context, kpi: Kpi) -> list[str]:
    strategy = context.strategy
    objective = next((o for o in strategy.objectives if o.id == kpi.objective), None)
    goals = {g.id: g.statement for g in strategy.organisation.business_goals}
    served = [goals.get(g, g) for g in (objective.business_goals if objective else [])]
    channels = [context.channel(c) for c in kpi.channels]
    return [
        context.join(served),
        objective.statement if objective else kpi.objective,
        f"{kpi.id} — {context.words.metric(kpi.metric)}",
        context.join(channels) if channels else context._("all channels"),
    ]


def _kpi_plan(context: Context) -> Table:
    _ = context._
    header = [
        _("KPI"),
        _("Metric"),
        _("Unit"),
        _("Baseline"),
        _("Target"),
        _("Deadline"),
        _("Measured"),
        _("Data source"),
    ]
    rows = [_plan_row(context, t.kpi, t.unit) for t in context.plan.trajectories]
    numeric = [False, False, False, True, True, False, False, False]
    return Table(_("KPI plan"), header, rows, numeric)


def _plan_row(context: Context, kpi: Kpi, unit: str) -> list[str]:
    currency = context.strategy.resources.budget.currency
    return [
        kpi.id,
        context.words.metric(kpi.metric),
        context.words("unit", unit) if unit else DASH,
        kpi_value(kpi.baseline, unit, context.lang, currency),
        kpi_value(kpi.target, unit, context.lang, currency),
        context.date(kpi.deadline),
        context.words("frequency", kpi.frequency),
        kpi.source or DASH,
    ]


def _trajectory_figure(context: Context) -> Figure:
    _ = context._
    return Figure(
        _("Month-by-month trajectory of each KPI to its target"),
        charts.trajectories(context),
        _("One small chart per KPI: the planned value at each checkpoint, to the deadline."),
    )
