"""Plans of the bundled examples, built once per test session (building takes a second)."""

from __future__ import annotations

import copy
import functools

from stratege.bundled import example_path
from stratege.checks import Finding, run_checks
from stratege.planning.plan import Plan, build_plan
from stratege.strategy import load_strategy

RACI_QUESTION = 9


@functools.cache
def _plan(name: str) -> Plan:
    return build_plan(load_strategy(example_path(name)).strategy)


def example_plan(name: str) -> Plan:
    """A private copy: tests may change its slots without affecting the others."""
    return copy.deepcopy(_plan(name))


def raci_findings(plan: Plan) -> list[Finding]:
    """The findings the service layer passes to the workbook: question 9's."""
    return [
        f for f in run_checks(plan.strategy, plan.knowledge) if f.rule.question == RACI_QUESTION
    ]
