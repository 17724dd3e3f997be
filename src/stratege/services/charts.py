"""The strategy document's charts as SVG, for web pages: the same shapes and words as the
document's PNG figures (drawn by :mod:`stratege.reports.charts`), each titled with the
document's own caption, in one language or several.

A chart the document leaves out is left out here too: the campaign timeline without
campaigns, the KPI trajectories when no KPI has a path to its target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.reports import charts
from stratege.reports.charting import Chart, ChartBook
from stratege.reports.context import Context
from stratege.services.planning import PlanResult


@dataclass(frozen=True)
class ChartWords:
    """What the document says of a chart: its caption and how to read it."""

    title: str
    description: str


CAPTIONS: dict[str, tuple[Chart, str, str]] = {
    "posts": (
        charts.POSTS,
        N_("Posts per week and channel over the period"),
        N_("Stacked bars: the number of posts planned each week, per channel."),
    ),
    "workload": (
        charts.WORKLOAD,
        N_("Workload per person: planned hours against hours available"),
        N_(
            "Horizontal bars: average hours a week planned for each person, over "
            "the hours they have."
        ),
    ),
    "budget": (
        charts.BUDGET,
        N_("Planned spending per month"),
        N_(
            "Stacked bars: planned spending per month and category; the line is the "
            "declared budget spread over the months."
        ),
    ),
    "campaigns": (
        charts.CAMPAIGNS,
        N_("Campaign timeline"),
        N_("One bar per campaign, from its first to its last day."),
    ),
    "trajectories": (
        charts.TRAJECTORIES,
        N_("Month-by-month trajectory of each KPI to its target"),
        N_("One small chart per KPI: the planned value at each checkpoint, to the deadline."),
    ),
}
CHART_NAMES = tuple(CAPTIONS)


def chart_words(name: str, lang: Lang) -> ChartWords:
    """The caption and reading of chart ``name`` (one of :data:`CHART_NAMES`)."""
    _chart, title, description = CAPTIONS[name]
    _ = translator(lang)
    return ChartWords(_(title), _(description))


def drawn_charts(result: PlanResult) -> list[str]:
    """The charts this plan has, in the document's order."""
    plan = result.plan
    skipped = set()
    if not plan.campaigns:
        skipped.add("campaigns")
    if not any(t.points for t in plan.trajectories):
        skipped.add("trajectories")
    return [name for name in CHART_NAMES if name not in skipped]


def plan_charts_svg(result: PlanResult, lang: Lang) -> dict[str, str]:
    """Each chart of the plan as SVG text in ``lang``, by name."""
    return plan_charts(result, [lang])[lang]


def plan_charts(result: PlanResult, langs: Iterable[Lang]) -> dict[Lang, dict[str, str]]:
    """Each chart in each language: the shapes drawn once, the words written per language
    (most of a chart's cost is its shapes)."""
    book = ChartBook(result.plan)
    names = drawn_charts(result)
    drawn: dict[Lang, dict[str, str]] = {}
    for lang in langs:
        context = Context.of(result.plan, result.findings, lang, dt.date.today(), charts=book)
        drawn[lang] = {
            name: book.svg(CAPTIONS[name][0], context, chart_words(name, lang).title)
            for name in names
        }
    return drawn
