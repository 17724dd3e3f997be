"""calendar.csv: the editorial calendar as a spreadsheet anyone can open.

Excel picks the delimiter from the system's list separator: ';' on French systems (the
comma is their decimal mark), ',' on English ones — so the French file uses ';'. The UTF-8
byte-order mark makes Excel read accents correctly when the file is double-clicked.
"""

from __future__ import annotations

from stratege.exports.csvio import csv_bytes
from stratege.exports.describe import Describer
from stratege.i18n import Lang
from stratege.planning.plan import Plan

DELIMITER = {"fr": ";", "en": ","}


def calendar_csv(plan: Plan, lang: Lang) -> bytes:
    """One row per post, under a header in ``lang``."""
    describe = Describer(plan, lang)
    rows: list[list[object]] = [list(describe.calendar_header())]
    rows += [describe.text_row(slot) for slot in plan.slots]
    return csv_bytes(rows, delimiter=DELIMITER[lang], bom=True)
