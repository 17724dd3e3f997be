"""The shipped model gives, on the validation splits, exactly the figures its training run
wrote in it (and in docs/sentiment-model.md). Skipped where the data folder is absent."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from stratege.listening.sentiment import classify, detect_languages, shipped_model

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sentiment"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"no sentiment data in {DATA}")


def validation(lang: str) -> tuple[list[str], np.ndarray]:
    texts = (DATA / lang / "val_text.txt").read_text(encoding="utf-8").splitlines()
    labels = (DATA / lang / "val_labels.txt").read_text(encoding="utf-8").split()
    return texts, np.array([int(label) for label in labels])


def confusion(truth: np.ndarray, guess: np.ndarray) -> np.ndarray:
    matrix = np.zeros((3, 3), dtype=int)
    np.add.at(matrix, (truth, guess), 1)
    return matrix


def macro_f1(matrix: np.ndarray) -> float:
    hits = np.diag(matrix)
    return float(np.mean(2 * hits / (matrix.sum(axis=0) + matrix.sum(axis=1))))


@needs_data
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_validation_figures_are_reproduced_exactly(lang: str) -> None:
    texts, truth = validation(lang)
    names = shipped_model().meta["labels"]
    guess = np.array([names.index(s.label) for s in classify(texts, lang)])  # type: ignore[arg-type]
    recorded = shipped_model().meta["validation"][lang]
    assert confusion(truth, guess).tolist() == recorded["confusion"]
    assert round(100 * macro_f1(confusion(truth, guess)), 2) == recorded["macro_f1"]


@needs_data
def test_the_language_detector_accuracy_is_reproduced() -> None:
    texts = {lang: validation(lang)[0] for lang in ("fr", "en")}
    right = sum(found == lang for lang in texts for found in detect_languages(texts[lang]))
    accuracy = round(100 * right / sum(len(t) for t in texts.values()), 2)
    assert accuracy == shipped_model().meta["validation"]["language_detection_accuracy"]
