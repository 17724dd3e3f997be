"""Budgets as they are declared: for the period, a year or a month, counted in calendar
months; what a partial plan takes of each line; the spans a rule compares month by month."""

from __future__ import annotations

import datetime as dt

import pytest

from stratege.capacity.budget import budget_spans, calendar_months, compare_budget
from stratege.checks import run_checks
from stratege.planning.plan import build_plan
from stratege.strategy import Strategy
from tests.conftest import example_data


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [
        (dt.date(2027, 1, 1), dt.date(2027, 12, 31), 12),
        (dt.date(2028, 1, 1), dt.date(2028, 12, 31), 12),  # a leap year is a year too
        (dt.date(2027, 3, 15), dt.date(2027, 4, 14), 1),
        (dt.date(2027, 1, 1), dt.date(2027, 1, 31), 1),
        (dt.date(2027, 1, 1), dt.date(2027, 1, 16), 16 / 31),
    ],
)
def test_calendar_months(first: dt.date, last: dt.date, months: float) -> None:
    assert calendar_months(first, last) == pytest.approx(months)


def _yearly(advertising: float, campaigns: list[float]) -> Strategy:
    data = example_data()
    data["resources"]["budget"].update(covers="year", advertising=advertising)
    for campaign, amount in zip(data["advertising"]["campaigns"], campaigns, strict=False):
        campaign["budget"] = amount
    return Strategy.model_validate(data)


def test_a_yearly_budget_over_a_calendar_year_is_compared_as_declared() -> None:
    strategy = _yearly(16_000, [8_000, 5_000, 3_000])  # exactly 16,000 of campaigns
    assert compare_budget(strategy).declared["advertising"] == pytest.approx(16_000)
    codes = {f.code for f in run_checks(strategy)}
    assert not codes & {"ADV004", "RES008", "ADV009"}


def test_a_month_above_its_own_budget_is_named() -> None:
    data = example_data()
    data["resources"]["budget"].update(covers="month", advertising=1_000)
    [galette] = [c for c in data["advertising"]["campaigns"] if c["id"] == "galette"]
    galette["budget"] = 1_500  # all of it in January
    found = [f for f in run_checks(Strategy.model_validate(data)) if f.code == "ADV009"]
    assert any("janvier 2027" in f.message("fr") for f in found)


def test_spans_follow_what_the_budget_is_declared_for() -> None:
    data = example_data()
    assert budget_spans(Strategy.model_validate(data)) == []  # declared for the period
    data["resources"]["budget"]["covers"] = "month"
    spans = budget_spans(Strategy.model_validate(data))
    assert len(spans) == 12 and spans[0].first == dt.date(2027, 1, 1)


def test_a_partial_plan_takes_the_same_share_of_every_line() -> None:
    strategy = Strategy.model_validate(example_data())
    plan = build_plan(strategy, dt.date(2027, 3, 1), dt.date(2027, 3, 31))
    share = 31 / 365
    assert plan.budget.share_of_period == pytest.approx(share)
    for line in ("outsourcing", "contests", "training", "other"):
        assert plan.budget.declared_total(line) == pytest.approx(
            getattr(strategy.resources.budget, line) * share
        )
        assert plan.budget.planned_total(line) == pytest.approx(plan.budget.declared_total(line))


def test_staff_cost_is_hours_times_rate_person_by_person() -> None:
    plan = build_plan(Strategy.model_validate(example_data()))
    people = plan.strategy.resources.people
    assert sum(plan.budget.person_cost(p.id) for p in people) == pytest.approx(
        plan.budget.planned_total("people"), abs=0.01
    )
    hours = sum(sum(plan.budget.people_hours.get(p.id, {}).values()) for p in people)
    assert hours == pytest.approx(sum(plan.hours(p.id) for p in people), abs=0.01)
