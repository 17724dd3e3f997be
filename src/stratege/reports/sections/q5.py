"""Question 5: the audiences, where they are, and the channels that reach them."""

from __future__ import annotations

from stratege.reports.context import DASH, Context
from stratege.reports.document import Section, Table
from stratege.reports.sections.answer import answer
from stratege.strategy.model import Audience, Channel


def section(context: Context) -> Section:
    return answer(context, 5, [_audiences(context), _coverage(context), _channels(context)])


def _audiences(context: Context) -> Table:
    _ = context._
    header = [
        _("Audience"),
        _("Kind"),
        _("Description"),
        _("Where they are"),
        _("How they look for information"),
    ]
    rows = [_audience_row(context, a) for a in context.strategy.audiences]
    return Table(_("Audiences"), header, rows)


def _audience_row(context: Context, audience: Audience) -> list[str]:
    words = context.words
    return [
        audience.name,
        words("audience-kind", audience.kind),
        audience.description or DASH,
        context.join(words.many("platform", audience.platforms)),
        context.join(words.many("information-source", audience.information_sources)),
    ]


def _coverage(context: Context) -> Table:
    _, strategy = context._, context.strategy
    platforms = sorted(
        {p for a in strategy.audiences for p in a.platforms}
        | {c.platform for c in strategy.channels}
    )
    caption = _(
        "Coverage: audience × platform ('present': the audience is there; "
        "'reached': one of our channels targets it there)"
    )
    header = [_("Audience"), *context.words.many("platform", platforms)]
    rows = [[a.name, *(_reach(context, a, p) for p in platforms)] for a in strategy.audiences]
    return Table(caption, header, rows)


def _reach(context: Context, audience: Audience, platform: str) -> str:
    channels = context.strategy.channels
    if any(c.platform == platform and audience.id in c.audiences for c in channels):
        return context._("reached")
    return context._("present") if platform in audience.platforms else ""


def _channels(context: Context) -> Table:
    _ = context._
    header = [
        _("Channel"),
        _("Platform"),
        _("Account"),
        _("Purpose"),
        _("Audiences"),
        _("Objectives"),
    ]
    return Table(
        _("Channels"), header, [_channel_row(context, c) for c in context.strategy.channels]
    )


def _channel_row(context: Context, channel: Channel) -> list[str]:
    words = context.words
    return [
        channel.id,
        words.platform(channel.platform),
        channel.handle or DASH,
        context.join(words.many("channel-purpose", channel.purpose)),
        context.join(channel.audiences),
        context.join(channel.objectives),
    ]
