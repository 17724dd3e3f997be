"""Property-based tests: no input, however malformed, produces a traceback.

Three generators: arbitrary text, arbitrary YAML documents, and the bundled example with
one value anywhere replaced by a random one (which reaches deep into the model and the
rules). Each must end in a loaded strategy whose checks run, or in located problems.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from stratege.checks import run_checks
from stratege.strategy import StrategyFileError, parse_strategy
from tests.conftest import example_data

FIELD_NAMES = [
    "period",
    "organisation",
    "objectives",
    "kpis",
    "channels",
    "cadence",
    "name",
    "id",
    "start",
    "end",
    "posts",
    "per",
    "share",
    "mix",
    "platform",
    "knowledge",
    "platforms",
    "formats",
    "facebook",
    "image",
    "effort",
    "kpis",
    "activities",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)),
    st.sampled_from(FIELD_NAMES),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)), inner, max_size=4
        ),
    ),
    max_leaves=12,
)


def _dump(data: Any) -> str:
    buffer = io.StringIO()
    YAML(typ="safe").dump(data, buffer)
    return buffer.getvalue()


def _load_and_check(text: str) -> None:
    try:
        document = parse_strategy(text, "fuzz.yaml")
    except StrategyFileError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.render("fr") and problem.render("en")
        return
    run_checks(document.strategy)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _load_and_check(text)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=6))
def test_arbitrary_yaml_never_crashes(data: dict[str, Any]) -> None:
    _load_and_check(_dump(data))


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else []
    )
    for key, child in items:
        found.extend(_paths(child, (*prefix, key)))
    return found


EXAMPLE_PATHS = _paths(example_data())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EXAMPLE_PATHS), values)
def test_one_value_replaced_anywhere_never_crashes(path: tuple, value: Any) -> None:
    data = example_data()
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    _load_and_check(_dump(data))
