"""Writing files safely: what write_files refuses, and what it cleans up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stratege.services.errors import OutputRefused
from stratege.services.outputs import MANIFEST, write_files


def test_it_writes_files_and_remembers_them(tmp_path: Path) -> None:
    written = write_files(tmp_path, {"a.txt": b"a", "sub/b.txt": b"b"})
    assert [p.name for p in written.paths] == ["a.txt", "b.txt"]
    assert (tmp_path / "sub" / "b.txt").read_bytes() == b"b"
    assert "sub/b.txt" in (tmp_path / MANIFEST).read_text()
    assert not [p for p in tmp_path.rglob(".*") if p.name != MANIFEST]  # no temporary left


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/passwd", ""])
def test_it_refuses_names_outside_the_folder(name: str, tmp_path: Path) -> None:
    with pytest.raises(OutputRefused):
        write_files(tmp_path / "out", {name: b"x"})
    assert not (tmp_path / "escape.txt").exists()


def test_it_refuses_a_foreign_file_before_writing_anything(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"someone's")
    with pytest.raises(OutputRefused) as refused:
        write_files(tmp_path, {"a.txt": b"a", "b.txt": b"b"})
    assert refused.value.code == "foreign_files" and "--force" in refused.value.message("en")
    assert not (tmp_path / "a.txt").exists()
    assert (tmp_path / "b.txt").read_bytes() == b"someone's"


def test_a_foreign_file_with_the_same_content_is_not_a_conflict(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"a")
    assert write_files(tmp_path, {"a.txt": b"a"}).paths


def test_force_overwrites_a_foreign_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"someone's")
    write_files(tmp_path, {"a.txt": b"new"}, force=True)
    assert (tmp_path / "a.txt").read_bytes() == b"new"


def test_its_own_files_are_rewritten_and_stale_ones_removed(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.txt": b"1", "part2.txt": b"2"})
    result = write_files(tmp_path, {"a.txt": b"changed"})
    assert (tmp_path / "a.txt").read_bytes() == b"changed"
    assert not (tmp_path / "part2.txt").exists() and result.removed


def test_a_stale_file_changed_by_someone_is_kept(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.txt": b"1", "notes.txt": b"2"})
    (tmp_path / "notes.txt").write_bytes(b"my notes")
    result = write_files(tmp_path, {"a.txt": b"1"})
    assert (tmp_path / "notes.txt").read_bytes() == b"my notes"
    assert result.kept == [tmp_path / "notes.txt"]


def test_only_stale_files_under_the_owned_prefix_are_removed(tmp_path: Path) -> None:
    write_files(tmp_path, {"plan/x.csv": b"1", "fr/doc.html": b"2"})
    write_files(tmp_path, {"plan/y.csv": b"3"}, owned_prefix="plan/")
    assert (tmp_path / "fr" / "doc.html").exists() and not (tmp_path / "plan" / "x.csv").exists()


def test_it_never_writes_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(b"precious")
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(target, out / "a.txt")
    with pytest.raises(OutputRefused) as refused:
        write_files(out, {"a.txt": b"x"}, force=True)
    assert refused.value.code == "symlink"
    assert target.read_bytes() == b"precious"


def test_it_never_writes_the_protected_input(tmp_path: Path) -> None:
    strategy = tmp_path / "s.yaml"
    strategy.write_text("organisation: …", encoding="utf-8")
    with pytest.raises(OutputRefused) as refused:
        write_files(tmp_path, {"s.yaml": b"<html>"}, protected=[strategy], force=True)
    assert refused.value.code == "would_overwrite_input"
    assert strategy.read_text(encoding="utf-8") == "organisation: …"
