"""Where the strategy goes: checked before the first question, and never lost at the end."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
import typer

from stratege.cli import wizard as cli_wizard
from stratege.cli.wizard import run_init
from stratege.strategy import load_strategy
from stratege.wizard.answers import Invalid
from stratege.wizard.target import check_target, write_text
from tests.wizard.scripted import ScriptedConsole, plain

ANSWERS = [
    ("Name of the organisation", "ACME"),
    ("Business goal no. 1", "Grow"),
    ("Target by", "9"),
]
FIRST_QUESTION = "General frame"


def reason_for(path: Path, replace: bool = False) -> str:
    with pytest.raises(Invalid) as error:
        check_target(path, replace)
    return plain(error.value.text("en"))


def test_a_missing_folder_is_reported_before_the_first_question_and_another_path_asked(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "strategy.yaml"
    console = ScriptedConsole([("Where should the strategy be written?", str(elsewhere)), *ANSWERS])
    run_init(console, tmp_path / "missing" / "strategy.yaml", "en", force=False)
    console.assert_all_used()
    shown = console.transcript
    problem = shown.index(f"The folder {tmp_path / 'missing'} does not exist.")
    assert (
        problem < shown.index("Where should the strategy be written?") < shown.index(FIRST_QUESTION)
    )
    assert load_strategy(elsewhere).strategy.organisation.name == "ACME"
    assert f"Strategy written to {elsewhere}." in shown


def test_a_target_that_cannot_be_used_is_named_with_the_reason(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("x", encoding="utf-8")
    assert reason_for(file / "strategy.yaml") == f"{file} is not a folder."
    assert reason_for(tmp_path).startswith(f"{tmp_path} is a folder: give a file name")
    assert reason_for(file) == f"{file} already exists: choose another name."
    assert check_target(file, replace=True) == file


@pytest.mark.skipif(os.geteuid() == 0, reason="permission bits do not stop root")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        assert (
            reason_for(folder / "s.yaml")
            == f"Stratège cannot write to {folder / 's.yaml'}: permission denied."
        )
    finally:
        folder.chmod(0o700)


def test_an_unwritable_folder_is_reported_before_the_first_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_open = Path.open

    def refuse_in_locked(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.parent == locked:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse_in_locked)
    elsewhere = tmp_path / "strategie.yaml"
    console = ScriptedConsole([("Où écrire la stratégie", str(elsewhere)), ("Langue", "1")])
    console.rules += [("Nom de l’organisation", "ACME"), ("But de l’organisation n° 1", "Croître"),
                      ("Valeur visée", "9")]  # fmt: skip
    run_init(console, locked / "strategie.yaml", "fr", force=False)
    shown = console.transcript
    problem = f"Stratège ne peut pas écrire {locked / 'strategie.yaml'} : permission refusée."
    assert shown.index(problem) < shown.index("Cadre général")
    assert elsewhere.exists()


def test_when_writing_fails_at_the_end_another_path_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    calls: list[Path] = []

    def full_disk_once(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        write_text(path, text)

    monkeypatch.setattr(cli_wizard, "write_text", full_disk_once)
    console = ScriptedConsole([*ANSWERS, ("Where should the strategy be written?", str(second))])
    run_init(console, first, "en", force=False)
    console.assert_all_used()
    assert f"The strategy could not be written to {first}: the disk is full." in console.transcript
    assert calls == [first, second] and not first.exists()
    assert load_strategy(second).strategy.organisation.name == "ACME"


def test_when_no_path_works_the_answers_are_kept_in_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rescue = tmp_path / "tmp"
    rescue.mkdir()
    monkeypatch.setattr(cli_wizard.tempfile, "gettempdir", lambda: str(rescue))
    real_write = cli_wizard.write_text

    def fail_outside_rescue(path: Path, text: str) -> None:
        if path.parent != rescue:
            raise PermissionError(errno.EACCES, "Permission denied")
        real_write(path, text)

    monkeypatch.setattr(cli_wizard, "write_text", fail_outside_rescue)
    # Enter at the first "where?", then no answer at all: the answers must not be lost
    console = ScriptedConsole([*ANSWERS, ("Where should the strategy be written?", "")], True)
    with pytest.raises(typer.Exit) as stopped:
        run_init(console, tmp_path / "strategy.yaml", "en", force=False)
    assert stopped.value.exit_code == 1
    [kept] = rescue.glob("stratege-*.yaml")
    assert load_strategy(kept).strategy.organisation.name == "ACME"
    assert f"Your answers are safe in {kept}" in console.transcript


def test_writing_replaces_a_file_in_one_go_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["s.yaml"]  # no temporary file left
