"""Mention files that are not what they should be: other encodings, broken bytes, empty or
huge texts, languages mixed, a required column missing, impossible dates, random files and
mappings. Each ends in an import or in a clear, located refusal (MeasureError from the
service, exit code 2 from the command) — never a traceback — and a refused import leaves the
store as it was, while an accepted one, repeated, adds nothing."""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stratege.measure.errors import MeasureError
from stratege.measure.importing import FileOutcome
from stratege.services import strategies
from stratege.services.measuring import import_exports
from stratege.strategy import StrategyDocument, load_strategy
from tests.e2e.cli import invoke
from tests.listening.listen_store import MENTION_MAPPING as MAPPING
from tests.measure.test_import_robust import _encode

PRESETS = Path(__file__).parent / "fixtures" / "presets"
HEADER = ["Date", "Source", "Author", "Text", "URL", "Reach", "Sentiment", "Language"]
FRENCH = "J'adore le pain au levain des Boulangeries Martin, toujours croustillant le matin"
ENGLISH = "The sourdough at Boulangeries Martin in Angers is the best bread I have had this year"
TABLES = ("mention", "imports", "sentiment_corrections")


def _row(n: int, text: str, date: str = "2027-03-01 09:00", reach: str = "120") -> list[str]:
    return [
        date,
        "twitter",
        f"@user{n}",
        text,
        f"https://x.com/user{n}/status/{n}",
        reach,
        "positive",
        "",
    ]


