"""Question 6 — content: pillars, format mix per channel, platform compatibility, tone."""

from __future__ import annotations

from collections.abc import Iterator

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Known, Label, Num
from stratege.i18n.catalogue import N_

SHARE_TOLERANCE = 0.5  # percentage points: rounding in hand-written shares


@rule(
    "CNT001",
    Severity.ERROR,
    6,
    title=N_("Pillars ≠ 100%"),
    message=N_("Content pillar shares add up to {total}%, not 100%."),
    hint=N_("Adjust the `share` of `content.pillars` so that they add up to 100."),
)
def pillars_not_100(ctx: Context) -> Iterator[Hit]:
    pillars = ctx.strategy.content.pillars
    total = sum(p.share for p in pillars)
    if pillars and abs(total - 100) > SHARE_TOLERANCE:
        yield ("content", "pillars"), {"total": Num(total, 1)}


@rule(
    "CNT002",
    Severity.ERROR,
    6,
    title=N_("Formats ≠ 100%"),
    message=N_("Format shares of channel '{channel}' add up to {total}%, not 100%."),
    hint=N_("Make the shares add up to 100."),
)
def formats_not_100(ctx: Context) -> Iterator[Hit]:
    for index, mix in enumerate(ctx.strategy.content.formats):
        total = sum(mix.mix.values())
        if abs(total - 100) > SHARE_TOLERANCE:
            yield (
                ("content", "formats", index, "mix"),
                {"channel": mix.channel, "total": Num(total, 1)},
            )


@rule(
    "CNT003",
    Severity.ERROR,
    6,
    title=N_("Format not supported"),
    message=N_("Channel '{channel}' plans the format {format}, which {platform} does not support."),
    hint=N_("Formats possible on {platform}: {supported}."),
)
def unsupported_format(ctx: Context) -> Iterator[Hit]:
    for index, mix in enumerate(ctx.strategy.content.formats):
        channel = ctx.strategy.channel(mix.channel)
        platform = ctx.knowledge.platforms.get(channel.platform) if channel else None
        if platform is None or channel is None:
            continue
        for format_id in mix.mix:
            if format_id in ctx.knowledge.formats and format_id not in platform.formats:
                yield (
                    ("content", "formats", index, "mix", format_id),
                    {
                        "channel": mix.channel,
                        "format": Label("format", format_id, ctx.knowledge),
                        "platform": Label("platform", channel.platform, ctx.knowledge),
                        "supported": Known.of("format", platform.formats, ctx.knowledge),
                    },
                )


@rule(
    "CNT004",
    Severity.ERROR,
    6,
    title=N_("Unknown format"),
    message=N_("Channel '{channel}' plans format '{format}', which is unknown."),
    hint=N_("{closest}Known formats: {known}."),
)
def unknown_format(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.formats
    for index, mix in enumerate(ctx.strategy.content.formats):
        for format_id in mix.mix:
            if format_id not in known:
                yield (
                    ("content", "formats", index, "mix", format_id),
                    {
                        "channel": mix.channel,
                        "format": format_id,
                        "known": Known.of("format", known, ctx.knowledge),
                        "closest": Closest.of("format", format_id, known, ctx.knowledge),
                    },
                )


@rule(
    "CNT005",
    Severity.WARNING,
    6,
    title=N_("Channel without format mix"),
    message=N_("Channel '{id}' has no format mix: production workload cannot be estimated."),
    hint=N_("Add to `content.formats` an entry `channel: {id}` with the share of each format."),
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
    title=N_("Format mix for an unknown channel"),
    message=N_("A format mix targets channel '{channel}', which is not declared."),
    hint=N_("{closest}Use an id from `channels`."),
)
def mix_unknown_channel(ctx: Context) -> Iterator[Hit]:
    for index, mix in enumerate(ctx.strategy.content.formats):
        if mix.channel not in ctx.channel_ids:
            closest = Closest.of("channel", mix.channel, ctx.channel_ids)
            yield (
                ("content", "formats", index, "channel"),
                {"channel": mix.channel, "closest": closest},
            )


@rule(
    "CNT007",
    Severity.WARNING,
    6,
    title=N_("No content pillar"),
    message=N_("No content pillar is defined: what will you talk about?"),
    hint=N_("Define three to five pillars (`content.pillars`) with their share and objectives."),
)
def no_pillar(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.content.pillars:
        yield ("content", "pillars"), {}


@rule(
    "CNT008",
    Severity.WARNING,
    6,
    title=N_("Pillar serving no objective"),
    message=N_("Pillar '{id}' serves no declared objective."),
    hint=N_("List in `objectives` what this pillar serves."),
)
def pillar_without_objective(ctx: Context) -> Iterator[Hit]:
    for index, pillar in enumerate(ctx.strategy.content.pillars):
        if not any(o in ctx.objective_ids for o in pillar.objectives):
            yield ("content", "pillars", index, "objectives"), {"id": pillar.id}


@rule(
    "CNT009",
    Severity.INFO,
    6,
    title=N_("No tone"),
    message=N_("The editorial tone is not defined (expertise, proximity, humour…)."),
    hint=N_("Pick one or two tones in `content.tones`."),
)
def no_tone(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.content.tones:
        yield ("content", "tones"), {}


@rule(
    "CNT010",
    Severity.WARNING,
    6,
    title=N_("Unknown tone"),
    message=N_("Tone '{tone}' is unknown."),
    hint=N_("{closest}Known tones: {known}."),
)
def unknown_tone(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.tones
    for position, tone in enumerate(ctx.strategy.content.tones):
        if tone not in known:
            yield (
                ("content", "tones", position),
                {
                    "tone": tone,
                    "known": Known.of("tone", known, ctx.knowledge),
                    "closest": Closest.of("tone", tone, known, ctx.knowledge),
                },
            )
