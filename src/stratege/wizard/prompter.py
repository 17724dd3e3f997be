"""Asking in the terminal: one question at a time, re-asked until the answer can be used.

Prompts go through ``rich.prompt`` on the given console, so answers can be typed or piped
on standard input. Labels are plain ``rich.text.Text``: a name typed by the user is never
read as console markup.

Every label is a gettext message id (English), translated when it is shown, in the
language the wizard speaks *at that moment*: choosing the strategy's language in the first
question switches the rest of the questionnaire (see :meth:`Asker.switch`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.console import Console
from rich.prompt import Prompt
from rich.text import Text

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, plural, translator
from stratege.knowledge.models import Knowledge
from stratege.questions import question
from stratege.vocabulary import label
from stratege.wizard.answers import (
    REMOVE,
    Invalid,
    Quantity,
    parse_number,
    parse_optional,
    parse_picks,
    parse_text,
    parse_yes_no,
    shown_values,
    write_number,
)

T = TypeVar("T")
Option = tuple[str, str]  # (identifier, label shown)
Item = tuple[int | None, str]  # (position among the previous items or None if new, text)

HINT_MANY = N_("numbers, comma-separated")
HINT_NONE = N_("- for none")
HINT_ONE = N_("one number")
HINT_OPTIONAL = N_("Enter to skip")
HINT_DONE = N_("Enter to finish")
HINT_REMOVE = N_("- to remove it")
CHOICES = {True: N_("Y/n"), False: N_("y/N")}
YES_ANSWER = N_("y")


class FrenchPrompt(Prompt):
    prompt_suffix = "\u00a0: "  # French puts a no-break space before a colon


class Asker:
    """Asks questions on a console in one language; each answer is parsed and validated."""

    def __init__(self, console: Console, lang: Lang, knowledge: Knowledge | None = None):
        self.console = console
        self.lang: Lang = lang
        self.knowledge = knowledge  # a strategy's own additions name its own entries
        self.prompts = 0  # answers read so far: the length of the questionnaire, for tests

    def switch(self, lang: Lang) -> None:
        """Speak ``lang`` from now on (questions, hints, suggested defaults)."""
        self.lang = lang

    # --- words ----------------------------------------------------------------------------

    def _(self, message: str, /, **values: object) -> str:
        """``message`` (a message id) in the current language, values written as it does."""
        return translator(self.lang)(message, **shown_values(values, self.lang))

    def plural(self, singular: str, many: str, count: int, /, **values: object) -> str:
        return plural(self.lang, singular, many, count, **shown_values(values, self.lang))

    def word(self, kind: str, value: str) -> str:
        """The vocabulary's word for a fixed value or a knowledge id, in the current language."""
        return label(kind, value, self.lang, self.knowledge)

    def options(self, kind: str, values: Sequence[str]) -> list[Option]:
        return [(value, self.word(kind, value)) for value in values]

    # --- showing --------------------------------------------------------------------------

    def question(self, number: int) -> None:
        """Show a question's title and, in plain words, what it is for."""
        asked = question(number)
        self.console.print()
        self.console.rule(Text(asked.title(self.lang), style="bold"), align="left")
        self.show(asked.explain(self.lang), style="italic")

    def say(self, message: str, /, style: str | None = None, **values: object) -> None:
        self.show(self._(message, **values), style)

    def show(self, text: str, style: str | None = None) -> None:
        """Print text as is (never read as console markup)."""
        self.console.print(Text(text, style=style or ""))

    def listing(self, labels: Sequence[str]) -> None:
        for index, text in enumerate(labels, start=1):
            self.console.print(Text(f"  {index:>2}. {text}"))

    # --- asking ---------------------------------------------------------------------------

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
        label: str,
        /,
        default: str = "",
        required: bool = False,
        hint: str = HINT_OPTIONAL,
        **values: object,
    ) -> str:
        """Free text; when a value is suggested and an answer is optional, ``-`` leaves it
        empty (Enter alone would keep the suggestion)."""
        shown = self._(label, **values)
        if not required:
            shown += f" ({self._(HINT_NONE if default else hint)})"
        answer = self.ask(shown, lambda raw: parse_text(raw, required), default)
        return "" if answer == REMOVE and not required else answer

    def items(
        self, first: str, more: str, /, previous: Sequence[str] = (), required: bool = False
    ) -> list[Item]:
        """Free-text items asked one by one: the previous ones first (Enter keeps one, ``-``
        removes it), then new ones until an empty answer."""
        found: list[Item] = []
        for position, text in enumerate(previous):
            label = self._(first if not found else more, n=len(found) + 1)
            answer = self.ask(f"{label} ({self._(HINT_REMOVE)})", parse_text, text)
            if answer != REMOVE:
                found.append((position, answer))
        while True:
            needed = required and not found
            hint = HINT_OPTIONAL if not found else HINT_DONE
            item = self.text(
                first if not found else more, required=needed, hint=hint, n=len(found) + 1
            )
            if not item:
                return found
            found.append((None, item))

    def name_or_remove(self, label: str, /, name: str, **values: object) -> str | None:
        """The name of an item read from the file: Enter keeps it, ``-`` removes the item
        (None), anything else renames it."""
        shown = f"{self._(label, **values)} ({self._(HINT_REMOVE)})"
        answer = self.ask(shown, lambda raw: parse_text(raw, True), name)
        return None if answer == REMOVE else answer

    def number(
        self,
        label: str,
        /,
        default: float | None = None,
        minimum: float = 0,
        maximum: float = math.inf,
        integer: bool = False,
        quantity: Quantity = "number",
        **values: object,
    ) -> float:
        """A number (or an amount, a percentage); the default is written as the language
        does ("1 500", "2,5")."""
        return self.ask(
            self._(label, **values),
            lambda raw: parse_number(raw, minimum, maximum, integer, quantity, self.lang),
            "" if default is None else write_number(default, self.lang),
        )

    def optional_number(
        self,
        label: str,
        /,
        minimum: float = 0,
        default: float | None = None,
        quantity: Quantity = "number",
        **values: object,
    ) -> float | None:
        """A number that may not be known yet: an empty answer (or ``-``) gives None."""
        hint = HINT_OPTIONAL if default is None else HINT_NONE
        shown = f"{self._(label, **values)} ({self._(hint)})"
        return self.ask(
            shown,
            lambda raw: self._optional(raw, minimum, quantity),
            "" if default is None else write_number(default, self.lang),
        )

    def _optional(self, raw: str, minimum: float, quantity: Quantity) -> float | None:
        if raw == REMOVE:
            return None
        return parse_optional(raw, minimum, quantity=quantity, lang=self.lang)

    def yes_no(self, label: str, /, default: bool, **values: object) -> bool:
        shown = f"{self._(label, **values)} [{self._(CHOICES[default])}]"
        answer = self._(YES_ANSWER) if default else "n"
        return self.ask(shown, parse_yes_no, answer, show_default=False)

    def pick(
        self,
        label: str,
        /,
        options: Sequence[Option],
        default: Sequence[str] = (),
        minimum: int = 1,
        maximum: int | None = None,
        **values: object,
    ) -> list[str]:
        """Options chosen by number from a numbered list (identifiers are accepted too);
        the suggestion keeps the order of ``default``, so Enter keeps a file's order."""
        ids = [identifier for identifier, _ in options]
        self.listing([name for _, name in options])
        hints = [HINT_ONE if maximum == 1 else HINT_MANY] + ([HINT_NONE] if minimum == 0 else [])
        shown = f"{self._(label, **values)} ({', '.join(self._(h) for h in hints)})"
        numbers = ", ".join(str(ids.index(d) + 1) for d in dict.fromkeys(default) if d in ids)
        fallback = numbers or ("-" if minimum == 0 else "")
        return self.ask(shown, lambda raw: parse_picks(raw, ids, minimum, maximum), fallback)

    def pick_one(
        self,
        label: str,
        /,
        options: Sequence[Option],
        default: str | None = None,
        **values: object,
    ) -> str:
        chosen = self.pick(label, options, [default] if default else [], 1, 1, **values)
        return chosen[0]
