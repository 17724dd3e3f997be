"""A cache of compiled reference data in the user's cache folder, so later runs start fast.

Parsing the knowledge base's YAML and compiling the gettext catalogues take longer than a
whole `stratege check` should. Their compiled form is kept in ``$STRATEGE_CACHE`` (else
``$XDG_CACHE_HOME/stratege``, else ``~/.cache/stratege``) under a key made of the package
version and the sources' contents, so an edited data file or a new release is never served
stale. A cache that cannot be read or written is simply skipped: it is never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from stratege import __version__
from stratege.atomic import write_atomically


def cache_folder() -> Path:
    chosen = os.environ.get("STRATEGE_CACHE")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "stratege"


def cached_bytes(name: str, sources: Iterable[str], build: Callable[[], bytes]) -> bytes:
    """``build()``'s bytes, from the cache when the ``sources`` (file paths) are unchanged."""
    if os.environ.get("STRATEGE_CACHE") == "off":
        return build()
    digest = hashlib.blake2b(__version__.encode(), digest_size=12)
    for source in sources:
        digest.update(source.encode())
        digest.update(Path(source).read_bytes())
    path = cache_folder() / f"{name}-{digest.hexdigest()}.bin"
    with contextlib.suppress(OSError):
        return path.read_bytes()
    data = build()
    with contextlib.suppress(OSError):
        _store(path, data, stale=path.parent.glob(f"{name}-*.bin"))
    return data


def _store(path: Path, data: bytes, stale: Iterable[Path]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in stale:  # earlier versions of the same entry
        with contextlib.suppress(OSError):
            old.unlink()
    write_atomically(path, data, mode=0o600)  # a concurrent reader sees all or nothing
