"""Writing output files without ever destroying anything.

Every file Stratège writes goes through :func:`write_files`:

- atomically (a temporary file in the same folder, then a rename), so an interrupted run
  leaves the old file or the new one, never half of one;
- never through a symbolic link (a link inside the output folder could send a file
  anywhere on the disk), never onto the strategy file being read;
- never over a file Stratège did not write, unless ``force`` says so: a manifest,
  ``.stratege-files.json`` in the output folder, remembers what Stratège wrote there and
  with which content;
- and an earlier run's files that this run no longer produces (say, a Hootsuite part that
  is no longer needed) are removed — only those, and only if nobody changed them since.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from stratege.atomic import write_atomically
from stratege.services.errors import OutputRefused

MANIFEST = ".stratege-files.json"


@dataclass
class Written:
    """What a write did: the files written, and earlier files left alone or removed."""

    paths: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # stale, but changed by someone: kept


def write_files(
    folder: Path,
    files: Mapping[str, bytes],
    *,
    protected: Iterable[Path] = (),
    force: bool = False,
    owned_prefix: str = "",
) -> Written:
    """Write ``files`` (relative POSIX path → bytes) under ``folder``.

    ``protected``: paths that must never be written (the input strategy). ``owned_prefix``:
    only earlier files under this relative prefix count as this operation's own when
    stale ones are removed (``plan/`` for the plan's exports inside a pack folder).
    Raises :class:`OutputRefused` before writing anything if any file cannot be written
    safely.
    """
    folder = Path(folder)
    targets = {name: _target(folder, name) for name in files}
    manifest = _read_manifest(folder)
    _refuse_unsafe(folder, targets, files, manifest, list(protected), force)
    _make_folders(folder, targets.values())
    result = Written()
    for name, data in files.items():
        write_atomically(targets[name], data)
        result.paths.append(targets[name])
    _remove_stale(folder, manifest, files, owned_prefix, result)
    written = {n: d for n, d in manifest.items() if (folder / n).exists() and n not in files}
    written.update({name: _digest(data) for name, data in files.items()})
    _write_manifest(folder, written)
    return result


def _target(folder: Path, name: str) -> Path:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise OutputRefused("bad_name", path=name)
    return folder.joinpath(*relative.parts)


def _refuse_unsafe(
    folder: Path,
    targets: Mapping[str, Path],
    files: Mapping[str, bytes],
    manifest: Mapping[str, str],
    protected: list[Path],
    force: bool,
) -> None:
    foreign = []
    for name, target in targets.items():
        _refuse_links(folder, target)
        if any(_same_file(target, p) for p in protected):
            raise OutputRefused("would_overwrite_input", path=str(target))
        if target.exists() and not target.is_file():
            raise OutputRefused("not_a_file", path=str(target))
        if target.is_file() and not force and not _ours(target, manifest.get(name), files[name]):
            foreign.append(str(target))
    if foreign:
        raise OutputRefused("foreign_files", paths=", ".join(foreign))


def _refuse_links(folder: Path, target: Path) -> None:
    """No symbolic link between the output folder and the file (nor the file itself)."""
    current = target
    while current != folder and current != current.parent:
        if current.is_symlink():
            raise OutputRefused("symlink", path=str(current))
        current = current.parent


def _ours(target: Path, digest: str | None, new: bytes) -> bool:
    """Stratège wrote this file and nobody changed it since — or it already holds ``new``."""
    current = _digest(target.read_bytes())
    return current == digest or current == _digest(new)


def _same_file(target: Path, other: Path) -> bool:
    try:
        return target.exists() and os.path.samefile(target, other)
    except OSError:
        return False


def _make_folders(folder: Path, targets: Iterable[Path]) -> None:
    for parent in sorted({t.parent for t in targets}):
        parent.mkdir(parents=True, exist_ok=True)
        _refuse_links(folder, parent)  # created meanwhile? still no link


def _remove_stale(
    folder: Path,
    manifest: Mapping[str, str],
    files: Mapping[str, bytes],
    prefix: str,
    result: Written,
) -> None:
    for name, digest in manifest.items():
        if name in files or not name.startswith(prefix):
            continue
        path = _target(folder, name)
        if not path.is_file() or path.is_symlink():
            continue
        if _digest(path.read_bytes()) == digest:
            path.unlink()
            result.removed.append(path)
        else:
            result.kept.append(path)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> dict[str, str]:
    path = folder / MANIFEST
    try:
        if path.is_symlink() or not stat.S_ISREG(path.stat().st_mode):
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(k): str(v) for k, v in files.items()}


def _write_manifest(folder: Path, files: Mapping[str, str]) -> None:
    text = json.dumps({"written_by": "stratege", "files": dict(sorted(files.items()))}, indent=1)
    if (folder / MANIFEST).is_symlink():
        raise OutputRefused("symlink", path=str(folder / MANIFEST))
    write_atomically(folder / MANIFEST, text.encode())
