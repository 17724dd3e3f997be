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

from stratege.listening.model import LANGS
from stratege.listening.queries import compile_query, match_many
from stratege.listening.sentiment import LangChoice, classify, detect_languages
from stratege.measure.mentions import MentionReader, MentionReading
from stratege.strategy.model import Listening

# The model learnt from tweets: past this many characters a text (an article) says no
# more about its tone, and the rest would only cost time.
SENTIMENT_CHARACTERS = 2000


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
        found = _languages(texts, languages)
        labels = _labels(texts, found)
        if compiled:
            masks = match_many([query for _, query, _ in compiled], texts)
            owners = [
                tuple(
                    dict.fromkeys(
                        owner
                        for (owner, _, langs), mask in zip(compiled, masks, strict=True)
                        if mask[i] and (not langs or found[i] in langs)
                    )
                )
                for i in range(len(texts))
            ]
        else:
            owners = [("own",)] * len(texts)
        if listened:
            owners = [o if found[i] in listened else () for i, o in enumerate(owners)]
        return MentionReading(owners, labels, found)

    return read


def _languages(texts: Sequence[str], given: Sequence[str | None]) -> list[str | None]:
    """The file's language where it gives one, else French or English as detected (an
    empty text: none)."""
    missing = [i for i, lang in enumerate(given) if not lang and texts[i].strip()]
    detected = detect_languages([texts[i][:SENTIMENT_CHARACTERS] for i in missing])
    found = list(given)
    for i, lang in zip(missing, detected, strict=True):
        found[i] = lang
    return found


def _labels(texts: Sequence[str], languages: Sequence[str | None]) -> list[str | None]:
    """The model's label of each text in French or English; none in another language, which
    the model does not read (an empty text is neutral)."""
    labels: list[str | None] = [None] * len(texts)
    for lang in LANGS:
        choice = cast(LangChoice, lang)
        chosen = [i for i, found in enumerate(languages) if found == lang]
        results = classify([texts[i][:SENTIMENT_CHARACTERS] for i in chosen], choice)
        for i, result in zip(chosen, results, strict=True):
            labels[i] = result.label
    for i, text in enumerate(texts):
        if languages[i] is None and not text.strip():
            labels[i] = "neutral"
    return labels
