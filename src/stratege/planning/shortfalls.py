"""What the team cannot staff, said precisely: which work, how many hours, which weeks.

One line per kind of work — production per skill (all formats together), each other
activity per channel — and consecutive weeks merged, so a year-long gap reads as one line,
not fifty. The lines come sorted by the hours they miss over their weeks, worst first.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from stratege.planning.staffing import Assignment

MIN_HOURS = 0.05


@dataclass(frozen=True)
class Shortfall:
    activity: str  # create_content, publish, moderate, answer_customers, …
    skill: str | None  # for production: the skill that lacks hands (all formats together)
    channel: str | None  # for the other activities: the channel
    first_week: dt.date
    last_week: dt.date
    needed: float  # average hours per week over the range
    missing: float  # average unstaffed hours per week over the range

    @property
    def available(self) -> float:
        return self.needed - self.missing


def find_shortfalls(assignment: Assignment) -> list[Shortfall]:
    rows: dict[tuple[str, str | None, str | None], dict[dt.date, tuple[float, float]]]
    rows = defaultdict(dict)
    for (skill, _fmt, week), (needed, missing) in assignment.unstaffed_production.items():
        before = rows[("create_content", skill, None)].get(week, (0.0, 0.0))
        rows[("create_content", skill, None)][week] = (
            before[0] + needed,
            before[1] + missing,
        )
    for (activity, channel, week), figures in assignment.unstaffed_activity.items():
        rows[(activity, None, channel)][week] = figures
    found = []
    for key, weeks in rows.items():
        for run in _runs([w for w in sorted(weeks) if weeks[w][1] > MIN_HOURS]):
            needed = sum(weeks[w][0] for w in run) / len(run)
            missing = sum(weeks[w][1] for w in run) / len(run)
            found.append(Shortfall(*key, run[0], run[-1], needed, missing))
    return sorted(found, key=lambda s: (-s.missing * _length(s), s.first_week, s.activity))


def _runs(weeks: list[dt.date]) -> list[list[dt.date]]:
    """Consecutive weeks grouped together (a gap of one week or more breaks a run)."""
    runs: list[list[dt.date]] = []
    for week in weeks:
        if runs and (week - runs[-1][-1]).days == 7:
            runs[-1].append(week)
        else:
            runs.append([week])
    return runs


def _length(shortfall: Shortfall) -> int:
    return (shortfall.last_week - shortfall.first_week).days // 7 + 1
