"""Sections written back from plain values: what did not change stays byte for byte."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest

from stratege.services import strategies
from stratege.strategy.section_values import same, section_values, with_section_values
from stratege.strategy.sections import ORDER

EXAMPLES = strategies.examples()
BAKERY = strategies.example_text("boulangeries-martin")


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.mark.parametrize("name", EXAMPLES)
def test_it_writes_an_unchanged_example_back_byte_for_byte(name: str) -> None:
    text = strategies.example_text(name)
    assert with_section_values(text, section_values(text, ORDER)) == text


def test_it_reads_dates_as_dates_and_numbers_as_numbers() -> None:
    values = section_values(BAKERY, ["period", "resources"])
    assert values["period"]["start"] == dt.date(2027, 1, 1)
    person = values["resources"]["people"][0]
    assert person["hours_per_week"] == 28 and isinstance(person["hours_per_week"], int)
    assert type(person["name"]) is str


def test_changing_one_scalar_changes_only_its_line_and_keeps_its_comment() -> None:
    values = section_values(BAKERY, ["cadence"])
    values["cadence"][0]["reviews_per_week"] = 5
    after = with_section_values(BAKERY, values)
    assert _changed_lines(BAKERY, after) == [
        "-    reviews_per_week: 4   # avis laissés sur la page Facebook des boutiques",
        "+    reviews_per_week: 5   # avis laissés sur la page Facebook des boutiques",
    ]


def test_a_quoted_string_stays_quoted() -> None:
    values = section_values(BAKERY, ["organisation"])
    values["organisation"]["business_goals"][0]["horizon"] = "2028"
    after = with_section_values(BAKERY, values)
    assert _changed_lines(BAKERY, after) == ['-      horizon: "2027"', '+      horizon: "2028"']
    assert strategies.parse(after).strategy.organisation.business_goals[0].horizon == "2028"


def test_removing_a_row_removes_only_its_lines() -> None:
    values = section_values(BAKERY, ["resources"])
    lea = values["resources"]["people"].pop(2)
    after = with_section_values(BAKERY, values)
    removed = _changed_lines(BAKERY, after)
    assert all(line.startswith("-") for line in removed) and len(removed) == 6
    assert lea["name"] in removed[1]


def test_an_added_row_is_written_like_its_siblings() -> None:
    values = section_values(BAKERY, ["resources"])
    values["resources"]["tools"].append({"name": "Figma", "category": "creation"})
    values["resources"]["people"].append(
        {"id": "zoe", "name": "Zoé", "hours_per_week": 3.5, "skills": ["copywriting"]}
    )
    after = with_section_values(BAKERY, values)
    added = _changed_lines(BAKERY, after)
    assert "+    - {name: Figma, category: creation}" in added
    assert "+      skills: [copywriting]" in added and "+      hours_per_week: 3.5" in added
    assert all(line.startswith("+") for line in added)
    document = strategies.parse(after)
    assert document.strategy.resources.people[-1].hours_per_week == 3.5


def test_a_removed_last_key_leaves_the_next_sections_heading() -> None:
    values = section_values(BAKERY, ["resources"])
    del values["resources"]["budget"]["other"]
    after = with_section_values(BAKERY, values)
    assert _changed_lines(BAKERY, after) == ["-    other: 0"]
    assert "# --- Question 9" in after


def test_a_single_value_standing_for_a_list_is_kept_as_written() -> None:
    values = section_values(BAKERY, ["responsibilities"])
    row = values["responsibilities"][0]
    assert row["accountable"] == "julie"
    row["accountable"] = ["julie"]
    assert with_section_values(BAKERY, values) == BAKERY


def test_a_section_is_added_in_the_methods_order_and_removed_with_none() -> None:
    text = "period: {start: 2027-01-01, end: 2027-12-31}\norganisation: {name: X}\n"
    added = with_section_values(text, {"cadence": [{"channel": "fb", "posts": 1}]})
    assert added.index("cadence") > added.index("organisation")
    assert with_section_values(added, {"cadence": None}) == text


def test_equal_means_equal_values_not_equal_python() -> None:
    assert same(1, 1.0) and not same(True, 1) and not same("1", 1)
    assert not same(dt.date(2027, 1, 1), "2027-01-01")
