"""The `stratege` command: a thin shell over the core packages."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from stratege.checks import RULES, Severity, run_checks
from stratege.cli import catalogue, report
from stratege.i18n import Lang, pick_language
from stratege.strategy import Strategy, StrategyDocument, StrategyFileError, load_strategy

app = typer.Typer(
    name="stratege",
    help="Stratège — define, check and plan a social media strategy (FR/EN).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class LangOption(StrEnum):
    fr = "fr"
    en = "en"


LangArg = Annotated[
    LangOption | None,
    typer.Option("--lang", help="fr or en (default: the strategy's language, else the system's)."),
]
FormatArg = Annotated[OutputFormat, typer.Option("--format", help="text or json.")]


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="Strategy YAML file.")],
    output: FormatArg = OutputFormat.text,
    lang: LangArg = None,
) -> None:
    """Check a strategy for incoherent, missing or infeasible answers.

    Exit code: 0 no error, 1 errors found, 2 the file cannot be read.
    """
    document = load_or_exit(file, lang, as_json=output is OutputFormat.json)
    language = pick_language(lang, document.strategy.language)
    findings = run_checks(document.strategy)
    if output is OutputFormat.json:
        print(report.findings_as_json(findings, document, language))
    else:
        report.print_findings(_console(), findings, document, language)
    has_error = any(f.severity is Severity.ERROR for f in findings)
    raise typer.Exit(EXIT_FINDINGS if has_error else EXIT_OK)


@app.command()
def rules(output: FormatArg = OutputFormat.text, lang: LangArg = None) -> None:
    """List every coherence rule: code, severity, question and title."""
    language: Lang = pick_language(lang)
    catalogue.print_rules(_console(), list(RULES.values()), output.value, language)


@app.command()
def kpis(output: FormatArg = OutputFormat.text, lang: LangArg = None) -> None:
    """List the KPI catalogue: metric id, family, formula, unit, direction."""
    catalogue.print_kpis(_console(), output.value, pick_language(lang))


@app.command()
def schema() -> None:
    """Print the JSON Schema of strategy files (for editor completion and validation)."""
    document = Strategy.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "Stratège strategy"
    print(json.dumps(document, ensure_ascii=False, indent=2))


def load_or_exit(file: Path, lang: str | None, as_json: bool = False) -> StrategyDocument:
    """Load a strategy, or report where and why it cannot be read and exit with code 2."""
    try:
        return load_strategy(file)
    except StrategyFileError as error:
        language = pick_language(lang, error.language)
        if as_json:
            problems = [p.as_dict(language) for p in error.problems]
            print(json.dumps({"problems": problems}, ensure_ascii=False, indent=2))
        report.print_file_problems(_console(stderr=True), error.problems, language)
        raise typer.Exit(EXIT_UNREADABLE) from None


def main() -> None:
    app()


from stratege.cli import (  # noqa: E402,F401  (register commands)
    init_command,
    plan_command,
    report_command,
)
