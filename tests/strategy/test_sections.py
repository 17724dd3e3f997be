"""Editing a strategy one question at a time: the sections' text with their comments, and
the whole file with those sections replaced — everything else byte for byte."""

from __future__ import annotations

import pytest

from stratege.services import strategies
from stratege.strategy import StrategyFileError
from stratege.strategy.sections import SectionRefused, sections_text, with_sections

TEXT = strategies.example_text("boulangeries-martin")


def test_the_text_of_sections_keeps_their_comments_and_order() -> None:
    part = sections_text(TEXT, ["channels", "audiences"])
    assert part.index("audiences:") < part.index("channels:")  # the file's order
    assert "#" in part
    assert "cadence:" not in part


def test_replacing_sections_by_their_own_text_changes_nothing() -> None:
    for keys in (["cadence"], ["audiences", "channels"], ["organisation"]):
        assert with_sections(TEXT, sections_text(TEXT, keys), keys) == TEXT


def test_an_edit_changes_its_sections_only() -> None:
    edited = sections_text(TEXT, ["cadence"]).replace("posts: 1\n", "posts: 3\n", 1) + "# new\n"
    result = with_sections(TEXT, edited, ["cadence"])
    assert sections_text(result, ["cadence"]) == edited
    for keys in (["organisation"], ["kpis"], ["resources"], ["occasions"]):
        assert sections_text(result, keys) == sections_text(TEXT, keys)


def test_a_section_left_out_is_removed_and_a_new_one_goes_in_the_method_order() -> None:
    without = with_sections(TEXT, "", ["occasions"])
    assert "occasions:" not in without
    back = with_sections(without, sections_text(TEXT, ["occasions"]), ["occasions"])
    assert strategies.parse(back).strategy == strategies.parse(TEXT).strategy
    assert back.index("advertising:") < back.index("occasions:")


def test_another_question_s_section_is_refused() -> None:
    with pytest.raises(SectionRefused) as refused:
        with_sections(TEXT, "kpis: []\ncadence: []\n", ["cadence"])
    assert refused.value.keys == ["kpis"]


@pytest.mark.parametrize("edited", ["cadence: [\n", "- a list\n", "cadence: &a []\n"])
def test_text_that_is_not_a_mapping_of_sections_is_a_located_problem(edited: str) -> None:
    with pytest.raises(StrategyFileError):
        with_sections(TEXT, edited, ["cadence"])
