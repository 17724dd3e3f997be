"""End-to-end: `stratege check` and the reference listings, as a user runs them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from stratege.bundled import example_names, example_path
from stratege.strategy import Strategy, dump_strategy
from tests.conftest import example_data
from tests.e2e.cli import invoke, plain, run


@pytest.mark.parametrize("name", example_names())
def test_every_example_checks_without_error(name: str) -> None:
    result = invoke("check", str(example_path(name)))
    assert result.returncode == 0, result.stdout + result.stderr


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
    result = invoke("check", str(planted), "--lang", "fr")
    assert result.returncode == 1
    for code in ("OBJ002", "KPI006", "CNT001", "RACI001", "ADV001"):
        assert code in result.stdout
    assert "5 erreurs" in plain(result.stdout)


def test_json_output_lists_code_severity_path_message_hint(planted: Path) -> None:
    result = invoke("check", str(planted), "--format", "json", "--lang", "en")
    assert result.returncode == 1
    by_code = {r["code"]: r for r in json.loads(result.stdout)}
    assert set(by_code) >= {"OBJ002", "KPI006", "CNT001", "RACI001", "ADV001"}
    record = by_code["OBJ002"]
    assert record["severity"] == "error" and record["question"] == 2
    assert record["path"] == "objectives[3].business_goals"
    assert record["title"] == "Objective serving no business goal"
    assert "marque-employeur" in record["message"] and record["hint"]
    assert isinstance(record["line"], int) and record["file"] == str(planted)


def test_language_defaults_to_the_strategy_then_follows_lang(planted: Path) -> None:
    french = invoke("check", str(planted), lang_env="en_GB.UTF-8")
    english = invoke("check", str(planted), "--lang", "en")
    assert "ERREUR" in french.stdout
    assert "ERROR" in english.stdout and "ERREUR" not in english.stdout


def test_an_empty_diagnosis_is_a_sentence() -> None:
    result = invoke("check", str(example_path("northwind-analytics")), "--lang", "en")
    assert "No inconsistency: the strategy is ready to be planned." in result.stdout


def test_yaml_syntax_error_exits_2_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("language: fr\nperiod:\n  start: 2027-01-01\n  end: [2027\n", encoding="utf-8")
    result = invoke("check", str(path), "--lang", "fr")
    assert result.returncode == 2
    assert f"{path}:" in result.stderr and "YAML" in result.stderr


def test_wrong_type_exits_2_with_line_and_field_in_both_languages(tmp_path: Path) -> None:
    text = example_path("boulangeries-martin").read_text(encoding="utf-8")
    path = tmp_path / "typo.yaml"
    path.write_text(text.replace("hours_per_week: 28", "hours_per_week: beaucoup"), "utf-8")
    line = next(i for i, s in enumerate(path.read_text().splitlines(), 1) if "beaucoup" in s)
    french = invoke("check", str(path), "--lang", "fr")
    english = invoke("check", str(path), "--lang", "en")
    assert french.returncode == english.returncode == 2
    assert f"{path}:{line}:" in french.stderr
    assert "resources.people[0].hours_per_week" in french.stderr
    assert "resources.people[0].hours_per_week" in english.stderr
    assert plain(french.stderr) != plain(english.stderr)


def test_json_output_of_an_unreadable_file(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path / "absent.yaml"), "--format", "json", "--lang", "en")
    assert result.returncode == 2
    assert json.loads(result.stdout)["problems"][0]["message"] == "file not found"


def test_rules_lists_every_rule_with_its_title_in_the_language_asked() -> None:
    english = json.loads(invoke("rules", "--format", "json", "--lang", "en").stdout)
    french = json.loads(invoke("rules", "--format", "json", "--lang", "fr").stdout)
    assert len(english) == len(french) >= 100
    assert {r["question"] for r in english} == set(range(11))
    titles = {r["code"]: r["title"] for r in english}
    assert titles["RACI001"] == "Not exactly one Accountable"
    assert {r["code"]: r["title"] for r in french}["RACI001"] == "Pas exactement un Approbateur"


def test_schema_lists_the_vocabularies_for_editors(tmp_path: Path) -> None:
    schema = json.loads(invoke("schema").stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    channel = schema["$defs"]["Channel"]["properties"]
    assert "facebook" in channel["platform"]["enum"]
    skills = schema["$defs"]["Person"]["properties"]["skills"]["items"]["enum"]
    assert "photography" in skills
    assert (
        "short_video" in schema["$defs"]["FormatMix"]["properties"]["mix"]["propertyNames"]["enum"]
    )
    assert "median_first_response_time" in schema["$defs"]["Kpi"]["properties"]["metric"]["enum"]


def test_schema_of_a_strategy_includes_its_own_knowledge(tmp_path: Path) -> None:
    data = example_data("northwind-analytics")
    data["knowledge"] = {"skills": {"drone_piloting": {"name": {"fr": "Drone", "en": "Drone"}}}}
    path = tmp_path / "own.yaml"
    path.write_text(dump_strategy(Strategy.model_validate(data)), encoding="utf-8")
    schema = json.loads(invoke("schema", str(path)).stdout)
    assert "drone_piloting" in schema["$defs"]["Person"]["properties"]["skills"]["items"]["enum"]


def test_kpis_never_cut_an_identifier() -> None:
    result = invoke("kpis", "--lang", "en")
    for metric in ("engagement_rate_by_followers_post", "median_first_response_time"):
        assert metric in result.stdout
    records = json.loads(invoke("kpis", "--format", "json").stdout)
    assert len(records) >= 55 and records[0]["formula"]


@pytest.mark.parametrize(
    ("command", "identifier", "french"),
    [
        ("platforms", "whatsapp_channel", "Chaîne WhatsApp"),
        ("formats", "photo", "Photo"),
        ("skills", "video_editing", "Tournage et montage vidéo"),
    ],
)
def test_vocabulary_listings(command: str, identifier: str, french: str) -> None:
    result = invoke(command, "--lang", "fr")
    assert result.returncode == 0
    assert identifier in result.stdout and french in result.stdout


def test_version() -> None:
    from stratege import __version__

    assert invoke("--version").stdout.strip() == f"stratege {__version__}"


def test_help_follows_the_system_language_and_lang() -> None:
    french = run("--help", lang_env="fr_FR.UTF-8")
    english = run("check", "--help", "--lang", "en", lang_env="fr_FR.UTF-8")
    assert "Vérifier une stratégie" in plain(french.stdout)
    assert "Check a strategy" in english.stdout


def test_an_unexpected_error_is_a_short_message_and_exit_3(monkeypatch, capsys) -> None:
    import stratege.services.checking as checking
    from stratege.cli import app

    def broken(document):  # type: ignore[no-untyped-def]
        raise RuntimeError("planted bug")

    monkeypatch.setattr(checking, "check", broken)
    monkeypatch.setattr(
        sys, "argv", ["stratege", "check", str(example_path("boulangeries-martin"))]
    )
    monkeypatch.delenv("STRATEGE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        app.main()
    assert stopped.value.code == 3
    said = capsys.readouterr().err
    assert "RuntimeError: planted bug" in said and "Traceback" not in said


def test_python_dash_m_works() -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "stratege", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("stratege ")
