"""Money over the strategy period: what is declared, what the strategy commits, and when.

Declared amounts may cover the whole period, a year or a month (``budget.covers``). They
are counted in calendar months — a year is twelve of them, whatever its number of days —
so a yearly budget of 16,000 over a calendar year is 16,000, not 15,989. Tools cost their
monthly price; campaigns spend their budget evenly over their days; the lines with no
itemised plan (outsourcing, contests, training, other) are planned as declared. A plan
for part of the period takes the same share of every category, day for day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from stratege.strategy.model import Budget, Period, Strategy

CATEGORIES = ("outsourcing", "advertising", "contests", "tools", "training", "other")
PLAN_CATEGORIES = ("people", *CATEGORIES)
AS_DECLARED = ("outsourcing", "contests", "training", "other")
ONE_DAY = dt.timedelta(days=1)


# --- calendar months ------------------------------------------------------------------------


def month_length(day: dt.date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def calendar_months(first: dt.date, last: dt.date) -> float:
    """Months from ``first`` to ``last`` included: whole calendar months, then the share
    of the month that remains (1 January to 31 December is exactly 12)."""
    end = last + ONE_DAY
    whole = (end.year - first.year) * 12 + end.month - first.month
    if add_months(first, whole) > end:
        whole -= 1
    anchor = add_months(first, whole)
    return whole + (end - anchor).days / month_length(anchor)


def period_factor(budget: Budget, period: Period) -> float:
    """How many times the declared amounts apply over the period."""
    return _times(budget.covers, calendar_months(period.start, period.end))


def _times(covers: str, months: float) -> float:
    """How many times an amount declared per ``covers`` applies over ``months``."""
    if covers == "year":
        return months / 12
    if covers == "month":
        return months
    return 1.0


# --- what the strategy commits ---------------------------------------------------------------


@dataclass(frozen=True)
class BudgetComparison:
    declared: dict[str, float]
    planned: dict[str, float]

    @property
    def declared_total(self) -> float:
        return sum(self.declared.values())

    @property
    def planned_total(self) -> float:
        return sum(self.planned.values())


def compare_budget(strategy: Strategy) -> BudgetComparison:
    """Declared budget per category vs what the strategy commits, over the whole period."""
    budget, period = strategy.resources.budget, strategy.period
    factor = period_factor(budget, period)
    declared = {c: getattr(budget, c) * factor for c in CATEGORIES}
    planned = dict(declared)
    planned["tools"] = tools_cost(strategy)
    planned["advertising"] = sum(c.budget for c in strategy.advertising.campaigns)
    return BudgetComparison(declared, planned)


def tools_cost(strategy: Strategy) -> float:
    return monthly_tools(strategy) * calendar_months(strategy.period.start, strategy.period.end)


def monthly_tools(strategy: Strategy) -> float:
    """What the tools cost a month, all together."""
    return sum(t.monthly_cost for t in strategy.resources.tools)


def campaign_spend(strategy: Strategy) -> dict[dt.date, float]:
    """Advertising spent each day: every campaign's budget spread evenly over its days."""
    spend: dict[dt.date, float] = defaultdict(float)
    for campaign in strategy.advertising.campaigns:
        days = (campaign.end - campaign.start).days + 1
        if days <= 0:
            continue
        for offset in range(days):
            spend[campaign.start + dt.timedelta(days=offset)] += campaign.budget / days
    return dict(spend)


# --- month by month ----------------------------------------------------------------------------


@dataclass
class MonthlyBudget:
    """Planned spending per category and month, beside the declared budget.

    ``months`` are the months of the plan's days, preceded by ``lead_months``: months
    before the plan starts where production for its first posts is already paid for (staff
    time only; nothing is declared for them). ``people`` gives staff time line by line:
    hours per person and month, and each person's hourly cost, so that the staff-time
    line is hours × rate, person by person.
    """

    currency: str
    months: list[dt.date]
    planned: dict[str, dict[dt.date, float]]
    declared: dict[str, dict[dt.date, float]]
    lead_months: list[dt.date] = field(default_factory=list)
    people_hours: dict[str, dict[dt.date, float]] = field(default_factory=dict)
    hourly_costs: dict[str, float] = field(default_factory=dict)
    share_of_period: float = 1.0  # the plan's days over the period's: what was pro-rated

    def planned_total(self, category: str) -> float:
        return sum(self.planned.get(category, {}).values())

    def declared_total(self, category: str) -> float:
        return sum(self.declared.get(category, {}).values())

    def person_cost(self, person: str) -> float:
        hours = sum(self.people_hours.get(person, {}).values())
        return hours * self.hourly_costs.get(person, 0.0)


