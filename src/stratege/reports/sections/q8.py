"""Question 8: the means: people and their workload, tools, budget."""

from __future__ import annotations

from stratege.capacity.budget import PLAN_CATEGORIES
from stratege.reports import charts
from stratege.reports.context import DASH, Context
from stratege.reports.document import Block, Figure, Paragraph, Section, Table
from stratege.reports.sections.answer import answer
from stratege.strategy.model import Person


def section(context: Context) -> Section:
    _ = context._
    workload = Figure(
        _("Workload per person: planned hours against hours available"),
        charts.workload(context),
        _(
            "Horizontal bars: average hours a week planned for each person, over "
            "the hours they have."
        ),
    )
    spending = Figure(
        _("Planned spending per month"),
        charts.budget(context),
        _(
            "Stacked bars: planned spending per month and category; the line is the "
            "declared budget spread over the months."
        ),
    )
    blocks: list[Block] = [_people(context), workload, _tools(context), _budget(context)]
    blocks += [*_pro_rated(context), spending]
    return answer(context, 8, blocks)


def _pro_rated(context: Context) -> list[Block]:
    """A plan for part of the period takes the same share of every budget line: say so."""
    share = context.plan.budget.share_of_period
    if share >= 1:
        return []
    sentence = context._(
        "The plan covers {share} of the strategy's period: every budget line is "
        "counted for that share.",
        share=context.percent(share),
    )
    return [Paragraph(sentence)]


def _people(context: Context) -> Table:
    _ = context._
    header = [
        _("Person"),
        _("Roles"),
        _("Hours per week"),
        _("Skills"),
        _("Training planned"),
        _("Planned hours per week"),
        _("Utilisation"),
    ]
    rows = [_person_row(context, p) for p in context.strategy.resources.people]
    return Table(_("People"), header, rows, [False, False, True, False, False, True, True])


def _person_row(context: Context, person: Person) -> list[str]:
    plan, words = context.plan, context.words
    weeks = max(len(plan.horizon.weeks), 1)
    capacity = plan.capacity_of(person.id)
    return [
        person.name,
        context.join(person.roles),
        context.number(person.hours_per_week),
        context.join(words.many("skill", person.skills)),
        context.join(words.many("skill", person.training)),
        context.number(plan.hours(person.id) / weeks),
        context.percent(plan.hours(person.id) / capacity) if capacity else DASH,
    ]


def _tools(context: Context) -> Table:
    _ = context._
    rows = [
        [t.name, context.words("tool-category", t.category), context.money(t.monthly_cost)]
        for t in context.strategy.resources.tools
    ]
    header = [_("Tool"), _("Kind of tool"), _("Monthly cost")]
    return Table(_("Tools"), header, rows, [False, False, True])


def _budget(context: Context) -> Table:
    _, budget = context._, context.plan.budget
    rows = [
        [
            context.words("budget-category", c),
            context.money(budget.planned_total(c)),
            context.money(budget.declared_total(c)) if c != "people" else _("internal time"),
        ]
        for c in PLAN_CATEGORIES
    ]
    header = [_("Budget line"), _("Planned"), _("Declared")]
    return Table(
        _("Budget over the period: planned and declared"), header, rows, [False, True, True]
    )
