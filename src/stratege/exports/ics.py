"""calendar.ics: the editorial calendar for Google Calendar, Outlook, Apple Calendar.

One VEVENT per slot, at local time in the organisation's zone (with its VTIMEZONE), so the
team sees each post where it will go out, who makes it and who signs it off.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from stratege.exports.describe import Describer, unique_ids
from stratege.exports.labels import DESCRIPTION, label, show_date, word
from stratege.exports.zones import local, timezone_of
from stratege.i18n import Lang
from stratege.planning.plan import Plan
from stratege.planning.slots import Slot

EVENT_LENGTH = dt.timedelta(minutes=15)


def write_ics(plan: Plan, path: Path, lang: Lang) -> Path:
    path.write_bytes(calendar_bytes(plan, lang))
    return path


def calendar_bytes(plan: Plan, lang: Lang) -> bytes:
    describe = Describer(plan, lang)
    zone = timezone_of(plan)
    # DTSTAMP must be a fixed instant, not "now": the same plan then always gives the same
    # bytes (reproducible exports, clean diffs). The plan's first day is that instant.
    stamp = dt.datetime.combine(plan.horizon.start, dt.time(0), tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//Stratège//Plan//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = plan.strategy.organisation.name
    calendar.add("x-wr-calname", word("calendar_name", lang, name=name))
    calendar.add("x-wr-timezone", zone.key)
    for slot_id, slot in zip(unique_ids(plan.slots), plan.slots, strict=True):
        calendar.add_component(_event(slot, f"{slot_id}@stratege", stamp, describe, zone))
    # The zone's rules only for the years the plan spans, not icalendar's default 1970–2038.
    calendar.add_missing_timezones(
        first_date=plan.horizon.start.replace(month=1, day=1),
        last_date=plan.horizon.end.replace(year=plan.horizon.end.year + 1, month=1, day=1),
    )
    return calendar.to_ical()


def _event(slot: Slot, uid: str, stamp: dt.datetime, describe: Describer, zone: ZoneInfo) -> Event:
    event = Event()
    start = local(slot.start, zone)
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + EVENT_LENGTH)
    event.add("summary", summary(slot, describe))
    event.add("description", description(slot, describe))
    categories = [describe.channel(slot.channel)]
    if slot.pillar:
        categories.append(describe.pillar(slot.pillar))
    event.add("categories", categories)
    event.add("status", "CONFIRMED" if slot.staffed else "TENTATIVE")
    event.add("transp", "TRANSPARENT")  # a planned post does not make anyone busy
    return event


def summary(slot: Slot, describe: Describer) -> str:
    """'[Facebook] Image — Au fournil ce matin'."""
    text = f"[{describe.channel(slot.channel)}] {describe.format(slot.format)}"
    pillar = describe.pillar(slot.pillar)
    return f"{text} — {pillar}" if pillar else text


def description(slot: Slot, describe: Describer) -> str:
    """What, for whom, made by whom by when, approved and published by whom."""
    lang = describe.lang

    def line(name: str, value: str) -> str:
        return label(DESCRIPTION, "line", lang, label=name, value=value)

    def field(key: str, value: str) -> str:
        return line(label(DESCRIPTION, key, lang), value)

    lines = [field("format", describe.format(slot.format))]
    for key, value in (
        ("pillar", describe.pillar(slot.pillar)),
        ("audience", describe.audience(slot.audience)),
        ("occasion", describe.occasion(slot.occasion)),
        ("campaign", describe.campaign(slot.campaign)),
    ):
        if value:
            lines.append(field(key, value))
    for skill, person in slot.producers.items():
        lines.append(line(describe.skill(skill), describe.person(person)))
    if slot.due:
        lines.append(field("due", show_date(slot.due, lang)))
    if slot.approver:  # no approval step in the RACI: nothing to show
        lines.append(field("approver", describe.person(slot.approver)))
    lines.append(field("publisher", describe.person(slot.publisher)))
    return "\n".join(lines)
