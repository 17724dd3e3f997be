"""The rule registry: every coherence rule with its stable code, severity and wording.

A rule is a generator over a Context that yields (field path, message values) for each
problem it sees. Its wording (gettext message ids, French in checks.po) lives beside it,
so the code, the message and the hint to fix it cannot drift apart. Message values that
a language writes its own way (numbers, dates, the vocabulary's labels) are wrapped in the
classes of :mod:`stratege.checks.values`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from stratege.checks.values import shown
from stratege.i18n import Lang
from stratege.i18n.catalogue import translator
from stratege.severity import Severity

if TYPE_CHECKING:
    from stratege.checks.context import Context

PathPart = str | int
Hit = tuple[tuple[PathPart, ...], dict[str, Any]]
RuleFunction = Callable[["Context"], Iterable[Hit]]


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

    def title(self, lang: Lang) -> str:
        return self.rule.text(self.rule.title, lang)

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
