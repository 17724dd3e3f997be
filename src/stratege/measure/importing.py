"""`stratege import`: exports → the store, recognised, checked, atomic and idempotent.

For each file: recognise the format from its headers, load its rows as text into DuckDB,
read every cell by its column's type in one SQL statement, report the bad cells (file, row,
column, value, what was expected), then merge the good rows into the scope's table. All the
files of one import are one transaction: a refused file, an error or a killed process leaves
the store exactly as it was. A file already imported (same bytes) adds nothing; a later
export of the same posts updates their figures and keeps the replaced ones in
``post_history``.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from stratege.i18n import Lang
from stratege.knowledge.models import Knowledge
from stratege.measure import cleaning
from stratege.measure.detect import Detection, NotRecognised, detect
from stratege.measure.errors import MeasureError, expected_text
from stratege.measure.formats import DATED_BY, FormatSpec, known_formats
from stratege.measure.reading import (
    UnreadableFile,
    read_sheets,
    transcode_to_utf8,
    write_rows_csv,
)
from stratege.measure.store import (
    KEYS,
    ensure_schema,
    imported_hashes,
    metric_columns,
    next_import_id,
    refresh_account_days,
    table_columns,
    transaction,
)
from stratege.strategy.model import Strategy

DECIMAL = {"fr": ",", "en": "."}
MAX_REPORTED = 1000  # bad cells listed in a report (all are counted)
PAUSE_HOOK = "STRATEGE_TEST_PAUSE_IMPORT"  # tests: pause before commit, to kill the process


@dataclass(frozen=True)
class ImportOptions:
    account: str | None = None
    competitor: str | None = None
    skip_bad_rows: bool = False
    year: int | None = None
    mapping: FormatSpec | None = None
    decimal: str | None = None  # the mapping's decimal separator


@dataclass(frozen=True)
class BadCell:
    file: str
    row: int
    column: str
    value: str
    expected: str

    def describe(self, lang: Lang) -> str:
        value = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        return (
            f"{self.file}:{self.row}:{self.column} {value!r} → {expected_text(self.expected, lang)}"
        )


@dataclass
class FileOutcome:
    file: str
    format: str = ""
    tool: str = ""
    platform: str = ""
    scope: str = ""
    language: str = ""
    owner: str = "own"
    accounts: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    first_day: str | None = None
    last_day: str | None = None
    rows_read: int = 0
    rows_new: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    rows_rejected: int = 0
    already_imported: bool = False
    rejected: list[BadCell] = field(default_factory=list)

    def record(self) -> dict[str, object]:
        """The JSON form of ``stratege import --format json``."""
        return {
            "file": self.file,
            "format": self.format,
            "tool": self.tool,
            "platform": self.platform,
            "scope": self.scope,
            "language": self.language,
            "owner": self.owner,
            "accounts": self.accounts,
            "channels": self.channels,
            "period": [self.first_day, self.last_day],
            "rows": {
                "read": self.rows_read,
                "new": self.rows_new,
                "updated": self.rows_updated,
                "unchanged": self.rows_unchanged,
                "rejected": self.rows_rejected,
            },
            "already_imported": self.already_imported,
            "rejected": [
                {"row": c.row, "column": c.column, "value": c.value, "expected": c.expected}
                for c in self.rejected
            ],
        }


def import_files(
    con: duckdb.DuckDBPyConnection,
    strategy: Strategy,
    knowledge: Knowledge,
    paths: Sequence[Path],
    options: ImportOptions = ImportOptions(),
) -> list[FileOutcome]:
    """Import every file, all or nothing; raise :class:`MeasureError` when one is refused."""
    owner = _owner(strategy, options.competitor)
    ensure_schema(con, knowledge)
    outcomes: list[FileOutcome] = []
    with tempfile.TemporaryDirectory(prefix="stratege-import-") as work, transaction(con):
        seen = imported_hashes(con)
        touched: set[tuple[str, str]] = set()
        for number, path in enumerate(paths):
            digest = _hash(path, owner, options)
            if digest in seen:
                outcomes.append(FileOutcome(path.name, owner=owner, already_imported=True))
                continue
            outcome, accounts = _import_one(
                con, strategy, knowledge, path, options, owner, Path(work) / f"f{number}.csv"
            )
            _record(con, outcome, digest)
            seen[digest] = (path.name,)
            touched |= accounts
            outcomes.append(outcome)
        refresh_account_days(con, sorted(touched), {c.id for c in strategy.channels})
        if os.environ.get(PAUSE_HOOK):
            Path(os.environ[PAUSE_HOOK]).write_text("ready", encoding="utf-8")
            time.sleep(60)
    return outcomes


def _owner(strategy: Strategy, competitor: str | None) -> str:
    if not competitor:
        return "own"
    wanted = _handle_key(competitor)
    for known in strategy.audit.competitors:
        if wanted in (_handle_key(known.id), _handle_key(known.name)):
            return known.id
    names = ", ".join(c.id for c in strategy.audit.competitors) or "—"
    raise MeasureError("unknown_competitor", name=competitor, names=names)


def _hash(path: Path, owner: str, options: ImportOptions) -> str:
    """The file's bytes and whose data they are: the same file imported as a competitor's
    is another import."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    digest.update(f"\0{owner}\0{options.account or ''}".encode())
    return digest.hexdigest()


