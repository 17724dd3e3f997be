"""End-to-end: `stratege plan` and `stratege demo` through the installed command."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratege.bundled import example_names, example_path
from stratege.strategy import Strategy, dump_strategy
from tests.conftest import short_of_video_data
from tests.e2e.test_cli import run

EXPORTS = {"calendar.ics", "calendar.csv", "plan.xlsx", "bulk-import.csv"}


@pytest.mark.parametrize("name", example_names())
def test_plan_writes_every_export_for_every_example(name: str, tmp_path: Path) -> None:
    result = run("plan", str(example_path(name)), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert written >= EXPORTS
    assert any(n.startswith("hootsuite") for n in written)


def test_plan_of_an_understaffed_strategy_exits_1_with_the_shortfall(tmp_path: Path) -> None:
    path = tmp_path / "short.yaml"
    path.write_text(dump_strategy(Strategy.model_validate(short_of_video_data())), encoding="utf-8")
    result = run("plan", str(path), "--out", str(tmp_path / "out"), "--lang", "en")
    assert result.returncode == 1
    assert "What is missing" in result.stdout
    assert "Short video (Video shooting and editing):" in result.stdout
    assert (tmp_path / "out" / "calendar.ics").exists()


def test_plan_over_a_chosen_span(tmp_path: Path) -> None:
    result = run(
        "plan",
        str(example_path("boulangeries-martin")),
        "--from",
        "2027-03-01",
        "--to",
        "2027-03-31",
        "--out",
        str(tmp_path),
        "--lang",
        "en",
    )
    assert result.returncode == 0
    rows = (tmp_path / "calendar.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert rows and all(row.startswith("2027-03-") for row in rows)


def test_plan_refuses_a_span_that_ends_before_it_starts(tmp_path: Path) -> None:
    result = run(
        "plan",
        str(example_path("boulangeries-martin")),
        "--from",
        "2027-03-01",
        "--to",
        "2027-02-01",
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 2


def test_demo_plans_the_example_and_says_where_the_files_are(tmp_path: Path) -> None:
    result = run("demo", "--out", str(tmp_path / "demo"), "--lang", "en")
    assert result.returncode == 0
    assert "Feasible plan" in result.stdout
    assert "Strategy document written to" in result.stdout
    assert (tmp_path / "demo" / "plan" / "plan.xlsx").exists()
    for name in ("strategy.html", "strategy.docx", "strategy.md"):
        assert (tmp_path / "demo" / "en" / name).exists()


def test_plan_says_when_the_export_folder_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run(
        "plan", str(example_path("boulangeries-martin")), "--out", str(blocker), "--lang", "en"
    )
    assert result.returncode == 2
    assert "Cannot write the exports to" in result.stderr
    assert "Traceback" not in result.stderr
