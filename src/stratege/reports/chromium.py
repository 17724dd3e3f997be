"""Headless Chromium, run safely: every background service off (no network, no component
update, no sync), a throw-away profile, its own process group (a timeout ends its helpers
too). Several pages can be given at once, each to its own process, started together: the
two PDFs of a pack print in the time of one.

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
PDF_ARGUMENTS = ("--no-pdf-header-footer", "--print-to-pdf-no-header", "--print-to-pdf={output}")


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


@dataclass(frozen=True)
class Page:
    """What to give Chromium: the HTML text, or the path of an HTML file."""

    html: str | None = None
    path: Path | None = None


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
    page: Page,
    *,
    chromium: str | None = None,
    lang: str = "en",
) -> bytes:
    """Run headless Chromium on ``page`` with ``arguments``, in which ``{output}`` stands
    for the file it must write; returns that file's bytes. ``failure(detail)`` is the
    translated message of the :class:`ChromiumFailed` raised otherwise."""
    return run_many(arguments, output_name, failure, [page], chromium=chromium, lang=lang)[0]


def run_many(
    arguments: Sequence[str],
    output_name: str,
    failure: Callable[[str], str],
    pages: Sequence[Page],
    *,
    chromium: str | None = None,
    lang: str = "en",
) -> list[bytes]:
    """:func:`run_chromium` on several pages at once: every process is started, then
    waited for; the results come in the order of ``pages``."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise ChromiumMissing(lang)
    jobs: list[_Job] = []
    try:
        for page in pages:
            jobs.append(_start(chromium, arguments, output_name, page))
        deadline = time.monotonic() + CHROMIUM_TIMEOUT_S
        return [_finish(job, deadline, failure, lang) for job in jobs]
    finally:
        for job in jobs:
            job.close()


def _start(chromium: str, arguments: Sequence[str], output_name: str, page: Page) -> _Job:
    folder = tempfile.TemporaryDirectory(prefix="stratege-chromium-")
    work = Path(folder.name)
    source = page.path
    if page.html is not None:
        source = work / "document.html"
        source.write_text(page.html, encoding="utf-8")
    if source is None:
        folder.cleanup()
        raise ValueError("a page needs its HTML or the path of its file")
    target = work / output_name
    filled = [argument.replace("{output}", str(target)) for argument in arguments]
    command = chromium_command(chromium, work / "profile", *filled, source.resolve().as_uri())
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


def chromium_pdfs(
    htmls: Sequence[str], *, chromium: str | None = None, lang: str = "en"
) -> list[bytes]:
    """Print each HTML page to PDF: the page's own @page size and footer, no browser
    header or footer; all pages at once."""
    _ = translator(language(lang))

    def failure(detail: str) -> str:
        return _("Chromium could not print the PDF: {error}", error=detail)

    pages = [Page(html=html) for html in htmls]
    pdfs = run_many(PDF_ARGUMENTS, "document.pdf", failure, pages, chromium=chromium, lang=lang)
    for pdf in pdfs:
        if not pdf.startswith(b"%PDF"):
            raise ChromiumFailed(failure(repr(pdf[:16])))
    return pdfs
