"""The document's content: every section, in both languages, with the plan's own figures."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from stratege.checks import Finding, run_checks
from stratege.i18n.numbers import count, money, short_day
from stratege.planning.plan import build_plan
from stratege.planning.trajectories import checkpoints
from stratege.questions import QUESTIONS
from stratege.reports.build import build_document
from stratege.reports.document import Figure, Paragraph, Table
from stratege.strategy import Strategy
from tests.conftest import example_data, short_of_video_data
from tests.reports.examples import EXAMPLES, TODAY, document, findings, plan, tables, texts

SECTION_IDS = [
    "summary",
    *(q.anchor for q in QUESTIONS[1:]),
    "diagnostics",
    "sources",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_section_is_there_in_the_methods_order(name: str, lang: str) -> None:
    built = document(name, lang)
    assert [s.id for s in built.sections] == SECTION_IDS
    assert all(s.blocks for s in built.sections)
    assert built.lang == lang and built.date == TODAY


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_question_sections_take_their_headings_from_the_registry(lang: str) -> None:
    headings = {s.id: s.title for s in document("mairie-rives", lang).sections}
    for asked in QUESTIONS[1:]:
        assert headings[asked.anchor] == asked.heading(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", EXAMPLES)
def test_figures_are_real_pngs(name: str) -> None:
    figures = [
        b for s in document(name, "fr").all_sections() for b in s.blocks if isinstance(b, Figure)
    ]
    assert len(figures) >= 4
    assert all(f.png.startswith(b"\x89PNG") and len(f.png) > 5000 and f.alt for f in figures)


@pytest.mark.parametrize("name", EXAMPLES)
def test_tables_carry_the_plans_figures(name: str) -> None:
    built, planned = tables(document(name, "en")), plan(name)
    weekly = built["Posts per channel per week"]
    assert sum(int(c.replace(",", "")) for row in weekly.rows for c in row[1:]) == len(
        planned.slots
    )
    assert [row[0] for row in built["KPI plan"].rows] == [k.id for k in planned.strategy.kpis]
    budget = built["Budget over the period: planned and declared"]
    currency = planned.strategy.resources.budget.currency
    tools = next(row for row in budget.rows if row[0] == "Tools")
    assert tools[1] == money(planned.budget.planned_total("tools"), currency, "en")
    raci = built["RACI matrix: activities × channels"]
    assert len(raci.rows) == len(planned.raci.activities)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_summary_states_posts_and_feasibility(name: str) -> None:
    text = " ".join(texts(document(name, "en")))
    planned = plan(name)
    assert f"{count(len(planned.slots), 'en')} posts are planned" in text
    unplaced = sum(planned.unplaced_posts().values())
    if planned.shortfalls:
        assert "The plan is not fully feasible" in text
    elif unplaced:
        assert "The plan is feasible" not in text
        assert f"{unplaced} post{'s' if unplaced > 1 else ''} found no slot" in text
    else:
        assert "The plan is feasible" in text


def test_french_typography_and_numbers() -> None:
    built = document("boulangeries-martin", "fr")
    assert "1. Quelle est notre stratégie\u202f?" in [s.title for s in built.sections]
    budget = tables(built)["Budget sur la période\u00a0: prévu et déclaré"]
    advertising = next(row for row in budget.rows if row[0] == "Publicité")
    assert advertising[2] == "6\u202f000\u00a0€"


# --- regressions ------------------------------------------------------------------------


def _one_person_strategy() -> Strategy:
    data = example_data("boulangeries-martin")
    data["resources"]["people"] = data["resources"]["people"][:1]
    person = data["resources"]["people"][0]["id"]
    for row in data.get("responsibilities", []):
        for role in ("responsible", "accountable", "consulted", "informed"):
            if row.get(role):
                row[role] = [person] if isinstance(row[role], list) else person
    return Strategy.model_validate(data)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "L’équipe de 1 personne est occupée"), ("en", "The team of 1 person is busy")],
)
def test_a_team_of_one_is_one_person(lang: str, expected: str) -> None:
    """Was "l'équipe de 1 personnes": the sentence takes the plural form of its count."""
    strategy = _one_person_strategy()
    built = build_document(build_plan(strategy), [], lang, TODAY)  # type: ignore[arg-type]
    summary = " ".join(texts(built))
    assert expected in summary
    assert "1 personnes" not in summary and "1 people" not in summary


def test_small_rates_keep_their_significant_digits() -> None:
    """Was "0 %" for a 0.05 % conversation rate, and a constant "0,1 %" month after month."""
    data = example_data("boulangeries-martin")
    kpi = next(k for k in data["kpis"] if k["id"] == "conversation-facebook")
    kpi.update(baseline=0.05, target=0.08)
    strategy = Strategy.model_validate(data)
    built = tables(build_document(build_plan(strategy), [], "fr", TODAY))
    row = next(r for r in built["Plan des indicateurs"].rows if r[0] == "conversation-facebook")
    assert row[3:5] == ["0,05\u00a0%", "0,08\u00a0%"]
    path = [
        cell
        for caption, table in built.items()
        if caption.startswith("Trajectoires")
        for r in table.rows
        if r[0] == "conversation-facebook"
        for cell in r[1:]
        if cell != "—"
    ]
    assert len(path) == 12 and len(set(path)) == 12, path  # every month shows its change
    assert path[-1] == "0,08\u00a0%"


WHOLE = {"fr": re.compile(r"^\d{1,3}(\u202f\d{3})*$"), "en": re.compile(r"^\d{1,3}(,\d{3})*$")}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_counts_never_show_decimals(lang: str) -> None:
    """Impressions, clicks, conversions and posts are whole numbers, grouped by thousands."""
    built = list(tables(document("northwind-analytics", lang)).values())
    campaigns = next(t for t in built if len(t.header) == 8 and t.numeric[5:] == [True] * 3)
    weekly = next(t for t in built if t.rows and t.rows[0][0].startswith(("week", "semaine")))
    cells = [c for r in campaigns.rows for c in r[5:]] + [c for r in weekly.rows for c in r[1:]]
    assert cells and all(WHOLE[lang].match(c) for c in cells), cells


def test_an_empty_diagnostics_table_is_a_sentence() -> None:
    diagnostics = build_document(plan("boulangeries-martin"), [], "en", TODAY).sections[-2]
    assert diagnostics.id == "diagnostics"
    assert not any(isinstance(b, Table) for b in diagnostics.blocks)
    assert Paragraph("No error or warning is open.") in diagnostics.blocks


def test_kpi_trajectory_dates_are_the_checkpoints() -> None:
    """Month ends and each KPI's deadline, as in the plan (and its XLSX)."""
    planned = plan("northwind-analytics")
    built = document("northwind-analytics", "en")
    dates = sorted(
        {
            d
            for k in planned.strategy.kpis
            if k.deadline
            for d in checkpoints(planned.horizon.start, k.deadline)
        }
    )
    headers = [
        cell
        for caption, table in tables(built).items()
        if caption.startswith("KPI trajectories")
        for cell in table.header[1:]
    ]
    assert headers == [short_day(d, "en") for d in dates]


