"""Positioning lands where rule AUD007 and the document's third section read it."""

from __future__ import annotations

from stratege.checks import run_checks
from tests.wizard.scripted import run

START = [("Name of the organisation", "ACME"), ("Business goal no. 1", "Grow")]
TARGET = [("Target by", "9")]


def codes(strategy: object) -> set[str]:
    return {f.code for f in run_checks(strategy)}  # type: ignore[arg-type]


def test_the_positioning_of_question_1_is_suggested_after_the_audit_and_kept() -> None:
    rules = [*START, ("what sets you apart", "The bakery next door"), *TARGET]
    strategy, console = run(rules, "en")
    assert strategy.organisation.communication.positioning == "The bakery next door"
    assert strategy.audit.positioning == "The bakery next door"
    assert "in the light of this review (- for none) (The bakery next door)" in console.transcript
    assert not {"AUD007", "STR003"} & codes(strategy)


def test_the_audit_may_choose_another_positioning() -> None:
    rules = [
        *START,
        ("what sets you apart", "The bakery next door"),
        ("in the light of this review", "The only organic bakery in town"),
        *TARGET,
    ]
    strategy, _ = run(rules, "en")
    assert strategy.organisation.communication.positioning == "The bakery next door"
    assert strategy.audit.positioning == "The only organic bakery in town"


def test_without_any_positioning_the_rules_still_say_so() -> None:
    strategy, _ = run([*START, *TARGET], "en")
    assert strategy.audit.positioning == ""
    assert {"AUD007", "STR003"} <= codes(strategy)
