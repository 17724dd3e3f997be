"""What several pages need: the strategy of a version, its findings per question."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from stratege.i18n import Lang
from stratege.questions import QUESTIONS, Question
from stratege.services import checking, strategies
from stratege.strategy import StrategyDocument, StrategyFileError
from stratege.web.derived import EDITED_SECTIONS as EDITED_SECTIONS
from stratege.web.models import StrategyVersion


@dataclass
class Diagnosis:
    """A strategy's findings by question number, or the problems that stop reading it."""

    findings: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def count(self, number: int, severity: str | None = None) -> int:
        return sum(1 for f in self.findings.get(number, []) if severity in (None, f["severity"]))


def document_of(version: StrategyVersion) -> StrategyDocument:
    return strategies.parse(version.yaml_text, f"v{version.number}.yaml")


@functools.lru_cache(maxsize=256)
def diagnose_text(text: str, lang: Lang, name: str = "strategy.yaml") -> Diagnosis:
    """The diagnosis of a strategy's text, computed once per text and language: pages show
    the same versions again and again (the result is shared: never change it)."""
    try:
        document = strategies.parse(text, name)
    except StrategyFileError as error:
        return Diagnosis(problems=[p.render(lang) for p in error.problems])
    return diagnose(document, lang)


def diagnosis_of(version: StrategyVersion, lang: Lang) -> Diagnosis:
    """A saved version's diagnosis, as stored with it (never computed again)."""
    from stratege.web.derived import findings_of

    findings, problems = findings_of(version, lang)
    return Diagnosis(findings=findings, problems=problems)


def diagnose(document: StrategyDocument, lang: Lang) -> Diagnosis:
    found: dict[int, list[dict[str, Any]]] = {q.number: [] for q in QUESTIONS}
    for record in checking.check(document).records(lang):
        found.setdefault(int(record["question"]), []).append(record)
    return Diagnosis(findings=found)


def question_or_404(number: int) -> Question:
    from django.http import Http404

    for question in QUESTIONS:
        if question.number == number:
            return question
    raise Http404
