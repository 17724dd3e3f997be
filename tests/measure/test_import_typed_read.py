"""The CSV reader types plain-number columns itself when it can (a third less time on a big
export); the text reading stays the reference. Both must store exactly the same rows, and
a cell the reader cannot type must send the whole file back to the text reading, where it
is read ("1.2K") or reported (file:row:column) as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from stratege.measure import importing
from stratege.measure.errors import MeasureError
from stratege.services import strategies
from stratege.services.measuring import import_exports
from stratege.strategy import StrategyDocument, load_strategy
from tests.measure.test_import_formats import FIXTURES, FORMAT_IDS, OPTIONS

TABLES = ("post", "account", "post_history")
HEADER = (
    "Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Permalink,"
    "Post type,Custom labels,Date,Views,Reach,Reactions,Comments,Shares,Total clicks\n"
)


def _document(folder: Path) -> StrategyDocument:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "boulangeries.yaml"
    strategies.example("boulangeries-martin").save(path)
    return load_strategy(path)


def _stored(document: StrategyDocument) -> dict[str, list[tuple[Any, ...]]]:
    store = document.path.with_name(document.path.stem + ".data.duckdb")
    con = duckdb.connect(str(store), read_only=True)
    try:
        return {
            table: sorted(
                con.execute(f'SELECT * EXCLUDE (import_id) FROM "{table}"').fetchall(), key=repr
            )
            for table in TABLES
        }
    finally:
        con.close()


def _typed_reads(monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    """Record what each import typed in the reader."""
    seen: list[set[int]] = []
    original = importing._load_raw

    def recording(*args: Any, **kwargs: Any) -> set[int]:
        typed = original(*args, **kwargs)
        seen.append(typed)
        return typed

    monkeypatch.setattr(importing, "_load_raw", recording)
    return seen


@pytest.mark.parametrize("name", sorted(FORMAT_IDS))
def test_typed_and_text_readings_store_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    options = OPTIONS.get(name, {})
    typed_doc = _document(tmp_path / "typed")
    import_exports(typed_doc, [FIXTURES / name], **options)
    with monkeypatch.context() as patch:
        patch.setattr(importing, "_plain_number_columns", lambda found, decimal: set())
        text_doc = _document(tmp_path / "text")
        import_exports(text_doc, [FIXTURES / name], **options)
    assert _stored(typed_doc) == _stored(text_doc)


def test_a_clean_english_export_is_typed_by_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _typed_reads(monkeypatch)
    import_exports(_document(tmp_path), [FIXTURES / "meta_facebook_posts_en.csv"])
    assert seen and seen[0], "the plain-number columns were read as text"


def _export(folder: Path, *cells: str) -> Path:
    rows = [
        f"{1220000000000000 + i},61564880291000,Boulangeries Martin,Pain,,0,"
        f"03/0{i + 1}/2025 09:30,https://www.facebook.com/x/posts/{i},Photos,,Lifetime,"
        f"{views},100,5,1,0,3\n"
        for i, views in enumerate(cells)
    ]
    path = folder / "export.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _impressions(document: StrategyDocument) -> list[float | None]:
    store = document.path.with_name(document.path.stem + ".data.duckdb")
    con = duckdb.connect(str(store), read_only=True)
    try:
        rows = con.execute("SELECT impressions FROM post ORDER BY post_id").fetchall()
    finally:
        con.close()
    return [row[0] for row in rows]


def test_a_cell_the_reader_cannot_type_sends_the_file_to_the_text_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _typed_reads(monkeypatch)
    document = _document(tmp_path)
    import_exports(document, [_export(tmp_path, "1200", "1.2K", "-", "nan")])
    assert seen == [set()]
    assert _impressions(document) == [1200.0, 1200.0, None, None]


@pytest.mark.parametrize("cell", ["inf", "-inf", "1e999"])
def test_a_number_that_is_no_figure_is_reported_not_stored(tmp_path: Path, cell: str) -> None:
    document = _document(tmp_path)
    with pytest.raises(MeasureError) as refused:
        import_exports(document, [_export(tmp_path, "10", cell)])
    assert refused.value.code == "bad_cells"
    assert "export.csv:3:Views" in refused.value.message("en")
