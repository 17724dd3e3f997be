"""Question 2: the objectives, primary first, each tied to the business goals it serves."""

from __future__ import annotations

from stratege.reports.context import Context
from stratege.reports.document import Paragraph, Section, Table
from stratege.reports.sections.answer import answer
from stratege.strategy.model import Objective


def section(context: Context) -> Section:
    _ = context._
    lead = _(
        "Every objective serves at least one business goal; primary objectives "
        "come first when time or money runs short."
    )
    return answer(context, 2, [Paragraph(lead), _objectives(context)])


def _objectives(context: Context) -> Table:
    _ = context._
    objectives = sorted(context.strategy.objectives, key=lambda o: o.priority != "primary")
    header = [
        _("Objective"),
        _("Priority"),
        _("Kind"),
        _("Statement"),
        _("Business goals"),
        _("Deadline"),
    ]
    return Table(_("Objectives"), header, [_row(context, o) for o in objectives])


def _row(context: Context, objective: Objective) -> list[str]:
    words = context.words
    return [
        objective.id,
        words("priority", objective.priority),
        words("objective-kind", objective.kind),
        objective.statement,
        context.join(objective.business_goals),
        context.date(objective.deadline),
    ]
