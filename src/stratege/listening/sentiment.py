"""Sentiment of short social media texts, French or English, offline.

``classify(texts, lang)`` is the one entry point: batched, so that a million mentions are
scored in a few minutes on one core (see ``benchmarks/sentiment_benchmark.py``). The model
ships inside the package (``data/sentiment-model.npz``, see ``docs/sentiment-model.md``),
is read once per process, and needs numpy only.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from typing import Literal

from stratege.listening.labels import LABELS, Sentiment
from stratege.listening.model import LANGS, SentimentModel
from stratege.listening.modelfile import read_model

MODEL_FILE = "sentiment-model.npz"
BATCH = 2048  # texts vectorised together: bounded memory, numpy's speed
LangChoice = Literal["fr", "en", "auto"]
# an empty text says nothing: neutral, certainly, in the language asked (none detected)
EMPTY_SCORES = dict(zip(LABELS, (0.0, 1.0, 0.0), strict=True))


@functools.cache
def shipped_model() -> SentimentModel:
    with (resources.files("stratege.listening") / "data" / MODEL_FILE).open("rb") as source:
        arrays, meta = read_model(source)
    return SentimentModel.from_arrays(arrays, meta)


def classify(
    texts: Sequence[str], lang: LangChoice = "auto", model: SentimentModel | None = None
) -> list[Sentiment]:
    """One :class:`Sentiment` per text, in order. ``lang="auto"`` detects each text's
    language (French or English); an empty or blank text is neutral (scores 0, 1, 0)."""
    if lang not in (*LANGS, "auto"):
        raise ValueError(f"unknown language {lang!r}: fr, en or auto")
    model = model or shipped_model()
    found: list[Sentiment] = []
    for start in range(0, len(texts), BATCH):
        found.extend(_classify_batch(texts[start : start + BATCH], lang, model))
    return found


def _classify_batch(texts: Sequence[str], lang: str, model: SentimentModel) -> list[Sentiment]:
    csr = model.vectoriser.transform(texts)
    langs = model.detect(csr) if lang == "auto" else [lang] * len(texts)
    probabilities = model.probabilities(csr, langs).tolist()
    empty_lang = None if lang == "auto" else lang
    return [
        _sentiment(scores, text_lang)
        if text.strip()
        else Sentiment("neutral", EMPTY_SCORES, empty_lang)
        for text, text_lang, scores in zip(texts, langs, probabilities, strict=True)
    ]


def _sentiment(scores: list[float], lang: str) -> Sentiment:
    best = max(range(len(LABELS)), key=scores.__getitem__)
    return Sentiment(LABELS[best], dict(zip(LABELS, scores, strict=True)), lang)


def detect_languages(texts: Sequence[str], model: SentimentModel | None = None) -> list[str]:
    """French or English for each text, from the model's character and word n-grams."""
    model = model or shipped_model()
    return model.detect(model.vectoriser.transform(texts))
