"""The layout of a workspace archive (:mod:`stratege.web.archive`): its format's version,
its paths and its JSON records, one schema each.

The records are strict (no extra key, no text for a number) and bounded as the database
columns are, so that an archive that passes them is written without a database error; a
problem is worded for people: the JSON pointer of the field and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from stratege.i18n.catalogue import N_

FORMAT = "stratege-workspace"
FORMAT_VERSION = 1


def version_path(number: int) -> str:
    return f"versions/{number:04d}.yaml"


def plan_folder(number: int) -> str:
    return f"plans/{number:04d}/"


def chart_path(plan: int, name: str, lang: str) -> str:
    return f"{plan_folder(plan)}charts/{name}.{lang}.svg"


def _plausible(moment: dt.datetime) -> dt.datetime:
    """A time every database stores and converts to UTC without overflowing."""
    if not 1900 <= moment.year <= 9000:
        raise PydanticCustomError("time_range", "a time between 1900 and 9000")
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(_plausible)]
Number = Annotated[int, Field(ge=1, le=2_147_483_647)]  # a PostgreSQL integer
UserName = Annotated[str, Field(min_length=1, max_length=150)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Manifest(BaseModel):
    """Read loosely (other keys allowed): a newer format must still say its version."""

    format: str
    format_version: int
    application: str = ""
    application_version: str = ""


class WorkspaceRecord(Record):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    created_at: Moment


class MemberRecord(Record):
    username: UserName
    role: Literal["owner", "editor", "approver", "contributor", "viewer"]


class ReviewRecord(Record):
    action: Literal["draft", "submitted", "approved", "changes_requested"]
    author: UserName | None
    comment: str
    created_at: Moment


class VersionRecord(Record):
    number: Number
    author: UserName | None
    created_at: Moment
    message: Annotated[str, Field(max_length=300)]
    reviews: list[ReviewRecord]


class ChartRecord(Record):
    name: Annotated[str, Field(pattern=r"^[a-z0-9_-]{1,40}$")]
    lang: Annotated[str, Field(pattern=r"^[a-z]{2}$")]


class PlanRecord(Record):
    number: Number
    version: Number
    status: Literal["done", "failed"]  # a queued run is not exported: no worker would run it
    progress: Annotated[str, Field(max_length=200)]
    error: str
    requested_by: UserName | None
    created_at: Moment
    finished_at: Moment | None
    charts: list[ChartRecord]


class DraftRecord(Record):
    slot_id: Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[^/]+$")]
    idea: str
    text: str
    status: Literal["idea", "drafted", "approved", "scheduled", "published"]
    moved_to: Moment | None
    updated_by: UserName | None
    updated_at: Moment


WHEN = N_("must be a date and time with its time zone, such as 2027-03-01T09:30:00+00:00")
# What a field's problem says, by pydantic's error type (any other: INVALID).
PROBLEMS = {
    "missing": N_("this field is missing"),
    "extra_forbidden": N_("this field is not expected"),
    "string_type": N_("must be text"),
    "int_type": N_("must be a whole number"),
    "greater_than_equal": N_("must be 1 or more"),
    "less_than_equal": N_("is too large"),
    "string_too_short": N_("must not be empty"),
    "string_too_long": N_("is too long ({max_length} characters at most)"),
    "string_pattern_mismatch": N_("holds characters that are not allowed"),
    "literal_error": N_("must be one of: {expected}"),
    "list_type": N_("must be a list"),
    "dict_type": N_("must be an object"),
    "model_type": N_("must be an object"),
    "datetime_type": WHEN,
    "datetime_parsing": WHEN,
    "datetime_from_date_parsing": WHEN,
    "timezone_aware": WHEN,
    "time_range": N_("must be a time between the years 1900 and 9000"),
}
INVALID = N_("is not a valid value")


def field_problem(error: Any) -> tuple[str, str, dict[str, str]]:
    """(JSON pointer, message id, its values) of one of pydantic's errors."""
    pointer = "/" + "/".join(str(part) for part in error["loc"])
    values = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
    return pointer, PROBLEMS.get(error["type"], INVALID), values
