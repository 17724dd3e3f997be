"""The strategy document as PDF, printed from its HTML (``stratege.reports.html``).

Two engines, tried in this order:

1. WeasyPrint, when importable (``pip install "stratege[pdf]"``): pure Python plus Pango,
   page numbers in the table of contents. It may only read ``data:`` URIs.
2. Headless Chromium, when installed (``apt-get install chromium``), see
   :mod:`stratege.reports.chromium`: the documents of a pack are printed at once, one
   process each.

With neither, :class:`PdfRendererMissing` says how to get one. PDFs come back as bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Literal

from stratege.reports.chromium import chromium_pdfs, find_chromium
from stratege.reports.document import Document
from stratege.reports.html import render_html
from stratege.reports.printing_errors import (
    APT_COMMAND,
    PIP_COMMAND,
    ChromiumFailed,
    ChromiumMissing,
    PdfError,
    PdfRendererMissing,
)

Engine = Literal["auto", "weasyprint", "chromium"]

__all__ = [
    "APT_COMMAND",
    "PIP_COMMAND",
    "ChromiumFailed",
    "ChromiumMissing",
    "Engine",
    "PdfError",
    "PdfRendererMissing",
    "pdf_bytes",
    "print_pdfs",
]


def pdf_bytes(document: Document, *, engine: Engine = "auto") -> bytes:
    """``document`` as an A4 PDF. ``engine="auto"`` takes WeasyPrint if importable, else
    Chromium; with neither, raises :class:`PdfRendererMissing`."""
    return print_pdfs([document], engine=engine)[0]


def print_pdfs(documents: Sequence[Document], *, engine: Engine = "auto") -> list[bytes]:
    """Several documents (a pack's languages) as PDFs, in the same order. Chromium prints
    them all in one browser, a tab each; WeasyPrint prints them in turn."""
    if not documents:
        return []
    lang = documents[0].lang
    htmls = [render_html(document) for document in documents]
    if engine in ("auto", "weasyprint"):
        weasyprint = _import_weasyprint()
        if weasyprint is not None:
            return [_weasyprint_pdf(weasyprint, html) for html in htmls]
        if engine == "weasyprint":
            raise PdfRendererMissing(lang)
    chromium = find_chromium()
    if chromium is None:
        raise PdfRendererMissing(lang) if engine == "auto" else ChromiumMissing(lang)
    return chromium_pdfs(htmls, chromium=chromium, lang=lang)


def _import_weasyprint() -> ModuleType | None:
    """The weasyprint module, or None when it is not installed or its libraries are not
    (WeasyPrint raises OSError when Pango cannot be loaded)."""
    try:
        import weasyprint
        from weasyprint.urls import URLFetcher  # noqa: F401  (68+: restricted fetchers)
    except (ImportError, OSError):
        return None
    module: ModuleType = weasyprint
    return module


def _weasyprint_pdf(weasyprint, html: str) -> bytes:  # type: ignore[no-untyped-def]
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})  # the page is self-contained
    return bytes(weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf())
