"""calendar.csv: the editorial calendar as a spreadsheet anyone can open.

Excel picks the delimiter from the system's list separator: ';' on French systems (the
comma is their decimal mark), ',' on English ones — so the French file uses ';'. The UTF-8
byte-order mark makes Excel read accents correctly when the file is double-clicked.
"""

from __future__ import annotations

from pathlib import Path

from stratege.exports.csvio import write_csv
from stratege.exports.describe import Describer, text_row
from stratege.i18n import Lang
from stratege.planning.plan import Plan

DELIMITER = {"fr": ";", "en": ","}


def write_calendar_csv(plan: Plan, path: Path, lang: Lang) -> Path:
    describe = Describer(plan, lang)
    rows = [describe.calendar_header()]
    rows += [text_row(describe.calendar_row(slot), lang) for slot in plan.slots]
    return write_csv(path, rows, delimiter=DELIMITER[lang], bom=True)
