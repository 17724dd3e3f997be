"""A parsed query compiled into regular expressions: one text, or a million at once.

Texts and terms are compared after the same normalisation (accents removed, case folded,
curly apostrophes straight, œ/æ spelt out), and terms match whole words: ``martin``
matches "Martin", "#martin" and "@martin" but not "martinez"; ``#martin`` only the hashtag.
A phrase matches its words in order with only spaces or punctuation between them.

Many texts are matched in chunks joined into one string: each distinct term is searched
once per chunk (the regular expression engine's loop, not Python's), its hits mapped back
to texts with numpy, and each query's AND / OR / NOT evaluated on boolean arrays.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from stratege.queries.syntax import AllOf, Node, Not, Term, parse

CHUNK = 50_000  # texts joined and searched together: bounded memory, the engine's speed
SEPARATOR = "\x00"  # between two texts of a chunk; removed from the texts themselves
MAX_ATOMS_JUDGED = 16  # beyond, whether a query can match is not worked out (2^n cases)
_SPELT_OUT = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("œ", "oe"), ("æ", "ae"))
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_PHRASE_GAP = r"[^\w\x00]+"


def normalise(text: str) -> str:
    """``text`` as queries see it: no accents, case folded, apostrophes straight."""
    text = text.casefold()
    for written, spelt in _SPELT_OUT:  # str.replace: many times faster than translate
        text = text.replace(written, spelt)
    if text.isascii():
        return text
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


@dataclass(frozen=True)
class Query:
    """A compiled query: :meth:`matches` one text; :func:`match_many` for many."""

    text: str
    tree: Node

    def matches(self, text: str) -> bool:
        return _evaluate_one(self.tree, normalise(text))

    def atoms(self) -> list[str]:
        """The distinct regular expressions of its terms ('' for a term that matches
        nothing, such as an empty phrase)."""
        return sorted({pattern_of(term) for term in _terms(self.tree)})

    def can_match(self) -> bool:
        """False when no text can match it (``a AND NOT a``, an empty phrase), taking its
        terms as independent; True when that cannot be shown (or has too many terms)."""
        atoms = self.atoms()
        if len(atoms) > MAX_ATOMS_JUDGED:
            return True
        for values in itertools.product((False, True), repeat=len(atoms)):
            truth = {a: v and a != "" for a, v in zip(atoms, values, strict=True)}
            if _evaluate_truth(self.tree, truth):
                return True
        return False


def compile_query(text: str) -> Query:
    """The query ``text`` compiled; raises :class:`~stratege.queries.QueryError`."""
    tree = parse(text)
    for term in _terms(tree):
        _regex(pattern_of(term))  # compiled now, once
    return Query(text, tree)


def pattern_of(term: Term) -> str:
    """The regular expression of a term, over normalised text ('' matches nothing)."""
    text = normalise(term.text)
    if term.phrase:
        words = [w for w in re.split(r"[^\w*?#@]+", text) if w.strip("*?#@")]
        body = _PHRASE_GAP.join(_word(w) for w in words)
    else:
        body = _word(text) if re.search(r"\w", text) else ""
    return _bounded(body) if body else ""


def _word(word: str) -> str:
    return "".join(r"\w*" if c == "*" else r"\w" if c == "?" else re.escape(c) for c in word)


def _bounded(body: str) -> str:
    """``body`` as a whole word. The literal it starts with comes first, the check that no
    letter precedes it after (a look-behind over the literal): a pattern that starts with a
    literal is searched by the engine's fast scan, some thirty times faster."""
    literal = re.match(r"(?:\\[^w]|[^\\\[(*?])+", body)  # up to a wildcard or a gap
    prefix = literal.group(0) if literal else ""
    if not prefix:
        return rf"(?<!\w){body}(?!\w)"
    return rf"{prefix}(?<!\w{prefix}){body[len(prefix) :]}(?!\w)"


@functools.lru_cache(maxsize=4096)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _terms(node: Node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return _terms(node.child)
    return [term for child in node.children for term in _terms(child)]


def _evaluate_one(node: Node, text: str) -> bool:
    if isinstance(node, Term):
        pattern = pattern_of(node)
        return bool(pattern) and _regex(pattern).search(text) is not None
    if isinstance(node, Not):
        return not _evaluate_one(node.child, text)
    if isinstance(node, AllOf):
        return all(_evaluate_one(child, text) for child in node.children)
    return any(_evaluate_one(child, text) for child in node.children)


def _evaluate_truth(node: Node, truth: dict[str, bool]) -> bool:
    if isinstance(node, Term):
        return truth[pattern_of(node)]
    if isinstance(node, Not):
        return not _evaluate_truth(node.child, truth)
    results = (_evaluate_truth(child, truth) for child in node.children)
    return all(results) if isinstance(node, AllOf) else any(results)


def match_many(queries: Sequence[Query], texts: Sequence[str]) -> list[np.ndarray]:
    """For each query, a boolean array: which of ``texts`` it matches. Each text is
    normalised once and each distinct term searched once, whatever the number of queries."""
    patterns = sorted({pattern for query in queries for pattern in query.atoms()})
    results = [np.zeros(len(texts), dtype=bool) for _ in queries]
    for start in range(0, len(texts), CHUNK):
        chunk = texts[start : start + CHUNK]
        hits = _term_hits(patterns, chunk)
        for query, result in zip(queries, results, strict=True):
            result[start : start + len(chunk)] = _evaluate_many(query.tree, hits, len(chunk))
    return results


def _term_hits(patterns: Sequence[str], texts: Sequence[str]) -> dict[str, np.ndarray]:
    """pattern → which texts hold a match, from one search of the joined chunk."""
    joined = normalise(SEPARATOR.join(t.replace(SEPARATOR, " ") for t in texts))
    parts = joined.split(SEPARATOR)
    lengths = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=len(parts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    hits: dict[str, np.ndarray] = {}
    for pattern in patterns:
        found = np.zeros(len(texts), dtype=bool)
        if pattern:
            at = np.fromiter((m.start() for m in _regex(pattern).finditer(joined)), np.int64)
            found[np.searchsorted(starts, at, side="right") - 1] = True
        hits[pattern] = found
    return hits


def _evaluate_many(node: Node, hits: dict[str, np.ndarray], size: int) -> np.ndarray:
    if isinstance(node, Term):
        return hits[pattern_of(node)]
    if isinstance(node, Not):
        return ~_evaluate_many(node.child, hits, size)
    parts = [_evaluate_many(child, hits, size) for child in node.children]
    combine = np.logical_and if isinstance(node, AllOf) else np.logical_or
    return functools.reduce(combine, parts)
