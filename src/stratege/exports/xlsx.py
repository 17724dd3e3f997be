"""plan.xlsx: the whole operational plan in one workbook, one sheet per view.

The sheets' contents come from xlsx_sheets and the file format from workbook; this module
only adds what every cell needs: text made formula-safe, and one fixed date (the plan's
first day) for the document's properties and the archive, so that the same plan always
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from stratege.exports.cells import safe_cell
from stratege.exports.describe import Describer
from stratege.exports.workbook import workbook_bytes
from stratege.exports.xlsx_sheets import sheets
from stratege.i18n import Lang
from stratege.planning.plan import Plan

if TYPE_CHECKING:
    from stratege.checks import Finding

CREATOR = "Stratège"


def plan_xlsx(plan: Plan, lang: Lang, findings: Sequence[Finding] = ()) -> bytes:
    """The workbook in ``lang``; ``findings`` (the RACI checks, question 9) are listed
    under the RACI matrix."""
    tables = sheets(plan, Describer(plan, lang), findings)
    moment = dt.datetime.combine(plan.horizon.start, dt.time(0))
    # Every text cell through safe_cell: a pillar named '=HYPERLINK(…)' stays text.
    return workbook_bytes(tables, moment, CREATOR, text=safe_cell)
