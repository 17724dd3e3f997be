"""Rendering check results for people (grouped, coloured) and for programs (JSON)."""

from __future__ import annotations

import json
from collections import Counter
from itertools import groupby
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from stratege.checks import Finding, Severity
from stratege.i18n import Lang, tr
from stratege.questions import question
from stratege.strategy import FileProblem, StrategyDocument, format_path

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LABELS = {
    Severity.ERROR: {"fr": "ERREUR", "en": "ERROR"},
    Severity.WARNING: {"fr": "ATTENTION", "en": "WARNING"},
    Severity.INFO: {"fr": "INFO", "en": "INFO"},
}
SUMMARY = {
    "fr": "{errors} erreur(s), {warnings} avertissement(s), {infos} information(s)",
    "en": "{errors} error(s), {warnings} warning(s), {infos} info(s)",
}
ALL_GOOD = {
    "fr": "Aucune incohérence : la stratégie est prête à être planifiée.",
    "en": "No inconsistency: the strategy is ready to be planned.",
}


def findings_as_json(findings: list[Finding], document: StrategyDocument, lang: Lang) -> str:
    return json.dumps(
        [finding_record(f, document, lang) for f in findings], ensure_ascii=False, indent=2
    )


def finding_record(finding: Finding, document: StrategyDocument, lang: Lang) -> dict[str, Any]:
    position = document.position(finding.path)
    return {
        "code": finding.code,
        "severity": str(finding.severity),
        "question": finding.rule.question,
        "path": format_path(finding.path),
        "file": str(document.path),
        "line": position[0] if position else None,
        "column": position[1] if position else None,
        "message": finding.message(lang),
        "hint": finding.hint(lang),
    }


def print_findings(
    console: Console, findings: list[Finding], document: StrategyDocument, lang: Lang
) -> None:
    title = document.strategy.organisation.name
    console.print(Text(f"{title} — {document.path}", style="bold"))
    for number, group in groupby(findings, key=lambda f: f.rule.question):
        console.print()
        console.print(Text(question(number).title(lang), style="bold underline"))
        table = Table.grid(padding=(0, 1))
        table.add_column(width=9, no_wrap=True)
        table.add_column(width=7, no_wrap=True)
        table.add_column(ratio=1)
        for finding in group:
            table.add_row(*_finding_cells(finding, document, lang))
        console.print(table)
    console.print()
    console.print(summary_text(findings, lang))


def _finding_cells(finding: Finding, document: StrategyDocument, lang: Lang) -> tuple[Text, ...]:
    position = document.position(finding.path)
    where = format_path(finding.path)
    if position:
        where += f" (l. {position[0]})" if lang == "fr" else f" (line {position[0]})"
    body = Text(finding.message(lang))
    body.append(f"\n{where}", style="dim")
    body.append(f"\n→ {finding.hint(lang)}", style="green")
    label = Text(LABELS[finding.severity][lang], style=STYLES[finding.severity])
    return label, Text(finding.code, style="bold"), body


def summary_text(findings: list[Finding], lang: Lang) -> Text:
    counts = Counter(f.severity for f in findings)
    if not findings:
        return Text(tr(ALL_GOOD, lang), style="bold green")
    style = "bold red" if counts[Severity.ERROR] else "bold yellow"
    return Text(
        tr(
            SUMMARY,
            lang,
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            infos=counts[Severity.INFO],
        ),
        style=style,
    )


def print_file_problems(console: Console, problems: list[FileProblem], lang: Lang) -> None:
    heading = {"fr": "Impossible de lire la stratégie :", "en": "Cannot read the strategy:"}
    console.print(Text(tr(heading, lang), style="bold red"))
    for problem in problems:
        console.print(Text(f"  {problem.render(lang)}"), soft_wrap=True)  # one line: grep-able
