"""The document's content: every section, in both languages, with the plan's own figures."""

from __future__ import annotations

import datetime as dt
import glob
import re

import pytest
from babel.messages.extract import extract_from_file

from stratege.bundled import example_names, example_path
from stratege.planning.plan import Plan, build_plan
from stratege.reports.build import build_document
from stratege.reports.document import Document, Figure, Table
from stratege.i18n.numbers import money, num
from stratege.strategy import load_strategy
from stratege.i18n.catalogue import translations, untranslated

SECTION_IDS = [
    "summary",
    "q1-strategy",
    "q2-priorities",
    "q3-audit",
    "q4-indicators",
    "q5-audiences",
    "q6-content",
    "q7-frequency",
    "q8-resources",
    "q9-responsibilities",
    "q10-advertising",
    "diagnostics",
    "sources",
]
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module", params=example_names())
def plan(request: pytest.FixtureRequest) -> Plan:
    return build_plan(load_strategy(example_path(request.param)).strategy)


def _tables(document: Document) -> dict[str, Table]:
    return {b.caption: b for s in document.all_sections() for b in s.blocks if isinstance(b, Table)}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_section_is_there_in_the_methods_order(plan: Plan, lang: str) -> None:
    document = build_document(plan, lang, TODAY)
    assert [s.id for s in document.sections] == SECTION_IDS
    assert all(s.blocks for s in document.sections)
    assert document.lang == lang


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_figures_are_real_pngs(plan: Plan, lang: str) -> None:
    figures = [
        b
        for s in build_document(plan, lang, TODAY).all_sections()
        for b in s.blocks
        if isinstance(b, Figure)
    ]
    assert len(figures) >= 4
    assert all(f.png.startswith(b"\x89PNG") and len(f.png) > 5000 and f.alt for f in figures)


def test_tables_carry_the_plans_figures(plan: Plan) -> None:
    tables = _tables(build_document(plan, "en", TODAY))
    weekly = tables["Posts per channel per week"]
    assert sum(int(c) for row in weekly.rows for c in row[1:]) == len(plan.slots)
    kpis = tables["KPI plan"]
    assert [row[0] for row in kpis.rows] == [k.id for k in plan.strategy.kpis]
    budget = tables["Budget over the period: planned and declared"]
    currency = plan.strategy.resources.budget.currency
    tools = next(row for row in budget.rows if row[0] == "Tools")
    assert tools[1] == money(plan.budget.planned_total("tools"), currency, "en")
    raci = tables["RACI matrix: activities × channels"]
    assert len(raci.rows) == len(plan.raci.activities)


def test_the_summary_states_posts_and_feasibility(plan: Plan) -> None:
    summary = build_document(plan, "en", TODAY).sections[0]
    text = " ".join(getattr(b, "text", "") for b in summary.blocks)
    assert f"{num(len(plan.slots), 'en')} posts are planned" in text
    assert "The plan is feasible" in text


def test_french_typography_and_numbers() -> None:
    plan = build_plan(load_strategy(example_path("boulangeries-martin")).strategy)
    document = build_document(plan, "fr", TODAY)
    titles = [s.title for s in document.sections]
    assert "1. Quelle est notre stratégie\u202f?" in titles
    tables = _tables(document)
    budget = tables["Budget sur la période\u00a0: prévu et déclaré"]
    advertising = next(row for row in budget.rows if row[0] == "Publicité")
    assert advertising[2] == "6\u202f000\u00a0€"


def test_every_message_of_the_code_is_in_both_catalogues() -> None:
    used = set()
    sources = [
        *glob.glob("src/stratege/reports/*.py"),
        *glob.glob("src/stratege/checks/*.py"),
    ]
    for path in sources:
        for _, message, _, _ in extract_from_file("python", path, keywords={"_": None, "N_": None}):
            used.add(message if isinstance(message, str) else message[0])
    for lang in ("fr", "en"):
        known = set(translations(lang)._catalog)  # type: ignore[attr-defined]
        assert used <= known, sorted(used - known)[:10]
        assert untranslated(lang) == []


def test_placeholders_survive_translation() -> None:
    catalogue = translations("fr")._catalog  # type: ignore[attr-defined]
    for message, translated in catalogue.items():
        if isinstance(message, str) and message:
            assert set(re.findall(r"{\w+}", message)) == set(re.findall(r"{\w+}", translated))
