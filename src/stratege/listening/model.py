"""The sentiment model: a vectoriser, lexicon features and one linear layer per language,
with the language detector that shares its vectors.

The scores are a multinomial logistic regression's probabilities: softmax of
``x · W[lang] + b[lang]`` with ``x`` the TF-IDF vector followed by the lexicon features.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from stratege.listening.features import Csr, Settings, Vectoriser
from stratege.listening.lexicon import Lexicon
from stratege.listening.modelfile import unpack_terms

LANGS = ("fr", "en")


@dataclass
class Layer:
    """Weights over the sparse features, over the dense ones, and the biases."""

    sparse: np.ndarray  # (features, classes)
    dense: np.ndarray  # (dense features, classes)
    bias: np.ndarray  # (classes,)


def linear(csr: Csr, weights: np.ndarray) -> np.ndarray:
    """Row-wise ``x · weights`` of a batch, for 1-D or 2-D ``weights``."""
    count = len(csr.indptr) - 1
    gathered = weights[csr.indices] * (csr.values if weights.ndim == 1 else csr.values[:, None])
    rows = csr.rows
    if weights.ndim == 1:
        return np.bincount(rows, weights=gathered, minlength=count)
    columns = [
        np.bincount(rows, weights=gathered[:, c], minlength=count) for c in range(weights.shape[1])
    ]
    return np.stack(columns, axis=1)


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities: np.ndarray = shifted / shifted.sum(axis=1, keepdims=True)
    return probabilities


class SentimentModel:
    def __init__(
        self,
        vectoriser: Vectoriser,
        lexicon: Lexicon,
        layers: Mapping[str, Layer],
        detector: tuple[np.ndarray, float],
        meta: Mapping[str, Any],
    ) -> None:
        self.vectoriser, self.lexicon, self.layers = vectoriser, lexicon, layers
        self.detector, self.meta = detector, meta

    def detect(self, csr: Csr) -> list[str]:
        """French or English for each text (logistic regression on the same vectors;
        a text with no known feature falls on the bias' side)."""
        weights, bias = self.detector
        return ["fr" if s > 0 else "en" for s in linear(csr, weights) + bias]

    def probabilities(self, csr: Csr, langs: Sequence[str]) -> np.ndarray:
        dense = self.lexicon.features(csr.words, langs)
        scores = np.zeros((len(langs), 3))
        for lang in sorted(set(langs)):  # mixed languages: each layer over the batch
            layer = self.layers[lang]
            chosen = np.array([text_lang == lang for text_lang in langs], dtype=bool)
            logits = linear(csr, layer.sparse) + dense @ layer.dense + layer.bias
            scores[chosen] = softmax(logits[chosen])
        return scores

    @classmethod
    def from_arrays(
        cls, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]
    ) -> SentimentModel:
        settings = Settings(**meta["settings"])
        vectoriser = Vectoriser(
            settings,
            unpack_terms(arrays["word_terms"]),
            unpack_terms(arrays["char_terms"]),
            arrays["idf"],
        )
        words = {
            lang: dict(
                zip(
                    unpack_terms(arrays[f"lexicon_{lang}_terms"]),
                    arrays[f"lexicon_{lang}_values"].tolist(),
                    strict=True,
                )
            )
            for lang in LANGS
        }
        symbols = dict(
            zip(
                unpack_terms(arrays["lexicon_symbols_terms"]),
                arrays["lexicon_symbols_values"].tolist(),
                strict=True,
            )
        )
        layers = {
            lang: Layer(arrays[f"{lang}_sparse"], arrays[f"{lang}_dense"], arrays[f"{lang}_bias"])
            for lang in LANGS
        }
        detector = (arrays["detector_weights"], float(arrays["detector_bias"][0]))
        return cls(vectoriser, Lexicon(words, symbols), layers, detector, meta)
