"""calendar.ics read back by vobject, a parser independent of the icalendar writer."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import vobject

from stratege.exports import write_ics
from stratege.exports.ics import calendar_bytes
from stratege.exports.zones import timezone_of
from tests.exports.conftest import example_plan


def _events(data: bytes) -> list:
    calendar = vobject.readOne(data.decode("utf-8"))
    return list(calendar.vevent_list)


@pytest.mark.parametrize(
    ("name", "lang", "zone"),
    [("boulangeries-martin", "fr", "Europe/Paris"), ("northwind-analytics", "en", "Europe/London")],
)
def test_one_event_per_slot_at_local_time(tmp_path, name, lang, zone):
    plan = example_plan(name)
    assert timezone_of(plan) == ZoneInfo(zone)
    path = write_ics(plan, tmp_path / "calendar.ics", lang)
    events = _events(path.read_bytes())
    assert len(events) == len(plan.slots)
    uids = [e.uid.value for e in events]
    assert len(set(uids)) == len(uids)
    for event, slot in zip(events, plan.slots, strict=True):
        start = event.dtstart.value
        assert start.replace(tzinfo=None) == slot.start  # wall-clock time as planned
        expected = slot.start.replace(tzinfo=ZoneInfo(zone))
        assert start == expected  # same instant: the right zone and DST offset
        assert event.dtend.value - start == dt.timedelta(minutes=15)
        assert event.uid.value.endswith("@stratege")
        assert event.status.value == "CONFIRMED"


def test_summary_description_and_headers():
    plan = example_plan("boulangeries-martin")
    text = calendar_bytes(plan, "fr").decode("utf-8")
    assert "PRODID:-//Stratège//Plan//FR" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Paris" in text
    event = _events(text.encode())[0]
    slot = plan.slots[0]
    pillar = next(p.name for p in plan.strategy.content.pillars if p.id == slot.pillar)
    assert event.summary.value.startswith("[Facebook] ")
    assert event.summary.value.endswith(f" — {pillar}")
    description = event.description.value
    assert "Format" in description and pillar in description
    assert "Validation" in description and "Publication" in description
    categories = event.categories.value
    assert "Facebook" in categories and pillar in categories
    english = calendar_bytes(plan, "en").decode("utf-8")
    assert "PRODID:-//Stratège//Plan//EN" in english and "Approver: " in english


def test_unstaffed_slot_is_tentative_and_duplicate_ids_stay_unique():
    plan = example_plan("boulangeries-martin")
    first, second = plan.slots[0], plan.slots[1]
    first.producers = dict.fromkeys(first.producers)  # nobody to make it
    second.channel, second.start = first.channel, first.start  # same channel and minute
    events = _events(calendar_bytes(plan, "en"))
    assert events[0].status.value == "TENTATIVE"
    assert events[1].status.value == "CONFIRMED"
    assert events[0].uid.value == f"{first.id}@stratege"
    assert events[1].uid.value == f"{first.id}-2@stratege"
    assert "unstaffed" in events[0].description.value


def test_same_plan_same_bytes(tmp_path):
    plan = example_plan("northwind-analytics")
    one = write_ics(plan, tmp_path / "one.ics", "en").read_bytes()
    two = write_ics(example_plan("northwind-analytics"), tmp_path / "two.ics", "en").read_bytes()
    assert one == two
    assert b"DTSTAMP:20270101T000000Z" in one  # the period's first day, not the clock
