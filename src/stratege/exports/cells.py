"""Spreadsheet-safe cells: text from the user's YAML must never run as a formula.

Names, pillars, audiences and handles come from a strategy file anyone can edit. Excel,
LibreOffice and Google Sheets evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some of them one that starts with a tab or carriage return) as a formula, so a pillar
named ``=HYPERLINK("http://x")`` would become a live link — or worse — in whoever opens the
export (OWASP "CSV injection"). Every text cell of every CSV and XLSX we write goes through
:func:`safe_cell`, which prefixes such text with an apostrophe, the OWASP mitigation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Full-width look-alikes that East Asian spreadsheet locales also treat as formula starts.
WIDE_TRIGGERS = ("＝", "＋", "－", "＠")


def safe_cell(value: T) -> T | str:
    """``value`` unchanged unless it is text a spreadsheet would read as a formula.

    Leading spaces do not protect: some spreadsheets strip them before parsing, so the
    first non-space character is checked too. Numbers, dates and None pass through.
    """
    if not isinstance(value, str) or not value:
        return value
    first = value.lstrip(" ")[:1] or value[0]
    if value[0] in FORMULA_TRIGGERS or first in FORMULA_TRIGGERS + WIDE_TRIGGERS:
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """Every cell of a row through :func:`safe_cell`."""
    return [safe_cell(v) for v in values]
