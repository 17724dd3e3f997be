"""The document's words: every message it uses is translated, plurals included."""

from __future__ import annotations

import glob
import re

import pytest
from babel.messages.extract import extract_from_file

from stratege.i18n.catalogue import plural, translations, untranslated

# gettext's keywords as the code uses them: _("…"), N_("…"), plural(lang, "one", "many", n),
# context.ngettext("one", "many", n)
KEYWORDS = {"_": None, "N_": None, "plural": (2, 3), "ngettext": (1, 2)}
SOURCES = ["src/stratege/reports/**/*.py", "src/stratege/checks/*.py"]


def _messages() -> set[str | tuple[str, str]]:
    used: set[str | tuple[str, str]] = set()
    for pattern in SOURCES:
        for path in glob.glob(pattern, recursive=True):
            for _, message, _, _ in extract_from_file("python", path, keywords=KEYWORDS):
                used.add(message if isinstance(message, str) else tuple(message))  # type: ignore[arg-type]
    return used


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_message_of_the_code_is_in_both_catalogues(lang: str) -> None:
    known = set(translations(lang)._catalog)  # type: ignore[attr-defined]
    used = _messages()
    singles = {m for m in used if isinstance(m, str)}
    plurals = {m for m in used if isinstance(m, tuple)}
    assert len(singles) > 100 and len(plurals) >= 5, "the extraction finds the messages"
    assert singles <= known, sorted(singles - known)[:10]
    assert all((one, 0) in known for one, _ in plurals), sorted(plurals)
    assert untranslated(lang) == []


def test_placeholders_survive_translation() -> None:
    english = translations("en")._catalog  # type: ignore[attr-defined]
    for key, translated in translations("fr")._catalog.items():  # type: ignore[attr-defined]
        message = key if isinstance(key, str) else key[0]
        if message and "\x04" not in message:
            source = english.get(key, message)
            assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", translated))


TEAM = (
    "The team of {people} person is busy {share} of its hours on average.",
    "The team of {people} people is busy {share} of its hours on average.",
)


@pytest.mark.parametrize(
    ("lang", "number", "expected"),
    [
        ("fr", 0, "L’équipe de 0 personne est"),  # French: zero takes the singular
        ("fr", 1, "L’équipe de 1 personne est"),
        ("fr", 2, "L’équipe de 2 personnes est"),
        ("fr", 1_000_000, "L’équipe de 1 000 000 de personnes est"),  # Babel's "many" form
        ("en", 0, "The team of 0 people is"),
        ("en", 1, "The team of 1 person is"),
        ("en", 2, "The team of 2 people is"),
    ],
)
def test_plural_forms_follow_each_language(lang: str, number: int, expected: str) -> None:
    people = f"{number:,}".replace(",", " ")
    sentence = plural(lang, *TEAM, number, people=people, share="80 %")  # type: ignore[arg-type]
    assert sentence.startswith(expected)
