"""The strategy document in one format and language, as files in memory."""

from __future__ import annotations

import datetime as dt

from stratege.i18n import Lang
from stratege.services.planning import PlanResult


def document_files(
    result: PlanResult, fmt: str, lang: Lang, today: dt.date | None = None, stem: str | None = None
) -> dict[str, bytes]:
    """The document as ``fmt`` (html, docx, md, pdf): file name → bytes (Markdown brings
    its figures). Raises stratege.reports.pdf.PdfError when no PDF can be printed."""
    from stratege.reports.build import build_document
    from stratege.reports.render import render

    document = build_document(
        result.plan,
        result.findings,
        lang,
        today,
        measurement=result.measurement,
        approval=result.approval,
        listening=result.listening,
    )
    return render(document, fmt, stem)
