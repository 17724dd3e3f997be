"""`stratege check`: the diagnosis of a strategy, for people or for programs."""

from __future__ import annotations

import json

import typer

from stratege.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    FormatArg,
    LangArg,
    OutputFormat,
    StrategyArg,
    _,
    app,
)
from stratege.cli.output import load_or_exit
from stratege.i18n import pick_language
from stratege.i18n.catalogue import N_


@app.command(
    help=_(
        N_(
            "Check a strategy for incoherent, missing or infeasible answers. Exit code: 0 no "
            "error, 1 errors found, 2 the file cannot be read."
        )
    )
)
def check(file: StrategyArg, output: FormatArg = OutputFormat.text, lang: LangArg = None) -> None:
    from stratege.services.checking import check as check_strategy

    as_json = output is OutputFormat.json
    document = load_or_exit(file, lang, as_json=as_json)
    language = pick_language(lang, document.strategy.language)
    result = check_strategy(document)
    if as_json:
        print(json.dumps(result.records(language), ensure_ascii=False, indent=2))
    else:
        from stratege.cli.findings import print_findings

        print_findings(result, language)
    raise typer.Exit(EXIT_FINDINGS if result.has_errors else EXIT_OK)
