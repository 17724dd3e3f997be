"""A section that answers one of the ten questions: anchor and heading from the registry."""

from __future__ import annotations

from stratege.questions import question
from stratege.reports.context import Context
from stratege.reports.document import Block, Section


def answer(context: Context, number: int, blocks: list[Block]) -> Section:
    """The section answering question ``number`` ("4. What will our indicators be?")."""
    asked = question(number)
    return Section(asked.anchor, asked.heading(context.lang), blocks)
