"""Check results for people: grouped by question, coloured, each with where and how to fix."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from stratege.cli.output import console
from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, plural, translator
from stratege.questions import question
from stratege.severity import Severity
from stratege.strategy import format_path
from stratege.vocabulary import label

if TYPE_CHECKING:
    from stratege.services.checking import CheckResult

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_findings(result: CheckResult, lang: Lang) -> None:
    out = console()
    document = result.document
    out.print(Text(f"{document.strategy.organisation.name} — {document.path}", style="bold"))
    for number, group in groupby(result.findings, key=lambda f: f.rule.question):
        out.print()
        out.print(Text(question(number).title(lang), style="bold underline"))
        table = Table.grid(padding=(0, 1))
        table.add_column(width=13, no_wrap=True)
        table.add_column(width=7, no_wrap=True)
        table.add_column(ratio=1)
        for finding in group:
            table.add_row(*_cells(finding, result, lang))
        out.print(table)
    out.print()
    out.print(summary(result, lang))


def _cells(finding, result: CheckResult, lang: Lang) -> tuple[Text, ...]:  # type: ignore[no-untyped-def]
    _ = translator(lang)
    position = result.document.position(finding.path)
    where = f"`{format_path(finding.path)}`"  # what to look for in the file, as typed
    if position:
        where = _(N_("{path} (line {line})"), path=where, line=position[0])
    body = Text(finding.message(lang))
    body.append(f"\n{where}", style="dim")
    body.append(f"\n→ {finding.hint(lang)}", style="green")
    severity = label("severity", str(finding.severity), lang).upper()
    return Text(severity, style=STYLES[finding.severity]), Text(finding.code, style="bold"), body


def summary(result: CheckResult, lang: Lang) -> Text:
    _ = translator(lang)
    if not result.findings:
        ready = N_("No inconsistency: the strategy is ready to be planned.")
        return Text(_(ready), style="bold green")
    counts = result.counts()
    parts = [
        plural(lang, "{count} error", "{count} errors", counts[Severity.ERROR]),
        plural(lang, "{count} warning", "{count} warnings", counts[Severity.WARNING]),
        plural(lang, "{count} note", "{count} notes", counts[Severity.INFO]),
    ]
    style = "bold red" if counts[Severity.ERROR] else "bold yellow"
    return Text(", ".join(parts), style=style)
