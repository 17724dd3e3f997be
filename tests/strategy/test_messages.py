"""Every loading problem is worded in French and in English, from the gettext catalogues,
and keeps the shape the command line and the JSON output rely on."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

from stratege.i18n.catalogue import translations
from stratege.strategy import errors
from stratege.strategy.errors import FileProblem, Phrase

MSGIDS = sorted(
    {
        *errors.MESSAGES.values(),
        *errors.SUGGESTED.values(),
        *errors.LISTED.values(),
        *errors.EXPECTED.values(),
        *errors.PATTERN_RULES.values(),
        errors.ID_RULE,
        errors.FIELD_LABEL,
    }
)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@pytest.mark.parametrize("msgid", MSGIDS)
def test_every_message_has_a_french_and_an_english_wording(msgid: str) -> None:
    french = translations("fr").gettext(msgid)
    assert french != msgid, "no French translation in errors.po"
    assert translations("en").gettext(msgid) == msgid
    assert _placeholders(french) == _placeholders(msgid)


@pytest.mark.parametrize("code", sorted(errors.MESSAGES))
def test_every_code_renders_in_both_languages(code: str) -> None:
    names = _placeholders(errors.MESSAGES[code])
    problem = FileProblem(Path("s.yaml"), 3, 5, "period.end", code, {n: "X" for n in names})
    for lang in ("fr", "en"):
        line = problem.render(lang)  # type: ignore[arg-type]
        assert re.match(r"s\.yaml:3:5: \[(champ|field) period\.end\] \S", line), line
        assert "{" not in line


def test_a_phrase_value_is_translated_with_its_message() -> None:
    values = {"expected": Phrase(errors.EXPECTED["float"]), "input": "quatorze"}
    problem = FileProblem(Path("s.yaml"), 1, 1, "x", "wrong_type", values)
    assert problem.message("en") == "expected a number, found 'quatorze'"
    assert problem.message("fr").replace("\u00a0", " ") == "un nombre attendu, trouvé « quatorze »"


def test_the_json_shape_is_kept() -> None:
    problem = FileProblem(Path("s.yaml"), 2, 7, "organisation.name", "missing")
    assert problem.as_dict("en") == {
        "file": "s.yaml",
        "line": 2,
        "column": 7,
        "path": "organisation.name",
        "code": "missing",
        "message": "required field is missing",
    }


def test_a_problem_without_position_or_field_still_renders() -> None:
    problem = FileProblem(Path("s.yaml"), None, None, "", "too_large")
    assert problem.render("en") == "s.yaml: file too large (2 MB at most)"
    assert problem.render("fr") == "s.yaml: fichier trop volumineux (2 Mo au plus)"
