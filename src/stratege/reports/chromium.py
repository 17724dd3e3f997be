"""Headless Chromium, run safely: every background service off (no network, no component
update, no sync), a throw-away profile, its own process group (a timeout ends its helpers
too). PDFs are printed through the DevTools protocol, several pages by one browser (see
:mod:`stratege.reports.devtools`); a screenshot runs Chromium's own command line.

Nothing is written outside Chromium's temporary folder; what it wrote comes back as bytes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stratege.i18n.catalogue import translator
from stratege.reports.printing_errors import ChromiumFailed, ChromiumMissing, language

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_PATHS = (Path("/usr/bin/chromium"), Path("/usr/lib/chromium/chromium"))
CHROMIUM_TIMEOUT_S = 120

# Without the background-networking ones Chromium calls home (safe browsing lists,
# component updates, sync, field trials) even in headless mode.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--disable-dev-shm-usage",
    "--metrics-recording-only",
    "--password-store=basic",
    "--use-mock-keychain",
    "--mute-audio",
    "--hide-scrollbars",
)


def find_chromium() -> str | None:
    """The Chromium (or Chrome) executable: on PATH first, then Debian's usual places."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for candidate in CHROMIUM_PATHS:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def chromium_command(chromium: str, profile: Path, *arguments: str) -> list[str]:
    """The command line: safety flags, a throw-away profile, then ``arguments``."""
    return [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments]


@dataclass
class _Job:
    """One page given to its own Chromium process, in its own throw-away folder."""

    folder: tempfile.TemporaryDirectory[str]
    target: Path
    process: subprocess.Popen[bytes]

    @property
    def said(self) -> str:
        """The last lines Chromium printed, to explain a failure."""
        log = Path(self.folder.name) / "chromium.log"
        lines = log.read_text("utf-8", "replace").splitlines() if log.is_file() else []
        return "\n".join([line for line in lines if line.strip()][-5:])

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.folder.cleanup()


def run_chromium(
    arguments: Sequence[str],
    output_name: str,
    failure: Callable[[str], str],
    page: Path,
    *,
    chromium: str | None = None,
    lang: str = "en",
) -> bytes:
    """Run headless Chromium on the HTML file ``page`` with ``arguments``, in which
    ``{output}`` stands for the file it must write; returns that file's bytes.
    ``failure(detail)`` is the translated message of the :class:`ChromiumFailed` raised
    otherwise."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise ChromiumMissing(lang)
    job = _start(chromium, arguments, output_name, page)
    try:
        return _finish(job, time.monotonic() + CHROMIUM_TIMEOUT_S, failure, lang)
    finally:
        job.close()


def _start(chromium: str, arguments: Sequence[str], output_name: str, page: Path) -> _Job:
    folder = tempfile.TemporaryDirectory(prefix="stratege-chromium-")
    work = Path(folder.name)
    target = work / output_name
    filled = [argument.replace("{output}", str(target)) for argument in arguments]
    command = chromium_command(chromium, work / "profile", *filled, page.resolve().as_uri())
    with (work / "chromium.log").open("wb") as log:  # a file, not a pipe: never blocks
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    return _Job(folder, target, process)


def _finish(job: _Job, deadline: float, failure: Callable[[str], str], lang: str) -> bytes:
    _ = translator(language(lang))
    try:
        code = job.process.wait(timeout=max(deadline - time.monotonic(), 0.0))
    except subprocess.TimeoutExpired:
        detail = _("Chromium did not finish within {seconds} seconds.", seconds=CHROMIUM_TIMEOUT_S)
        raise ChromiumFailed(failure(detail)) from None
    if not job.target.is_file() or job.target.stat().st_size == 0:
        raise ChromiumFailed(failure(job.said or _("exit status {code}", code=code)))
    return job.target.read_bytes()


def chromium_pdfs(htmls: Sequence[str], *, chromium: str, lang: str = "en") -> list[bytes]:
    """Print each HTML page to PDF (the page's own @page size and footer, no browser header
    or footer), all in one browser: see :mod:`stratege.reports.devtools`."""
    from stratege.reports.devtools import print_pages

    _ = translator(language(lang))
    try:
        pdfs = print_pages(chromium, htmls, CHROMIUM_TIMEOUT_S)
    except TimeoutError:
        late = _("Chromium did not finish within {seconds} seconds.", seconds=CHROMIUM_TIMEOUT_S)
        raise _failed(lang, late) from None
    except (ChromiumFailed, OSError, ValueError, KeyError) as failure:
        raise _failed(lang, str(failure)) from None
    if not all(pdf.startswith(b"%PDF") for pdf in pdfs):
        raise _failed(lang, "not a PDF")
    return pdfs


def _failed(lang: str, detail: str) -> ChromiumFailed:
    _ = translator(language(lang))
    return ChromiumFailed(_("Chromium could not print the PDF: {error}", error=detail))