def test_the_raci_section_shows_the_findings_it_is_given() -> None:
    strategy = _one_person_strategy()
    strategy.responsibilities[0].accountable = []
    given = run_checks(strategy)
    raci = [f for f in given if f.rule.question == 9]
    assert raci, "a row without anyone accountable is a RACI finding"
    built = build_document(build_plan(strategy), given, "en", TODAY)
    section = next(s for s in built.sections if s.id == "q9-responsibilities")
    bullets = [i for b in section.blocks for i in getattr(b, "items", [])]
    assert bullets == [f.message("en") for f in raci]
    others: list[Finding] = [f for f in findings("mairie-rives") if f.rule.question != 9]
    quiet = build_document(plan("mairie-rives"), others, "en", TODAY)
    section = next(s for s in quiet.sections if s.id == "q9-responsibilities")
    assert not any(getattr(b, "items", None) for b in section.blocks)


def test_the_document_never_runs_the_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    import stratege.checks

    def refuse(*_args: object) -> None:
        raise AssertionError("the caller runs the checks once")

    monkeypatch.setattr(stratege.checks, "run_checks", refuse)
    build_document(plan("boulangeries-martin"), findings("boulangeries-martin"), "fr", TODAY)


def test_the_document_date_is_today_by_default() -> None:
    built = build_document(plan("boulangeries-martin"), [], "en")
    assert built.date == dt.date.today()


def test_a_plan_for_part_of_the_period_says_its_budget_is_pro_rated() -> None:
    strategy = plan("boulangeries-martin").strategy
    half = build_plan(strategy, dt.date(2027, 1, 1), dt.date(2027, 6, 30))
    section = next(
        s for s in build_document(half, [], "en", TODAY).sections if s.id == "q8-resources"
    )
    pro_rated = "The plan covers 50% of the strategy's period: every budget line is counted"
    assert Paragraph(f"{pro_rated} for that share.") in section.blocks
    whole = next(
        s for s in document("boulangeries-martin", "en").sections if s.id == "q8-resources"
    )
    assert not any("strategy's period" in getattr(b, "text", "") for b in whole.blocks)


def test_shortfalls_name_the_work_and_the_skill_in_the_language() -> None:
    from stratege.reports.shortfalls import describe_shortfall

    short = build_plan(Strategy.model_validate(short_of_video_data()))
    text = describe_shortfall(short, short.shortfalls[0], "fr")
    assert text.startswith("Création des contenus (Tournage et montage vidéo)\u00a0: ")
    assert "du 28 décembre 2026 au" in text  # a range over two years names both years
    summary = " ".join(texts(build_document(short, [], "fr", TODAY)))
    assert "pour Création des contenus (Tournage et montage vidéo)\u202f;" in summary