def _import_one(
    con: duckdb.DuckDBPyConnection,
    strategy: Strategy,
    knowledge: Knowledge,
    path: Path,
    options: ImportOptions,
    owner: str,
    scratch: Path,
) -> tuple[FileOutcome, set[tuple[str, str]]]:
    try:
        return _read_one(con, strategy, knowledge, path, options, owner, scratch)
    except UnreadableFile as error:
        raise MeasureError(
            "unreadable", file=path.name, reason=error.reason, reason_values=error.values
        ) from error


def _read_one(
    con: duckdb.DuckDBPyConnection,
    strategy: Strategy,
    knowledge: Knowledge,
    path: Path,
    options: ImportOptions,
    owner: str,
    scratch: Path,
) -> tuple[FileOutcome, set[tuple[str, str]]]:
    try:
        sheets = read_sheets(path)
        specs = [options.mapping] if options.mapping else list(known_formats().values())
        found = detect(sheets, specs)
    except NotRecognised as error:
        raise MeasureError(
            "not_recognised",
            file=path.name,
            formats=", ".join(sorted(known_formats())),
            headers=", ".join(error.headers[:12]) or "—",
        ) from error
    spec = found.spec
    decimal = options.decimal or DECIMAL.get(found.language, ".")
    outcome = FileOutcome(
        path.name, spec.id, spec.tool, spec.platform or "", spec.scope, found.language, owner
    )
    _load_raw(con, found, scratch, decimal)
    first_row = found.header_index + 2 + spec.skip_rows
    year = options.year
    if spec.year and year is None:
        example = _first_value(con, found, DATED_BY[spec.scope])
        raise MeasureError("needs_year", file=path.name, example=example)
    expressions = _cell_expressions(spec, found, decimal, year)
    bad = _bad_cells(con, spec, found, expressions, path.name, first_row)
    total_bad_rows = len({cell.row for cell in bad})
    if bad and not options.skip_bad_rows:
        raise MeasureError("bad_cells", file=path.name, count=len(bad), cells=bad[:20])
    outcome.rows_read = _count(con, "SELECT count(*) FROM raw")
    outcome.rejected = bad[:MAX_REPORTED]
    outcome.rows_rejected = total_bad_rows
    _stage(con, spec, found, expressions, {c.row - first_row for c in bad})
    accounts = _identify(con, strategy, spec, found, options, owner, path.name)
    import_id = next_import_id(con)
    new, updated, unchanged = _merge(con, knowledge, spec.scope, import_id)
    outcome.rows_new, outcome.rows_updated, outcome.rows_unchanged = new, updated, unchanged
    row = con.execute("SELECT min(day), max(day) FROM staged").fetchone()
    if row and row[0] is not None:
        outcome.first_day, outcome.last_day = row[0].isoformat(), row[1].isoformat()
    outcome.accounts = sorted({a for _, a in accounts})
    outcome.channels = sorted(
        {
            r[0]
            for r in con.execute(
                "SELECT DISTINCT channel FROM staged WHERE channel IS NOT NULL"
            ).fetchall()
        }
    )
    outcome.platform = outcome.platform or ",".join(sorted({p for p, _ in accounts}))
    return outcome, (accounts if spec.scope in ("post", "account") else set())


