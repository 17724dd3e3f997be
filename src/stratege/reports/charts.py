"""The charts of the strategy document, as PNG bytes.

The same PNG goes into HTML, DOCX and Markdown, so every format shows the same figure.
Everything on a chart is named as in the text (channels by platform, KPIs by metric, people
by name) and written in the document's language (decimal commas, narrow no-break spaces
between thousands in French), with the unit on the value axis.

Each chart is drawn in two steps: its shapes, from the plan alone, then its words, in one
language. A :class:`~stratege.reports.charting.ChartBook` keeps the shapes of one plan, so
the second language of a pack only rewrites the words (drawing the axes is most of the
cost of a chart).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from typing import TYPE_CHECKING

from stratege.capacity.budget import CATEGORIES
from stratege.planning.slots import posts_per_week_by_channel
from stratege.planning.trajectories import KpiTrajectory
from stratege.reports.charting import (
    SMALL,
    TINY,
    Chart,
    colour,
    figure,
    legend_above,
    money_axis,
    month_labels,
    month_ticks,
    number_axis,
    percent_axis,
    relabel_legend,
    small_multiples,
)
from stratege.reports.context import Context

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WEEK = dt.timedelta(days=7)
MAX_KPIS = 9  # small multiples drawn, three per row


# --- posts per week -------------------------------------------------------------------------


def _draw_posts(context: Context) -> Figure:
    """Stacked steps: posts per ISO week, one colour per channel."""
    from matplotlib.dates import date2num

    weeks = context.plan.horizon.weeks
    edges = date2num([*weeks, weeks[-1] + WEEK])
    drawing, axes = figure()
    bottom = [0] * len(weeks)
    for index, (channel, by_week) in enumerate(_posts_by_channel(context).items()):
        top = [low + by_week[w] for low, w in zip(bottom, weeks, strict=True)]
        axes.stairs(top, edges, baseline=bottom, fill=True, color=colour(index), label=channel)
        bottom = top
    axes.grid(axis="y", alpha=0.3)
    month_ticks(axes, weeks[0], weeks[-1] + WEEK)
    legend_above(axes, 4)
    return drawing


def _posts_by_channel(context: Context) -> dict[str, dict[dt.date, int]]:
    """Channel → week → posts, channels in the strategy's order."""
    table = posts_per_week_by_channel(context.plan.slots)
    order = [c.channel for c in context.strategy.cadence]
    return {
        channel: table[channel] for channel in dict.fromkeys([*order, *table]) if table.get(channel)
    }


def _label_posts(drawing: Figure, context: Context) -> None:
    (axes,) = drawing.axes
    axes.set_ylabel(context._("Posts per week"), fontsize=SMALL)
    number_axis(axes.yaxis, context.lang)
    month_labels(axes, context.lang)
    relabel_legend(axes, context.channel)


POSTS = Chart("posts", _draw_posts, _label_posts)


def posts_per_week(context: Context) -> bytes:
    return context.charts.png(POSTS, context)


# --- workload -------------------------------------------------------------------------------


def _draw_workload(context: Context) -> Figure:
    """Horizontal bars: average planned hours per week against the hours available."""
    plan, people = context.plan, context.strategy.resources.people
    weeks = max(len(plan.horizon.weeks), 1)
    drawing, axes = figure(max(1.6, 0.45 * len(people) + 1))
    names = [p.name for p in people]
    available = [plan.capacity_of(p.id) / weeks for p in people]
    planned = [plan.hours(p.id) / weeks for p in people]
    axes.barh(names, available, color="#d9e2ec", label="available")
    axes.barh(names, planned, height=0.5, color=colour(0), label="planned")
    axes.invert_yaxis()
    axes.grid(axis="x", alpha=0.3)
    axes.legend(fontsize=SMALL, frameon=False, loc="lower right")
    return drawing


def _label_workload(drawing: Figure, context: Context) -> None:
    (axes,) = drawing.axes
    _ = context._
    axes.set_xlabel(_("Hours per week (average)"), fontsize=SMALL)
    number_axis(axes.xaxis, context.lang)
    words = {"available": _("Hours available"), "planned": _("Hours planned")}
    relabel_legend(axes, words.__getitem__)


WORKLOAD = Chart("workload", _draw_workload, _label_workload)


def workload(context: Context) -> bytes:
    return context.charts.png(WORKLOAD, context)


# --- budget ---------------------------------------------------------------------------------


def _draw_budget(context: Context) -> Figure:
    """Stacked bars of planned spending per month; the declared budget as a line."""
    from matplotlib.dates import date2num

    budget = context.plan.budget
    months = [m for m in budget.months if m not in budget.lead_months]
    drawing, axes = figure()
    bottom = [0.0] * len(months)
    spent = [c for c in CATEGORIES if budget.planned_total(c) > 0]
    where = date2num(months)
    for index, category in enumerate(spent):
        values = [budget.planned[category].get(m, 0.0) for m in months]
        axes.bar(where, values, width=20, bottom=bottom, color=colour(index), label=category)
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    declared = [sum(budget.declared[c].get(m, 0.0) for c in CATEGORIES) for m in months]
    axes.plot(
        where, declared, color="black", linewidth=1.2, marker="o", markersize=3, label="declared"
    )
    axes.grid(axis="y", alpha=0.3)
    if months:
        month_ticks(axes, months[0], months[-1])
    legend_above(axes, 4)
    return drawing


