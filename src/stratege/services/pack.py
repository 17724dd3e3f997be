"""The whole strategy pack: the document in every format and language, and the plan's
exports — as files in memory, or one ZIP.

The work is spread so that the pack takes about as long as its slowest part rather than
the sum of them all: the second language's document is drawn and rendered by a forked
copy of this process (charts are Python work, so a thread would not help) while this
process does the first language and the exports; then one headless Chromium prints the
PDFs of both.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stratege import archive
from stratege.i18n import Lang
from stratege.services.exports import export_files
from stratege.services.planning import PlanResult, Progress, tell

if TYPE_CHECKING:
    from stratege.reports.document import Document

PLAN_FOLDER = "plan/"


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
    from stratege.reports.render import render_documents

    tell(progress, "documents")
    job = _Job(result, today)
    drawn: dict[Lang, _Drawn] = {}
    with _fork_pool(job, parallel and len(languages) > 1) as pool:
        forked = {lang: pool.submit(_draw_forked, lang) for lang in languages[1:]} if pool else {}
        drawn.update({lang: _draw(job, lang) for lang in languages if lang not in forked})
        tell(progress, "exports")
        exports = export_files(result, exports_lang)
        drawn.update({lang: future.result() for lang, future in forked.items()})
    pack = Pack()
    for lang in languages:
        pack.files.update(drawn[lang][1])
    pack.files.update({PLAN_FOLDER + name: data for name, data in exports.items()})
    if pdf:
        tell(progress, "pdf")
        printed = render_documents([drawn[lang][0] for lang in languages], ("pdf",))
        pack.files.update(printed.files)
        pack.problems.extend(printed.problems)
    return pack


@dataclass
class _Job:
    result: PlanResult
    today: dt.date | None


_Drawn = tuple["Document", dict[str, bytes]]  # a document and its html, docx, md files
_FORKED: _Job | None = None  # what a forked worker inherits (nothing is pickled to it)


def _draw(job: _Job, lang: Lang) -> _Drawn:
    """The document in ``lang`` and its files (html, docx, md), under ``<lang>/``."""
    from stratege.reports.build import build_document
    from stratege.reports.render import FORMATS, render_documents

    document = build_document(
        job.result.plan,
        job.result.findings,
        lang,
        job.today,
        measurement=job.result.measurement,
        approval=job.result.approval,
        listening=job.result.listening,
    )
    rendered = render_documents([document], [f for f in FORMATS if f != "pdf"])
    return document, rendered.files


def _draw_forked(lang: Lang) -> _Drawn:
    assert _FORKED is not None, "the job is set before the worker is forked"
    return _draw(_FORKED, lang)


@contextmanager
def _fork_pool(job: _Job, wanted: bool) -> Iterator[ProcessPoolExecutor | None]:
    """A one-worker pool of forked processes that inherit ``job``, or None where forking
    is not wanted or not available (then every language is drawn here, in turn)."""
    global _FORKED
    if not wanted or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    import matplotlib.figure  # noqa: F401  (loaded once, before the fork, for both)

    _FORKED = job
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(1, mp_context=context, initializer=_own_streams) as pool:
            yield pool
    finally:
        _FORKED = None


def _own_streams() -> None:
    """Give the forked worker its own stderr and stdout objects: a spinner thread of the
    parent may have held their locks at the moment of the fork, and a warning written
    through them would then wait forever."""
    sys.stdout = open(os.dup(1), "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stderr = open(os.dup(2), "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def zip_bytes(files: dict[str, bytes], stamp: dt.date) -> bytes:
    """The files as one ZIP, reproducible: sorted names, every entry dated ``stamp``."""
    return archive.zip_bytes(files, dt.datetime.combine(stamp, dt.time()))
