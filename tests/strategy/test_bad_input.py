"""Bad input never crashes: each class found by fuzzing (issue 7, item 11) ends in located
problems, worded in both languages, within a time bound."""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from stratege.bundled import example_path
from stratege.strategy import StrategyFileError, load_strategy, parse_strategy
from stratege.strategy.errors import FileProblem
from stratege.strategy.yamlio import MAX_FILE_BYTES, locate, parse_strategy_bytes
from tests.strategy.limits import within


def _plain(text: str) -> str:
    """French typography uses non-breaking spaces; compare with ordinary ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _problems(text: str) -> list[FileProblem]:
    with pytest.raises(StrategyFileError) as caught:
        parse_strategy(text, "s.yaml")
    problems = caught.value.problems
    assert problems
    for problem in problems:  # every problem can be shown in both languages
        assert problem.render("fr") and problem.render("en")
        json.dumps(problem.as_dict("fr"))
    return problems


def _only(text: str) -> FileProblem:
    problems = _problems(text)
    assert len(problems) == 1, [p.render("en") for p in problems]
    return problems[0]


def _example() -> str:
    return example_path("boulangeries-martin").read_text(encoding="utf-8")


SECTOR = "  sector: Boulangerie-pâtisserie artisanale"


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _with_period(start: str, end: str, text: str | None = None) -> str:
    text = text or _example()
    return text.replace(
        "  start: 2027-01-01\n  end: 2027-12-31\n", f"  start: {start}\n  end: {end}\n"
    )


# --- anchors, aliases, merge keys ---------------------------------------------------------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def test_an_alias_bomb_is_refused_before_any_expansion() -> None:
    with within(2):
        problem = _only(BILLION_LAUGHS)
    assert problem.code == "alias"
    assert (problem.line, problem.column) == (1, 4)  # the first anchor, `&a`
    assert "anchors and aliases (&, *) are not supported" in problem.message("en")
    assert "ancres et alias" in problem.message("fr")


def test_an_alias_is_refused_where_it_is_used() -> None:
    text = _example().replace(SECTOR, "  sector: *nowhere", 1)
    problem = _only(text)
    assert problem.code in {"alias", "yaml_syntax"}  # an undefined alias is a syntax error
    text = _example() + "extra: &x {a: 1}\n"
    assert _only(text).code == "alias"


def test_a_merge_key_is_refused_at_its_line() -> None:
    text = _example().replace("organisation:\n", "organisation:\n  <<: {x: 1}\n", 1)
    problem = _only(text)
    assert problem.code == "merge_key"
    assert problem.line == _line_of(text, "<<:")
    assert "merge keys (<<)" in problem.message("en")


def test_the_locator_never_raises_on_a_merged_key() -> None:
    """Keys that came from a merge have no position: the parent's is used."""
    tree = YAML(typ="rt").load("base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n")
    assert locate(tree, ["item", "x"]) == (2, 1)
    assert locate(tree, ["item", "x", 3, "deeper"]) == (2, 1)
    assert locate(tree, ["item", "y"]) == (4, 6)
    assert locate(None, ["anything"]) is None


# --- tags ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("!!omap x", "tag"),
        ("!!set x", "tag"),
        ("!!binary aGVsbG8=", "tag"),
        ("!!python/object:os.system x", "tag"),
        ("!!python/object/apply:os.system ['echo pwned']", "tag"),
        ("!custom x", "tag"),
        ("!!bool 2027", "bad_tagged_value"),
        ("!!float", "bad_tagged_value"),
        ("!!int 0x", "bad_tagged_value"),
    ],
)
def test_a_bad_tag_is_a_located_problem(value: str, code: str) -> None:
    text = _example().replace(SECTOR, f"  sector: {value}", 1)
    problem = _only(text)
    assert problem.code == code
    assert problem.line == _line_of(text, "  sector: ")
    assert problem.column == 11


def test_core_tags_that_make_sense_are_accepted() -> None:
    text = _example().replace(SECTOR, "  sector: !!str 2027", 1)
    assert parse_strategy(text).strategy.organisation.sector == "2027"


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (".inf", "finite"),
        ("-.inf", "finite"),
        (".nan", "finite"),
        ("1e400", "finite"),
        ("1e16", "out_of_range"),
        ("-99999999999999999999", "out_of_range"),
        ("9" * 400, "out_of_range"),
        ("9" * 5000, "out_of_range"),
    ],
)
def test_a_number_that_is_not_finite_or_too_large_is_located(value: str, code: str) -> None:
    text = _example().replace("hours_per_week: 14", f"hours_per_week: {value}")
    problem = _only(text)
    assert problem.code == code
    assert problem.line == _line_of(text, f"hours_per_week: {value}")
    assert "10¹⁵" in problem.message("fr") if code == "out_of_range" else True


