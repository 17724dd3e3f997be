"""Weekly time windows (publishing slots, working hours, customer-care hours)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEK_DAYS: tuple[Day, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class TimeWindow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: list[Day] = Field(min_length=1, description="Days of the week: mon … sun.")
    start: dt.time = Field(description="Local start time, HH:MM.")
    end: dt.time = Field(description="Local end time, HH:MM (after start).")

    def hours_per_week(self) -> float:
        span = (
            dt.datetime.combine(dt.date.min, self.end)
            - dt.datetime.combine(dt.date.min, self.start)
        ).total_seconds() / 3600
        return max(span, 0.0) * len(set(self.days))
