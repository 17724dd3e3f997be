"""The `stratege` command: a thin shell over the service layer.

Importing this module must stay cheap (`stratege --help` and `--version` answer in a blink):
each command imports the services it calls inside its own body, so the solver, the
spreadsheet and the chart libraries load only for the commands that use them. Help texts
are in the language of ``--lang`` when given, else of the system (LANG, LC_ALL…).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

os.environ.setdefault("TYPER_USE_RICH", "0")  # plain help: rich formatting costs 100 ms

import typer

from stratege import __version__
from stratege.i18n import LANGUAGES, Lang, pick_language
from stratege.i18n.catalogue import N_, translator

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE, EXIT_BUG = 0, 1, 2, 3


def _help_language(argv: list[str]) -> Lang:
    """--lang fr / --lang=fr on the command line, else the system's language."""
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]  # type: ignore[return-value]
        if argument.startswith("--lang=") and argument[7:] in LANGUAGES:
            return argument[7:]  # type: ignore[return-value]
    return pick_language(None)


HELP_LANG: Lang = _help_language(sys.argv[1:])
_ = translator(HELP_LANG)


def _version(shown: bool) -> None:
    if shown:
        print(f"stratege {__version__}")
        raise typer.Exit(EXIT_OK)


app = typer.Typer(
    name="stratege",
    help=_(N_("Stratège — define, check, plan and document a social media strategy (FR/EN).")),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=_(N_("Show the version and exit.")),
        ),
    ] = False,
) -> None:
    """Stratège — define, check, plan and document a social media strategy (FR/EN)."""


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class LangOption(StrEnum):
    fr = "fr"
    en = "en"


LangArg = Annotated[
    LangOption | None,
    typer.Option(
        "--lang",
        help=_(N_("fr or en (default: the strategy's language, else the system's).")),
    ),
]
FormatArg = Annotated[OutputFormat, typer.Option("--format", help=_(N_("text or json.")))]
StrategyArg = Annotated[Path, typer.Argument(help=_(N_("Strategy YAML file.")))]
DataArg = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help=_(N_("The measurement store (default: STRATEGY.data.duckdb beside the strategy).")),
    ),
]
ForceArg = Annotated[
    bool,
    typer.Option(
        "--force", help=_(N_("Overwrite files in the output that Stratège did not write."))
    ),
]


def main() -> None:
    """Entry point: any unexpected error becomes a short message and exit code 3, never a
    traceback, so scripts can tell a bug from "errors found" (1) and "unreadable" (2)."""
    from stratege.cli.commands import register

    try:
        register(sys.argv[1:])
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last line of defence: everything else is a bug
        if os.environ.get("STRATEGE_DEBUG"):
            raise
        from stratege.cli.output import report_bug

        report_bug(error, pick_language(None))
        sys.exit(EXIT_BUG)
