"""measure, audit, review and the Results section, on the bundled example's exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from stratege.bundled import example_path
from stratege.services import measuring
from stratege.services.strategies import load
from tests.e2e.cli import invoke

EXAMPLE = "boulangeries-martin"


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example with its exports imported into the store beside it."""
    folder = tmp_path_factory.mktemp("measured")
    strategy = folder / f"{EXAMPLE}.yaml"
    shutil.copy(example_path(EXAMPLE), strategy)
    document = load(strategy)
    outcomes = measuring.import_example_data(document, EXAMPLE, measuring.data_path(document))
    assert outcomes and all(o.rows_rejected == 0 for o in outcomes)
    return strategy


def _copy(strategy: Path, tmp_path: Path) -> Path:
    """A private copy of the strategy and its store (for the commands that write)."""
    target = tmp_path / strategy.name
    shutil.copy(strategy, target)
    store = strategy.with_name(strategy.stem + ".data.duckdb")
    shutil.copy(store, target.with_name(target.stem + ".data.duckdb"))
    return target


def test_measure_reads_every_kpi_against_its_trajectory(measured: Path) -> None:
    result = measuring.measure(load(measured))
    assert result.first_day is not None and result.last_day is not None
    with_values = [k for k in result.kpis if k.latest is not None]
    assert len(with_values) >= 3
    for kpi in with_values:
        assert kpi.status in ("ahead", "on_track", "behind")
        assert kpi.expected is not None
        assert all(p.period_start <= p.period_end for p in kpi.points)
    assert {c.channel for c in result.channels} >= {"facebook", "instagram"}
    facebook = next(c for c in result.channels if c.channel == "facebook")
    assert 0 < facebook.matched_slots <= facebook.planned_slots
    assert facebook.posts >= facebook.matched_slots
    assert result.pillars and abs(sum(p.actual for p in result.pillars) - 100) < 1e-6
    # the exports call every still a photo: counted as the plan's one still format, or
    # compared together where the plan has both
    facebook_mix = {m.id: m for m in facebook.formats}
    assert "photo" not in facebook_mix and facebook_mix["image"].actual > 0
    instagram = next(c for c in result.channels if c.channel == "instagram")
    stills = next(m for m in instagram.formats if m.id == "image+photo")
    assert stills.planned == 40 and stills.actual > 0
    json.dumps(result.record())  # every value is plain JSON


def test_expected_value_follows_the_trajectory() -> None:
    from stratege.measure.progress import expected_value
    from stratege.strategy.model import Kpi

    kpi = Kpi(
        id="k",
        metric="reach",
        objective="o",
        baseline=100,
        target=400,
        deadline=dt.date(2027, 12, 31),
    )
    start = dt.date(2027, 1, 1)
    middle = dt.date(2027, 7, 2)
    assert expected_value(kpi, "additive", start, start) == 100
    assert expected_value(kpi, "additive", start, kpi.deadline) == 400  # type: ignore[arg-type]
    assert expected_value(kpi, "additive", start, middle) == pytest.approx(250, rel=1e-2)
    # compounding: half way in time is the geometric mean, not the arithmetic one
    assert expected_value(kpi, "multiplicative", start, middle) == pytest.approx(200, rel=1e-2)
    assert expected_value(kpi, "additive", start, dt.date(2030, 1, 1)) == 400


