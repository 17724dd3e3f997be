"""The plan as a terminal summary: posts, people, money, shortfalls."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from stratege.i18n import Lang, tr
from stratege.i18n.catalogue import translator
from stratege.i18n.numbers import num
from stratege.planning.plan import Plan
from stratege.reports.labels import BUDGET, label
from stratege.reports.shortfalls import describe_shortfall, format_name

T = {
    "title": {"fr": "Plan {org} — du {start} au {end}", "en": "Plan {org} — {start} to {end}"},
    "posts": {"fr": "Publications par canal", "en": "Posts per channel"},
    "channel": {"fr": "Canal", "en": "Channel"},
    "count": {"fr": "Publications", "en": "Posts"},
    "weekly": {"fr": "Par semaine", "en": "Per week"},
    "mix": {"fr": "Formats", "en": "Formats"},
    "people": {"fr": "Charge par personne", "en": "Workload per person"},
    "person": {"fr": "Personne", "en": "Person"},
    "hours": {"fr": "Heures prévues", "en": "Planned hours"},
    "capacity": {"fr": "Heures disponibles", "en": "Hours available"},
    "use": {"fr": "Occupation", "en": "Utilisation"},
    "peak": {"fr": "Semaine la plus chargée", "en": "Busiest week"},
    "budget": {"fr": "Budget ({currency})", "en": "Budget ({currency})"},
    "category": {"fr": "Poste", "en": "Category"},
    "planned": {"fr": "Prévu", "en": "Planned"},
    "declared": {"fr": "Déclaré", "en": "Declared"},
    "internal": {"fr": "(temps interne, hors budget)", "en": "(internal time, not budgeted)"},
    "total": {"fr": "Total hors temps interne", "en": "Total excluding internal time"},
    "shortfalls": {"fr": "Ce qui manque", "en": "What is missing"},
    "feasible": {
        "fr": "Plan réalisable : personne ne dépasse ses heures, tout est pourvu.",
        "en": "Feasible plan: nobody exceeds their hours, everything is staffed.",
    },
    "quality": {
        "fr": "Écart à la fréquence : {cadence} publication(s) par semaine au plus ; écart de "
        "mix : {mix} point(s) ; dépassement d’heures : {overrun} h.",
        "en": "Cadence deviation: at most {cadence} post(s) a week; mix deviation: {mix} "
        "point(s); hours over capacity: {overrun} h.",
    },
    "unplaced": {
        "fr": "{count} publication(s) de « {channel} » n’ont pas trouvé de créneau (jours "
        "fériés, fenêtres trop étroites).",
        "en": "{count} post(s) on '{channel}' found no slot (holidays, windows too narrow).",
    },
}


def print_plan(console: Console, plan: Plan, lang: Lang) -> None:
    strategy, horizon = plan.strategy, plan.horizon
    console.print(
        Text(
            tr(
                T["title"],
                lang,
                org=strategy.organisation.name,
                start=horizon.start,
                end=horizon.end,
            ),
            style="bold",
        )
    )
    console.print(_posts_table(plan, lang))
    console.print(_people_table(plan, lang))
    console.print(_budget_table(plan, lang))
    for finding in plan.findings:  # the RACI checks (question 9)
        console.print(Text(f"RACI — {finding.code}: {finding.message(lang)}", style="yellow"))
    _print_shortfalls(console, plan, lang)


def _posts_table(plan: Plan, lang: Lang) -> Table:
    table = Table(title=tr(T["posts"], lang), title_justify="left")
    for column in ("channel", "count", "weekly", "mix"):
        table.add_column(
            tr(T[column], lang), justify="left" if column in ("channel", "mix") else "right"
        )
    weeks = max(plan.horizon.end.toordinal() - plan.horizon.start.toordinal() + 1, 1) / 7
    for channel, count in plan.posts_per_channel().items():
        formats = Counter(s.format for s in plan.slots if s.channel == channel)
        mix = ", ".join(
            f"{format_name(plan, f, lang)} {round(100 * n / count)} %"
            for f, n in formats.most_common()
        )
        table.add_row(channel, str(count), num(count / weeks, lang, 1), mix)
    return table


def _people_table(plan: Plan, lang: Lang) -> Table:
    table = Table(title=tr(T["people"], lang), title_justify="left")
    for column in ("person", "hours", "capacity", "use", "peak"):
        table.add_column(tr(T[column], lang), justify="left" if column == "person" else "right")
    for person in plan.strategy.resources.people:
        hours, capacity = plan.hours(person.id), plan.capacity_of(person.id)
        share = 100 * hours / capacity if capacity else 0
        table.add_row(
            person.name,
            num(hours, lang, 0),
            num(capacity, lang, 0),
            f"{num(share, lang, 0)} %",
            _busiest(plan, person.id, lang),
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
    label = {"fr": "sem. {week} ({share} %)", "en": "wk {week} ({share}%)"}
    return tr(label, lang, week=monday.isocalendar().week, share=num(100 * share, lang, 0))


def _budget_table(plan: Plan, lang: Lang) -> Table:
    budget = plan.budget
    table = Table(title=tr(T["budget"], lang, currency=budget.currency), title_justify="left")
    for column in ("category", "planned", "declared"):
        table.add_column(tr(T[column], lang), justify="left" if column == "category" else "right")
    for category in BUDGET:
        planned, declared = budget.planned_total(category), budget.declared_total(category)
        shown = num(declared, lang, 0) if category != "people" else tr(T["internal"], lang)
        style = "red" if planned > declared + 0.5 and category != "people" else None
        table.add_row(
            label(BUDGET, category, translator(lang)), num(planned, lang, 0), shown, style=style
        )
    spent = sum(budget.planned_total(c) for c in BUDGET if c != "people")
    declared = sum(budget.declared_total(c) for c in BUDGET if c != "people")
    table.add_row(tr(T["total"], lang), num(spent, lang, 0), num(declared, lang, 0), style="bold")
    return table


def _print_shortfalls(console: Console, plan: Plan, lang: Lang) -> None:
    quality = plan.quality
    console.print(
        tr(
            T["quality"],
            lang,
            cadence=num(quality.cadence_deviation, lang, 1),
            mix=num(quality.mix_deviation, lang, 1),
            overrun=num(quality.overrun_hours, lang, 1),
        )
    )
    for channel, count in plan.unplaced_posts().items():
        console.print(Text(tr(T["unplaced"], lang, count=count, channel=channel), style="yellow"))
    if not plan.shortfalls:
        console.print(Text(tr(T["feasible"], lang), style="bold green"))
        return
    console.print(Text(tr(T["shortfalls"], lang), style="bold red"))
    for shortfall in plan.shortfalls:
        console.print(Text(f"  • {describe_shortfall(plan, shortfall, lang)}", style="red"))
