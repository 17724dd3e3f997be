"""`stratege import` under stress: a process killed in the middle of an import leaves the
store as it was, and no input (random bytes, broken CSVs built from real headers, random
mapping files) ever ends in anything but an import or a MeasureError: never a traceback."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import signal
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stratege.knowledge.loader import load_knowledge
from stratege.measure.errors import MeasureError
from stratege.measure.formats import (
    ACCOUNT_COLUMNS,
    DATED_BY,
    IDENTITY,
    FormatSpec,
    known_formats,
    normalise_header,
)
from stratege.measure.importing import PAUSE_HOOK
from stratege.services import strategies
from stratege.services.measuring import import_exports
from stratege.strategy import StrategyDocument, load_strategy
from tests.e2e.cli import ENV, STRATEGE, run

FIXTURES = Path(__file__).parent / "fixtures"
KNOWLEDGE = load_knowledge()
TABLES = ("post", "account", "post_history", "imports")


def _document(folder: Path) -> StrategyDocument:
    path = folder / "boulangeries.yaml"
    strategies.example("boulangeries-martin").save(path)
    return load_strategy(path)


# --- atomicity: kill -9 before the commit ---------------------------------------------


def _snapshot(store: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(store))
    try:
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def _later_export(target: Path) -> None:
    """The same Facebook posts exported later: every Reach grown by 1000 (updates, history)."""
    rows = list(
        csv.reader(io.StringIO((FIXTURES / "meta_facebook_posts_en.csv").read_text("utf-8-sig")))
    )
    column = rows[0].index("Reach")
    for row in rows[1:]:
        row[column] = str(int(row[column]) + 1000)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    target.write_text(out.getvalue(), encoding="utf-8-sig")


def test_killed_import_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    document = _document(tmp_path)
    store = tmp_path / "data.duckdb"
    first = run(
        "import",
        str(document.path),
        str(FIXTURES / "meta_facebook_posts_en.csv"),
        "--data",
        str(store),
    )
    assert first.returncode == 0, first.stderr
    before = _snapshot(store)
    assert len(before["post"]) == 8 and len(before["imports"]) == 1

    later = tmp_path / "later.csv"
    _later_export(later)
    marker = tmp_path / "paused"
    env = {**os.environ, **ENV, PAUSE_HOOK: str(marker)}
    files = [str(later), str(FIXTURES / "meta_page_daily_follows_en.csv")]
    process = subprocess.Popen(
        [STRATEGE, "import", str(document.path), *files, "--data", str(store)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, "the import ended before its pause"
            assert time.monotonic() < deadline, "the import never reached its pause"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert _snapshot(store) == before
    # and the store is sound: the same import, run to the end, now goes through
    again = run("import", str(document.path), *files, "--data", str(store))
    assert again.returncode == 0, again.stderr
    after = _snapshot(store)
    assert len(after["post_history"]) == 8 and len(after["imports"]) == 3


# --- fuzzing -----------------------------------------------------------------------------


class Workspace(tuple[StrategyDocument, Path]):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"Workspace({self[1]})"


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    """One strategy and one store for all the examples of a test (a refused import changes
    nothing; an accepted one only adds rows)."""
    with tempfile.TemporaryDirectory(prefix="stratege-fuzz-") as folder:
        yield Workspace((_document(Path(folder)), Path(folder)))


def _import(
    workspace: tuple[StrategyDocument, Path], data: bytes, name: str, **options: Any
) -> None:
    document, folder = workspace
    path = folder / name
    path.write_bytes(data)
    try:
        import_exports(document, [path], data=folder / "fuzz.duckdb", **options)
    except MeasureError as error:
        assert error.message("en") and error.message("fr")


OPTIONS = st.fixed_dictionaries(
    {},
    optional={
        "year": st.sampled_from([2025, 2024, 1]),
        "skip_bad_rows": st.booleans(),
        "account": st.sampled_from(["lumiere", "", "@x"]),
    },
)
TRICKY = [
    "",
    " ",
    "-",
    "N/A",
    "Lifetime",
    "Total",
    "0",
    "-0",
    "1,234",
    "12,3x",
    "1.2K",
    "3M",
    "1e999",
    "nan",
    "inf",
    "-inf",
    "1 234,5",
    "1.234,5",
    "١٢٣",
    "12%",
    "0:03:00",
    "1:2:3:4",
    "::",
    "09/02/2025 08:15",
    "31/02/2025 08:15",
    "September 6",
    "February 29",
    "Sep 3, 2025",
    "3 sept. 2025",
    "Tue, Sep 2, 2025",
    "2025-09-02 06:15 +0000",
    "2025-09-01T00:00:00",
    "https://www.linkedin.com/feed/update/urn:li:activity:7369012345678901234",
    "https://www.tiktok.com/@a/video/123",
    "https://www.facebook.com/reel/1",
    '"',
    '""',
    "'",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    "\x00",
    "a,b;c\td",
    "🥐",
    "\u202f",
    "\ud7ff",
    "NULL",
]
CELLS = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=12),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(2000, 70000).map(lambda n: 'é"\n,' * (n // 4)),  # a huge cell
)


def _headers(spec: FormatSpec, language: str, data: st.DataObject) -> list[str]:
    """Real headers of a format in one language: all its required columns, some others, a
    few unknown ones, in any order."""
    headers = []
    for column in spec.columns.values():
        spellings = column.headers.get(language) or next(iter(column.headers.values()))
        if column.required or data.draw(st.booleans()):
            headers.append(data.draw(st.sampled_from(spellings)))
    headers += data.draw(st.lists(st.sampled_from(["Date", "Notes", "", "Views"]), max_size=2))
    return data.draw(st.permutations(headers))


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", errors="surrogatepass")
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", errors="surrogatepass")
    return text.encode(encoding, errors="replace")


@st.composite
def export_files(draw: st.DrawFn) -> tuple[bytes, str]:
    """A CSV (maybe zipped) built from the headers of a known format, with random cells."""
    data = draw(st.data())
    specs = sorted(known_formats().values(), key=lambda s: s.id)
    spec = draw(st.sampled_from(specs))
    language = draw(st.sampled_from(spec.languages()))
    header = _headers(spec, language, data)
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 2), max_size=8))
    if draw(st.booleans()):  # full rows as well as ragged ones
        rows += [[draw(CELLS) for _ in header] for _ in range(draw(st.integers(0, 3)))]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
    )
    preambles: list[list[list[str]]] = [[], [["sep=,"], ["Follows"]], [["note"]], [[]]]
    preamble = draw(st.sampled_from(preambles))
    writer.writerows([*preamble, header, *rows])
    text = out.getvalue()
    if draw(st.booleans()):
        text += draw(st.sampled_from(["\n\n", "\x1a", '"unterminated', "\ufeff"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    content = _encode(text, encoding)
    container = draw(st.integers(0, 9))
    if container == 0:
        return _workbook([*preamble, header, *rows], data), "export.xlsx"
    if container == 1:
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("Table data.csv", content)
        return archive.getvalue(), "export.zip"
    return content, "export.csv"


TYPED = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
)


def _workbook(rows: list[list[str]], data: st.DataObject) -> bytes:
    """The rows as a sheet of an XLSX workbook, some cells typed (numbers, dates, booleans)
    as a spreadsheet stores them, after a first sheet of something else."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook()
    book.active.append(["Location", "Total followers"])
    sheet = book.create_sheet("All posts")
    for row in rows:
        cells: list[object] = []
        for text in row:  # a workbook cannot hold control characters
            value: object = data.draw(TYPED) if data.draw(st.integers(0, 3)) == 0 else text
            cells.append(ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


MAPPING_KEYS = ["tool", "scope", "platform", "decimal", "date_format", "columns", "sheet"]
SCOPES = ["post", "account", "message", "mention", "campaign", "site"]
YAML_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.text(max_size=8),
    st.sampled_from(["post", "account", "instagram", "facebook", "%d/%m/%Y", "%Q", ",", "."]),
)
DATE_FORMATS = ["%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d", "%d %b %Y", "%Q", "%", "", "%z", "x"]


