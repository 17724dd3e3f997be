"""The ten questions in order, from the frame to advertising."""

from __future__ import annotations

import datetime as dt

from stratege.knowledge import load_knowledge
from stratege.strategy.model import Strategy
from stratege.wizard.advertising import ask_advertising
from stratege.wizard.foundations import (
    ask_audit,
    ask_foundations,
    ask_frame,
    ask_indicators,
    ask_priorities,
)
from stratege.wizard.means import ask_resources
from stratege.wizard.prompter import Asker
from stratege.wizard.publishing import ask_audiences, ask_cadence, ask_content
from stratege.wizard.roles import ask_responsibilities

STEPS = (
    ask_foundations,  # 1
    ask_priorities,  # 2
    ask_audit,  # 3
    ask_indicators,  # 4
    ask_audiences,  # 5
    ask_content,  # 6
    ask_cadence,  # 7
    ask_resources,  # 8
    ask_responsibilities,  # 9
    ask_advertising,  # 10
)


def run_wizard(
    ask: Asker, today: dt.date | None = None, previous: Strategy | None = None
) -> Strategy:
    """Ask the frame and the ten questions; the answers as a validated strategy.

    With ``previous`` (a strategy file being reopened), its answers are the suggested
    values and what the wizard does not ask is kept; its own knowledge additions name its
    own platforms, formats and metrics.
    """
    knowledge = load_knowledge(previous.knowledge if previous else None)
    ask.knowledge = knowledge
    draft = ask_frame(ask, today or dt.date.today(), previous)
    for step in STEPS:
        step(ask, knowledge, draft)
    return draft.strategy()
