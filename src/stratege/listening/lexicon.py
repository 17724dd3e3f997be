"""Lexicon features: how positive and how negative a text's words and symbols are.

Tweets with an emoji or a rare sentiment word the training data never showed still get a
signal from published lexicons (sources and licences in ``docs/sentiment-model.md`` and
``data/LEXICON-LICENSES.txt``): VADER (English words, emoticons, emojis through their
English names) and its French translation vader_FR, with Pattern's French adjectives.
A negated word (``bon_neg``) counts against its polarity, as in VADER.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from stratege.listening.normalise import NEGATED

NEGATION_FACTOR = -0.74  # VADER's dampened flip of a negated word's valence
SLOTS = ("positive", "negative")
FEATURES = (
    *(f"{slot}_sum" for slot in SLOTS),  # log(1 + sum of the strengths)
    *(f"{slot}_count" for slot in SLOTS),  # log(1 + how many terms)
    *(f"{slot}_max" for slot in SLOTS),  # the strongest, / 4
    "no_sentiment_term",  # 1 when no term of the lexicons is there (neutral's hint)
)


class Lexicon:
    """Valences (VADER's scale, −4 to +4) of words per language and of symbols (emojis,
    emoticons: the same in both languages). Symbols count as words do, so that an emoji
    the training tweets hardly ever showed weighs what a sentiment word weighs."""

    def __init__(self, words: Mapping[str, Mapping[str, float]], symbols: Mapping[str, float]):
        self.words, self.symbols = words, symbols
        self._tables = {lang: _table(valences, symbols) for lang, valences in words.items()}

    def features(self, texts: Sequence[list[str]], langs: Sequence[str]) -> np.ndarray:
        """One row of :data:`FEATURES` per text (its words negation-marked)."""
        found = np.zeros((len(texts), 3 * len(SLOTS)))
        n = len(SLOTS)
        empty: dict[str, tuple[int, float]] = {}
        for row, (words, lang) in enumerate(zip(texts, langs, strict=True)):
            get = self._tables.get(lang, empty).get
            hits = [hit for hit in map(get, words) if hit is not None]
            if hits:
                found[row] = _summary(hits)
        no_term = (found[:, n : 2 * n].sum(axis=1) == 0).astype(float)[:, None]
        return np.hstack([np.log1p(found[:, : 2 * n]), found[:, 2 * n :] / 4, no_term])


def _summary(hits: list[tuple[int, float]]) -> list[float]:
    n = len(SLOTS)
    summary = [0.0] * (3 * n)
    for slot, strength in hits:
        summary[slot] += strength
        summary[n + slot] += 1
        summary[2 * n + slot] = max(summary[2 * n + slot], strength)
    return summary


def _table(
    valences: Mapping[str, float], symbols: Mapping[str, float]
) -> dict[str, tuple[int, float]]:
    """Each term, and its negated form, → (feature column, strength)."""
    table = {}
    for term, value in {**valences, **symbols}.items():
        for form, signed in ((term, value), (term + NEGATED, value * NEGATION_FACTOR)):
            table[form] = (int(signed < 0), abs(signed))
    return table
