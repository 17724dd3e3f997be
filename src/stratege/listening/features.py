"""Texts → sparse TF-IDF vectors: word n-grams (negation marked) and character n-grams.

The same code builds the training matrix (``tools/train_sentiment.py``) and the vectors
the shipped model scores, so the two cannot drift apart. Only numpy is needed: a batch is
turned into CSR arrays (``indptr``, ``indices``, ``values``) in one vectorised pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from stratege.listening.normalise import negation_scopes, tokens

TOKEN_CACHE_SIZE = 100_000  # tokens whose character n-grams are remembered (Zipf: most)


@dataclass(frozen=True)
class Settings:
    """The vectoriser's hyper-parameters (chosen by cross-validation, kept in the model).

    A term counts once per text however often it occurs (a tweet rarely repeats one, and
    the sum of a set is faster to build than counts)."""

    word_max_n: int = 2
    char_min_n: int = 2
    char_max_n: int = 5
    min_df: int = 2
    char_weight: float = 1.0  # the char block's share against the word block (both L2 = 1)

    def char_grams(self, token: str) -> list[str]:
        padded = f" {token} "
        last = len(padded)
        return [
            padded[start : start + n]
            for n in range(self.char_min_n, self.char_max_n + 1)
            for start in range(last - n + 1)
        ]

    def word_grams(self, words: list[str]) -> list[str]:
        grams = [*words, *map(" ".join, pairwise(words))]
        for n in range(3, self.word_max_n + 1):
            grams.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        return grams


@dataclass
class Csr:
    """A batch of sparse rows: row ``r`` is ``indices[indptr[r]:indptr[r+1]]`` with its
    ``values``; ``tokens`` are each text's tokens (the lexicon features read them)."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray
    words: list[list[str]]

    @property
    def rows(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.indptr) - 1), np.diff(self.indptr))


class Vectoriser:
    """A fitted vocabulary (word terms, then char terms) with its IDF weights."""

    def __init__(
        self, settings: Settings, word_terms: list[str], char_terms: list[str], idf: np.ndarray
    ) -> None:
        self.settings = settings
        self.word_terms, self.char_terms = word_terms, char_terms
        self.word_index = {t: i for i, t in enumerate(word_terms)}
        offset = len(word_terms)
        self.char_index = {t: offset + i for i, t in enumerate(char_terms)}
        self.idf = idf
        self.size = offset + len(char_terms)
        self._token_cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def fit(cls, texts: Iterable[str], settings: Settings) -> Vectoriser:
        """Vocabulary of the terms in at least ``min_df`` texts; smooth IDF (as scikit-learn)."""
        word_df: Counter[str] = Counter()
        char_df: Counter[str] = Counter()
        count = 0
        for text in texts:
            count += 1
            found = tokens(text)
            word_df.update(set(settings.word_grams(negation_scopes(found))))
            char_df.update({g for token in found for g in settings.char_grams(token)})
        words = sorted(t for t, df in word_df.items() if df >= settings.min_df)
        chars = sorted(t for t, df in char_df.items() if df >= settings.min_df)
        df = np.array([word_df[t] for t in words] + [char_df[t] for t in chars], dtype=float)
        idf = np.log((1 + count) / (1 + df)) + 1
        return cls(settings, words, chars, idf)

    def _char_ids(self, token: str) -> tuple[int, ...]:
        found = self._token_cache.get(token)
        if found is None:
            ids = set(map(self.char_index.get, self.settings.char_grams(token)))
            ids.discard(None)
            found = tuple(ids)  # type: ignore[arg-type]
            if len(self._token_cache) >= TOKEN_CACHE_SIZE:
                self._token_cache.clear()
            self._token_cache[token] = found
        return found

    def transform(self, texts: Sequence[str]) -> Csr:
        """IDF of each term present, each block (words, chars) scaled to unit length."""
        get, cached = self.word_index.get, self._token_cache.get
        cols: list[int] = []
        lengths: list[int] = []
        all_words = []
        for text in texts:
            found = tokens(text)
            words = negation_scopes(found)
            all_words.append(words)
            ids = set(map(get, self.settings.word_grams(words)))
            ids.discard(None)
            chars = [cached(token) or self._char_ids(token) for token in found]
            ids.update(*chars)
            cols.extend(ids)  # type: ignore[arg-type]
            lengths.append(len(ids))
        return self._weigh(np.array(lengths, dtype=np.int64), cols, all_words)

    def _weigh(self, lengths: np.ndarray, cols: list[int], words: list[list[str]]) -> Csr:
        count = len(lengths)
        indices = np.array(cols, dtype=np.int64)
        rows = np.repeat(np.arange(count), lengths)
        values = self.idf[indices]
        in_chars = indices >= len(self.word_terms)
        block = rows * 2 + in_chars
        norms = np.sqrt(np.bincount(block, weights=values**2, minlength=count * 2))
        values = values / norms[block]
        values[in_chars] *= self.settings.char_weight
        indptr = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        return Csr(indptr, indices, values, words)
