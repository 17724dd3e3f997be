"""Formula injection: text from the strategy file never starts a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from stratege.exports import export_files
from stratege.exports.cells import safe_cell
from stratege.planning.plan import build_plan
from stratege.strategy import Strategy
from tests.conftest import example_data

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
PILLAR = '=HYPERLINK("http://x")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("＝1", "'＝1"),
        ("Au fournil", "Au fournil"),
        ("a=b", "a=b"),
        ("", ""),
        (3.5, 3.5),
        (-3.5, -3.5),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


@pytest.fixture(scope="module")
def hostile_plan():
    data = example_data("boulangeries-martin")
    data["content"]["pillars"][0]["name"] = PILLAR
    data["audiences"][0]["name"] = "+cmd"
    data["resources"]["people"][0]["name"] = "-2+3"
    data["advertising"]["campaigns"][0]["name"] = "@SUM(1+1)"
    data["channels"][0]["handle"] = "=cmd|' /C calc'!A0"
    return build_plan(Strategy.model_validate(data))


def _csv_cells(name: str, data: bytes) -> list[str]:
    text = data.decode("utf-8").removeprefix("\ufeff")
    delimiter = ";" if name == "calendar.csv" and text.startswith("Date;") else ","
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def _xlsx_cells(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # no formula anywhere in the file
        for name in archive.namelist():
            assert not re.search(rb"<f[ />]", archive.read(name)), name
    workbook = load_workbook(io.BytesIO(data))
    assert all(c.data_type != "f" for sheet in workbook for row in sheet.iter_rows() for c in row)
    return [
        value
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_cell_starts_a_formula(hostile_plan, lang):
    files = export_files(hostile_plan, lang)
    cells: list[str] = []
    for name, data in files.items():
        if name.endswith(".csv"):
            cells += _csv_cells(name, data)
        elif name.endswith(".xlsx"):
            xlsx = _xlsx_cells(data)
            assert f"'{PILLAR}" in xlsx and "'-2+3" in xlsx
            cells += xlsx
    assert cells
    offending = [c for c in cells if c.startswith(DANGEROUS)]
    assert not offending, offending[:5]
    assert f"'{PILLAR}" in cells  # the hostile values did reach the files, neutralised
    assert "'+cmd" in cells and "'@SUM(1+1)" in cells and "'=cmd|' /C calc'!A0" in cells
