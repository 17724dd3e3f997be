"""What each sheet of plan.xlsx holds, as plain tables of typed values.

Values stay typed (dates, floats) so the workbook writer can store real Excel dates and
numbers; text is the readable name of each id, in the chosen language.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from stratege.exports.describe import Describer
from stratege.exports.labels import (
    ACTIVITIES,
    BUDGET_CATEGORIES,
    FIGURES,
    FREQUENCIES,
    GROWTH,
    PAID_UNITS,
    PRICING_MODELS,
    SHEETS,
    UNITS,
    column,
    excel_date_format,
    label,
    word,
)
from stratege.i18n import Lang, tr
from stratege.planning.plan import Plan

HOURS = "0.0"
MONEY = "#,##0.00"
COUNT = "#,##0"
PERCENT = "0%"
MONTH = "mmm yyyy"
VALUE = "#,##0.00"


@dataclass
class Table:
    title: str
    header: list[object]
    rows: list[list[object]] = field(default_factory=list)
    formats: dict[int, str] = field(default_factory=dict)  # column index → number format
    header_format: str | None = None  # for header cells that are dates (month columns)
    freeze: str = "A2"


def tables(plan: Plan, lang: Lang) -> list[Table]:
    describe = Describer(plan, lang)
    return [
        calendar(plan, describe),
        workload(plan, describe),
        budget(plan, describe),
        raci(plan, describe),
        campaigns(plan, describe),
        kpi_plan(plan, describe),
    ]


def _title(key: str, lang: Lang) -> str:
    return label(SHEETS, key, lang)


def calendar(plan: Plan, describe: Describer) -> Table:
    """The same columns as calendar.csv, dates and times as real cells."""
    dates = excel_date_format(describe.lang)
    return Table(
        _title("calendar", describe.lang),
        describe.calendar_header(),
        [describe.calendar_row(slot) for slot in plan.slots],
        formats={0: dates, 1: "hh:mm", 10: dates},
    )


def workload(plan: Plan, describe: Describer) -> Table:
    """Hours per person and week, by activity, against the hours they have."""
    lang = describe.lang
    load, capacity = plan.staffing.load, plan.staffing.capacity
    used = {activity for hours in load.values() for activity in hours}
    activities = [a for a in ACTIVITIES if a in used] + sorted(used - ACTIVITIES.keys())
    keys = sorted(
        {k for k, hours in load.items() if sum(hours.values()) > 0}
        | {k for k, hours in capacity.items() if hours > 0 and _in_plan(k[1], plan)}
    )
    rows = []
    for person, week in keys:
        hours = load.get((person, week), {})
        total = sum(hours.values())
        available = capacity.get((person, week), 0.0)
        rows.append(
            [
                describe.person(person),
                week,
                *(round(hours.get(a, 0.0), 2) for a in activities),
                round(total, 2),
                round(available, 2),
                total / available if available else None,
            ]
        )
    header = [column("person", lang), column("week", lang)]
    header += [label(ACTIVITIES, a, lang) for a in activities]
    header += [column("total_hours", lang), column("capacity", lang), column("utilisation", lang)]
    formats = {1: excel_date_format(lang), len(header) - 1: PERCENT}
    formats |= {i: HOURS for i in range(2, len(header) - 1)}
    return Table(_title("workload", lang), header, rows, formats, freeze="C2")


def _in_plan(week: dt.date, plan: Plan) -> bool:
    return plan.horizon.start - dt.timedelta(days=6) <= week <= plan.horizon.end


def budget(plan: Plan, describe: Describer) -> Table:
    """Planned and declared spending per category and month, with totals."""
    lang, money = describe.lang, plan.budget
    months = money.months
    rows: list[list[object]] = []
    totals: dict[str, dict[dt.date, float]] = {f: defaultdict(float) for f in FIGURES}
    for category in [c for c in BUDGET_CATEGORIES if c in money.planned or c in money.declared]:
        for figure in ("planned", "declared"):
            values = getattr(money, figure).get(category, {})
            for month in months:
                totals[figure][month] += values.get(month, 0.0)
            name = label(BUDGET_CATEGORIES, category, lang)
            rows.append(_money_row(name, figure, values, plan, lang))
    for figure in ("planned", "declared"):
        rows.append(_money_row(column("total", lang), figure, totals[figure], plan, lang))
    header: list[object] = [column("category", lang), column("figure", lang), *months]
    header += [column("total", lang), column("currency", lang)]
    formats = {i: MONEY for i in range(2, len(header) - 1)}
    return Table(_title("budget", lang), header, rows, formats, header_format=MONTH, freeze="C2")


def _money_row(
    name: str, figure: str, values: dict[dt.date, float], plan: Plan, lang: Lang
) -> list[object]:
    amounts = [round(values.get(m, 0.0), 2) for m in plan.budget.months]
    total = round(sum(amounts), 2)
    return [name, label(FIGURES, figure, lang), *amounts, total, plan.budget.currency]


def raci(plan: Plan, describe: Describer) -> Table:
    """Activities down, channels across; each cell 'R: julie · A: sophie'."""
    lang, matrix = describe.lang, plan.raci
    header = [column("activity", lang), *(describe.channel(c) for c in matrix.channels)]
    rows: list[list[object]] = [
        [label(ACTIVITIES, a, lang), *(matrix.cell(a, c).letters() for c in matrix.channels)]
        for a in matrix.activities
    ]
    if plan.findings:  # the RACI checks, under the matrix they are about
        rows.append([])
        rows += [[f.code, f.message(lang), f.hint(lang)] for f in plan.findings]
    return Table(_title("raci", lang), header, rows, freeze="B2")


def campaigns(plan: Plan, describe: Describer) -> Table:
    """One row per campaign and platform: what its share of the budget is expected to buy."""
    lang = describe.lang
    keys = [
        "campaign", "occasion", "start", "end", "platform", "budget", "currency",
        "pricing_model", "cost_per_unit", "cost_source",
        "impressions", "clicks", "conversions", "paid_units", "paid_unit",
    ]  # fmt: skip
    rows = []
    for forecast in plan.campaigns:
        campaign = forecast.campaign
        for platform in forecast.platforms:
            rows.append(
                [
                    campaign.name,
                    describe.occasion(campaign.occasion),
                    campaign.start,
                    campaign.end,
                    describe.platform(platform.platform),
                    round(platform.budget, 2),
                    forecast.currency,
                    label(PRICING_MODELS, campaign.pricing_model, lang),
                    platform.cost_per_unit,
                    _source(plan, platform.cost_source, lang),
                    round(platform.impressions),
                    round(platform.clicks),
                    round(platform.conversions, 1),
                    None if platform.paid_units is None else round(platform.paid_units),
                    label(PAID_UNITS, forecast.paid_unit, lang),
                ]
            )
    dates = excel_date_format(lang)
    formats = {2: dates, 3: dates, 5: MONEY, 8: MONEY, 10: COUNT, 11: COUNT, 12: "#,##0.0"}
    formats[13] = COUNT
    return Table(_title("campaigns", lang), [column(k, lang) for k in keys], rows, formats)


def _source(plan: Plan, key: str, lang: Lang) -> str:
    """Where a cost comes from: the strategy itself, or a knowledge-base source."""
    if key == "strategy":
        return word("strategy_source", lang)
    source = plan.knowledge.sources.get(key)
    if source is None:
        return key
    parts = [source.title, source.publisher, str(source.year) if source.year else ""]
    return ", ".join(p for p in parts if p)


def kpi_plan(plan: Plan, describe: Describer) -> Table:
    """Each KPI's target, then the value it should reach at the end of each month."""
    lang = describe.lang
    months = sorted({day.replace(day=1) for t in plan.trajectories for day, _ in t.points})
    keys = [
        "kpi", "metric", "objective", "channels", "baseline", "target", "unit",
        "deadline", "frequency", "growth",
    ]  # fmt: skip
    rows = []
    for trajectory in plan.trajectories:
        kpi = trajectory.kpi
        by_month = {day.replace(day=1): value for day, value in trajectory.points}
        rows.append(
            [
                kpi.id,
                tr(trajectory.name, lang),
                describe.objective(kpi.objective),
                ", ".join(kpi.channels) or word("all_channels", lang),
                kpi.baseline,
                kpi.target,
                label(UNITS, trajectory.unit, lang),
                kpi.deadline,
                label(FREQUENCIES, kpi.frequency, lang),
                label(GROWTH, trajectory.growth, lang),
                *(_round(by_month.get(m)) for m in months),
            ]
        )
    header: list[object] = [column(k, lang) for k in keys]
    header += months
    formats = {4: VALUE, 5: VALUE, 7: excel_date_format(lang)}
    formats |= {i: VALUE for i in range(len(keys), len(header))}
    return Table(_title("kpis", lang), header, rows, formats, header_format=MONTH, freeze="B2")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
