"""The organisation's time zone: slots are local wall-clock times, and calendars and
schedulers need to know which clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from stratege.planning.plan import Plan

TIMEZONE_BY_COUNTRY = {
    "FR": "Europe/Paris",
    "GB": "Europe/London",
    "BE": "Europe/Brussels",
    "CH": "Europe/Zurich",
    "CA": "America/Toronto",
    "US": "America/New_York",
}
DEFAULT_TIMEZONE = "Europe/Paris"  # the product is French-speaking first


def timezone_of(plan: Plan) -> ZoneInfo:
    """One zone per country: enough for the countries we ship examples for; a country
    spanning several zones (CA, US) gets its most populous eastern one."""
    return ZoneInfo(TIMEZONE_BY_COUNTRY.get(plan.strategy.organisation.country, DEFAULT_TIMEZONE))


def local(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A slot's naive local time, made aware in the organisation's zone."""
    return moment.replace(tzinfo=zone)
