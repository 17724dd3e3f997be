"""Weekly time windows (publishing slots, working hours, customer-care hours)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEK_DAYS: tuple[Day, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _clock_time(value: Any) -> Any:
    """Only "HH:MM" (or a time built in code): a bare 14 would be read as 14 seconds past
    midnight and silently drop posts."""
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        hours, minutes = (int(part) for part in value.strip().split(":"))
        if hours < 24 and minutes < 60:
            return dt.time(hours, minutes)
    raise PydanticCustomError("time_type", "a time HH:MM is expected")


ClockTime = Annotated[
    dt.time,
    BeforeValidator(_clock_time),
    PlainSerializer(lambda moment: moment.strftime("%H:%M"), when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}:\d{2}$", "examples": ["09:30"]}),
]


class TimeWindow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: list[Day] = Field(min_length=1, description="Days of the week: mon … sun.")
    start: ClockTime = Field(description="Local start time, HH:MM.")
    end: ClockTime = Field(description="Local end time, HH:MM (after start).")

    def hours_per_week(self) -> float:
        span = (
            dt.datetime.combine(dt.date.min, self.end)
            - dt.datetime.combine(dt.date.min, self.start)
        ).total_seconds() / 3600
        return max(span, 0.0) * len(set(self.days))
