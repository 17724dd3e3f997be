"""Spreadsheet-safe cells: text from the user's YAML must never run as a formula.

Names, pillars, audiences and handles come from a strategy file anyone can edit. Excel,
LibreOffice and Google Sheets evaluate a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some of them one that starts with a tab or carriage return) as a formula, so a pillar
named ``=HYPERLINK("http://x")`` would become a live link — or worse — in whoever opens the
export (OWASP "CSV injection"). Every text cell of every CSV and XLSX we write goes through
:func:`safe_cell`, which prefixes such text with an apostrophe, the OWASP mitigation.

Control characters are another way in: a bare CR or LF in an organisation's name would
start a new line — a new property, a new event — in a calendar file. :func:`one_line`
removes them from any text that must stay on one line.
"""

from __future__ import annotations

import re
from typing import TypeVar

T = TypeVar("T")

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Full-width look-alikes that East Asian spreadsheet locales also treat as formula starts.
WIDE_TRIGGERS = ("＝", "＋", "－", "＠")

# Runs of characters that separate words (tab, line and paragraph breaks) become one space,
# so that "a\r\nb" reads "a b"; the other C0 and C1 controls and DEL are removed.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
CONTROLS = dict.fromkeys([*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029])


def safe_cell(value: T) -> T | str:
    """``value`` unchanged unless it is text a spreadsheet would read as a formula.

    Leading spaces do not protect: some spreadsheets strip them before parsing, so the
    first non-space character is checked too. Numbers, dates and None pass through.
    """
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if first in _TRIGGERS:
        return "'" + value
    if first == " ":
        first = value.lstrip(" ")[:1]
    return "'" + value if first and first in _ANY_TRIGGER else value


_TRIGGERS = frozenset(FORMULA_TRIGGERS)
_ANY_TRIGGER = frozenset(FORMULA_TRIGGERS + WIDE_TRIGGERS)


def one_line(text: str) -> str:
    """``text`` without control characters (line breaks become spaces)."""
    if text.isprintable():  # the usual case, checked fast
        return text
    return _BREAKS.sub(" ", text).translate(CONTROLS)
