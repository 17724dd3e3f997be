"""calendar.ics: the editorial calendar for Google Calendar, Outlook, Apple Calendar.

One VEVENT per slot, at local time in the organisation's zone (with its VTIMEZONE), so the
team sees each post where it will go out, who makes it and who signs it off. The file is
written line by line (see :mod:`stratege.exports.ical`): every text is escaped and stripped
of control characters, lines are folded at 75 octets, and nothing depends on the clock —
DTSTAMP is the plan's first day — so the same plan always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from stratege.exports import wording as w
from stratege.exports.describe import Describer
from stratege.exports.ical import content, lines, local_time, text, text_list, utc_time
from stratege.exports.vtimezone import vtimezone
from stratege.exports.zones import timezone_of
from stratege.i18n import Lang, numbers
from stratege.planning.plan import Plan
from stratege.planning.slots import Slot

EVENT_LENGTH = dt.timedelta(minutes=15)
LAST_YEAR = 9998  # a VTIMEZONE is probed up to the end of the following year


def calendar_ics(plan: Plan, lang: Lang) -> bytes:
    """The plan's posts as an RFC 5545 calendar in ``lang``."""
    describe = Describer(plan, lang)
    zone = timezone_of(plan)
    name = plan.strategy.organisation.name
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Stratège//Plan//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(describe._(w.CALENDAR_NAME, name=name))}",
        f"X-WR-TIMEZONE:{text(zone.key)}",
    ]
    # The zone's rules only for the years the plan spans.
    head += vtimezone(zone, plan.horizon.start.year, min(plan.horizon.end.year, LAST_YEAR))
    events = _Events(describe, zone.key, plan)
    body = (line for slot in plan.slots for line in events.lines(slot))
    return content([*head, *body, "END:VCALENDAR"])


def uid_domain(organisation: str) -> str:
    """The right-hand side of every UID: the organisation's name as a host-like slug
    ('Boulangeries Martin' → 'boulangeries-martin.stratege'), so that two organisations'
    calendars imported into one application do not replace each other's events."""
    ascii_name = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.decode().lower()).strip("-")[:60].strip("-")
    return f"{slug or 'plan'}.stratege"


class _Events:
    """The VEVENT lines of each slot; what is the same for every event computed once."""

    def __init__(self, describe: Describer, zone_key: str, plan: Plan):
        self.describe = describe
        # DTSTAMP must be a fixed instant, not "now": the same plan then always gives the
        # same bytes (reproducible exports, clean diffs). The plan's first day is that
        # instant.
        stamp = dt.datetime.combine(plan.horizon.start, dt.time(0), tzinfo=dt.UTC)
        self.stamp = f"DTSTAMP:{utc_time(stamp)}"
        self.tzid = f";TZID={zone_key}"
        self.domain = uid_domain(plan.strategy.organisation.name)
        _ = describe._
        self.titles = {
            key: _(key)
            for key in (
                w.FORMAT, w.PILLAR, w.AUDIENCE, w.OCCASION, w.CAMPAIGN,
                w.DUE, w.APPROVER, w.PUBLISHER,
            )
        }  # fmt: skip
        self.days: dict[dt.date, str] = {}

    def lines(self, slot: Slot) -> list[str]:
        describe = self.describe
        categories = [describe.channel(slot.channel)]
        if slot.pillar:
            categories.append(describe.pillar(slot.pillar))
        return [
            "BEGIN:VEVENT",
            f"UID:{text(slot.id)}@{self.domain}",
            self.stamp,
            f"DTSTART{self.tzid}:{local_time(slot.start)}",
            f"DTEND{self.tzid}:{local_time(slot.start + EVENT_LENGTH)}",
            f"SUMMARY:{text(summary(slot, describe))}",
            f"DESCRIPTION:{lines(self.description(slot))}",
            f"CATEGORIES:{text_list(categories)}",
            f"STATUS:{'CONFIRMED' if slot.staffed else 'TENTATIVE'}",
            "TRANSP:TRANSPARENT",  # a planned post does not make anyone look busy
            "END:VEVENT",
        ]

    def day(self, day: dt.date) -> str:
        """'31 décembre 2026': a long date, formatted once per day (Babel is slow)."""
        if day not in self.days:
            self.days[day] = numbers.day(day, self.describe.lang)
        return self.days[day]

    def description(self, slot: Slot) -> list[str]:
        """What, for whom, made by whom by when, approved and published by whom."""
        describe, titles = self.describe, self.titles
        shown = [describe.labelled(titles[w.FORMAT], describe.format(slot.format))]
        for key, value in (
            (w.PILLAR, describe.pillar(slot.pillar)),
            (w.AUDIENCE, describe.audience(slot.audience)),
            (w.OCCASION, describe.occasion(slot.occasion)),
            (w.CAMPAIGN, describe.campaign(slot.campaign)),
        ):
            if value:
                shown.append(describe.labelled(titles[key], value))
        for skill, person in slot.producers.items():
            shown.append(describe.labelled(describe.skill(skill), describe.person(person)))
        if slot.due:
            shown.append(describe.labelled(titles[w.DUE], self.day(slot.due)))
        if slot.approver:  # no approval step in the RACI: nothing to show
            shown.append(describe.labelled(titles[w.APPROVER], describe.person(slot.approver)))
        shown.append(describe.labelled(titles[w.PUBLISHER], describe.person(slot.publisher)))
        return shown


def summary(slot: Slot, describe: Describer) -> str:
    """'[Facebook] Image — Au fournil ce matin' (channel, format, pillar)."""
    head = f"[{describe.channel(slot.channel)}] {describe.format(slot.format)}"
    pillar = describe.pillar(slot.pillar)
    return f"{head} — {pillar}" if pillar else head
