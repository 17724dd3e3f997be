"""calendar.csv and bulk-import.csv: one row per slot, readable by a plain CSV reader."""

from __future__ import annotations

import csv
import datetime as dt
import io

from stratege.exports import write_bulk_import, write_calendar_csv, write_exports
from stratege.exports.bulk import COLUMNS
from tests.exports.conftest import example_plan


def _rows(data: bytes, delimiter: str, bom: bool) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff") == bom
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def test_calendar_csv_french_and_english(tmp_path):
    plan = example_plan("boulangeries-martin")
    french = write_calendar_csv(plan, tmp_path / "fr.csv", "fr").read_bytes()
    rows = _rows(french, ";", bom=True)
    assert len(rows) == len(plan.slots) + 1
    assert rows[0][:3] == ["Date", "Heure", "Canal"]
    assert all(len(row) == 14 for row in rows)
    first, slot = rows[1], plan.slots[0]
    assert first[0] == slot.start.strftime("%d/%m/%Y")
    assert first[1] == slot.start.strftime("%H:%M")
    assert first[2] == slot.channel
    assert first[-1] == "oui"
    assert first[9] == "; ".join(f"{k}: {v}" for k, v in slot.producers.items())

    english = write_calendar_csv(plan, tmp_path / "en.csv", "en").read_bytes()
    rows = _rows(english, ",", bom=True)
    assert len(rows) == len(plan.slots) + 1
    assert rows[0][0] == "Date" and rows[0][-1] == "Staffed"
    assert rows[1][0] == slot.start.date().isoformat()


def test_bulk_import_layout(tmp_path):
    plan = example_plan("northwind-analytics")
    rows = _rows(write_bulk_import(plan, tmp_path / "b.csv", "en").read_bytes(), ",", bom=False)
    assert rows[0] == list(COLUMNS)
    assert len(rows) == len(plan.slots) + 1
    ids = [row[-1] for row in rows[1:]]
    assert len(set(ids)) == len(ids)
    for row, slot in zip(rows[1:], plan.slots, strict=True):
        moment = dt.datetime.fromisoformat(row[0])
        assert moment.tzinfo is not None
        assert moment.replace(tzinfo=None) == slot.start
        assert row[1] == slot.channel and row[2] == slot.platform and row[4] == slot.format
        assert row[5].startswith("[")


def test_exports_are_reproducible(tmp_path):
    plan = example_plan("boulangeries-martin")
    one = write_exports(plan, tmp_path / "one", "fr")
    two = write_exports(example_plan("boulangeries-martin"), tmp_path / "two", "fr")
    assert [p.name for p in one] == [p.name for p in two]
    for a, b in zip(one, two, strict=True):
        if a.suffix in (".csv", ".ics"):
            assert a.read_bytes() == b.read_bytes(), a.name