def test_a_huge_number_in_a_field_without_bound_is_refused() -> None:
    text = _example().replace(SECTOR, "  sector: Boulangerie\n  x: 1", 1)
    assert _only(text).code == "extra_forbidden"
    budget = _example().replace("advertising: 6000", "advertising: 1e23", 1)
    problem = _only(budget)
    assert (problem.code, problem.path) == ("out_of_range", "resources.budget.advertising")


# --- dates --------------------------------------------------------------------------------


def test_an_impossible_date_is_located_in_the_strategy_language() -> None:
    text = _with_period("2027-02-30", "2027-12-31")
    with pytest.raises(StrategyFileError) as caught:
        parse_strategy(text, "s.yaml")
    problem = caught.value.problems[0]
    assert caught.value.language == "fr"
    assert (problem.code, problem.path) == ("bad_date", "period.start")
    assert (problem.line, problem.column) == (_line_of(text, "2027-02-30"), 10)
    assert _plain(problem.message("fr")).startswith("date impossible « 2027-02-30 »")
    assert problem.message("en").startswith("impossible date '2027-02-30'")


def test_an_impossible_date_in_a_text_field_stays_text() -> None:
    text = _example().replace('horizon: "2027"', "horizon: 2027-02-30", 1)
    assert parse_strategy(text).strategy.organisation.business_goals[0].horizon == "2027-02-30"


def test_a_period_longer_than_three_years_is_refused() -> None:
    problem = _only(_with_period("2027-01-01", "2036-12-31"))
    assert (problem.code, problem.path) == ("period_too_long", "period.end")
    assert problem.message("en").endswith("three years at most, ending by 2029-12-31")
    parse_strategy(_with_period("2027-01-01", "2029-12-31"))  # three years: fine


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    problem = _only(_with_period("2027-12-31", "2027-01-01"))
    assert (problem.code, problem.path) == ("period_order", "period.end")


@pytest.mark.parametrize("start", ["0001-01-01", "1999-12-31"])
def test_a_period_far_in_the_past_is_refused(start: str) -> None:
    problems = _problems(_with_period(start, "2027-12-31"))
    assert [(p.code, p.path) for p in problems] == [("period_years", "period.start")]


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("    deadline: 2027-06-30", "    deadline: 3500-06-30", "objectives[0].deadline"),
        ("30000, deadline: 2027-06-30", "30000, deadline: 9999-12-31", "kpis[0].deadline"),
        ("date: 2027-01-06", "date: 0001-01-06", "occasions[0].date"),
        ("{start: 2027-08-09,", "{start: 2020-08-09,", "period.blackouts[0].start"),
        ("start: 2027-03-22", "start: 2031-03-22", "advertising.campaigns[0].start"),
        ("observed_on: 2026-11-15", "observed_on: 2024-11-15", "audit.accounts[0].observed_on"),
    ],
)
def test_a_date_far_from_the_period_is_located(old: str, new: str, path: str) -> None:
    text = _example()
    assert old in text
    text = text.replace(old, new, 1)
    problem = _only(text)
    assert (problem.code, problem.path) == ("date_window", path)
    assert problem.line == _line_of(text, new)
    assert "2026-01-01" in problem.message("en") and "2029-12-31" in problem.message("en")


def test_dates_at_the_edges_of_the_window_are_accepted() -> None:
    text = _example().replace("    deadline: 2027-06-30", "    deadline: 2029-12-31", 1)
    text = text.replace("date: 2027-01-06", "date: 2026-01-01", 1)
    parse_strategy(text)


# --- control characters -------------------------------------------------------------------


def test_control_characters_are_removed_from_every_text() -> None:
    name = r'"Boulangeries\rBEGIN:VEVENT\x1b\u0085\x00 Martin\ud800"'
    history = r'"Line one\nLine\ttwo\r"'
    text = _example().replace("  name: Boulangeries Martin", f"  name: {name}", 1)
    text = re.sub(r"(?m)^  history: .*$", lambda _: f"  history: {history}", text, count=1)
    organisation = parse_strategy(text).strategy.organisation
    assert organisation.name == "BoulangeriesBEGIN:VEVENT Martin"
    assert organisation.history == "Line one\nLine\ttwo"


def test_a_line_feed_in_a_name_becomes_a_space() -> None:
    text = _example().replace("  name: Boulangeries Martin", '  name: "Boulangeries\\nMartin"', 1)
    assert parse_strategy(text).strategy.organisation.name == "Boulangeries Martin"


