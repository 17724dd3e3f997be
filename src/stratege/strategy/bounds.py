"""Limits that keep every later step (check, plan, exports) finite and fast.

The model says what a value *is*; these bounds say how far a value may go before the work
it causes stops being reasonable. They run when a strategy is parsed, so ``check`` refuses
what ``plan`` could not do:

- **numbers**: finite, and at most 10¹⁵ in absolute value anywhere in the file — beyond
  any budget, audience or effort, and still exact as a float (an infinite budget, or a
  400-digit integer, overflowed later in sums and formatting);
- **the period**: between the years 2000 and 2100, ending on or after its start, at most
  three years long (planning ten years took 20–72 s and 730 MB);
- **every other date** (blackouts, deadlines, campaigns, occasions, audit observations):
  from one year before the period's start to two years after its end. An audit is usually
  done before the period starts and a KPI may be judged some time after it ends; farther
  than that is a typo (a KPI deadline in 3500 made a sheet of 17,698 monthly columns).

Each problem is (path in the file, message code, values), located by the loader.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

from stratege.strategy.model import Strategy

PathPart = str | int
FieldPath = tuple[PathPart, ...]
Bound = tuple[FieldPath, str, dict[str, Any]]

MAX_NUMBER = 10**15
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_PERIOD_YEARS = 3
YEARS_BEFORE = 1  # a date may lie up to a year before the period starts
YEARS_AFTER = 2  # and up to two years after it ends


def number_bounds(node: Any, path: FieldPath = ()) -> list[Bound]:
    """Every number of the YAML tree that is not finite or too large, with its path."""
    found: list[Bound] = []
    stack: list[tuple[FieldPath, Any]] = [(path, node)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*where, k), v) for k, v in value.items() if isinstance(k, str | int))
        elif isinstance(value, list):
            stack.extend(((*where, i), v) for i, v in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            found.append((where, "finite", {}))
        elif (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and abs(value) > MAX_NUMBER
        ):
            found.append((where, "out_of_range", {}))
    return sorted(found, key=lambda bound: str(bound[0]))


def date_bounds(strategy: Strategy) -> list[Bound]:
    """The period's own limits, then every other date against the period."""
    problems = _period_bounds(strategy)
    if problems:
        return problems  # the window around a wrong period means nothing
    period = strategy.period
    low, high = years_later(period.start, -YEARS_BEFORE), years_later(period.end, YEARS_AFTER)
    values = {"low": low.isoformat(), "high": high.isoformat()}
    return [
        (path, "date_window", {"date": day.isoformat(), **values})
        for path, day in dated_fields(strategy)
        if not low <= day <= high
    ]


def _period_bounds(strategy: Strategy) -> list[Bound]:
    period = strategy.period
    years = {"first": FIRST_YEAR, "last": LAST_YEAR}
    problems: list[Bound] = [
        (("period", name), "period_years", {"date": day.isoformat(), **years})
        for name, day in (("start", period.start), ("end", period.end))
        if not FIRST_YEAR <= day.year <= LAST_YEAR
    ]
    if problems:
        return problems
    if period.end < period.start:
        values = {"start": period.start.isoformat(), "end": period.end.isoformat()}
        return [(("period", "end"), "period_order", values)]
    latest = years_later(period.start, MAX_PERIOD_YEARS) - dt.timedelta(days=1)
    if period.end > latest:
        return [(("period", "end"), "period_too_long", {"latest": latest.isoformat()})]
    return []


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (or earlier); 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def dated_fields(strategy: Strategy) -> Iterator[tuple[FieldPath, dt.date]]:
    """Every date of the strategy other than the period's start and end, with its path."""
    for i, blackout in enumerate(strategy.period.blackouts):
        yield ("period", "blackouts", i, "start"), blackout.start
        if blackout.end:
            yield ("period", "blackouts", i, "end"), blackout.end
    for i, objective in enumerate(strategy.objectives):
        if objective.deadline:
            yield ("objectives", i, "deadline"), objective.deadline
    for i, kpi in enumerate(strategy.kpis):
        if kpi.deadline:
            yield ("kpis", i, "deadline"), kpi.deadline
    for i, campaign in enumerate(strategy.advertising.campaigns):
        yield ("advertising", "campaigns", i, "start"), campaign.start
        yield ("advertising", "campaigns", i, "end"), campaign.end
    for i, occasion in enumerate(strategy.occasions):
        yield ("occasions", i, "date"), occasion.date
        if occasion.end:
            yield ("occasions", i, "end"), occasion.end
    for i, account in enumerate(strategy.audit.accounts):
        if account.observed_on:
            yield ("audit", "accounts", i, "observed_on"), account.observed_on