def monthly_budget(
    strategy: Strategy, days: list[dt.date], people_hours: dict[tuple[str, dt.date], float]
) -> MonthlyBudget:
    """The budget of the plan's ``days``; ``people_hours``: (person, week Monday) → hours."""
    months = sorted({d.replace(day=1) for d in days})
    in_month = {m: sum(1 for d in days if d.replace(day=1) == m) for m in months}
    period_days = max(strategy.period.days, 1)
    comparison = compare_budget(strategy)
    declared = {
        c: {m: comparison.declared[c] * in_month[m] / period_days for m in months}
        for c in CATEGORIES
    }
    planned = {c: dict(declared[c]) for c in AS_DECLARED}
    planned["advertising"] = _by_month(campaign_spend(strategy), set(days), months)
    tools = monthly_tools(strategy)
    planned["tools"] = {m: tools * in_month[m] / month_length(m) for m in months}
    hours = _hours_by_month(people_hours, set(days))
    lead = sorted({m for by_month in hours.values() for m in by_month} - set(months))
    every_month = [*lead, *months]
    rates = {p.id: p.hourly_cost or 0.0 for p in strategy.resources.people}
    planned["people"] = {
        m: sum(h.get(m, 0.0) * rates.get(p, 0.0) for p, h in hours.items()) for m in every_month
    }
    declared["people"] = dict.fromkeys(every_month, 0.0)  # internal time: not a budget line
    return MonthlyBudget(
        strategy.resources.budget.currency,
        every_month,
        planned,
        declared,
        lead_months=lead,
        people_hours=hours,
        hourly_costs=rates,
        share_of_period=len(days) / period_days,
    )


def _by_month(
    daily: dict[dt.date, float], days: set[dt.date], months: Iterable[dt.date]
) -> dict[dt.date, float]:
    totals = dict.fromkeys(months, 0.0)
    for day, amount in daily.items():
        if day in days:
            totals[day.replace(day=1)] += amount
    return totals


def _hours_by_month(
    hours: dict[tuple[str, dt.date], float], days: set[dt.date]
) -> dict[str, dict[dt.date, float]]:
    """A week's hours split over its days, hence its months, so that the months add up to
    every hour planned: days before the plan are lead time (their own months), days of
    its last week after its last day count in the last month."""
    last = max(days) if days else dt.date.max
    by_month: dict[str, dict[dt.date, float]] = defaultdict(lambda: defaultdict(float))
    for (person, monday), spent in hours.items():
        for offset in range(7):
            day = min(monday + dt.timedelta(days=offset), last)
            by_month[person][day.replace(day=1)] += spent / 7
    return {p: dict(m) for p, m in by_month.items()}


# --- the budget's own units: each month, or each year, it is declared for ---------------------


@dataclass(frozen=True)
class BudgetSpan:
    """One unit of time a budget is declared for (a calendar month, or a year) within the
    period, with what is planned in it and what is declared for it (pro-rated when the
    period covers only part of it)."""

    first: dt.date
    last: dt.date
    unit: str  # "month" or "year"
    planned: dict[str, float]
    declared: dict[str, float]
    total: float | None  # the overall envelope for the span, when one is declared

    @property
    def planned_total(self) -> float:
        return sum(self.planned.values())


def budget_spans(strategy: Strategy) -> list[BudgetSpan]:
    """The months (budget declared per month) or years (per year) of the period, so that
    a month or a year that overspends is seen even when the whole period does not. A
    budget declared for the whole period has no smaller unit: none are returned."""
    budget, period = strategy.resources.budget, strategy.period
    if budget.covers == "period":
        return []
    daily_ads, tools = campaign_spend(strategy), monthly_tools(strategy)
    spans = []
    for first, last in _units(period.start, period.end, budget.covers):
        months = calendar_months(first, last)
        share = _times(budget.covers, months)
        declared = {c: getattr(budget, c) * share for c in CATEGORIES}
        planned = dict(declared)
        planned["tools"] = tools * months
        planned["advertising"] = sum(a for d, a in daily_ads.items() if first <= d <= last)
        total = budget.total * share if budget.total is not None else None
        spans.append(BudgetSpan(first, last, budget.covers, planned, declared, total))
    return spans


def _units(start: dt.date, end: dt.date, covers: str) -> list[tuple[dt.date, dt.date]]:
    """Calendar months, or calendar years, cut to the period."""
    units, first = [], start
    while first <= end:
        if covers == "month":
            following = add_months(first.replace(day=1), 1)
        else:
            following = dt.date(first.year + 1, 1, 1)
        last = min(following - ONE_DAY, end)
        units.append((first, last))
        first = following
    return units
