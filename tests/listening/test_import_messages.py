"""Inbound messages (customer care) through `stratege import --mapping`: the measurement
importer's `message` scope, with the discipline of every import — located bad cells,
all or nothing, a file imported twice adds nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from stratege.measure.errors import MeasureError
from stratege.services import strategies
from stratege.services.measuring import import_exports
from stratege.strategy import StrategyDocument, load_strategy

FIXTURES = Path(__file__).parent / "fixtures"
MESSAGES = FIXTURES / "inbound_messages.csv"
MAPPING = FIXTURES / "inbound_messages.mapping.yaml"


@pytest.fixture
def document(tmp_path: Path) -> StrategyDocument:
    path = tmp_path / "boulangeries.yaml"
    strategies.example("boulangeries-martin").save(path)
    return load_strategy(path)


def rows(document: StrategyDocument, sql: str) -> list[Any]:
    store = document.path.with_name(document.path.stem + ".data.duckdb")
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def with_bad_row(tmp_path: Path) -> Path:
    """The fixture with a fourth row whose first-response time is not a number."""
    lines = MESSAGES.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace(",1,32,0", ",1,une demi-heure,0")
    bad = tmp_path / "inbound_messages_bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return bad


def test_it_imports_each_message_on_its_channel(document: StrategyDocument) -> None:
    [outcome] = import_exports(document, [MESSAGES], mapping=MAPPING)
    assert (outcome.scope, outcome.rows_new, outcome.rows_rejected) == ("message", 6, 0)
    assert outcome.channels == ["facebook", "instagram"]
    found = rows(
        document,
        "SELECT channel, count(*), sum(answered), median(first_response_minutes) "
        "FROM message GROUP BY channel ORDER BY channel",
    )
    assert found == [("facebook", 4, 3.0, 58.0), ("instagram", 2, 2.0, 321.0)]


def test_importing_the_same_file_twice_adds_nothing(document: StrategyDocument) -> None:
    import_exports(document, [MESSAGES], mapping=MAPPING)
    [again] = import_exports(document, [MESSAGES], mapping=MAPPING)
    assert again.already_imported
    assert rows(document, "SELECT count(*) FROM message") == [(6,)]


def test_a_bad_cell_is_located_and_nothing_is_imported(
    document: StrategyDocument, tmp_path: Path
) -> None:
    with pytest.raises(MeasureError) as refused:
        import_exports(document, [MESSAGES, with_bad_row(tmp_path)], mapping=MAPPING)
    message = refused.value.message("en")
    assert "inbound_messages_bad.csv:5:First response (min) 'une demi-heure'" in message
    assert "a number" in message
    assert "un nombre" in refused.value.message("fr")
    # the good file of the same import was not kept either
    assert rows(document, "SELECT count(*) FROM message") == [(0,)]


def test_skip_bad_rows_imports_the_rest_and_lists_the_rejected(
    document: StrategyDocument, tmp_path: Path
) -> None:
    [outcome] = import_exports(
        document, [with_bad_row(tmp_path)], mapping=MAPPING, skip_bad_rows=True
    )
    assert (outcome.rows_new, outcome.rows_rejected) == (5, 1)
    assert [(c.row, c.column, c.value) for c in outcome.rejected] == [
        (5, "First response (min)", "une demi-heure")
    ]
    assert rows(document, "SELECT count(*) FROM message WHERE message_id = 'ig-m-0001'") == [(0,)]
