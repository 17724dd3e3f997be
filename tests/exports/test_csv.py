"""calendar.csv and bulk-import.csv, and the set of files export_files returns."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from stratege.exports import bulk_import_csv, calendar_csv, export_files
from stratege.exports.bulk import COLUMNS
from tests.exports.conftest import example_plan


def rows_of(data: bytes, delimiter: str = ",", bom: bool = False) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff") == bom
    assert "\n" not in text.replace("\r\n", "")  # CRLF line ends, no bare LF
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def test_calendar_csv_in_french():
    plan = example_plan("boulangeries-martin")
    rows = rows_of(calendar_csv(plan, "fr"), ";", bom=True)
    assert len(rows) == len(plan.slots) + 1
    assert rows[0][:3] == ["Date", "Heure", "Canal"]
    assert rows[0][-1] == "Réf. de la publication"
    assert all(len(row) == 15 for row in rows)
    first, slot = rows[1], plan.slots[0]
    assert first[0] == slot.start.strftime("%d/%m/%Y")
    assert first[1] == slot.start.strftime("%H:%M")
    assert first[2] == slot.channel
    assert first[13] == "oui"
    assert first[14] == slot.id
    # Producers: skill labels and people's names, never ids.
    names = {p.id: p.name for p in plan.strategy.resources.people}
    skills = {"copywriting": "Rédaction", "graphic_design": "Graphisme"}
    assert list(slot.producers) == list(skills)
    assert first[9] == " · ".join(
        f"{skills[skill]}\u00a0: {names[person]}" for skill, person in slot.producers.items()
    )
    assert first[11] == names[slot.approver] and first[12] == names[slot.publisher]


def test_calendar_csv_in_english():
    plan = example_plan("boulangeries-martin")
    rows = rows_of(calendar_csv(plan, "en"), ",", bom=True)
    assert rows[0][0] == "Date" and rows[0][13] == "Staffed"
    assert rows[1][0] == plan.slots[0].start.date().isoformat()
    slot = plan.slots[0]
    names = {p.id: p.name for p in plan.strategy.resources.people}
    copywriter, designer = (names[p] for p in slot.producers.values())
    assert rows[1][9] == f"Copywriting: {copywriter} · Graphic design: {designer}"
    assert rows[1][13] == "yes"


def test_unstaffed_posts_say_so():
    plan = example_plan("boulangeries-martin")
    slot = plan.slots[0]
    slot.producers = dict.fromkeys(slot.producers)
    slot.publisher = None
    french = rows_of(calendar_csv(plan, "fr"), ";", bom=True)[1]
    assert french[9] == "Rédaction\u00a0: à pourvoir · Graphisme\u00a0: à pourvoir"
    assert french[12] == "à pourvoir" and french[13] == "non"
    english = rows_of(calendar_csv(plan, "en"), ",", bom=True)[1]
    assert english[12] == "unstaffed" and english[13] == "no"


def test_bulk_import_layout():
    plan = example_plan("northwind-analytics")
    rows = rows_of(bulk_import_csv(plan, "en"))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == len(plan.slots) + 1
    ids = [row[-1] for row in rows[1:]]
    assert ids == [slot.id for slot in plan.slots]
    assert len(set(ids)) == len(ids)
    for row, slot in zip(rows[1:], plan.slots, strict=True):
        moment = dt.datetime.fromisoformat(row[0])
        assert moment.tzinfo is not None
        assert moment.replace(tzinfo=None) == slot.start
        assert row[1] == slot.channel and row[2] == slot.platform and row[4] == slot.format
        assert row[5].startswith("[")


def test_bulk_import_message_in_french_with_fixed_column_names():
    plan = example_plan("boulangeries-martin")
    rows = rows_of(bulk_import_csv(plan, "fr"))
    assert rows[0] == list(COLUMNS)
    assert rows[1][5] == "[Image] Au fournil ce matin — à rédiger (pour\u00a0: Clients habitués)"


def test_a_line_break_in_a_name_does_not_split_a_record():
    plan = example_plan("boulangeries-martin")
    plan.strategy.content.pillars[0].name = "Au fournil\r\nce matin"
    plan.slots = [s for s in plan.slots if s.pillar == plan.strategy.content.pillars[0].id][:3]
    for data in (bulk_import_csv(plan, "fr"), calendar_csv(plan, "fr")):
        text = data.decode("utf-8")
        assert "Au fournil ce matin" in text
        assert text.count("\r\n") == len(plan.slots) + 1


def test_export_files_layout_and_order():
    plan = example_plan("mairie-rives")
    files = export_files(plan, "fr")
    names = list(files)
    assert names[:4] == ["calendar.ics", "calendar.csv", "plan.xlsx", "bulk-import.csv"]
    assert names[-1] == "hootsuite.zip"
    assert all(n.startswith("hootsuite/") and n.endswith(".csv") for n in names[4:-1])
    assert all(isinstance(data, bytes) and data for data in files.values())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_exports_are_reproducible(lang):
    one = export_files(example_plan("boulangeries-martin"), lang)
    two = export_files(example_plan("boulangeries-martin"), lang)
    assert list(one) == list(two)
    for name in one:
        assert one[name] == two[name], name