def _fields(scope: str) -> list[str]:
    names = [n for n, f in KNOWLEDGE.fields.items() if f.scope == scope]
    return [*names, *IDENTITY[scope], *ACCOUNT_COLUMNS]


@st.composite
def mapping_files(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """A mapping file and a CSV whose headers are the mapping's: most often a plausible
    mapping with random choices (scope, fields, date format, decimal), else YAML of any
    shape, else text that may not even be YAML."""
    from ruamel.yaml import YAML

    scope = draw(st.sampled_from(SCOPES))
    targets = draw(st.lists(st.sampled_from(_fields(scope)), max_size=6))
    if draw(st.booleans()):
        targets.append(DATED_BY[scope])
    headers = draw(
        st.lists(
            st.one_of(st.text(min_size=1, max_size=10), st.sampled_from(["Date", "Compte"])),
            min_size=len(targets),
            max_size=len(targets),
            unique_by=normalise_header,
        )
    )
    columns: dict[Any, Any] = dict(zip(headers, targets, strict=True))
    raw: dict[str, Any] = {
        "scope": scope,
        "platform": draw(st.sampled_from([None, "instagram", "x", "nowhere"])),
        "date_format": draw(st.sampled_from([None, *DATE_FORMATS])),
        "decimal": draw(st.sampled_from([None, ",", ".", ";"])),
        "columns": columns,
    }
    raw = {k: v for k, v in raw.items() if v is not None}
    shape = draw(st.integers(0, 5))
    if shape == 0:  # any keys, any values
        raw = {key: draw(YAML_SCALARS) for key in draw(st.lists(st.sampled_from(MAPPING_KEYS)))}
    out = io.StringIO()
    YAML(typ="safe").dump(raw, out)
    text = out.getvalue()
    if shape == 1:
        text = draw(st.text(max_size=80))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(headers) + 1), max_size=5))
    table = io.StringIO()
    csv.writer(table, delimiter=draw(st.sampled_from([",", ";"]))).writerows(
        [[str(h) for h in headers] or ["Date"], *rows]
    )
    return text.encode("utf-8", "surrogatepass"), table.getvalue().encode("utf-8", "replace")


