"""What the importer asks of each mention's text: the brands it names, and its sentiment.

The store (``stratege.measure.mentions``) keeps mentions without knowing how they are read;
this module answers for it with the strategy's own listening section: each brand's query
(compiled once, matched on all texts at once), the languages listened to, and the shipped
sentiment model, read in the language the file gives or the one it detects.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import cast

import numpy as np

from stratege.listening.model import LANGS
from stratege.listening.queries import compile_query, match_many
from stratege.listening.sentiment import LangChoice, classify
from stratege.measure.mentions import MentionReader, MentionReading
from stratege.strategy.model import Listening

# The model learnt from tweets: past this many characters a text (an article) says no
# more about its tone, and the rest would only cost time.
SENTIMENT_CHARACTERS = 2000
CHUNK = 50_000  # texts read at once: the model's answers for them are then only labels


def listening_key(listening: Listening) -> str:
    """What decides which brand a mention belongs to: a change re-reads mention files."""
    return json.dumps(
        {
            "languages": sorted(listening.languages),
            "queries": [[q.owner, q.query, sorted(q.languages)] for q in listening.queries],
        },
        sort_keys=True,
    )


def mention_reader(listening: Listening) -> MentionReader:
    """The reader of the strategy's mentions. Without any query, every mention is own;
    a mention in a language not listened to is claimed by no brand (it is not kept)."""
    compiled = [(q.owner, compile_query(q.query), set(q.languages)) for q in listening.queries]
    listened = set(listening.languages)

    def read(texts: Sequence[str], languages: Sequence[str | None]) -> MentionReading:
        # Matching is cheap and reading tone is not: only the texts some query names are
        # read by the model (the others are not kept, whatever their language).
        if compiled:
            masks = match_many([query for _, query, _ in compiled], texts)
            named = np.flatnonzero(np.logical_or.reduce(masks)).tolist() if texts else []
        else:
            named = list(range(len(texts)))
        found: list[str | None] = list(languages)
        labels: list[str | None] = [None] * len(texts)
        part_found, part_labels = _read_sentiment(
            [texts[i] for i in named], [languages[i] for i in named]
        )
        for i, lang, label in zip(named, part_found, part_labels, strict=True):
            found[i], labels[i] = lang, label
        owners: list[tuple[str, ...]] = [("own",) if not compiled else ()] * len(texts)
        if compiled:
            for i in named:
                owners[i] = tuple(
                    dict.fromkeys(
                        owner
                        for (owner, _, langs), mask in zip(compiled, masks, strict=True)
                        if mask[i] and (not langs or found[i] in langs)
                    )
                )
        if listened:
            owners = [o if found[i] in listened else () for i, o in enumerate(owners)]
        return MentionReading(owners, labels, found)

    return read


def _read_sentiment(
    texts: Sequence[str], given: Sequence[str | None]
) -> tuple[list[str | None], list[str | None]]:
    """Each text's language (the file's where it gives one, else French or English as the
    model detects it) and the model's label, in batches: one vectorisation per text. A
    text in another language gets no label (the model reads French and English only); an
    empty text is neutral."""
    found: list[str | None] = list(given)
    labels: list[str | None] = [None] * len(texts)
    for lang in (*LANGS, None):
        chosen = [
            i for i, g in enumerate(given) if g == lang and (lang is not None or texts[i].strip())
        ]
        choice = cast(LangChoice, lang or "auto")
        for start in range(0, len(chosen), CHUNK):
            part = chosen[start : start + CHUNK]
            results = classify([texts[i][:SENTIMENT_CHARACTERS] for i in part], choice)
            for i, result in zip(part, results, strict=True):
                labels[i] = result.label
                found[i] = result.lang
    for i, text in enumerate(texts):
        if not text.strip():
            labels[i] = "neutral"
    return found, labels
