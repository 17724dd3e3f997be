"""Question 7: how often each channel publishes, against the platform's reference."""

from __future__ import annotations

from stratege.reports import charts
from stratege.reports.context import DASH, Context
from stratege.reports.document import Figure, Section, Table
from stratege.reports.sections.answer import answer
from stratege.reports.sections.calendar import month_grid, weekly_posts
from stratege.strategy.model import Cadence


def section(context: Context) -> Section:
    _ = context._
    figure = Figure(
        _("Posts per week and channel over the period"),
        charts.posts_per_week(context),
        _("Stacked bars: the number of posts planned each week, per channel."),
    )
    return answer(
        context, 7, [_cadence(context), month_grid(context), weekly_posts(context), figure]
    )


def _cadence(context: Context) -> Table:
    _ = context._
    header = [_("Channel"), _("Posts per week"), _("Reference"), _("Windows")]
    rows = [_cadence_row(context, c) for c in context.strategy.cadence]
    caption = _("Cadence (posts per week) and publishing windows")
    return Table(caption, header, rows, [False, True, False, False])


def _cadence_row(context: Context, cadence: Cadence) -> list[str]:
    return [
        context.channel(cadence.channel),
        context.number(cadence.posts_per_week),
        _reference(context, cadence.channel),
        _windows(context, cadence),
    ]


def _reference(context: Context, channel_id: str) -> str:
    """The platform's reference cadence, posts per week."""
    channel = context.strategy.channel(channel_id)
    platform = context.knowledge.platforms.get(channel.platform) if channel else None
    if platform is None:
        return DASH
    low, high = platform.cadence.min, platform.cadence.max
    return context._("{low} to {high}", low=context.number(low), high=context.number(high))


def _windows(context: Context, cadence: Cadence) -> str:
    days = context.words.many
    windows = [
        f"{context.join(days('weekday-short', w.days))} {w.start:%H:%M}–{w.end:%H:%M}"
        for w in cadence.windows
    ]
    return context.series(windows) or context._("platform default")
