"""Coherence and feasibility checks of a strategy.

Each module holds the rules of one question; importing them fills the registry.
"""

from __future__ import annotations

from stratege.checks import (  # noqa: F401  (imported to register their rules)
    advertising,
    audiences,
    audit,
    cadence,
    content,
    general,
    goals,
    kpis,
    listening,
    objectives,
    raci,
    resources,
)
from stratege.checks.context import Context
from stratege.checks.registry import RULES, Finding, Rule
from stratege.checks.registry import run_rules as _run_rules
from stratege.knowledge import Knowledge, load_knowledge
from stratege.severity import SEVERITY_ORDER, Severity
from stratege.strategy.model import Strategy

__all__ = ["RULES", "Finding", "Rule", "Severity", "run_checks"]


def run_checks(strategy: Strategy, knowledge: Knowledge | None = None) -> list[Finding]:
    """Every finding of every rule, ordered by question, then severity, then rule code."""
    knowledge = knowledge or load_knowledge(strategy.knowledge)
    findings = list(_run_rules(Context(strategy, knowledge), RULES.values()))
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[int, int, str]:
    return (finding.rule.question, SEVERITY_ORDER[finding.severity], finding.code)
