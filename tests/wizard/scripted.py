"""Driving the wizard in-process: a console that answers its prompts from a script.

A script is a list of ``(prompt fragment, answer)`` rules used in order: a prompt that
contains the next rule's fragment gets its answer, any other prompt gets Enter (the
suggested value). Tests thus name only the answers that matter, and survive a question
being added elsewhere. ``given`` records every answer actually typed, so the same run can
be replayed on a real process's standard input.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from stratege.i18n import Lang
from stratege.strategy import Strategy
from stratege.wizard import Asker, run_wizard

Rule = tuple[str, str]
TODAY = dt.date(2026, 6, 15)  # the suggested period is then the calendar year 2027
MAX_PROMPTS = 300  # a wizard re-asking forever fails the test instead of hanging it


def plain(text: str) -> str:
    """French typography's no-break spaces as plain spaces, for readable assertions."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


class ScriptedConsole(Console):
    """A console whose ``input`` answers from rules; what it shows is kept in memory."""

    def __init__(self, rules: Sequence[Rule] = (), then_stop: bool = False) -> None:
        super().__init__(file=io.StringIO(), width=200, highlight=False, color_system=None)
        self.rules = list(rules)
        self.then_stop = then_stop  # once the rules are used up, answers run out (EOF)
        self.prompts: list[str] = []
        self.given: list[str] = []

    def input(self, prompt: Any = "", **_: Any) -> str:  # type: ignore[override]
        shown = plain(prompt.plain if hasattr(prompt, "plain") else str(prompt))
        self.prompts.append(shown)
        if len(self.prompts) > MAX_PROMPTS:
            raise AssertionError(f"the wizard keeps asking: {shown}")
        if self.then_stop and not self.rules:
            raise EOFError
        answer = self.rules.pop(0)[1] if self.rules and self.rules[0][0] in shown else ""
        self.given.append(answer)
        self.print(f"{shown}{answer}", markup=False)
        return answer

    @property
    def transcript(self) -> str:
        return plain(self.file.getvalue())  # type: ignore[attr-defined]

    def assert_all_used(self) -> None:
        assert not self.rules, f"never asked: {self.rules[0][0]!r}\n{self.transcript[-3000:]}"


def run(
    rules: Sequence[Rule], lang: Lang = "en", previous: Strategy | None = None
) -> tuple[Strategy, ScriptedConsole]:
    """The strategy the wizard builds from ``rules``, and the console it talked to."""
    console = ScriptedConsole(rules)
    strategy = run_wizard(Asker(console, lang), TODAY, previous)
    console.assert_all_used()
    return strategy, console


def replay(console: ScriptedConsole) -> str:
    """The answers a run received, as standard input for a real ``stratege init``."""
    return "".join(f"{answer}\n" for answer in console.given)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
