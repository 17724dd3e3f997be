"""The open errors and warnings, and the work the team cannot staff."""

from __future__ import annotations

from stratege.checks import Finding
from stratege.reports.context import Context
from stratege.reports.document import Block, Bullets, Paragraph, Section, Table
from stratege.reports.shortfalls import describe_shortfall
from stratege.severity import Severity


def section(context: Context) -> Section:
    _ = context._
    blocks = _findings(context)
    if context.plan.shortfalls:
        shortfalls = [
            describe_shortfall(context.plan, s, context.lang) for s in context.plan.shortfalls
        ]
        blocks += [Paragraph(_("What the team cannot staff:")), Bullets(shortfalls)]
    return Section("diagnostics", _("Diagnostics"), blocks)


def _findings(context: Context) -> list[Block]:
    """A table of the open findings; a sentence, not an empty table, when there is none."""
    _ = context._
    shown = [f for f in context.findings if f.severity is not Severity.INFO]
    if not shown:
        return [Paragraph(_("No error or warning is open."))]
    header = [_("Code"), _("Severity"), _("Problem"), _("How to fix it")]
    rows = [_row(context, f) for f in shown]
    return [Table(_("Open errors and warnings"), header, rows)]


def _row(context: Context, finding: Finding) -> list[str]:
    return [
        finding.code,
        context.words("severity", finding.severity.value),
        finding.message(context.lang),
        finding.hint(context.lang),
    ]
