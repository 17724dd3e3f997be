"""One vocabulary: every fixed value of the model and every knowledge id has a label in
French and in English, and the labels differ from the raw identifiers a user never reads."""

from __future__ import annotations

import pytest

from stratege.i18n import LANGUAGES
from stratege.knowledge import load_knowledge
from stratege.vocabulary import KNOWLEDGE_KINDS, MODEL_KINDS, Words, has_label, knowledge_ids

KNOWLEDGE = load_knowledge()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(MODEL_KINDS))
def test_every_model_value_has_a_label(kind: str, lang: str) -> None:
    missing = [v for v in MODEL_KINDS[kind] if not has_label(kind, v, lang)]
    assert not missing


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(KNOWLEDGE_KINDS))
def test_every_knowledge_entry_has_its_words(kind: str, lang: str) -> None:
    if kind == "platform-notes":
        ids = [p for p in knowledge_ids(KNOWLEDGE, kind) if p != "other"]
    else:
        ids = list(knowledge_ids(KNOWLEDGE, kind))
    missing = [i for i in ids if not has_label(kind, i, lang)]
    assert not missing


def test_a_strategys_own_addition_brings_its_name() -> None:
    knowledge = load_knowledge(
        {
            "skills": {
                "drone_piloting": {"name": {"fr": "Pilotage de drone", "en": "Drone piloting"}}
            }
        }
    )
    assert Words("fr", knowledge).skill("drone_piloting") == "Pilotage de drone"
    assert Words("en", knowledge).skill("drone_piloting") == "Drone piloting"
    assert Words("fr", knowledge).skill("unknown_skill") == "unknown_skill"


def test_labels_are_in_the_language_asked() -> None:
    assert Words("fr").activity("answer_customers") == "Réponses aux clients et litiges"
    assert Words("en").activity("answer_customers") == "Customer care and disputes"
    assert Words("fr")("weekday", "sat") == "samedi"
