"""Exports of an operational plan: the files people take into their other tools.

- calendar.ics — the editorial calendar for Google Calendar, Outlook, Apple Calendar;
- calendar.csv — the same calendar as a spreadsheet (';' in French, ',' in English);
- plan.xlsx — calendar, workload, budget, RACI, campaigns and KPI plan in one workbook;
- hootsuite*.csv — draft posts in Hootsuite's bulk-composer layout, per channel;
- bulk-import.csv — a documented, tool-neutral layout for other schedulers.

Every text cell of the CSV and XLSX files is formula-safe (see cells.py). The layouts are
described in docs/bulk-import.md.
"""

from __future__ import annotations

from pathlib import Path

from stratege.exports.bulk import write_bulk_import
from stratege.exports.calendar_csv import write_calendar_csv
from stratege.exports.cells import safe_cell
from stratege.exports.hootsuite import write_hootsuite
from stratege.exports.ics import write_ics
from stratege.exports.xlsx import write_xlsx
from stratege.i18n import Lang
from stratege.planning.plan import Plan

__all__ = [
    "safe_cell",
    "write_bulk_import",
    "write_calendar_csv",
    "write_exports",
    "write_hootsuite",
    "write_ics",
    "write_xlsx",
]


def write_exports(plan: Plan, out_dir: Path, lang: Lang) -> list[Path]:
    """Write every export of ``plan`` into ``out_dir`` (created if needed), in ``lang``.

    Returns the paths written, in a fixed order. Files of an earlier export with other
    names (say, Hootsuite parts that are no longer needed) are left alone.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        write_ics(plan, out_dir / "calendar.ics", lang),
        write_calendar_csv(plan, out_dir / "calendar.csv", lang),
        write_xlsx(plan, out_dir / "plan.xlsx", lang),
        *write_hootsuite(plan, out_dir, lang),
        write_bulk_import(plan, out_dir / "bulk-import.csv", lang),
    ]
