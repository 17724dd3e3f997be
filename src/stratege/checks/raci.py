"""Question 9 — responsibilities: the RACI matrix."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.capacity.workload import answers_customers, raci_rows
from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Label, Msg, Num
from stratege.i18n.catalogue import N_

ROLES = ("responsible", "accountable", "consulted", "informed")


ANSWER = "answer_customers"


@rule(
    "RACI001",
    Severity.ERROR,
    9,
    title=N_("Not exactly one Accountable"),
    message=N_(
        "Activity {activity} ({channel}) has {count} Accountable people: it needs exactly one."
    ),
    hint=N_("Name a single person in `accountable`: the one who answers for it."),
)
def not_one_accountable(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if len(set(row.accountable)) != 1:
            yield (
                ("responsibilities", index, "accountable"),
                {
                    "activity": Label("activity", row.activity),
                    "channel": _where(row.channel),
                    "count": len(set(row.accountable)),
                },
            )


@rule(
    "RACI002",
    Severity.ERROR,
    9,
    title=N_("No Responsible"),
    message=N_("Nobody is Responsible for activity {activity} ({channel})."),
    hint=N_("Add at least one person to `responsible`: whoever does the work."),
)
def no_responsible(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if not row.responsible:
            yield (
                ("responsibilities", index, "responsible"),
                {"activity": Label("activity", row.activity), "channel": _where(row.channel)},
            )


@rule(
    "RACI003",
    Severity.ERROR,
    9,
    title=N_("Unknown person"),
    message=N_(
        "'{person}', named in the RACI ({activity}, {role}), is not declared in `resources.people`."
    ),
    hint=N_("{closest}Fix the identifier or add the person to `resources.people`."),
)
def unknown_person(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        for role in ROLES:
            for position, person in enumerate(getattr(row, role)):
                if person not in ctx.person_ids:
                    yield (
                        ("responsibilities", index, role, position),
                        {
                            "person": person,
                            "activity": Label("activity", row.activity),
                            "role": Label("raci-role", role),
                            "closest": Closest.of("person", person, ctx.person_ids),
                        },
                    )


@rule(
    "RACI004",
    Severity.ERROR,
    9,
    title=N_("Person over capacity"),
    message=N_(
        "The people Responsible for {activity} ({channel}) — {people} — lack hours: "
        "{needed} h/week needed, {covered} h possible, {missing} h short."
    ),
    hint=N_(
        "Add someone Responsible on this RACI row, free up their time, or reduce the load "
        "(cadence, covered hours)."
    ),
)
def responsible_over_capacity(ctx: Context) -> Iterator[Hit]:
    rows = ctx.strategy.responsibilities
    for demand, missing in ctx.workload.shortfalls():
        if demand.eligible_source != "raci":
            continue
        row = raci_rows(rows, demand.activity, demand.channel)[0]  # the row that staffs it
        index = next(i for i, r in enumerate(rows) if r is row)
        yield (
            ("responsibilities", index, "responsible"),
            {
                "activity": Label("activity", demand.activity),
                "channel": _where(row.channel),
                "people": ", ".join(ctx.person_name(p) for p in demand.eligible),
                "needed": Num(demand.hours_per_week),
                "covered": Num(ctx.workload.covered(demand)),
                "missing": Num(missing),
            },
        )


@rule(
    "RACI005",
    Severity.WARNING,
    9,
    title=N_("Key activity without owner"),
    message=N_("No RACI row covers activity {activity}{why}."),
    hint=N_(
        "Add a `responsibilities` row with `activity: {activity_id}` (`channel: all` is enough)."
    ),
)
def key_activity_uncovered(ctx: Context) -> Iterator[Hit]:
    covered = {r.activity for r in ctx.strategy.responsibilities}
    needed: dict[str, str] = {
        "create_content": "",
        "publish": "",
        "approve": "",
        "crisis": N_(" (in a crisis, who decides?)"),
    }
    if any(answers_customers(ctx.strategy, c) for c in ctx.strategy.channels):
        needed["answer_customers"] = N_(" although a channel serves customer care")
    if any(c.reviews_per_week for c in ctx.strategy.cadence):
        needed["answer_reviews"] = N_(" although reviews are expected")
    if ctx.strategy.advertising.campaigns:
        needed["advertise"] = N_(" although campaigns are planned")
    for activity, why in needed.items():
        if activity not in covered:
            yield (
                ("responsibilities",),
                {
                    "activity": Label("activity", activity),
                    "activity_id": activity,
                    "why": Msg.of(why) if why else "",
                },
            )


@rule(
    "RACI006",
    Severity.ERROR,
    9,
    title=N_("Unknown channel in the RACI"),
    message=N_(
        "The row of activity {activity} targets channel '{channel}', which is not declared."
    ),
    hint=N_("{closest}Use an id from `channels`, or `all`."),
)
def raci_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if row.channel != "all" and row.channel not in ctx.channel_ids:
            yield (
                ("responsibilities", index, "channel"),
                {
                    "activity": Label("activity", row.activity),
                    "channel": row.channel,
                    "closest": Closest.of("channel", row.channel, ["all", *ctx.channel_ids]),
                },
            )


@rule(
    "RACI007",
    Severity.WARNING,
    9,
    title=N_("Duplicate RACI row"),
    message=N_("Activity {activity} ({channel}) has several rows: which one holds?"),
    hint=N_("Merge these rows."),
)
def duplicate_row(ctx: Context) -> Iterator[Hit]:
    seen: set[tuple[str, str]] = set()
    for index, row in enumerate(ctx.strategy.responsibilities):
        key = (row.activity, row.channel)
        if key in seen:
            yield (
                ("responsibilities", index),
                {"activity": Label("activity", row.activity), "channel": _where(row.channel)},
            )
        seen.add(key)


@rule(
    "RACI008",
    Severity.INFO,
    9,
    title=N_("Accountable also doing the work"),
    message=N_(
        "For {activity} ({channel}), {person} is both Responsible and Accountable: nobody reviews."
    ),
    hint=N_("Give approval to someone else if the team is large enough."),
)
def self_approval(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if row.activity in ("approve", "create_content") and len(ctx.person_ids) > 1:
            for person in set(row.responsible) & set(row.accountable):
                yield (
                    ("responsibilities", index),
                    {
                        "activity": Label("activity", row.activity),
                        "channel": _where(row.channel),
                        "person": ctx.person_name(person),
                    },
                )


@rule(
    "RACI009",
    Severity.WARNING,
    9,
    title=N_("Customer service with nobody to answer"),
    message=N_(
        "Objective '{id}' (customer service) is served on {channels}, but nobody is "
        "Responsible for answering customers there."
    ),
    hint=N_(
        "Add a `responsibilities` row with `activity: answer_customers` and someone in "
        "`responsible`, for these channels or with `channel: all`."
    ),
)
def customer_service_unanswered(ctx: Context) -> Iterator[Hit]:
    rows = ctx.strategy.responsibilities
    for index, objective in enumerate(ctx.strategy.objectives):
        if objective.kind != "customer_service":
            continue
        serving = [c.id for c in ctx.strategy.channels if objective.id in c.objectives]
        unanswered = [
            c for c in serving if not any(r.responsible for r in raci_rows(rows, ANSWER, c))
        ]
        if unanswered:
            yield ("objectives", index), {"id": objective.id, "channels": ", ".join(unanswered)}


def _where(channel: str | None) -> str | Msg:
    """A RACI row's channel: its id, or "all channels" for the row that covers them all."""
    return Msg.of(N_("all channels")) if channel in (None, "all") else channel
