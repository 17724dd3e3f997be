"""Progress of long work (plan, pack, PDF) on a terminal; silent in pipes, CI and JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator

STEPS = {
    "checks": N_("Checking the strategy…"),
    "plan": N_("Planning the calendar and staffing it…"),
    "exports": N_("Writing the exports…"),
    "documents": N_("Writing the strategy documents…"),
    "pdf": N_("Printing the PDF documents…"),
}


def shown() -> bool:
    """Only for a person at a terminal: not when stderr is a pipe, a file or CI's log."""
    return sys.stderr.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


@contextmanager
def progress(lang: Lang, enabled: bool = True) -> Iterator[Callable[[str], None]]:
    """A callback that shows each step's name (a spinner and the step) while work runs."""
    if not (enabled and shown()):
        yield lambda step: None
        return
    from rich.console import Console

    _ = translator(lang)
    with Console(stderr=True).status(_(STEPS["checks"])) as status:
        yield lambda step: status.update(_(STEPS.get(step, step)))
