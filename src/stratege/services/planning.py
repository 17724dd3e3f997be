"""Planning a strategy: the calendar, workload, budget, RACI, campaigns and KPI plan, with
the findings of the checks computed once for everything that shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from stratege.checks import Finding, run_checks
from stratege.i18n import Lang
from stratege.knowledge import load_knowledge
from stratege.planning import moves
from stratege.planning.moves import MoveProblem
from stratege.planning.plan import Plan, build_plan
from stratege.planning.serialise import plan_from_json, plan_to_json
from stratege.reports.approval import Approval
from stratege.services.errors import DatesRefused
from stratege.strategy import StrategyDocument

if TYPE_CHECKING:
    from stratege.listening.report import ListeningResults
    from stratege.measure.progress import Measurement

Progress = Callable[[str], None]  # told the name of each step as it starts
RACI_QUESTION = 9


@dataclass
class PlanResult:
    document: StrategyDocument
    plan: Plan
    findings: list[Finding]
    # the imported data's results (services.measuring.attach_measurement): the documents
    # then have a Results section
    measurement: Measurement | None = None
    # the version planned and who approved it (the web application's): on the cover
    approval: Approval | None = None
    # what listening found (mentions, alerts, customer care): in the Results section too
    listening: ListeningResults | None = None

    @property
    def raci_findings(self) -> list[Finding]:
        """The checks of the RACI matrix (question 9), shown beside it."""
        return [f for f in self.findings if f.rule.question == RACI_QUESTION]

    @property
    def partial(self) -> bool:
        """Does the plan cover only a part of the strategy's period?"""
        period = self.plan.strategy.period
        return (self.plan.horizon.start, self.plan.horizon.end) != (period.start, period.end)

    def to_json(self) -> str:
        return plan_to_json(self.plan)


def plan(
    document: StrategyDocument,
    start: dt.date | None = None,
    end: dt.date | None = None,
    progress: Progress | None = None,
) -> PlanResult:
    """The plan of ``document`` from ``start`` to ``end`` (default: its whole period).

    Raises DatesRefused when the dates are reversed or leave the strategy's period.
    """
    strategy = document.strategy
    period = strategy.period
    first, last = start or period.start, end or period.end
    if last < first:
        raise DatesRefused("end_before_start", start=first, end=last)
    if first < period.start or last > period.end:
        raise DatesRefused(
            "outside_period", start=first, end=last, first=period.start, last=period.end
        )
    knowledge = load_knowledge(strategy.knowledge)
    tell(progress, "checks")
    findings = run_checks(strategy, knowledge)
    tell(progress, "plan")
    built = build_plan(strategy, first, last, knowledge)
    return PlanResult(document, built, findings)


def plan_from_stored(document: StrategyDocument, text: str) -> PlanResult:
    """A plan stored as JSON (by the web app), with the findings of its strategy."""
    stored = plan_from_json(text)
    return PlanResult(document, stored, run_checks(stored.strategy, stored.knowledge))


def tell(progress: Progress | None, step: str) -> None:
    if progress is not None:
        progress(step)


def check_move(
    result: PlanResult,
    slot_id: str,
    start: dt.datetime,
    moved: Mapping[str, dt.datetime] | None = None,
) -> list[MoveProblem]:
    """What moving one planned post to ``start`` breaks (windows, holidays, blackouts,
    spacing, its producers' capacity), the posts in ``moved`` being already moved.
    Raises KeyError for a post the plan does not have."""
    return moves.check_move(result.plan, slot_id, start, moved)


def calendar_with_moves(result: PlanResult, moved: Mapping[str, dt.datetime], lang: Lang) -> bytes:
    """The calendar (ICS) of the plan with the posts moved by hand where they now are."""
    from stratege.exports.ics import calendar_ics

    plan = replace(result.plan, slots=moves.moved_slots(result.plan, moved))
    return calendar_ics(plan, lang)
