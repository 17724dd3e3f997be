"""plan.xlsx opened with openpyxl: six localised sheets, typed cells, KPI month columns."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from stratege.exports import write_xlsx
from tests.exports.conftest import example_plan

SHEETS = {
    "fr": ["Calendrier", "Charge", "Budget", "RACI", "Campagnes", "Plan KPI"],
    "en": ["Calendar", "Workload", "Budget", "RACI", "Campaigns", "KPI plan"],
}


@pytest.mark.parametrize(
    ("name", "lang"), [("boulangeries-martin", "fr"), ("northwind-analytics", "en")]
)
def test_six_sheets_with_rows(tmp_path, name, lang):
    plan = example_plan(name)
    workbook = load_workbook(write_xlsx(plan, tmp_path / "plan.xlsx", lang))
    assert workbook.sheetnames == SHEETS[lang]
    for sheet in workbook:
        assert sheet.max_row > 1, sheet.title
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None)
        assert sheet.freeze_panes in ("A2", "B2", "C2")
        assert sheet.column_dimensions["A"].width >= 8

    calendar = workbook[SHEETS[lang][0]]
    assert calendar.max_row == len(plan.slots) + 1
    date_cell, time_cell = calendar["A2"], calendar["B2"]
    assert isinstance(date_cell.value, dt.datetime) and date_cell.is_date
    assert date_cell.value.date() == plan.slots[0].start.date()
    assert time_cell.value == plan.slots[0].start.time()

    workload = workbook[SHEETS[lang][1]]
    header = [c.value for c in workload[1]]
    assert header[-1] in ("Taux de charge", "Utilisation")
    for row in workload.iter_rows(min_row=2, values_only=True):
        assert isinstance(row[1], dt.datetime)
        assert all(isinstance(v, int | float) for v in row[2:-1])

    budget = workbook["Budget"]
    months = [c.value for c in budget[1] if isinstance(c.value, dt.datetime)]
    assert len(months) == len(plan.budget.months)
    assert budget.cell(2, 2 + len(months) + 2).value == plan.budget.currency

    campaigns = workbook[SHEETS[lang][4]]
    assert campaigns.max_row - 1 == sum(len(f.platforms) for f in plan.campaigns)


def test_kpi_plan_has_one_column_per_month(tmp_path):
    plan = example_plan("boulangeries-martin")
    sheet = load_workbook(write_xlsx(plan, tmp_path / "plan.xlsx", "en"))["KPI plan"]
    header = [c.value for c in sheet[1]]
    assert header[:10] == [
        "KPI", "Metric", "Objective", "Channels", "Baseline", "Target", "Unit",
        "Deadline", "Frequency", "Growth",
    ]  # fmt: skip
    months = header[10:]
    expected = sorted({d.replace(day=1) for t in plan.trajectories for d, _ in t.points})
    assert [m.date() for m in months] == expected
    assert sheet.max_row == len(plan.trajectories) + 1
    rows = sheet.iter_rows(min_row=2, values_only=True)
    for row, trajectory in zip(rows, plan.trajectories, strict=True):
        assert row[0] == trajectory.kpi.id
        if trajectory.points:
            deadline, target = trajectory.points[-1]
            column = 10 + expected.index(deadline.replace(day=1))
            assert row[column] == pytest.approx(target, abs=0.01)


def test_raci_cells(tmp_path):
    plan = example_plan("boulangeries-martin")
    sheet = load_workbook(write_xlsx(plan, tmp_path / "plan.xlsx", "fr"))["RACI"]
    checks = len(plan.findings) + 1 if plan.findings else 0  # a blank row, then the findings
    assert sheet.max_row == len(plan.raci.activities) + 1 + checks
    assert sheet.max_column == len(plan.raci.channels) + 1
    codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert {f.code for f in plan.findings} <= set(codes)
    cells = [c for row in sheet.iter_rows(min_row=2, min_col=2, values_only=True) for c in row]
    assert any(c and c.startswith("R: ") and " · A: " in c for c in cells)
