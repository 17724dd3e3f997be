"""The one way this package writes a CSV file: every cell made formula-safe first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from stratege.exports.cells import safe_cell


def csv_bytes(
    rows: Iterable[Sequence[object]],
    *,
    delimiter: str = ",",
    bom: bool = False,
) -> bytes:
    """``rows`` (the header, if any, is simply the first row) as UTF-8 CSV bytes.

    ``bom``: a UTF-8 byte-order mark, which Excel needs to read accents in a double-clicked
    CSV; machine imports (schedulers) are written without one, since some of them would
    take the mark as part of the first cell. Lines end in CRLF as RFC 4180 says, so the
    bytes are the same on every system.
    """
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(["" if v is None else safe_cell(v) for v in row] for row in rows)
    return ("\ufeff" if bom else "").encode() + text.getvalue().encode("utf-8")
