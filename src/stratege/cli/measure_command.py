"""`stratege import`: the platforms' exports into the strategy's measurement store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from stratege.cli.app import (
    EXIT_OK,
    EXIT_UNREADABLE,
    FormatArg,
    LangArg,
    OutputFormat,
    StrategyArg,
    _,
    app,
)
from stratege.cli.output import load_or_exit, say
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, translator

DataArg = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=_(N_("The measurement store (default: STRATEGY.data.duckdb beside the strategy).")),
    ),
]


@app.command(
    name="import",
    help=_(
        N_(
            "Import the analytics exports of the platforms (Meta Business Suite, LinkedIn, X, "
            "YouTube Studio, TikTok, or any CSV/XLSX with --mapping) into the strategy's "
            "measurement store. Each file is recognised from its headers; all files are "
            "imported or none."
        )
    ),
)
def import_command(
    file: StrategyArg,
    exports: Annotated[
        list[Path], typer.Argument(help=_(N_("Export files (CSV, XLSX, XLS, ZIP).")))
    ],
    data: DataArg = None,
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help=_(N_("Mapping file for an export of another tool."))),
    ] = None,
    account: Annotated[
        str | None,
        typer.Option(
            "--account", help=_(N_("The account the files are about, when they do not say."))
        ),
    ] = None,
    competitor: Annotated[
        str | None,
        typer.Option(
            "--competitor", help=_(N_("The files are a competitor's (id or name in the audit)."))
        ),
    ] = None,
    skip_bad_rows: Annotated[
        bool,
        typer.Option(
            "--skip-bad-rows", help=_(N_("Import the good rows and list the rejected ones."))
        ),
    ] = False,
    year: Annotated[
        int | None,
        typer.Option("--year", help=_(N_("The year of dates written without one (TikTok)."))),
    ] = None,
    output: FormatArg = OutputFormat.text,
    lang: LangArg = None,
) -> None:
    from stratege.measure.errors import MeasureError
    from stratege.services.measuring import data_path, import_exports

    as_json = output is OutputFormat.json
    document = load_or_exit(file, lang, as_json=as_json)
    language = pick_language(lang, document.strategy.language)
    missing = [str(p) for p in exports if not p.is_file()]
    if missing:
        say(
            translator(language)(N_("No such file: {paths}"), paths=", ".join(missing)), "red", True
        )
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        outcomes = import_exports(
            document,
            exports,
            data=data,
            mapping=mapping,
            account=account,
            competitor=competitor,
            skip_bad_rows=skip_bad_rows,
            year=year,
        )
    except MeasureError as error:
        if as_json:
            print(
                json.dumps(
                    {"error": error.code, "message": error.message(language)}, ensure_ascii=False
                )
            )
        say(error.message(language), "red", stderr=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    store = data_path(document, data)
    if as_json:
        records = [o.record() for o in outcomes]
        print(json.dumps({"store": str(store), "files": records}, ensure_ascii=False, indent=2))
    else:
        _print_outcomes(outcomes, store, language)
    raise typer.Exit(EXIT_OK)


def _print_outcomes(outcomes: list, store: Path, lang: Lang) -> None:  # type: ignore[type-arg]
    from stratege.vocabulary import Words

    _ = translator(lang)
    words = Words(lang)
    for outcome in outcomes:
        if outcome.already_imported:
            say(_(N_("{file}: already imported, nothing added."), file=outcome.file), "dim")
            continue
        platform = words.platform(outcome.platform) if outcome.platform else "—"
        say(
            _(
                N_("{file}: {tool} · {platform} · {scope} · {language}"),
                file=outcome.file,
                tool=outcome.tool,
                platform=platform,
                scope=_(SCOPE_NAMES[outcome.scope]),
                language=outcome.language,
            ),
            "bold",
        )
        owner = _(N_("own accounts")) if outcome.owner == "own" else outcome.owner
        channels = ", ".join(outcome.channels) or "—"
        say(
            "  "
            + _(
                N_("{owner}: {accounts} (channels: {channels}) · {first} → {last}"),
                owner=owner,
                accounts=", ".join(outcome.accounts) or "—",
                channels=channels,
                first=outcome.first_day or "—",
                last=outcome.last_day or "—",
            )
        )
        say(
            "  "
            + _(
                N_(
                    "rows: {read} read, {new} new, {updated} updated, {unchanged} unchanged, "
                    "{rejected} rejected"
                ),
                read=outcome.rows_read,
                new=outcome.rows_new,
                updated=outcome.rows_updated,
                unchanged=outcome.rows_unchanged,
                rejected=outcome.rows_rejected,
            )
        )
        for cell in outcome.rejected:
            say("    " + cell.describe(lang), "yellow")
    say(_(N_("Store: {path}"), path=str(store)), "dim")


SCOPE_NAMES = {
    "post": N_("posts"),
    "account": N_("account days"),
    "message": N_("messages"),
    "mention": N_("mentions"),
    "campaign": N_("campaign days"),
    "site": N_("site days"),
}
