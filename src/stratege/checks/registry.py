"""The rule registry: every coherence rule with its stable code, severity and wording.

A rule is a generator over a Context that yields (field path, message values) for each
problem it sees. Its wording lives beside it, in French and English, so the code, the
message and the hint to fix it cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from stratege.i18n import Lang, number
from stratege.translation import translator

if TYPE_CHECKING:
    from stratege.checks.context import Context

PathPart = str | int
Hit = tuple[tuple[PathPart, ...], dict[str, Any]]
RuleFunction = Callable[["Context"], Iterable[Hit]]
Pair = tuple[str, str]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

QUESTIONS: dict[int, Pair] = {
    0: ("Cadre général", "General frame"),
    1: ("1. Quelle est votre stratégie ?", "1. What is your strategy?"),
    2: ("2. Quelles sont vos priorités ?", "2. What are your priorities?"),
    3: ("3. Où en êtes-vous, et vos concurrents ?", "3. Where do you and your competitors stand?"),
    4: ("4. Quels seront vos indicateurs ?", "4. What will your indicators be?"),
    5: ("5. Quelles sont vos cibles ?", "5. Who are your audiences?"),
    6: ("6. Quels contenus allez-vous publier ?", "6. What content will you publish?"),
    7: ("7. À quelle fréquence ?", "7. How often will you publish?"),
    8: ("8. Quels seront vos moyens ?", "8. What will your resources be?"),
    9: ("9. Qui sera responsable ?", "9. Who will be responsible?"),
    10: ("10. Ferez-vous de la publicité ?", "10. Will you advertise?"),
}


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    question: int
    title: str  # gettext message ids (English); French lives in the catalogue
    message: str
    hint: str
    check: RuleFunction = field(compare=False, repr=False)

    def text(self, which: str, lang: Lang, values: dict[str, Any] | None = None) -> str:
        return translator(lang)(which, **{k: shown(v, lang) for k, v in (values or {}).items()})


def shown(value: Any, lang: Lang) -> Any:
    """A message value as the reader's language writes it."""
    return value.text(lang) if isinstance(value, Num | Msg | Bi) else value


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
class Bi:
    """A name that reference data gives in both languages (a skill, a platform)."""

    fr: str
    en: str

    def text(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Num:
    """A number in a message, written the way the reader's language writes numbers."""

    value: float
    decimals: int = 1

    def text(self, lang: Lang) -> str:
        return number(self.value, lang, self.decimals)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule, at one place of the strategy."""

    rule: Rule
    path: tuple[PathPart, ...]
    values: dict[str, Any]

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    def message(self, lang: Lang) -> str:
        return self.rule.text(self.rule.message, lang, self.values)

    def hint(self, lang: Lang) -> str:
        return self.rule.text(self.rule.hint, lang, self.values)


RULES: dict[str, Rule] = {}


def rule(
    code: str, severity: Severity, question: int, *, title: str, message: str, hint: str
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under a stable code (codes are never reused)."""

    def register(function: RuleFunction) -> RuleFunction:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, severity, question, title, message, hint, function)
        return function

    return register


def run_rules(context: Context, rules: Iterable[Rule]) -> Iterator[Finding]:
    for each in rules:
        for path, values in each.check(context):
            yield Finding(each, tuple(path), values)
