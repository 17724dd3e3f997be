"""calendar.ics read back by vobject, a parser independent of the writer, event by event;
and the content-line rules that keep the file valid and safe (RFC 5545)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import vobject

from stratege.exports import calendar_ics
from stratege.exports.describe import Describer
from stratege.exports.ical import LIMIT, fold, text
from stratege.exports.ics import summary, uid_domain
from stratege.exports.vtimezone import transitions
from stratege.exports.zones import timezone_of
from tests.exports.conftest import example_plan


def _calendar(data: bytes):  # type: ignore[no-untyped-def]
    return vobject.readOne(data.decode("utf-8"))


def _physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b"")
    return data.split(b"\r\n")[:-1]


@pytest.mark.parametrize(
    ("name", "lang", "zone"),
    [
        ("boulangeries-martin", "fr", "Europe/Paris"),
        ("northwind-analytics", "en", "Europe/London"),
        ("mairie-rives", "fr", "Europe/Paris"),
    ],
)
def test_every_event_read_back(name, lang, zone):
    plan = example_plan(name)
    assert timezone_of(plan) == ZoneInfo(zone)
    data = calendar_ics(plan, lang)
    events = _calendar(data).vevent_list
    assert len(events) == len(plan.slots)
    describe = Describer(plan, lang)
    domain = uid_domain(plan.strategy.organisation.name)
    for event, slot in zip(events, plan.slots, strict=True):
        start = event.dtstart.value
        assert start.replace(tzinfo=None) == slot.start  # wall-clock time as planned
        assert start == slot.start.replace(tzinfo=ZoneInfo(zone))  # the right offset
        assert event.dtend.value - start == dt.timedelta(minutes=15)
        assert event.uid.value == f"{slot.id}@{domain}"
        assert event.dtstamp.value == dt.datetime.combine(
            plan.horizon.start, dt.time(0), tzinfo=dt.UTC
        )
        assert event.summary.value == summary(slot, describe)
        assert event.status.value == ("CONFIRMED" if slot.staffed else "TENTATIVE")
        assert event.categories.value[0] == describe.channel(slot.channel)
        description = event.description.value.split("\n")
        assert description[0] == describe.labelled(
            describe._("Format"), describe.format(slot.format)
        )
        assert description[-1].endswith(describe.person(slot.publisher))
    assert len({e.uid.value for e in events}) == len(events)


def test_headers_time_zone_and_names():
    plan = example_plan("boulangeries-martin")
    data = calendar_ics(plan, "fr")
    text_ = data.decode("utf-8")
    assert text_.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stratège//Plan//FR\r\n")
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n" in text_
    calendar = _calendar(data)
    assert calendar.contents["x-wr-calname"][0].value == (
        "Boulangeries Martin — calendrier éditorial"
    )
    event = calendar.vevent_list[0]
    slot = plan.slots[0]
    pillar = next(p.name for p in plan.strategy.content.pillars if p.id == slot.pillar)
    assert event.summary.value == f"[Facebook] Image — {pillar}"
    description = event.description.value
    assert f"Pilier\u00a0: {pillar}" in description
    assert "Validation\u00a0: " in description and "Publication\u00a0: " in description
    assert (
        "Rédaction\u00a0: " in description and "À livrer le\u00a0: 31 décembre 2026" in description
    )
    assert event.categories.value == ["Facebook", pillar]
    english = _calendar(calendar_ics(plan, "en"))
    assert english.contents["x-wr-calname"][0].value.endswith(" — editorial calendar")
    assert "Approver: " in english.vevent_list[0].description.value
    assert "Due date: 31 December 2026" in english.vevent_list[0].description.value


def test_unstaffed_slot_is_tentative():
    plan = example_plan("boulangeries-martin")
    plan.slots[0].producers = dict.fromkeys(plan.slots[0].producers)  # nobody to make it
    events = _calendar(calendar_ics(plan, "en")).vevent_list
    assert events[0].status.value == "TENTATIVE"
    assert events[1].status.value == "CONFIRMED"
    assert "Copywriting: unstaffed" in events[0].description.value


def test_control_characters_cannot_inject_properties_or_events():
    plan = example_plan("boulangeries-martin")
    plan.slots = plan.slots[:2]
    plan.strategy.organisation.name = "Evil\rBEGIN:VEVENT\nUID:x\r\nEND:VEVENT\x00;,\\"
    pillar = plan.strategy.content.pillars[0]
    pillar.name = "Pain\nDESCRIPTION:hacked\rSTATUS:CANCELLED"
    plan.slots[0].pillar = pillar.id
    data = calendar_ics(plan, "fr")
    lines = _physical_lines(data)
    assert lines.count(b"BEGIN:VEVENT") == 2
    assert not any(line.startswith((b"UID:x", b"STATUS:CANCELLED")) for line in lines)
    calendar = _calendar(data)
    assert len(calendar.vevent_list) == 2
    assert calendar.contents["x-wr-calname"][0].value == (
        "Evil BEGIN:VEVENT UID:x END:VEVENT;,\\ — calendrier éditorial"
    )
    event = calendar.vevent_list[0]
    assert event.summary.value.endswith("— Pain DESCRIPTION:hacked STATUS:CANCELLED")
    assert event.status.value == "CONFIRMED"
    assert event.description.value.startswith("Format\u00a0: ")


def test_lines_are_folded_at_75_octets_between_characters():
    plan = example_plan("mairie-rives")
    plan.strategy.organisation.name = "Ville de Rivières-sur-Loire " + "é€𝄞" * 40
    data = calendar_ics(plan, "fr")
    lines = _physical_lines(data)
    assert max(len(line) for line in lines) <= LIMIT
    for line in lines:
        line.decode("utf-8")  # no line ends or starts inside a character
    assert any(line.startswith(b" ") for line in lines)  # folding happened


@pytest.mark.parametrize("line", ["x" * 200, "é" * 100, "SUMMARY:" + "€𝄞a" * 50, "A" * 75])
def test_fold_unfolds_to_the_original(line):
    folded = fold(line).encode("utf-8")
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(p) <= LIMIT for p in physical)
    assert all(p.startswith(b" ") for p in physical[1:])
    assert folded.replace(b"\r\n ", b"").decode("utf-8") == line + "\r\n"


def test_text_values_are_escaped():
    assert text("a;b,c\\d") == "a\\;b\\,c\\\\d"
    assert text("two\r\nlines\x00") == "two lines"


def test_uids_name_the_organisation():
    assert uid_domain("Boulangeries Martin") == "boulangeries-martin.stratege"
    assert uid_domain("Ville de Rives-sur-Loire") == "ville-de-rives-sur-loire.stratege"
    assert uid_domain("Café «Crème» & Co") == "cafe-creme-co.stratege"
    assert uid_domain("!!!") == "plan.stratege"
    one = example_plan("boulangeries-martin")
    two = example_plan("boulangeries-martin")
    two.strategy.organisation.name = "Boulangeries Dupont"
    uid = _calendar(calendar_ics(one, "fr")).vevent_list[0].uid.value
    other = _calendar(calendar_ics(two, "fr")).vevent_list[0].uid.value
    assert uid != other and uid.split("@")[0] == other.split("@")[0]


def test_daylight_saving_rules_for_another_zone():
    moves = transitions(ZoneInfo("America/New_York"), 2027, 2027)
    assert [(m.isoformat(), b, a) for m, b, a in moves] == [
        ("2027-03-14T07:00:00+00:00", dt.timedelta(hours=-5), dt.timedelta(hours=-4)),
        ("2027-11-07T06:00:00+00:00", dt.timedelta(hours=-4), dt.timedelta(hours=-5)),
    ]
    plan = example_plan("northwind-analytics")
    plan.strategy.organisation.country = "US"
    data = calendar_ics(plan, "en")
    assert b"DTSTART:20270314T020000\r\n" in data and b"TZOFFSETTO:-0400\r\n" in data
    zone = ZoneInfo("America/New_York")
    for event, slot in zip(_calendar(data).vevent_list, plan.slots, strict=True):
        assert event.dtstart.value == slot.start.replace(tzinfo=zone)


def test_same_plan_same_bytes():
    one = calendar_ics(example_plan("northwind-analytics"), "en")
    two = calendar_ics(example_plan("northwind-analytics"), "en")
    assert one == two
    assert b"DTSTAMP:20270101T000000Z" in one  # the period's first day, not the clock
