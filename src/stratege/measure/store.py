"""The measurement store: one embedded DuckDB file per strategy.

One table per scope of the KPI catalogue (``post``, ``account``, ``message``, ``mention``,
``campaign``, ``site``), named after the scope, with one DOUBLE column per catalogue field
(empty = NULL) and the identity of each row: platform, account, owner ('own' or a
competitor's id), the strategy's channel when the account is one of its channels, and the
row's day. ``imports`` keeps the provenance of every file; ``post_history`` keeps the
figures a later export replaced (a post's "Lifetime" figures grow from one export to the
next). The KPI engine reads the same tables, on DuckDB or any other Ibis backend.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from stratege.knowledge.models import Knowledge
from stratege.measure.formats import IDENTITY

SCHEMA_VERSION = 1
SCOPES = ("post", "account", "message", "mention", "campaign", "site")
COMMON = ("platform", "account", "owner", "channel", "day")
_TYPES = {"published_at": "TIMESTAMP", "received_at": "TIMESTAMP", "day": "DATE"}
# Columns no file gives, written by the importer itself: the label the sentiment model gave
# a mention (``sentiment`` holds the label in force: a user's correction, else this one).
COMPUTED = {"mention": (("model_sentiment", "VARCHAR"),)}
# The columns that identify a row of each scope (besides platform and account).
KEYS = {
    "post": ("post_id",),
    "account": ("day",),
    "message": ("message_id",),
    "mention": ("mention_id",),
    "campaign": ("campaign", "day"),
    "site": ("day",),
}


class StoreBusy(RuntimeError):
    """Another process is writing the store."""


def metric_columns(knowledge: Knowledge, scope: str) -> list[str]:
    return [name for name, f in knowledge.fields.items() if f.scope == scope]


def table_columns(knowledge: Knowledge, scope: str) -> list[tuple[str, str]]:
    """(name, SQL type) of every column of a scope's table, in order."""
    names = [*COMMON, *(c for c in IDENTITY[scope] if c not in COMMON)]
    columns = [(n, _TYPES.get(n, "VARCHAR")) for n in names]
    columns += list(COMPUTED.get(scope, ()))
    columns += [(n, "DOUBLE") for n in metric_columns(knowledge, scope)]
    return [*columns, ("import_id", "INTEGER")]


# DuckDB's working memory: beyond it, a big import spills to a folder beside the store
# instead of growing (a million-row export then peaks under 800 MB, about 10 % slower).
MEMORY_LIMIT = "600MB"


