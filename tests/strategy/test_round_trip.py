"""Comments and key order survive load → save; edits merge into the user's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratege.bundled import example_names, example_path
from stratege.strategy import dump_strategy, load_strategy, parse_strategy


def _comments(text: str) -> list[str]:
    return [line.split("#", 1)[1].strip() for line in text.splitlines() if "# " in line]


def _keys(text: str) -> list[str]:
    return [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]


@pytest.mark.parametrize("name", example_names())
def test_saving_keeps_comments_key_order_and_content(name: str, tmp_path: Path) -> None:
    original = example_path(name).read_text(encoding="utf-8")
    document = load_strategy(example_path(name))
    document.save(tmp_path / "out.yaml")
    saved = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert _comments(saved) == _comments(original)
    assert _keys(saved) == _keys(original)
    assert load_strategy(tmp_path / "out.yaml").strategy == document.strategy


def test_saving_the_french_example_gives_it_back_byte_for_byte(tmp_path: Path) -> None:
    original = example_path("boulangeries-martin").read_text(encoding="utf-8")
    load_strategy(example_path("boulangeries-martin")).save(tmp_path / "out.yaml")
    assert (tmp_path / "out.yaml").read_text(encoding="utf-8") == original


def test_an_update_keeps_comments_and_changes_only_the_value() -> None:
    document = load_strategy(example_path("boulangeries-martin"))
    before = document.dumps()
    people = document.strategy.resources.people
    people[0] = people[0].model_copy(update={"hours_per_week": 30})
    document.update(document.strategy)
    after = document.dumps()
    assert "# --- Question 8 : quels seront vos moyens ?" in after
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [("      hours_per_week: 28", "      hours_per_week: 30")]


def test_a_dumped_strategy_loads_back_equal() -> None:
    strategy = load_strategy(example_path("boulangeries-martin")).strategy
    again = parse_strategy(dump_strategy(strategy)).strategy
    assert again == strategy


def test_schema_version_is_written_and_checked() -> None:
    strategy = load_strategy(example_path("boulangeries-martin")).strategy
    assert dump_strategy(strategy).startswith("schema_version: 1\n")
