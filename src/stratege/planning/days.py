"""Which days count: the plan's horizon, ISO weeks, public holidays and blackouts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import holidays

from stratege.strategy.model import WEEK_DAYS, Strategy


def days_between(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    for offset in range((end - start).days + 1):
        yield start + dt.timedelta(days=offset)


def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week containing ``day``."""
    return day - dt.timedelta(days=day.weekday())


def weekday_code(day: dt.date) -> str:
    return WEEK_DAYS[day.weekday()]


@dataclass(frozen=True)
class Horizon:
    """The dates a plan covers, with the days nothing may be published."""

    start: dt.date
    end: dt.date
    country: str
    blackouts: frozenset[dt.date]

    @classmethod
    def of(
        cls, strategy: Strategy, start: dt.date | None = None, end: dt.date | None = None
    ) -> Horizon:
        start = start or strategy.period.start
        end = end or strategy.period.end
        blocked = {
            day
            for blackout in strategy.period.blackouts
            for day in days_between(blackout.start, blackout.last_day)
        }
        return cls(start, end, strategy.organisation.country, frozenset(blocked))

    @cached_property
    def holidays(self) -> dict[dt.date, str]:
        """Public holidays of the organisation's country (empty if the country is unknown)."""
        years = range(self.start.year - 1, self.end.year + 1)
        try:
            return dict(holidays.country_holidays(self.country, years=years))
        except NotImplementedError:
            return {}

    @property
    def days(self) -> list[dt.date]:
        return list(days_between(self.start, self.end))

    @property
    def weeks(self) -> list[dt.date]:
        """Mondays of the ISO weeks touching the horizon."""
        first = week_start(self.start)
        return [first + dt.timedelta(weeks=i) for i in range((self.end - first).days // 7 + 1)]

    def is_blackout(self, day: dt.date) -> bool:
        return day in self.blackouts

    def is_holiday(self, day: dt.date) -> bool:
        return day in self.holidays

    def publishable(self, day: dt.date) -> bool:
        return (
            self.start <= day <= self.end
            and not self.is_blackout(day)
            and not (self.is_holiday(day))
        )