def _csv(rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    return out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    strategies.example("boulangeries-martin").save(tmp_path / "boulangeries.yaml")
    (tmp_path / "mentions.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    return tmp_path


def _document(folder: Path) -> StrategyDocument:
    return load_strategy(folder / "boulangeries.yaml")


def _import(folder: Path, *files: Path, mapping: bool = True, **options: Any) -> list[FileOutcome]:
    return import_exports(
        _document(folder),
        list(files),
        mapping=folder / "mentions.mapping.yaml" if mapping else None,
        **options,
    )


def _cli_import(folder: Path, path: Path, lang: str, *options: str) -> Any:
    """`stratege import` of ``path`` through the test mapping, as a user runs it."""
    return invoke(
        "import",
        str(folder / "boulangeries.yaml"),
        str(path),
        "--mapping",
        str(folder / "mentions.mapping.yaml"),
        *options,
        "--lang",
        lang,
    )


def _unclaimed(outcome: FileOutcome) -> int:
    """Mentions no brand claims: counted as skipped rows, or apart (rows_unclaimed) since
    the lead's change in progress to importing.py."""
    return outcome.rows_skipped + int(getattr(outcome, "rows_unclaimed", 0))


def _snapshot(store: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the tables an import writes (a store not yet created: none; the empty
    schema a first, refused import leaves is no data)."""
    if not store.exists():
        return {table: [] for table in TABLES}
    con = duckdb.connect(str(store), read_only=True)
    try:
        present = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        return {
            t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
            if t in present
            else []
            for t in TABLES
        }
    finally:
        con.close()


def _store(folder: Path) -> Path:
    return folder / "boulangeries.data.duckdb"


def _stored_texts(folder: Path) -> list[str]:
    con = duckdb.connect(str(_store(folder)), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT text FROM mention ORDER BY text").fetchall()]
    finally:
        con.close()


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("cp1252", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-8", codecs.BOM_UTF8),
    ],
)
def test_other_encodings_are_read_as_text(folder: Path, encoding: str, prefix: bytes) -> None:
    text = "Les Boulangeries Martin, célèbres pour leur pain : « très bon » à 1,20 €"
    path = folder / f"mentions-{encoding}.csv"
    path.write_bytes(prefix + _csv([_row(1, text)]).encode(encoding))
    [outcome] = _import(folder, path)
    assert (outcome.rows_new, outcome.rows_rejected) == (1, 0)
    assert _stored_texts(folder) == [text]


def test_bytes_no_encoding_reads_are_refused_with_the_file(folder: Path) -> None:
    """0x81 is neither UTF-8 nor Windows-1252: the file is refused, not half-read."""
    path = folder / "broken.csv"
    path.write_bytes(_csv([_row(1, FRENCH)]).encode("utf-8").replace(b"pain", b"p\x81in"))
    with pytest.raises(MeasureError) as refused:
        _import(folder, path)
    assert "broken.csv: cannot be read" in refused.value.message("en")
    assert "broken.csv" in refused.value.message("fr")
    assert _snapshot(_store(folder))["mention"] == []
    ran = _cli_import(folder, path, "en")
    assert ran.returncode == 2 and "broken.csv: cannot be read" in ran.stderr
    assert "Traceback" not in ran.stderr + ran.stdout


# --- texts ---------------------------------------------------------------------------


def test_empty_texts_are_kept_by_no_brand(folder: Path) -> None:
    """A mention without text names no brand: skipped, not a bad row."""
    path = folder / "empty.csv"
    path.write_text(_csv([_row(1, ""), _row(2, "   "), _row(3, FRENCH)]), encoding="utf-8")
    [outcome] = _import(folder, path)
    assert (outcome.rows_read, outcome.rows_new, outcome.rows_rejected) == (3, 1, 0)
    assert _unclaimed(outcome) == 2
    assert _stored_texts(folder) == [FRENCH]


def test_a_fifty_kilobyte_text_is_stored_whole(folder: Path) -> None:
    long = (FRENCH + ", « délicieux », encore et encore ;\n") * 600
    assert len(long.encode("utf-8")) > 50_000
    path = folder / "long.csv"
    path.write_text(_csv([_row(1, long), _row(2, FRENCH)]), encoding="utf-8")
    [outcome] = _import(folder, path)
    assert (outcome.rows_new, outcome.rows_rejected) == (2, 0)
    assert sorted(_stored_texts(folder), key=len) == [FRENCH, long]


def test_mixed_languages_keep_the_listened_ones(folder: Path) -> None:
    """The example listens to French: an English mention of the brand is not kept, whether
    the file says its language or the text tells it."""
    rows = [_row(1, FRENCH), _row(2, ENGLISH), _row(3, ENGLISH), _row(4, FRENCH + " !")]
    rows[2][7] = "en"
    rows[3][7] = "fr-FR"
    path = folder / "mixed.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    [outcome] = _import(folder, path)
    assert (outcome.rows_new, _unclaimed(outcome)) == (2, 2)
    con = duckdb.connect(str(_store(folder)), read_only=True)
    try:
        assert con.execute("SELECT DISTINCT language FROM mention").fetchall() == [("fr",)]
    finally:
        con.close()


# --- structure -------------------------------------------------------------------------


def test_a_missing_required_column_is_refused_with_the_headers_seen(folder: Path) -> None:
    header = [h for h in HEADER if h != "Date"]
    path = folder / "nodate.csv"
    path.write_text(_csv([_row(1, FRENCH)[1:]], header=header), encoding="utf-8")
    with pytest.raises(MeasureError) as refused:
        _import(folder, path)
    message = refused.value.message("en")
    assert "nodate.csv: not a known export" in message and "Source, Author, Text" in message
    assert "nodate.csv" in refused.value.message("fr")
    # a preset's file without its text column is not that preset any more
    rows = list(
        csv.reader(io.StringIO((PRESETS / "talkwalker_mentions.csv").read_text(encoding="utf-8")))
    )
    column = rows[0].index("content")
    cut = folder / "talkwalker_without_content.csv"
    cut.write_text(
        _csv(
            [r[:column] + r[column + 1 :] for r in rows[1:]],
            header=rows[0][:column] + rows[0][column + 1 :],
        ),
        encoding="utf-8",
    )
    ran = invoke("import", str(folder / "boulangeries.yaml"), str(cut), "--lang", "en")
    assert ran.returncode == 2
    assert "talkwalker_without_content.csv: not a known export" in ran.stderr
    assert "Traceback" not in ran.stderr + ran.stdout


def test_a_mapping_without_a_date_is_refused(folder: Path) -> None:
    (folder / "mentions.mapping.yaml").write_text(
        MAPPING.replace("  Date: published_at\n", ""), encoding="utf-8"
    )
    path = folder / "m.csv"
    path.write_text(_csv([_row(1, FRENCH)]), encoding="utf-8")
    with pytest.raises(MeasureError) as refused:
        _import(folder, path)
    assert "mentions.mapping.yaml: the mapping is not valid" in refused.value.message("en")
    assert "published_at" in refused.value.message("en")


def test_a_ragged_and_unterminated_file_ends_in_an_answer(folder: Path) -> None:
    text = _csv([_row(1, FRENCH)]) + '2027-03-02 10:00,twitter,@x,"Boulangeries Martin sans fin\n'
    path = folder / "ragged.csv"
    path.write_text(text + "a,b\n,,,,,,,,,,,\n", encoding="utf-8")
    try:
        _import(folder, path, skip_bad_rows=True)
    except MeasureError as error:
        assert error.message("en") and error.message("fr")


# --- dates ---------------------------------------------------------------------------


BAD_DATES = ["2027-13-01 09:00", "31/02/2027", "hier", "1850-01-01 00:00", "2027-03-01 25:61"]


def test_bad_dates_are_located_and_nothing_is_imported(folder: Path) -> None:
    good = folder / "good.csv"
    good.write_text(_csv([_row(1, FRENCH)]), encoding="utf-8")
    rows = [_row(2, FRENCH + " (2)")] + [
        _row(10 + i, FRENCH, date=d) for i, d in enumerate(BAD_DATES)
    ]
    bad = folder / "dates.csv"
    bad.write_text(_csv(rows), encoding="utf-8")
    before = _snapshot(_store(folder))
    with pytest.raises(MeasureError) as refused:
        _import(folder, good, bad)
    message = refused.value.message("en")
    assert "dates.csv: 5 bad cells, nothing imported" in message
    assert "dates.csv:3:Date '2027-13-01 09:00' → a date and time" in message
    assert "dates.csv:6:Date '1850-01-01 00:00'" in message  # out of social media's years
    assert "--skip-bad-rows" in message and "--skip-bad-rows" in refused.value.message("fr")
    assert _snapshot(_store(folder))["mention"] == before["mention"]
    ran = _cli_import(folder, bad, "fr")
    assert ran.returncode == 2 and "dates.csv:3:Date" in ran.stderr
    assert "Traceback" not in ran.stderr + ran.stdout


def test_skip_bad_rows_imports_the_rest_and_says_why(folder: Path) -> None:
    rows = [
        _row(1, FRENCH),
        _row(2, FRENCH, date="2027-02-30 08:00"),
        _row(3, FRENCH + " ?", reach="beaucoup"),
    ]
    path = folder / "some_bad.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    [outcome] = _import(folder, path, skip_bad_rows=True)
    assert (outcome.rows_new, outcome.rows_rejected) == (1, 2)
    assert [(c.row, c.column, c.value, c.expected) for c in outcome.rejected] == [
        (3, "Date", "2027-02-30 08:00", "datetime"),
        (4, "Reach", "beaucoup", "number"),
    ]
    ran = _cli_import(folder, path, "en", "--skip-bad-rows")
    assert ran.returncode == 0 and "already imported" in ran.stdout


# --- fuzzing -----------------------------------------------------------------------------


class Workspace(tuple[Path, Path]):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"Workspace({self[0]})"


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    """One strategy and one store for all the examples of a test: a refused import changes
    nothing and an accepted one only adds, so the properties hold example after example."""
    with tempfile.TemporaryDirectory(prefix="stratege-mention-fuzz-") as name:
        folder = Path(name)
        strategies.example("boulangeries-martin").save(folder / "boulangeries.yaml")
        yield Workspace((folder, folder / "fuzz.duckdb"))


TRICKY = [
    "",
    " ",
    "-",
    "N/A",
    "0",
    "1,234",
    "1.2K",
    "3M",
    "1e999",
    "nan",
    "-inf",
    "12%",
    "2027-03-01 09:00",
    "2027-03-01",
    "01/03/2027 09:00",
    "2027-02-29 10:00",
    "27-03-01",
    "06-Feb-2027 03:03PM",
    "2027-03-01T09:00:00+02:00",
    "1800-01-01 00:00",
    "positive",
    "Négatif",
    "NEUTRAL",
    "Not Rated",
    "-1",
    "5",
    "fr",
    "EN",
    "fr-FR",
    "French",
    "zz",
    "twitter",
    "x.com",
    "Facebook",
    "www.lefigaro.fr",
    "https://x.com/a/status/1",
    "https://www.instagram.com/p/a/",
    "http://",
    "javascript:alert(1)",
    "@boulangeries.martin",
    '"',
    '""',
    "\n",
    "\r\n",
    "\ufeff",
    "\x00",
    "a,b;c\td",
    "🥐",
    "\u202f",
    "NULL",
    FRENCH,
    ENGLISH,
    "Boulangerie Ange et Marie Blachère",
    "saint martin",
]
CELLS = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=20),
    st.integers(-(10**12), 10**12).map(str),
    st.integers(1000, 60000).map(lambda n: ('Boulangeries Martin é"\n,' * (n // 24))[:n]),
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]


@st.composite
def mention_files(draw: st.DrawFn) -> tuple[bytes, str]:
    """A mention CSV for MAPPING: its headers (some maybe missing, repeated or renamed), any
    cells, any delimiter, encoding and line ends, maybe a broken tail."""
    header = draw(st.permutations(HEADER))
    header = [h for h in header if draw(st.integers(0, 9)) > 0]  # a column may be missing
    header += draw(st.lists(st.sampled_from(["Notes", "", "Text", "date"]), max_size=2))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 2), max_size=6))
    rows += [[draw(CELLS) for _ in header] for _ in range(draw(st.integers(0, 3)))]
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=draw(st.sampled_from([",", ";", "\t"])),
        lineterminator=draw(st.sampled_from(["\n", "\r\n"])),
    )
    writer.writerows([header, *rows])
    text = out.getvalue()
    if draw(st.booleans()):
        text += draw(st.sampled_from(["\n\n", '"unterminated', "\ufeff", "\x1a", "\x81"]))
    data = _encode(text, draw(st.sampled_from(ENCODINGS)))
    if draw(st.integers(0, 9)) == 0:  # invalid bytes somewhere
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at] + draw(st.sampled_from([b"\x81", b"\xff\xfe", b"\xc3", b"\x00"])) + data[at:]
        )
    return data, draw(st.sampled_from(["mentions.csv", "mentions.tsv"]))


MENTION_TARGETS = [
    "mention_id",
    "published_at",
    "text",
    "permalink",
    "author",
    "language",
    "source",
    "source_sentiment",
    "platform",
    "mention_reach",
    "mention_engagements",
    "sentiment",
    "account_name",
    "reach",
    "nowhere",
]


@st.composite
def mention_mappings(draw: st.DrawFn) -> tuple[str, bytes]:
    """A mention mapping of random columns, date format, decimal and platform, and a CSV
    whose headers are its own."""
    from ruamel.yaml import YAML

    targets = draw(st.lists(st.sampled_from(MENTION_TARGETS), max_size=7))
    if draw(st.booleans()):
        targets += ["published_at", "text"]
    headers = [f"Col {i} {t[:3]}" for i, t in enumerate(targets)]
    raw: dict[str, Any] = {
        "scope": "mention",
        "columns": dict(zip(headers, targets, strict=True)),
        "platform": draw(st.sampled_from([None, "x", "instagram", "nowhere"])),
        "date_format": draw(st.sampled_from([None, "%Y-%m-%d %H:%M", "%d/%m/%Y", "%Q", "x"])),
        "decimal": draw(st.sampled_from([None, ",", "."])),
    }
    raw = {k: v for k, v in raw.items() if v is not None}
    out = io.StringIO()
    YAML(typ="safe").dump(raw, out)
    rows = draw(
        st.lists(st.lists(CELLS, min_size=len(headers), max_size=len(headers) + 1), max_size=5)
    )
    table = io.StringIO()
    csv.writer(table).writerows([headers or ["Date"], *rows])
    return out.getvalue(), table.getvalue().encode("utf-8", "surrogatepass")


def _answer(workspace: Workspace, data: bytes, name: str, **options: Any) -> None:
    """Import the file; a refusal is worded in both languages and leaves the store as it
    was; an accepted file imported again adds nothing."""
    folder, store = workspace
    path = folder / name
    path.write_bytes(data)
    document = load_strategy(folder / "boulangeries.yaml")
    before = _snapshot(store)
    try:
        outcomes = import_exports(document, [path], data=store, **options)
    except MeasureError as error:
        assert error.message("en") and error.message("fr")
        assert _snapshot(store) == before
        return
    for outcome in outcomes:
        for cell in outcome.rejected:
            assert cell.row >= 2 and cell.expected
            assert cell.describe("en") and cell.describe("fr")
    after = _snapshot(store)
    again = import_exports(document, [path], data=store, **options)
    assert all(o.already_imported for o in again)
    assert _snapshot(store) == after


FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
OPTIONS = st.fixed_dictionaries(
    {}, optional={"skip_bad_rows": st.booleans(), "competitor": st.sampled_from(["ange"])}
)


@FAST
@given(file=mention_files(), options=OPTIONS)
def test_random_mention_files(
    workspace: Workspace, file: tuple[bytes, str], options: dict[str, Any]
) -> None:
    folder, _ = workspace
    (folder / "mentions.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    _answer(workspace, file[0], file[1], mapping=folder / "mentions.mapping.yaml", **options)


@FAST
@given(files=mention_mappings(), options=OPTIONS)
def test_random_mention_mappings(
    workspace: Workspace, files: tuple[str, bytes], options: dict[str, Any]
) -> None:
    folder, _ = workspace
    mapping = folder / "random.mapping.yaml"
    mapping.write_text(files[0], encoding="utf-8")
    _answer(workspace, files[1], "benchmark.csv", mapping=mapping, **options)


@st.composite
def preset_files(draw: st.DrawFn) -> tuple[bytes, str]:
    """A preset's fixture with cells replaced at random: its header, other values."""
    name = draw(st.sampled_from(sorted(p.name for p in PRESETS.glob("*.csv"))))
    raw = (PRESETS / name).read_bytes()
    encoding = "utf-16" if raw.startswith(codecs.BOM_UTF16_LE) else "utf-8"
    delimiter = "\t" if encoding == "utf-16" else ","
    rows = list(csv.reader(io.StringIO(raw.decode(encoding), newline=""), delimiter=delimiter))
    body = rows[1 : 1 + draw(st.integers(0, 6))]
    for row in body:
        for _ in range(draw(st.integers(0, 4))):
            if row:
                row[draw(st.integers(0, len(row) - 1))] = draw(CELLS)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([rows[0], *body])
    return _encode(out.getvalue(), draw(st.sampled_from(ENCODINGS))), name


@FAST
@given(file=preset_files(), options=OPTIONS)
def test_random_preset_files(
    workspace: Workspace, file: tuple[bytes, str], options: dict[str, Any]
) -> None:
    _answer(workspace, file[0], file[1], **options)


@pytest.mark.slow
@LONG
@given(file=mention_files(), files=mention_mappings(), preset=preset_files(), options=OPTIONS)
def test_mention_fuzz_long(
    workspace: Workspace,
    file: tuple[bytes, str],
    files: tuple[str, bytes],
    preset: tuple[bytes, str],
    options: dict[str, Any],
) -> None:
    folder, _ = workspace
    (folder / "mentions.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    _answer(workspace, file[0], file[1], mapping=folder / "mentions.mapping.yaml", **options)
    mapping = folder / "random.mapping.yaml"
    mapping.write_text(files[0], encoding="utf-8")
    _answer(workspace, files[1], "benchmark.csv", mapping=mapping, **options)
    _answer(workspace, preset[0], preset[1], **options)
