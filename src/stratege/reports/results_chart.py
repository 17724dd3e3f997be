"""The Results chart: each KPI's measured values against its trajectory (small multiples)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stratege.reports.charting import Chart, colour, month_labels, month_ticks, small_multiples
from stratege.reports.charts import TINY, _kpi_axis, _wrap
from stratege.reports.context import Context

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from stratege.measure.progress import KpiProgress

MAX_KPIS = 9


def drawn_kpis(context: Context) -> list[KpiProgress]:
    measurement = context.measurement
    if measurement is None:
        return []
    return [k for k in measurement.kpis if any(p.actual is not None for p in k.points)][:MAX_KPIS]


def _draw(context: Context) -> Figure:
    from matplotlib.dates import date2num
    from matplotlib.ticker import MaxNLocator

    kpis = drawn_kpis(context)
    columns = 3 if len(kpis) > 4 else max(len(kpis), 1)
    drawing, grid = small_multiples(len(kpis), columns, 2.1)
    for axes, kpi in zip(grid, kpis, strict=False):
        measured = [p for p in kpi.points if p.actual is not None]
        expected = [p for p in kpi.points if p.expected is not None]
        if expected:
            axes.plot(
                date2num([p.period_end for p in expected]),
                [p.expected or 0.0 for p in expected],
                color=colour(7),
                linestyle="--",
                linewidth=1,
                label="expected",
            )
        axes.plot(
            date2num([p.period_end for p in measured]),
            [p.actual or 0.0 for p in measured],
            color=colour(0),
            marker="o",
            markersize=2.5,
            label="actual",
        )
        axes.tick_params(labelsize=TINY)
        axes.yaxis.set_major_locator(MaxNLocator(4))
        first, last = kpi.points[0].period_start, kpi.points[-1].period_end
        month_ticks(axes, first, last, every=1 if (last - first).days < 200 else 3)
    return drawing


def _label(drawing: Figure, context: Context) -> None:
    kpis = drawn_kpis(context)
    visible = [axes for axes in drawing.axes if axes.get_visible()]
    for axes, kpi in zip(visible, kpis, strict=True):
        title = f"{context.words.metric(kpi.metric)} ({kpi.id})"
        axes.set_title(_wrap(title, 34), fontsize=7, y=1.0, pad=4)
        _kpi_axis(context, axes, kpi.unit)
        month_labels(axes, context.lang)


RESULTS = Chart("results", _draw, _label)


def results_chart(context: Context) -> bytes:
    return context.charts.png(RESULTS, context)
