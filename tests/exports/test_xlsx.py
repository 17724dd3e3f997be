"""plan.xlsx read back with openpyxl (an independent reader): six localised sheets, typed
cells, the KPI checkpoints of the document, the RACI checks, Excel's limits, and the same
bytes for the same plan."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from stratege.exports import plan_xlsx
from stratege.exports.describe import Describer
from stratege.exports.workbook import MAX_COLUMNS, MAX_ROWS, Sheet, column_letter, sheet_name
from stratege.exports.xlsx_sheets import COUNT, fit
from tests.exports.conftest import example_plan, raci_findings

SHEETS = {
    "fr": ["Calendrier", "Charge de travail", "Budget", "Manques", "RACI", "Campagnes",
           "Plan des indicateurs"],
    "en": ["Calendar", "Workload", "Budget", "Shortfalls", "RACI", "Campaigns", "KPI plan"],
}  # fmt: skip


def _open(data: bytes):  # type: ignore[no-untyped-def]
    return load_workbook(io.BytesIO(data))


@pytest.mark.parametrize(
    ("name", "lang"),
    [("boulangeries-martin", "fr"), ("northwind-analytics", "en"), ("mairie-rives", "fr")],
)
def test_seven_sheets_with_typed_cells(name, lang):
    plan = example_plan(name)
    workbook = _open(plan_xlsx(plan, lang, raci_findings(plan)))
    assert workbook.sheetnames == SHEETS[lang]
    for sheet in workbook:
        assert sheet.max_row > 1, sheet.title
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None)
        assert sheet.freeze_panes in ("A2", "B2", "C2")
        assert sheet.column_dimensions["A"].width >= 8

    calendar = workbook[SHEETS[lang][0]]
    assert calendar.max_row == len(plan.slots) + 1
    rows = calendar.iter_rows(min_row=2, values_only=True)
    for row, slot in zip(rows, plan.slots, strict=True):
        assert row[0] == dt.datetime.combine(slot.start.date(), dt.time(0))
        assert row[1] == slot.start.time()
        assert row[2] == slot.channel and row[14] == slot.id
    assert calendar["A2"].is_date and calendar["B2"].number_format == "hh:mm"

    workload = workbook[SHEETS[lang][1]]
    for row in workload.iter_rows(min_row=2, values_only=True):
        assert isinstance(row[1], dt.datetime)
        assert all(isinstance(v, int | float) for v in row[2:-1])

    campaigns = workbook[SHEETS[lang][5]]
    assert campaigns.max_row - 1 == sum(len(f.platforms) for f in plan.campaigns)
    for row in campaigns.iter_rows(min_row=2):
        for cell in row[10:14]:  # expected impressions, clicks, conversions, paid units
            assert cell.value is None or isinstance(cell.value, int)
            assert cell.value is None or cell.number_format == COUNT


def test_budget_sheet_matches_the_plan():
    plan = example_plan("boulangeries-martin")
    sheet = _open(plan_xlsx(plan, "en"))["Budget"]
    header = [c.value for c in sheet[1]]
    months = [v.date() for v in header if isinstance(v, dt.datetime)]
    assert months == plan.budget.months
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    lines = {(row[0], row[1]): row for row in rows if row and row[0]}
    assert lines[("Staff time", "Planned")][2 + len(months)] == pytest.approx(
        plan.budget.planned_total("people"), abs=0.01
    )
    costs = [row for (name, _), row in lines.items() if "cost at" in name]
    assert len(costs) == len(plan.strategy.resources.people)
    for column in range(2, 3 + len(months)):  # person by person, month by month, and in all
        staff = lines[("Staff time", "Planned")][column]
        assert sum(row[column] for row in costs) == pytest.approx(staff, abs=0.05)
    julie = lines[("Staff time of Julie Morel: cost at €32 an hour", "Planned")]
    hours = lines[("Staff time of Julie Morel: hours", "Planned")]
    assert julie[2 + len(months)] == pytest.approx(32 * hours[2 + len(months)], abs=0.05)
    assert lines[("Tools", "Declared")][2 + len(months)] == pytest.approx(
        plan.budget.declared_total("tools"), abs=0.01
    )
    planned = sum(plan.budget.planned_total(c) for c in plan.budget.planned)
    assert lines[("Total", "Planned")][2 + len(months)] == pytest.approx(planned, abs=0.05)
    money_rows = [row for row in rows if row and row[0] and "hours" not in row[0]]
    assert all(row[-1] == plan.budget.currency for row in money_rows)


def test_kpi_plan_columns_are_the_trajectory_checkpoints():
    plan = example_plan("boulangeries-martin")
    sheet = _open(plan_xlsx(plan, "en"))["KPI plan"]
    header = [c.value for c in sheet[1]]
    assert header[:10] == [
        "KPI", "Metric", "Objective", "Channels", "Baseline", "Target", "Unit",
        "Deadline", "Measurement frequency", "Trajectory",
    ]  # fmt: skip
    expected = sorted({day for t in plan.trajectories for day, _ in t.points})
    assert [d.date() for d in header[10:]] == expected  # month ends and deadlines
    assert sheet.max_row == len(plan.trajectories) + 1
    rows = sheet.iter_rows(min_row=2)
    for row, trajectory in zip(rows, plan.trajectories, strict=True):
        assert row[0].value == trajectory.kpi.id
        for day, value in trajectory.points:
            cell = row[10 + expected.index(day)]
            if trajectory.unit == "count":  # counts are whole, and shown without decimals
                assert cell.value == round(value) and cell.number_format == COUNT
            else:
                assert cell.value == pytest.approx(value, rel=0.01, abs=0.01)


def test_small_rates_keep_their_digits():
    plan = example_plan("boulangeries-martin")
    trajectory = next(t for t in plan.trajectories if t.unit == "percent")
    trajectory.points = [(day, 0.0004 + n / 10_000) for n, (day, _) in enumerate(trajectory.points)]
    sheet = _open(plan_xlsx(plan, "en"))["KPI plan"]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == trajectory.kpi.id)
    values = [v for v in row[10:] if v is not None]
    assert values[0] == pytest.approx(0.0004) and values[1] == pytest.approx(0.0005)


def test_raci_matrix_then_the_findings_passed_in():
    plan = example_plan("boulangeries-martin")
    findings = raci_findings(plan)
    assert findings  # the example has one: someone both Responsible and Accountable
    sheet = _open(plan_xlsx(plan, "fr", findings))["RACI"]
    rows = list(sheet.iter_rows(values_only=True))
    activities = len(plan.raci.activities)
    assert rows[0][0] == "Activité" and len(rows[0]) == len(plan.raci.channels) + 1
    cells = [c for row in rows[1 : activities + 1] for c in row[1:] if c]
    names = [p.name for p in plan.strategy.resources.people]
    assert any(c.startswith("R\u00a0: ") and " · A\u00a0: " in c for c in cells)
    assert all(any(n in c for n in names) for c in cells)  # names, not ids
    assert rows[activities + 2][0].startswith("Réalisateur (R) · Approbateur (A)")
    assert rows[activities + 4][0] == "Contrôles de la matrice\u00a0:"
    assert rows[activities + 5][:4] == ("Code", "Gravité", "Problème", "Comment le corriger")
    listed = rows[activities + 6 :]
    assert [r[0] for r in listed] == [f.code for f in findings]
    assert listed[0][2] == findings[0].message("fr") and listed[0][3] == findings[0].hint("fr")
    without = _open(plan_xlsx(plan, "fr"))["RACI"]
    assert without.max_row == activities + 3  # the matrix and its legend only


def test_same_plan_same_bytes_and_fixed_document_dates():
    plan = example_plan("mairie-rives")
    one = plan_xlsx(plan, "fr", raci_findings(plan))
    two = plan_xlsx(example_plan("mairie-rives"), "fr", raci_findings(plan))
    assert one == two
    start = plan.horizon.start
    with zipfile.ZipFile(io.BytesIO(one)) as archive:
        assert {e.date_time for e in archive.infolist()} == {
            (start.year, start.month, start.day, 0, 0, 0)
        }
        core = archive.read("docProps/core.xml").decode()
    stamps = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]+)<", core)
    assert stamps == [(k, f"{start.isoformat()}T00:00:00Z") for k in ("created", "modified")]
    properties = _open(one).properties
    assert properties.created == properties.modified == dt.datetime.combine(start, dt.time(0))
    assert properties.creator == "Stratège"


def test_tables_larger_than_excel_are_cut_and_say_so():
    plan = example_plan("boulangeries-martin")
    describe = Describer(plan, "fr")
    wide = Sheet("x", ["a"] * (MAX_COLUMNS + 3), [[1] * (MAX_COLUMNS + 3)])
    cut = fit(wide, describe)
    assert len(cut.header) == MAX_COLUMNS and len(cut.rows[0]) == MAX_COLUMNS
    assert cut.rows[-1][0].value == (
        "3 colonnes ne sont pas affichées\u00a0: une feuille en contient au plus 16\u202f384."
    )
    tall = Sheet("x", ["a"], [[n] for n in range(MAX_ROWS + 5)])
    cut = fit(tall, Describer(plan, "en"))
    assert len(cut.rows) + 1 == MAX_ROWS
    assert cut.rows[-1][0].value == ("8 rows are not shown: a sheet holds at most 1,048,576 rows.")
    small = Sheet("x", ["a"], [[1]])
    assert fit(small, describe) is small


def test_a_kpi_deadline_centuries_away_stays_within_excel_columns():
    plan = example_plan("boulangeries-martin")
    trajectory = plan.trajectories[0]
    start = plan.horizon.start
    trajectory.points = [(start + dt.timedelta(days=30 * n), float(n)) for n in range(17_000)]
    workbook = _open(plan_xlsx(plan, "en"))
    sheet = workbook["KPI plan"]
    assert sheet.max_column == MAX_COLUMNS
    notes = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]]
    assert any("columns are not shown" in str(n) for n in notes)


def test_names_and_letters():
    assert [column_letter(i) for i in (0, 25, 26, 701, 702, MAX_COLUMNS - 1)] == [
        "A", "Z", "AA", "ZZ", "AAA", "XFD",
    ]  # fmt: skip
    assert sheet_name("Plan: [KPI] / 2027?") == "Plan- -KPI- - 2027-"
    assert sheet_name("x" * 40) == "x" * 31
    assert sheet_name("'") == "-"


def test_the_shortfalls_sheet_lists_every_shortfall():
    from stratege.planning.plan import build_plan
    from stratege.strategy import Strategy
    from tests.conftest import short_of_video_data

    plan = build_plan(Strategy.model_validate(short_of_video_data()))
    sheet = _open(plan_xlsx(plan, "en"))["Shortfalls"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(plan.shortfalls) >= 1
    assert rows[0][0] == "Content creation" and rows[0][1] == "Video shooting and editing"
    assert rows[0][7] == pytest.approx(plan.shortfalls[0].missing, abs=0.01)


def test_a_plan_without_shortfall_says_so():
    sheet = _open(plan_xlsx(example_plan("northwind-analytics"), "fr"))["Manques"]
    assert sheet["A2"].value.replace("\u00a0", " ") == (
        "Rien ne manque : chaque publication et chaque activité est pourvue."
    )
