"""Question 3 — where the organisation and its competitors stand on the social web."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Day, Label
from stratege.i18n.catalogue import N_
from stratege.strategy.model import AuditedAccount

STALE_AFTER = dt.timedelta(days=365)


def _handle(ctx: Context, account: AuditedAccount) -> str | Label:
    """How an audited account is called: its handle, else its platform's name."""
    return account.handle or Label("platform", account.platform, ctx.knowledge)


@rule(
    "AUD001",
    Severity.WARNING,
    3,
    title=N_("Audit without own presence"),
    message=N_("The audit describes none of the organisation's own accounts (`owner: own`)."),
    hint=N_(
        "Record your current accounts (followers, posts per week, engagement); if you "
        "start from scratch, say so in `audit.findings`."
    ),
)
def no_own_presence(ctx: Context) -> Iterator[Hit]:
    if not any(a.owner == "own" for a in ctx.strategy.audit.accounts):
        yield ("audit", "accounts"), {}


@rule(
    "AUD002",
    Severity.WARNING,
    3,
    title=N_("Audit without competitors"),
    message=N_("No competitor is studied: positioning has no reference."),
    hint=N_("Add two or three competitors (`audit.competitors`) and their accounts."),
)
def no_competitor(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.audit.competitors:
        yield ("audit", "competitors"), {}


@rule(
    "AUD003",
    Severity.INFO,
    3,
    title=N_("Competitor without observed account"),
    message=N_("No account of competitor '{id}' has been recorded."),
    hint=N_("Add its accounts to `audit.accounts` with `owner: {id}`."),
)
def competitor_without_account(ctx: Context) -> Iterator[Hit]:
    owners = {a.owner for a in ctx.strategy.audit.accounts}
    for index, competitor in enumerate(ctx.strategy.audit.competitors):
        if competitor.id not in owners:
            yield ("audit", "competitors", index), {"id": competitor.id}


@rule(
    "AUD004",
    Severity.ERROR,
    3,
    title=N_("Unknown account owner"),
    message=N_("Account {handle} belongs to '{owner}', neither `own` nor a declared competitor."),
    hint=N_("{closest}Use `own` or an id from `audit.competitors`."),
)
def unknown_owner(ctx: Context) -> Iterator[Hit]:
    competitors = {c.id for c in ctx.strategy.audit.competitors}
    for index, account in enumerate(ctx.strategy.audit.accounts):
        if account.owner != "own" and account.owner not in competitors:
            yield (
                ("audit", "accounts", index, "owner"),
                {
                    "owner": account.owner,
                    "handle": _handle(ctx, account),
                    "closest": Closest.of("competitor", account.owner, ["own", *competitors]),
                },
            )


@rule(
    "AUD005",
    Severity.WARNING,
    3,
    title=N_("Stale audit figures"),
    message=N_(
        "Account {handle} was observed on {date}, more than a year before the period starts."
    ),
    hint=N_("Observe it again: these figures are the baselines of your KPIs."),
)
def stale_observation(ctx: Context) -> Iterator[Hit]:
    start = ctx.strategy.period.start
    for index, account in enumerate(ctx.strategy.audit.accounts):
        observed = account.observed_on
        if observed and start - observed > STALE_AFTER:
            yield (
                ("audit", "accounts", index, "observed_on"),
                {"handle": _handle(ctx, account), "date": Day(observed)},
            )


@rule(
    "AUD006",
    Severity.INFO,
    3,
    title=N_("Existing channel not audited"),
    message=N_("Channel '{id}' ({platform}) has no audit record: no starting point."),
    hint=N_(
        "If the account already exists, record its figures in `audit.accounts` (`owner: own`)."
    ),
)
def channel_not_audited(ctx: Context) -> Iterator[Hit]:
    audited = {a.platform for a in ctx.strategy.audit.accounts if a.owner == "own"}
    if not audited:
        return  # AUD001 already says it
    for index, channel in enumerate(ctx.strategy.channels):
        if channel.platform not in audited:
            platform = Label("platform", channel.platform, ctx.knowledge)
            yield ("channels", index), {"id": channel.id, "platform": platform}


@rule(
    "AUD007",
    Severity.INFO,
    3,
    title=N_("Positioning not drawn from the audit"),
    message=N_("The audit leads to no finding and no positioning."),
    hint=N_(
        "Write what the audit taught you (`audit.findings`) and the positioning chosen "
        "(`audit.positioning`)."
    ),
)
def no_findings(ctx: Context) -> Iterator[Hit]:
    audit = ctx.strategy.audit
    if not audit.findings and not audit.positioning:
        yield ("audit",), {}
