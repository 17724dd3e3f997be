"""The strategy document as a format-free tree: sections of paragraphs, lists, tables and
figures. Every renderer (HTML, DOCX, Markdown, PDF) draws the same tree, so the formats
cannot disagree; all text in it is already translated and formatted for its language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False  # a lead sentence or a key decision


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Code:
    """Text the reader may have to type as is (a metric id, a formula): shown as code,
    never translated."""

    text: str


Cell = str | Code


def cell_text(cell: Cell) -> str:
    return cell.text if isinstance(cell, Code) else cell


@dataclass(frozen=True)
class Table:
    caption: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    numeric: Sequence[bool] = field(default_factory=list)  # per column: right-align numbers


@dataclass(frozen=True)
class Figure:
    """A chart: the same PNG in every format (rendered offline by matplotlib)."""

    caption: str
    png: bytes
    alt: str  # what the chart shows, for screen readers and Markdown


Block = Paragraph | Bullets | Table | Figure


@dataclass
class Section:
    id: str  # stable anchor: "q1-strategy", "kpi-plan", …
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Document:
    lang: str
    title: str
    subtitle: str
    meta: list[tuple[str, str]]  # cover facts: organisation, period, date, version…
    sections: list[Section]
    date: dt.date | None = None  # the document's date: generation line, file dates

    @property
    def day(self) -> dt.date:
        """The document's date, today when it has none."""
        return self.date or dt.date.today()

    def all_sections(self) -> list[Section]:
        found: list[Section] = []
        for section in self.sections:
            found.append(section)
            found.extend(section.subsections)
        return found
