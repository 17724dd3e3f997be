"""Question 9 — responsibilities: the RACI matrix."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Num, Severity, rule

ROLES = ("responsible", "accountable", "consulted", "informed")


@rule(
    "RACI001",
    Severity.ERROR,
    9,
    title=("Pas exactement un Approbateur", "Not exactly one Accountable"),
    message=(
        "L’activité « {activity} » ({channel}) a {count} Approbateur(s) (A) : il en faut un "
        "et un seul.",
        "Activity '{activity}' ({channel}) has {count} Accountable people: it needs exactly one.",
    ),
    hint=(
        "Désignez une seule personne dans accountable : celle qui rend des comptes.",
        "Name a single person in accountable: the one who answers for it.",
    ),
)
def not_one_accountable(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if len(set(row.accountable)) != 1:
            yield (
                ("responsibilities", index, "accountable"),
                {"activity": row.activity, "channel": row.channel, "count": len(row.accountable)},
            )


@rule(
    "RACI002",
    Severity.ERROR,
    9,
    title=("Aucun Réalisateur", "No Responsible"),
    message=(
        "Personne n’est Réalisateur (R) de l’activité « {activity} » ({channel}).",
        "Nobody is Responsible for activity '{activity}' ({channel}).",
    ),
    hint=(
        "Ajoutez au moins une personne dans responsible : celle qui fait le travail.",
        "Add at least one person to responsible: whoever does the work.",
    ),
)
def no_responsible(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if not row.responsible:
            yield (
                ("responsibilities", index, "responsible"),
                {"activity": row.activity, "channel": row.channel},
            )


@rule(
    "RACI003",
    Severity.ERROR,
    9,
    title=("Personne inconnue", "Unknown person"),
    message=(
        "« {person} », cité dans le RACI ({activity}, {role}), n’est pas déclaré dans "
        "resources.people.",
        "'{person}', named in the RACI ({activity}, {role}), is not declared in resources.people.",
    ),
    hint=(
        "Corrigez l’identifiant ou ajoutez la personne aux moyens.",
        "Fix the identifier or add the person to resources.",
    ),
)
def unknown_person(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        for role in ROLES:
            for position, person in enumerate(getattr(row, role)):
                if person not in ctx.person_ids:
                    yield (
                        ("responsibilities", index, role, position),
                        {"person": person, "activity": row.activity, "role": role},
                    )


@rule(
    "RACI004",
    Severity.ERROR,
    9,
    title=("Personne au-delà de ses heures", "Person over capacity"),
    message=(
        "Les Réalisateurs de « {activity} » ({channel}) — {people} — n’ont pas assez d’heures : "
        "{needed} h/semaine nécessaires, {covered} h possibles, il manque {missing} h.",
        "The people Responsible for '{activity}' ({channel}) — {people} — lack hours: "
        "{needed} h/week needed, {covered} h possible, {missing} h short.",
    ),
    hint=(
        "Ajoutez un Réalisateur à cette ligne du RACI, libérez du temps à ces personnes, ou "
        "réduisez la charge (fréquence, horaires couverts).",
        "Add someone Responsible on this RACI row, free up their time, or reduce the load "
        "(cadence, covered hours).",
    ),
)
def responsible_over_capacity(ctx: Context) -> Iterator[Hit]:
    rows = ctx.strategy.responsibilities
    for demand, missing in ctx.workload.shortfalls():
        if demand.eligible_source != "raci":
            continue
        channel = demand.channel or "all"
        index = next(
            (
                i
                for i, r in enumerate(rows)
                if r.activity == demand.activity and r.channel == channel
            ),
            None,
        )
        if index is None:
            index = next(
                i
                for i, r in enumerate(rows)
                if r.activity == demand.activity and r.channel == "all"
            )
        yield (
            ("responsibilities", index, "responsible"),
            {
                "activity": demand.activity,
                "channel": channel,
                "people": ", ".join(demand.eligible),
                "needed": Num(demand.hours_per_week),
                "covered": Num(ctx.workload.covered(demand)),
                "missing": Num(missing),
            },
        )


@rule(
    "RACI005",
    Severity.WARNING,
    9,
    title=("Activité clé sans responsable", "Key activity without owner"),
    message=(
        "Aucune ligne du RACI ne couvre l’activité « {activity} »{why}.",
        "No RACI row covers activity '{activity}'{why_en}.",
    ),
    hint=(
        "Ajoutez une ligne responsibilities avec activity: {activity} (channel: all suffit).",
        "Add a responsibilities row with activity: {activity} (channel: all is enough).",
    ),
)
def key_activity_uncovered(ctx: Context) -> Iterator[Hit]:
    covered = {r.activity for r in ctx.strategy.responsibilities}
    needed = {
        "create_content": ("", ""),
        "publish": ("", ""),
        "approve": ("", ""),
        "crisis": (" (en cas de crise, qui décide ?)", " (in a crisis, who decides?)"),
    }
    if any(c.purpose == "customer_care" for c in ctx.strategy.channels):
        needed["answer_customers"] = (
            " alors qu’un canal sert la relation client",
            " although a channel serves customer care",
        )
    if ctx.strategy.advertising.campaigns:
        needed["advertise"] = (
            " alors que des campagnes sont prévues",
            " although campaigns are planned",
        )
    for activity, (why, why_en) in needed.items():
        if activity not in covered:
            yield ("responsibilities",), {"activity": activity, "why": why, "why_en": why_en}


@rule(
    "RACI006",
    Severity.ERROR,
    9,
    title=("Canal inconnu dans le RACI", "Unknown channel in the RACI"),
    message=(
        "La ligne « {activity} » vise le canal « {channel} », qui n’est pas déclaré.",
        "Row '{activity}' targets channel '{channel}', which is not declared.",
    ),
    hint=("Utilisez un identifiant de channels, ou all.", "Use an id from channels, or all."),
)
def raci_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if row.channel != "all" and row.channel not in ctx.channel_ids:
            yield (
                ("responsibilities", index, "channel"),
                {"activity": row.activity, "channel": row.channel},
            )


@rule(
    "RACI007",
    Severity.WARNING,
    9,
    title=("Ligne du RACI en double", "Duplicate RACI row"),
    message=(
        "L’activité « {activity} » ({channel}) a plusieurs lignes : laquelle fait foi ?",
        "Activity '{activity}' ({channel}) has several rows: which one holds?",
    ),
    hint=("Fusionnez ces lignes.", "Merge these rows."),
)
def duplicate_row(ctx: Context) -> Iterator[Hit]:
    seen: set[tuple[str, str]] = set()
    for index, row in enumerate(ctx.strategy.responsibilities):
        key = (row.activity, row.channel)
        if key in seen:
            yield ("responsibilities", index), {"activity": row.activity, "channel": row.channel}
        seen.add(key)


@rule(
    "RACI008",
    Severity.INFO,
    9,
    title=("Approbateur qui fait aussi le travail", "Accountable also doing the work"),
    message=(
        "Pour « {activity} » ({channel}), {person} est à la fois Réalisateur et Approbateur : "
        "personne ne relit.",
        "For '{activity}' ({channel}), {person} is both Responsible and Accountable: nobody "
        "reviews.",
    ),
    hint=(
        "Confiez l’approbation à quelqu’un d’autre si la taille de l’équipe le permet.",
        "Give approval to someone else if the team is large enough.",
    ),
)
def self_approval(ctx: Context) -> Iterator[Hit]:
    for index, row in enumerate(ctx.strategy.responsibilities):
        if row.activity in ("approve", "create_content") and len(ctx.person_ids) > 1:
            for person in set(row.responsible) & set(row.accountable):
                yield (
                    ("responsibilities", index),
                    {"activity": row.activity, "channel": row.channel, "person": person},
                )
