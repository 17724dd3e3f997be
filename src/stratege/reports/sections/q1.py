"""Question 1: the organisation's strategy, which every social objective must serve."""

from __future__ import annotations

from stratege.reports.context import DASH, Context
from stratege.reports.document import Block, Bullets, Paragraph, Section, Table
from stratege.reports.sections.answer import answer


def section(context: Context) -> Section:
    _, organisation = context._, context.strategy.organisation
    blocks: list[Block] = [Paragraph(_("Mission: {text}", text=organisation.mission or DASH))]
    if organisation.values:
        blocks += [Paragraph(_("Values:")), Bullets(organisation.values)]
    if organisation.history:
        blocks.append(Paragraph(_("History: {text}", text=organisation.history)))
    blocks.append(_business_goals(context))
    blocks += _communication(context)
    return answer(context, 1, blocks)


def _business_goals(context: Context) -> Table:
    _ = context._
    return Table(
        _("Business goals"),
        [_("Goal"), _("Statement"), _("Horizon")],
        [
            [goal.id, goal.statement, goal.horizon or DASH]
            for goal in context.strategy.organisation.business_goals
        ],
    )


def _communication(context: Context) -> list[Block]:
    _, communication = context._, context.strategy.organisation.communication
    blocks: list[Block] = [
        Paragraph(_("Positioning: {text}", text=communication.positioning or DASH), emphasis=True)
    ]
    if communication.key_messages:
        blocks += [Paragraph(_("Key messages:")), Bullets(communication.key_messages)]
    return blocks
