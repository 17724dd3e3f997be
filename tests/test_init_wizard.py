"""`stratege init`: the ten questions asked in the terminal, answers piped on stdin."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from stratege.bundled import example_path
from stratege.checks import Severity, run_checks
from stratege.knowledge import load_knowledge
from stratege.strategy import load_strategy
from stratege.strategy.model import Person
from stratege.wizard import Asker, run_wizard
from stratege.wizard.answers import (
    Invalid,
    format_windows,
    parse_cadence,
    parse_mix,
    parse_number,
    parse_picks,
    parse_shares,
    parse_windows,
)
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

STRATEGE = shutil.which("stratege") or str(Path(sys.executable).with_name("stratege"))
NEXT_YEAR = next_january(dt.date.today()).year


def init(out: Path, answers: list[str], *options: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [STRATEGE, "init", str(out), *options],
        input="".join(f"{a}\n" for a in answers),
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [STRATEGE, "check", str(path), "--lang", "en"], capture_output=True, text=True, timeout=120
    )


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# One answer per prompt, in the order the wizard asks; "" keeps the suggested value.
FRENCH_ANSWERS = [
    # frame: language, name, sector, country, start of the period, months
    "", "Boulangerie Dupont", "Boulangerie artisanale", "", "", "",
    # 1: mission, values, business goals (Enter ends), positioning, key messages (Enter ends)
    "Du bon pain chaque matin", "qualité, proximité",
    "Augmenter le chiffre d'affaires de 10 %", "Recruter deux apprentis", "",
    "Le pain du quartier", "Tout est fait sur place", "",
    # 2: visibility, customer service, employer branding; the first is primary; then for
    #    each: statement, business goals served, deadline
    "1, 4, 6", "",
    "", "", "",
    "Répondre à tous les messages dans la journée", "1", "",
    "", "2", "",
    # 3: competitors, own accounts (Facebook: handle, followers, posts a week), finding
    "Boulangerie Ange", "", "1", "@dupont", "1 200", "2,5", "Peu de vidéos",
    # 4: indicator, baseline, target for each objective
    "", "5000", "",
    "", "60", "90",
    "", "", "2000",
    # 5: two audiences (kind, name, platforms, information sources, another?), channels,
    #    customer-care channel
    "", "Habitués", "", "", "o",
    "4", "", "", "", "",
    "", "",
    # 6: pillars, their shares, format mix for Facebook, Instagram, LinkedIn, tones
    "", "", "", "", "", "",
    # 7: cadence and windows per channel (Facebook also: response time, covered hours)
    "", "", "4", "",
    "", "",
    "2/semaine", "mar,jeu 08:30-10:30",
    # 8: two people (name, hours, skills, training, hourly cost, another?), tools, budget
    "Julie", "", "", "", "32", "o",
    "Sophie", "3", "1", "advertising", "60", "",
    "Canva", "12", "CapCut", "8", "Mention", "49",
    "", "", "1500", "", "800", "",
    # 9: who runs the work, who approves, keep the suggested split
    "", "", "",
    # 10: one campaign, then the advertising budget
    "o", "Galettes des rois", f"{NEXT_YEAR}-01-04", f"{NEXT_YEAR}-01-17", "1, 2", "", "",
    "1200", "", "", "",
]  # fmt: skip

ENGLISH_DEFAULTS = [
    "", "ACME", "", "", "", "", "", "",  # frame, mission, values
    "Grow sales in the region",  # the one business goal: it cannot be guessed
    *[""] * 11,
    "20000",  # reach target: no baseline given, so no target can be suggested
    *[""] * 60,
]  # fmt: skip


def test_it_writes_a_strategy_from_french_answers_that_checks_clean(tmp_path: Path) -> None:
    out = tmp_path / "strategie.yaml"
    result = init(out, FRENCH_ANSWERS, "--lang", "fr")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    strategy = load_strategy(out).strategy
    assert strategy.organisation.name == "Boulangerie Dupont"
    assert [o.priority for o in strategy.objectives] == ["primary", "secondary", "secondary"]
    assert strategy.channel("facebook").purpose == "customer_care"
    assert strategy.cadence_of("facebook").response_time_hours == 4
    assert [p.id for p in strategy.resources.people] == ["julie", "sophie"]
    assert strategy.advertising.campaigns[0].budget == 1200
    assert strategy.resources.budget.advertising == 1200
    checked = check(out)
    assert checked.returncode == 0, checked.stdout
    assert "4. Quels seront vos indicateurs ?" in _plain(result.stdout)


def test_it_builds_a_coherent_strategy_when_enter_is_pressed_throughout(tmp_path: Path) -> None:
    out = tmp_path / "strategy.yaml"
    result = init(out, ENGLISH_DEFAULTS, "--lang", "en")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    strategy = load_strategy(out).strategy
    assert strategy.language == "en"
    assert strategy.period.start == dt.date(NEXT_YEAR, 1, 1)
    assert strategy.period.end == dt.date(NEXT_YEAR, 12, 31)
    assert [c.platform for c in strategy.channels] == ["facebook", "instagram"]
    assert strategy.cadence_of("facebook").posts_per_week == 7
    assert sum(p.share for p in strategy.content.pillars) == 100
    checked = check(out)
    assert checked.returncode == 0, checked.stdout
    assert "0 error(s)" in checked.stdout


INVALID_THEN_VALID = [
    "", "Mairie de Sainte-Anne", "",
    "FRA", "FR",  # country: three letters, then a code
    "31/02/2027", "",  # no 31 February
    "douze", "0", "12",  # months: words, then out of range
    "", "", "Mieux informer les habitants", "", "", "",
    "99", "12",  # objective kinds: out of the list, then public information
    "", "2099-01-01", "",  # deadline after the period
    "", "", "",
    "9", "", "abc", "100", "50", "",  # KPI: bad pick, bad baseline, target below baseline
    "", "", "99", "1", "", "peut-être", "n",  # audience: bad platform, bad yes/no
    "", "",
    "", "50, 20, 20", "", "image=80", "", "",  # pillar shares and format mix not 100
    "3/an", "", "lundi 25:00-26:00", "",  # cadence and windows unreadable
    "", "-3", "", "", "", "", "",  # negative hours
    "", "", "", "",
    "EURO", "", "",  # currency
    "", "",
    *[""] * 20,
]  # fmt: skip


def test_it_asks_again_after_invalid_answers_instead_of_crashing(tmp_path: Path) -> None:
    out = tmp_path / "strategie.yaml"
    result = init(out, INVALID_THEN_VALID, "--lang", "fr")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert "Traceback" not in result.stderr
    shown = _plain(result.stdout)
    for message in (
        "Entrez un code pays à deux lettres",
        "n'est pas une date",
        "« douze » n'est pas un nombre",
        "Entrez un nombre entre 1 et 60",
        "« 99 » n'est pas dans la liste",
        "Choisissez une date entre",
        "la cible doit être au-dessus de la valeur actuelle",
        "Répondez o (oui) ou n (non)",
        "Les parts font 90 % au lieu de 100 %",
        "Les parts font 80 % au lieu de 100 %",
        "Écrivez un nombre par jour, semaine ou mois",
        "n'est pas une heure",
        "Entrez un nombre entre 0,5 et 168",
        "code de devise à trois lettres",
    ):
        assert message in shown
    strategy = load_strategy(out).strategy
    assert strategy.objectives[0].kind == "public_information"
    assert strategy.kpis[0].baseline == 100 and strategy.kpis[0].target == 120
    assert check(out).returncode in (0, 1)


def test_it_writes_nothing_and_says_so_when_the_answers_run_out(tmp_path: Path) -> None:
    out = tmp_path / "strategy.yaml"
    result = init(out, ["", "ACME"], "--lang", "en")
    assert result.returncode == 1
    assert "no file was written" in result.stdout
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_it_writes_a_bundled_example_on_request(tmp_path: Path) -> None:
    out = tmp_path / "martin.yaml"
    result = init(out, [], "--example", "boulangeries-martin")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == example_path("boulangeries-martin").read_text(
        encoding="utf-8"
    )
    assert load_strategy(out).strategy.organisation.name == "Boulangeries Martin"


def test_the_defaults_path_stays_short(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{a}\n" for a in ENGLISH_DEFAULTS)))
    asker = Asker(Console(file=io.StringIO(), width=120), "en")
    strategy = run_wizard(asker, dt.date(2026, 6, 15))
    assert asker.prompts <= 55
    assert not [f for f in run_checks(strategy) if f.severity is Severity.ERROR]


# --- the pure parts: reading answers and suggesting defaults ------------------------------


def test_numbers_accept_a_decimal_comma_and_spaces() -> None:
    assert parse_number("1 200,5") == 1200.5
    with pytest.raises(Invalid):
        parse_number("12", maximum=10)
    with pytest.raises(Invalid):
        parse_number("2.5", integer=True)


def test_picks_take_numbers_or_identifiers_without_repeats() -> None:
    options = ["facebook", "instagram", "linkedin"]
    assert parse_picks("3, 1, facebook", options) == ["linkedin", "facebook"]
    assert parse_picks("-", options, minimum=0) == []
    with pytest.raises(Invalid):
        parse_picks("", options)
    with pytest.raises(Invalid):
        parse_picks("1 2", options, maximum=1)


def test_shares_and_mixes_must_add_up_to_100() -> None:
    assert parse_shares("34, 33, 33", 3) == [34, 33, 33]
    assert parse_shares("12,5; 87,5", 2) == [12.5, 87.5]
    assert parse_mix("image=60, 1=40", ["short_text", "image"]) == {"image": 60, "short_text": 40}
    with pytest.raises(Invalid):
        parse_mix("live=100", ["image"])


def test_windows_read_back_what_they_print_in_both_languages() -> None:
    windows = parse_windows("lun-ven 9h-12h; sat,sun 10:00-12:30")
    assert windows[0].days == ["mon", "tue", "wed", "thu", "fri"]
    assert format_windows(windows, "fr") == "lun-ven 09:00-12:00; sam,dim 10:00-12:30"
    assert parse_windows(format_windows(windows, "en")) == windows
    with pytest.raises(Invalid):
        parse_windows("mon 12:00-09:00")


def test_cadence_reads_per_day_week_or_month() -> None:
    assert parse_cadence("3") == (3, "week")
    assert parse_cadence("1/jour") == (1, "day")
    assert parse_cadence("2 / month") == (2, "month")


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
