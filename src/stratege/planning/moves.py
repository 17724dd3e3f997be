"""Moving a planned post by hand: what the new date and time break.

The calendar lets a team move a post (a launch slips, a visit happens on Thursday). The
plan placed every post within its channel's windows, off holidays and blackouts, with a
minimum gap, and staffed its production in the week it is due; a move can break any of
those, and the person moving it must be told which, before it is saved. Moves are checked
against the plan with every earlier move applied, so two moves cannot jointly break a rule
unseen.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.i18n.numbers import day as day_text
from stratege.i18n.numbers import num
from stratege.planning.days import week_start, weekday_code
from stratege.planning.plan import Plan
from stratege.planning.slots import ROUND_MINUTES, Slot, channel_windows

MESSAGES = {
    "outside_period": N_("{day} is outside the plan's period ({start} – {end})."),
    "holiday": N_("{day} is a public holiday ({name})."),
    "blackout": N_("{day} falls in a period when nothing is published."),
    "outside_windows": N_(
        "{time} is outside the publishing windows of {channel} on that day ({windows})."
    ),
    "no_window": N_("{channel} has no publishing window on that day of the week."),
    "too_close": N_("Less than {gap} minutes from another post on {channel} ({other} at {time})."),
    "day_full": N_("{channel} would carry {count} posts that day; its windows take {capacity}."),
    "over_capacity": N_(
        "{person} would work {hours} h in the week of {week} for {capacity} h available "
        "(producing this post, due {due})."
    ),
    "not_rounded": N_("Schedulers take times on {minutes}-minute marks: {time} is not one."),
}


@dataclass(frozen=True)
class MoveProblem:
    """One thing a move breaks, with the figures that show it."""

    code: str
    values: dict[str, object] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        _ = translator(lang)
        return _(MESSAGES[self.code], **{k: _written(v, lang) for k, v in self.values.items()})


def _written(value: object, lang: Lang) -> str:
    if isinstance(value, dt.date):
        return day_text(value, lang)
    if isinstance(value, float):
        return num(value, lang, 1)
    return str(value)


def moved_slots(plan: Plan, moved: Mapping[str, dt.datetime]) -> list[Slot]:
    """The plan's posts with the moves applied (start and due date), in time order."""
    slots = []
    for slot in plan.slots:
        start = moved.get(slot.id)
        if start is None or start == slot.start:
            slots.append(slot)
            continue
        lead = (slot.start.date() - slot.due).days if slot.due else 0
        slots.append(replace(slot, start=start, due=start.date() - dt.timedelta(days=lead)))
    slots.sort(key=lambda s: (s.start, s.channel))
    return slots


def check_move(
    plan: Plan, slot_id: str, start: dt.datetime, moved: Mapping[str, dt.datetime] | None = None
) -> list[MoveProblem]:
    """What moving post ``slot_id`` to ``start`` breaks, the ``moved`` posts being where
    they were moved to (an empty list: nothing)."""
    moved = dict(moved or {})
    slot = next((s for s in plan.slots if s.id == slot_id), None)
    if slot is None:
        raise KeyError(slot_id)
    moved[slot_id] = start
    others = [s for s in moved_slots(plan, moved) if s.id != slot_id]
    return [
        *_day_problems(plan, start.date()),
        *_window_problems(plan, slot, start, others),
        *_capacity_problems(plan, slot, start, moved),
    ]


def _day_problems(plan: Plan, day: dt.date) -> list[MoveProblem]:
    horizon = plan.horizon
    problems = []
    if not horizon.start <= day <= horizon.end:
        problems.append(
            MoveProblem(
                "outside_period",
                {"day": day, "start": horizon.start, "end": horizon.end},
            )
        )
    if horizon.is_holiday(day):
        problems.append(MoveProblem("holiday", {"day": day, "name": horizon.holidays[day]}))
    if horizon.is_blackout(day):
        problems.append(MoveProblem("blackout", {"day": day}))
    return problems