FAST = settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\xff\xfe", b""]),
    ),
    name=st.sampled_from(["export.csv", "export.xlsx", "export.zip"]),
    options=OPTIONS,
)
def test_random_bytes(
    workspace: tuple[StrategyDocument, Path], data: bytes, name: str, options: dict[str, Any]
) -> None:
    _import(workspace, data, name, **options)


@FAST
@given(file=export_files(), options=OPTIONS)
def test_random_exports_from_real_headers(
    workspace: tuple[StrategyDocument, Path], file: tuple[bytes, str], options: dict[str, Any]
) -> None:
    _import(workspace, file[0], file[1], **options)


@FAST
@given(files=mapping_files(), competitor=st.sampled_from([None, "ange"]))
def test_random_mappings(
    workspace: tuple[StrategyDocument, Path], files: tuple[bytes, bytes], competitor: str | None
) -> None:
    _, folder = workspace
    mapping = folder / "fuzz.mapping.yaml"
    mapping.write_bytes(files[0])
    _import(workspace, files[1], "benchmark.csv", mapping=mapping, competitor=competitor)


@pytest.mark.slow
@LONG
@given(
    data=st.binary(max_size=20000),
    file=export_files(),
    files=mapping_files(),
    options=OPTIONS,
)
def test_fuzz_long(
    workspace: tuple[StrategyDocument, Path],
    data: bytes,
    file: tuple[bytes, str],
    files: tuple[bytes, bytes],
    options: dict[str, Any],
) -> None:
    _import(workspace, data, "export.csv", **options)
    _import(workspace, file[0], file[1], **options)
    _, folder = workspace
    mapping = folder / "fuzz.mapping.yaml"
    mapping.write_bytes(files[0])
    _import(workspace, files[1], "benchmark.csv", mapping=mapping)
