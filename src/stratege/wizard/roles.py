"""Question 9: who does each activity (R) and who answers for it (A), the RACI matrix."""

from __future__ import annotations

from rich.table import Table

from stratege.knowledge.models import Knowledge
from stratege.strategy.model import RaciRow
from stratege.wizard.draft import Draft
from stratege.wizard.labels import ACTIVITIES
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import default_approver, default_raci


def ask_responsibilities(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 9: the RACI matrix, generated from the people and confirmed or edited."""
    ask.question(9)
    people = draft.resources.people
    options = [(p.id, p.name) for p in people]
    lead = approver = people[0].id
    if len(people) > 1:
        lead = ask.pick_one(
            {"fr": "Qui pilote le travail au quotidien ?", "en": "Who runs the day-to-day work?"},
            options,
            lead,
        )
        approver = ask.pick_one(
            {
                "fr": "Qui valide et répond de la stratégie ?",
                "en": "Who approves and answers for the strategy?",
            },
            options,
            default_approver(people),
        )
    rows = default_raci(people, lead, approver, draft.care_channel is not None, False)
    _show_raci(ask, draft, rows)
    if not ask.yes_no({"fr": "Garder cette répartition ?", "en": "Keep this split?"}, True):
        rows = [_edit_row(ask, draft, row) for row in rows]
    draft.responsibilities = rows


def _show_raci(ask: Asker, draft: Draft, rows: list[RaciRow]) -> None:
    names = {p.id: p.name for p in draft.resources.people}
    table = Table(ask.tr({"fr": "Activité", "en": "Activity"}), "R", "A")
    for row in rows:
        table.add_row(
            ask.tr(ACTIVITIES[row.activity]),
            ", ".join(names[p] for p in row.responsible),
            names[row.accountable[0]],
        )
    ask.console.print(table)


def _edit_row(ask: Asker, draft: Draft, row: RaciRow) -> RaciRow:
    options = [(p.id, p.name) for p in draft.resources.people]
    activity = ask.tr(ACTIVITIES[row.activity])
    row.responsible = ask.pick(
        {"fr": "{activity} : qui réalise (R) ?", "en": "{activity}: who does it (R)?"},
        options,
        row.responsible,
        activity=activity,
    )
    row.accountable = [
        ask.pick_one(
            {"fr": "{activity} : qui en répond (A) ?", "en": "{activity}: who answers for it (A)?"},
            options,
            row.accountable[0],
            activity=activity,
        )
    ]
    return row
