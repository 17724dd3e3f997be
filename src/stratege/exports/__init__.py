"""Exports of an operational plan: the files people take into their other tools.

- calendar.ics — the editorial calendar for Google Calendar, Outlook, Apple Calendar;
- calendar.csv — the same calendar as a spreadsheet (';' in French, ',' in English);
- plan.xlsx — calendar, workload, budget, RACI, campaigns and KPI plan in one workbook;
- bulk-import.csv — a documented, tool-neutral layout for other schedulers;
- hootsuite/<channel>.csv — draft posts in Hootsuite's bulk-composer layout, one file per
  channel (split where Hootsuite's 350-post limit requires), and hootsuite.zip with them all.

Writers return bytes and never touch the filesystem: the service layer decides where (and
how safely) files are written, and a web request can serve them as they are. The same plan
always gives the same bytes. Every text cell of the CSV and XLSX files is formula-safe
(see cells.py). The layouts are described in docs/bulk-import.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from stratege.exports.bulk import bulk_import_csv
from stratege.exports.calendar_csv import calendar_csv
from stratege.exports.cells import safe_cell
from stratege.exports.hootsuite import hootsuite_files, hootsuite_zip
from stratege.exports.ics import calendar_ics
from stratege.exports.xlsx import plan_xlsx
from stratege.i18n import Lang
from stratege.planning.plan import Plan

if TYPE_CHECKING:
    from stratege.checks import Finding

__all__ = [
    "bulk_import_csv",
    "calendar_csv",
    "calendar_ics",
    "export_files",
    "hootsuite_files",
    "hootsuite_zip",
    "plan_xlsx",
    "safe_cell",
]


def export_files(plan: Plan, lang: Lang, findings: Sequence[Finding] = ()) -> dict[str, bytes]:
    """Every export of ``plan`` in ``lang``: relative POSIX path → bytes, in a fixed order
    (calendar.ics, calendar.csv, plan.xlsx, bulk-import.csv, hootsuite/…, hootsuite.zip).

    ``findings``: the RACI checks (question 9), shown under the workbook's RACI matrix.
    """
    hootsuite = hootsuite_files(plan, lang)
    return {
        "calendar.ics": calendar_ics(plan, lang),
        "calendar.csv": calendar_csv(plan, lang),
        "plan.xlsx": plan_xlsx(plan, lang, findings),
        "bulk-import.csv": bulk_import_csv(plan, lang),
        **hootsuite,
        "hootsuite.zip": hootsuite_zip(hootsuite, plan),
    }
