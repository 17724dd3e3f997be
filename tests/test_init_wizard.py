"""`stratege init`: the ten questions, driven in-process by scripted answers (see
tests/wizard/scripted.py), and once through the real command with answers on stdin."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from stratege.bundled import example_path
from stratege.checks import Severity, run_checks
from stratege.cli.wizard import run_init
from stratege.knowledge import load_knowledge
from stratege.strategy import load_strategy
from stratege.strategy.model import Person
from stratege.wizard.suggest import (
    default_mix,
    default_raci,
    equal_shares,
    missing_skills,
    next_january,
    period_end,
    slugify,
    suggested_target,
    unique_id,
)
from tests.wizard.scripted import ScriptedConsole, plain, replay, run

STRATEGE = shutil.which("stratege") or str(Path(sys.executable).with_name("stratege"))


def errors(strategy: object) -> list[str]:
    return [f.code for f in run_checks(strategy) if f.severity is Severity.ERROR]  # type: ignore[arg-type]


# The answers that matter, in the order asked; every other prompt gets Enter.
FRENCH = [
    ("Nom de l’organisation", "Boulangerie Dupont"),
    ("Secteur", "Boulangerie artisanale"),
    ("Début de la période", "2027-01-01"),  # the real command's today may differ
    ("Mission", "Du bon pain chaque matin"),
    ("Valeurs", "qualité, proximité"),
    ("But de l’organisation n° 1", "Augmenter le chiffre d’affaires de 10 %"),
    ("But n° 2", "Recruter deux apprentis"),
    ("Positionnement : ce qui vous distingue", "Le pain du quartier"),
    ("Message clé n° 1", "Tout est fait sur place"),
    ("Objectifs", "1, 4, 6"),  # visibility, customer service, employer branding
    ("Formulez l’objectif", ""),
    ("Formulez l’objectif", "Répondre à tous les messages dans la journée"),
    ("À quels buts", "1"),
    ("Formulez l’objectif", ""),
    ("À quels buts", "2"),
    ("Concurrent n° 1", "Boulangerie Ange"),
    ("Où avez-vous déjà un compte", "1"),
    ("Facebook : nom du compte", "@dupont"),
    ("Facebook : abonnés", "1 200"),
    ("Facebook : publications par semaine", "2,5"),
    ("Ce que vous retenez", "Peu de vidéos"),
    ("Valeur actuelle", "5000"),
    ("Valeur actuelle (%)", "60 %"),
    ("Valeur visée", "90 %"),
    ("Valeur visée", "2000"),
    ("Nom de cette cible", "Habitués"),
    ("Ajouter une autre cible", "o"),
    ("Type de cible", "4"),  # job candidates
    ("Facebook : délai de première réponse", "4"),
    ("LinkedIn : publications", "2 par semaine"),
    ("LinkedIn : créneaux", "mar,jeu 08:30-10:30"),
    ("Nom", "Julie"),
    ("Coût horaire chargé", "32 €"),
    ("Ajouter une autre personne", "o"),
    ("Nom", "Sophie"),
    ("Heures par semaine", "3"),
    ("Compétences", "1"),
    ("Besoins de formation", "advertising"),
    ("Coût horaire chargé", "60"),
    ("nom de l’outil", "Canva"),
    ("coût mensuel", "12"),
    ("nom de l’outil", "CapCut"),
    ("coût mensuel", "8"),
    ("nom de l’outil", "Mention"),
    ("coût mensuel", "49 €"),
    ("Sous-traitance", "1 500 €"),
    ("Formation", "800"),
    ("Prévoyez-vous de la publicité", "o"),
    ("Nom ou occasion", "Galettes des rois"),
    ("Début", "2027-01-04"),
    ("Fin", "2027-01-17"),
    ("Plateformes", "1, 2"),
    ("Budget (EUR)", "1 200 €"),
]


def test_it_builds_a_strategy_from_french_answers_that_checks_clean() -> None:
    strategy, console = run(FRENCH, "fr")
    assert strategy.organisation.name == "Boulangerie Dupont"
    assert [o.priority for o in strategy.objectives] == ["primary", "secondary", "secondary"]
    assert strategy.channel("facebook").purpose == ["main", "customer_care"]
    assert strategy.cadence_of("facebook").response_time_hours == 4
    assert strategy.cadence_of("linkedin").posts_per_week == 2
    assert strategy.audit.accounts[0].followers == 1200
    assert strategy.audit.accounts[0].posts_per_week == 2.5
    assert strategy.kpis[1].baseline == 60 and strategy.kpis[1].target == 90
    assert [p.id for p in strategy.resources.people] == ["julie", "sophie"]
    assert strategy.resources.people[0].hourly_cost == 32
    assert strategy.resources.budget.outsourcing == 1500
    assert strategy.advertising.campaigns[0].budget == 1200
    assert strategy.resources.budget.advertising == 1200
    assert errors(strategy) == []
    assert "4. Quels seront vos indicateurs ?" in console.transcript


def test_it_builds_a_coherent_strategy_when_enter_is_pressed_throughout() -> None:
    rules = [
        ("Name of the organisation", "ACME"),
        ("Business goal no. 1", "Grow sales"),
        ("Target by", "20000"),
    ]  # fmt: skip  (nothing to suggest without a baseline)
    strategy, console = run(rules, "en")
    assert strategy.language == "en"
    assert strategy.period.start == dt.date(2027, 1, 1)
    assert strategy.period.end == dt.date(2027, 12, 31)
    assert [c.platform for c in strategy.channels] == ["facebook", "instagram"]
    assert strategy.cadence_of("facebook").posts_per_week == 7
    assert sum(p.share for p in strategy.content.pillars) == 100
    assert errors(strategy) == []
    assert len(console.prompts) <= 55  # the shortest path stays short


INVALID_THEN_VALID = [
    ("Nom de l’organisation", "Mairie de Sainte-Anne"),
    ("Pays", "FRA"), ("Pays", "FR"),
    ("Début de la période", "31/02/2027"), ("Début de la période", ""),
    ("Durée en mois", "douze"), ("Durée en mois", "0"), ("Durée en mois", "12"),
    ("But de l’organisation n° 1", "Mieux informer les habitants"),
    ("Objectifs", "99"), ("Objectifs", "12"),  # out of the list, then public information
    ("Échéance", "2099-01-01"), ("Échéance", ""),
    ("Indicateur", "9"), ("Indicateur", ""),
    ("Valeur actuelle", "abc"), ("Valeur actuelle", "100"),
    ("Valeur visée", "50"), ("Valeur visée", ""),
    ("Où est-elle présente", "99"), ("Où est-elle présente", "1"),
    ("Ajouter une autre cible", "peut-être"), ("Ajouter une autre cible", "n"),
    ("Part de chaque pilier", "50, 20, 20"), ("Part de chaque pilier", ""),
    ("Répartition des formats", "image=80"), ("Répartition des formats", "image 80"),
    ("Répartition des formats", ""),
    ("publications (référence", "3 par an"), ("publications (référence", ""),
    ("créneaux", "lundi 25:00-26:00"), ("créneaux", ""),
    ("Heures par semaine", "-3"), ("Heures par semaine", ""),
    ("coût mensuel", "12 jours"), ("coût mensuel", ""),
    ("Devise", "EURO"), ("Devise", ""),
]  # fmt: skip


def test_it_asks_again_after_invalid_answers_and_says_what_is_expected() -> None:
    strategy, console = run(INVALID_THEN_VALID, "fr")
    for message in (
        "Entrez un code pays à deux lettres",
        "« 31/02/2027 » n’est pas une date",
        "« douze » n’est pas un nombre",
        "Entrez un nombre entre 1 et 36",
        "« 99 » n’est pas dans la liste",
        "Choisissez une date entre",
        "« abc » n’est pas un nombre",
        "la cible doit être au-dessus de la valeur actuelle (100)",
        "Répondez o (oui) ou n (non)",
        "Les parts font 90 % au lieu de 100 %",
        "Les parts font 80 % au lieu de 100 %",
        "Écrivez chaque format sous la forme format=part, par exemple short_text=50",
        "Écrivez un nombre de publications par jour, semaine ou mois",
        "n’est pas une heure",
        "Entrez un nombre entre 0,5 et 168",
        "« 12 jours » n’est pas un montant : écrivez un nombre, par exemple 1 500 ou 1 500 €",
        "code de devise à trois lettres",
    ):
        assert message in console.transcript, message
    assert strategy.objectives[0].kind == "public_information"
    assert strategy.kpis[0].baseline == 100 and strategy.kpis[0].target == 120


def test_it_writes_nothing_and_says_so_when_the_answers_run_out(tmp_path: Path) -> None:
    out = tmp_path / "strategy.yaml"
    console = ScriptedConsole([("Name of the organisation", "ACME")], then_stop=True)
    with pytest.raises(typer.Exit) as stopped:
        run_init(console, out, "en", force=False)
    assert stopped.value.exit_code == 1
    assert "no file was written" in console.transcript
    assert not out.exists()


def test_the_real_command_reads_piped_answers_and_writes_a_clean_strategy(
    tmp_path: Path,
) -> None:
    """One run through the installed command: piped stdin, exit code, no traceback."""
    _, console = run(FRENCH, "fr")
    out = tmp_path / "strategie.yaml"
    result = subprocess.run(
        [STRATEGE, "init", str(out), "--lang", "fr"],
        input=replay(console),
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert "Traceback" not in result.stderr
    assert "Stratégie écrite dans" in plain(result.stdout)
    assert load_strategy(out).strategy.organisation.name == "Boulangerie Dupont"


def test_it_writes_a_bundled_example_on_request(tmp_path: Path) -> None:
    out = tmp_path / "martin.yaml"
    result = subprocess.run(
        [STRATEGE, "init", str(out), "--example", "boulangeries-martin"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == example_path("boulangeries-martin").read_text(
        encoding="utf-8"
    )
    again = subprocess.run(
        [STRATEGE, "init", str(out), "--example", "boulangeries-martin", "--lang", "en"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert again.returncode == 2 and "already exists" in again.stderr


# --- the pure parts: suggesting defaults ---------------------------------------------------


def test_period_defaults_to_the_coming_calendar_year() -> None:
    assert next_january(dt.date(2026, 1, 1)) == dt.date(2027, 1, 1)
    assert period_end(dt.date(2027, 1, 1), 12) == dt.date(2027, 12, 31)
    assert period_end(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 27)


def test_identifiers_are_slugs_made_unique() -> None:
    taken: set[str] = set()
    assert slugify("Clients habitués d'Angers") == "clients-habitues-d-angers"
    assert [unique_id("Équipe", taken, "x") for _ in range(2)] == ["equipe", "equipe-2"]
    assert unique_id("!!!", taken, "pillar") == "pillar"


def test_equal_shares_sum_to_exactly_100() -> None:
    for count in range(1, 12):
        assert sum(equal_shares(count)) == 100


def test_every_platform_gets_a_supported_mix_summing_to_100() -> None:
    for platform_id, platform in load_knowledge().platforms.items():
        mix = default_mix(platform_id, platform.formats)
        assert sum(mix.values()) == 100 and set(mix) <= set(platform.formats), platform_id


def test_targets_are_suggested_in_the_metric_s_good_direction() -> None:
    kpis = load_knowledge().kpis
    assert suggested_target(1000, kpis["reach"]) == 1200
    assert suggested_target(90, kpis["response_rate"]) == 100
    assert suggested_target(600, kpis["median_first_response_time"]) == 480
    assert suggested_target(None, kpis["reach"]) is None
    assert suggested_target(0, kpis["reach"]) is None


def test_the_suggested_raci_has_one_accountable_and_someone_responsible_per_row() -> None:
    people = [
        Person(id="julie", name="Julie", hours_per_week=28, skills=["copywriting"]),
        Person(id="karim", name="Karim", hours_per_week=14, skills=["advertising"]),
        Person(id="sophie", name="Sophie", hours_per_week=2),
    ]
    rows = default_raci(people, "julie", "sophie", care=True, campaigns=True)
    assert [r.activity for r in rows] == [
        "create_content", "approve", "publish", "moderate", "answer_customers", "advertise",
        "monitor", "report", "crisis",
    ]  # fmt: skip
    assert all(len(r.accountable) == 1 and r.responsible for r in rows)
    advertise = next(r for r in rows if r.activity == "advertise")
    assert advertise.responsible == ["julie", "karim"] and advertise.accountable == ["sophie"]


def test_skills_that_formats_need_and_nobody_has_are_named() -> None:
    knowledge = load_knowledge()
    writer = Person(id="ann", name="Ann", hours_per_week=10, skills=["copywriting"])
    assert missing_skills(["short_text", "image"], [writer], knowledge) == ["graphic_design"]
    learner = writer.model_copy(update={"training": ["graphic_design"]})
    assert missing_skills(["short_text", "image"], [learner], knowledge) == []
