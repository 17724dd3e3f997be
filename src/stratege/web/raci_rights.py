"""The RACI drives who moves a post along: the person Accountable for approving on a
channel approves its posts, the person Responsible for publishing schedules and publishes
them. The plan names both on every post (``approver``, ``publisher``: people of the
strategy's ``resources.people``); members are linked to those people on the members page.

When nobody is linked to the person the plan names, the workspace roles decide instead
(approving: those who approve the strategy; scheduling and publishing: editors), so a team
that has not linked its members is never stuck.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from stratege.i18n.catalogue import N_
from stratege.web.models import Membership, PostDraft
from stratege.web.roles import APPROVE, DRAFT, EDIT, allows

STEP_PERSON = {  # the status → which person of the post's brief moves it there
    PostDraft.Status.APPROVED: "approver",
    PostDraft.Status.SCHEDULED: "publisher",
    PostDraft.Status.PUBLISHED: "publisher",
}
FALLBACK = {"approver": APPROVE, "publisher": EDIT}

REFUSALS = {
    "approver": N_(
        "Only {person}, accountable for approving posts on {channel} (RACI), may approve this post."
    ),
    "publisher": N_(
        "Only {person}, responsible for publishing on {channel} (RACI), may schedule or "
        "publish this post."
    ),
    "role": N_("Your role does not let you set this status."),
}


@dataclass(frozen=True)
class Refusal:
    reason: str
    values: dict[str, str]


def linked_people(members: Iterable[Membership]) -> dict[str, Membership]:
    """Person id → the member linked to that person."""
    return {m.person: m for m in members if m.person}


def may_set_status(
    membership: Membership,
    record: Mapping[str, Any],
    status: str,
    linked: Mapping[str, Membership],
    names: Mapping[str, str],
) -> Refusal | None:
    """None when ``membership`` may put the post ``record`` in ``status``; otherwise why
    not, in words for the page."""
    if not allows(membership.role, DRAFT):
        return Refusal("role", {})
    step = STEP_PERSON.get(status)  # type: ignore[call-overload]
    if step is None:
        return None  # ideas and drafts: anyone who drafts
    person = record.get(step)
    if person and person in linked:
        if membership.person == person:
            return None
        return Refusal(step, {"person": names.get(person, person), "channel": record["channel"]})
    if allows(membership.role, FALLBACK[step]):
        return None
    return Refusal("role", {})


def channel_duties(
    records: Iterable[Mapping[str, Any]], names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Per channel, who approves and who publishes its posts (as the plan names them)."""
    found: dict[str, dict[str, set[str]]] = {}
    for record in records:
        duties = found.setdefault(record["channel"], {"approver": set(), "publisher": set()})
        for step in ("approver", "publisher"):
            if record.get(step):
                duties[step].add(record[step])
    return [
        {
            "channel": channel,
            "approvers": sorted(duties["approver"]),
            "publishers": sorted(duties["publisher"]),
        }
        for channel, duties in sorted(found.items())
    ]
