"""The plan's exports as files in memory (calendar, spreadsheet, scheduler imports)."""

from __future__ import annotations

from stratege.i18n import Lang
from stratege.services.planning import PlanResult


def export_files(result: PlanResult, lang: Lang) -> dict[str, bytes]:
    """Every export of the plan in ``lang``: relative path → bytes, in a fixed order."""
    from stratege.exports import export_files as files

    return files(result.plan, lang, result.raci_findings)
