"""Shortfalls in words: which work, how many hours a week, which weeks.

Shown by `stratege plan` and in the strategy document's diagnostics, so worded through
gettext like the rest of the document.
"""

from __future__ import annotations

import datetime as dt

from stratege.i18n import Lang
from stratege.i18n.catalogue import translator
from stratege.i18n.numbers import num
from stratege.planning.plan import Plan
from stratege.planning.shortfalls import Shortfall
from stratege.reports.labels import ACTIVITIES as ACTIVITY_IDS


def format_name(plan: Plan, format_id: str, lang: Lang) -> str:
    definition = plan.knowledge.formats.get(format_id)
    return definition.name.get(lang, format_id) if definition else format_id


def describe_shortfall(plan: Plan, shortfall: Shortfall, lang: Lang) -> str:
    """'Short video (video editing): 14 h/week needed, 4 h available, weeks 12–20 (…)'.

    Shown in the terminal and in the strategy document, so worded through gettext.
    """
    _ = translator(lang)
    work = _(ACTIVITY_IDS.get(shortfall.activity, shortfall.activity))
    if shortfall.format:
        skill = plan.knowledge.skills.get(shortfall.skill or "", {}).get(lang, shortfall.skill)
        work = f"{format_name(plan, shortfall.format, lang)} ({skill})"
    elif shortfall.channel:
        work = _("{activity}, {channel}", activity=work, channel=shortfall.channel)
    return _(
        "{work}: {needed} h/week needed, {available} h available, {weeks}",
        work=work[0].upper() + work[1:],
        needed=num(shortfall.needed, lang, 1),
        available=num(shortfall.available, lang, 1),
        weeks=_weeks(shortfall, lang),
    )


def _weeks(shortfall: Shortfall, lang: Lang) -> str:
    _ = translator(lang)
    first, last = shortfall.first_week, shortfall.last_week
    end = last + dt.timedelta(days=6)
    numbers: tuple[str, str] = (str(first.isocalendar().week), str(last.isocalendar().week))
    if first.isocalendar().year != last.isocalendar().year:
        numbers = (
            f"{numbers[0]}/{first.isocalendar().year}",
            f"{numbers[1]}/{last.isocalendar().year}",
        )
    if first == last:
        return _("week {a} ({start} to {end})", a=numbers[0], start=first, end=end)
    return _("weeks {a}–{b} ({start} to {end})", a=numbers[0], b=numbers[1], start=first, end=end)
