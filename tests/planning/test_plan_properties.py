"""Property-based tests over generated strategies: the plan's promises hold for any input.

Strategies are the French example with random cadences, windows, team hours and skills,
and blackouts, planned over eight weeks to keep each case fast.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stratege.planning.plan import Plan, build_plan
from stratege.planning.slots import channel_windows, weekday_code
from stratege.strategy import Strategy
from stratege.strategy.model import WEEK_DAYS
from tests.conftest import example_data

START = dt.date(2027, 3, 1)
END = START + dt.timedelta(weeks=8) - dt.timedelta(days=1)
SKILLS = [
    "copywriting",
    "graphic_design",
    "video_editing",
    "community_management",
    "customer_care",
    "social_listening",
    "analytics",
    "advertising",
]

windows = st.lists(
    st.builds(
        lambda days, hour, length: {
            "days": sorted(days, key=WEEK_DAYS.index),
            "start": f"{hour:02d}:00",
            "end": f"{hour + length:02d}:00",
        },
        st.sets(st.sampled_from(WEEK_DAYS), min_size=1),
        st.integers(6, 17),
        st.integers(1, 6),
    ),
    min_size=1,
    max_size=2,
)
cadences = st.lists(st.tuples(st.floats(0.5, 14), windows), min_size=3, max_size=3)
people = st.lists(
    st.tuples(st.floats(0.5, 40), st.sets(st.sampled_from(SKILLS))), min_size=4, max_size=4
)
blackouts = st.lists(st.tuples(st.integers(0, 55), st.integers(0, 6)), max_size=2)


def _strategy(cadence: list, team: list, closed: list) -> Strategy:
    data: dict[str, Any] = example_data()
    for entry, (posts, spans) in zip(data["cadence"], cadence, strict=True):
        entry.update(posts=round(posts, 2), per="week", windows=spans)
    for person, (hours, skills) in zip(data["resources"]["people"], team, strict=True):
        person.update(hours_per_week=round(hours, 1), skills=sorted(skills), training=[])
    data["period"]["blackouts"] = [
        {"start": START + dt.timedelta(days=a), "end": START + dt.timedelta(days=a + b)}
        for a, b in closed
    ]
    return Strategy.model_validate(data)


def _signature(plan: Plan) -> list[tuple]:
    return [
        (
            s.channel,
            s.start,
            s.format,
            s.pillar,
            s.audience,
            s.due,
            tuple(sorted(s.producers.items(), key=str)),
            s.publisher,
        )
        for s in plan.slots
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cadences, people, blackouts)
def test_generated_plans_keep_every_promise(cadence: list, team: list, closed: list) -> None:
    strategy = _strategy(cadence, team, closed)
    plan = build_plan(strategy, START, END)
    skills = {p.id: {*p.skills, *p.training} for p in strategy.resources.people}
    # nobody above their hours, feasible or not
    for key, hours in plan.staffing.load.items():
        assert sum(hours.values()) <= plan.staffing.capacity[key] + 1e-6
    for slot in plan.slots:
        day = slot.start.date()
        assert START <= day <= END
        # never on a blackout date or a public holiday, always inside a window
        assert not plan.horizon.is_blackout(day) and not plan.horizon.is_holiday(day)
        cadence_entry = strategy.cadence_of(slot.channel)
        spans = channel_windows(cadence_entry, strategy.channel(slot.channel), plan.knowledge)
        minute = slot.start.hour * 60 + slot.start.minute
        assert any(a <= minute < b for a, b in spans.by_day[weekday_code(day)])
        # production due before publication, by someone who has the skill
        lead = plan.knowledge.formats[slot.format].lead_time_days
        assert slot.due <= day - dt.timedelta(days=lead)
        for skill, person in slot.producers.items():
            assert person is None or skill in skills[person]
    # when the bound says everything can be staffed, the plan staffs everything
    if plan.staffing.unstaffed_bound == 0:
        assert plan.staffing.unstaffed_hours == 0
    # determinism
    assert _signature(build_plan(strategy, START, END)) == _signature(plan)
