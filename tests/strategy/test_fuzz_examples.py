"""Fuzzing the bundled examples: whatever is done to a real strategy file, loading ends in
a strategy or in located problems that read in both languages — never another exception,
never a hang — and the checks run on whatever loads.

Mutations, one to three per example, at three levels: the YAML text (values replaced by
tags, aliases, merge keys, non-finite or huge numbers, impossible or far dates, control
characters, unicode; lines deleted, duplicated or re-indented), the data (keys deleted,
values swapped for another type) and the bytes (BOM, CRLF, Latin-1, truncation).
The default run is bounded; ``-m slow`` runs many more examples.
"""

from __future__ import annotations

import functools
import io
import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from stratege.bundled import example_names, example_path
from stratege.strategy import load_strategy
from stratege.strategy.yamlio import to_plain
from tests.strategy.fuzzing import FAST, SLOW, load, load_and_check

NASTY_VALUES = [
    ".inf",
    "-.inf",
    ".nan",
    "1e400",
    "-1e400",
    "1e16",
    "9" * 40,
    "9" * 5000,
    "-0",
    "0x",
    "2027-02-30",
    "2027-13-01",
    "0001-01-01",
    "9999-12-31",
    "3500-06-30",
    "1999-12-31",
    "!!omap x",
    "!!set x",
    "!!bool 2027",
    "!!float",
    "!!int 0x",
    "!!binary aGk=",
    "!!python/object/apply:os.system ['true']",
    "!tag x",
    "!!str 12",
    "!!map x",
    "*a",
    "&a x",
    "&a [1, 2]",
    "[*a, *a]",
    "{<<: {x: 1}}",
    "{x: *a}",
    '"\\r\\nBEGIN:VEVENT"',
    '"\\x00\\x1b\\u0085\\x7f"',
    '"\\ud800"',
    '"a\\tb\\nc"',
    "ünïcödé ✓ 🥐 ‮",
    "'",
    '"',
    "[",
    "{",
    "]",
    "}",
    "[]",
    "{}",
    "[[[[[[[[]]]]]]]]",
    "null",
    "~",
    "yes",
    "no",
    "",
    "14",
    '"14:00"',
    "14:00",
    "25:99",
    "-1",
    "0",
    "1e15",
    "0.000001",
    "@handle",
    "%",
    "? x",
    "- x",
    "|",
    ">",
    "#",
    "x: y",
    "x: y: z",
]
NASTY_LINES = [
    "<<: {x: 1}",
    "anchor: &a [lol, lol]",
    "alias: *a",
    "? complex",
    "--- ",
    "...",
    "%YAML 1.1",
    "- item",
    "\t- tab",
    "x: !!omap [a: 1]",
    "language: en",
    "period: 3",
]


@functools.cache
def _text(name: str) -> str:
    return example_path(name).read_text(encoding="utf-8")


@functools.cache
def _data(name: str) -> dict[str, Any]:
    return to_plain(load_strategy(example_path(name)).tree)


# --- mutations ----------------------------------------------------------------------------

_VALUE = re.compile(r"(?P<key>[A-Za-z_][\w.-]*): (?P<value>[^,{}\[\]#\n]*)")


def _replace_value(lines: list[str], index: int, occurrence: int, token: str) -> None:
    """The n-th ``key: value`` of a line gets ``token`` as its value."""
    found = list(_VALUE.finditer(lines[index]))
    if found:
        match = found[occurrence % len(found)]
        line = lines[index]
        lines[index] = line[: match.start("value")] + token + line[match.end("value") :]


@functools.cache
def _values_of(name: str) -> list[str]:
    """Every value written in an example: moved elsewhere, often still valid, they reach
    the rules with combinations nobody wrote (an id where another is expected, a date)."""
    return sorted({m.group("value").strip() for m in _VALUE.finditer(_text(name))} - {""})


@st.composite
def text_mutation(draw: st.DrawFn, name: str) -> str:
    lines = _text(name).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["value", "value", "moved", "moved", "delete", "copy", "insert"])
        )
        if action in ("value", "moved"):
            nasty = st.one_of(st.sampled_from(NASTY_VALUES), st.text(max_size=12))
            token = draw(st.sampled_from(_values_of(name)) if action == "moved" else nasty)
            _replace_value(lines, index, draw(st.integers(0, 20)), token)
        elif action == "delete":
            del lines[index]
        elif action == "copy":
            lines.insert(index, lines[index])
        elif action == "insert":
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
            lines.insert(index, indent + draw(st.sampled_from(NASTY_LINES)))
        if draw(st.sampled_from([False] * 9 + [True])):  # a line indented differently
            lines[index] = draw(st.sampled_from(["  ", " ", ""])) + lines[index].lstrip(" ")
        if not lines:
            lines = [""]
    return "\n".join(lines)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.sampled_from([10**20, -(10**400), 1e308, float("inf"), float("nan")]),
    st.text(max_size=30),
    st.sampled_from(["\r", "\x00", "\x1b[31m", "\u0085", "a\nb", "14:00", "2027-02-30"]),
    st.dates(),
)
swapped = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, child in node.items():
            found.extend(_paths(child, (*prefix, key)))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found.extend(_paths(child, (*prefix, index)))
    return found


@st.composite
def data_mutation(draw: st.DrawFn, data: dict[str, Any]) -> str:
    """Keys deleted and values swapped for another type, written back as YAML."""
    data = json.loads(json.dumps(data, default=str))  # a deep copy; dates become text
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = functools.reduce(lambda node, part: node[part], path[:-1], data)
        if draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(swapped)
    buffer = io.StringIO()
    YAML(typ="safe").dump(data, buffer)
    return buffer.getvalue()


@st.composite
def mutated_file(draw: st.DrawFn) -> bytes:
    name = draw(st.sampled_from(example_names()))
    mutation = text_mutation(name) if draw(st.booleans()) else data_mutation(_data(name))
    text = draw(mutation)
    encoding = draw(st.sampled_from(["utf-8"] * 7 + ["utf-8-sig", "latin-1", "utf-16"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding, errors="replace")
    if draw(st.sampled_from([False] * 19 + [True])):  # cut anywhere (a partial upload)
        data = data[: draw(st.integers(1, len(data)))]
    return data


@FAST
@given(mutated_file())
def test_a_mutated_example_loads_or_says_where_it_is_wrong(data: bytes) -> None:
    load(data)


@FAST
@given(mutated_file())
def test_the_checks_run_on_every_mutated_example_that_loads(data: bytes) -> None:
    load_and_check(data)


@pytest.mark.slow
@SLOW
@given(mutated_file())
def test_many_mutated_examples_load_and_check(data: bytes) -> None:
    load_and_check(data)
