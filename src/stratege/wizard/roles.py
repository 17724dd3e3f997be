"""Question 9: who does each activity (R) and who answers for it (A), the RACI matrix."""

from __future__ import annotations

from rich.table import Table

from stratege.i18n.catalogue import N_
from stratege.knowledge.models import Knowledge
from stratege.strategy.model import RaciRow
from stratege.wizard.draft import Draft
from stratege.wizard.prompter import Asker
from stratege.wizard.suggest import accountable_of, default_approver, default_raci


def ask_responsibilities(ask: Asker, kb: Knowledge, draft: Draft) -> None:
    """Question 9: the RACI matrix, the file's own or one generated from the people, then
    confirmed or edited row by row."""
    ask.question(9)
    rows = _rows_of_file(draft) or _suggested_rows(ask, draft)
    _show_raci(ask, draft, rows)
    if not ask.yes_no(N_("Keep this split?"), True):
        rows = [_edit_row(ask, draft, row) for row in rows]
    draft.responsibilities = rows


def _rows_of_file(draft: Draft) -> list[RaciRow]:
    """The file's RACI rows when everyone they name is still in the team (with a row for
    answering customers added if a customer-care channel appeared); else none."""
    before = draft.previous.responsibilities if draft.previous else []
    ids = {p.id for p in draft.resources.people}
    named = {p for r in before for p in (*r.responsible, *r.accountable, *r.consulted, *r.informed)}
    if not before or not named <= ids:
        return []
    rows = [row.model_copy(deep=True) for row in before]
    activities = {r.activity for r in rows}
    if draft.care_channel is not None and "answer_customers" not in activities:
        people = draft.resources.people
        lead = accountable_of(rows, "publish") or people[0].id
        suggested = default_raci(people, lead, lead, True, False)
        rows += [r for r in suggested if r.activity == "answer_customers"]
    return rows


def _suggested_rows(ask: Asker, draft: Draft) -> list[RaciRow]:
    people = draft.resources.people
    options = [(p.id, p.name) for p in people]
    lead = approver = people[0].id
    if len(people) > 1:
        lead = ask.pick_one(N_("Who runs the day-to-day work?"), options, lead)
        approver = ask.pick_one(
            N_("Who approves and answers for the strategy?"), options, default_approver(people)
        )
    return default_raci(people, lead, approver, draft.care_channel is not None, False)


def _show_raci(ask: Asker, draft: Draft, rows: list[RaciRow]) -> None:
    names = {p.id: p.name for p in draft.resources.people}
    table = Table(ask._(N_("Activity")), "R", "A")
    for row in rows:
        table.add_row(
            _activity(ask, row),
            ", ".join(names.get(p, p) for p in row.responsible),
            ", ".join(names.get(p, p) for p in row.accountable),
        )
    ask.console.print(table)


def _activity(ask: Asker, row: RaciRow) -> str:
    """The activity's name, and its channel when the row is for one channel only."""
    name = ask.word("activity", row.activity)
    return name if row.channel == "all" else f"{name} ({row.channel})"


def _edit_row(ask: Asker, draft: Draft, row: RaciRow) -> RaciRow:
    options = [(p.id, p.name) for p in draft.resources.people]
    activity = _activity(ask, row)
    responsible = ask.pick(
        N_("{activity}: who does it (R)?"), options, row.responsible, activity=activity
    )
    accountable = ask.pick_one(
        N_("{activity}: who answers for it (A)?"),
        options,
        row.accountable[0] if row.accountable else None,
        activity=activity,
    )
    return row.model_copy(update={"responsible": responsible, "accountable": [accountable]})