def _window_problems(
    plan: Plan, slot: Slot, start: dt.datetime, others: list[Slot]
) -> list[MoveProblem]:
    cadence = next((c for c in plan.strategy.cadence if c.channel == slot.channel), None)
    channel = plan.strategy.channel(slot.channel)
    if cadence is None or channel is None or channel.platform not in plan.knowledge.platforms:
        return []
    windows = channel_windows(cadence, channel, plan.knowledge)
    weekday = weekday_code(start.date())
    spans = windows.by_day.get(weekday, [])
    minute = start.hour * 60 + start.minute
    problems = []
    if not spans:
        problems.append(MoveProblem("no_window", {"channel": slot.channel}))
    elif not any(first <= minute <= last for first, last in spans):
        problems.append(
            MoveProblem(
                "outside_windows",
                {
                    "time": f"{start:%H:%M}",
                    "channel": slot.channel,
                    "windows": ", ".join(f"{_clock(a)}–{_clock(b)}" for a, b in spans),
                },
            )
        )
    if minute % ROUND_MINUTES:
        problems.append(
            MoveProblem("not_rounded", {"minutes": ROUND_MINUTES, "time": f"{start:%H:%M}"})
        )
    same_day = [s for s in others if s.channel == slot.channel and s.start.date() == start.date()]
    for other in same_day:
        if abs((other.start - start).total_seconds()) < windows.min_gap * 60:
            problems.append(
                MoveProblem(
                    "too_close",
                    {
                        "gap": windows.min_gap,
                        "channel": slot.channel,
                        "other": other.id,
                        "time": f"{other.start:%H:%M}",
                    },
                )
            )
    capacity = windows.capacity(weekday)
    if spans and len(same_day) + 1 > capacity:
        problems.append(
            MoveProblem(
                "day_full",
                {"channel": slot.channel, "count": len(same_day) + 1, "capacity": capacity},
            )
        )
    return problems


def _capacity_problems(
    plan: Plan, slot: Slot, start: dt.datetime, moved: Mapping[str, dt.datetime]
) -> list[MoveProblem]:
    """The post's production moves to the week it is now due: does that week, with every
    move's production shifted too, still fit its producers?"""
    week_of = _production_weeks(plan, moved)
    if slot.id not in week_of:
        return []
    new_week, due = week_of[slot.id]
    shift = _load_shift(plan, moved, week_of)
    problems = []
    for person in sorted({p for p in slot.producers.values() if p}):
        if shift.get((person, new_week), 0.0) <= 0:
            continue  # this person works no more that week than the plan said
        load = sum(plan.staffing.load.get((person, new_week), {}).values())
        load += shift.get((person, new_week), 0.0)
        capacity = plan.staffing.capacity.get((person, new_week), 0.0)
        if load > capacity + 1e-6:
            problems.append(
                MoveProblem(
                    "over_capacity",
                    {
                        "person": _person_name(plan, person),
                        "hours": round(load, 1),
                        "week": new_week,
                        "capacity": round(capacity, 1),
                        "due": due,
                    },
                )
            )
    return problems


def _production_weeks(
    plan: Plan, moved: Mapping[str, dt.datetime]
) -> dict[str, tuple[dt.date, dt.date]]:
    """For each moved post with production: (the week it is now produced in, its due day)."""
    found = {}
    for slot in plan.slots:
        start = moved.get(slot.id)
        definition = plan.knowledge.formats.get(slot.format)
        if start is None or definition is None:
            continue
        due = start.date() - dt.timedelta(days=math.ceil(definition.lead_time_days))
        found[slot.id] = (week_start(due), due)
    return found


def _load_shift(
    plan: Plan, moved: Mapping[str, dt.datetime], week_of: Mapping[str, tuple[dt.date, dt.date]]
) -> dict[tuple[str, dt.date], float]:
    """Hours each person gains (or loses) per week once the moved posts' production follows
    them."""
    shift: dict[tuple[str, dt.date], float] = {}
    for slot in plan.slots:
        if slot.id not in week_of or slot.due is None:
            continue
        definition = plan.knowledge.formats[slot.format]
        old_week, new_week = week_start(slot.due), week_of[slot.id][0]
        if old_week == new_week:
            continue
        for skill, hours in definition.effort.items():
            person = slot.producers.get(skill)
            if person:
                shift[(person, old_week)] = shift.get((person, old_week), 0.0) - hours
                shift[(person, new_week)] = shift.get((person, new_week), 0.0) + hours
    return shift


def _person_name(plan: Plan, person: str) -> str:
    return next((p.name for p in plan.strategy.resources.people if p.id == person), person)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"
