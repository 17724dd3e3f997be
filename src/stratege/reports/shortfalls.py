"""Shortfalls in words: which work, how many hours a week, which weeks.

Shown by `stratege plan` and in the strategy document's diagnostics, so worded through
gettext and the vocabulary like the rest of the document.
"""

from __future__ import annotations

import datetime as dt

from stratege.i18n import Lang
from stratege.i18n.catalogue import translator
from stratege.i18n.numbers import day, num, short_day
from stratege.planning.plan import Plan
from stratege.planning.shortfalls import Shortfall
from stratege.reports.names import channel_names
from stratege.vocabulary import Words


def describe_shortfall(plan: Plan, shortfall: Shortfall, lang: Lang) -> str:
    """'Content creation (video editing): 14 h/week needed, 4 h available, weeks 12–20 (…)'."""
    _ = translator(lang)
    work = shortfall_work(plan, shortfall, Words(lang, plan.knowledge))
    return _(
        "{work}: {needed} h/week needed, {available} h available, {weeks}",
        work=work[0].upper() + work[1:],
        needed=num(shortfall.needed, lang, 1),
        available=num(shortfall.available, lang, 1),
        weeks=_weeks(shortfall, lang),
    )


def shortfall_work(plan: Plan, shortfall: Shortfall, words: Words) -> str:
    """The work that lacks hands: the activity, with the skill it lacks (production) or its
    channel (the other activities)."""
    work = words.activity(shortfall.activity)
    if shortfall.skill:
        return f"{work} ({words.skill(shortfall.skill)})"
    if not shortfall.channel:
        return work
    channel = channel_names(plan.strategy, words).get(shortfall.channel, shortfall.channel)
    return translator(words.lang)("{activity}, {channel}", activity=work, channel=channel)


def _weeks(shortfall: Shortfall, lang: Lang) -> str:
    _ = translator(lang)
    first, last = shortfall.first_week, shortfall.last_week
    sunday = last + dt.timedelta(days=6)
    start = short_day(first, lang) if first.year == sunday.year else day(first, lang)
    end = day(sunday, lang)
    if first == last:
        return _("week {a} ({start} to {end})", a=_number(first, last), start=start, end=end)
    return _(
        "weeks {a}–{b} ({start} to {end})",
        a=_number(first, last),
        b=_number(last, first),
        start=start,
        end=end,
    )


def _number(week: dt.date, other: dt.date) -> str:
    """The ISO week number, with its year when the range spans two years."""
    iso = week.isocalendar()
    return f"{iso.week}/{iso.year}" if iso.year != other.isocalendar().year else str(iso.week)
