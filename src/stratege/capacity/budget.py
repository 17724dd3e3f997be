"""Money over the strategy period: what is declared, what the plan commits.

Declared amounts may cover the whole period, a year or a month (budget.covers); they are
brought to the period so that they compare with what tools and campaigns actually cost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stratege.strategy.model import Budget, Period, Strategy

CATEGORIES = ("outsourcing", "advertising", "contests", "tools", "training", "other")
PLAN_CATEGORIES = ("people", *CATEGORIES)


def period_factor(budget: Budget, period: Period) -> float:
    """How many times the declared amounts apply over the period."""
    if budget.covers == "year":
        return period.days / 365.25
    if budget.covers == "month":
        return period.months
    return 1.0


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
    """Declared budget per category vs what the strategy commits, over the period.

    Tools and advertising are computed from the tools list and the campaigns; the other
    categories have no itemised plan yet, so their planned amount is the declared one.
    """
    budget, period = strategy.resources.budget, strategy.period
    factor = period_factor(budget, period)
    declared = {c: getattr(budget, c) * factor for c in CATEGORIES}
    planned = dict(declared)
    planned["tools"] = tools_cost(strategy)
    planned["advertising"] = sum(c.budget for c in strategy.advertising.campaigns)
    return BudgetComparison(declared, planned)


def tools_cost(strategy: Strategy) -> float:
    return sum(t.monthly_cost for t in strategy.resources.tools) * strategy.period.months


def people_cost_per_week(strategy: Strategy) -> float:
    return sum((p.hourly_cost or 0) * p.hours_per_week for p in strategy.resources.people)


@dataclass
class MonthlyBudget:
    """Planned spending per category and month, beside the declared budget spread evenly."""

    currency: str
    months: list[dt.date]
    planned: dict[str, dict[dt.date, float]]
    declared: dict[str, dict[dt.date, float]]

    def planned_total(self, category: str) -> float:
        return sum(self.planned.get(category, {}).values())

    def declared_total(self, category: str) -> float:
        return sum(self.declared.get(category, {}).values())


def monthly_budget(
    strategy: Strategy,
    days: list[dt.date],
    people_hours: dict[tuple[str, dt.date], float],
    campaigns_by_month: dict[dt.date, float],
) -> MonthlyBudget:
    """``people_hours``: (person, week Monday) → hours planned that week."""
    months = sorted({d.replace(day=1) for d in days})
    in_month = {m: sum(1 for d in days if d.replace(day=1) == m) for m in months}
    share = {m: in_month[m] / len(days) for m in months} if days else {}
    comparison = compare_budget(strategy)
    declared = {c: {m: comparison.declared[c] * share[m] for m in months} for c in CATEGORIES}
    planned = {c: dict(declared[c]) for c in ("outsourcing", "contests", "training", "other")}
    planned["advertising"] = {m: campaigns_by_month.get(m, 0.0) for m in months}
    monthly_tools = sum(t.monthly_cost for t in strategy.resources.tools)
    planned["tools"] = {m: monthly_tools * in_month[m] / _month_length(m) for m in months}
    planned["people"] = _people_cost(strategy, people_hours, months)
    declared["people"] = dict.fromkeys(months, 0.0)  # internal time: outside the budget lines
    return MonthlyBudget(strategy.resources.budget.currency, months, planned, declared)


def _month_length(month: dt.date) -> int:
    following = (month + dt.timedelta(days=32)).replace(day=1)
    return (following - month).days


def _people_cost(
    strategy: Strategy, hours: dict[tuple[str, dt.date], float], months: list[dt.date]
) -> dict[dt.date, float]:
    rates = {p.id: p.hourly_cost or 0 for p in strategy.resources.people}
    cost = dict.fromkeys(months, 0.0)
    for (person, monday), spent in hours.items():
        for offset in range(7):  # a week's hours split over its days, hence its months
            month = (monday + dt.timedelta(days=offset)).replace(day=1)
            if month in cost:
                cost[month] += rates.get(person, 0) * spent / 7
    return cost
