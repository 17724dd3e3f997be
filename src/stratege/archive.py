"""Reproducible ZIP archives: the same files always give the same bytes.

A ZIP records each entry's modification time, the system that wrote it and its
permissions; left to their defaults they follow the clock and the platform, and two exports
of one plan would differ. Here they are fixed (the plan's first day, Unix, rw-r--r--) and
the entries are written in a fixed order. XLSX workbooks are ZIP files too.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping

EARLIEST = dt.datetime(1980, 1, 1)  # the ZIP format dates nothing earlier…
LATEST = dt.datetime(2107, 12, 31, 23, 59, 58)  # …nor later
UNIX = 3
READ_WRITE = 0o100644 << 16  # a regular file, rw-r--r--


def zip_bytes(
    files: Mapping[str, bytes], moment: dt.datetime, *, sort: bool = True, level: int = 6
) -> bytes:
    """``files`` (archive path → bytes) as a deflated ZIP, every entry dated ``moment``.

    ``sort``: entries by name (archives a person opens); False keeps the mapping's order,
    which formats such as XLSX expect (their ``[Content_Types].xml`` first).
    """
    stamp = min(max(moment.replace(tzinfo=None, microsecond=0), EARLIEST), LATEST)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files) if sort else files:
            entry = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = UNIX
            entry.external_attr = READ_WRITE
            archive.writestr(entry, files[name], compresslevel=level)
    return buffer.getvalue()
