"""Money over the strategy period: what is declared, what the plan commits.

Declared amounts may cover the whole period, a year or a month (budget.covers); they are
brought to the period so that they compare with what tools and campaigns actually cost.
"""

from __future__ import annotations

from dataclasses import dataclass

from stratege.strategy.model import Budget, Period, Strategy

CATEGORIES = ("outsourcing", "advertising", "contests", "tools", "training", "other")


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
