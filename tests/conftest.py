"""Shared fixtures: the bundled examples as plain data that tests can mutate."""

from __future__ import annotations

import copy
import functools
from typing import Any

import pytest

from stratege.bundled import DEFAULT_EXAMPLE, example_path
from stratege.checks import run_checks
from stratege.strategy import Strategy, load_strategy
from stratege.strategy.yamlio import to_plain


@functools.cache
def _example_data(name: str) -> dict[str, Any]:
    return to_plain(load_strategy(example_path(name)).tree)


def example_data(name: str = DEFAULT_EXAMPLE) -> dict[str, Any]:
    """A fresh deep copy of a bundled example as plain dicts and lists."""
    return copy.deepcopy(_example_data(name))


def short_of_video_data() -> dict[str, Any]:
    """The French example with 2 h a week of video capacity (Léa alone, 2 h): infeasible."""
    data = example_data()
    karim = data["resources"]["people"][1]
    karim["skills"] = [s for s in karim["skills"] if s != "video_editing"]
    data["resources"]["people"][2]["hours_per_week"] = 2
    return data


def codes_for(data: dict[str, Any]) -> set[str]:
    return {f.code for f in run_checks(Strategy.model_validate(data))}


@pytest.fixture
def strategy_data() -> dict[str, Any]:
    return example_data()
