"""Train the shipped French/English sentiment model, reproducibly.

    .venv/bin/pip install -e ".[train]"
    .venv/bin/python tools/train_sentiment.py [DATA]   # DATA: ../shared/data/sentiment

Hyper-parameters are chosen by stratified 5-fold cross-validation on the training split
only; the chosen configuration is then fitted once on the whole training split (never on
the validation split), written to ``src/stratege/listening/data/sentiment-model.npz``, read
back with the runtime (``stratege.listening``, no scikit-learn) and scored on each
language's validation split. The runtime's predictions are checked against
scikit-learn's own. Seeds are fixed: two runs write the same file, byte for byte.
"""

# ruff: noqa: E402  (the thread settings must come before numpy is imported)
from __future__ import annotations

import os

# one thread: the logistic regressions run seven times faster than with threads fighting
# over the cores, and the result cannot depend on how many there are
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import argparse
import itertools
import json
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold

from stratege.listening.features import Csr, Settings, Vectoriser
from stratege.listening.lexicon import FEATURES, Lexicon
from stratege.listening.model import LANGS, SentimentModel
from stratege.listening.modelfile import pack_terms, read_model, write_model
from stratege.listening.normalise import fold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "sentiment"
MODEL = ROOT / "src" / "stratege" / "listening" / "data" / "sentiment-model.npz"
SEED = 20_240_601
FOLDS = 5

SETTINGS_GRID = [
    Settings(word_max_n=2, char_min_n=2, char_max_n=5, char_weight=1.0),
    Settings(word_max_n=2, char_min_n=2, char_max_n=5, char_weight=1.5),
]
C_GRID = [1.0, 3.0]
LEXICON_WEIGHTS = [0.0, 1.0]
# one model per language over this whole grid; the joint model (both languages' data, a
# copy of the features per language) costs six times more to fit, so it is tried once
JOINT = [(SETTINGS_GRID[0], 3.0, 1.0)]


@dataclass(frozen=True)
class Choice:
    settings: Settings
    c: float
    mode: str  # "separate": one model per language; "joint": both, with shared weights
    lexicon_weight: float


@dataclass
class Split:
    texts: list[str]
    labels: np.ndarray
    langs: list[str]

    def subset(self, rows: np.ndarray) -> Split:
        return Split(
            [self.texts[i] for i in rows], self.labels[rows], [self.langs[i] for i in rows]
        )


