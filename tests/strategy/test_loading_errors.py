"""A file that cannot be used says where (file:line:column, field) and why, in FR or EN."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratege.bundled import example_path
from stratege.strategy import StrategyFileError, load_strategy, parse_strategy


def _plain(text: str) -> str:
    """French typography uses non-breaking spaces; compare with ordinary ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _problems(text: str) -> list:
    with pytest.raises(StrategyFileError) as caught:
        parse_strategy(text, "s.yaml")
    return caught.value.problems


def _example_text() -> str:
    return example_path("boulangeries-martin").read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_it_locates_a_yaml_syntax_error() -> None:
    problem = _problems("period:\n  start: 2027-01-01\n  end: [2027\n")[0]
    assert problem.code == "yaml_syntax"
    assert problem.line is not None and problem.line >= 3
    assert problem.render("fr").startswith("s.yaml:")
    assert "erreur de syntaxe YAML" in problem.render("fr")
    assert "YAML syntax error" in problem.render("en")


def test_it_names_the_line_and_field_of_a_wrong_type() -> None:
    text = _example_text().replace("hours_per_week: 14", "hours_per_week: quatorze")
    problem = _problems(text)[0]
    assert problem.path == "resources.people[1].hours_per_week"
    assert problem.line == _line_of(text, "hours_per_week: quatorze")
    assert "un nombre attendu" in problem.message("fr")
    assert "expected a number, found 'quatorze'" in problem.message("en")


def test_it_points_at_an_unknown_key() -> None:
    text = _example_text().replace("  sector:", "  secteur:")
    problem = _problems(text)[0]
    assert problem.code == "extra_forbidden"
    assert problem.line == _line_of(text, "secteur:")
    assert "champ inconnu « secteur »" in _plain(problem.message("fr"))


def test_it_reports_a_missing_field_at_its_parent() -> None:
    text = _example_text().replace("  name: Boulangeries Martin\n", "")
    problem = _problems(text)[0]
    assert problem.path == "organisation.name"
    assert problem.line == _line_of(text, "organisation:")
    assert problem.message("en") == "required field is missing"


def test_it_reports_every_problem_at_once() -> None:
    text = (
        _example_text()
        .replace("posts: 2\n", "posts: -2\n")
        .replace("priority: secondary", "priority: urgent", 1)
    )
    codes = sorted(p.code for p in _problems(text))
    assert codes == ["ge", "literal_error"]


def test_it_rejects_a_document_that_is_not_a_mapping() -> None:
    assert _problems("- just\n- a list\n")[0].code == "not_a_mapping"


def test_it_rejects_duplicate_keys() -> None:
    assert _problems("language: fr\nlanguage: en\n")[0].code == "yaml_syntax"


def test_it_says_when_the_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(StrategyFileError) as caught:
        load_strategy(tmp_path / "absent.yaml")
    assert caught.value.problems[0].message("fr") == "fichier introuvable"


def test_it_refuses_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("organisation: {name: Crêperie}\n".encode("latin-1"))
    with pytest.raises(StrategyFileError) as caught:
        load_strategy(path)
    assert caught.value.problems[0].code == "not_utf8"


def test_it_never_builds_python_objects_from_tags() -> None:
    text = "!!python/object/apply:os.system ['echo pwned']\n"
    assert _problems(text)[0].code == "tag"


def test_it_keeps_the_file_language_for_messages() -> None:
    with pytest.raises(StrategyFileError) as caught:
        parse_strategy("language: en\nperiod: 3\n", "s.yaml")
    assert caught.value.language == "en"


def test_it_locates_an_invalid_knowledge_override() -> None:
    text = _example_text() + "knowledge:\n  platforms:\n    facebook:\n      cadence: {min: 9}\n"
    problems = _problems(text)
    assert {p.path for p in problems} == {"knowledge.platforms.facebook.cadence"}
    assert problems[0].line == _line_of(text, "cadence: {min: 9}")
