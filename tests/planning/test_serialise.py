"""A plan survives JSON: the web app stores it, measurement matches posts to its slots."""

from __future__ import annotations

import json

import pytest

from stratege.bundled import example_names, example_path
from stratege.planning.plan import build_plan
from stratege.planning.serialise import plan_from_json, plan_to_json
from stratege.strategy import load_strategy


@pytest.fixture(scope="module", params=example_names())
def plan(request):  # type: ignore[no-untyped-def]
    return build_plan(load_strategy(example_path(request.param)).strategy)


def test_a_plan_round_trips_to_json(plan) -> None:  # type: ignore[no-untyped-def]
    text = plan_to_json(plan)
    again = plan_from_json(text)
    assert again == plan
    assert plan_to_json(again) == text


def test_the_json_says_what_it_is(plan) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(plan_to_json(plan))
    assert data["format"] == "stratege-plan" and data["version"] == 1
    assert len(data["plan"]["slots"]) == len(plan.slots)


def test_anything_else_is_refused() -> None:
    with pytest.raises(ValueError):
        plan_from_json(json.dumps({"format": "something else"}))
