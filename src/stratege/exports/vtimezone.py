"""The VTIMEZONE component of a calendar, computed from the system's time-zone database.

Events keep the organisation's wall-clock time (``DTSTART;TZID=Europe/Paris:…``), so the
file must say what that zone's offsets are. Rather than import a library for it, the zone
is probed day by day over the years the plan spans: each change of offset becomes one
observance (STANDARD or DAYLIGHT) with its exact onset, the way RFC 5545 lists them.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from stratege.exports.ical import local_time, text

DAY = dt.timedelta(days=1)


def vtimezone(zone: ZoneInfo, first_year: int, last_year: int) -> list[str]:
    """Content lines of the zone's VTIMEZONE, valid from 1 January of ``first_year`` to
    the end of ``last_year``."""
    start = dt.datetime(first_year, 1, 1, tzinfo=zone)
    first_offset = _offset(start)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{text(zone.key)}"]
    # The first observance says which offset applies from the start of the span.
    lines += _observance(zone, start.replace(tzinfo=None), first_offset, first_offset, start)
    for onset, before, after in transitions(zone, first_year, last_year):
        local = (onset + before).replace(tzinfo=None)  # the clock just before the change
        lines += _observance(zone, local, before, after, onset)
    lines.append("END:VTIMEZONE")
    return lines


def transitions(
    zone: ZoneInfo, first_year: int, last_year: int
) -> list[tuple[dt.datetime, dt.timedelta, dt.timedelta]]:
    """(UTC instant, offset before, offset after) of every change of the zone's offset."""
    moment = dt.datetime(first_year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=dt.UTC)
    found = []
    offset = _offset(moment.astimezone(zone))
    while moment < end:
        following = moment + DAY
        after = _offset(following.astimezone(zone))
        if after != offset:
            found.append((_onset(zone, moment, following, offset), offset, after))
            offset = after
        moment = following
    return found


def _onset(
    zone: ZoneInfo, low: dt.datetime, high: dt.datetime, before: dt.timedelta
) -> dt.datetime:
    """The first UTC second whose offset differs from ``before`` (binary search)."""
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if _offset(middle.astimezone(zone)) == before:
            low = middle
        else:
            high = middle
    return high


def _observance(
    zone: ZoneInfo,
    local: dt.datetime,
    before: dt.timedelta,
    after: dt.timedelta,
    instant: dt.datetime,
) -> list[str]:
    aware = instant.astimezone(zone)
    kind = "DAYLIGHT" if aware.dst() else "STANDARD"
    lines = [f"BEGIN:{kind}", f"DTSTART:{local_time(local)}"]
    name = aware.tzname()
    if name:
        lines.append(f"TZNAME:{text(name)}")
    lines += [f"TZOFFSETFROM:{_utc_offset(before)}", f"TZOFFSETTO:{_utc_offset(after)}"]
    lines.append(f"END:{kind}")
    return lines


def _offset(moment: dt.datetime) -> dt.timedelta:
    return moment.utcoffset() or dt.timedelta(0)


def _utc_offset(offset: dt.timedelta) -> str:
    """'+0100', '-0500', '+0530' (and seconds, where a zone's history has them)."""
    sign = "-" if offset < dt.timedelta(0) else "+"
    seconds = abs(int(offset.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")
