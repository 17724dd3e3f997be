"""The executive summary: what is decided, what it takes, whether it holds."""

from __future__ import annotations

from stratege.capacity.budget import CATEGORIES
from stratege.planning.shortfalls import Shortfall
from stratege.reports.context import DASH, Context
from stratege.reports.document import Block, Bullets, Paragraph, Section
from stratege.reports.shortfalls import shortfall_work
from stratege.severity import Severity


def section(context: Context) -> Section:
    _ = context._
    blocks: list[Block] = [
        Paragraph(_positioning(context), emphasis=True),
        Paragraph(_("Primary objectives:")),
        Bullets(_primary_objectives(context) or [DASH]),
        Paragraph(_("Channels and cadence:")),
        Bullets(_cadences(context) or [DASH]),
        Paragraph(f"{_posts(context)} {_team(context)}"),
        Paragraph(_spending(context)),
        Paragraph(feasibility(context)),
        Paragraph(_diagnostics(context)),
    ]
    return Section("summary", _("Executive summary"), blocks)


def _positioning(context: Context) -> str:
    organisation = context.strategy.organisation
    return organisation.communication.positioning or organisation.mission or DASH


def _primary_objectives(context: Context) -> list[str]:
    return [o.statement for o in context.strategy.objectives if o.priority == "primary"]


def _cadences(context: Context) -> list[str]:
    strategy = context.strategy
    return [
        context._(
            "{channel}: {posts} posts a week",
            channel=context.channel(channel.id),
            posts=context.number(cadence.posts_per_week),
        )
        for channel in strategy.channels
        if (cadence := strategy.cadence_of(channel.id))
    ]


def _posts(context: Context) -> str:
    plan = context.plan
    return context.ngettext(
        "{posts} post is planned from {start} to {end}.",
        "{posts} posts are planned from {start} to {end}.",
        len(plan.slots),
        posts=context.count(len(plan.slots)),
        start=context.date(plan.horizon.start),
        end=context.date(plan.horizon.end),
    )


def _team(context: Context) -> str:
    people = context.strategy.resources.people
    return context.ngettext(
        "The team of {people} person is busy {share} of its hours on average.",
        "The team of {people} people is busy {share} of its hours on average.",
        len(people),
        people=context.count(len(people)),
        share=context.percent(utilisation(context)),
    )


def utilisation(context: Context) -> float:
    """Hours planned over hours available, for the whole team and the whole period."""
    people = context.strategy.resources.people
    hours = sum(context.plan.hours(p.id) for p in people)
    capacity = sum(context.plan.capacity_of(p.id) for p in people)
    return hours / capacity if capacity else 0.0


def _spending(context: Context) -> str:
    budget = context.plan.budget
    return context._(
        "Planned spending: {spend} for a declared budget of {declared}.",
        spend=context.money(sum(budget.planned_total(c) for c in CATEGORIES)),
        declared=context.money(sum(budget.declared_total(c) for c in CATEGORIES)),
    )


def feasibility(context: Context) -> str:
    """One sentence: feasible, or what is missing at worst. Never "feasible" while posts
    found no slot."""
    plan = context.plan
    if plan.shortfalls:
        return _worst_shortfall(context, plan.shortfalls[0])
    unplaced = sum(plan.unplaced_posts().values())
    if unplaced:
        return context.ngettext(
            "Nobody works beyond their hours, but {posts} post found no slot "
            "(holidays, windows too narrow).",
            "Nobody works beyond their hours, but {posts} posts found no slot "
            "(holidays, windows too narrow).",
            unplaced,
            posts=context.count(unplaced),
        )
    return context._(
        "The plan is feasible: nobody works beyond their hours and every post has its producers."
    )


def _worst_shortfall(context: Context, worst: Shortfall) -> str:
    return context._(
        "The plan is not fully feasible: at worst {missing} hours a week are missing for "
        "{work}; see the diagnostics.",
        missing=context.number(worst.missing),
        work=shortfall_work(context.plan, worst, context.words),
    )


def _diagnostics(context: Context) -> str:
    findings = context.findings
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    return context._(
        "Diagnostics: {errors}, {warnings}.",
        errors=context.ngettext("{count} error", "{count} errors", errors),
        warnings=context.ngettext("{count} warning", "{count} warnings", warnings),
    )
