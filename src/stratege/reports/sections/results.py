"""Results: what the imported data say about the strategy (it appears once data exist).

Each KPI's latest measured value against the value its trajectory expected by then, the
target and a projection at the deadline; a chart of the measured values along the
trajectories; the posts published against the cadence and the plan; the mix of pillars.
The figures are the KPI engine's (the catalogue's formulas over the platforms' exports).
"""

from __future__ import annotations

from stratege.measure.progress import STATUS
from stratege.reports.context import DASH, Context
from stratege.reports.document import Block, Figure, Paragraph, Section, Table
from stratege.reports.results_chart import drawn_kpis, results_chart
from stratege.reports.sections import listening_results
from stratege.reports.values import kpi_value


def section(context: Context) -> Section:
    _ = context._
    measurement = context.measurement
    blocks: list[Block] = []
    if measurement is not None and measurement.first_day is not None:
        blocks += [
            Paragraph(
                _(
                    "Measured from {first} to {last}, from the platforms' own exports imported "
                    "with stratege import. A KPI is on track when its latest value is within "
                    "5 % of the way from baseline to target of what its trajectory expected by "
                    "then.",
                    first=context.date(measurement.first_day),
                    last=context.date(measurement.last_day),
                )
            ),
            _kpi_table(context),
        ]
        if drawn_kpis(context):
            blocks.append(
                Figure(
                    _("Measured values (line with dots) against the trajectory (dashes)"),
                    results_chart(context),
                    _("Each KPI's measured value per period and its planned trajectory."),
                )
            )
        if measurement.channels:
            blocks.append(_channel_table(context))
        if measurement.pillars:
            blocks.append(_pillar_table(context))
    blocks += listening_results.blocks(context)
    return Section("results", _("Results"), blocks)


def _kpi_table(context: Context) -> Table:
    _ = context._
    measurement = context.measurement
    assert measurement is not None
    currency = context.strategy.resources.budget.currency
    rows = []
    for kpi in measurement.kpis:

        def value(v: float | None, unit: str = kpi.unit) -> str:
            return kpi_value(v, unit, context.lang, currency)

        rows.append(
            [
                kpi.id,
                context.words.metric(kpi.metric),
                context.date(kpi.latest_period) if kpi.latest_period else DASH,
                value(kpi.latest),
                value(kpi.expected),
                value(kpi.target),
                _(STATUS[kpi.status]),
                value(kpi.projected),
            ]
        )
    header = [
        _("KPI"),
        _("Metric"),
        _("Period"),
        _("Actual"),
        _("Expected"),
        _("Target"),
        _("Status"),
        _("Projected at deadline"),
    ]
    numeric = [False, False, False, True, True, True, False, True]
    return Table(_("KPIs against their trajectory"), header, rows, numeric)


def _channel_table(context: Context) -> Table:
    _ = context._
    measurement = context.measurement
    assert measurement is not None
    rows = [
        [
            context.channel(c.channel),
            context.count(c.posts),
            context.number(c.planned_per_week),
            context.number(c.actual_per_week),
            f"{context.count(c.matched_slots)} / {context.count(c.planned_slots)}",
        ]
        for c in measurement.channels
    ]
    header = [
        _("Channel"),
        _("Posts"),
        _("Per week (planned)"),
        _("Per week (actual)"),
        _("Planned slots published"),
    ]
    return Table(_("Publication against cadence and plan"), header, rows, [False, *[True] * 4])


def _pillar_table(context: Context) -> Table:
    _ = context._
    measurement = context.measurement
    assert measurement is not None
    names = {p.id: p.name for p in context.strategy.content.pillars}
    rows = [
        [
            names.get(r.id, r.id),
            context.number(r.planned, 0),
            context.number(r.actual, 0),
            context.count(r.posts),
        ]
        for r in measurement.pillars
    ]
    header = [_("Pillar"), _("Planned %"), _("Actual %"), _("Posts")]
    return Table(_("Content pillars: share of posts"), header, rows, [False, True, True, True])