def _load_raw(
    con: duckdb.DuckDBPyConnection, found: Detection, scratch: Path, decimal: str
) -> None:
    """The data rows as text, in a temporary table ``raw`` (c0, c1…, and _row from 0)."""
    sheet, spec = found.sheet, found.spec
    width = max(len(found.headers), 1)
    skip = 0
    if sheet.path is not None:
        source = sheet.path
        if sheet.encoding not in ("utf-8", "utf-8-sig"):
            try:
                transcode_to_utf8(sheet.path, sheet.encoding, scratch)
            except UnicodeDecodeError as error:
                raise UnreadableFile("bad_encoding") from error
            source = scratch
        skip = sheet.data_lines_after(found.header_index) + spec.skip_rows
    else:
        write_rows_csv(sheet.cells[found.header_index + 1 + spec.skip_rows :], scratch, decimal)
        source = scratch
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
    delimiter = sheet.delimiter if sheet.path is not None else ","

    def load(padded: bool) -> None:
        # Short rows are padded with empty cells; DuckDB only does that reading on one thread
        # when quoted cells hold line breaks, so the fast parallel read is tried first.
        options = "null_padding = true, parallel = false" if padded else "null_padding = false"
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE raw AS
            SELECT row_number() OVER () - 1 AS _row, * FROM read_csv(
                {cleaning.quote(str(source))}, header = false, skip = {skip},
                delim = {cleaning.quote(delimiter)}, quote = '"', escape = '"',
                columns = {columns}, auto_detect = false, {options},
                strict_mode = false, encoding = 'utf-8')"""
        )

    try:
        try:
            load(padded=False)
        except duckdb.Error:
            load(padded=True)
    except duckdb.Error as error:
        text = str(error)
        if "unicode" in text.lower() or "utf-8" in text.lower():
            raise UnreadableFile("bad_encoding") from error
        raise UnreadableFile("bad_csv", detail=text.splitlines()[0][:200]) from error


def _cell_expressions(
    spec: FormatSpec, found: Detection, decimal: str, year: int | None
) -> dict[str, tuple[str, str, str]]:
    """canonical column → (SQL value, raw column, type) for the columns the file has."""
    result: dict[str, tuple[str, str, str]] = {}
    for name, position in found.columns.items():
        column = spec.columns[name]
        raw = f"c{position}"
        if column.type in ("number", "percent"):
            sql = cleaning.number(raw, decimal)
        elif column.type == "duration":
            sql = cleaning.duration(raw, decimal)
        elif column.type in ("datetime", "date"):
            formats = column.formats.get(found.language) or next(iter(column.formats.values()), [])
            sql = cleaning.timestamp(raw, formats, year)
        elif column.type == "category":
            sql = cleaning.category(raw, column.map)
        else:
            sql = cleaning.text(raw)
        result[name] = (sql, raw, column.type)
    return result


def _bad_cells(
    con: duckdb.DuckDBPyConnection,
    spec: FormatSpec,
    found: Detection,
    expressions: dict[str, tuple[str, str, str]],
    file: str,
    first_row: int,
) -> list[BadCell]:
    checks = []
    for name, (sql, raw, kind) in expressions.items():
        header = cleaning.quote(found.headers[int(raw[1:])])
        if kind in ("number", "percent", "duration", "datetime", "date"):
            condition = f"NOT {cleaning.is_empty(raw)} AND ({sql}) IS NULL"
            checks.append(f"SELECT _row, {header}, {raw}, '{kind}' FROM raw WHERE {condition}")
        if spec.columns[name].required:
            checks.append(
                f"SELECT _row, {header}, coalesce({raw}, ''), 'required' FROM raw "
                f"WHERE {cleaning.is_empty(raw)} AND NOT ({_skipped(spec)})"
            )
    if not checks:
        return []
    query = " UNION ALL ".join(checks)
    rows = con.execute(
        f"SELECT * FROM ({query}) "
        f"WHERE NOT _row IN (SELECT _row FROM raw WHERE {_skipped(spec)}) ORDER BY 1"
    ).fetchall()
    return [BadCell(file, first_row + r[0], r[1], str(r[2]), r[3]) for r in rows]


def _skipped(spec: FormatSpec) -> str:
    """SQL: a row that is not data (empty, or a Total row)."""
    markers = [cleaning.quote(v.casefold()) for v in spec.skip_values]
    total = f"lower(trim(c0)) IN ({', '.join(markers)})" if markers else "false"
    return f"(({total}) OR coalesce(trim(c0), '') = '' AND c1 IS NULL)"


def _first_value(con: duckdb.DuckDBPyConnection, found: Detection, column: str) -> str:
    position = found.columns.get(column)
    if position is None:
        return ""
    row = con.execute(
        f"SELECT c{position} FROM raw WHERE c{position} IS NOT NULL LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else ""


def _stage(
    con: duckdb.DuckDBPyConnection,
    spec: FormatSpec,
    found: Detection,
    expressions: dict[str, tuple[str, str, str]],
    bad_rows: set[int],
) -> None:
    """``staged``: the good rows, with canonical columns (the catalogue's fields, identity)."""
    selects = [f"{sql} AS {name}" for name, (sql, _, _) in expressions.items()]
    for total, parts in spec.sums.items():
        if total not in expressions:
            present = [p for p in parts if p in expressions]
            if present:
                summed = " + ".join(f"coalesce({expressions[p][0]}, 0)" for p in present)
                nulls = " AND ".join(f"({expressions[p][0]}) IS NULL" for p in present)
                selects.append(f"CASE WHEN {nulls} THEN NULL ELSE {summed} END AS {total}")
    if found.title and "value" in expressions:  # Meta's daily files: the title names the field
        pass
    con.execute("CREATE OR REPLACE TEMP TABLE bad_rows (_row BIGINT)")
    if bad_rows:
        con.executemany("INSERT INTO bad_rows VALUES (?)", [[r] for r in sorted(bad_rows)])
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE cells AS
        SELECT _row, {", ".join(selects)} FROM raw
        WHERE NOT ({_skipped(spec)}) AND _row NOT IN (SELECT _row FROM bad_rows)"""
    )
    dated = DATED_BY[spec.scope]
    columns = {r[0] for r in con.execute("DESCRIBE cells").fetchall()}
    if dated not in columns:
        raise MeasureError("bad_mapping", file=found.sheet.label, reason=f"no {dated} column")
    rules = " ".join(
        f"WHEN permalink LIKE {cleaning.quote('%' + fragment + '%')} THEN {cleaning.quote(fmt)}"
        for fragment, fmt in spec.format_rules.items()
    )
    extra = []
    if spec.scope == "post" and rules and "permalink" in columns:
        extra.append(
            f"CASE {rules} ELSE {'format' if 'format' in columns else 'NULL'} END AS format"
        )
    replaced = {"format"} if extra else set()
    keep = [c for c in columns if c not in replaced]
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE staged AS
        SELECT {", ".join(keep + extra)}, CAST({dated} AS DATE) AS day FROM cells"""
        if dated != "day"
        else f"""CREATE OR REPLACE TEMP TABLE staged AS
        SELECT {", ".join([c for c in keep if c != "day"] + extra)}, CAST(day AS DATE) AS day
        FROM cells"""
    )


