"""The command line speaks one language at a time: a French run of check (text and JSON),
plan and the listings shows no English label and no raw identifier, and the other way
round (issue 7). Exports and documents have their own tests (tests/exports, tests/reports).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from stratege.bundled import example_names, example_path
from stratege.i18n import LANGUAGES, Lang
from stratege.knowledge import load_knowledge
from stratege.strategy import Strategy, dump_strategy, load_strategy
from tests.conftest import example_data
from tests.e2e.cli import invoke
from tests.language import Guard


@functools.cache
def guard(name: str, lang: Lang) -> Guard:
    strategy = load_strategy(example_path(name)).strategy
    return Guard(strategy, load_knowledge(strategy.knowledge), lang)


def _without(text: str, *parts: str) -> str:
    for part in parts:
        text = text.replace(part, " ")
    return text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", example_names())
def test_check_and_plan_in_one_language(name: str, lang: Lang, tmp_path: Path) -> None:
    path = str(example_path(name))
    check = invoke("check", path, "--lang", lang)
    plan = invoke("plan", path, "--lang", lang, "--out", str(tmp_path))
    text = _without(check.stdout + plan.stdout, path, str(tmp_path))
    assert guard(name, lang).leaks(text) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_findings_in_one_language(lang: Lang, tmp_path: Path) -> None:
    """A strategy with many findings, so that many rules' messages are shown."""
    data = example_data()
    data["objectives"][3]["business_goals"] = []
    data["content"]["pillars"][0]["share"] = 55
    data["channels"][0]["platform"] = "facebok"
    data["content"]["formats"][1]["mix"] = {"short_vidoe": 50, "image": 50}
    data["resources"]["people"][2]["hours_per_week"] = 1
    data["responsibilities"][1]["accountable"] = []
    data["resources"]["budget"].update(covers="month", advertising=100)
    path = tmp_path / "planted.yaml"
    path.write_text(dump_strategy(Strategy.model_validate(data)), encoding="utf-8")
    text = invoke("check", str(path), "--lang", lang).stdout
    records = json.loads(invoke("check", str(path), "--lang", lang, "--format", "json").stdout)
    prose = " ".join(f"{r['title']} {r['message']} {r['hint']}" for r in records)
    assert len(records) > 10
    assert guard("boulangeries-martin", lang).leaks(_without(text, str(path)) + prose) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("command", ["kpis", "platforms", "formats", "skills", "rules"])
def test_listings_in_one_language(command: str, lang: Lang) -> None:
    records = json.loads(invoke(command, "--lang", lang, "--format", "json").stdout)
    words = " ".join(
        str(value)
        for record in records
        for key, value in record.items()
        if key not in ("id", "code", "formula", "severity")  # identifiers and code, as such
    )
    assert guard("boulangeries-martin", lang).leaks(words) == []
