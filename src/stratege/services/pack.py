"""The whole strategy pack: the document in every format and language, and the plan's
exports — as files in memory, or one ZIP.

The PDFs are printed while the rest is rendered: their printer (headless Chromium) runs in
other processes, so waiting for it in a thread costs nothing and the pack takes about as
long as its slowest part rather than the sum of them all.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from stratege.i18n import Lang
from stratege.reports.render import Rendered
from stratege.services.exports import export_files
from stratege.services.planning import PlanResult

PLAN_FOLDER = "plan/"
ZIP_EPOCH = dt.date(1980, 1, 1)
Progress = Callable[[str], None]


@dataclass
class Pack:
    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # e.g. no PDF printer: said, not fatal


def pack_files(
    result: PlanResult,
    languages: Sequence[Lang],
    exports_lang: Lang,
    *,
    pdf: bool = True,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Pack:
    """Every document format in every language (under ``fr/``, ``en/``) and the plan's
    exports in ``exports_lang`` (under ``plan/``)."""
    from stratege.reports.build import build_documents
    from stratege.reports.render import FORMATS, render_documents

    _tell(progress, "documents")
    documents = build_documents(result.plan, result.findings, languages, today)
    with ThreadPoolExecutor(max_workers=1) as printer:
        pdfs = printer.submit(render_documents, documents, ("pdf",)) if pdf else None
        pack = Pack()
        rendered = render_documents(documents, [f for f in FORMATS if f != "pdf"])
        pack.files.update(rendered.files)
        _tell(progress, "exports")
        exports = export_files(result, exports_lang)
        pack.files.update({PLAN_FOLDER + name: data for name, data in exports.items()})
        if pdfs is not None:
            _tell(progress, "pdf")
            _add(pack, pdfs)
    return pack


def _add(pack: Pack, pdfs: Future[Rendered]) -> None:
    printed = pdfs.result()
    pack.files.update(printed.files)
    pack.problems.extend(printed.problems)


def zip_bytes(files: dict[str, bytes], stamp: dt.date) -> bytes:
    """The files as one ZIP, reproducible: sorted names, every entry dated ``stamp``."""
    buffer = io.BytesIO()
    stamp = max(stamp, ZIP_EPOCH)  # the ZIP format cannot date a file before 1980
    moment = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=moment)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, files[name])
    return buffer.getvalue()


def _tell(progress: Progress | None, step: str) -> None:
    if progress is not None:
        progress(step)
