"""`stratege report` (one format) and `stratege pack` (every format, both languages, plan)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from stratege.cli.app import EXIT_UNREADABLE, LangArg, _console, app, load_or_exit
from stratege.i18n import LANGUAGES, pick_language, tr
from stratege.planning.plan import build_plan

WRITTEN = {"fr": "Document écrit : {path}", "en": "Document written: {path}"}
PACKED = {
    "fr": "Dossier de stratégie écrit dans {folder} :",
    "en": "Strategy pack written to {folder}:",
}


class ReportFormat(StrEnum):
    html = "html"
    docx = "docx"
    md = "md"
    pdf = "pdf"


@app.command()
def report(
    file: Annotated[Path, typer.Argument(help="Strategy YAML file.")],
    fmt: Annotated[ReportFormat, typer.Option("--format", help="html, docx, md or pdf.")] = (
        ReportFormat.html
    ),
    out: Annotated[Path | None, typer.Option("--out", help="File to write.")] = None,
    lang: LangArg = None,
) -> None:
    """Write the strategy document (the ten questions, the plan, diagnostics, sources)."""
    from stratege.reports.build import build_document
    from stratege.reports.pdf import PdfError
    from stratege.reports.render import SUFFIX, write_document

    document_file = load_or_exit(file, lang)
    language = pick_language(lang, document_file.strategy.language)
    document = build_document(build_plan(document_file.strategy), language)
    target = out or Path(f"{file.stem}-{language}{SUFFIX[fmt.value]}")
    try:
        paths = write_document(document, fmt.value, target)
    except PdfError as failure:
        _console(stderr=True).print(str(failure))
        raise typer.Exit(EXIT_UNREADABLE) from None
    except OSError as error:
        _console(stderr=True).print(f"{target}: {error.strerror or error}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    _console().print(tr(WRITTEN, language, path=paths[0]))


@app.command()
def pack(
    file: Annotated[Path, typer.Argument(help="Strategy YAML file.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the pack.")] = Path("pack"),
    lang: LangArg = None,
) -> None:
    """Write the whole strategy pack: every document format (in both languages unless --lang
    is given) and the plan's exports."""
    from stratege.exports import write_exports
    from stratege.reports.render import write_pack

    document_file = load_or_exit(file, lang)
    language = pick_language(lang, document_file.strategy.language)
    plan = build_plan(document_file.strategy)
    languages = (lang.value,) if lang else LANGUAGES
    try:
        written, problems = write_pack(plan, out, languages)
        written += write_exports(plan, out / "plan", language)
    except OSError as error:
        _console(stderr=True).print(f"{out}: {error.strerror or error}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    console = _console()
    console.print(tr(PACKED, language, folder=out))
    for path in written:
        console.print(f"  {path}")
    for problem in problems:
        console.print(problem, style="yellow")
