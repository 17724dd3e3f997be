"""The strategy document as PDF, printed from its HTML (``stratege.reports.html``).

Two engines, tried in this order:

1. WeasyPrint, when importable (``pip install "stratege[pdf]"``): pure Python plus Pango,
   page numbers in the table of contents. It may only read ``data:`` URIs.
2. Headless Chromium, when installed (``apt-get install chromium``): run with every
   background service off (no network, no component update, no sync) and a throw-away
   profile.

With neither, :class:`PdfRendererMissing` says how to get one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from stratege.i18n import LANGUAGES, Lang
from stratege.i18n.catalogue import translator
from stratege.reports.document import Document
from stratege.reports.html import render_html

Engine = Literal["auto", "weasyprint", "chromium"]

PIP_COMMAND = 'pip install "stratege[pdf]"'
APT_COMMAND = "apt-get install chromium"
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


class PdfError(RuntimeError):
    """Any reason why no PDF could be written."""


class PdfRendererMissing(PdfError):
    """Neither WeasyPrint nor Chromium is available; the message says how to get one."""

    def __init__(self, lang: str = "en") -> None:
        _ = translator(_lang(lang))
        super().__init__(
            _(
                "No PDF renderer found: install WeasyPrint with {pip_command}, or install "
                "Chromium, e.g. {apt_command}.",
                pip_command=PIP_COMMAND,
                apt_command=APT_COMMAND,
            )
        )


class ChromiumMissing(PdfError):
    """Chromium is needed (screenshots, ``engine="chromium"``) and was not found."""

    def __init__(self, lang: str = "en") -> None:
        _ = translator(_lang(lang))
        super().__init__(
            _("Chromium was not found: install it, e.g. {apt_command}.", apt_command=APT_COMMAND)
        )


class ChromiumFailed(PdfError):
    """Chromium ran but wrote nothing usable; the message ends with what it said."""


def render_pdf(document: Document, path: Path, *, engine: Engine = "auto") -> Path:
    """Write ``document`` as an A4 PDF at ``path`` (returned). ``engine="auto"`` takes
    WeasyPrint if importable, else Chromium; neither raises :class:`PdfRendererMissing`."""
    path = Path(path)
    html = render_html(document)
    if engine in ("auto", "weasyprint"):
        weasyprint = _import_weasyprint()
        if weasyprint is not None:
            return _weasyprint_pdf(weasyprint, html, path)
        if engine == "weasyprint":
            raise PdfRendererMissing(document.lang)
    chromium = find_chromium()
    if chromium is None:
        raise (
            PdfRendererMissing(document.lang)
            if engine == "auto"
            else ChromiumMissing(document.lang)
        )
    return chromium_pdf(html, path, chromium=chromium, lang=document.lang)


# --- WeasyPrint ---------------------------------------------------------------------------


def _import_weasyprint():  # type: ignore[no-untyped-def]
    """The weasyprint module, or None when it is not installed or its libraries are not
    (WeasyPrint raises OSError when Pango cannot be loaded)."""
    try:
        import weasyprint
        from weasyprint.urls import URLFetcher  # noqa: F401  (68+: restricted fetchers)
    except (ImportError, OSError):
        return None
    return weasyprint


def _weasyprint_pdf(weasyprint, html: str, path: Path) -> Path:  # type: ignore[no-untyped-def]
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})  # the page is self-contained
    pdf = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    path.write_bytes(pdf)
    return path


# --- Chromium -----------------------------------------------------------------------------


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


def run_chromium(
    arguments: list[str],
    output_name: str,
    failure: Callable[[str], str],
    *,
    html: str | None = None,
    html_path: Path | None = None,
    chromium: str | None = None,
    lang: str = "en",
) -> bytes:
    """Run headless Chromium on a page (the text ``html``, or the file ``html_path``) with
    ``arguments`` in which ``{output}`` stands for the file it must write; returns that file's
    bytes. ``failure(detail)`` is the translated message of the error raised otherwise."""
    _ = translator(_lang(lang))
    chromium = chromium or find_chromium()
    if chromium is None:
        raise ChromiumMissing(lang)
    with tempfile.TemporaryDirectory(prefix="stratege-chromium-") as tmp:
        work = Path(tmp)
        if html is not None:
            html_path = work / "document.html"
            html_path.write_text(html, encoding="utf-8")
        if html_path is None:
            raise ValueError("run_chromium needs html or html_path")
        target = work / output_name
        page = Path(html_path).resolve().as_uri()
        filled = [argument.replace("{output}", str(target)) for argument in arguments]
        command = chromium_command(chromium, work / "profile", *filled, page)
        try:
            code, said = _run(command, CHROMIUM_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            detail = _(
                "Chromium did not finish within {seconds} seconds.", seconds=CHROMIUM_TIMEOUT_S
            )
            raise ChromiumFailed(failure(detail)) from None
        if not target.is_file() or target.stat().st_size == 0:
            lines = [line for line in said.splitlines() if line.strip()][-5:]
            detail = "\n".join(lines) or _("exit status {code}", code=code)
            raise ChromiumFailed(failure(detail))
        return target.read_bytes()


def chromium_pdf(html: str, path: Path, *, chromium: str | None = None, lang: str = "en") -> Path:
    """Print ``html`` to the PDF ``path`` with headless Chromium: the page's own @page size
    and footer, no browser header or footer."""
    _ = translator(_lang(lang))

    def failure(detail: str) -> str:
        return _("Chromium could not print the PDF: {error}", error=detail)

    arguments = ["--no-pdf-header-footer", "--print-to-pdf-no-header", "--print-to-pdf={output}"]
    pdf = run_chromium(arguments, "document.pdf", failure, html=html, chromium=chromium, lang=lang)
    if not pdf.startswith(b"%PDF"):
        raise ChromiumFailed(failure(repr(pdf[:16])))
    path = Path(path)
    path.write_bytes(pdf)
    return path


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run in its own process group, so that a timeout ends Chromium's helpers too."""
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    ) as process:
        try:
            output, _unused = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    return process.returncode, output.decode("utf-8", "replace")


def _lang(lang: str) -> Lang:
    return lang if lang in LANGUAGES else "en"  # type: ignore[return-value]
