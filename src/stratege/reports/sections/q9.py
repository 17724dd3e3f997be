"""Question 9: who is responsible for what, on which channel (the RACI matrix)."""

from __future__ import annotations

from stratege.planning.raci import ROLES, RaciCell
from stratege.reports.context import Context
from stratege.reports.document import Block, Bullets, Paragraph, Section, Table
from stratege.reports.sections.answer import answer

QUESTION = 9


def section(context: Context) -> Section:
    _ = context._
    legend = _(
        "R: responsible (does the work) · A: accountable (answers for it, one "
        "person) · C: consulted · I: informed."
    )
    blocks: list[Block] = [Paragraph(legend), _matrix(context)]
    checks = [f.message(context.lang) for f in context.findings_of(QUESTION)]
    if checks:
        blocks += [Paragraph(_("Checks on the matrix:")), Bullets(checks)]
    return answer(context, QUESTION, blocks)


def _matrix(context: Context) -> Table:
    _, matrix = context._, context.plan.raci
    rows = [
        [
            context.words.activity(activity),
            *(_cell(context, matrix.cell(activity, c)) for c in matrix.channels),
        ]
        for activity in matrix.activities
    ]
    header = [_("Activity"), *(context.channel(c) for c in matrix.channels)]
    return Table(_("RACI matrix: activities × channels"), header, rows)


def _cell(context: Context, cell: RaciCell) -> str:
    """'R: Julie, Karim · A: Sophie': each role's letter, then the people in it."""
    parts = [
        f"{role[0].upper()}: {context.people(getattr(cell, role))}"
        for role in ROLES
        if getattr(cell, role)
    ]
    return " · ".join(parts)
