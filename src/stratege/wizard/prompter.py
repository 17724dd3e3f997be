"""Asking in the terminal: one question at a time, re-asked until the answer can be used.

Prompts go through ``rich.prompt`` on the given console, so answers can be typed or piped
on standard input. Labels are plain ``rich.text.Text``: a name typed by the user is never
read as console markup.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.console import Console
from rich.prompt import Prompt
from rich.text import Text

from stratege.i18n import Lang, tr
from stratege.questions import question
from stratege.wizard.answers import (
    Bilingual,
    Invalid,
    parse_number,
    parse_optional_number,
    parse_picks,
    parse_text,
    parse_yes_no,
)

T = TypeVar("T")
Option = tuple[str, str]  # (identifier, label shown)

HINT_MANY = {"fr": "numéros séparés par des virgules", "en": "numbers, comma-separated"}
HINT_NONE = {"fr": "- pour aucun", "en": "- for none"}
HINT_ONE = {"fr": "un numéro", "en": "one number"}
HINT_OPTIONAL = {"fr": "Entrée pour passer", "en": "Enter to skip"}
HINT_DONE = {"fr": "Entrée pour terminer", "en": "Enter to finish"}


class FrenchPrompt(Prompt):
    prompt_suffix = "\u00a0: "


class Asker:
    """Asks questions on a console in one language; each answer is parsed and validated."""

    def __init__(self, console: Console, lang: Lang):
        self.console = console
        self.lang = lang
        self.prompts = 0  # answers read so far: the length of the questionnaire, for tests

    def tr(self, text: Bilingual, /, **values: object) -> str:
        return tr(text, self.lang, **values)

    def question(self, number: int) -> None:
        """Show a question's title and, in plain words, what it is for."""
        asked = question(number)
        self.console.print()
        self.console.rule(Text(asked.title(self.lang), style="bold"), align="left")
        self.show(asked.explain(self.lang), style="italic")

    def say(self, message: Bilingual, /, style: str | None = None, **values: object) -> None:
        self.show(self.tr(message, **values), style)

    def show(self, text: str, style: str | None = None) -> None:
        """Print text as is (never read as console markup)."""
        self.console.print(Text(text, style=style or ""))

    def listing(self, labels: Sequence[str]) -> None:
        for index, label in enumerate(labels, start=1):
            self.console.print(Text(f"  {index:>2}. {label}"))

    def ask(
        self, label: str, parse: Callable[[str], T], default: str = "", show_default: bool = True
    ) -> T:
        """Read answers until ``parse`` accepts one; an empty answer means ``default``."""
        prompt_class = FrenchPrompt if self.lang == "fr" else Prompt
        shown = show_default and bool(default)
        while True:
            raw = prompt_class.ask(
                Text(label), console=self.console, default=default, show_default=shown
            )
            self.prompts += 1
            try:
                return parse(raw.strip() or default)
            except Invalid as error:
                self.console.print(Text(error.text(self.lang), style="red"))

    def text(
        self,
        label: Bilingual,
        /,
        default: str = "",
        required: bool = False,
        hint: Bilingual = HINT_OPTIONAL,
        **values: object,
    ) -> str:
        shown = self.tr(label, **values)
        if not required and not default:
            shown += f" ({self.tr(hint)})"
        return self.ask(shown, lambda raw: parse_text(raw, required), default)

    def items(self, first: Bilingual, more: Bilingual, required: bool = False) -> list[str]:
        """Free-text items asked one by one; an empty answer ends the list."""
        found: list[str] = []
        while True:
            label = first if not found else more
            needed = required and not found
            hint = HINT_OPTIONAL if not found else HINT_DONE
            item = self.text(label, required=needed, hint=hint, n=len(found) + 1)
            if not item:
                return found
            found.append(item)

    def number(
        self,
        label: Bilingual,
        /,
        default: float | None = None,
        minimum: float = 0,
        maximum: float = math.inf,
        integer: bool = False,
        **values: object,
    ) -> float:
        shown = "" if default is None else f"{default:g}"
        return self.ask(
            self.tr(label, **values),
            lambda raw: parse_number(raw, minimum, maximum, integer),
            shown,
        )

    def optional_number(
        self, label: Bilingual, /, minimum: float = 0, **values: object
    ) -> float | None:
        shown = f"{self.tr(label, **values)} ({self.tr(HINT_OPTIONAL)})"
        return self.ask(shown, lambda raw: parse_optional_number(raw, minimum))

    def yes_no(self, label: Bilingual, /, default: bool, **values: object) -> bool:
        choices = (
            ("O/n" if default else "o/N") if self.lang == "fr" else ("Y/n" if default else "y/N")
        )
        shown = f"{self.tr(label, **values)} [{choices}]"
        answer = ("o" if self.lang == "fr" else "y") if default else "n"
        return self.ask(shown, parse_yes_no, answer, show_default=False)

    def pick(
        self,
        label: Bilingual,
        /,
        options: Sequence[Option],
        default: Sequence[str] = (),
        minimum: int = 1,
        maximum: int | None = None,
        **values: object,
    ) -> list[str]:
        """Options chosen by number from a numbered list (identifiers are accepted too)."""
        ids = [identifier for identifier, _ in options]
        self.listing([name for _, name in options])
        hints = [HINT_ONE if maximum == 1 else HINT_MANY] + ([HINT_NONE] if minimum == 0 else [])
        shown = f"{self.tr(label, **values)} ({', '.join(self.tr(h) for h in hints)})"
        numbers = ", ".join(str(n) for n in sorted(ids.index(d) + 1 for d in default if d in ids))
        fallback = numbers or ("-" if minimum == 0 else "")
        return self.ask(shown, lambda raw: parse_picks(raw, ids, minimum, maximum), fallback)

    def pick_one(
        self,
        label: Bilingual,
        /,
        options: Sequence[Option],
        default: str | None = None,
        **values: object,
    ) -> str:
        chosen = self.pick(label, options, [default] if default else [], 1, 1, **values)
        return chosen[0]
