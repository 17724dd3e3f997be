"""Slot ids: deterministic, unique, and stable when an unrelated part of the strategy moves."""

from __future__ import annotations

from stratege.planning.plan import build_plan
from stratege.strategy import Strategy
from tests.conftest import example_data


def _ids(data: dict, channel: str) -> list[str]:  # type: ignore[type-arg]
    plan = build_plan(Strategy.model_validate(data))
    return [s.id for s in plan.slots if s.channel == channel]


def test_ids_are_unique_and_deterministic() -> None:
    data = example_data()
    first = build_plan(Strategy.model_validate(data))
    again = build_plan(Strategy.model_validate(example_data()))
    ids = [s.id for s in first.slots]
    assert len(ids) == len(set(ids))
    assert ids == [s.id for s in again.slots]
    assert ids[0] == "facebook-20270102-1"


def test_ids_do_not_move_when_another_channel_changes() -> None:
    data = example_data()
    before = _ids(data, "facebook")
    data["cadence"][1]["posts"] = 2  # Instagram twice a day
    data["content"]["pillars"][0]["name"] = "Renamed pillar"
    assert _ids(data, "facebook") == before


def test_ids_do_not_move_when_the_windows_move_in_the_day() -> None:
    data = example_data()
    before = _ids(data, "linkedin")
    data["cadence"][2]["windows"] = [{"days": ["tue", "thu"], "start": "11:00", "end": "13:00"}]
    assert _ids(data, "linkedin") == before
