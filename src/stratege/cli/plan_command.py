"""`stratege plan`: the operational plan of a strategy, its summary and its exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stratege.cli.app import EXIT_FINDINGS, EXIT_OK, ForceArg, LangArg, StrategyArg, _, app
from stratege.cli.output import load_or_exit, refuse, say, write_or_exit
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, translator

if TYPE_CHECKING:
    from stratege.services.planning import PlanResult


@app.command(
    help=_(
        N_(
            "Plan the calendar, workload, budget, RACI, campaigns and KPI trajectories, and "
            "write the exports. Exit code: 0 feasible plan, 1 plan written with work left "
            "unstaffed, 2 unreadable file, dates or output folder."
        )
    )
)
def plan(
    file: StrategyArg,
    start: Annotated[
        dt.datetime | None,
        typer.Option(
            "--from", formats=["%Y-%m-%d"], help=_(N_("First day (default: the period's)."))
        ),
    ] = None,
    end: Annotated[
        dt.datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help=_(N_("Last day (default: the period's)."))),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help=_(N_("Folder for the exports.")))] = Path(
        "plan"
    ),
    force: ForceArg = False,
    lang: LangArg = None,
) -> None:
    document = load_or_exit(file, lang)
    language = pick_language(lang, document.strategy.language)
    result = make_plan(document, start, end, language)
    show_and_export(result, out, language, protected=[file], force=force)
    raise typer.Exit(exit_code(result))


def make_plan(document, start, end, language: Lang) -> PlanResult:  # type: ignore[no-untyped-def]
    """The plan, with a progress display on a terminal; refused dates exit with code 2."""
    from stratege.cli.progress import progress
    from stratege.services.errors import DatesRefused
    from stratege.services.planning import plan as plan_strategy

    first, last = (d.date() if d else None for d in (start, end))
    try:
        with progress(language) as step:
            return plan_strategy(document, first, last, progress=step)
    except DatesRefused as error:
        raise refuse(error, language) from None


def show_and_export(
    result: PlanResult, out: Path, language: Lang, *, protected: list[Path], force: bool
) -> list[Path]:
    from stratege.cli.plan_summary import print_plan
    from stratege.services.exports import export_files

    print_plan(result, language)
    files = export_files(result, language)
    written = write_or_exit(out, files, language, protected=protected, force=force)
    _ = translator(language)
    say(_(N_("Exports written to {folder}:"), folder=out))
    for path in written.paths:
        say(f"  {path}")
    return written.paths


def exit_code(result: PlanResult) -> int:
    """1 when the plan leaves work unstaffed, else 0 (posts without a slot are reported
    but are not a staffing failure)."""
    return EXIT_FINDINGS if result.plan.shortfalls else EXIT_OK
