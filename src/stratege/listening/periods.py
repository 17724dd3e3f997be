"""The periods listening results are counted in: ISO weeks (Monday first) or months.

A period is named by its first day (a date, easy to plot) and labelled ``2027-03`` or
``2027-W09`` (ISO year and week) for people and tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Period = Literal["week", "month"]
PERIODS: tuple[Period, ...] = ("week", "month")


def check_period(period: str) -> Period:
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}: week or month")
    return period


def period_sql(period: Period, column: str = "day") -> str:
    """SQL of the first day of the period of ``column`` (a DATE)."""
    return f"CAST(date_trunc('{check_period(period)}', {column}) AS DATE)"


def period_label(start: dt.date, period: Period) -> str:
    if period == "month":
        return start.strftime("%Y-%m")
    year, week, _ = start.isocalendar()
    return f"{year}-W{week:02d}"


def period_starts(first: dt.date, last: dt.date, period: Period) -> list[dt.date]:
    """Every period from the one of ``first`` to the one of ``last``, empty ones included
    (a series a chart can draw without gaps)."""
    starts: list[dt.date] = []
    current = _start(first, period)
    while current <= last:
        starts.append(current)
        current = _next(current, period)
    return starts


def _start(day: dt.date, period: Period) -> dt.date:
    if period == "month":
        return day.replace(day=1)
    return day - dt.timedelta(days=day.weekday())


def _next(start: dt.date, period: Period) -> dt.date:
    if period == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
