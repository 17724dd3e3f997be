"""End-to-end: the installed `stratege` command, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stratege.bundled import example_names, example_path
from stratege.strategy import Strategy, dump_strategy
from tests.conftest import example_data

STRATEGE = shutil.which("stratege") or str(Path(sys.executable).with_name("stratege"))


def run(*args: str, lang_env: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang_env, "LC_ALL": "", "COLUMNS": "120"}
    return subprocess.run([STRATEGE, *args], capture_output=True, text=True, env=env, timeout=60)


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("name", example_names())
def test_every_example_checks_clean(name: str) -> None:
    result = run("check", str(example_path(name)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """The French example with five inconsistencies planted in it."""
    data = example_data()
    data["objectives"][3]["business_goals"] = []  # OBJ002
    data["kpis"][5]["target"] = 900  # response time getting worse: KPI006
    data["content"]["pillars"][0]["share"] = 55  # pillars sum to 115: CNT001
    data["responsibilities"][1]["accountable"] = []  # RACI001
    data["advertising"]["campaigns"][0]["platforms"] = ["tiktok"]  # ADV001
    path = tmp_path / "planted.yaml"
    path.write_text(dump_strategy(Strategy.model_validate(data)), encoding="utf-8")
    return path


def test_planted_inconsistencies_exit_1_and_are_each_named(planted: Path) -> None:
    result = run("check", str(planted), "--lang", "fr")
    assert result.returncode == 1
    for code in ("OBJ002", "KPI006", "CNT001", "RACI001", "ADV001"):
        assert code in result.stdout
    assert "erreur(s)" in result.stdout


def test_json_output_lists_code_severity_path_message_hint(planted: Path) -> None:
    result = run("check", str(planted), "--format", "json", "--lang", "en")
    assert result.returncode == 1
    records = json.loads(result.stdout)
    by_code = {r["code"]: r for r in records}
    assert set(by_code) >= {"OBJ002", "KPI006", "CNT001", "RACI001", "ADV001"}
    record = by_code["OBJ002"]
    assert record["severity"] == "error"
    assert record["path"] == "objectives[3].business_goals"
    assert "marque-employeur" in record["message"] and record["hint"]
    assert isinstance(record["line"], int)


def test_language_defaults_to_the_strategy_then_follows_lang(planted: Path) -> None:
    french = run("check", str(planted), lang_env="en_GB.UTF-8")
    english = run("check", str(planted), "--lang", "en")
    assert "ERREUR" in french.stdout
    assert "ERROR" in english.stdout and "ERREUR" not in english.stdout


def test_yaml_syntax_error_exits_2_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("language: fr\nperiod:\n  start: 2027-01-01\n  end: [2027\n", encoding="utf-8")
    result = run("check", str(path), "--lang", "fr")
    assert result.returncode == 2
    assert f"{path}:" in result.stderr and "erreur de syntaxe YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_type_exits_2_with_line_and_field_in_both_languages(tmp_path: Path) -> None:
    text = example_path("boulangeries-martin").read_text(encoding="utf-8")
    path = tmp_path / "typo.yaml"
    path.write_text(
        text.replace("hours_per_week: 28", "hours_per_week: beaucoup"), encoding="utf-8"
    )
    line = next(i for i, s in enumerate(path.read_text().splitlines(), 1) if "beaucoup" in s)
    french = run("check", str(path), "--lang", "fr")
    english = run("check", str(path), "--lang", "en")
    assert french.returncode == english.returncode == 2
    assert f"{path}:{line}:" in french.stderr
    assert "champ resources.people[0].hours_per_week" in french.stderr
    assert "un nombre attendu" in _plain(french.stderr)
    assert "field resources.people[0].hours_per_week" in english.stderr
    assert "expected a number" in english.stderr


def test_json_output_of_an_unreadable_file(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "absent.yaml"), "--format", "json", "--lang", "en")
    assert result.returncode == 2
    assert json.loads(result.stdout)["problems"][0]["message"] == "file not found"


def test_rules_lists_at_least_forty_rules_in_both_languages() -> None:
    result = run("rules", "--format", "json")
    rules = json.loads(result.stdout)
    assert len(rules) >= 40
    assert {r["question"] for r in rules} == set(range(11))
    assert all(r["title"]["fr"] and r["title"]["en"] for r in rules)
    assert "RACI001" in run("rules", "--lang", "fr").stdout


def test_schema_is_a_json_schema_for_editors() -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"organisation", "objectives", "kpis", "cadence"} <= set(schema["properties"])


def test_kpis_lists_the_catalogue() -> None:
    records = json.loads(run("kpis", "--format", "json").stdout)
    assert len(records) >= 30 and records["engagement_rate_by_reach_post"]["formula"]


def test_demo_shows_the_bundled_example() -> None:
    result = run("demo", "--lang", "en")
    assert result.returncode == 0
    assert "Boulangeries Martin" in result.stdout


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stratege", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "check" in result.stdout
