"""Where the strategy file goes: checked before the first question, written safely after.

Ten questions take a quarter of an hour; learning only at the end that the folder does not
exist, or cannot be written, would lose every answer. So the target is checked first, by
really creating (and removing) a file next to it, which also catches read-only disks that
permission bits do not show. Writing goes through a temporary file renamed over the target,
so a failure never leaves half a strategy behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from stratege.atomic import write_atomically
from stratege.i18n.catalogue import N_
from stratege.wizard.answers import Invalid

REASONS = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOSPC: N_("the disk is full"),
    errno.ENOENT: N_("the folder does not exist"),
    errno.ENOTDIR: N_("part of the path is not a folder"),
    errno.EISDIR: N_("it is a folder"),
}
OTHER_REASON = N_("error {code}")


def reason(error: OSError) -> Invalid:
    """Why the system refused, in words a translator can word (the system's own message
    comes in the system's language)."""
    if error.errno in REASONS:
        return Invalid(REASONS[error.errno])
    return Invalid(OTHER_REASON, code=error.errno or 0)


def check_target(path: Path, replace: bool = False) -> Path:
    """``path`` if a strategy can be written there, else ``Invalid`` saying why. An
    existing file is refused unless ``replace`` (the user chose to overwrite or edit it)."""
    path = path.expanduser()
    folder = path.parent
    if path.is_dir():
        raise Invalid(
            N_("{path} is a folder: give a file name, for example {example}."),
            path=str(path),
            example=str(path / "strategy.yaml"),
        )
    if not folder.exists():
        raise Invalid(N_("The folder {folder} does not exist."), folder=str(folder))
    if not folder.is_dir():
        raise Invalid(N_("{folder} is not a folder."), folder=str(folder))
    if path.exists() and not replace:
        raise Invalid(N_("{path} already exists: choose another name."), path=str(path))
    problem = _cannot_write(path)
    if problem is not None:
        raise Invalid(
            N_("Stratège cannot write to {path}: {reason}."),
            path=str(path),
            reason=problem,
        )
    return path


def _cannot_write(path: Path) -> Invalid | None:
    """None when a file can be created next to ``path`` (and ``path`` itself, if it
    exists, can be replaced), else the reason."""
    if path.exists() and not os.access(path, os.W_OK):
        return Invalid(REASONS[errno.EACCES])
    probe = _temporary_name(path)
    try:
        probe.open("x", encoding="utf-8").close()
    except OSError as error:
        return reason(error)
    with contextlib.suppress(OSError):
        probe.unlink()
    return None


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temporary file next to it, renamed over
    it (an existing file keeps its permissions). Raises OSError; the target is untouched
    then."""
    write_atomically(path, text.encode("utf-8"), mode=0o666, keep_mode=True)
