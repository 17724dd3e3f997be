"""plan.xlsx: the whole operational plan in one workbook, one sheet per view.

The sheets' contents come from xlsx_sheets; this module only lays tables out the way a
spreadsheet user expects: bold, frozen header row, readable column widths, real dates and
numbers (so they sort, filter and sum), and every text cell formula-safe.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from stratege.exports.cells import safe_cell
from stratege.exports.xlsx_sheets import Table, tables
from stratege.i18n import Lang
from stratege.planning.plan import Plan

MIN_WIDTH, MAX_WIDTH = 8, 60
BOLD = Font(bold=True)


def write_xlsx(plan: Plan, path: Path, lang: Lang) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables(plan, lang):
        _fill(workbook.create_sheet(table.title), table)
    # Fixed document dates (the plan's first day) rather than "now": nothing in the
    # workbook's properties changes from one export of the same plan to the next.
    moment = dt.datetime.combine(plan.horizon.start, dt.time(0))
    workbook.properties.creator = "Stratège"
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.save(path)
    return path


def _clean(value: object) -> object:
    """Formula-safe text, without the control characters XLSX cannot store."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return safe_cell(value)


def _fill(sheet: Worksheet, table: Table) -> None:
    sheet.append([_clean(v) for v in table.header])
    for row in table.rows:
        sheet.append([_clean(v) for v in row])
    for cell in sheet[1]:
        cell.font = BOLD
        if isinstance(cell.value, dt.date) and table.header_format:
            cell.number_format = table.header_format
    for index, number_format in table.formats.items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
            cell.number_format = number_format
    sheet.freeze_panes = table.freeze
    for index in range(len(table.header)):
        sheet.column_dimensions[get_column_letter(index + 1)].width = _width(table, index)


def _width(table: Table, index: int) -> float:
    """Wide enough for the longest value (dates and numbers by their shown length)."""
    longest = max(
        (_shown_length(row[index]) for row in [table.header, *table.rows] if index < len(row)),
        default=0,
    )
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def _shown_length(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return max(len(line) for line in str(value).splitlines() or [""])
