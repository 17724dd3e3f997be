"""The editorial calendar in tables: the first month day by day, then every week."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from stratege.i18n.numbers import month
from stratege.planning.days import week_start
from stratege.planning.slots import posts_per_week_by_channel
from stratege.reports.context import Context
from stratege.reports.document import Table
from stratege.timewindow import WEEK_DAYS

WEEK = dt.timedelta(days=7)


def month_grid(context: Context) -> Table:
    """The first month as a calendar: one row per week, one column per day."""
    first = context.plan.horizon.start.replace(day=1)
    following = _next_month(first)
    posts = _posts_by_day(context, first, following)
    rows, monday = [], week_start(first)
    while monday < following:
        days = [monday + dt.timedelta(days=offset) for offset in range(7)]
        rows.append(
            [_day_cell(context, d, posts[d]) if first <= d < following else "" for d in days]
        )
        monday += WEEK
    caption = context._(
        "Calendar of {month}: posts per channel each day", month=month(first, context.lang)
    )
    return Table(caption, context.words.many("weekday-short", WEEK_DAYS), rows)


def _next_month(first: dt.date) -> dt.date:
    return (first + dt.timedelta(days=32)).replace(day=1)


def _posts_by_day(
    context: Context, first: dt.date, following: dt.date
) -> dict[dt.date, Counter[str]]:
    by_day: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for slot in context.plan.slots:
        if first <= slot.start.date() < following:
            by_day[slot.start.date()][slot.channel] += 1
    return by_day


def _day_cell(context: Context, day: dt.date, posts: Counter[str]) -> str:
    """ "3 — Facebook 2, Instagram 1": the day of the month, then the posts per channel."""
    counts = ", ".join(
        f"{context.channel(channel)} {context.count(n)}" for channel, n in sorted(posts.items())
    )
    return f"{day.day}" + (f" — {counts}" if counts else "")


def weekly_posts(context: Context) -> Table:
    """Posts per channel and ISO week, over the whole period."""
    _ = context._
    channels = [c.channel for c in context.strategy.cadence]
    counts = posts_per_week_by_channel(context.plan.slots)
    rows = [
        [_week(context, w), *(context.count(counts[c][w]) for c in channels)]
        for w in context.plan.horizon.weeks
    ]
    header = [_("Week"), *(context.channel(c) for c in channels)]
    return Table(_("Posts per channel per week"), header, rows, [False, *([True] * len(channels))])


def _week(context: Context, monday: dt.date) -> str:
    return context._(
        "week {number} ({date})", number=monday.isocalendar().week, date=context.short_date(monday)
    )
