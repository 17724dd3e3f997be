"""What each sheet of plan.xlsx holds, as tables of typed values.

Values stay typed (dates, numbers) so the workbook stores real Excel dates and numbers that
sort, filter and sum; text is the readable name of each id, in the chosen language. Counts
are whole numbers with a format that shows no decimals. A table larger than Excel allows
is cut, and says so in its last row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from stratege.capacity.budget import PLAN_CATEGORIES
from stratege.exports import wording as w
from stratege.exports.describe import DATE_COLUMN, DUE_COLUMN, TIME_COLUMN, Describer
from stratege.exports.workbook import MAX_COLUMNS, MAX_ROWS, Cell, Sheet
from stratege.i18n import numbers
from stratege.i18n.catalogue import plural
from stratege.planning.plan import Plan
from stratege.planning.raci import ROLES
from stratege.planning.trajectories import KpiTrajectory
from stratege.strategy.model import ACTIVITIES
from stratege.vocabulary import has_label

if TYPE_CHECKING:
    from stratege.checks import Finding

HOURS = "#,##0.0"
MONEY = "#,##0.00"
COUNT = "#,##0"
PERCENT = "0%"
MONTH = "mmm yyyy"
TIME = "hh:mm"
GENERAL = "General"
SIGNIFICANT_DECIMALS = 2  # for rates and ratios; small ones keep their first digits


def sheets(plan: Plan, describe: Describer, findings: Sequence[Finding]) -> list[Sheet]:
    """The seven sheets, in the order a reader goes through a plan."""
    return [
        fit(table, describe)
        for table in (
            calendar(plan, describe),
            workload(plan, describe),
            budget(plan, describe),
            shortfalls(plan, describe),
            raci(plan, describe, findings),
            campaigns(plan, describe),
            kpi_plan(plan, describe),
        )
    ]


def fit(sheet: Sheet, describe: Describer) -> Sheet:
    """``sheet`` within Excel's 1,048,576 rows and 16,384 columns; what is cut is counted in
    a note under the table (the CSV exports have no such limit)."""
    notes = []
    header, rows = sheet.header, sheet.rows
    width = max([len(header), *(len(row) for row in rows)])
    if width > MAX_COLUMNS:
        header, rows = header[:MAX_COLUMNS], [row[:MAX_COLUMNS] for row in rows]
        notes.append(_columns_left_out(width - MAX_COLUMNS, describe))
    if 1 + len(rows) + 2 * len(notes) > MAX_ROWS:  # the header; a blank row before a note
        room = MAX_ROWS - 1 - 2 * (len(notes) + 1)
        notes.append(_rows_left_out(len(rows) - room, describe))
        rows = rows[:room]
    if not notes:
        return sheet
    rows = list(rows)
    for note in notes:
        rows += [[], [Cell(note, bold=True, sized=False)]]
    return dataclasses.replace(sheet, header=header, rows=rows)


def _columns_left_out(hidden: int, describe: Describer) -> str:
    lang = describe.lang
    return plural(
        lang,
        "{number} column is not shown: a sheet holds at most {limit} columns.",
        "{number} columns are not shown: a sheet holds at most {limit} columns.",
        hidden,
        number=numbers.count(hidden, lang),
        limit=numbers.count(MAX_COLUMNS, lang),
    )


def _rows_left_out(hidden: int, describe: Describer) -> str:
    lang = describe.lang
    return plural(
        lang,
        "{number} row is not shown: a sheet holds at most {limit} rows.",
        "{number} rows are not shown: a sheet holds at most {limit} rows.",
        hidden,
        number=numbers.count(hidden, lang),
        limit=numbers.count(MAX_ROWS, lang),
    )


def calendar(plan: Plan, describe: Describer) -> Sheet:
    """The same columns as calendar.csv, dates and times as real cells."""
    dates = w.excel_date_format(describe.lang)
    return Sheet(
        describe._(w.CALENDAR_SHEET),
        describe.calendar_header(),
        [describe.calendar_row(slot) for slot in plan.slots],
        formats={DATE_COLUMN: dates, TIME_COLUMN: TIME, DUE_COLUMN: dates},
    )


def workload(plan: Plan, describe: Describer) -> Sheet:
    """Hours per person and week, by activity, against the hours they have. Work before
    the period (production ahead of the first posts) has its own rows."""
    _ = describe._
    load, capacity = plan.staffing.load, plan.staffing.capacity
    used = {activity for hours in load.values() for activity in hours}
    activities = [a for a in ACTIVITIES if a in used] + sorted(used - set(ACTIVITIES))
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
    header = [_(w.PERSON), _(w.WEEK), *(describe.word("activity", a) for a in activities)]
    header += [_(w.TOTAL_HOURS), _(w.CAPACITY), _(w.UTILISATION)]
    formats = {1: w.excel_date_format(describe.lang), len(header) - 1: PERCENT}
    formats |= {i: HOURS for i in range(2, len(header) - 1)}
    return Sheet(_(w.WORKLOAD_SHEET), header, rows, formats, frozen_columns=2)


def _in_plan(week: dt.date, plan: Plan) -> bool:
    return plan.horizon.start - dt.timedelta(days=6) <= week <= plan.horizon.end


def budget(plan: Plan, describe: Describer) -> Sheet:
    """Planned and declared spending per category and month, with totals: the figures of
    ``plan.budget``, line for line (a category the plan adds appears after the known ones)."""
    _, money = describe._, plan.budget
    months = money.months
    present = set(money.planned) | set(money.declared)
    categories = [c for c in PLAN_CATEGORIES if c in present]
    categories += sorted(present - set(PLAN_CATEGORIES))
    rows: list[list[object]] = []
    totals: dict[str, dict[dt.date, float]] = {
        "planned": defaultdict(float),
        "declared": defaultdict(float),
    }
    for category in categories:
        for figure in ("planned", "declared"):
            values = getattr(money, figure).get(category, {})
            for month in months:
                totals[figure][month] += values.get(month, 0.0)
            name = describe.word("budget-category", category)
            rows.append(_money_row(name, figure, values, plan, describe))
    for figure in ("planned", "declared"):
        rows.append(_money_row(_(w.TOTAL), figure, totals[figure], plan, describe))
    rows += _staff_rows(plan, describe)
    header: list[object] = [_(w.BUDGET_LINE), _(w.FIGURE), *months, _(w.TOTAL), _(w.CURRENCY)]
    formats = {i: MONEY for i in range(2, len(header) - 1)}
    return Sheet(_(w.BUDGET_SHEET), header, rows, formats, header_format=MONTH, frozen_columns=2)


def _staff_rows(plan: Plan, describe: Describer) -> list[list[object]]:
    """Staff time person by person, under the totals: each person's hours per month, then
    hours × their hourly rate — which add up, month by month, to the staff-time line."""
    _, money = describe._, plan.budget
    planned = describe.word("budget-figure", "planned")
    rows: list[list[object]] = [[]]
    for person in plan.strategy.resources.people:
        hours = money.people_hours.get(person.id, {})
        rate = money.hourly_costs.get(person.id, 0.0)
        by_month = [round(hours.get(m, 0.0), 2) for m in money.months]
        name = describe.person(person.id)
        rows.append([_(w.STAFF_HOURS, name=name), planned, *by_month, round(sum(by_month), 2), ""])
        cost = {m: hours.get(m, 0.0) * rate for m in money.months}
        shown_rate = numbers.money(rate, money.currency, describe.lang)
        label = _(w.STAFF_COST, name=name, rate=shown_rate)
        rows.append(_money_row(label, "planned", cost, plan, describe))
    return rows


def shortfalls(plan: Plan, describe: Describer) -> Sheet:
    """Every shortfall of the plan (the terminal shows the worst ten): which work, which
    weeks, hours needed, available and missing each week, and missing in all."""
    _ = describe._
    rows: list[list[object]] = []
    for found in plan.shortfalls:
        weeks = (found.last_week - found.first_week).days // 7 + 1
        rows.append(
            [
                describe.word("activity", found.activity),
                describe.skill(found.skill) if found.skill else "",
                describe.channel(found.channel) if found.channel else "",
                found.first_week,
                found.last_week,
                round(found.needed, 2),
                round(found.available, 2),
                round(found.missing, 2),
                round(found.missing * weeks, 1),
            ]
        )
    if not rows:
        rows.append([Cell(_(w.NOTHING_MISSING), sized=False)])
    header = [_(w.WORK), _(w.SKILL), _(w.CHANNEL), _(w.FIRST_WEEK), _(w.LAST_WEEK)]
    header += [_(w.NEEDED), _(w.AVAILABLE), _(w.MISSING), _(w.MISSING_IN_ALL)]
    dates = w.excel_date_format(describe.lang)
    formats = {3: dates, 4: dates} | {i: HOURS for i in range(5, 9)}
    return Sheet(_(w.SHORTFALLS_SHEET), header, rows, formats)


def _money_row(
    name: str, figure: str, values: dict[dt.date, float], plan: Plan, describe: Describer
) -> list[object]:
    amounts = [round(values.get(m, 0.0), 2) for m in plan.budget.months]
    total = round(sum(values.get(m, 0.0) for m in plan.budget.months), 2)
    figure_name = describe.word("budget-figure", figure)
    return [name, figure_name, *amounts, total, plan.budget.currency]


def raci(plan: Plan, describe: Describer, findings: Sequence[Finding]) -> Sheet:
    """Activities down, channels across; each cell 'R : Julie Morel · A : Sophie Martin';
    then what the letters mean and the RACI checks passed in, under the matrix."""
    _, matrix = describe._, plan.raci
    header = [_(w.ACTIVITY), *(describe.channel(c) for c in matrix.channels)]
    rows: list[list[object]] = []
    for activity in matrix.activities:
        cells = [_raci_cell(matrix.cell(activity, c), describe) for c in matrix.channels]
        rows.append([describe.word("activity", activity), *cells])
    legend = " · ".join(describe.word("raci-role", role) for role in ROLES)
    rows += [[], [Cell(legend, sized=False)]]
    if findings:
        titles = (w.CODE, w.SEVERITY, w.PROBLEM, w.HOW_TO_FIX)
        rows += [[], [Cell(_(w.RACI_CHECKS), bold=True, sized=False)]]
        rows.append([Cell(_(t), bold=True) for t in titles])
        rows += [
            [
                f.code,
                describe.word("severity", str(f.severity)),
                f.message(describe.lang),
                f.hint(describe.lang),
            ]
            for f in findings
        ]
    return Sheet(_(w.RACI_SHEET), header, rows, frozen_columns=1)


def _raci_cell(cell: object, describe: Describer) -> str:
    parts = []
    for role in ROLES:
        people = getattr(cell, role)
        if people:
            names = ", ".join(describe.person(p) for p in people)
            parts.append(describe._(w.RACI_CELL, letter=role[0].upper(), names=names))
    return " · ".join(parts)


def campaigns(plan: Plan, describe: Describer) -> Sheet:
    """One row per campaign and platform: what its share of the budget is expected to buy."""
    _ = describe._
    titles = (
        w.CAMPAIGN, w.OCCASION, w.START, w.END, w.PLATFORM, w.BUDGET, w.CURRENCY,
        w.PRICING_MODEL, w.COST_PER_UNIT, w.COST_SOURCE,
        w.IMPRESSIONS, w.CLICKS, w.CONVERSIONS, w.PAID_UNITS, w.PAID_UNIT,
    )  # fmt: skip
    rows = []
    for forecast in plan.campaigns:
        campaign = forecast.campaign
        for platform in forecast.platforms:
            rows.append(
                [
                    describe.campaign(campaign.id),
                    describe.occasion(campaign.occasion),
                    campaign.start,
                    campaign.end,
                    describe.platform(platform.platform),
                    round(platform.budget, 2),
                    forecast.currency,
                    describe.word("pricing-model", campaign.pricing_model),
                    platform.cost_per_unit,
                    _source(plan, platform.cost_source, describe),
                    round(platform.impressions),
                    round(platform.clicks),
                    round(platform.conversions),
                    None if platform.paid_units is None else round(platform.paid_units),
                    describe.word("paid-unit", forecast.paid_unit),
                ]
            )
    dates = w.excel_date_format(describe.lang)
    formats = {2: dates, 3: dates, 5: MONEY, 8: MONEY}
    formats |= dict.fromkeys(range(10, 14), COUNT)
    return Sheet(_(w.CAMPAIGNS_SHEET), [_(t) for t in titles], rows, formats)


def _source(plan: Plan, key: str, describe: Describer) -> str:
    """Where a cost comes from: the strategy itself, or a knowledge-base source (cited by
    its title; Stratège's own sources by their name in the vocabulary)."""
    if key == "strategy":
        return describe._(w.OWN_COST)
    if has_label("source", key, describe.lang):
        return describe.word("source", key)
    source = plan.knowledge.sources.get(key)
    if source is None:
        return key
    return f"{source.title} ({source.year})" if source.year else source.title


def kpi_plan(plan: Plan, describe: Describer) -> Sheet:
    """Each KPI's target, then the value its trajectory expects at each checkpoint — the
    dates of ``trajectory.points`` (month ends and the deadline), as in the document."""
    _ = describe._
    dates = sorted({day for t in plan.trajectories for day, _value in t.points})
    titles = (
        w.KPI, w.METRIC, w.OBJECTIVE, w.CHANNELS, w.BASELINE, w.TARGET, w.UNIT,
        w.DEADLINE, w.FREQUENCY, w.TRAJECTORY,
    )  # fmt: skip
    rows = []
    for trajectory in plan.trajectories:
        kpi = trajectory.kpi
        by_date = dict(trajectory.points)
        channels = ", ".join(describe.channel(c) for c in kpi.channels)
        rows.append(
            [
                kpi.id,
                describe.word("metric", kpi.metric),
                describe.objective(kpi.objective),
                channels or _(w.ALL_CHANNELS),
                _value(kpi.baseline, trajectory),
                _value(kpi.target, trajectory),
                describe.word("unit", trajectory.unit) if trajectory.unit else "",
                kpi.deadline,
                describe.word("frequency", kpi.frequency),
                describe.word("trajectory", trajectory.growth),
                *(_value(by_date.get(day), trajectory) for day in dates),
            ]
        )
    date_format = w.excel_date_format(describe.lang)
    header: list[object] = [*(_(t) for t in titles), *dates]
    return Sheet(
        _(w.KPI_SHEET),
        header,
        rows,
        {7: date_format},
        header_format=date_format,
        frozen_columns=1,
    )


def _value(value: float | None, trajectory: KpiTrajectory) -> object:
    """A KPI figure as its unit is read: counts whole, amounts to the cent, rates and ratios
    with their significant digits (0.05 % is not 0 %)."""
    if value is None:
        return None
    if trajectory.unit == "count":
        return Cell(round(value), COUNT)
    if trajectory.unit == "currency":
        return Cell(round(value, 2), MONEY)
    shown = numbers.decimals_for(value, SIGNIFICANT_DECIMALS)
    return Cell(round(value, shown), GENERAL)