def open_store(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """The store at ``path`` (created when writing and missing)."""
    try:
        return duckdb.connect(str(path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise StoreBusy(str(path)) from error
        raise


def ensure_schema(con: duckdb.DuckDBPyConnection, knowledge: Knowledge) -> None:
    """Create what is missing: tables, and columns a newer catalogue added (one look at the
    catalogue of the store, then only the statements needed: an import starts with this)."""
    existing = _existing_columns(con)
    for name, columns in _wanted(knowledge).items():
        _ensure_table(con, name, columns, existing.get(name, set()))
    if "store_info" not in existing:
        con.execute(
            "INSERT INTO store_info VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [str(SCHEMA_VERSION)],
        )


def schema_is_current(con: duckdb.DuckDBPyConnection, knowledge: Knowledge) -> bool:
    """Whether the store has every table and column of this version (a store written by an
    older Stratège lacks the newer ones, and reading it would fail on them)."""
    existing = _existing_columns(con)
    return all(
        {name for name, _ in columns} <= existing.get(table, set())
        for table, columns in _wanted(knowledge).items()
    )


def open_current(path: Path | str, knowledge: Knowledge) -> duckdb.DuckDBPyConnection:
    """The store at ``path``, read-only, brought up to this version's schema first when it
    is older (adding tables and empty columns only: nothing stored changes)."""
    con = open_store(path, read_only=True)
    if schema_is_current(con, knowledge):
        return con
    con.close()
    writer = open_store(path)
    try:
        ensure_schema(writer, knowledge)
    finally:
        writer.close()
    return open_store(path, read_only=True)


def _existing_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    return existing


def _wanted(knowledge: Knowledge) -> dict[str, list[tuple[str, str]]]:
    """Every table of the store and its columns, with their SQL types."""
    history = [
        ("platform", "VARCHAR"),
        ("account", "VARCHAR"),
        ("post_id", "VARCHAR"),
        ("replaced_at", "TIMESTAMP"),
        *[(n, "DOUBLE") for n in metric_columns(knowledge, "post")],
        ("import_id", "INTEGER"),
    ]
    return {
        "store_info": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
        "imports": IMPORTS,
        **{scope: table_columns(knowledge, scope) for scope in SCOPES},
        "post_history": history,
        # a user's label for a mention: kept across re-imports, and in force over the model's
        "sentiment_corrections": [
            ("platform", "VARCHAR"),
            ("mention_id", "VARCHAR"),
            ("label", "VARCHAR"),
            ("corrected_at", "TIMESTAMP"),
            ("note", "VARCHAR"),
        ],
    }


IMPORTS = [
    ("import_id", "INTEGER PRIMARY KEY"),
    ("file_name", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("format", "VARCHAR"),
    ("platform", "VARCHAR"),
    ("scope", "VARCHAR"),
    ("language", "VARCHAR"),
    ("owner", "VARCHAR"),
    ("accounts", "VARCHAR"),
    ("period_start", "DATE"),
    ("period_end", "DATE"),
    ("rows_read", "BIGINT"),
    ("rows_new", "BIGINT"),
    ("rows_updated", "BIGINT"),
    ("rows_unchanged", "BIGINT"),
    ("rows_rejected", "BIGINT"),
    ("imported_at", "TIMESTAMP"),
]


def _ensure_table(
    con: duckdb.DuckDBPyConnection,
    name: str,
    columns: Sequence[tuple[str, str]],
    existing: set[str],
) -> None:
    if not existing:
        body = ", ".join(f'"{n}" {t}' for n, t in columns)
        con.execute(f'CREATE TABLE IF NOT EXISTS "{name}" ({body})')
        return
    for column, sql_type in columns:
        if column not in existing:
            con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{column}" {sql_type}')


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: a failure (or a killed process) leaves the store as it was."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def imported_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[Any, ...]]:
    rows = con.execute(
        "SELECT content_hash, file_name, imported_at, owner FROM imports ORDER BY import_id"
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def next_import_id(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT coalesce(max(import_id), 0) + 1 FROM imports").fetchone()
    return int(row[0]) if row else 1


def refresh_account_days(
    con: duckdb.DuckDBPyConnection, accounts: Sequence[tuple[str, str]], planned: set[str]
) -> None:
    """Complete the day grid of accounts that have post rows: one account row per day from
    their first to their last known day, ``posts`` counted from the post rows,
    ``planned_channel`` 1 for a strategy channel, ``active_channel`` 1 for a day of a month
    in which the account published (the catalogue's convention: active in the period)."""
    if not accounts:
        return
    # A post's audience when it was published, from the account's daily followers: the
    # denominator of the per-follower engagement rates (competitors' exports lack reach).
    con.execute(
        """UPDATE post SET followers_at_post = a.followers FROM account a
        WHERE a.platform = post.platform AND a.account = post.account AND a.day = post.day
          AND a.followers IS NOT NULL
          AND post.followers_at_post IS DISTINCT FROM a.followers"""
    )
    con.execute("CREATE OR REPLACE TEMP TABLE touched (platform VARCHAR, account VARCHAR)")
    con.executemany("INSERT INTO touched VALUES (?, ?)", [list(a) for a in accounts])
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE post_days AS
        SELECT p.platform, p.account, any_value(p.owner) AS owner,
               any_value(p.channel) AS channel, p.day, count(*) AS posts
        FROM post p JOIN touched t USING (platform, account)
        GROUP BY ALL
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE grid AS
        WITH spans AS (
            SELECT platform, account, any_value(owner) AS owner,
                   any_value(channel) AS channel, min(day) AS first, max(day) AS last
            FROM (SELECT platform, account, owner, channel, day FROM post_days
                  UNION ALL
                  SELECT a.platform, a.account, a.owner, a.channel, a.day
                  FROM account a JOIN touched t USING (platform, account))
            GROUP BY platform, account
        ),
        with_posts AS (
            SELECT * FROM spans
            SEMI JOIN (SELECT DISTINCT platform, account FROM post_days) p
            USING (platform, account)
        ),
        expanded AS (
            SELECT platform, account, owner, channel,
                   unnest(generate_series(first, last, INTERVAL 1 DAY)) AS moment
            FROM with_posts
        )
        SELECT platform, account, owner, channel, CAST(moment AS DATE) AS day FROM expanded
        """
    )
    con.execute(
        """
        INSERT INTO account (platform, account, owner, channel, day)
        SELECT g.platform, g.account, g.owner, g.channel, g.day FROM grid g
        ANTI JOIN account a USING (platform, account, day)
        """
    )
    planned_list = sorted(planned)
    con.execute(
        """
        UPDATE account SET
            posts = coalesce(pd.posts, 0),
            planned_channel = CASE WHEN account.channel IN (SELECT unnest(?::VARCHAR[]))
                                   THEN 1 ELSE 0 END,
            active_channel = CASE WHEN am.month IS NULL THEN 0 ELSE 1 END
        FROM grid g LEFT JOIN post_days pd USING (platform, account, day)
             LEFT JOIN (SELECT DISTINCT platform, account, date_trunc('month', day) AS month
                        FROM post_days) am
             ON am.platform = g.platform AND am.account = g.account
            AND am.month = date_trunc('month', g.day)
        WHERE account.platform = g.platform AND account.account = g.account
          AND account.day = g.day
        """,
        [planned_list],
    )


def period_of(con: duckdb.DuckDBPyConnection, table: str) -> tuple[dt.date | None, dt.date | None]:
    row = con.execute(f'SELECT min(day), max(day) FROM "{table}"').fetchone()
    return (row[0], row[1]) if row else (None, None)
