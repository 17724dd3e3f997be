"""The export formats `stratege import` recognises, read from ``data/formats.yaml``.

A format is data, not code: its headers in each language, the type of each column and the
canonical field it feeds. Adding a tool's export means adding an entry to the data file (or
writing a mapping file, see :mod:`stratege.measure.mapping`).
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Scope = Literal["post", "account", "message", "mention", "campaign", "site"]
ColumnType = Literal["text", "id", "number", "percent", "datetime", "date", "duration", "category"]

# Identity columns a scope's rows may carry besides the catalogue's fields.
IDENTITY = {
    "post": ("post_id", "published_at", "permalink", "text", "format", "pillar"),
    "account": ("day",),
    "message": ("message_id", "received_at"),
    "mention": (
        "mention_id",
        "published_at",
        "text",
        "permalink",
        "author",
        "language",
        "source",
        "source_sentiment",
    ),
    "campaign": ("campaign", "day"),
    "site": ("day",),
}
ACCOUNT_COLUMNS = ("account_id", "account_name", "platform")
# The column that gives a row its date, per scope.
DATED_BY = {
    "post": "published_at",
    "account": "day",
    "message": "received_at",
    "mention": "published_at",
    "campaign": "day",
    "site": "day",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnSpec(_Strict):
    type: ColumnType
    headers: dict[str, list[str]]
    required: bool = False
    formats: dict[str, list[str]] = Field(default_factory=dict)
    map: dict[str, str] = Field(default_factory=dict)
    scale: float | None = None  # a number in another unit (YouTube's watch time in hours)


class Extract(_Strict):
    """A value taken from another column of the row: a post id out of a permalink, or a
    permalink built from an id."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: str = Field(alias="from")  # the canonical column it is taken from
    pattern: str | None = None  # a regular expression whose first group is the value
    template: str | None = None  # "https://…{}" where {} is the value
    required: bool = False  # a row without it is a bad row


class DurationRule(_Strict):
    """The format of a video from its length (YouTube's table has no Shorts flag)."""

    column: str
    short_up_to: float
    short: str
    long: str


class FormatSpec(_Strict):
    id: str = ""
    tool: str
    platform: str | None
    scope: Scope
    key: list[str]
    source: str
    sheets: list[str] = Field(default_factory=list)
    skip_rows: int = 0
    skip_values: list[str] = Field(default_factory=list)
    year: bool = False
    columns: dict[str, ColumnSpec]
    format_rules: dict[str, str] = Field(default_factory=dict)
    format_by_duration: DurationRule | None = None
    sums: dict[str, list[str]] = Field(default_factory=dict)
    longest: dict[str, list[str]] = Field(default_factory=dict)
    extract: dict[str, Extract] = Field(default_factory=dict)
    constants: dict[str, str | float] = Field(default_factory=dict)
    title_fields: dict[str, str] = Field(default_factory=dict)

    def languages(self) -> list[str]:
        return sorted({lang for column in self.columns.values() for lang in column.headers})


class FormatSource(_Strict):
    title: str
    url: str = ""
    note: str = ""


class FormatBook(_Strict):
    sources: dict[str, FormatSource]
    video_formats: list[str] = Field(default_factory=list)
    month_names: dict[str, dict[str, str]] = Field(default_factory=dict)
    formats: dict[str, FormatSpec]


def normalise_header(text: object) -> str:
    """A header as compared: NFKC, every kind of space as one space, straight quotes,
    case-folded, without surrounding spaces or a byte-order mark."""
    value = unicodedata.normalize("NFKC", str(text or "")).replace("\ufeff", "")
    value = value.translate(_QUOTES)
    return " ".join(value.split()).casefold()


def name_key(text: str) -> str:
    """A name, handle, label or hashtag as compared with another ("@Boulangeries.Martin",
    "Boulangeries Martin" and "#boulangeriesmartin" are one): letters and digits only."""
    return "".join(ch for ch in text.casefold().lstrip("@#") if ch.isalnum())


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


@functools.cache
def format_book() -> FormatBook:
    from ruamel.yaml import YAML

    text = resources.files("stratege.measure").joinpath("data/formats.yaml").read_text("utf-8")
    raw = YAML(typ="safe").load(text)
    for key, entry in raw["formats"].items():
        entry["id"] = key
    book = FormatBook.model_validate(raw)
    for spec in book.formats.values():  # data-file mistakes, caught by the tests
        if spec.source not in book.sources:
            raise ValueError(f"formats.yaml: {spec.id} cites unknown source {spec.source!r}")
        check_spec(spec)
    return book


def check_spec(spec: FormatSpec) -> None:
    """Every column a rule of ``spec`` names is one of its columns."""
    known = set(spec.columns) | set(spec.extract) | set(spec.constants)
    named = [part for parts in [*spec.sums.values(), *spec.longest.values()] for part in parts]
    named += [e.source for e in spec.extract.values()]
    if spec.format_by_duration:
        named.append(spec.format_by_duration.column)
    if spec.title_fields:
        named.append("value")
    missing = sorted(set(named) - known)
    if missing:
        raise ValueError(f"formats.yaml: {spec.id} names unknown columns {missing}")
    for title in spec.title_fields:
        if title != normalise_header(title):
            raise ValueError(f"formats.yaml: {spec.id}: title {title!r} is not normalised")


def known_formats() -> dict[str, FormatSpec]:
    return format_book().formats
