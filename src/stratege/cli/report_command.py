"""`stratege report` (one format) and `stratege pack` (every format, both languages, plan)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stratege.cli.app import EXIT_UNREADABLE, ForceArg, LangArg, StrategyArg, _, app
from stratege.cli.output import load_or_exit, say, write_or_exit
from stratege.i18n import LANGUAGES, Lang, pick_language
from stratege.i18n.catalogue import N_, translator

if TYPE_CHECKING:
    from stratege.services.planning import PlanResult


class ReportFormat(StrEnum):
    html = "html"
    docx = "docx"
    md = "md"
    pdf = "pdf"


NoPdfArg = Annotated[
    bool, typer.Option("--no-pdf", help=_(N_("Leave the PDF out (faster; no printer needed).")))
]


@app.command(
    help=_(N_("Write the strategy document (the ten questions, the plan, diagnostics, sources)."))
)
def report(
    file: StrategyArg,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help=_(N_("html, docx, md or pdf.")))
    ] = ReportFormat.html,
    out: Annotated[Path | None, typer.Option("--out", help=_(N_("File to write.")))] = None,
    force: ForceArg = False,
    lang: LangArg = None,
) -> None:
    from stratege.cli.plan_command import make_plan
    from stratege.reports.pdf import PdfError
    from stratege.reports.render import SUFFIX
    from stratege.services.documents import document_files

    document = load_or_exit(file, lang)
    language = pick_language(lang, document.strategy.language)
    target = out or Path(f"{file.stem}-{language}{SUFFIX[fmt.value]}")
    result = make_plan(document, None, None, language)
    with_results(result, language)
    try:
        files = document_files(result, fmt.value, language, stem=target.stem)
    except PdfError as failure:
        say(str(failure), "red", stderr=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    files = _named(files, target)
    write_or_exit(target.parent, files, language, protected=[file], force=force)
    say(translator(language)(N_("Document written: {path}"), path=target))


def with_results(result: PlanResult, language: Lang, data: Path | None = None) -> None:
    """A Results section in the documents when the strategy has imported data."""
    from stratege.measure.errors import MeasureError
    from stratege.services.measuring import attach_measurement

    try:
        attach_measurement(result, data)
    except MeasureError as error:  # a store being written: the documents go without
        say(error.message(language), "yellow", stderr=True)


def _named(files: dict[str, bytes], target: Path) -> dict[str, bytes]:
    """The main file under the exact name asked for (figures keep theirs, beside it)."""
    main = next(iter(files))
    return {target.name if name == main else name: data for name, data in files.items()}


@app.command(
    help=_(
        N_(
            "Write the whole strategy pack: every document format (in both languages unless "
            "--lang is given) and the plan's exports."
        )
    )
)
def pack(
    file: StrategyArg,
    out: Annotated[Path, typer.Option("--out", help=_(N_("Folder for the pack.")))] = Path("pack"),
    zip_file: Annotated[
        Path | None,
        typer.Option("--zip", help=_(N_("Write the pack as this one ZIP file instead."))),
    ] = None,
    no_pdf: NoPdfArg = False,
    force: ForceArg = False,
    lang: LangArg = None,
) -> None:
    document = load_or_exit(file, lang)
    language = pick_language(lang, document.strategy.language)
    languages: tuple[Lang, ...] = (language,) if lang else LANGUAGES
    from stratege.cli.plan_command import make_plan

    result = make_plan(document, None, None, language)
    with_results(result, language)
    written = write_pack(result, out, zip_file, languages, language, file, no_pdf, force)
    say(translator(language)(N_("Strategy pack written to {folder}:"), folder=zip_file or out))
    for path in written:
        say(f"  {path}")


def write_pack(
    result: PlanResult,
    out: Path,
    zip_file: Path | None,
    languages: tuple[Lang, ...],
    language: Lang,
    source: Path | None,
    no_pdf: bool,
    force: bool,
) -> list[Path]:
    """Render and write the pack (a folder, or one ZIP); problems said in yellow."""
    from stratege.cli.progress import progress
    from stratege.services.pack import pack_files, zip_bytes

    with progress(language) as step:
        made = pack_files(result, languages, language, pdf=not no_pdf, progress=step, parallel=True)
    for problem in made.problems:
        say(problem, "yellow")
    protected = [source] if source else []
    if zip_file is not None:
        archive = {zip_file.name: zip_bytes(made.files, result.plan.horizon.start)}
        written = write_or_exit(
            zip_file.parent, archive, language, protected=protected, force=force
        )
    else:
        written = write_or_exit(out, made.files, language, protected=protected, force=force)
    return written.paths
