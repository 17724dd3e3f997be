"""Files written all at once: a reader (or a crash) never sees half a file.

The data goes to a temporary file beside the target, which is then renamed over it. The
rename replaces a link at the target instead of writing through it. No process-wide state
is touched (no umask juggling), so threads of a web server may write at the same time.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomically(
    path: Path, data: bytes, *, mode: int = 0o644, keep_mode: bool = False
) -> None:
    """Write ``data`` to ``path``. The file gets ``mode`` less the umask, as any new file
    does — or, with ``keep_mode``, the permissions of the file it replaces. Raises
    OSError; the target is untouched then."""
    temporary = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    handle = os.open(temporary, _CREATE, mode)  # O_EXCL: never an existing file or link
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if keep_mode and path.exists():
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
