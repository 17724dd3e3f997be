"""Values inside rule messages, each written the way the reader's language writes it.

A rule yields raw facts; wrapping them here decides how they read: a platform id becomes
its name ("X (Twitter)"), a date "1 mars 2027", a number "1 234,5". An identifier the user
must type in the strategy file is shown in backquotes beside its name (`short_video`), so
French text shows no bare identifier yet still says exactly what to write.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.i18n.numbers import day, money, month, num
from stratege.knowledge.models import Knowledge
from stratege.vocabulary import label


def shown(value: Any, lang: Lang) -> Any:
    """A message value as the reader's language writes it."""
    text = getattr(value, "text", None)
    return text(lang) if callable(text) else value


@dataclass(frozen=True)
class Msg:
    """A translatable phrase inside a message ("no objective"), with its own values."""

    message: str
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, message: str, **values: Any) -> Msg:
        return cls(message, tuple(values.items()))

    def text(self, lang: Lang) -> str:
        return translator(lang)(self.message, **{k: shown(v, lang) for k, v in self.values})


@dataclass(frozen=True)
class Label:
    """A value of the vocabulary (a platform, a skill, an activity) in the reader's words."""

    kind: str
    value: str
    knowledge: Knowledge | None = field(default=None, compare=False)

    def text(self, lang: Lang) -> str:
        return label(self.kind, self.value, lang, self.knowledge)


@dataclass(frozen=True)
class Labels:
    """Several values of one kind, named and joined: "Rédaction, Graphisme"."""

    kind: str
    values: tuple[str, ...]
    knowledge: Knowledge | None = field(default=None, compare=False)

    @classmethod
    def of(cls, kind: str, values: Iterable[str], knowledge: Knowledge | None = None) -> Labels:
        return cls(kind, tuple(values), knowledge)

    def text(self, lang: Lang) -> str:
        return ", ".join(label(self.kind, v, lang, self.knowledge) for v in self.values) or "—"


@dataclass(frozen=True)
class Typed:
    """An identifier to write in the strategy file, with its name: "Vidéo courte
    (`short_video`)" — or the identifier alone when it has no name."""

    kind: str
    value: str
    knowledge: Knowledge | None = field(default=None, compare=False)

    def text(self, lang: Lang) -> str:
        name = label(self.kind, self.value, lang, self.knowledge)
        return f"`{self.value}`" if name == self.value else f"{name} (`{self.value}`)"


@dataclass(frozen=True)
class Known:
    """The valid identifiers of a kind, each with its name: what the user may write."""

    kind: str
    values: tuple[str, ...]
    knowledge: Knowledge | None = field(default=None, compare=False)

    @classmethod
    def of(cls, kind: str, values: Iterable[str], knowledge: Knowledge | None = None) -> Known:
        return cls(kind, tuple(values), knowledge)

    def text(self, lang: Lang) -> str:
        return ", ".join(Typed(self.kind, v, self.knowledge).text(lang) for v in self.values)


@dataclass(frozen=True)
class Closest:
    """ "Did you mean …?" for an unknown identifier, or nothing when none is close."""

    kind: str
    value: str
    candidates: tuple[str, ...]
    knowledge: Knowledge | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls, kind: str, value: str, candidates: Iterable[str], knowledge: Knowledge | None = None
    ) -> Closest:
        return cls(kind, value, tuple(candidates), knowledge)

    def text(self, lang: Lang) -> str:
        near = difflib.get_close_matches(self.value, self.candidates, n=1, cutoff=0.6)
        if not near:
            return ""
        closest = Typed(self.kind, near[0], self.knowledge).text(lang)
        return translator(lang)(N_("Did you mean {closest}? "), closest=closest)


@dataclass(frozen=True)
class Num:
    """A number in a message, written the way the reader's language writes numbers."""

    value: float
    decimals: int = 1

    def text(self, lang: Lang) -> str:
        return num(self.value, lang, self.decimals)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Amount:
    """An amount of money: "1 500 €", "€1,500"."""

    value: float
    currency: str

    def text(self, lang: Lang) -> str:
        return money(self.value, self.currency, lang)


@dataclass(frozen=True)
class Day:
    """A date as the reader writes it: "1 mars 2027", "1 March 2027"."""

    value: dt.date

    def text(self, lang: Lang) -> str:
        return day(self.value, lang)


@dataclass(frozen=True)
class Span:
    """A month ("mars 2027") or a year ("2027") of a budget, cut to the period."""

    first: dt.date
    last: dt.date
    unit: str

    def text(self, lang: Lang) -> str:
        return month(self.first, lang) if self.unit == "month" else str(self.first.year)
