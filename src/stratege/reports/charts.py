"""Charts of the strategy document, drawn offline with matplotlib as PNG bytes.

The same PNG goes into HTML, DOCX and Markdown, so every format shows the same figure.
Output is reproducible: fixed size and DPI, no timestamps in the PNG metadata.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")  # no display, no network: a file renderer only

import matplotlib.dates as mdates
import matplotlib.pyplot as plt

from stratege.i18n import Lang
from stratege.i18n.numbers import LOCALES
from stratege.planning.days import week_start
from stratege.planning.plan import Plan

PALETTE = [
    "#2f5d8a",
    "#e07b39",
    "#4c9a6a",
    "#b8474f",
    "#8a6bb0",
    "#c9a227",
    "#5bb0c9",
    "#7f7f7f",
    "#a3623a",
    "#3d7d7d",
]
WIDTH, HEIGHT, DPI = 7.5, 3.6, 150


def _png(figure: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def _figure(height: float = HEIGHT) -> tuple[plt.Figure, plt.Axes]:
    figure, axes = plt.subplots(figsize=(WIDTH, height))
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    return figure, axes


def _decimal(lang: Lang):  # type: ignore[no-untyped-def]
    """Tick labels with the language's decimal mark."""
    comma = LOCALES[lang].startswith("fr")
    return plt.FuncFormatter(
        lambda v, _: f"{v:,.0f}".replace(",", "\u202f") if comma else f"{v:,.0f}"
    )


def posts_per_week(plan: Plan, _, lang: Lang) -> bytes:  # type: ignore[no-untyped-def]
    """Stacked bars: posts per ISO week, one colour per channel."""
    counts: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for slot in plan.slots:
        counts[slot.channel][week_start(slot.start.date())] += 1
    weeks = plan.horizon.weeks
    figure, axes = _figure()
    bottom = [0] * len(weeks)
    for index, (channel, by_week) in enumerate(sorted(counts.items())):
        values = [by_week.get(w, 0) for w in weeks]
        axes.bar(
            weeks,
            values,
            width=6,
            bottom=bottom,
            label=channel,
            color=PALETTE[index % len(PALETTE)],
        )
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    axes.set_ylabel(_("Posts per week"))
    axes.yaxis.set_major_formatter(_decimal(lang))
    _months_axis(axes, lang)
    axes.legend(fontsize=7, ncols=4, frameon=False)
    return _png(figure)


def workload(plan: Plan, _, lang: Lang) -> bytes:  # type: ignore[no-untyped-def]
    """Horizontal bars: average planned hours per week against hours available."""
    people = plan.strategy.resources.people
    weeks = max(len(plan.horizon.weeks), 1)
    figure, axes = _figure(max(1.6, 0.45 * len(people) + 1))
    names = [p.name for p in people]
    planned = [plan.hours(p.id) / weeks for p in people]
    available = [plan.capacity_of(p.id) / weeks for p in people]
    axes.barh(names, available, color="#d9e2ec", label=_("Hours available"))
    axes.barh(names, planned, height=0.5, color=PALETTE[0], label=_("Hours planned"))
    axes.invert_yaxis()
    axes.grid(axis="x", alpha=0.3)
    axes.grid(axis="y", visible=False)
    axes.set_xlabel(_("Hours per week (average)"))
    axes.legend(fontsize=7, frameon=False, loc="lower right")
    return _png(figure)


def budget(plan: Plan, _, lang: Lang) -> bytes:  # type: ignore[no-untyped-def]
    """Stacked bars per month of planned spending; the declared budget as a line."""
    from stratege.reports.labels import budget_category

    months = plan.budget.months
    figure, axes = _figure()
    bottom = [0.0] * len(months)
    categories = [
        c for c in plan.budget.planned if c != "people" and plan.budget.planned_total(c) > 0
    ]
    for index, category in enumerate(categories):
        values = [plan.budget.planned[category].get(m, 0.0) for m in months]
        axes.bar(
            months,
            values,
            width=20,
            bottom=bottom,
            color=PALETTE[index % len(PALETTE)],
            label=budget_category(category, _),
        )
        bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    declared = [
        sum(plan.budget.declared[c].get(m, 0.0) for c in plan.budget.declared if c != "people")
        for m in months
    ]
    axes.plot(
        months,
        declared,
        color="black",
        linewidth=1.2,
        marker="o",
        markersize=3,
        label=_("Declared budget"),
    )
    axes.set_ylabel(plan.budget.currency)
    axes.yaxis.set_major_formatter(_decimal(lang))
    _months_axis(axes, lang)
    axes.legend(fontsize=7, ncols=3, frameon=False)
    return _png(figure)


def campaigns(plan: Plan, _, lang: Lang) -> bytes:  # type: ignore[no-untyped-def]
    """A timeline: one bar per campaign from its start to its end."""
    forecasts = plan.campaigns
    figure, axes = _figure(max(1.6, 0.45 * len(forecasts) + 1))
    for index, forecast in enumerate(forecasts):
        campaign = forecast.campaign
        start = mdates.date2num(campaign.start)
        length = (campaign.end - campaign.start).days + 1
        axes.barh(campaign.name, length, left=start, color=PALETTE[index % len(PALETTE)])
    axes.invert_yaxis()
    axes.set_xlim(mdates.date2num(plan.horizon.start), mdates.date2num(plan.horizon.end))
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", alpha=0.3)
    _months_axis(axes, lang)
    return _png(figure)


def trajectories(plan: Plan, _, lang: Lang) -> bytes:  # type: ignore[no-untyped-def]
    """Small multiples: each KPI's monthly path from baseline to target."""
    drawn = [t for t in plan.trajectories if t.points][:9]
    columns = 3 if len(drawn) > 4 else max(len(drawn), 1)
    rows = (len(drawn) + columns - 1) // columns or 1
    figure, grid = plt.subplots(rows, columns, figsize=(WIDTH, 2.1 * rows), squeeze=False)
    for axes in grid.flat[len(drawn) :]:
        axes.set_visible(False)
    for axes, trajectory in zip(grid.flat, drawn, strict=False):
        dates = [plan.horizon.start, *(p[0] for p in trajectory.points)]
        values = [trajectory.kpi.baseline, *(p[1] for p in trajectory.points)]
        axes.plot(dates, values, color=PALETTE[0], marker="o", markersize=2)
        axes.set_title(trajectory.kpi.id, fontsize=8)
        axes.tick_params(labelsize=6)
        axes.spines[["top", "right"]].set_visible(False)
        axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        axes.xaxis.set_major_formatter(_month_formatter(lang))
    return _png(figure)


def _months_axis(axes: plt.Axes, lang: Lang) -> None:
    axes.xaxis.set_major_locator(mdates.MonthLocator())
    axes.xaxis.set_major_formatter(_month_formatter(lang))
    axes.tick_params(axis="x", labelsize=7)


def _month_formatter(lang: Lang):  # type: ignore[no-untyped-def]
    from babel.dates import format_date

    return plt.FuncFormatter(
        lambda value, _: format_date(mdates.num2date(value).date(), "MMM", locale=LOCALES[lang])
    )
