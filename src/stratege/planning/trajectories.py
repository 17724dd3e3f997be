"""Month-by-month path of every KPI from its baseline to its target.

Metrics that grow by compounding (followers, reach: `growth: multiplicative` in the KPI
catalogue) follow a geometric path; rates and counts that grow by steps follow a straight
line. The path is what progress will be judged against.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Kpi, Strategy


@dataclass
class KpiTrajectory:
    kpi: Kpi
    unit: str
    direction: str
    growth: str  # linear | compound
    points: list[tuple[dt.date, float]] = field(default_factory=list)


def plan_trajectories(
    strategy: Strategy, knowledge: Knowledge, start: dt.date
) -> list[KpiTrajectory]:
    return [_trajectory(kpi, knowledge, start) for kpi in strategy.kpis]


def _trajectory(kpi: Kpi, knowledge: Knowledge, start: dt.date) -> KpiTrajectory:
    definition = knowledge.kpis.get(kpi.metric)
    compound = bool(
        definition
        and definition.growth == "multiplicative"
        and (kpi.baseline or 0) > 0
        and (kpi.target or 0) > 0
    )
    trajectory = KpiTrajectory(
        kpi,
        definition.unit if definition else "",
        definition.direction if definition else "higher",
        "compound" if compound else "linear",
    )
    if kpi.baseline is None or kpi.target is None or kpi.deadline is None:
        return trajectory
    if kpi.deadline <= start:
        trajectory.points = [(kpi.deadline, kpi.target)]
        return trajectory
    span = (kpi.deadline - start).days
    for checkpoint in checkpoints(start, kpi.deadline):
        share = (checkpoint - start).days / span
        if compound:
            value = kpi.baseline * (kpi.target / kpi.baseline) ** share
        else:
            value = kpi.baseline + (kpi.target - kpi.baseline) * share
        trajectory.points.append((checkpoint, value))
    return trajectory


def checkpoints(start: dt.date, deadline: dt.date) -> list[dt.date]:
    """The last day of every month from ``start`` up to the deadline, and the deadline."""
    points = []
    month = start.replace(day=1)
    while True:
        following = (month + dt.timedelta(days=32)).replace(day=1)
        last = following - dt.timedelta(days=1)
        if last >= deadline:
            break
        if last >= start:
            points.append(last)
        month = following
    return [*points, deadline]
