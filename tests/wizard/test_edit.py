"""`stratege init FILE` on an existing strategy reopens it: its answers are the suggestions,
what the wizard does not ask is kept, and so are the file's comments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer

from stratege.bundled import example_names, example_path
from stratege.cli.wizard import run_init
from stratege.strategy import load_strategy
from tests.wizard.scripted import ScriptedConsole

COMMENT = "# Stratégie validée en comité le 12 octobre\n"


def copy_of(name: str, folder: Path) -> Path:
    path = folder / f"{name}.yaml"
    shutil.copy(example_path(name), path)
    return path


@pytest.mark.parametrize("name", example_names())
def test_pressing_enter_throughout_leaves_the_file_as_it_was(name: str, tmp_path: Path) -> None:
    path = copy_of(name, tmp_path)
    before = path.read_text(encoding="utf-8")
    console = ScriptedConsole()
    run_init(console, path, None, force=False)
    assert path.read_text(encoding="utf-8") == before
    assert "Strat" in console.transcript  # it did go through the questions


def test_a_changed_answer_changes_only_that_and_keeps_the_comments(tmp_path: Path) -> None:
    path = copy_of("boulangeries-martin", tmp_path)
    path.write_text(COMMENT + path.read_text(encoding="utf-8"), encoding="utf-8")
    original = load_strategy(path).strategy
    rules = [
        ("contient déjà la stratégie de Boulangeries Martin. La modifier", ""),
        ("Nom de l’organisation (Boulangeries Martin)", "Boulangeries Martin & fils"),
        ("Facebook : publications (référence", "2 par jour"),
    ]
    console = ScriptedConsole(rules)
    run_init(console, path, None, force=False)
    console.assert_all_used()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(COMMENT)
    edited = load_strategy(path).strategy
    assert edited.organisation.name == "Boulangeries Martin & fils"
    assert edited.cadence_of("facebook").posts == 2 and edited.cadence_of("facebook").per == "day"
    same = {"organisation", "cadence"}
    for section in set(type(original).model_fields) - same:
        assert getattr(edited, section) == getattr(original, section), section
    assert edited.occasions == original.occasions and original.occasions  # never asked, kept


def test_a_list_item_can_be_removed_with_a_dash(tmp_path: Path) -> None:
    path = copy_of("boulangeries-martin", tmp_path)
    original = load_strategy(path).strategy
    first = original.audit.competitors[0].name
    run_init(
        ScriptedConsole([(f"Concurrent n° 1 (- pour le retirer) ({first})", "-")]),
        path,
        None,
        False,
    )
    edited = load_strategy(path).strategy
    assert [c.id for c in edited.audit.competitors] == [
        c.id for c in original.audit.competitors[1:]
    ]
    gone = original.audit.competitors[0].id
    assert all(a.owner != gone for a in edited.audit.accounts)  # its accounts went with it


def test_declining_to_edit_leaves_the_file_alone_and_asks_nothing_else(tmp_path: Path) -> None:
    path = copy_of("northwind-analytics", tmp_path)
    before = path.read_text(encoding="utf-8")
    console = ScriptedConsole([("already holds the strategy of Northwind", "n")])
    with pytest.raises(typer.Exit) as refused:
        run_init(console, path, None, force=False)
    assert refused.value.exit_code == 2
    assert "already exists: choose another file or add --force" in console.transcript
    assert len(console.prompts) == 1 and path.read_text(encoding="utf-8") == before


def test_force_starts_afresh_over_the_file(tmp_path: Path) -> None:
    path = copy_of("northwind-analytics", tmp_path)
    rules = [("Name of the organisation", "ACME"), ("Business goal no. 1", "Grow"),
             ("Target by", "9")]  # fmt: skip
    console = ScriptedConsole(rules)
    run_init(console, path, "en", force=True)
    console.assert_all_used()
    assert "Northwind" not in console.transcript
    assert load_strategy(path).strategy.organisation.name == "ACME"


def test_a_file_that_is_not_a_strategy_is_refused_before_any_question(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("- shopping\n- list\n", encoding="utf-8")
    console = ScriptedConsole()
    with pytest.raises(typer.Exit) as refused:
        run_init(console, path, "en", force=False)
    assert refused.value.exit_code == 2
    assert "cannot be read as a strategy" in console.transcript and "--force" in console.transcript
    assert console.prompts == [] and path.read_text(encoding="utf-8") == "- shopping\n- list\n"


def test_with_nobody_to_answer_an_existing_file_is_refused_not_overwritten(
    tmp_path: Path,
) -> None:
    path = copy_of("mairie-rives", tmp_path)
    before = path.read_text(encoding="utf-8")
    console = ScriptedConsole(then_stop=True)
    with pytest.raises(typer.Exit) as refused:
        run_init(console, path, "en", force=False)
    assert refused.value.exit_code == 2 and "already exists" in console.transcript
    assert path.read_text(encoding="utf-8") == before
