"""Question 3 — where the organisation and its competitors stand on the social web."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule

STALE_AFTER = dt.timedelta(days=365)


@rule(
    "AUD001",
    Severity.WARNING,
    3,
    title=("Audit sans présence propre", "Audit without own presence"),
    message=(
        "L’audit ne décrit aucun compte de l’organisation (owner: own).",
        "The audit describes none of the organisation's own accounts (owner: own).",
    ),
    hint=(
        "Relevez vos comptes actuels (abonnés, publications par semaine, engagement) ; si vous "
        "partez de zéro, notez-le dans audit.findings.",
        "Record your current accounts (followers, posts per week, engagement); if you start "
        "from scratch, say so in audit.findings.",
    ),
)
def no_own_presence(ctx: Context) -> Iterator[Hit]:
    if not any(a.owner == "own" for a in ctx.strategy.audit.accounts):
        yield ("audit", "accounts"), {}


@rule(
    "AUD002",
    Severity.WARNING,
    3,
    title=("Audit sans concurrent", "Audit without competitors"),
    message=(
        "Aucun concurrent n’est étudié : impossible de se positionner.",
        "No competitor is studied: positioning has no reference.",
    ),
    hint=(
        "Ajoutez deux ou trois concurrents (audit.competitors) et leurs comptes.",
        "Add two or three competitors (audit.competitors) and their accounts.",
    ),
)
def no_competitor(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.audit.competitors:
        yield ("audit", "competitors"), {}


@rule(
    "AUD003",
    Severity.INFO,
    3,
    title=("Concurrent sans compte observé", "Competitor without observed account"),
    message=(
        "Aucun compte du concurrent « {id} » n’a été relevé.",
        "No account of competitor '{id}' has been recorded.",
    ),
    hint=(
        "Ajoutez ses comptes dans audit.accounts avec owner: {id}.",
        "Add its accounts to audit.accounts with owner: {id}.",
    ),
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
    title=("Propriétaire de compte inconnu", "Unknown account owner"),
    message=(
        "Le compte {handle} appartient à « {owner} », ni « own » ni un concurrent déclaré.",
        "Account {handle} belongs to '{owner}', neither 'own' nor a declared competitor.",
    ),
    hint=(
        "Utilisez own ou un identifiant de audit.competitors.",
        "Use own or an id from audit.competitors.",
    ),
)
def unknown_owner(ctx: Context) -> Iterator[Hit]:
    competitors = {c.id for c in ctx.strategy.audit.competitors}
    for index, account in enumerate(ctx.strategy.audit.accounts):
        if account.owner != "own" and account.owner not in competitors:
            yield (
                ("audit", "accounts", index, "owner"),
                {"owner": account.owner, "handle": account.handle or account.platform},
            )


@rule(
    "AUD005",
    Severity.WARNING,
    3,
    title=("Relevé d’audit ancien", "Stale audit figures"),
    message=(
        "Le compte {handle} a été observé le {date}, plus d’un an avant le début de la période.",
        "Account {handle} was observed on {date}, more than a year before the period starts.",
    ),
    hint=(
        "Refaites le relevé : les chiffres de départ servent de base aux indicateurs.",
        "Observe it again: these figures are the baselines of your KPIs.",
    ),
)
def stale_observation(ctx: Context) -> Iterator[Hit]:
    start = ctx.strategy.period.start
    for index, account in enumerate(ctx.strategy.audit.accounts):
        observed = account.observed_on
        if observed and start - observed > STALE_AFTER:
            yield (
                ("audit", "accounts", index, "observed_on"),
                {"handle": account.handle or account.platform, "date": observed},
            )


@rule(
    "AUD006",
    Severity.INFO,
    3,
    title=("Canal existant non audité", "Existing channel not audited"),
    message=(
        "Le canal « {id} » ({platform}) n’a pas de relevé d’audit : pas de point de départ.",
        "Channel '{id}' ({platform}) has no audit record: no starting point.",
    ),
    hint=(
        "Si le compte existe déjà, relevez ses chiffres dans audit.accounts (owner: own).",
        "If the account already exists, record its figures in audit.accounts (owner: own).",
    ),
)
def channel_not_audited(ctx: Context) -> Iterator[Hit]:
    audited = {a.platform for a in ctx.strategy.audit.accounts if a.owner == "own"}
    if not audited:
        return  # AUD001 already says it
    for index, channel in enumerate(ctx.strategy.channels):
        if channel.platform not in audited:
            yield ("channels", index), {"id": channel.id, "platform": channel.platform}


@rule(
    "AUD007",
    Severity.INFO,
    3,
    title=("Positionnement non tiré de l’audit", "Positioning not drawn from the audit"),
    message=(
        "L’audit n’aboutit à aucun constat ni positionnement.",
        "The audit leads to no finding and no positioning.",
    ),
    hint=(
        "Écrivez ce que l’audit vous apprend (audit.findings) et le positionnement retenu "
        "(audit.positioning).",
        "Write what the audit taught you (audit.findings) and the positioning chosen "
        "(audit.positioning).",
    ),
)
def no_findings(ctx: Context) -> Iterator[Hit]:
    audit = ctx.strategy.audit
    if not audit.findings and not audit.positioning:
        yield ("audit",), {}
