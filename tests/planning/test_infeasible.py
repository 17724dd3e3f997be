"""Too little capacity gives the best plan and a precise account of what is missing."""

from __future__ import annotations

from stratege.planning.plan import build_plan
from stratege.reports.shortfalls import describe_shortfall
from stratege.strategy import Strategy
from tests.conftest import short_of_video_data


def _short_of_video() -> Strategy:
    return Strategy.model_validate(short_of_video_data())


def test_it_plans_anyway_within_everyones_hours() -> None:
    plan = build_plan(_short_of_video())
    assert plan.slots
    assert plan.quality.overrun_hours == 0
    assert plan.quality.cadence_deviation <= 1


def test_it_says_which_work_is_short_by_how_much_and_when() -> None:
    plan = build_plan(_short_of_video())
    video = [s for s in plan.shortfalls if s.skill == "video_editing"]
    assert video
    worst = video[0]
    assert worst.needed > 5 and worst.available <= 2
    text = describe_shortfall(plan, worst, "en")
    assert text.startswith("Content creation (Video shooting and editing): ")
    assert "h/week needed" in text and "weeks" in text
    unstaffed = [s for s in plan.slots if not s.staffed]
    assert unstaffed and all(s.format == "short_video" for s in unstaffed)


def test_the_plan_is_close_to_the_proven_bound() -> None:
    """The bound lets posts be half made; whole posts may cost a little more."""
    plan = build_plan(_short_of_video())
    assert plan.staffing.unstaffed_hours >= plan.staffing.unstaffed_bound > 0
    assert plan.staffing.gap < 0.10
