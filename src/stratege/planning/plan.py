"""The operational plan: everything derived from a strategy for a span of dates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from stratege.capacity.budget import MonthlyBudget, monthly_budget
from stratege.knowledge import Knowledge, load_knowledge
from stratege.planning.campaigns import CampaignForecast, forecast_campaigns
from stratege.planning.days import Horizon
from stratege.planning.quality import CalendarQuality, measure
from stratege.planning.raci import RaciMatrix, raci_matrix
from stratege.planning.shortfalls import Shortfall, find_shortfalls
from stratege.planning.slots import Slot, plan_slots, weekly_targets
from stratege.planning.staffing import Assignment, Portfolio, staff
from stratege.planning.trajectories import KpiTrajectory, plan_trajectories
from stratege.strategy.model import Strategy


@dataclass
class Plan:
    strategy: Strategy
    knowledge: Knowledge
    horizon: Horizon
    slots: list[Slot]
    staffing: Assignment
    shortfalls: list[Shortfall]
    budget: MonthlyBudget
    campaigns: list[CampaignForecast]
    trajectories: list[KpiTrajectory]
    raci: RaciMatrix
    quality: CalendarQuality

    @property
    def lead_weeks(self) -> list[dt.date]:
        """Weeks before the plan's first week that carry production for its first posts."""
        first = self.horizon.weeks[0]
        return sorted({w for (_, w), h in self.staffing.load.items() if w < first and h})

    @property
    def work_weeks(self) -> list[dt.date]:
        """Every week with planned work: the lead weeks, then the plan's own weeks. Hours,
        capacity and utilisation are all counted over these same weeks."""
        return [*self.lead_weeks, *self.horizon.weeks]

    def hours(self, person: str) -> float:
        weeks = set(self.work_weeks)
        return sum(
            sum(h.values())
            for (p, w), h in self.staffing.load.items()
            if p == person and w in weeks
        )

    def capacity_of(self, person: str) -> float:
        weeks = set(self.work_weeks)
        return sum(c for (p, w), c in self.staffing.capacity.items() if p == person and w in weeks)

    def lead_hours(self) -> float:
        """Hours worked before the plan's first week (production of its first posts)."""
        lead = set(self.lead_weeks)
        return sum(sum(h.values()) for (_, w), h in self.staffing.load.items() if w in lead)

    def unplaced_posts(self) -> dict[str, int]:
        """Cadence posts per channel that no window could take (holidays, narrow windows)."""
        missing = {}
        for cadence in self.strategy.cadence:
            wanted = sum(weekly_targets(cadence.posts_per_week, self.horizon).values())
            placed = sum(1 for s in self.slots if s.channel == cadence.channel and not s.extra)
            if wanted > placed:
                missing[cadence.channel] = wanted - placed
        return missing

    def posts_per_channel(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for slot in self.slots:
            counts[slot.channel] += 1
        return dict(counts)


def build_plan(
    strategy: Strategy,
    start: dt.date | None = None,
    end: dt.date | None = None,
    knowledge: Knowledge | None = None,
) -> Plan:
    knowledge = knowledge or load_knowledge(strategy.knowledge)
    horizon = Horizon.of(strategy, start, end)
    slots = plan_slots(strategy, knowledge, horizon)
    staffing = staff(Portfolio([(strategy, knowledge, horizon, slots)]))
    campaigns = forecast_campaigns(strategy, knowledge)
    people_hours = {key: sum(h.values()) for key, h in staffing.load.items()}
    return Plan(
        strategy=strategy,
        knowledge=knowledge,
        horizon=horizon,
        slots=slots,
        staffing=staffing,
        shortfalls=find_shortfalls(staffing),
        budget=monthly_budget(strategy, horizon.days, people_hours),
        campaigns=campaigns,
        trajectories=plan_trajectories(strategy, knowledge, horizon.start),
        raci=raci_matrix(strategy),
        quality=measure(strategy, knowledge, horizon, slots, staffing.load, staffing.capacity),
    )
