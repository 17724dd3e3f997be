"""The strategy's language, chosen in the first question, is the language of the rest of the
questionnaire and of the values it suggests — and every word comes from the catalogues."""

from __future__ import annotations

import functools
import re

from babel.messages.pofile import read_po

from stratege.i18n.catalogue import catalogue_files
from tests.wizard.scripted import run

ACME = [("Name of the organisation", "ACME"), ("Business goal no. 1", "Grow"), ("Target by", "9")]
ACME_FR = [("Nom de l’organisation", "ACME"), ("But de l’organisation n° 1", "Croître"),
           ("Valeur visée", "9")]  # fmt: skip


def test_choosing_french_switches_the_questions_and_the_suggestions_to_french() -> None:
    strategy, console = run([("Language of the strategy document", "1"), *ACME_FR], "en")
    after = console.transcript.split("Language of the strategy document", 1)[1]
    assert "Nom de l’organisation" in after and "Name of the organisation" not in after
    assert "1. Quelle est votre stratégie ?" in after
    assert strategy.language == "fr" and strategy.organisation.languages == ["fr"]
    assert [p.name for p in strategy.content.pillars] == [
        "Savoir-faire", "Coulisses", "Actualités et offres",
    ]  # fmt: skip
    assert strategy.audiences[0].name == "Clients actuels"
    assert strategy.resources.tools[0].name == "Création graphique"
    assert "(1 par jour)" in after and "lun,mer 08:00-13:00" in after


def test_choosing_english_from_a_french_terminal_switches_to_english() -> None:
    strategy, console = run([("Langue du document de stratégie", "2"), *ACME], "fr")
    after = console.transcript.split("Langue du document de stratégie", 1)[1]
    assert "Name of the organisation" in after and "Nom de l’organisation" not in after
    assert strategy.language == "en"
    assert strategy.content.pillars[0].name == "Know-how"
    assert strategy.audiences[0].name == "Current customers"


SAME_IN_FRENCH = {"Community manager"}


@functools.cache
def _english_sentences() -> list[str]:
    """The wizard's English messages (those long enough not to be a name, without
    placeholders), which a French run must never show: a French translation missing, or
    left in English, shows up here."""
    path = next(p for p in catalogue_files("en") if p.name == "wizard.po")
    with path.open("rb") as source:
        catalogue = read_po(source, locale="en")
    return [
        m.id
        for m in catalogue
        if isinstance(m.id, str) and len(m.id) > 12 and m.id not in SAME_IN_FRENCH
        and not re.search(r"\{\w+\}", m.id)
    ]  # fmt: skip


def test_a_french_run_shows_no_english_sentence_or_label() -> None:
    _, console = run(ACME_FR, "fr")
    shown = console.transcript
    leaked = [s for s in _english_sentences() if s in shown]
    assert leaked == []
    for label in ("Current customers", "Search engines", "Content creation", "Visibility"):
        assert label not in shown
    assert "Clients actuels" in shown and "Moteurs de recherche" in shown
