"""What the plan's pages show — workload, budget, RACI, campaigns, KPI plan — taken from a
computed plan once, as plain JSON data, so that a page never reads the plan back.

The data are the core's own figures (the same the document's tables print), in numbers,
ids and ISO dates; pages write them in the reader's language when they are shown (numbers,
dates, amounts, the model's fixed vocabulary). The names of the strategy's own things that
depend on its knowledge base (channels, platforms, metrics) are kept for each language, as
the document names them: a strategy may add a metric or a platform with its own words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stratege.capacity.budget import CATEGORIES, PLAN_CATEGORIES
from stratege.capacity.strain import STRAIN_BANDS
from stratege.i18n import LANGUAGES
from stratege.planning.plan import Plan
from stratege.planning.raci import ROLES
from stratege.planning.trajectories import KpiTrajectory
from stratege.reports.names import channel_names
from stratege.reports.sections.trajectories import DATES_PER_TABLE
from stratege.reports.values import kpi_value, step_decimals
from stratege.services.planning import PlanResult
from stratege.vocabulary import Words

PAGES_FORMAT = 1  # raise when what is stored changes: pages then ask for a new computation
LOAD_BANDS = STRAIN_BANDS  # (utilisation ceiling in percent, cost): the planner's bands
LOAD_LEVELS = len(LOAD_BANDS) + 1  # no work, one level per band of the planner, over

__all__ = [
    "DATES_PER_TABLE",
    "LOAD_BANDS",
    "LOAD_LEVELS",
    "PAGES_FORMAT",
    "ROLES",
    "kpi_value",
    "load_level",
    "plan_pages",
]


def plan_pages(result: PlanResult) -> dict[str, Any]:
    """Everything the five pages show, JSON-ready."""
    plan = result.plan
    return {
        "format": PAGES_FORMAT,
        "currency": plan.budget.currency,
        "names": _names(plan),
        "people": [
            {"id": p.id, "name": p.name, "hours_per_week": p.hours_per_week}
            for p in plan.strategy.resources.people
        ],
        "workload": _workload(plan),
        "budget": _budget(plan),
        "raci": _raci(plan),
        "campaigns": _campaigns(plan),
        "kpis": [_kpi(t) for t in plan.trajectories],
    }


def load_level(hours: float, capacity: float) -> int:
    """0 without work; then one level per utilisation band of the planner (up to 50 %,
    70 %, 85 %, 100 % of the hours the person has), and the last one beyond them."""
    if hours <= 0:
        return 0
    if capacity <= 0:
        return LOAD_LEVELS
    utilisation = 100 * hours / capacity
    for level, (ceiling, _cost) in enumerate(LOAD_BANDS, start=1):
        if utilisation <= ceiling + 1e-9:
            return level
    return LOAD_LEVELS


def _names(plan: Plan) -> dict[str, dict[str, dict[str, str]]]:
    strategy = plan.strategy
    platforms = {c.platform for c in strategy.channels}
    platforms |= {p for c in strategy.advertising.campaigns for p in c.platforms}
    metrics = {k.metric for k in strategy.kpis}
    names: dict[str, dict[str, dict[str, str]]] = {}
    for lang in LANGUAGES:
        words = Words(lang, plan.knowledge)
        names[lang] = {
            "channel": channel_names(strategy, words),
            "platform": {p: words.platform(p) for p in sorted(platforms)},
            "metric": {m: words.metric(m) for m in sorted(metrics)},
        }
    return names


def _workload(plan: Plan) -> dict[str, Any]:
    """Hours planned and hours available per person and week, over every week with work
    (the lead weeks first), as the document counts them."""
    weeks = plan.work_weeks
    load, capacity = plan.staffing.load, plan.staffing.capacity
    people = [p.id for p in plan.strategy.resources.people]
    return {
        "weeks": [w.isoformat() for w in weeks],
        "lead_weeks": len(plan.lead_weeks),
        "plan_weeks": max(len(plan.horizon.weeks), 1),
        "hours": {p: [sum(load.get((p, w), {}).values()) for w in weeks] for p in people},
        "capacity": {p: [capacity.get((p, w), 0.0) for w in weeks] for p in people},
        "total_hours": {p: plan.hours(p) for p in people},
        "total_capacity": {p: plan.capacity_of(p) for p in people},
    }


def _budget(plan: Plan) -> dict[str, Any]:
    """Planned spending per month and category, and the declared budget per month, over
    the plan's months (the lead months hold staff time only, which is no budget line)."""
    budget = plan.budget
    months = [m for m in budget.months if m not in budget.lead_months]
    spent = [c for c in CATEGORIES if budget.planned_total(c) > 0]
    return {
        "months": [m.isoformat() for m in months],
        "categories": spent,
        "planned": {c: [budget.planned[c].get(m, 0.0) for m in months] for c in spent},
        "declared": [sum(budget.declared[c].get(m, 0.0) for c in CATEGORIES) for m in months],
        "lines": [
            {
                "category": c,
                "planned": budget.planned_total(c),
                "declared": None if c == "people" else budget.declared_total(c),
            }
            for c in PLAN_CATEGORIES
        ],
        "share_of_period": budget.share_of_period,
    }


def _raci(plan: Plan) -> dict[str, Any]:
    """Who holds each role, per activity and channel (a channel's own row already wins
    over the row for all channels)."""
    matrix = plan.raci
    cells = {
        activity: {
            channel: {role: list(getattr(matrix.cell(activity, channel), role)) for role in ROLES}
            for channel in matrix.channels
        }
        for activity in matrix.activities
    }
    return {
        "activities": list(matrix.activities),
        "channels": list(matrix.channels),
        "cells": cells,
    }


def _campaigns(plan: Plan) -> list[dict[str, Any]]:
    posts: dict[str, int] = {}
    for slot in plan.slots:
        if slot.campaign:
            posts[slot.campaign] = posts.get(slot.campaign, 0) + 1
    return [
        {
            "id": f.campaign.id,
            "name": f.campaign.name,
            "start": f.campaign.start.isoformat(),
            "end": f.campaign.end.isoformat(),
            "platforms": list(f.campaign.platforms),
            "budget": f.campaign.budget,
            "pricing_model": f.campaign.pricing_model,
            "impressions": f.total("impressions"),
            "clicks": f.total("clicks"),
            "conversions": f.total("conversions"),
            "posts": posts.get(f.campaign.id, 0),
        }
        for f in plan.campaigns
    ]


def _kpi(trajectory: KpiTrajectory) -> dict[str, Any]:
    kpi = trajectory.kpi
    return {
        "id": kpi.id,
        "metric": kpi.metric,
        "unit": trajectory.unit,
        "baseline": kpi.baseline,
        "target": kpi.target,
        "deadline": _iso(kpi.deadline),
        "frequency": kpi.frequency,
        "source": kpi.source,
        "growth": trajectory.growth,
        "decimals": step_decimals(trajectory),
        "points": [[day.isoformat(), value] for day, value in trajectory.points],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
