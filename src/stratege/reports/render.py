"""The strategy document as files in memory: relative file name → bytes.

Nothing here writes to disk: a web request serves the bytes as they are, the command line
(through the service layer) writes them where the user asked, safely. A format is one or
more files: Markdown comes with its charts as PNG files in a ``<stem>-figures/`` folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from stratege.reports.document import Document

FORMATS = ("html", "docx", "md", "pdf")
SUFFIX = {"html": ".html", "docx": ".docx", "md": ".md", "pdf": ".pdf"}
STEMS = {"fr": "strategie", "en": "strategy"}

Files = dict[str, bytes]


def default_stem(lang: str) -> str:
    """The document's file name without suffix: "strategie" in French."""
    return STEMS.get(lang, "strategy")


def render(document: Document, fmt: str, stem: str | None = None) -> Files:
    """``document`` in ``fmt`` (html, docx, md or pdf) as files named after ``stem``.
    Raises :class:`~stratege.reports.pdf.PdfError` when no PDF can be printed."""
    stem = stem or default_stem(document.lang)
    if fmt == "pdf":
        from stratege.reports.pdf import pdf_bytes

        return {f"{stem}.pdf": pdf_bytes(document)}
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return _RENDERERS[fmt](document, stem)


def _html(document: Document, stem: str) -> Files:
    from stratege.reports.html import render_html

    return {f"{stem}.html": render_html(document).encode("utf-8")}


def _docx(document: Document, stem: str) -> Files:
    from stratege.reports.docx import render_docx

    return {f"{stem}.docx": render_docx(document)}


def _markdown(document: Document, stem: str) -> Files:
    from stratege.reports.markdown import render_markdown

    text, figures = render_markdown(document, f"{stem}-figures")
    return {f"{stem}.md": text.encode("utf-8"), **figures}


_RENDERERS = {"html": _html, "docx": _docx, "md": _markdown}


@dataclass
class Rendered:
    """The files of several documents, and why some could not be made (no PDF printer:
    an optional extra, so the rest is kept and the reason told)."""

    files: Files = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def render_documents(documents: Sequence[Document], formats: Sequence[str] = FORMATS) -> Rendered:
    """Every document (one per language) in every format, under ``<lang>/``: for a pack.
    The PDFs of all the documents are printed at once."""
    rendered = Rendered()
    for document in documents:
        folder = f"{document.lang}/"
        for fmt in (f for f in formats if f != "pdf"):
            files = render(document, fmt)
            rendered.files.update({folder + name: data for name, data in files.items()})
    if "pdf" in formats:
        _add_pdfs(rendered, documents)
    return rendered


def _add_pdfs(rendered: Rendered, documents: Sequence[Document]) -> None:
    from stratege.reports.pdf import PdfError, print_pdfs

    try:
        pdfs = print_pdfs(documents)
    except PdfError as failure:  # no printer, or it failed: say so, keep the rest
        rendered.problems.append(str(failure))
        return
    for document, pdf in zip(documents, pdfs, strict=True):
        rendered.files[f"{document.lang}/{default_stem(document.lang)}.pdf"] = pdf
