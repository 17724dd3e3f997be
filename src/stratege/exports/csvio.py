"""The one way this package writes a CSV file: every cell made formula-safe first."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from stratege.exports.cells import safe_row


def write_csv(
    path: Path,
    rows: Iterable[Sequence[object]],
    *,
    delimiter: str = ",",
    bom: bool = False,
) -> Path:
    """Write ``rows`` (the header, if any, is simply the first row) and return ``path``.

    ``bom``: a UTF-8 byte-order mark, which Excel needs to read accents in a double-clicked
    CSV; machine imports (schedulers) are written without one, since some of them would
    take the mark as part of the first cell. Lines end in CRLF as RFC 4180 says, so the
    bytes are the same on every system.
    """
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        for row in rows:
            writer.writerow(["" if v is None else v for v in safe_row(row)])
    return path
