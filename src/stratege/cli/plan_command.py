"""`stratege plan`: the operational plan of a strategy, its summary and its exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from stratege.cli.app import EXIT_UNREADABLE, LangArg, _console, app, load_or_exit
from stratege.cli.plan_summary import print_plan
from stratege.i18n import Lang, pick_language, tr
from stratege.planning.plan import Plan, build_plan

WRITTEN = {"fr": "Exports écrits dans {folder} :", "en": "Exports written to {folder}:"}
CANNOT_WRITE = {
    "fr": "Impossible d’écrire les exports dans {folder} : {reason}.",
    "en": "Cannot write the exports to {folder}: {reason}.",
}
BAD_RANGE = {
    "fr": "La date de fin ({end}) précède la date de début ({start}).",
    "en": "The end date ({end}) is before the start date ({start}).",
}


@app.command()
def plan(
    file: Annotated[Path, typer.Argument(help="Strategy YAML file.")],
    start: Annotated[
        dt.datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="First day (default: the period's)."),
    ] = None,
    end: Annotated[
        dt.datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (default: the period's)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the exports.")] = Path("plan"),
    lang: LangArg = None,
) -> None:
    """Plan the calendar, workload, budget, RACI, campaigns and KPI trajectories.

    Exit code: 0 feasible plan, 1 plan written with shortfalls, 2 unreadable file or dates.
    """
    document = load_or_exit(file, lang)
    language = pick_language(lang, document.strategy.language)
    first, last = (d.date() if d else None for d in (start, end))
    if first and last and last < first:
        _console(stderr=True).print(tr(BAD_RANGE, language, start=first, end=last))
        raise typer.Exit(EXIT_UNREADABLE)
    result = build_plan(document.strategy, first, last)
    show_and_export(result, out, language)
    raise typer.Exit(1 if result.shortfalls else 0)


def show_and_export(result: Plan, out: Path, language: Lang) -> list[Path]:
    from stratege.exports import write_exports

    console = _console()
    print_plan(console, result, language)
    try:
        paths = write_exports(result, out, language)
    except OSError as error:  # a file in the way, no permission, disk full…
        reason = error.strerror or str(error)
        _console(stderr=True).print(tr(CANNOT_WRITE, language, folder=out, reason=reason))
        raise typer.Exit(EXIT_UNREADABLE) from None
    console.print(tr(WRITTEN, language, folder=out))
    for path in paths:
        console.print(f"  {path}")
    return paths
