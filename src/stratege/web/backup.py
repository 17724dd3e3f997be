"""``stratege backup`` / ``restore``: the SQLite database copied while the application
runs (SQLite's online backup: a consistent copy, writers only wait), and put back.

A PostgreSQL database is backed up with its own tools: ``pg_dump`` / ``pg_restore``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

REQUIRED_TABLES = ("web_workspace", "web_strategyversion", "django_migrations")


class BackupRefused(RuntimeError):
    """Why a backup or a restore cannot be done (said to the user as it is)."""


def database_file(data: Path) -> Path:
    if os.environ.get("DATABASE_URL"):
        raise BackupRefused(
            "DATABASE_URL is set: back PostgreSQL up with pg_dump (pg_restore to restore)"
        )
    return data / "stratege.sqlite3"


def backup(data: Path, target: Path) -> Path:
    source = database_file(data)
    if not source.is_file():
        raise BackupRefused(f"no database in {data}")
    if target.exists():
        raise BackupRefused(f"{target} exists: choose another file name")
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    return target


def restore(data: Path, backup_file: Path) -> Path:
    """Replace the database by a backup, after checking it is one of Stratège's (the
    replaced database is kept beside it, ``.before-restore``)."""
    with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as copy:
        try:
            tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
            copy.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as error:
            raise BackupRefused(f"{backup_file} is not a SQLite database: {error}") from None
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise BackupRefused(f"{backup_file} is not a Stratège backup (no {', '.join(missing)})")
    target = database_file(data)
    data.mkdir(parents=True, exist_ok=True)
    if target.exists():  # kept, consistently (its write-ahead log included)
        before = target.with_suffix(".sqlite3.before-restore")
        before.unlink(missing_ok=True)
        with sqlite3.connect(target) as live, sqlite3.connect(before) as kept:
            live.backup(kept)
    # SQLite's backup into the live file: one transaction, the log handled by SQLite
    with sqlite3.connect(backup_file) as copy, sqlite3.connect(target) as live:
        copy.backup(live)
    return target
