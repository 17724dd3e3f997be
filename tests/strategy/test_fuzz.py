"""Property-based tests: no input, however malformed, produces a traceback.

Three generators: arbitrary text, arbitrary YAML documents, and the bundled example with
one value anywhere replaced by a random one (which reaches deep into the model and the
rules). Each must end in a loaded strategy whose checks run, or in located problems.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from tests.conftest import example_data
from tests.strategy.fuzzing import FAST, SLOW, load_and_check

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


texts = st.text(max_size=300)
documents = st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=6)


@FAST
@given(texts)
def test_arbitrary_text_never_crashes(text: str) -> None:
    load_and_check(text)


@FAST
@given(documents)
def test_arbitrary_yaml_never_crashes(data: dict[str, Any]) -> None:
    load_and_check(_dump(data))


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


def _replaced(path: tuple, value: Any) -> str:
    data = example_data()
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return _dump(data)


@FAST
@given(st.sampled_from(EXAMPLE_PATHS), values)
def test_one_value_replaced_anywhere_never_crashes(path: tuple, value: Any) -> None:
    load_and_check(_replaced(path, value))


@pytest.mark.slow
@SLOW
@given(texts)
def test_much_arbitrary_text_never_crashes(text: str) -> None:
    load_and_check(text)


@pytest.mark.slow
@SLOW
@given(documents)
def test_many_arbitrary_yaml_documents_never_crash(data: dict[str, Any]) -> None:
    load_and_check(_dump(data))


@pytest.mark.slow
@SLOW
@given(st.sampled_from(EXAMPLE_PATHS), values)
def test_many_values_replaced_anywhere_never_crash(path: tuple, value: Any) -> None:
    load_and_check(_replaced(path, value))
