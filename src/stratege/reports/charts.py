"""The charts of the strategy document, as PNG bytes.

The same PNG goes into HTML, DOCX and Markdown, so every format shows the same figure.
Everything on a chart is named as in the text (channels by platform, KPIs by metric, people
by name) and written in the document's language (decimal commas, narrow no-break spaces
between thousands in French), with the unit on the value axis.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter, defaultdict

from stratege.capacity.budget import CATEGORIES
from stratege.planning.days import week_start
from stratege.planning.trajectories import KpiTrajectory
from stratege.reports.charting import (
    SMALL,
    TINY,
    colour,
    figure,
    legend_above,
    money_axis,
    months_axis,
    number_axis,
    percent_axis,
    png,
    small_multiples,
)
from stratege.reports.context import Context

WEEK = dt.timedelta(days=7)
MAX_KPIS = 9  # small multiples drawn, three per row


def posts_per_week(context: Context) -> bytes:
    """Stacked steps: posts per ISO week, one colour per channel."""
    from matplotlib.dates import date2num

    weeks = context.plan.horizon.weeks
    edges = date2num([*weeks, weeks[-1] + WEEK])
    drawing, axes = figure()
    bottom = [0] * len(weeks)
    for index, (channel, by_week) in enumerate(_posts_by_channel(context).items()):
        top = [low + by_week[w] for low, w in zip(bottom, weeks, strict=True)]
        label = context.channel(channel)
        axes.stairs(top, edges, baseline=bottom, fill=True, color=colour(index), label=label)
        bottom = top
    axes.grid(axis="y", alpha=0.3)
    axes.set_ylabel(context._("Posts per week"), fontsize=SMALL)
    number_axis(axes.yaxis, context.lang)
    months_axis(axes, context.lang)
    legend_above(axes, 4)
    return png(drawing)


def _posts_by_channel(context: Context) -> dict[str, Counter[dt.date]]:
    """Channel → week → posts, channels in the strategy's order."""
    counts: dict[str, Counter[dt.date]] = {c.channel: Counter() for c in context.strategy.cadence}
    counts = defaultdict(Counter, counts)
    for slot in context.plan.slots:
        counts[slot.channel][week_start(slot.start.date())] += 1
    return {channel: weeks for channel, weeks in counts.items() if weeks}


def workload(context: Context) -> bytes:
    """Horizontal bars: average planned hours per week against the hours available."""
    plan, people = context.plan, context.strategy.resources.people
    weeks = max(len(plan.horizon.weeks), 1)
    drawing, axes = figure(max(1.6, 0.45 * len(people) + 1))
    names = [p.name for p in people]
    available = [plan.capacity_of(p.id) / weeks for p in people]
    planned = [plan.hours(p.id) / weeks for p in people]
    axes.barh(names, available, color="#d9e2ec", label=context._("Hours available"))
    axes.barh(names, planned, height=0.5, color=colour(0), label=context._("Hours planned"))
    axes.invert_yaxis()
    axes.grid(axis="x", alpha=0.3)
    axes.set_xlabel(context._("Hours per week (average)"), fontsize=SMALL)
    number_axis(axes.xaxis, context.lang)
    axes.legend(fontsize=SMALL, frameon=False, loc="lower right")
    return png(drawing)


def budget(context: Context) -> bytes:
    """Stacked bars of planned spending per month; the declared budget as a line."""
    plan = context.plan
    months = [m for m in plan.budget.months if m not in plan.budget.lead_months]
    drawing, axes = figure()
    bottom = [0.0] * len(months)
    spent = [c for c in CATEGORIES if plan.budget.planned_total(c) > 0]
    for index, category in enumerate(spent):
        values = [plan.budget.planned[category].get(m, 0.0) for m in months]
        label = context.words("budget-category", category)
        axes.bar(months, values, width=20, bottom=bottom, color=colour(index), label=label)
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    declared = [sum(plan.budget.declared[c].get(m, 0.0) for c in CATEGORIES) for m in months]
    line = context._("Declared budget")
    axes.grid(axis="y", alpha=0.3)
    axes.plot(months, declared, color="black", linewidth=1.2, marker="o", markersize=3, label=line)
    axes.set_ylabel(context._("Spending per month"), fontsize=SMALL)
    money_axis(axes.yaxis, context.lang, plan.budget.currency)
    months_axis(axes, context.lang)
    legend_above(axes, 4)
    return png(drawing)


def campaigns(context: Context) -> bytes:
    """A timeline: one bar per campaign from its first to its last day."""
    from matplotlib.dates import date2num

    forecasts, horizon = context.plan.campaigns, context.plan.horizon
    drawing, axes = figure(max(1.6, 0.45 * len(forecasts) + 1))
    for index, forecast in enumerate(forecasts):
        campaign = forecast.campaign
        length = (campaign.end - campaign.start).days + 1
        start = date2num(campaign.start)
        name = textwrap.fill(campaign.name, 30)
        axes.barh(name, length, left=start, color=colour(index))
    axes.invert_yaxis()
    axes.set_xlim(date2num(horizon.start), date2num(horizon.end + dt.timedelta(days=1)))
    axes.grid(axis="x", alpha=0.3)
    months_axis(axes, context.lang)
    return png(drawing)


def trajectories(context: Context) -> bytes:
    """Small multiples: each KPI's path from its baseline to its target, in its unit."""
    drawn = [t for t in context.plan.trajectories if t.points][:MAX_KPIS]
    columns = 3 if len(drawn) > 4 else max(len(drawn), 1)
    drawing, grid = small_multiples(len(drawn), columns, 2.1)
    titles = _kpi_titles(context, drawn)
    for axes, trajectory, title in zip(grid, drawn, titles, strict=False):
        _trajectory(context, axes, trajectory, title)
    return png(drawing)


def _trajectory(context: Context, axes, trajectory: KpiTrajectory, title: str) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.ticker import MaxNLocator

    dates = [context.plan.horizon.start, *(day for day, _ in trajectory.points)]
    values = [trajectory.kpi.baseline, *(value for _, value in trajectory.points)]
    axes.plot(dates, values, color=colour(0), marker="o", markersize=2)
    axes.set_title(textwrap.fill(title, 34), fontsize=SMALL, y=1.0, pad=4)  # fixed: not measured
    axes.tick_params(labelsize=TINY)
    axes.yaxis.set_major_locator(MaxNLocator(4))
    _kpi_axis(context, axes, trajectory.unit)
    months_axis(axes, context.lang, (1, 4, 7, 10))


def _kpi_axis(context: Context, axes, unit: str) -> None:  # type: ignore[no-untyped-def]
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
            where = (
                context.join(context.channel(c) for c in kpi.channels) if kpi.channels else kpi.id
            )
            title = f"{title} ({where})"
        titles.append(title)
    return titles
