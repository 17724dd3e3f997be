"""A guard for every output: no label of the other language, no raw identifier.

Used by the tests of the documents, the command line and (their own variant) the exports.
What the user wrote (names, statements, ids) and the titles of published sources are
theirs and set aside; in the rest of a text of language L:

- no label of the other language appears, for every value of the vocabulary whose labels
  differ between the languages (whole words, case-sensitive), unless L's own texts use
  that word too ("Facebook", "Stories");
- no raw identifier of the vocabulary appears (``create_content``, ``short_video``) except
  as code (between backquotes): a value the reader may have to type.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from stratege.i18n import Lang, french_typography
from stratege.i18n.catalogue import translations
from stratege.knowledge import Knowledge
from stratege.strategy import Strategy
from stratege.vocabulary import KNOWLEDGE_KINDS, MODEL_KINDS, knowledge_ids, label

OTHER: dict[Lang, Lang] = {"fr": "en", "en": "fr"}
SPACES = re.compile(r"[ \t\r\n\u00a0\u202f]+")
CODE = re.compile(r"`[^`]*`")
PLACEHOLDER = re.compile(r"\{\w+\}")


class Guard:
    """The other language's labels and the raw ids that must not appear in a text of
    ``lang`` about ``strategy``."""

    def __init__(self, strategy: Strategy, knowledge: Knowledge, lang: Lang) -> None:
        self.lang = lang
        self.own = _own_texts(strategy, knowledge)
        values = _values(knowledge)
        users = _own_ids(strategy)
        other = OTHER[lang]
        self.foreign = {
            label(k, v, other, knowledge): f"{k}:{v}"
            for k, v in values
            if label(k, v, lang, knowledge) != label(k, v, other, knowledge)
            and not _in_own_words(lang, label(k, v, other, knowledge))
        }
        self.raw = {
            v
            for k, v in values
            if label(k, v, lang, knowledge) != v
            and v not in users
            and ("_" in v or not _in_own_words(lang, v))
        }

    def readers_text(self, text: str) -> str:
        """The text without the user's own words, nor code."""
        return CODE.sub(" ¶ ", self.own.sub(" ¶ ", SPACES.sub(" ", text)))

    def leaks(self, text: str) -> list[str]:
        """Every foreign label and raw id found in ``text``."""
        shown = self.readers_text(text)
        found = [f"{w!r} ({self.foreign[w]})" for w in _occurrences(self.foreign, shown)]
        return found + [f"raw id {w!r}" for w in _occurrences(self.raw, shown)]


def _values(knowledge: Knowledge) -> list[tuple[str, str]]:
    pairs = [(kind, value) for kind, values in MODEL_KINDS.items() for value in values]
    pairs += [(kind, v) for kind in KNOWLEDGE_KINDS for v in knowledge_ids(knowledge, kind)]
    return pairs


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _own_texts(strategy: Strategy, knowledge: Knowledge) -> re.Pattern[str]:
    """What the user wrote, and the titles of the sources as published, as whole words;
    not the vocabulary's values the user chose (``short_video``): those must be named."""
    texts = set(_strings(strategy.model_dump(mode="json", exclude={"knowledge"})))
    for source in knowledge.sources.values():
        texts |= {source.title, source.publisher, source.url, source.note}
    texts -= {value for _, value in _values(knowledge)}
    variants = {SPACES.sub(" ", v).strip() for t in texts for v in (t, french_typography(t))}
    longest = sorted((re.escape(t) for t in variants if t), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(longest)})(?!\w)")


def _own_ids(strategy: Strategy) -> frozenset[str]:
    model = strategy.model_dump(mode="json", exclude={"knowledge"})
    return frozenset(s for key, s in _keyed(model) if key == "id")


def _keyed(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _keyed(v, k)]
    if isinstance(value, list):
        return [p for v in value for p in _keyed(v, key)]
    return []


@functools.cache
def _own_words(lang: Lang) -> str:
    """Every text of the language's catalogues, without placeholders and code."""
    catalogue = translations(lang)._catalog  # type: ignore[attr-defined]
    text = "\n".join(str(text) for key, text in catalogue.items() if key)
    return PLACEHOLDER.sub(" ", CODE.sub(" ", text))


@functools.cache
def _in_own_words(lang: Lang, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", _own_words(lang)) is not None


def _occurrences(words: set[str] | dict[str, str], text: str) -> list[str]:
    return sorted(w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))
