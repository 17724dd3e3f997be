"""`stratege listen`: what is said of the brand and its competitors, and customer care."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from stratege.cli.app import EXIT_OK, DataArg, LangArg, StrategyArg, _, app
from stratege.cli.output import load_or_exit, refuse
from stratege.i18n import pick_language
from stratege.i18n.catalogue import N_


class ListenFormat(StrEnum):
    table = "table"
    json = "json"


class ListenPeriod(StrEnum):
    week = "week"
    month = "month"


@app.command(
    help=_(
        N_(
            "Listening results from the imported mentions and messages: volume and share of "
            "voice of the brand and each competitor, net sentiment, top terms and hashtags, "
            "alerts on unusual days, ambassadors and influencers, and customer care against "
            "the promised response times and covered hours."
        )
    )
)
def listen(
    file: StrategyArg,
    data: DataArg = None,
    period: Annotated[
        ListenPeriod, typer.Option("--period", help=_(N_("week or month.")))
    ] = ListenPeriod.month,
    output: Annotated[
        ListenFormat, typer.Option("--format", help=_(N_("table or json.")))
    ] = ListenFormat.table,
    lang: LangArg = None,
) -> None:
    from stratege.measure.errors import MeasureError
    from stratege.services.listening import listening_results

    as_json = output is ListenFormat.json
    document = load_or_exit(file, lang, as_json=as_json)
    language = pick_language(lang, document.strategy.language)
    try:
        result = listening_results(document, data=data, period=period.value)
    except MeasureError as error:
        if as_json:
            print(
                json.dumps(
                    {"error": error.code, "message": error.message(language)}, ensure_ascii=False
                )
            )
        raise refuse(error, language) from None
    if as_json:
        print(result.to_json())
    else:
        from stratege.cli.listen_tables import print_listening

        print_listening(result, document.strategy, language)
    raise typer.Exit(EXIT_OK)
