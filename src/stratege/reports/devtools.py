"""Several pages printed to PDF by one headless Chromium, through the DevTools protocol.

Starting Chromium costs more than printing a document, so the pages of a pack (one per
language) are opened as tabs of one browser and printed side by side. The browser is
driven over ``--remote-debugging-pipe``: JSON messages ended by a NUL byte, written to its
file descriptor 3 and read from its descriptor 4; no port is opened, nothing else can talk
to it. Its flags and its throw-away profile are those of :mod:`stratege.reports.chromium`.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from stratege.reports.chromium import chromium_command
from stratege.reports.printing_errors import ChromiumFailed

PRINT_OPTIONS = {"preferCSSPageSize": True, "printBackground": True}
# Puts the pipe ends where Chromium looks for them (3 to read, 4 to write), then becomes
# Chromium: a shell cannot name descriptors above 9, and a preexec_fn is unsafe in a
# threaded program (a web server).
PLACE_PIPES = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
    "os.execv(sys.argv[3], sys.argv[3:])"
)


class Browser:
    """A headless Chromium driven over its DevTools pipe, until :meth:`close`."""

    def __init__(self, chromium: str, profile: Path, deadline: float) -> None:
        self.deadline = deadline
        to_browser, self._commands = _pipe()
        self._answers, from_browser = _pipe()
        command = chromium_command(chromium, profile, "--remote-debugging-pipe", "about:blank")
        placed = [sys.executable, "-I", "-S", "-c", PLACE_PIPES, str(to_browser), str(from_browser)]
        self.process = subprocess.Popen(
            [*placed, *command], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True, pass_fds=(to_browser, from_browser),
        )  # fmt: skip
        os.close(to_browser)
        os.close(from_browser)
        self._next, self._buffer = 0, b""
        self._kept: list[dict[str, Any]] = []  # messages read before they were asked for

    def send(self, method: str, session: str | None = None, **params: Any) -> int:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        return self._next

    def answer(self, number: int) -> dict[str, Any]:
        """The result of command ``number``; other messages read meanwhile are kept."""
        message = self._first(lambda m: m.get("id") == number)
        if "error" in message:
            raise ChromiumFailed(str(message["error"].get("message", message["error"])))
        result: dict[str, Any] = message.get("result", {})
        return result

    def wait_for(self, method: str, session: str) -> None:
        """Wait for the event ``method`` of the tab ``session``."""
        self._first(lambda m: m.get("method") == method and m.get("sessionId") == session)

    def _first(self, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first message, kept or new, that is ``wanted`` (taken out of the kept ones)."""
        found = next((m for m in self._kept if wanted(m)), None)
        while found is None:
            message = self._read()
            if wanted(message):
                return message
            self._kept.append(message)
        self._kept.remove(found)
        return found

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = self.deadline - time.monotonic()
            ready, _, _ = select.select([self._answers], [], [], max(left, 0))
            if not ready:
                raise TimeoutError
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise ChromiumFailed("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        decoded: dict[str, Any] = json.loads(message)
        return decoded

    def close(self) -> None:
        """Ask the browser to quit; end it if it does not within a few seconds."""
        with contextlib.suppress(OSError):
            self.send("Browser.close")
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.kill()

    def kill(self) -> None:
        """End the browser and its helpers (its own process group) now."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        for end in (self._commands, self._answers):
            with contextlib.suppress(OSError):
                os.close(end)


def _pipe() -> tuple[int, int]:
    """A pipe whose ends are numbered 10 or more, clear of the 3 and 4 Chromium uses."""
    ends = os.pipe()
    moved = tuple(fcntl.fcntl(end, fcntl.F_DUPFD_CLOEXEC, 10) for end in ends)
    for end in ends:
        os.close(end)
    return moved[0], moved[1]


def print_pages(chromium: str, htmls: Sequence[str], timeout: float) -> list[bytes]:
    """Each HTML page as a PDF, all printed by one browser; raises ``TimeoutError`` past
    ``timeout`` seconds and :class:`ChromiumFailed` when Chromium refuses."""
    with tempfile.TemporaryDirectory(prefix="stratege-chromium-") as folder:
        work = Path(folder)
        pages = [work / f"page-{n}.html" for n in range(len(htmls))]
        for page, html in zip(pages, htmls, strict=True):
            page.write_text(html, encoding="utf-8")
        browser = Browser(chromium, work / "profile", time.monotonic() + timeout)
        try:
            printed = _print(browser, pages)
        except BaseException:
            browser.kill()
            raise
        browser.close()
        return printed


def _print(browser: Browser, pages: list[Path]) -> list[bytes]:
    tabs = [_open(browser, page) for page in pages]
    for tab in tabs:
        browser.wait_for("Page.loadEventFired", tab)
    asked = [browser.send("Page.printToPDF", tab, **PRINT_OPTIONS) for tab in tabs]
    return [base64.b64decode(browser.answer(number)["data"]) for number in asked]


def _open(browser: Browser, page: Path) -> str:
    """A new tab loading ``page``; its session id."""
    target = browser.answer(browser.send("Target.createTarget", url="about:blank"))["targetId"]
    attached = browser.send("Target.attachToTarget", targetId=target, flatten=True)
    tab = str(browser.answer(attached)["sessionId"])
    browser.answer(browser.send("Page.enable", tab))
    browser.answer(browser.send("Page.navigate", tab, url=page.resolve().as_uri()))
    return tab
