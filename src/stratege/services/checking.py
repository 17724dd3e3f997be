"""Checking a strategy: its findings, and their records for programs and web pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from stratege.checks import Finding, run_checks
from stratege.i18n import Lang
from stratege.severity import Severity
from stratege.strategy import StrategyDocument, format_path


@dataclass
class CheckResult:
    document: StrategyDocument
    findings: list[Finding]

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def counts(self) -> dict[Severity, int]:
        found = Counter(f.severity for f in self.findings)
        return {severity: found[severity] for severity in Severity}

    def records(self, lang: Lang) -> list[dict[str, Any]]:
        """The findings as `stratege check --format json` prints them."""
        return [finding_record(f, self.document, lang) for f in self.findings]


def check(document: StrategyDocument) -> CheckResult:
    """Every finding of every rule, in the order of the questions."""
    return CheckResult(document, run_checks(document.strategy))


def finding_record(finding: Finding, document: StrategyDocument, lang: Lang) -> dict[str, Any]:
    """One finding with where it is (file, line, column, field path) and what to do."""
    position = document.position(finding.path)
    return {
        "code": finding.code,
        "severity": str(finding.severity),
        "question": finding.rule.question,
        "title": finding.title(lang),
        "path": format_path(finding.path),
        "file": str(document.path),
        "line": position[0] if position else None,
        "column": position[1] if position else None,
        "message": finding.message(lang),
        "hint": finding.hint(lang),
    }
