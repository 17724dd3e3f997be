"""The KPI trajectories as tables: the planned value of each KPI at each checkpoint.

The checkpoints are the trajectory's own dates (month ends and the deadline, see
:func:`stratege.planning.trajectories.checkpoints`), the same as the plan's XLSX. Dates are
shown a few at a time, so a long period gives several readable tables, not one too wide.
"""

from __future__ import annotations

import datetime as dt

from stratege.planning.trajectories import KpiTrajectory
from stratege.reports.context import DASH, Context
from stratege.reports.document import Table
from stratege.reports.values import kpi_value, step_decimals

DATES_PER_TABLE = 6


def checkpoint_dates(trajectories: list[KpiTrajectory]) -> list[dt.date]:
    """Every checkpoint of every trajectory, in order."""
    return sorted({day for t in trajectories for day, _ in t.points})


def trajectory_tables(context: Context) -> list[Table]:
    dates = checkpoint_dates(context.plan.trajectories)
    return [
        _table(context, dates[i : i + DATES_PER_TABLE])
        for i in range(0, len(dates), DATES_PER_TABLE)
    ]


def _table(context: Context, dates: list[dt.date]) -> Table:
    _ = context._
    caption = _(
        "KPI trajectories (planned value at each checkpoint), {start} to {end}",
        start=context.date(dates[0]),
        end=context.date(dates[-1]),
    )
    header = [_("KPI"), *(context.short_date(d) for d in dates)]
    rows = [_row(context, t, dates) for t in context.plan.trajectories if t.points]
    return Table(caption, header, rows, [False, *([True] * len(dates))])


def _row(context: Context, trajectory: KpiTrajectory, dates: list[dt.date]) -> list[str]:
    values = dict(trajectory.points)
    decimals = step_decimals(trajectory)
    currency = context.strategy.resources.budget.currency
    cells = [
        kpi_value(values[d], trajectory.unit, context.lang, currency, decimals)
        if d in values
        else DASH
        for d in dates
    ]
    return [trajectory.kpi.id, *cells]
