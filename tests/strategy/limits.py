"""A wall-clock limit for code that used to hang (alias bombs, unbounded reads)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class TookTooLong(AssertionError):
    """The code under test ran past its limit: treated as a failure, not a hang."""


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail with TookTooLong when the block runs longer than ``seconds``.

    A SIGALRM interrupts even a loop that never returns to Python code for long, so an
    exponential expansion fails the test instead of stalling the suite. Outside the main
    thread (where signals cannot be used) the block simply runs unbounded."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _interrupt(signum: int, frame: object) -> None:
        raise TookTooLong(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
