"""The whole strategy pack: the document in every format and language, and the plan's
exports — as files in memory, or one ZIP.

The work is spread so that the pack takes about as long as its slowest part rather than
the sum of them all: the second language's document is drawn and rendered by a forked
copy of this process (charts are Python work, so a thread would not help) while this
process does the first language and the exports; then the PDFs of both are printed by
headless Chromium, in its own processes, while this process waits in a thread.
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import os
import sys
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stratege.i18n import Lang
from stratege.services.exports import export_files
from stratege.services.planning import PlanResult

if TYPE_CHECKING:
    from stratege.reports.document import Document

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
    parallel: bool = False,
) -> Pack:
    """Every document format in every language (under ``fr/``, ``en/``) and the plan's
    exports in ``exports_lang`` (under ``plan/``). ``parallel``: draw the other
    languages in a forked process — for a command line, which owns its process; a
    threaded server should leave it off, forking there is not safe."""
    _tell(progress, "documents")
    first, *others = languages
    pack = Pack()
    with _forks(parallel and bool(others)) as pool:
        job = _Job(result, today)
        pending = [_submit(pool, job, lang) for lang in others]
        documents = [_document_files(job, first, pack)]
        _tell(progress, "exports")
        exports = export_files(result, exports_lang)
        pack.files.update({PLAN_FOLDER + name: data for name, data in exports.items()})
        for done in pending:
            document, files = done.result() if isinstance(done, Future) else done
            documents.append(document)
            pack.files.update(files)
    if pdf:
        _tell(progress, "pdf")
        _add_pdfs(pack, documents)
    return pack


@dataclass
class _Job:
    result: PlanResult
    today: dt.date | None


_FORKED: _Job | None = None  # what a forked worker inherits (nothing is pickled to it)


def _document_files(job: _Job, lang: Lang, pack: Pack) -> Document:
    document, files = _render(job, lang)
    pack.files.update(files)
    return document


def _render(job: _Job, lang: Lang) -> tuple[Document, dict[str, bytes]]:
    """The document in ``lang`` and its files (html, docx, md), under ``<lang>/``."""
    from stratege.reports.build import build_document
    from stratege.reports.render import FORMATS, render_documents

    document = build_document(job.result.plan, job.result.findings, lang, job.today)
    rendered = render_documents([document], [f for f in FORMATS if f != "pdf"])
    return document, rendered.files


def _render_forked(lang: Lang) -> tuple[Document, dict[str, bytes]]:
    assert _FORKED is not None, "the job is set before the worker is forked"
    return _render(_FORKED, lang)


class _forks:
    """A one-worker pool of forked processes, or none (then work is done in turn)."""

    def __init__(self, wanted: bool) -> None:
        can = "fork" in multiprocessing.get_all_start_methods()
        self.pool = None
        if wanted and can:
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=_own_streams
            )

    def __enter__(self) -> ProcessPoolExecutor | None:
        return self.pool

    def __exit__(self, *exc: object) -> None:
        global _FORKED
        if self.pool is not None:
            self.pool.shutdown()
        _FORKED = None


def _own_streams() -> None:
    """Give the forked worker its own stderr and stdout objects: a spinner thread of the
    parent may have held their locks at the moment of the fork, and a warning written
    through them would then wait forever."""
    sys.stdout = open(os.dup(1), "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open(os.dup(2), "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def _submit(
    pool: ProcessPoolExecutor | None, job: _Job, lang: Lang
) -> Future[tuple[Document, dict[str, bytes]]] | tuple[Document, dict[str, bytes]]:
    global _FORKED
    if pool is None:
        return _render(job, lang)
    _FORKED = job  # the worker forks on the first submit and inherits it
    import matplotlib.pyplot  # noqa: F401  (loaded once, before the fork, for both)

    return pool.submit(_render_forked, lang)


def _add_pdfs(pack: Pack, documents: list[Document]) -> None:
    from stratege.reports.render import render_documents

    with ThreadPoolExecutor(max_workers=1) as printer:  # Chromium works, this one waits
        printed = printer.submit(render_documents, documents, ("pdf",)).result()
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
