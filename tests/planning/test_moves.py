"""Moving a planned post by hand: each rule the plan kept is checked again, and the
person moving the post is told, with figures, which ones the move breaks."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from stratege.planning.moves import check_move, moved_slots
from stratege.planning.plan import Plan
from stratege.planning.slots import Slot
from stratege.services import planning, strategies


@cache
def _plan() -> Plan:
    return planning.plan(strategies.example("boulangeries-martin")).plan


def _codes(
    slot: Slot, start: dt.datetime, moved: dict[str, dt.datetime] | None = None
) -> list[str]:
    return [p.code for p in check_move(_plan(), slot.id, start, moved)]


def _weekday_slot() -> Slot:
    """A post early in the plan with production work (a LinkedIn post, Tuesday 09:30)."""
    return next(s for s in _plan().slots if s.channel == "linkedin" and s.producers)


def test_leaving_a_post_where_the_plan_put_it_breaks_nothing() -> None:
    for slot in _plan().slots[:50]:
        assert _codes(slot, slot.start) == [], slot.id


def test_a_time_off_the_five_minute_marks_is_said() -> None:
    slot = _weekday_slot()
    assert _codes(slot, slot.start + dt.timedelta(minutes=3)) == ["not_rounded"]


def test_outside_the_channels_windows_and_on_a_closed_day() -> None:
    slot = _weekday_slot()
    assert "outside_windows" in _codes(slot, slot.start.replace(hour=2, minute=30))
    sunday = slot.start + dt.timedelta(days=6 - slot.start.weekday())
    assert "no_window" in _codes(slot, sunday)


def test_on_a_public_holiday_in_a_blackout_and_outside_the_period() -> None:
    slot = _weekday_slot()
    plan = _plan()
    assert "holiday" in _codes(slot, dt.datetime(2027, 5, 1, 9, 30))  # Fête du travail
    assert "blackout" in _codes(slot, dt.datetime(2027, 8, 10, 9, 30))  # summer closure
    assert "outside_period" in _codes(
        slot, dt.datetime.combine(plan.horizon.end, slot.start.time()) + dt.timedelta(days=7)
    )


def test_too_close_to_another_post_of_the_channel_and_a_full_day() -> None:
    plan = _plan()
    slot = _weekday_slot()
    other = next(
        s
        for s in plan.slots
        if s.channel == slot.channel and s.start.date() > slot.start.date() and s.id != slot.id
    )
    codes = _codes(slot, other.start)
    assert "too_close" in codes
    problem = next(p for p in check_move(plan, slot.id, other.start) if p.code == "too_close")
    assert other.id in problem.text("en") and other.id in problem.text("fr")


def test_moving_production_into_a_full_week_names_the_person_and_the_hours() -> None:
    """Posts of one producer moved, one after the other, into the same week: the week's
    load grows by their production hours until it passes the person's capacity."""
    plan = _plan()
    target = next(s for s in plan.slots if s.channel == "instagram" and s.start.month == 3)
    person = next(p for p in target.producers.values() if p)
    candidates = [
        s
        for s in plan.slots
        if person in s.producers.values()
        and s.start.month in (9, 10)
        and s.channel == target.channel
    ]
    moved: dict[str, dt.datetime] = {}
    found = None
    for slot in candidates:
        problems = check_move(plan, slot.id, target.start, moved)
        over = [p for p in problems if p.code == "over_capacity"]
        if over:
            found, last = over[0], slot
            break
        moved[slot.id] = target.start
    assert found is not None, "the week never filled up"
    assert float(found.values["hours"]) > float(found.values["capacity"])
    names = {p.id: p.name for p in plan.strategy.resources.people}
    assert found.values["person"] in {names[p] for p in last.producers.values() if p}
    assert str(found.values["person"]) in found.text("fr") and "h" in found.text("en")
    assert "semaine" in found.text("fr") and "week" in found.text("en")


def test_moved_slots_carry_their_due_date_with_them() -> None:
    plan = _plan()
    slot = next(s for s in plan.slots if s.due)
    later = slot.start + dt.timedelta(days=7)
    moved = {s.id: s for s in moved_slots(plan, {slot.id: later})}
    assert moved[slot.id].start == later
    assert moved[slot.id].due == slot.due + dt.timedelta(days=7)
    assert slot.start != later  # the plan itself is not changed


def test_an_unknown_post_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        check_move(_plan(), "nowhere-20270101-1", dt.datetime(2027, 1, 4, 9, 30))