def read_split(data: Path, split: str) -> Split:
    texts, labels, langs = [], [], []
    for lang in LANGS:
        lines = (data / lang / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        marks = (data / lang / f"{split}_labels.txt").read_text(encoding="utf-8").split()
        assert len(lines) == len(marks), f"{lang}/{split}: {len(lines)} texts, {len(marks)} labels"
        texts += lines
        labels += [int(m) for m in marks]
        langs += [lang] * len(lines)
    return Split(texts, np.array(labels), langs)


# --- lexicons, from packages installed by the `train` extra -------------------------------


def _package_file(distribution: str, path: str) -> str:
    located = Path(str(metadata.distribution(distribution).locate_file(path)))
    return located.read_text(encoding="utf-8")


def _merge(pairs: list[tuple[str, float]]) -> dict[str, float]:
    """Folded terms (accents off, lower case); the mean where two terms fold together."""
    grouped: dict[str, list[float]] = {}
    for term, value in pairs:
        grouped.setdefault(fold(term), []).append(value)
    return {t: round(sum(v) / len(v), 3) for t, v in sorted(grouped.items()) if " " not in t}


def build_lexicon() -> Lexicon:
    english = []
    for line in _package_file("vaderSentiment", "vaderSentiment/vader_lexicon.txt").splitlines():
        term, value = line.split("\t")[:2]
        english.append((term, float(value)))
    words_en = {t: v for t, v in _merge(english).items() if any(c.isalpha() for c in t)}
    symbols = {t: v for t, v in _merge(english).items() if not any(c.isalpha() for c in t)}
    french = []
    vader_fr = _package_file("vaderSentiment_fr", "vaderSentiment_fr/fr_lexicon.txt")
    for line in vader_fr.splitlines():
        term, _, value = line.rpartition("->")
        if any(c.isalpha() for c in term):
            french.append((term, float(value)))
    pattern = _package_file("textblob-fr", "textblob_fr/fr-sentiment.xml")
    for word in ElementTree.fromstring(pattern).iter("word"):
        french.append((word.get("form", ""), 4 * float(word.get("polarity", 0))))
    words_fr = _merge(french)
    symbols |= _emojis(words_en, words_fr)
    return Lexicon({"en": words_en, "fr": words_fr}, dict(sorted(symbols.items())))


# frequent emojis whose names carry no sentiment word the lexicons know ("pouting face",
# "pile of poo"), or a misleading one: Stratège's own values, on VADER's scale
EMOJI_VALENCES = {
    "👍": 2.0, "👎": -2.0, "👏": 2.0, "🎉": 2.0, "💪": 1.5, "🤮": -2.5,
    "😡": -2.5, "😠": -2.5, "🤬": -3.0, "💩": -2.0, "😤": -1.5,
}  # fmt: skip


def _emojis(words_en: dict[str, float], words_fr: dict[str, float]) -> dict[str, float]:
    """An emoji's valence: the mean valence of the words of its English name (VADER),
    else of its French name (vader_FR's list); :data:`EMOJI_VALENCES` first."""
    found: dict[str, float] = {}
    sources = [
        (_package_file("vaderSentiment", "vaderSentiment/emoji_utf8_lexicon.txt"), words_en),
        (_package_file("vaderSentiment_fr", "vaderSentiment_fr/emojis_fr.txt"), words_fr),
    ]
    for names, valences in sources:
        for line in names.splitlines():
            emoji, _, name = line.partition("\t")
            values = [valences[w] for w in fold(name).split() if w in valences]
            if values and len(emoji) == 1 and emoji not in found:
                found[emoji] = round(sum(values) / len(values), 3)
    return {**found, **EMOJI_VALENCES}


def lexicon_arrays(lexicon: Lexicon) -> dict[str, np.ndarray]:
    arrays = {}
    for name, table in [*lexicon.words.items(), ("symbols", lexicon.symbols)]:
        arrays[f"lexicon_{name}_terms"] = pack_terms(list(table))
        arrays[f"lexicon_{name}_values"] = np.array(list(table.values()), dtype=np.float64)
    return arrays


# --- the design matrix and the fit ----------------------------------------------------------


def design(csr: Csr, dense: np.ndarray, langs: list[str], mode: str) -> sparse.csr_matrix:
    """[x, dense]; in joint mode a copy per language too (x·[fr], x·[en]) so that each
    language's weights are the shared ones plus its own (feature augmentation)."""
    x = sparse.hstack([sparse.csr_matrix((csr.values, csr.indices, csr.indptr)), dense])
    x = sparse.csr_matrix(x)
    if mode == "separate":
        return x
    blocks = [x] + [sparse.diags([float(lang == name) for lang in langs]) @ x for name in LANGS]
    return sparse.csr_matrix(sparse.hstack(blocks))


def fit_layers(csr: Csr, train: Split, lexicon: Lexicon, choice: Choice, size: int):
    """Per language: (sparse weights, dense weights, bias) as the runtime uses them, and
    scikit-learn's fitted models (to check the runtime against)."""
    dense = lexicon.features(csr.words, train.langs) * choice.lexicon_weight
    width = size + len(FEATURES)
    layers, fitted = {}, {}
    x = design(csr, dense, train.langs, choice.mode)
    if choice.mode == "joint":
        fitted["joint"] = regression(choice).fit(x, train.labels)
        coef = fitted["joint"].coef_.T
        for index, lang in enumerate(LANGS, start=1):
            w = coef[:width] + coef[index * width : (index + 1) * width]
            layers[lang] = (w, fitted["joint"].intercept_.copy())
    else:
        for lang in LANGS:
            rows = np.array([t == lang for t in train.langs])
            fitted[lang] = regression(choice).fit(x[rows], train.labels[rows])
            layers[lang] = (fitted[lang].coef_.T, fitted[lang].intercept_.copy())
    runtime = {
        lang: (w[:size], w[size:] * choice.lexicon_weight, b) for lang, (w, b) in layers.items()
    }
    return runtime, fitted


def regression(choice: Choice) -> LogisticRegression:
    return LogisticRegression(C=choice.c, max_iter=5000, tol=1e-4)


def sklearn_predict(fitted, csr: Csr, split: Split, lexicon: Lexicon, choice: Choice) -> np.ndarray:
    dense = lexicon.features(csr.words, split.langs) * choice.lexicon_weight
    x = design(csr, dense, split.langs, choice.mode)
    if choice.mode == "joint":
        return fitted["joint"].predict(x)
    guesses = np.zeros(len(split.texts), dtype=int)
    for lang in LANGS:
        rows = np.array([t == lang for t in split.langs])
        guesses[rows] = fitted[lang].predict(x[rows])
    return guesses


def fit_detector(train: Split, vectoriser: Vectoriser) -> tuple[np.ndarray, float]:
    csr = vectoriser.transform(train.texts)
    x = sparse.csr_matrix(
        (csr.values, csr.indices, csr.indptr), shape=(len(train.texts), vectoriser.size)
    )
    fitted = LogisticRegression(C=10.0, max_iter=3000, tol=1e-6)
    fitted.fit(x, np.array([lang == "fr" for lang in train.langs]))
    return fitted.coef_[0], float(fitted.intercept_[0])


def runtime_model(layers, vectoriser: Vectoriser, lexicon: Lexicon) -> SentimentModel:
    """The scikit-learn-free scorer of ``layers``: the training pipeline's predictions."""
    from stratege.listening.model import Layer

    detector = (np.zeros(vectoriser.size), 0.0)
    return SentimentModel(
        vectoriser, lexicon, {k: Layer(*w) for k, w in layers.items()}, detector, {}
    )


def predict(model: SentimentModel, csr: Csr, split: Split) -> np.ndarray:
    return model.probabilities(csr, split.langs).argmax(axis=1)


# --- cross-validation on the training split ---------------------------------------------------


def macro_f1(truth: np.ndarray, guess: np.ndarray) -> float:
    return float(f1_score(truth, guess, average="macro", labels=[0, 1, 2]))


def cross_validate(train: Split, lexicon: Lexicon) -> list[dict]:
    strata = np.array(
        [f"{lang}{label}" for lang, label in zip(train.langs, train.labels, strict=True)]
    )
    folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(train.texts, strata))
    results = []
    for settings in SETTINGS_GRID:
        prepared = []
        for inside, outside in folds:
            vectoriser = Vectoriser.fit([train.texts[i] for i in inside], settings)
            parts = train.subset(inside), train.subset(outside)
            prepared.append(
                (
                    vectoriser,
                    inside,
                    outside,
                    *parts,
                    *(vectoriser.transform(p.texts) for p in parts),
                )
            )
        candidates = [
            Choice(settings, c, "separate", w)
            for c, w in itertools.product(C_GRID, LEXICON_WEIGHTS)
        ]
        candidates += [Choice(s, c, "joint", w) for s, c, w in JOINT if s == settings]
        for choice in candidates:
            guesses = np.zeros(len(train.texts), dtype=int)
            for vectoriser, _inside, outside, part_in, part_out, csr_in, csr_out in prepared:
                layers, _ = fit_layers(csr_in, part_in, lexicon, choice, vectoriser.size)
                guesses[outside] = predict(
                    runtime_model(layers, vectoriser, lexicon), csr_out, part_out
                )
            scores = {
                lang: macro_f1(train.labels[rows], guesses[rows])
                for lang in LANGS
                for rows in [np.array([t == lang for t in train.langs])]
            }
            results.append({"choice": choice, **scores, "mean": (scores["fr"] + scores["en"]) / 2})
            print(f"  {describe(choice)}: fr {scores['fr']:.4f} en {scores['en']:.4f}", flush=True)
    return results


