"""`stratege import`: the platforms' exports into the strategy's measurement store."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from stratege.cli.app import (
    EXIT_OK,
    EXIT_UNREADABLE,
    DataArg,
    FormatArg,
    LangArg,
    OutputFormat,
    StrategyArg,
    _,
    app,
)
from stratege.cli.output import load_or_exit, refuse, say
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, plural, translator

if TYPE_CHECKING:
    from stratege.measure.importing import FileOutcome


@contextlib.contextmanager
def refusals(language: Lang) -> Iterator[None]:
    """A measurement refused (no data, a store being written…): said on stderr, exit 2."""
    from stratege.measure.errors import MeasureError

    try:
        yield
    except MeasureError as error:
        raise refuse(error, language) from None


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
        raise refuse(error, language) from None
    store = data_path(document, data)
    if as_json:
        records = [o.record() for o in outcomes]
        print(json.dumps({"store": str(store), "files": records}, ensure_ascii=False, indent=2))
    else:
        _print_outcomes(outcomes, store, language)
    raise typer.Exit(EXIT_OK)


def _print_outcomes(outcomes: list[FileOutcome], store: Path, lang: Lang) -> None:
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
        if outcome.scope == "mention":
            _print_brands(outcome, lang)
        else:
            _print_accounts(outcome, lang)
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


def _print_accounts(outcome: FileOutcome, lang: Lang) -> None:
    _ = translator(lang)
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


def _print_brands(outcome: FileOutcome, lang: Lang) -> None:
    """Mentions are stored per brand they name (one row per mention and brand)."""
    _ = translator(lang)
    brands = [_(N_("your brand")) if a == "own" else a for a in outcome.accounts]
    say(
        "  "
        + _(
            N_("brands named: {brands} · {first} → {last}"),
            brands=", ".join(brands) or "—",
            first=outcome.first_day or "—",
            last=outcome.last_day or "—",
        )
    )
    if outcome.rows_unclaimed:
        unclaimed = plural(
            lang,
            "{count} mention named no brand of the listening queries (or is in a language not "
            "listened to): not kept",
            "{count} mentions named no brand of the listening queries (or are in a language not "
            "listened to): not kept",
            outcome.rows_unclaimed,
        )
        say("  " + unclaimed, "yellow")


SCOPE_NAMES = {
    "post": N_("posts"),
    "account": N_("account days"),
    "message": N_("messages"),
    "mention": N_("mentions"),
    "campaign": N_("campaign days"),
    "site": N_("site days"),
}


class MeasureFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class PeriodOption(StrEnum):
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


@app.command(
    help=_(
        N_(
            "Progress against the strategy from the imported data: each KPI against its "
            "trajectory and target, posts against cadence, mix and plan, what performs best."
        )
    )
)
def measure(
    file: StrategyArg,
    data: DataArg = None,
    period: Annotated[
        PeriodOption | None,
        typer.Option(
            "--period",
            help=_(N_("week, month, quarter or year (default: each KPI's own frequency).")),
        ),
    ] = None,
    output: Annotated[
        MeasureFormat, typer.Option("--format", help=_(N_("table, json or csv.")))
    ] = MeasureFormat.table,
    lang: LangArg = None,
) -> None:
    from stratege.services.measuring import measure as measure_strategy

    document = load_or_exit(file, lang, as_json=output is MeasureFormat.json)
    language = pick_language(lang, document.strategy.language)
    with refusals(language):
        result = measure_strategy(document, data=data, period=period.value if period else None)
    if output is MeasureFormat.json:
        print(json.dumps(result.record(), ensure_ascii=False, indent=2))
    elif output is MeasureFormat.csv:
        from stratege.cli.measure_tables import kpi_csv

        sys.stdout.write(kpi_csv(result, document.strategy, language))
    else:
        from stratege.cli.measure_tables import print_measurement

        print_measurement(result, document.strategy, language)
    raise typer.Exit(EXIT_OK)


def _write_strategy(file: Path, before: str, after: str, lang: Lang) -> None:
    """Show the diff, then write the strategy atomically (the only file these commands
    change, and only when asked)."""
    from stratege.atomic import write_atomically
    from stratege.services.measuring import diff

    _ = translator(lang)
    if before == after:
        say(_(N_("Nothing to change in {file}."), file=file.name), "dim")
        return
    sys.stdout.write(diff(before, after, file.name))
    write_atomically(file, after.encode("utf-8"))
    say(_(N_("Written: {file}"), file=str(file)), "green")


@app.command(
    help=_(
        N_(
            "Audit (question 3): own accounts against each competitor per platform, from "
            "the imported data: audience and growth, posts per week, engagement rate, "
            "formats, share of audience. --write puts the figures into the strategy's audit."
        )
    )
)
def audit(
    file: StrategyArg,
    data: DataArg = None,
    days: Annotated[
        int, typer.Option("--days", min=7, help=_(N_("Days of data compared (the last ones).")))
    ] = 90,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help=_(
                N_(
                    "Write the observed figures into the strategy's audit: section "
                    "(the diff is shown)."
                )
            ),
        ),
    ] = False,
    baselines: Annotated[
        bool,
        typer.Option(
            "--baselines", help=_(N_("Also write measured baselines into the KPIs that have none."))
        ),
    ] = False,
    output: FormatArg = OutputFormat.text,
    lang: LangArg = None,
) -> None:
    from stratege.services import measuring

    as_json = output is OutputFormat.json
    document = load_or_exit(file, lang, as_json=as_json)
    language = pick_language(lang, document.strategy.language)
    with refusals(language):
        result = measuring.audit(document, data=data, days=days)
        if write or baselines:
            before, after = measuring.audit_update(
                document, result, data=data, days=days, accounts=write, baselines=baselines
            )
    if as_json:
        print(json.dumps(result.record(), ensure_ascii=False, indent=2))
    else:
        from stratege.cli.measure_tables import print_audit

        print_audit(result, document.strategy, language)
    if write or baselines:
        _write_strategy(file, before, after, language)
    raise typer.Exit(EXIT_OK)


@app.command(
    help=_(
        N_(
            "Review: changes to the strategy that the measured results argue for, each with "
            "its evidence and the change it would make. --apply makes them (the diff is shown)."
        )
    )
)
def review(
    file: StrategyArg,
    data: DataArg = None,
    apply: Annotated[
        bool,
        typer.Option("--apply", help=_(N_("Make the suggested changes in the strategy file."))),
    ] = False,
    output: FormatArg = OutputFormat.text,
    lang: LangArg = None,
) -> None:
    from stratege.services import measuring

    as_json = output is OutputFormat.json
    document = load_or_exit(file, lang, as_json=as_json)
    language = pick_language(lang, document.strategy.language)
    with refusals(language):
        result = measuring.review(document, data=data)
    if as_json:
        print(json.dumps(result.record(), ensure_ascii=False, indent=2))
    else:
        from stratege.cli.measure_tables import print_review

        print_review(result, language)
    if apply and result.suggestions:
        before, after = measuring.review_update(document, result.suggestions)
        _write_strategy(file, before, after, language)
    raise typer.Exit(EXIT_OK)
