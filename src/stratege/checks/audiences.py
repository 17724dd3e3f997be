"""Question 5 — audiences, where they are, and the channels that reach them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from stratege.checks.context import Context
from stratege.checks.registry import Hit, Severity, rule
from stratege.checks.values import Closest, Known, Label, Labels, Msg
from stratege.i18n.catalogue import N_
from stratege.strategy.model import Kpi, Pillar


@rule(
    "TGT001",
    Severity.ERROR,
    5,
    title=N_("No audience"),
    message=N_("No audience is declared."),
    hint=N_(
        "Declare your audiences (`audiences`): current customers, prospects, "
        "ambassadors, candidates…"
    ),
)
def no_audience(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.audiences:
        yield ("audiences",), {}


@rule(
    "TGT002",
    Severity.WARNING,
    5,
    title=N_("Audience reached by no channel"),
    message=N_("Audience '{id}' is reached by no channel."),
    hint=N_("Add `{id}` to the `audiences` of a channel on {platforms}."),
)
def audience_without_channel(ctx: Context) -> Iterator[Hit]:
    reached = {a for c in ctx.strategy.channels for a in c.audiences}
    for index, audience in enumerate(ctx.strategy.audiences):
        if audience.id not in reached:
            platforms = Labels.of("platform", audience.platforms, ctx.knowledge)
            yield ("audiences", index), {"id": audience.id, "platforms": platforms}


@rule(
    "TGT003",
    Severity.WARNING,
    5,
    title=N_("Where the audience is, unknown"),
    message=N_("It is not known on which platforms audience '{id}' is present."),
    hint=N_("List in `platforms` where it can be found (`facebook`, `linkedin`…)."),
)
def audience_nowhere(ctx: Context) -> Iterator[Hit]:
    for index, audience in enumerate(ctx.strategy.audiences):
        if not audience.platforms:
            yield ("audiences", index, "platforms"), {"id": audience.id}


@rule(
    "TGT004",
    Severity.INFO,
    5,
    title=N_("Audience searching with search engines"),
    message=N_(
        "Audience '{id}' searches with search engines, yet no website, no durably indexed "
        "channel (blog, YouTube, Pinterest) and no SEO objective waits for it there."
    ),
    hint=N_(
        "Declare the website (`organisation.website`), open a blog or a YouTube "
        "channel, or set an objective of kind `seo`."
    ),
)
def search_without_seo(ctx: Context) -> Iterator[Hit]:
    has_seo = any(o.kind == "seo" for o in ctx.strategy.objectives)
    indexed = {k for k, p in ctx.knowledge.platforms.items() if p.search_indexed}
    if has_seo or ctx.strategy.organisation.website or ctx.channel_platforms & indexed:
        return
    for index, audience in enumerate(ctx.strategy.audiences):
        if "search_engines" in audience.information_sources:
            yield ("audiences", index, "information_sources"), {"id": audience.id}


@rule(
    "TGT005",
    Severity.ERROR,
    5,
    title=N_("Unknown platform"),
    message=N_("Audience '{id}' is said to be on '{platform}', an unknown platform."),
    hint=N_("{closest}Known platforms: {known}."),
)
def audience_unknown_platform(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.platforms
    for index, audience in enumerate(ctx.strategy.audiences):
        for position, platform in enumerate(audience.platforms):
            if platform not in known:
                yield (
                    ("audiences", index, "platforms", position),
                    {
                        "id": audience.id,
                        "platform": platform,
                        "known": Known.of("platform", known, ctx.knowledge),
                        "closest": Closest.of("platform", platform, known, ctx.knowledge),
                    },
                )


@rule(
    "CHN001",
    Severity.ERROR,
    5,
    title=N_("No channel"),
    message=N_("No channel is declared."),
    hint=N_("Declare the accounts you will run (`channels`: `platform`, `handle`, `purpose`)."),
)
def no_channel(ctx: Context) -> Iterator[Hit]:
    if not ctx.strategy.channels:
        yield ("channels",), {}


@rule(
    "CHN002",
    Severity.ERROR,
    5,
    title=N_("Unknown channel platform"),
    message=N_("Channel '{id}' is on '{platform}', an unknown platform."),
    hint=N_("{closest}Known platforms: {known}; or declare it under `knowledge.platforms`."),
)
def channel_unknown_platform(ctx: Context) -> Iterator[Hit]:
    known = ctx.knowledge.platforms
    for index, channel in enumerate(ctx.strategy.channels):
        if channel.platform not in known:
            yield (
                ("channels", index, "platform"),
                {
                    "id": channel.id,
                    "platform": channel.platform,
                    "known": Known.of("platform", known, ctx.knowledge),
                    "closest": Closest.of("platform", channel.platform, known, ctx.knowledge),
                },
            )


@rule(
    "CHN003",
    Severity.WARNING,
    5,
    title=N_("Channel reaching no audience"),
    message=N_("Channel '{id}' reaches no declared audience."),
    hint=N_("List in `audiences` who this channel should reach, or drop the channel."),
)
def channel_without_audience(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        if not any(a in ctx.audience_ids for a in channel.audiences):
            yield ("channels", index, "audiences"), {"id": channel.id}


@rule(
    "CHN004",
    Severity.WARNING,
    5,
    title=N_("Channel where its audiences are not"),
    message=N_(
        "Channel '{id}' is on {platform}, where none of its audiences ({audiences}) is present."
    ),
    hint=N_("Check the audiences' platforms (`audiences[].platforms`) or the choice of channel."),
)
def channel_misplaced(ctx: Context) -> Iterator[Hit]:
    audiences = {a.id: a for a in ctx.strategy.audiences}
    for index, channel in enumerate(ctx.strategy.channels):
        mine = [audiences[a] for a in channel.audiences if a in audiences]
        located = [a for a in mine if a.platforms]
        if located and not any(channel.platform in a.platforms for a in located):
            yield (
                ("channels", index, "platform"),
                {
                    "id": channel.id,
                    "platform": Label("platform", channel.platform, ctx.knowledge),
                    "audiences": ", ".join(a.name for a in located),
                },
            )


@rule(
    "CHN005",
    Severity.ERROR,
    5,
    title=N_("Unknown reference in a channel"),
    message=N_("Channel '{id}' refers to '{ref}', missing from `{section}`."),
    hint=N_("Fix the identifier or declare the item in `{section}`."),
)
def channel_unknown_reference(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        for field, known in (("audiences", ctx.audience_ids), ("objectives", ctx.objective_ids)):
            for position, ref in enumerate(getattr(channel, field)):
                if ref not in known:
                    yield (
                        ("channels", index, field, position),
                        {"id": channel.id, "ref": ref, "section": field},
                    )


@rule(
    "CHN006",
    Severity.WARNING,
    5,
    title=N_("Channel serving no objective"),
    message=N_("Channel '{id}' serves no objective."),
    hint=N_("List in `objectives` what this channel must achieve."),
)
def channel_without_objective(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        if not channel.objectives:
            yield ("channels", index, "objectives"), {"id": channel.id}


@rule(
    "CHN007",
    Severity.WARNING,
    5,
    title=N_("Customer care on an unsuitable platform"),
    message=N_(
        "Channel '{id}' is for customer care, but {platform} is not suited to it (no "
        "private messages or threaded replies)."
    ),
    hint=N_("Choose a suitable platform (X, Facebook, Instagram…) or change `purpose`."),
)
def care_on_unsuitable_platform(ctx: Context) -> Iterator[Hit]:
    for index, channel in enumerate(ctx.strategy.channels):
        platform = ctx.knowledge.platforms.get(channel.platform)
        if channel.customer_care and platform and not platform.supports_customer_care:
            platform_name = Label("platform", channel.platform, ctx.knowledge)
            yield ("channels", index, "purpose"), {"id": channel.id, "platform": platform_name}


@rule(
    "TGT006",
    Severity.INFO,
    5,
    title=N_("Audience with no content and no measure"),
    message=N_("No content pillar speaks to audience '{id}' and no KPI measures it."),
    hint=N_(
        "Name it in the `audiences` of a pillar (`content.pillars`) and of a KPI (`kpis`), "
        "or drop the audience."
    ),
)
def audience_unserved(ctx: Context) -> Iterator[Hit]:
    pillars = {a for p in ctx.strategy.content.pillars for a in p.audiences}
    kpis = {a for k in ctx.strategy.kpis for a in k.audiences}
    if not pillars and not kpis:
        return  # TGT007 says it once for the whole strategy
    for index, audience in enumerate(ctx.strategy.audiences):
        if audience.id not in pillars and audience.id not in kpis:
            yield ("audiences", index), {"id": audience.id}


@rule(
    "TGT007",
    Severity.INFO,
    5,
    title=N_("Audiences not linked to content or measurement"),
    message=N_(
        "No content pillar and no KPI names the audiences it is for: nothing shows which "
        "content serves whom, nor how each audience is measured."
    ),
    hint=N_(
        "List in each pillar's `audiences` who it speaks to, and in each KPI's `audiences` "
        "who it measures."
    ),
)
def audiences_unlinked(ctx: Context) -> Iterator[Hit]:
    strategy = ctx.strategy
    linked = any(p.audiences for p in strategy.content.pillars) or any(
        k.audiences for k in strategy.kpis
    )
    if strategy.audiences and not linked:
        yield ("content", "pillars"), {}


@rule(
    "TGT008",
    Severity.ERROR,
    5,
    title=N_("Unknown audience in a pillar or a KPI"),
    message=N_("{where} '{id}' names audience '{audience}', which is not declared."),
    hint=N_("{closest}Use an id from `audiences`."),
)
def unknown_linked_audience(ctx: Context) -> Iterator[Hit]:
    strategy = ctx.strategy
    linked: tuple[tuple[tuple[str, ...], Sequence[Pillar | Kpi], str], ...] = (
        (("content", "pillars"), strategy.content.pillars, N_("The pillar")),
        (("kpis",), strategy.kpis, N_("The KPI")),
    )
    for section, items, what in linked:
        for index, item in enumerate(items):
            for position, audience in enumerate(item.audiences):
                if audience not in ctx.audience_ids:
                    yield (
                        (*section, index, "audiences", position),
                        {
                            "where": Msg.of(what),
                            "id": item.id,
                            "audience": audience,
                            "closest": Closest.of("audience", audience, ctx.audience_ids),
                        },
                    )
