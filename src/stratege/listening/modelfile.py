"""The shipped model as plain arrays in a NumPy ``.npz`` (a ZIP of ``.npy`` files): no
pickle, so loading it cannot run code, and written byte for byte the same on every run
(fixed ZIP dates, sorted entries) so that retraining with the same data gives the same file.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import numpy as np

META = "meta"
FIXED_DATE = (2020, 1, 1, 0, 0, 0)


def pack_terms(terms: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, one per line (terms never contain a newline)."""
    return np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)


def unpack_terms(packed: np.ndarray) -> list[str]:
    text = packed.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def write_model(path: Path, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> None:
    text = json.dumps(meta, sort_keys=True, indent=1, ensure_ascii=False)
    entries = {**arrays, META: np.frombuffer(text.encode("utf-8"), dtype=np.uint8)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(entries[name]))
            info = zipfile.ZipInfo(f"{name}.npy", date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue(), compresslevel=9)


def read_model(source: Path | IO[bytes]) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    with np.load(source, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    meta = json.loads(arrays.pop(META).tobytes().decode("utf-8"))
    return arrays, meta