def test_measure_command_in_every_format(measured: Path) -> None:
    as_json = invoke("measure", str(measured), "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    record = json.loads(as_json.stdout)
    assert {k["id"] for k in record["kpis"]} == {k.id for k in load(measured).strategy.kpis}
    as_csv = invoke("measure", str(measured), "--format", "csv", "--period", "week")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and {"kpi", "period_start", "actual", "expected"} <= set(rows[0])
    weeks = {dt.date.fromisoformat(r["period_start"]).isoweekday() for r in rows}
    assert weeks == {1}  # weeks start on Monday
    table = invoke("measure", str(measured), "--lang", "fr")
    assert "Indicateurs face à leur trajectoire" in table.stdout
    assert "KPIs against" not in table.stdout
    english = invoke("measure", str(measured), "--lang", "en")
    assert "KPIs against their trajectory" in english.stdout


def test_measure_without_data_says_how_to_import(tmp_path: Path) -> None:
    strategy = tmp_path / "s.yaml"
    shutil.copy(example_path(EXAMPLE), strategy)
    ran = invoke("measure", str(strategy), "--lang", "en")
    assert ran.returncode == 2
    assert "stratege import" in ran.stderr


def test_audit_compares_own_accounts_with_competitors(measured: Path) -> None:
    result = measuring.audit(load(measured))
    owners = {a.owner for a in result.accounts}
    assert "own" in owners and "ange" in owners
    facebook = [a for a in result.accounts if a.platform == "facebook"]
    assert abs(sum(a.audience_share or 0 for a in facebook) - 100) < 1e-6
    own = next(a for a in facebook if a.owner == "own")
    assert own.engagement_basis == "reach" and own.engagement_rate is not None
    assert own.followers is not None and own.posts_per_week is not None


def test_audit_write_keeps_comments_and_shows_the_diff(measured: Path, tmp_path: Path) -> None:
    strategy = _copy(measured, tmp_path)
    before = strategy.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    ran = invoke("audit", str(strategy), "--write", "--baselines", "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    assert "+++" in ran.stdout and "Written" in ran.stdout
    after = strategy.read_text(encoding="utf-8")
    assert after != before
    assert all(line in after for line in comments)
    audit = load(strategy).strategy.audit
    observed = [a for a in audit.accounts if a.owner == "own" and a.platform == "facebook"]
    assert observed and observed[0].observed_on is not None
    assert observed[0].observed_on > dt.date(2026, 11, 15)


def test_review_suggests_a_higher_target_once_it_is_met(measured: Path, tmp_path: Path) -> None:
    strategy = _copy(measured, tmp_path)
    document = load(strategy)
    progress = measuring.measure(document, with_plan=False)
    kpi = next(k for k in progress.kpis if k.latest is not None and k.direction == "higher")
    text = strategy.read_text(encoding="utf-8")
    target = next(k for k in document.strategy.kpis if k.id == kpi.id).target
    assert target is not None and kpi.latest is not None
    lowered = text.replace(f"target: {target:g},", f"target: {kpi.latest / 2:g},", 1)
    lowered = lowered.replace(f"target: {int(target)},", f"target: {kpi.latest / 2:g},", 1)
    strategy.write_text(lowered, encoding="utf-8")
    ran = invoke("review", str(strategy), "--format", "json")
    suggestions = json.loads(ran.stdout)["suggestions"]
    met = [s for s in suggestions if s["code"] == "target_met" and s["subject"] == kpi.id]
    assert met and met[0]["proposed"] >= kpi.latest / 2
    applied = invoke("review", str(strategy), "--apply", "--lang", "en")
    assert applied.returncode == 0, applied.stderr
    new_target = next(k for k in load(strategy).strategy.kpis if k.id == kpi.id).target
    assert new_target == met[0]["proposed"]


def test_documents_get_a_results_section_once_data_exist(measured: Path) -> None:
    from stratege.services.documents import document_files
    from stratege.services.planning import plan

    result = plan(load(measured))
    without = document_files(result, "md", "en", today=dt.date(2027, 1, 1))
    assert not any(b"## Results" in data for data in without.values())
    assert measuring.attach_measurement(result)
    french = document_files(result, "md", "fr", today=dt.date(2027, 1, 1))
    main = next(iter(french.values())).decode("utf-8")
    assert "Résultats" in main and "Indicateurs face à leur trajectoire" in main
    english = document_files(result, "html", "en", today=dt.date(2027, 1, 1))
    page = next(iter(english.values())).decode("utf-8")
    assert 'id="results"' in page and "KPIs against their trajectory" in page
