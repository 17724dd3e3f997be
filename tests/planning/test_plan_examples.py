"""The bundled examples plan into calendars that respect every promise of the plan."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from stratege.bundled import example_names, example_path
from stratege.planning.plan import Plan, build_plan
from stratege.planning.slots import channel_windows, weekday_code
from stratege.strategy import load_strategy


@pytest.fixture(scope="module", params=example_names())
def plan(request: pytest.FixtureRequest) -> Plan:
    return build_plan(load_strategy(example_path(request.param)).strategy)


def test_nobody_works_beyond_their_hours(plan: Plan) -> None:
    assert plan.quality.overrun_hours == 0
    for key, hours in plan.staffing.load.items():
        assert sum(hours.values()) <= plan.staffing.capacity[key] + 1e-6


def test_cadence_is_met_within_one_post_a_week(plan: Plan) -> None:
    assert plan.quality.cadence_deviation <= 1


def test_the_format_mix_is_respected(plan: Plan) -> None:
    assert plan.quality.mix_deviation <= 2


def test_every_post_is_staffed(plan: Plan) -> None:
    assert plan.shortfalls == []
    assert all(slot.staffed for slot in plan.slots)


def test_no_post_on_a_holiday_a_blackout_or_outside_windows(plan: Plan) -> None:
    for slot in plan.slots:
        day = slot.start.date()
        assert not plan.horizon.is_holiday(day), slot
        assert not plan.horizon.is_blackout(day), slot
        cadence = plan.strategy.cadence_of(slot.channel)
        windows = channel_windows(cadence, plan.strategy.channel(slot.channel), plan.knowledge)
        minute = slot.start.hour * 60 + slot.start.minute
        assert any(a <= minute < b for a, b in windows.by_day[weekday_code(day)]), slot


def test_posts_of_a_channel_keep_the_minimum_gap(plan: Plan) -> None:
    gap = dt.timedelta(minutes=plan.knowledge.defaults.min_gap_minutes)
    by_channel: dict[str, list[dt.datetime]] = {}
    for slot in plan.slots:
        by_channel.setdefault(slot.channel, []).append(slot.start)
    for starts in by_channel.values():
        starts.sort()
        assert all(b - a >= gap for a, b in itertools.pairwise(starts))


def test_production_is_due_before_publication(plan: Plan) -> None:
    for slot in plan.slots:
        lead = plan.knowledge.formats[slot.format].lead_time_days
        assert slot.due is not None
        assert slot.due <= slot.start.date() - dt.timedelta(days=lead)


def test_producers_have_the_skill(plan: Plan) -> None:
    people = {p.id: p for p in plan.strategy.resources.people}
    for slot in plan.slots:
        for skill, person in slot.producers.items():
            assert skill in (*people[person].skills, *people[person].training)


def test_occasions_get_their_extra_posts(plan: Plan) -> None:
    """On the occasion's days, or as teasers the week before when those days are full."""
    for occasion in plan.strategy.occasions:
        extra = [s for s in plan.slots if s.extra and s.occasion == occasion.id]
        assert len(extra) == occasion.extra_posts
        first = occasion.date - dt.timedelta(days=7)
        assert all(first <= s.start.date() <= (occasion.end or occasion.date) for s in extra)


def test_campaign_posts_are_tagged(plan: Plan) -> None:
    for campaign in plan.strategy.advertising.campaigns:
        tagged = [s for s in plan.slots if s.campaign == campaign.id]
        assert tagged
        assert all(campaign.start <= s.start.date() <= campaign.end for s in tagged)


def test_budget_and_campaigns_add_up(plan: Plan) -> None:
    campaigns = sum(c.campaign.budget for c in plan.campaigns)
    assert plan.budget.planned_total("advertising") == pytest.approx(campaigns)
    for forecast in plan.campaigns:
        assert forecast.total("impressions") > 0


def test_kpi_trajectories_end_on_target(plan: Plan) -> None:
    for trajectory in plan.trajectories:
        kpi = trajectory.kpi
        assert trajectory.points[-1] == (kpi.deadline, pytest.approx(kpi.target))