def describe(choice: Choice) -> str:
    s = choice.settings
    return (
        f"words 1-{s.word_max_n}, chars {s.char_min_n}-{s.char_max_n} ×{s.char_weight}, "
        f"C={choice.c}, {choice.mode}, lexicon ×{choice.lexicon_weight}"
    )


# --- validation figures -----------------------------------------------------------------------


def bootstrap(truth: np.ndarray, guess: np.ndarray, rounds: int = 2000) -> list[float]:
    """95 % percentile interval of macro-F1 over resampled validation sets."""
    generator = np.random.default_rng(SEED)
    draws = [
        macro_f1(truth[rows], guess[rows])
        for rows in (generator.integers(0, len(truth), len(truth)) for _ in range(rounds))
    ]
    return [round(100 * float(np.percentile(draws, q)), 1) for q in (2.5, 97.5)]


def validation_report(model: SentimentModel, validation: Split) -> dict:
    csr = model.vectoriser.transform(validation.texts)
    guesses = model.probabilities(csr, validation.langs).argmax(axis=1)
    detected = model.detect(csr)
    report: dict = {
        "language_detection_accuracy": round(
            100 * float(np.mean([d == t for d, t in zip(detected, validation.langs, strict=True)])),
            2,
        )
    }
    for lang in LANGS:
        rows = np.array([t == lang for t in validation.langs])
        truth, guess = validation.labels[rows], guesses[rows]
        report[lang] = {
            "macro_f1": round(100 * macro_f1(truth, guess), 2),
            "macro_f1_ci95": bootstrap(truth, guess),
            "f1_per_class": [
                round(100 * f, 1) for f in f1_score(truth, guess, average=None, labels=[0, 1, 2])
            ],
            "confusion": confusion_matrix(truth, guess, labels=[0, 1, 2]).tolist(),
            "accuracy": round(100 * float(np.mean(truth == guess)), 2),
        }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--choice", help="skip the search: a JSON choice from a previous run")
    args = parser.parse_args()
    started = time.perf_counter()
    train, validation = read_split(args.data, "train"), read_split(args.data, "val")
    lexicon = build_lexicon()
    if args.choice:
        raw = json.loads(args.choice)
        choice = Choice(Settings(**raw.pop("settings")), **raw)
        search: list[dict] = []
    else:
        print(f"Cross-validation ({FOLDS} folds) on the training split:", flush=True)
        search = cross_validate(train, lexicon)
        choice = max(search, key=lambda r: (r["mean"], -SETTINGS_GRID.index(r["choice"].settings)))[
            "choice"
        ]
    print(f"Chosen: {describe(choice)}")
    vectoriser = Vectoriser.fit(train.texts, choice.settings)
    layers, fitted = fit_layers(
        vectoriser.transform(train.texts), train, lexicon, choice, vectoriser.size
    )
    detector = fit_detector(train, vectoriser)
    arrays = {
        "word_terms": pack_terms(vectoriser.word_terms),
        "char_terms": pack_terms(vectoriser.char_terms),
        "idf": vectoriser.idf,
        "detector_weights": detector[0],
        "detector_bias": np.array([detector[1]]),
        **lexicon_arrays(lexicon),
    }
    for lang, (w_sparse, w_dense, bias) in layers.items():
        arrays |= {f"{lang}_sparse": w_sparse, f"{lang}_dense": w_dense, f"{lang}_bias": bias}
    meta = {
        "labels": ["negative", "neutral", "positive"],
        "settings": asdict(choice.settings),
        "choice": {"c": choice.c, "mode": choice.mode, "lexicon_weight": choice.lexicon_weight},
        "cross_validation": [
            {
                "choice": describe(r["choice"]),
                "fr": round(100 * r["fr"], 2),
                "en": round(100 * r["en"], 2),
            }
            for r in search
        ],
        "train_size": {lang: train.langs.count(lang) for lang in LANGS},
        "trained_with": {p: metadata.version(p) for p in ("numpy", "scipy", "scikit-learn")},
    }
    shipped = SentimentModel.from_arrays(arrays, meta)
    meta["validation"] = validation_report(shipped, validation)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_model(args.out, arrays, meta)
    check_runtime(args.out, validation, meta["validation"])
    csr = vectoriser.transform(validation.texts)
    theirs = sklearn_predict(fitted, csr, validation, lexicon, choice)
    ours = predict(shipped, csr, validation)
    agreed = int((theirs == ours).sum())
    print(f"Runtime and scikit-learn agree on {agreed}/{len(ours)} validation texts")
    assert (theirs == ours).all()
    print(json.dumps(meta["validation"], indent=1))
    size, seconds = args.out.stat().st_size / 1e6, time.perf_counter() - started
    print(f"Model: {args.out} ({size:.2f} MB), trained in {seconds:.0f} s")
    return 0


def check_runtime(path: Path, validation: Split, expected: dict) -> None:
    """The file, read back by the runtime alone, gives the figures just computed."""
    arrays, meta = read_model(path)
    again = validation_report(SentimentModel.from_arrays(arrays, meta), validation)
    assert again == expected, "the runtime read back from the file disagrees with the training run"


if __name__ == "__main__":
    sys.exit(main())