def _identify(
    con: duckdb.DuckDBPyConnection,
    strategy: Strategy,
    spec: FormatSpec,
    found: Detection,
    options: ImportOptions,
    owner: str,
    file: str,
) -> set[tuple[str, str]]:
    """Give every staged row its platform, account, owner and channel."""
    columns = {r[0] for r in con.execute("DESCRIBE staged").fetchall()}
    platform_sql = cleaning.quote(spec.platform) if spec.platform else "lower(trim(platform))"
    if not spec.platform and "platform" not in columns:
        raise MeasureError("bad_mapping", file=file, reason="no platform")
    named = [c for c in ("account_name", "account_id") if c in columns]
    if options.account:
        account_sql = cleaning.quote(options.account)
    elif named:
        account_sql = f"coalesce({', '.join(named)})"
    else:
        account_sql = "NULL"
    pairs = con.execute(
        f"SELECT DISTINCT {platform_sql}, {account_sql}"
        + (f", {', '.join(named)}" if named else "")
        + " FROM staged"
    ).fetchall()
    assignments: dict[tuple[str, str | None], tuple[str, str | None]] = {}
    for row in pairs:
        platform, account = row[0], row[1]
        aliases = [a for a in row[2:] if a]
        resolved, channel = _resolve(strategy, platform, account, aliases, owner, file)
        assignments[(platform, account)] = (resolved, channel)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE who (platform VARCHAR, raw_account VARCHAR, "
        "account VARCHAR, channel VARCHAR)"
    )
    con.executemany(
        "INSERT INTO who VALUES (?, ?, ?, ?)",
        [[p, a, r, c] for (p, a), (r, c) in assignments.items()],
    )
    drop = [c for c in ("platform", "account", "owner", "channel") if c in columns]
    kept = ", ".join(f"s.{c}" for c in sorted(columns) if c not in drop)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE staged AS
        SELECT w.platform, w.account, {cleaning.quote(owner)} AS owner, w.channel, {kept}
        FROM (SELECT *, {platform_sql} AS _platform, {account_sql} AS _account FROM staged) s
        JOIN who w ON w.platform = s._platform
                  AND w.raw_account IS NOT DISTINCT FROM s._account"""
    )
    return {(p, r) for (p, _), (r, _) in assignments.items()}


def _handle_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold().lstrip("@"))


def _resolve(
    strategy: Strategy,
    platform: str,
    account: str | None,
    aliases: list[str],
    owner: str,
    file: str,
) -> tuple[str, str | None]:
    """(account name, strategy channel or None) for one account of the file."""
    channels = [c for c in strategy.channels if c.platform == platform]
    keys = {_handle_key(a) for a in [*(aliases or []), *([account] if account else [])]}
    keys.discard("")
    if owner == "own":
        for channel in channels:
            if keys & {_handle_key(channel.handle), _handle_key(channel.id)}:
                return account or channel.handle or channel.id, channel.id
        if len(channels) == 1:
            only = channels[0]
            return account or only.handle or only.id, only.id
    if account:
        return account, None
    if owner != "own":
        return owner, None
    raise MeasureError(
        "no_account",
        file=file,
        platform=platform,
        channels=", ".join(c.id for c in channels) or "—",
    )


def _merge(
    con: duckdb.DuckDBPyConnection, knowledge: Knowledge, scope: str, import_id: int
) -> tuple[int, int, int]:
    """Merge ``staged`` into the scope's table: (new, updated, unchanged) rows."""
    table_cols = [n for n, _ in table_columns(knowledge, scope)]
    staged = {r[0] for r in con.execute("DESCRIBE staged").fetchall()}
    keys = ["platform", "account", *KEYS[scope]]
    missing = [k for k in keys if k not in staged]
    if missing:
        raise MeasureError("bad_mapping", file=scope, reason=f"no {', '.join(missing)}")
    metrics = [m for m in metric_columns(knowledge, scope) if m in staged]
    others = [c for c in table_cols if c in staged and c not in keys and c not in metrics]
    carried = [c for c in table_cols if c in staged and c != "import_id"]
    order = "_row DESC" if "_row" in staged else "1"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE incoming AS
        SELECT {", ".join(carried)}, {import_id} AS import_id FROM staged
        QUALIFY row_number() OVER (PARTITION BY {", ".join(keys)} ORDER BY {order}) = 1"""
    )
    on = " AND ".join(f"t.{k} = i.{k}" for k in keys)
    changed = (
        " OR ".join(f"(i.{m} IS NOT NULL AND i.{m} IS DISTINCT FROM t.{m})" for m in metrics)
        or "false"
    )
    total = _count(con, "SELECT count(*) FROM incoming")
    matched = _count(con, f'SELECT count(*) FROM incoming i JOIN "{scope}" t ON {on}')
    updated = _count(
        con, f'SELECT count(*) FROM incoming i JOIN "{scope}" t ON {on} WHERE {changed}'
    )
    if scope == "post" and updated:
        kept = ", ".join(f"t.{m}" for m in metric_columns(knowledge, "post"))
        con.execute(
            f"""INSERT INTO post_history
            SELECT t.platform, t.account, t.post_id, now()::TIMESTAMP, {kept}, t.import_id
            FROM incoming i JOIN post t ON {on} WHERE {changed}"""
        )
    if matched:
        sets = ", ".join(
            [f"{c} = coalesce(i.{c}, t.{c})" for c in [*metrics, *others]]
            + ["import_id = i.import_id"]
        )
        con.execute(
            f"""UPDATE "{scope}" AS t SET {sets} FROM incoming i
            WHERE {on} AND ({changed})"""
        )
    names = ", ".join([*carried, "import_id"])
    con.execute(
        f"""INSERT INTO "{scope}" ({names})
        SELECT {names} FROM incoming i ANTI JOIN "{scope}" t USING ({", ".join(keys)})"""
    )
    return total - matched, updated, matched - updated


def _record(con: duckdb.DuckDBPyConnection, outcome: FileOutcome, digest: str) -> None:
    import_id = next_import_id(con)
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
        [
            import_id,
            outcome.file,
            digest,
            outcome.format,
            outcome.platform,
            outcome.scope,
            outcome.language,
            outcome.owner,
            ",".join(outcome.accounts),
            outcome.first_day,
            outcome.last_day,
            outcome.rows_read,
            outcome.rows_new,
            outcome.rows_updated,
            outcome.rows_unchanged,
            outcome.rows_rejected,
        ],
    )


def _count(con: duckdb.DuckDBPyConnection, query: str) -> int:
    row = con.execute(query).fetchone()
    return int(row[0]) if row else 0
