"""Question 7 — publishing frequency, windows, and customer-care commitments."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Num, Severity, rule
from stratege.planning.workload import eligible_people
from stratege.strategy.model import WEEK_DAYS, Person, TimeWindow


@rule(
    "CAD001",
    Severity.ERROR,
    7,
    title=("Canal sans fréquence", "Channel without cadence"),
    message=(
        "Le canal « {id} » n’a pas de fréquence de publication.",
        "Channel '{id}' has no publishing cadence.",
    ),
    hint=(
        "Ajoutez dans cadence une entrée channel: {id} (référence {platform} : {typical} "
        "publications par semaine).",
        "Add to cadence an entry channel: {id} (reference for {platform}: {typical} posts "
        "per week).",
    ),
)
def channel_without_cadence(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        if ctx.strategy.cadence_of(channel.id) is None:
            platform = ctx.knowledge.platforms.get(channel.platform)
            typical = Num(platform.cadence.typical) if platform else "?"
            yield (
                ("channels", index),
                {"id": channel.id, "platform": channel.platform, "typical": typical},
            )


@rule(
    "CAD002",
    Severity.ERROR,
    7,
    title=("Fréquence pour un canal inconnu", "Cadence for an unknown channel"),
    message=(
        "Une fréquence vise le canal « {channel} », qui n’est pas déclaré.",
        "A cadence targets channel '{channel}', which is not declared.",
    ),
    hint=("Utilisez un identifiant de la section channels.", "Use an id from channels."),
)
def cadence_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        if cadence.channel not in ctx.channel_ids:
            yield ("cadence", index, "channel"), {"channel": cadence.channel}


def _reference(ctx: Context, index: int):  # type: ignore[no-untyped-def]
    cadence = ctx.strategy.cadence[index]
    channel = ctx.strategy.channel(cadence.channel)
    platform = ctx.knowledge.platforms.get(channel.platform) if channel else None
    return cadence, channel, platform


@rule(
    "CAD003",
    Severity.WARNING,
    7,
    title=("Fréquence sous la référence", "Cadence below reference"),
    message=(
        "Le canal « {id} » publiera {posts} fois par semaine, sous la référence {platform} "
        "({low} à {high}).",
        "Channel '{id}' will post {posts} times a week, below the {platform} reference "
        "({low} to {high}).",
    ),
    hint=(
        "Publiez plus souvent ou assumez une présence plus discrète (knowledge.platforms pour "
        "changer la référence).",
        "Post more often or accept a quieter presence (knowledge.platforms to change the "
        "reference).",
    ),
)
def cadence_below(ctx: Context) -> Iterator[Hit]:
    yield from _outside_reference(ctx, below=True)


@rule(
    "CAD004",
    Severity.WARNING,
    7,
    title=("Fréquence au-dessus de la référence", "Cadence above reference"),
    message=(
        "Le canal « {id} » publiera {posts} fois par semaine, au-dessus de la référence "
        "{platform} ({low} à {high}) : risque de lasser l’audience.",
        "Channel '{id}' will post {posts} times a week, above the {platform} reference "
        "({low} to {high}): the audience may tire of it.",
    ),
    hint=(
        "Réduisez la fréquence, ou justifiez-la (compte de relation client, temps fort).",
        "Reduce the cadence, or justify it (customer-care account, key moment).",
    ),
)
def cadence_above(ctx: Context) -> Iterator[Hit]:
    yield from _outside_reference(ctx, below=False)


def _outside_reference(ctx: Context, below: bool) -> Iterator[Hit]:
    for index in range(len(ctx.strategy.cadence)):
        cadence, channel, platform = _reference(ctx, index)
        if platform is None or channel is None:
            continue
        posts, reference = cadence.posts_per_week, platform.cadence
        if (posts < reference.min) if below else (posts > reference.max):
            yield (
                ("cadence", index, "posts"),
                {
                    "id": channel.id,
                    "posts": Num(posts),
                    "platform": channel.platform,
                    "low": Num(reference.min),
                    "high": Num(reference.max),
                },
            )


@rule(
    "CAD005",
    Severity.ERROR,
    7,
    title=("Créneau vide", "Empty time window"),
    message=(
        "Un créneau de {field} du canal « {channel} » finit ({end}) avant de commencer ({start}).",
        "A {field} window of channel '{channel}' ends ({end}) before it starts ({start}).",
    ),
    hint=("Corrigez start ou end (format HH:MM).", "Fix start or end (HH:MM)."),
)
def empty_window(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        for field in ("windows", "covered_hours"):
            for position, window in enumerate(getattr(cadence, field)):
                if window.end <= window.start:
                    yield (
                        ("cadence", index, field, position),
                        {
                            "channel": cadence.channel,
                            "field": field,
                            "start": window.start,
                            "end": window.end,
                        },
                    )


@rule(
    "CAD006",
    Severity.ERROR,
    7,
    title=("Relation client sans délai promis", "Customer care without response time"),
    message=(
        "Le canal de relation client « {id} » ne promet aucun délai de réponse.",
        "Customer-care channel '{id}' promises no response time.",
    ),
    hint=(
        "Fixez response_time_hours dans sa fréquence (par exemple 1 ou 4 heures).",
        "Set response_time_hours in its cadence (for example 1 or 4 hours).",
    ),
)
def care_without_response_time(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        cadence = ctx.strategy.cadence_of(channel.id)
        if channel.purpose == "customer_care" and (not cadence or not cadence.response_time_hours):
            yield ("channels", index), {"id": channel.id}


@rule(
    "CAD007",
    Severity.WARNING,
    7,
    title=("Relation client sans horaires", "Customer care without covered hours"),
    message=(
        "Le canal de relation client « {id} » ne dit pas à quelles heures les messages sont "
        "traités.",
        "Customer-care channel '{id}' does not say when messages are answered.",
    ),
    hint=(
        "Indiquez covered_hours (jours et heures) dans sa fréquence.",
        "Set covered_hours (days and hours) in its cadence.",
    ),
)
def care_without_hours(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        cadence = ctx.strategy.cadence_of(channel.id)
        if channel.purpose == "customer_care" and (not cadence or not cadence.covered_hours):
            yield ("channels", index), {"id": channel.id}


@rule(
    "CAD008",
    Severity.WARNING,
    7,
    title=("Heures couvertes où personne ne travaille", "Covered hours nobody works"),
    message=(
        "Le canal « {id} » promet des réponses le {day} de {start} à {end}, mais aucune "
        "personne chargée de répondre ne travaille à ce moment-là.",
        "Channel '{id}' promises answers on {day_en} from {start} to {end}, but nobody in "
        "charge of answering works then.",
    ),
    hint=(
        "Ajustez covered_hours, les horaires (working_hours) des personnes Responsables de "
        "answer_customers, ou ajoutez quelqu’un.",
        "Adjust covered_hours, the working_hours of the people Responsible for "
        "answer_customers, or add someone.",
    ),
)
def covered_hours_unstaffed(ctx: Context) -> Iterator[Hit]:
    for index, cadence in enumerate(ctx.strategy.cadence):
        channel = ctx.strategy.channel(cadence.channel)
        if channel is None or channel.purpose != "customer_care":
            continue
        people = _answerers(ctx, channel.id)
        default = ctx.knowledge.defaults.working_hours
        for position, window in enumerate(cadence.covered_hours):
            for day in window.days:
                if not any(_works(p, day, window, default) for p in people):
                    yield (
                        ("cadence", index, "covered_hours", position),
                        {
                            "id": channel.id,
                            "day": DAY_NAMES_FR[day],
                            "day_en": DAY_NAMES_EN[day],
                            "start": window.start.strftime("%H:%M"),
                            "end": window.end.strftime("%H:%M"),
                        },
                    )
                    break


DAY_NAMES_FR = dict(
    zip(
        WEEK_DAYS,
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        strict=True,
    )
)
DAY_NAMES_EN = dict(
    zip(
        WEEK_DAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


def _answerers(ctx: Context, channel_id: str) -> list[Person]:
    eligible, _, _ = eligible_people(ctx.strategy, "answer_customers", channel_id)
    return [p for p in ctx.strategy.resources.people if p.id in eligible]


def _works(person: Person, day: str, window: TimeWindow, default: list[TimeWindow]) -> bool:
    """Does the person work at least part of this window on this day?"""
    for shift in person.working_hours or default:
        if day in shift.days and shift.start < window.end and window.start < shift.end:
            return True
    return False
