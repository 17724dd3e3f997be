"""Question 3 (and 2) — what the organisation listens for: the listening section's queries.

A query is compiled once per check run (:func:`_compiled`); a query that cannot be read is
an error here rather than at import time, so the strategy says where and why before any
mention is matched against it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Label
from stratege.i18n import Lang
from stratege.i18n.catalogue import N_
from stratege.queries import Query, QueryError, compile_query

CUSTOMER_CARE = "customer_service"  # the objective kind of the knowledge base


@dataclass(frozen=True)
class Problem:
    """Why a query cannot be read, worded in the reader's language."""

    error: QueryError

    def text(self, lang: Lang) -> str:
        return self.error.message(lang)


@cache
def _compiled(text: str) -> Query | QueryError:
    try:
        return compile_query(text)
    except QueryError as error:
        return error


def _brand(ctx: Context, owner: str) -> str:
    """How a query's owner is called: the organisation's or the competitor's name."""
    if owner == "own":
        return ctx.strategy.organisation.name
    found = next((c for c in ctx.strategy.audit.competitors if c.id == owner), None)
    return found.name if found else owner


@rule(
    "LIS001",
    Severity.ERROR,
    3,
    title=N_("Unreadable listening query"),
    message=N_("The query for {brand} cannot be read: {problem}."),
    hint=N_(
        'Write words, "phrases", AND, OR, NOT, parentheses, wildcards (*, ?), #hashtags and '
        "@handles; check the quotes and parentheses are closed."
    ),
)
def unreadable_query(ctx: Context) -> Iterator[Hit]:
    for index, query in enumerate(ctx.strategy.listening.queries):
        compiled = _compiled(query.query)
        if isinstance(compiled, QueryError):
            yield (
                ("listening", "queries", index, "query"),
                {"brand": _brand(ctx, query.owner), "problem": Problem(compiled)},
            )


@rule(
    "LIS002",
    Severity.WARNING,
    3,
    title=N_("Listening query that can never match"),
    message=N_(
        "The query for {brand} can match no mention: it excludes what it asks for, or "
        "asks for an empty phrase."
    ),
    hint=N_('Remove the contradiction (such as "a AND NOT a") or the empty quotes.'),
)
def query_never_matches(ctx: Context) -> Iterator[Hit]:
    for index, query in enumerate(ctx.strategy.listening.queries):
        compiled = _compiled(query.query)
        if isinstance(compiled, Query) and not compiled.can_match():
            yield ("listening", "queries", index, "query"), {"brand": _brand(ctx, query.owner)}


@rule(
    "LIS003",
    Severity.ERROR,
    3,
    title=N_("Listening query of an unknown brand"),
    message=N_("A listening query belongs to '{owner}', neither `own` nor a declared competitor."),
    hint=N_("{closest}Use `own` or an id from `audit.competitors`."),
)
def unknown_query_owner(ctx: Context) -> Iterator[Hit]:
    competitors = [c.id for c in ctx.strategy.audit.competitors]
    for index, query in enumerate(ctx.strategy.listening.queries):
        if query.owner != "own" and query.owner not in competitors:
            yield (
                ("listening", "queries", index, "owner"),
                {
                    "owner": query.owner,
                    "closest": Closest.of("competitor", query.owner, ["own", *competitors]),
                },
            )


@rule(
    "LIS004",
    Severity.WARNING,
    3,
    title=N_("Competitor without a listening query"),
    message=N_("Competitor {name} is audited but not listened to: no query names it."),
    hint=N_(
        "Add a query with `owner: {id}` to `listening.queries`, or share of voice "
        "will leave it out."
    ),
)
def competitor_without_query(ctx: Context) -> Iterator[Hit]:
    queries = ctx.strategy.listening.queries
    if not queries:
        return  # not listening at all is not this rule's concern
    owners = {q.owner for q in queries}
    for index, competitor in enumerate(ctx.strategy.audit.competitors):
        if competitor.id not in owners:
            yield (
                ("audit", "competitors", index),
                {"id": competitor.id, "name": competitor.name},
            )


@rule(
    "LIS005",
    Severity.WARNING,
    3,
    title=N_("Listening without the organisation's own query"),
    message=N_("The listening queries follow competitors only: none has `owner: own`."),
    hint=N_("Add the query of your own brand: share of voice compares it with the others."),
)
def no_own_query(ctx: Context) -> Iterator[Hit]:
    queries = ctx.strategy.listening.queries
    if queries and all(q.owner != "own" for q in queries):
        yield ("listening", "queries"), {}


@rule(
    "LIS006",
    Severity.WARNING,
    2,
    title=N_("Customer care without listening"),
    message=N_(
        "Objective '{id}' is about customer service, but nothing listens for what is said "
        "about the organisation: complaints made outside its own pages go unseen."
    ),
    hint=N_("Add a query with `owner: own` to `listening.queries` (question 3)."),
)
def customer_care_without_listening(ctx: Context) -> Iterator[Hit]:
    if any(q.owner == "own" for q in ctx.strategy.listening.queries):
        return
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.kind == CUSTOMER_CARE:
            yield ("objectives", index), {"id": objective.id}


@rule(
    "LIS007",
    Severity.WARNING,
    3,
    title=N_("Query in a language not listened to"),
    message=N_("The query for {brand} is in {language}, a language the strategy does not list."),
    hint=N_(
        "Add it to `listening.languages` (or `organisation.languages` when that is empty), "
        "or take it off the query."
    ),
)
def query_language_not_listened(ctx: Context) -> Iterator[Hit]:
    listening = ctx.strategy.listening
    listened = set(listening.languages or ctx.strategy.organisation.languages)
    for index, query in enumerate(listening.queries):
        for position, language in enumerate(query.languages):
            if language not in listened:
                yield (
                    ("listening", "queries", index, "languages", position),
                    {"brand": _brand(ctx, query.owner), "language": Label("language", language)},
                )
