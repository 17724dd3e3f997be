"""The shipped model's behaviour on cases a reader can judge (no data folder needed)."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from stratege.listening.labels import LABELS
from stratege.listening.sentiment import classify, detect_languages


def label(text: str, lang: str) -> str:
    return classify([text], lang)[0].label  # type: ignore[arg-type]


def positive_minus_negative(text: str, lang: str) -> float:
    scores = classify([text], lang)[0].scores  # type: ignore[arg-type]
    return scores["positive"] - scores["negative"]


@pytest.mark.parametrize(
    ("plain", "negated", "lang"),
    [
        ("Ce film est bon", "Ce film n'est pas bon", "fr"),
        ("J'aime ce restaurant", "Je n'aime pas ce restaurant", "fr"),
        ("This movie is good", "This movie is not good", "en"),
        ("I love this place", "I don't love this place", "en"),
    ],
)
def test_a_negation_turns_the_sentiment_down(plain: str, negated: str, lang: str) -> None:
    assert label(plain, lang) == "positive"
    assert label(negated, lang) != "positive"
    assert positive_minus_negative(negated, lang) < positive_minus_negative(plain, lang) - 0.3


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Merci pour ce super accueil 😍", "fr", "positive"),
        ("Encore un retard de train 😡", "fr", "negative"),
        ("Thanks for the lovely evening 😊", "en", "positive"),
        ("My flight got cancelled again 😭", "en", "negative"),
    ],
)
def test_emojis_count(text: str, lang: str, expected: str) -> None:
    assert label(text, lang) == expected


def test_an_emoji_alone_has_its_sentiment() -> None:
    assert positive_minus_negative("😍", "fr") > positive_minus_negative("😡", "fr")
    assert positive_minus_negative(":)", "en") > positive_minus_negative(":(", "en")


def test_elided_and_full_forms_read_alike() -> None:
    """ "j'adore" is read as "adore", as "je adore" would be."""
    assert label("J'adore cette boulangerie !", "fr") == "positive"
    assert label("J’adore cette boulangerie !", "fr") == "positive"  # typographic apostrophe
    assert label("C'est nul, je déteste", "fr") == "negative"


def test_informal_spelling_reads_as_the_word() -> None:
    assert label("trooop bien cette soirée", "fr") == "positive"
    assert label("soooo happy today", "en") == "positive"


def test_scores_are_probabilities_of_the_three_labels() -> None:
    for found in classify(["Super !", "bof", "Horrible service"], "fr"):
        assert set(found.scores) == set(LABELS)
        assert math.isclose(sum(found.scores.values()), 1.0, rel_tol=1e-9)
        assert found.label == max(found.scores, key=found.scores.__getitem__)


def test_a_text_gets_the_same_answer_alone_or_in_a_batch() -> None:
    texts = ["Génial", "pas terrible", "", "I hate Mondays"] * 700  # more than one batch
    together = classify(texts, "auto")
    alone = [classify([t], "auto")[0] for t in texts[:4]]
    for batch in (together[:4], together[-4:]):  # equal but for the last bits of the floats
        assert [s.label for s in batch] == [s.label for s in alone]
        assert [s.lang for s in batch] == [s.lang for s in alone]
        for a, b in zip(batch, alone, strict=True):
            assert all(math.isclose(a.scores[k], b.scores[k], abs_tol=1e-12) for k in LABELS)


def test_an_empty_text_is_neutral_for_sure() -> None:
    for text in ("", "   ", "\t"):
        found = classify([text], "fr")[0]
        assert (found.label, found.scores["neutral"], found.lang) == ("neutral", 1.0, "fr")
    assert classify([""], "auto")[0].lang is None


def test_huge_and_strange_texts_get_an_answer() -> None:
    texts = ["très bien " * 5_000, "x" * 50_000, "\x00\x01\ufffd", "🙂" * 1000, "\\ud83d"]
    found = classify(texts, "auto")
    assert [f.label in LABELS for f in found] == [True] * len(texts)


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        classify(["hola"], "es")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Je suis vraiment déçu par le service client", "fr"),
        ("Merci beaucoup, c'était parfait !", "fr"),
        ("Le train a encore du retard ce matin", "fr"),
        ("I am really disappointed by the customer service", "en"),
        ("Thank you so much, it was perfect!", "en"),
        ("The train is late again this morning", "en"),
    ],
)
def test_it_detects_french_and_english(text: str, lang: str) -> None:
    assert detect_languages([text]) == [lang]
    assert classify([text], "auto")[0].lang == lang


def test_scoring_needs_no_scikit_learn() -> None:
    """The runtime is numpy only: scikit-learn is a training-time (``train`` extra) package."""
    code = (
        "import sys; from stratege.listening.sentiment import classify; classify(['ok'], 'en');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'scipy')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
