"""Question 6 — content: pillars, format mix per channel, platform compatibility, tone."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule

SHARE_TOLERANCE = 0.5  # percentage points: rounding in hand-written shares


@rule(
    "CNT001",
    Severity.ERROR,
    6,
    title=("Piliers ≠ 100 %", "Pillars ≠ 100%"),
    message=(
        "Les parts des piliers éditoriaux totalisent {total} %, pas 100 %.",
        "Content pillar shares add up to {total}%, not 100%.",
    ),
    hint=(
        "Ajustez les share de content.pillars pour que leur somme fasse 100.",
        "Adjust content.pillars shares so that they add up to 100.",
    ),
)
def pillars_not_100(ctx: Context) -> Iterator[Hit]:
    pillars = ctx.strategy.content.pillars
    total = sum(p.share for p in pillars)
    if pillars and abs(total - 100) > SHARE_TOLERANCE:
        yield ("content", "pillars"), {"total": round(total, 1)}


@rule(
    "CNT002",
    Severity.ERROR,
    6,
    title=("Formats ≠ 100 %", "Formats ≠ 100%"),
    message=(
        "Les formats du canal « {channel} » totalisent {total} %, pas 100 %.",
        "Format shares of channel '{channel}' add up to {total}%, not 100%.",
    ),
    hint=("Ajustez les parts pour que leur somme fasse 100.", "Make the shares add up to 100."),
)
def formats_not_100(ctx: Context) -> Iterator[Hit]:
    for index, mix in enumerate(ctx.strategy.content.formats):
        total = sum(mix.mix.values())
        if abs(total - 100) > SHARE_TOLERANCE:
            yield (
                ("content", "formats", index, "mix"),
                {"channel": mix.channel, "total": round(total, 1)},
            )


@rule(
    "CNT003",
    Severity.ERROR,
    6,
    title=("Format non pris en charge", "Format not supported"),
    message=(
        "Le canal « {channel} » prévoit le format « {format} », que {platform} ne permet pas.",
        "Channel '{channel}' plans format '{format}', which {platform} does not support.",
    ),
    hint=(
        "Formats possibles sur {platform} : {supported}.",
        "Formats possible on {platform}: {supported}.",
    ),
)
def unsupported_format(ctx: Context) -> Iterator[Hit]:
    for index, mix in enumerate(ctx.strategy.content.formats):
        channel = ctx.strategy.channel(mix.channel)
        platform = ctx.knowledge.platforms.get(channel.platform) if channel else None
        if platform is None:
            continue
        for format_id in mix.mix:
            if format_id in ctx.knowledge.formats and format_id not in platform.formats:
                yield (
                    ("content", "formats", index, "mix", format_id),
                    {
                        "channel": mix.channel,
                        "format": format_id,
                        "platform": channel.platform,
                        "supported": ", ".join(platform.formats),
                    },
                )


@rule(
    "CNT004",
    Severity.ERROR,
    6,
    title=("Format inconnu", "Unknown format"),
    message=(
        "Le canal « {channel} » prévoit le format « {format} », inconnu.",
        "Channel '{channel}' plans format '{format}', which is unknown.",
    ),
    hint=("Formats connus : {known}.", "Known formats: {known}."),
)
def unknown_format(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.formats
    for index, mix in enumerate(ctx.strategy.content.formats):
        for format_id in mix.mix:
            if format_id not in known:
                yield (
                    ("content", "formats", index, "mix", format_id),
                    {"channel": mix.channel, "format": format_id, "known": ", ".join(known)},
                )


@rule(
    "CNT005",
    Severity.WARNING,
    6,
    title=("Canal sans formats", "Channel without format mix"),
    message=(
        "Le canal « {id} » n’a pas de répartition de formats : la charge de production ne "
        "peut pas être estimée.",
        "Channel '{id}' has no format mix: production workload cannot be estimated.",
    ),
    hint=(
        "Ajoutez dans content.formats une entrée channel: {id} avec les parts de chaque format.",
        "Add to content.formats an entry channel: {id} with the share of each format.",
    ),
)
def channel_without_mix(ctx: Context) -> Iterator[Hit]:
    mixed = {m.channel for m in ctx.strategy.content.formats}
    for index, channel in enumerate(ctx.strategy.channels):
        if channel.id not in mixed:
            yield ("channels", index), {"id": channel.id}


@rule(
    "CNT006",
    Severity.ERROR,
    6,
    title=("Formats pour un canal inconnu", "Format mix for an unknown channel"),
    message=(
        "Une répartition de formats vise le canal « {channel} », qui n’est pas déclaré.",
        "A format mix targets channel '{channel}', which is not declared.",
    ),
    hint=("Utilisez un identifiant de la section channels.", "Use an id from channels."),
)
def mix_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, mix in enumerate(ctx.strategy.content.formats):
        if mix.channel not in ctx.channel_ids:
            yield ("content", "formats", index, "channel"), {"channel": mix.channel}


@rule(
    "CNT007",
    Severity.WARNING,
    6,
    title=("Aucun pilier éditorial", "No content pillar"),
    message=(
        "Aucun pilier éditorial n’est défini : de quoi parlerez-vous ?",
        "No content pillar is defined: what will you talk about?",
    ),
    hint=(
        "Définissez trois à cinq piliers (content.pillars) avec leur part et leurs objectifs.",
        "Define three to five pillars (content.pillars) with their share and objectives.",
    ),
)
def no_pillar(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.content.pillars:
        yield ("content", "pillars"), {}


@rule(
    "CNT008",
    Severity.WARNING,
    6,
    title=("Pilier sans objectif", "Pillar serving no objective"),
    message=(
        "Le pilier « {id} » ne sert aucun objectif déclaré.",
        "Pillar '{id}' serves no declared objective.",
    ),
    hint=(
        "Listez dans objectives les objectifs que ce pilier sert.",
        "List in objectives what this pillar serves.",
    ),
)
def pillar_without_objective(ctx: Context) -> Iterator[Hit]:
    for index, pillar in enumerate(ctx.strategy.content.pillars):
        if not any(o in ctx.objective_ids for o in pillar.objectives):
            yield ("content", "pillars", index, "objectives"), {"id": pillar.id}


@rule(
    "CNT009",
    Severity.INFO,
    6,
    title=("Ton non défini", "No tone"),
    message=(
        "Le ton éditorial n’est pas défini (expertise, proximité, humour…).",
        "The editorial tone is not defined (expertise, proximity, humour…).",
    ),
    hint=(
        "Choisissez un ou deux tons dans content.tones.",
        "Pick one or two tones in content.tones.",
    ),
)
def no_tone(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.content.tones:
        yield ("content", "tones"), {}


@rule(
    "CNT010",
    Severity.WARNING,
    6,
    title=("Ton inconnu", "Unknown tone"),
    message=("Le ton « {tone} » est inconnu.", "Tone '{tone}' is unknown."),
    hint=("Tons connus : {known}.", "Known tones: {known}."),
)
def unknown_tone(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.tones
    for position, tone in enumerate(ctx.strategy.content.tones):
        if tone not in known:
            yield ("content", "tones", position), {"tone": tone, "known": ", ".join(known)}
