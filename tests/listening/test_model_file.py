"""The shipped model is plain arrays (no pickle), small, and written reproducibly."""

from __future__ import annotations

import zipfile
from importlib import resources
from pathlib import Path

import numpy as np

from stratege.listening.modelfile import read_model, write_model
from stratege.listening.sentiment import MODEL_FILE, shipped_model

SHIPPED = Path(str(resources.files("stratege.listening") / "data" / MODEL_FILE))


def test_the_model_loads_without_pickle_and_stays_small() -> None:
    with np.load(SHIPPED, allow_pickle=False) as stored:
        assert all(stored[name].dtype != object for name in stored.files)
    assert SHIPPED.stat().st_size < 5_000_000


def test_the_model_records_how_it_was_made() -> None:
    meta = shipped_model().meta
    assert meta["labels"] == ["negative", "neutral", "positive"]
    assert {"settings", "choice", "cross_validation", "validation"} <= set(meta)


def test_writing_the_same_arrays_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    arrays, meta = read_model(SHIPPED)
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    write_model(first, arrays, meta)
    write_model(second, arrays, meta)
    assert first.read_bytes() == second.read_bytes()
    again, meta_again = read_model(first)
    assert meta_again == meta
    assert all(np.array_equal(again[name], arrays[name]) for name in arrays)


def test_the_archive_dates_are_fixed() -> None:
    with zipfile.ZipFile(SHIPPED) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2020, 1, 1, 0, 0, 0)}