def test_a_raw_control_character_is_a_located_syntax_error() -> None:
    text = _example().replace(SECTOR, "  sector: Boulan\x07gerie", 1)
    problem = _only(text)
    assert (problem.code, problem.column) == ("yaml_syntax", 17)
    assert problem.line == _line_of(text, "Boulan\x07gerie")


# --- reading files ------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_refused_after_the_size_limit() -> None:
    with within(5), pytest.raises(StrategyFileError) as caught:
        load_strategy("/dev/zero")
    assert caught.value.problems[0].code == "too_large"


def test_a_pipe_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    """A pipe's size is 0 for stat: only counting the bytes read can refuse it."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)

    def _write() -> None:
        # the reader stops at the limit and closes its end: a broken pipe is expected
        with contextlib.suppress(BrokenPipeError), fifo.open("wb") as sink:
            sink.write(b"# " + b"x" * (MAX_FILE_BYTES * 2) + b"\n")

    writer = threading.Thread(target=_write, daemon=True)
    writer.start()
    with within(10), pytest.raises(StrategyFileError) as caught:
        load_strategy(fifo)
    writer.join(5)
    assert caught.value.problems[0].code == "too_large"


def test_too_long_a_text_is_refused_without_parsing() -> None:
    with within(2):
        problem = _only("# " + "x" * MAX_FILE_BYTES)
    assert problem.code == "too_large"


def test_a_bom_and_crlf_line_ends_are_accepted() -> None:
    original = load_strategy(example_path("boulangeries-martin")).strategy
    data = b"\xef\xbb\xbf" + _example().replace("\n", "\r\n").encode("utf-8")
    assert parse_strategy_bytes(data, "s.yaml").strategy == original


def test_latin1_is_located_at_the_first_byte_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("organisation:\n  name: Crêperie\n".encode("latin-1"))
    with pytest.raises(StrategyFileError) as caught:
        load_strategy(path)
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.column) == ("not_utf8", 2, 11)
    assert "UTF-8" in problem.message("fr") and "UTF-8" in problem.message("en")


def test_deep_nesting_is_a_located_syntax_error() -> None:
    with within(5):
        problem = _only("knowledge: " + "[" * 5000 + "]" * 5000 + "\n")
    assert problem.code == "too_deep"
    assert problem.line == 1


# --- did you mean -------------------------------------------------------------------------


def test_an_unknown_field_suggests_the_closest_one() -> None:
    text = _example().replace("hours_per_week: 14", "hours_per_wek: 14")
    typo = _only(text)  # not also "hours_per_week is missing": one mistake, one problem
    assert typo.message("en") == "unknown field 'hours_per_wek' — did you mean 'hours_per_week'?"
    assert _plain(typo.message("fr")) == (
        "champ inconnu « hours_per_wek » — vouliez-vous dire « hours_per_week » ?"
    )


def test_an_unknown_field_with_nothing_close_lists_the_fields() -> None:
    text = _example().replace(SECTOR, "  zzz: Boulangerie", 1)
    message = _only(text).message("en")
    assert message.startswith("unknown field 'zzz'; possible fields: name, sector, country")


@pytest.mark.parametrize(
    ("old", "new", "suggestion"),
    [
        ("purpose: main", "purpose: custmer_care", "customer_care"),
        ("kind: customers", "kind: prospect", "prospects"),
        ("priority: secondary", "priority: secundary", "secondary"),
    ],
)
def test_a_value_not_allowed_suggests_the_closest_one(old: str, new: str, suggestion: str) -> None:
    text = _example()
    assert old in text
    problem = _only(text.replace(old, new, 1))
    assert problem.code == "literal_error"
    assert problem.message("en").endswith(f"did you mean '{suggestion}'?")
    assert f"« {suggestion} »" in _plain(problem.message("fr"))


def test_a_value_with_nothing_close_lists_the_allowed_values() -> None:
    problem = _only(_example().replace("priority: secondary", "priority: zzz", 1))
    assert problem.message("en") == (
        "value 'zzz' is not allowed; possible values: primary, secondary"
    )


def test_an_unknown_knowledge_field_suggests_the_closest_one() -> None:
    text = _example() + "knowledge:\n  formats:\n    image:\n      lead_time_dayz: 2\n"
    problem = _only(text)
    assert problem.path == "knowledge.formats.image.lead_time_dayz"
    assert problem.line == _line_of(text, "lead_time_dayz")
    assert "did you mean 'lead_time_days'?" in problem.message("en")


def test_a_misspelt_section_is_one_problem() -> None:
    text = _example().replace("\nperiod:\n", "\nperoid:\n", 1)
    problem = _only(text)
    assert problem.message("en") == "unknown field 'peroid' — did you mean 'period'?"