def _label_budget(drawing: Figure, context: Context) -> None:
    (axes,) = drawing.axes
    axes.set_ylabel(context._("Spending per month"), fontsize=SMALL)
    money_axis(axes.yaxis, context.lang, context.plan.budget.currency)
    month_labels(axes, context.lang)
    declared = context._("Declared budget")
    relabel_legend(
        axes, lambda key: declared if key == "declared" else context.words("budget-category", key)
    )


BUDGET = Chart("budget", _draw_budget, _label_budget)


def budget(context: Context) -> bytes:
    return context.charts.png(BUDGET, context)


# --- campaigns ------------------------------------------------------------------------------


def _draw_campaigns(context: Context) -> Figure:
    """A timeline: one bar per campaign from its first to its last day."""
    from matplotlib.dates import date2num

    forecasts, horizon = context.plan.campaigns, context.plan.horizon
    drawing, axes = figure(max(1.6, 0.45 * len(forecasts) + 1))
    for index, forecast in enumerate(forecasts):
        campaign = forecast.campaign
        length = (campaign.end - campaign.start).days + 1
        name = _wrap(campaign.name, 30)
        axes.barh(name, length, left=date2num(campaign.start), color=colour(index))
    axes.invert_yaxis()
    axes.set_xlim(date2num(horizon.start), date2num(horizon.end + dt.timedelta(days=1)))
    axes.grid(axis="x", alpha=0.3)
    month_ticks(axes, horizon.start, horizon.end + dt.timedelta(days=1))
    return drawing


def _label_campaigns(drawing: Figure, context: Context) -> None:
    month_labels(drawing.axes[0], context.lang)


CAMPAIGNS = Chart("campaigns", _draw_campaigns, _label_campaigns)


def campaigns(context: Context) -> bytes:
    return context.charts.png(CAMPAIGNS, context)


# --- KPI trajectories -----------------------------------------------------------------------


def _drawn_trajectories(context: Context) -> list[KpiTrajectory]:
    return [t for t in context.plan.trajectories if t.points][:MAX_KPIS]


def _draw_trajectories(context: Context) -> Figure:
    """Small multiples: each KPI's path from its baseline to its target."""
    from matplotlib.dates import date2num
    from matplotlib.ticker import MaxNLocator

    drawn = _drawn_trajectories(context)
    columns = 3 if len(drawn) > 4 else max(len(drawn), 1)
    drawing, grid = small_multiples(len(drawn), columns, 2.1)
    for axes, trajectory in zip(grid, drawn, strict=False):
        dates = [context.plan.horizon.start, *(day for day, _ in trajectory.points)]
        values = [trajectory.kpi.baseline or 0.0, *(value for _, value in trajectory.points)]
        axes.plot(date2num(dates), values, color=colour(0), marker="o", markersize=2)
        axes.tick_params(labelsize=TINY)
        axes.yaxis.set_major_locator(MaxNLocator(4))
        month_ticks(axes, dates[0], dates[-1], every=3)
    return drawing


def _label_trajectories(drawing: Figure, context: Context) -> None:
    drawn = _drawn_trajectories(context)
    visible = [axes for axes in drawing.axes if axes.get_visible()]
    for axes, trajectory, title in zip(visible, drawn, _kpi_titles(context, drawn), strict=True):
        # A fixed title position: matplotlib would otherwise measure every tick to place it.
        axes.set_title(_wrap(title, 34), fontsize=SMALL, y=1.0, pad=4)
        _kpi_axis(context, axes, trajectory.unit)
        month_labels(axes, context.lang)


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width, break_on_hyphens=False)


def _kpi_axis(context: Context, axes: Axes, unit: str) -> None:
    """The value axis in the KPI's unit: "3 %", "1 500 €", or numbers with the unit named."""
    lang = context.lang
    if unit == "percent":
        percent_axis(axes.yaxis, lang)
    elif unit == "currency":
        money_axis(axes.yaxis, lang, context.strategy.resources.budget.currency)
    else:
        number_axis(axes.yaxis, lang)
        if unit:
            axes.set_ylabel(context.words("unit", unit), fontsize=TINY)


def _kpi_titles(context: Context, drawn: list[KpiTrajectory]) -> list[str]:
    """The metric's name; where two KPIs share a metric, their channels tell them apart."""
    repeated = Counter(t.kpi.metric for t in drawn)
    titles = []
    for trajectory in drawn:
        kpi = trajectory.kpi
        title = context.words.metric(kpi.metric)
        if repeated[kpi.metric] > 1:
            channels = context.join(context.channel(c) for c in kpi.channels)
            title = f"{title} ({channels if kpi.channels else kpi.id})"
        titles.append(title)
    return titles


TRAJECTORIES = Chart("trajectories", _draw_trajectories, _label_trajectories)


def trajectories(context: Context) -> bytes:
    return context.charts.png(TRAJECTORIES, context)
