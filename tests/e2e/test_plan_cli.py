"""End-to-end: `stratege plan` and `stratege demo`, and what writing their files protects."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stratege.bundled import example_names, example_path
from stratege.strategy import Strategy, dump_strategy
from tests.conftest import short_of_video_data
from tests.e2e.cli import invoke, plain

EXPORTS = {"calendar.ics", "calendar.csv", "plan.xlsx", "bulk-import.csv", "hootsuite.zip"}
BAKERY = str(example_path("boulangeries-martin"))


@pytest.mark.parametrize("name", example_names())
def test_plan_writes_every_export_for_every_example(name: str, tmp_path: Path) -> None:
    result = invoke("plan", str(example_path(name)), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert written >= EXPORTS
    assert any((tmp_path / "out" / "hootsuite").iterdir())


def test_plan_of_an_understaffed_strategy_exits_1_with_the_shortfall(tmp_path: Path) -> None:
    path = tmp_path / "short.yaml"
    path.write_text(dump_strategy(Strategy.model_validate(short_of_video_data())), encoding="utf-8")
    result = invoke("plan", str(path), "--out", str(tmp_path / "out"), "--lang", "en")
    assert result.returncode == 1
    assert "What is missing" in result.stdout
    assert "Feasible plan" not in result.stdout
    assert "Content creation (Video shooting and editing):" in result.stdout
    assert (tmp_path / "out" / "calendar.ics").exists()


def test_posts_without_a_slot_are_never_called_feasible(tmp_path: Path) -> None:
    result = invoke("plan", BAKERY, "--out", str(tmp_path), "--lang", "en")
    assert "found no slot" in result.stdout  # a LinkedIn post on a holiday week
    assert "Feasible plan" not in result.stdout
    assert "Every planned post is staffed" in result.stdout


def test_plan_over_a_chosen_span_says_budgets_are_pro_rated(tmp_path: Path) -> None:
    result = invoke(
        "plan", BAKERY, "--from", "2027-03-01", "--to", "2027-03-31", "--out", str(tmp_path),
        "--lang", "en",
    )  # fmt: skip
    assert result.returncode == 0
    assert "pro-rated" in result.stdout
    rows = (tmp_path / "calendar.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert rows and all(row.startswith("2027-03-") for row in rows)


@pytest.mark.parametrize(
    ("first", "last"),
    [("2027-03-01", "2027-02-01"), ("2026-06-01", "2027-02-01"), ("0001-01-01", "2027-01-31")],
)
def test_plan_refuses_reversed_dates_or_dates_outside_the_period(
    first: str, last: str, tmp_path: Path
) -> None:
    result = invoke(
        "plan", BAKERY, "--from", first, "--to", last, "--out", str(tmp_path), "--lang", "en"
    )
    assert result.returncode == 2
    assert "date" in result.stderr
    assert not any(tmp_path.iterdir())


def test_demo_plans_the_example_and_says_where_the_files_are(tmp_path: Path) -> None:
    result = invoke("demo", "--out", str(tmp_path / "demo"), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Strategy documents written to" in result.stdout
    assert (tmp_path / "demo" / "plan" / "plan.xlsx").exists()
    for name in ("strategy.html", "strategy.docx", "strategy.md"):
        assert (tmp_path / "demo" / "en" / name).exists()


def test_demo_of_an_unknown_example_lists_the_examples() -> None:
    result = invoke("demo", "--example", "foo", "--lang", "en")
    assert result.returncode == 2
    assert "Unknown example 'foo'" in result.stderr and "mairie-rives" in result.stderr


def test_plan_says_when_the_export_folder_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = invoke("plan", BAKERY, "--out", str(blocker), "--lang", "en")
    assert result.returncode == 2
    assert "Cannot write" in result.stderr


def test_plan_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    mine = tmp_path / "plan.xlsx"
    mine.write_bytes(b"my own workbook")
    refused = invoke("plan", BAKERY, "--out", str(tmp_path), "--lang", "en")
    assert refused.returncode == 2 and "--force" in plain(refused.stderr)
    assert mine.read_bytes() == b"my own workbook"
    forced = invoke("plan", BAKERY, "--out", str(tmp_path), "--lang", "en", "--force")
    assert forced.returncode == 0 and mine.read_bytes().startswith(b"PK")


def test_a_second_plan_rewrites_its_own_files_and_removes_stale_ones(tmp_path: Path) -> None:
    assert invoke("plan", BAKERY, "--out", str(tmp_path)).returncode == 0
    stale = tmp_path / "hootsuite" / "gone.csv"
    manifest = (tmp_path / ".stratege-files.json").read_text()
    entry = f'"files": {{"hootsuite/gone.csv": "{_sha(b"old")}", '
    (tmp_path / ".stratege-files.json").write_text(manifest.replace('"files": {', entry))
    stale.write_bytes(b"old")
    assert invoke("plan", BAKERY, "--out", str(tmp_path)).returncode == 0
    assert not stale.exists()


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_plan_refuses_to_write_through_a_symbolic_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(outside, out / "hootsuite")
    result = invoke("plan", BAKERY, "--out", str(out), "--lang", "en")
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert not any(outside.iterdir())


def test_report_never_replaces_the_strategy_it_reads(tmp_path: Path) -> None:
    strategy = tmp_path / "s.yaml"
    strategy.write_text(Path(BAKERY).read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("report", str(strategy), "--out", str(strategy), "--lang", "en")
    assert result.returncode == 2 and "strategy file being read" in result.stderr
    assert strategy.read_text(encoding="utf-8").startswith("#")
