"""Question 3: where the organisation and its competitors stand on the social web."""

from __future__ import annotations

from stratege.reports.context import DASH, Context
from stratege.reports.document import Block, Bullets, Paragraph, Section, Table
from stratege.reports.sections.answer import answer
from stratege.strategy.model import AuditedAccount


def section(context: Context) -> Section:
    _, audit = context._, context.strategy.audit
    blocks: list[Block] = [_accounts(context)]
    if audit.findings:
        blocks += [Paragraph(_("Findings:")), Bullets(audit.findings)]
    positioning = _("Positioning chosen: {text}", text=audit.positioning or DASH)
    blocks.append(Paragraph(positioning, emphasis=True))
    return answer(context, 3, blocks)


def _accounts(context: Context) -> Table:
    _ = context._
    header = [
        _("Owner"),
        _("Platform"),
        _("Account"),
        _("Followers"),
        _("Posts per week"),
        _("Engagement rate"),
        _("Observed on"),
    ]
    rows = [_row(context, account) for account in context.strategy.audit.accounts]
    numeric = [False, False, False, True, True, True, False]
    return Table(_("Accounts observed"), header, rows, numeric)


def _row(context: Context, account: AuditedAccount) -> list[str]:
    rate = account.avg_engagement_rate
    return [
        _owners(context).get(account.owner, account.owner),
        context.words.platform(account.platform),
        account.handle or DASH,
        DASH if account.followers is None else context.count(account.followers),
        context.number(account.posts_per_week),
        DASH if rate is None else context.percent(rate / 100, 1),
        context.date(account.observed_on),
    ]


def _owners(context: Context) -> dict[str, str]:
    """Competitor ids to their names; "own" is the organisation itself."""
    audit = context.strategy.audit
    return {c.id: c.name for c in audit.competitors} | {"own": context.strategy.organisation.name}
