"""The plan as a terminal summary: posts, people, money, what is missing."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from stratege.capacity.budget import CATEGORIES, PLAN_CATEGORIES
from stratege.cli.output import console
from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, plural, translator
from stratege.i18n.numbers import count, day, money, num, percent
from stratege.vocabulary import Words

if TYPE_CHECKING:
    from stratege.planning.plan import Plan
    from stratege.services.planning import PlanResult

SHORTFALL_LINES = 10  # on screen; the workbook lists them all


def print_plan(result: PlanResult, lang: Lang) -> None:
    plan, _ = result.plan, translator(lang)
    out = console()
    title = N_("Plan {org} — {start} to {end}")
    start, end = day(plan.horizon.start, lang), day(plan.horizon.end, lang)
    out.print(Text(_(title, org=plan.strategy.organisation.name, start=start, end=end), "bold"))
    if result.partial:
        out.print(Text(_partial_note(plan, lang), style="cyan"))
    out.print(_posts_table(plan, lang))
    out.print(_people_table(plan, lang))
    out.print(_budget_table(plan, lang))
    for finding in result.raci_findings:
        line = _(N_("RACI — {code}: {message}"), code=finding.code, message=finding.message(lang))
        out.print(Text(line, style="yellow"))
    _print_outcome(plan, lang)


def _partial_note(plan: Plan, lang: Lang) -> str:
    _ = translator(lang)
    return _(
        N_(
            "This plan covers part of the strategy's period ({share} of its days): every "
            "budget line is pro-rated to these days."
        ),
        share=percent(plan.budget.share_of_period, lang),
    )


def _table(title: str, *columns: tuple[str, str]) -> Table:
    table = Table(title=title, title_justify="left")
    for header, justify in columns:
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    return table


def _posts_table(plan: Plan, lang: Lang) -> Table:
    _, words = translator(lang), Words(lang, plan.knowledge)
    table = _table(
        _(N_("Posts per channel")),
        (_(N_("Channel")), "left"),
        (_(N_("Posts")), "right"),
        (_(N_("Per week")), "right"),
        (_(N_("Formats")), "left"),
    )
    weeks = max(len(plan.horizon.days), 1) / 7
    for channel, posts in plan.posts_per_channel().items():
        formats = Counter(s.format for s in plan.slots if s.channel == channel)
        mix = ", ".join(
            f"{words.format(f)} {percent(n / posts, lang)}" for f, n in formats.most_common()
        )
        table.add_row(channel, count(posts, lang), num(posts / weeks, lang, 1), mix)
    return table


def _people_table(plan: Plan, lang: Lang) -> Table:
    _ = translator(lang)
    table = _table(
        _(N_("Workload per person")),
        (_(N_("Person")), "left"),
        (_(N_("Planned hours")), "right"),
        (_(N_("Hours available")), "right"),
        (_(N_("Utilisation")), "right"),
        (_(N_("Busiest week")), "right"),
    )
    for person in plan.strategy.resources.people:
        hours, capacity = plan.hours(person.id), plan.capacity_of(person.id)
        table.add_row(
            person.name,
            num(hours, lang),
            num(capacity, lang),
            percent(hours / capacity, lang) if capacity else "—",
            _busiest(plan, person.id, lang),
        )
    if plan.lead_weeks:
        table.caption = _(
            N_("Includes {hours} h of production before {start}, for the first posts."),
            hours=num(plan.lead_hours(), lang),
            start=day(plan.horizon.start, lang),
        )
    return table


def _busiest(plan: Plan, person: str, lang: Lang) -> str:
    weeks = [
        (sum(h.values()) / plan.staffing.capacity[k], k[1])
        for k, h in plan.staffing.load.items()
        if k[0] == person and plan.staffing.capacity.get(k)
    ]
    if not weeks:
        return "—"
    share, monday = max(weeks)
    _ = translator(lang)
    week = monday.isocalendar().week
    return _(N_("wk {week} ({share})"), week=week, share=percent(share, lang))


def _budget_table(plan: Plan, lang: Lang) -> Table:
    _, words, budget = translator(lang), Words(lang, plan.knowledge), plan.budget
    table = _table(
        _(N_("Budget")),
        (_(N_("Category")), "left"),
        (_(N_("Planned")), "right"),
        (_(N_("Declared")), "right"),
    )
    shown = lambda amount: money(amount, budget.currency, lang)  # noqa: E731
    for category in PLAN_CATEGORIES:
        planned, declared = budget.planned_total(category), budget.declared_total(category)
        internal = category == "people"
        table.add_row(
            words("budget-category", category),
            shown(planned),
            _(N_("internal time, not budgeted")) if internal else shown(declared),
            style="red" if not internal and planned > declared + 0.5 else None,
        )
    spent = sum(budget.planned_total(c) for c in CATEGORIES)
    declared = sum(budget.declared_total(c) for c in CATEGORIES)
    table.add_row(
        _(N_("Total excluding internal time")), shown(spent), shown(declared), style="bold"
    )
    return table


def _print_outcome(plan: Plan, lang: Lang) -> None:
    _, out, quality = translator(lang), console(), plan.quality
    out.print(
        _(
            N_(
                "Cadence deviation: at most {cadence} post a week; mix deviation: {mix} "
                "points; hours over capacity: {overrun} h."
            ),
            cadence=num(quality.cadence_deviation, lang, 1),
            mix=num(quality.mix_deviation, lang, 1),
            overrun=num(quality.overrun_hours, lang, 1),
        )
    )
    unplaced = plan.unplaced_posts()
    for channel, missing in unplaced.items():
        message = plural(
            lang,
            "{count} post on '{channel}' found no slot (holidays, windows too narrow).",
            "{count} posts on '{channel}' found no slot (holidays, windows too narrow).",
            missing,
            channel=channel,
        )
        out.print(Text(message, style="yellow"))
    if plan.shortfalls:
        _print_shortfalls(plan, lang)
    elif unplaced:
        staffed = N_("Every planned post is staffed and nobody exceeds their hours.")
        out.print(Text(_(staffed), style="green"))
    else:
        feasible = N_("Feasible plan: nobody exceeds their hours, everything is staffed.")
        out.print(Text(_(feasible), style="bold green"))


def _print_shortfalls(plan: Plan, lang: Lang) -> None:
    from stratege.reports.shortfalls import describe_shortfall

    _, out = translator(lang), console()
    out.print(Text(_(N_("What is missing")), style="bold red"))
    for shortfall in plan.shortfalls[:SHORTFALL_LINES]:
        out.print(Text(f"  • {describe_shortfall(plan, shortfall, lang)}", style="red"))
    hidden = len(plan.shortfalls) - SHORTFALL_LINES
    if hidden > 0:
        more = plural(
            lang,
            "… and {count} more line in plan.xlsx (sheet of shortfalls).",
            "… and {count} more lines in plan.xlsx (sheet of shortfalls).",
            hidden,
        )
        out.print(Text(more, style="red"))
