"""Writing the strategy document in one format, or all of them (the strategy pack)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from stratege.i18n import Lang
from stratege.planning.plan import Plan
from stratege.reports.build import build_document
from stratege.reports.document import Document

FORMATS = ("html", "docx", "md", "pdf")
SUFFIX = {"html": ".html", "docx": ".docx", "md": ".md", "pdf": ".pdf"}


def write_document(document: Document, fmt: str, path: Path) -> list[Path]:
    """Render ``document`` as ``fmt`` into ``path``; returns every file written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        from stratege.reports.html import render_html

        path.write_text(render_html(document), encoding="utf-8")
        return [path]
    if fmt == "docx":
        from stratege.reports.docx import render_docx

        return [render_docx(document, path)]
    if fmt == "md":
        from stratege.reports.markdown import render_markdown

        figures = path.with_name(f"{path.stem}-figures")
        text = render_markdown(document, figures, image_prefix=f"{figures.name}/")
        path.write_text(text, encoding="utf-8")
        return [path, *sorted(figures.glob("*.png"))] if figures.exists() else [path]
    if fmt == "pdf":
        from stratege.reports.pdf import render_pdf

        return [render_pdf(document, path)]
    raise ValueError(f"unknown format {fmt!r}")


def write_pack(
    plan: Plan, out_dir: Path, languages: tuple[Lang, ...], today: dt.date | None = None
) -> tuple[list[Path], list[str]]:
    """Every format in every language, plus the plan's exports; PDF problems are reported,
    not fatal (returned as messages), since a PDF renderer is an optional extra."""
    from stratege.reports.pdf import PdfError

    written: list[Path] = []
    problems: list[str] = []
    for lang in languages:
        document = build_document(plan, lang, today)
        stem = "strategie" if lang == "fr" else "strategy"
        for fmt in FORMATS:
            target = out_dir / lang / f"{stem}{SUFFIX[fmt]}"
            try:
                written += write_document(document, fmt, target)
            except PdfError as failure:  # no renderer, or it failed: say so, keep the rest
                problems.append(str(failure))
    return written, problems
