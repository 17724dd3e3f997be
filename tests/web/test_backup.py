"""`stratege backup` and `restore` through the real command line, on a real database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

STRATEGE = [sys.executable, "-m", "stratege.cli.app"]


def _run(*arguments: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["STRATEGE_INSECURE_HTTP"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "stratege.web", "--data", str(data), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _names(database: Path) -> list[str]:
    with sqlite3.connect(database) as con:
        return [r[0] for r in con.execute("SELECT name FROM web_workspace ORDER BY name")]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert _run("manage", "migrate", "-v", "0", data=folder).returncode == 0
    with sqlite3.connect(folder / "stratege.sqlite3") as con:
        con.execute(
            "INSERT INTO web_workspace (slug, name, created_at, ics_token) "
            "VALUES ('a', 'Avant', '2027-01-01', 't1')"
        )
    return folder


def test_a_backup_restores_the_database_as_it_was(data: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    done = _run("backup", str(copy), data=data)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(data / "stratege.sqlite3") as con:
        con.execute("UPDATE web_workspace SET name = 'Après'")
    assert _names(data / "stratege.sqlite3") == ["Après"]
    restored = _run("restore", str(copy), data=data)
    assert restored.returncode == 0, restored.stderr
    assert _names(data / "stratege.sqlite3") == ["Avant"]
    assert _names(data / "stratege.sqlite3.before-restore") == ["Après"]


def test_a_backup_never_overwrites_a_file(data: Path, tmp_path: Path) -> None:
    existing = tmp_path / "exists.sqlite3"
    existing.write_bytes(b"precious")
    refused = _run("backup", str(existing), data=data)
    assert refused.returncode == 2 and "exists" in refused.stderr
    assert existing.read_bytes() == b"precious"


def test_a_file_that_is_no_backup_is_refused_and_changes_nothing(
    data: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t (x)")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    for wrong in (other, garbage):
        refused = _run("restore", str(wrong), data=data)
        assert refused.returncode == 2, refused.stderr
    assert _names(data / "stratege.sqlite3") == ["Avant"]
