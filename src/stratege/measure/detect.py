"""Recognising an export by its headers (never by its file name).

Every row near the top of every table of the file is tried as the header row against every
known format: a format matches when all its required columns are there, and the best match
is the one that knows the most columns. The language of the file is the language of most of
its recognised headers (those spelt differently in each language); it decides how numbers are
read. A date column is read in the language of its own header: Meta's partly translated
exports write French identity columns (day-first dates) beside English metric columns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from stratege.measure.formats import FormatSpec, normalise_header
from stratege.measure.reading import Sheet


@dataclass
class Detection:
    spec: FormatSpec
    sheet: Sheet
    header_index: int
    columns: dict[str, int]  # canonical column → position in the row
    language: str
    headers: list[str]  # the header row as written
    title: str = ""  # the row above the header (a metric's name in Meta's daily files)
    unknown: list[str] = field(default_factory=list)  # headers no column of the format reads
    column_languages: dict[str, str] = field(default_factory=dict)  # header spelt in one only
    mixed: bool = False  # headers of two languages (a partly translated export)

    def language_of(self, column: str) -> str:
        """The language a column's cells are written in: its header's, else the file's."""
        return self.column_languages.get(column, self.language)


class NotRecognised(ValueError):
    """No known format matches; ``headers`` are the first ones seen, to help write a mapping."""

    def __init__(self, headers: list[str]) -> None:
        self.headers = headers
        super().__init__("not recognised")


def detect(sheets: Iterable[Sheet], specs: Iterable[FormatSpec]) -> Detection:
    sheets, specs = list(sheets), list(specs)
    aliases = {spec.id: _aliases(spec) for spec in specs}
    best: tuple[tuple[int, int, int], Detection] | None = None
    for sheet_rank, sheet in enumerate(sheets):
        for index, row in enumerate(sheet.head):
            normalised = [normalise_header(cell) for cell in row]
            if sum(1 for cell in normalised if cell) < 2:
                continue
            for spec in specs:
                found = _match(spec, aliases[spec.id], normalised)
                if found is None:
                    continue
                columns, column_languages = found
                used = set(columns.values())
                unknown = [row[i] for i, cell in enumerate(normalised) if cell and i not in used]
                score = (len(columns), -len(unknown), -sheet_rank * 100 - index)
                if best is None or score > best[0]:
                    title = " ".join(c for c in sheet.head[index - 1] if c) if index else ""
                    counts = Counter(column_languages.values())
                    best = (
                        score,
                        Detection(
                            spec,
                            sheet,
                            index,
                            columns,
                            _language(counts),
                            list(row),
                            title.strip(),
                            unknown,
                            column_languages,
                            sum(1 for n in counts.values() if n >= 2) >= 2,
                        ),
                    )
    if best is None:
        raise NotRecognised(_first_headers(sheets))
    return best[1]


def _aliases(spec: FormatSpec) -> dict[str, list[tuple[str, str]]]:
    """canonical column → [(normalised header, language)]"""
    return {
        name: [
            (normalise_header(header), lang)
            for lang, headers in column.headers.items()
            for header in headers
        ]
        for name, column in spec.columns.items()
    }


def _match(
    spec: FormatSpec, aliases: dict[str, list[tuple[str, str]]], row: list[str]
) -> tuple[dict[str, int], dict[str, str]] | None:
    """(canonical column → position, canonical column → language of its header when the
    header is spelt so in one language only) or None when a required column is missing.
    A repeated header feeds the columns that name it in turn (Facebook's legacy export
    repeats four names: the first is the total count)."""
    positions: dict[str, list[int]] = {}
    for i, cell in enumerate(row):
        if cell:
            positions.setdefault(cell, []).append(i)
    columns: dict[str, int] = {}
    languages: dict[str, str] = {}
    taken: set[int] = set()
    for name, options in aliases.items():
        for header, _lang in options:
            free = [i for i in positions.get(header, ()) if i not in taken]
            if free:
                columns[name] = free[0]
                taken.add(free[0])
                spelt_in = {lang for other, lang in options if other == header}
                if len(spelt_in) == 1:
                    languages[name] = spelt_in.pop()
                break
        else:
            if spec.columns[name].required:
                return None
    return (columns, languages) if columns else None


def _language(languages: Counter[str]) -> str:
    if not languages:
        return "en"
    top = max(languages.values())
    leaders = sorted(lang for lang, count in languages.items() if count == top)
    return "en" if "en" in leaders else leaders[0]


def _first_headers(sheets: list[Sheet]) -> list[str]:
    for sheet in sheets:
        for row in sheet.head:
            cells = [c.strip() for c in row if c and c.strip()]
            if len(cells) >= 2:
                return cells[:40]
    return []
