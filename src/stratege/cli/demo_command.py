"""`stratege demo`: check, plan and document a bundled example — no file needed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stratege.bundled import DEFAULT_EXAMPLE
from stratege.cli.app import EXIT_FINDINGS, ForceArg, LangArg, _, app
from stratege.cli.output import refuse, say
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, translator

if TYPE_CHECKING:
    from stratege.services.planning import PlanResult


@app.command(
    help=_(N_("Check a bundled example, plan it, and write its strategy pack (no file needed)."))
)
def demo(
    example: Annotated[
        str, typer.Option("--example", help=_(N_("Bundled example to show.")))
    ] = DEFAULT_EXAMPLE,
    out: Annotated[
        Path, typer.Option("--out", help=_(N_("Folder for the documents and exports.")))
    ] = Path("stratege-demo"),
    force: ForceArg = False,
    lang: LangArg = None,
) -> None:
    from stratege.cli.findings import print_findings
    from stratege.cli.plan_command import exit_code, make_plan
    from stratege.cli.plan_summary import print_plan
    from stratege.cli.report_command import write_pack
    from stratege.services.checking import check
    from stratege.services.errors import UnknownExample
    from stratege.services.strategies import example as load_example

    try:
        document = load_example(example)
    except UnknownExample as error:
        raise refuse(error, pick_language(lang)) from None
    language = pick_language(lang, document.strategy.language)
    checked = check(document)
    print_findings(checked, language)
    if checked.has_errors:
        raise typer.Exit(EXIT_FINDINGS)
    result = make_plan(document, None, None, language)
    print_plan(result, language)
    measured = _measure_example(result, example, out, force, language)
    written = write_pack(result, out, None, (language,), language, None, False, force)
    _ = translator(language)
    documents = ", ".join(p.name for p in written if p.suffix in (".html", ".docx", ".md", ".pdf"))
    say(_(N_("Strategy documents written to {folder}: {files}."), folder=out, files=documents))
    say(
        _(
            N_(
                "Open the HTML or DOCX document, then {folder}/plan/plan.xlsx; import "
                "{folder}/plan/calendar.ics into your calendar. For your own strategy: "
                "stratege init my-strategy.yaml"
            ),
            folder=out,
        )
    )
    if measured:
        say(
            _(
                N_(
                    "Measured results of the example's exports: {folder}/measures.duckdb; "
                    "with your own: stratege import my-strategy.yaml EXPORT.csv, then "
                    "stratege measure my-strategy.yaml (stratege listen my-strategy.yaml "
                    "for the mentions and messages)"
                ),
                folder=out,
            )
        )
    raise typer.Exit(exit_code(result))


def _measure_example(
    result: PlanResult, example: str, out: Path, force: bool, language: Lang
) -> bool:
    """Import the example's exports into a store in the output folder, show the progress
    against the strategy and the audit; the pack then has its Results section."""
    from stratege.cli.listen_tables import print_listening
    from stratege.cli.measure_tables import print_audit, print_measurement
    from stratege.measure.errors import MeasureError
    from stratege.services import measuring

    store = out / "measures.duckdb"
    try:
        out.mkdir(parents=True, exist_ok=True)
        if not measuring.import_example_data(result.document, example, store):
            return False
        if not measuring.attach_measurement(result, store):
            return False
        assert result.measurement is not None
        print_measurement(result.measurement, result.document.strategy, language)
        print_audit(
            measuring.audit(result.document, data=store), result.document.strategy, language
        )
        if result.listening is not None:
            print_listening(result.listening, result.document.strategy, language)
    except MeasureError as error:
        say(error.message(language), "yellow", stderr=True)
        return False
    return True
