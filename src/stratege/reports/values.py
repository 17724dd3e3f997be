"""KPI values as the document writes them: by the metric's unit, with as many decimals as
the path from baseline to target needs to show its monthly change.

A conversation rate going from 0.08 % to 0.15 % in a year moves by 0.006 points a month:
written with one decimal it would read as a constant "0.1 %" for months; here it keeps the
digits that move ("0.086 %", "0.092 %"…). Counts stay whole whatever their step.
"""

from __future__ import annotations

import math
from itertools import pairwise

from stratege.i18n import Lang
from stratege.i18n.numbers import count, money, num, percent
from stratege.planning.trajectories import KpiTrajectory

MAX_DECIMALS = 4


def kpi_value(
    value: float | None, unit: str, lang: Lang, currency: str, decimals: int | None = None
) -> str:
    """``value`` in ``unit`` (a percent unit holds percents: 3.1 is 3.1 %); ``decimals``
    fixed for a whole row, else one for a fractional value."""
    if value is None:
        return "—"
    if unit == "count":
        return count(value, lang)
    shown = (1 if value % 1 else 0) if decimals is None else decimals
    if unit == "percent":
        return percent(value / 100, lang, shown)
    if unit == "currency" and not shown:
        return money(value, currency, lang)
    return num(value, lang, shown)


def step_decimals(trajectory: KpiTrajectory) -> int:
    """Decimals that show the smallest change from one checkpoint to the next."""
    values = [trajectory.kpi.baseline or 0.0, *(value for _, value in trajectory.points)]
    steps = [abs(b - a) for a, b in pairwise(values) if b != a]
    if not steps:
        return 0 if all(v % 1 == 0 for v in values) else 1
    return min(max(math.ceil(-math.log10(min(steps))), 0), MAX_DECIMALS)
