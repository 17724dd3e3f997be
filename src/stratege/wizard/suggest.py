"""The wizard's suggestions: defaults that make pressing Enter give a coherent strategy.

Figures with a source (cadences, windows, recommended KPIs, efforts) come from the knowledge
base. The few tables here are starting points for a conversation, not reference data: a
format mix per platform and where each kind of audience is usually found.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from stratege.capacity.workload import estimate_workload
from stratege.knowledge.models import Knowledge, KpiDefinition
from stratege.strategy.model import Person, RaciRow, Strategy

BUSY_SHARE = 0.85  # suggested hours leave 15 % slack (the checks warn above 90 %)
CONTENT_SKILLS = ("copywriting", "graphic_design", "photography", "video_editing", "live_hosting")

PREFERRED_MIX: dict[str, dict[str, int]] = {
    "facebook": {"image": 50, "short_text": 30, "short_video": 20},
    "instagram": {"image": 40, "carousel": 20, "short_video": 20, "story": 20},
    "x": {"short_text": 70, "image": 30},
    "linkedin": {"short_text": 40, "image": 40, "carousel": 20},
    "youtube": {"long_video": 50, "short_video": 50},
    "tiktok": {"short_video": 100},
    "pinterest": {"image": 70, "carousel": 30},
    "flickr": {"image": 50, "carousel": 50},
    "blog": {"long_text": 100},
    "threads": {"short_text": 60, "image": 40},
    "bluesky": {"short_text": 70, "image": 30},
    "mastodon": {"short_text": 70, "image": 30},
    "snapchat": {"story": 70, "short_video": 30},
    "whatsapp_channel": {"short_text": 60, "image": 40},
}
GENERIC_ORDER = (
    "image",
    "short_text",
    "short_video",
    "carousel",
    "long_text",
    "story",
    "long_video",
    "live",
)

AUDIENCE_PLATFORMS: dict[str, tuple[str, ...]] = {
    "customers": ("facebook", "instagram"),
    "prospects": ("facebook", "instagram"),
    "ambassadors": ("instagram", "facebook"),
    "candidates": ("linkedin",),
    "employees": ("linkedin",),
    "journalists": ("x", "linkedin"),
    "influencers": ("instagram", "tiktok"),
    "partners": ("linkedin",),
    "citizens": ("facebook",),
    "investors": ("linkedin",),
    "other": ("facebook",),
}
AUDIENCE_SOURCES: dict[str, tuple[str, ...]] = {
    "customers": ("social_networks", "reviews", "word_of_mouth"),
    "prospects": ("search_engines", "reviews", "social_networks"),
    "ambassadors": ("social_networks", "word_of_mouth"),
    "candidates": ("social_networks", "search_engines", "word_of_mouth"),
    "employees": ("newsletters", "word_of_mouth"),
    "journalists": ("press", "social_networks"),
    "influencers": ("social_networks",),
    "partners": ("events", "newsletters", "social_networks"),
    "citizens": ("search_engines", "social_networks", "press"),
    "investors": ("press", "events"),
    "other": ("social_networks",),
}


# --- dates --------------------------------------------------------------------------------


def next_january(today: dt.date) -> dt.date:
    """The first 1 January after today: strategies are usually planned for the coming year."""
    return dt.date(today.year + 1, 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: dt.date, months: int) -> dt.date:
    """Last day of a period of ``months`` months starting on ``start``."""
    return add_months(start, months) - dt.timedelta(days=1)


# --- identifiers --------------------------------------------------------------------------


def slugify(text: str) -> str:
    """'Clients habitués' → 'clients-habitues' (ASCII, lower case, at most 40 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")


def unique_id(name: str, taken: set[str], fallback: str) -> str:
    """An identifier derived from ``name``, made unique within ``taken`` (which it joins)."""
    base = slugify(name) or fallback
    candidate, suffix = base, 2
    while candidate in taken:
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(candidate)
    return candidate


# --- shares -------------------------------------------------------------------------------


def equal_shares(count: int) -> list[int]:
    """Whole percentages as equal as possible, summing exactly to 100."""
    base, extra = divmod(100, count)
    return [base + (1 if index < extra else 0) for index in range(count)]


def to_hundred(weights: Mapping[str, float]) -> dict[str, int]:
    """Weights scaled to whole percentages summing to 100 (largest remainders round up)."""
    total = sum(weights.values())
    exact = {key: 100 * value / total for key, value in weights.items()}
    shares = {key: math.floor(value) for key, value in exact.items()}
    by_remainder = sorted(exact, key=lambda k: exact[k] - shares[k], reverse=True)
    for key in by_remainder[: 100 - sum(shares.values())]:
        shares[key] += 1
    return shares


def default_mix(platform_id: str, supported: Sequence[str]) -> dict[str, int]:
    """A sensible starting format mix for a platform, among the formats it supports."""
    mix = {f: s for f, s in PREFERRED_MIX.get(platform_id, {}).items() if f in supported}
    if not mix:
        ordered = [f for f in GENERIC_ORDER if f in supported] or list(supported)
        mix = dict(zip(ordered[:3], (50, 30, 20), strict=False))
    return to_hundred(mix) if mix else {}


# --- cadence ------------------------------------------------------------------------------


def cadence_of(posts_per_week: float) -> tuple[float, str]:
    """A weekly figure as a cadence row says it: (posts, per) — per day when it is a
    whole number a day (a reference of 7 a week is "1 per day"), else per week."""
    if posts_per_week >= 7 and posts_per_week % 7 == 0:
        return posts_per_week / 7, "day"
    return posts_per_week, "week"


# --- indicators ---------------------------------------------------------------------------


def suggested_target(baseline: float | None, definition: KpiDefinition) -> float | None:
    """A 20 % improvement on the baseline, in the metric's good direction; None if unknown."""
    if baseline is None:
        return None
    higher = definition.direction == "higher"
    target = baseline * (1.2 if higher else 0.8)
    if definition.unit == "percent" and higher:
        target = min(target, 100.0)
    decimals = 0 if definition.unit in ("count", "currency", "minutes") else 2
    target = round(target, decimals)
    improves = target > baseline if higher else target < baseline
    return target if improves else None


# --- workload and skills ------------------------------------------------------------------


def hours_needed(strategy: Strategy, knowledge: Knowledge) -> float:
    """Hours per week the strategy's cadence, formats and activities call for."""
    return estimate_workload(strategy, knowledge).total_needed


def suggested_hours(needed: float, already: float) -> int:
    """Hours per week for one more person so that the team is about 85 % busy."""
    missing = needed / BUSY_SHARE - already
    return max(math.ceil(missing), 2) if missing > 0 else 4


def skills_for(formats: Iterable[str], knowledge: Knowledge, care: bool) -> list[str]:
    """Skills the chosen formats and the day-to-day activities need, in knowledge-base order."""
    needed = {"community_management", "social_listening", "analytics"}
    for format_id in formats:
        definition = knowledge.formats.get(format_id)
        if definition:
            needed |= {*definition.skills, *definition.effort}
    if care:
        needed.add("customer_care")
    return [skill for skill in knowledge.skills if skill in needed]


def missing_skills(
    formats: Iterable[str], people: Sequence[Person], knowledge: Knowledge
) -> list[str]:
    """Skills the formats require that nobody has or plans to learn."""
    held = {s for p in people for s in (*p.skills, *p.training)}
    needed = (s for f in formats if f in knowledge.formats for s in knowledge.formats[f].skills)
    return [s for s in dict.fromkeys(needed) if s not in held]


def tool_categories(formats: Iterable[str], knowledge: Knowledge, care: bool) -> list[str]:
    """Tool categories the formats need, plus monitoring for a customer-care channel."""
    categories = [knowledge.formats[f].tool for f in formats if f in knowledge.formats]
    found = list(dict.fromkeys(c for c in categories if c))
    return [*found, "monitoring"] if care and "monitoring" not in found else found


# --- responsibilities ---------------------------------------------------------------------


def default_approver(people: Sequence[Person]) -> str:
    """The person giving the fewest hours (often the manager who signs off), else the last."""
    return min(reversed(people), key=lambda p: p.hours_per_week).id


def default_raci(
    people: Sequence[Person], lead: str, approver: str, care: bool, campaigns: bool
) -> list[RaciRow]:
    """One row per activity: the lead plus the skilled do the work, one person answers for it."""
    rows = [
        _row("create_content", _doers(people, lead, *CONTENT_SKILLS), lead, approver),
        _row("approve", [lead], approver),
        _row("publish", [lead], lead),
        _row("moderate", _doers(people, lead, "community_management"), lead),
    ]
    if care:
        rows.append(_row("answer_customers", _doers(people, lead, "customer_care"), lead))
    if campaigns:
        rows.append(advertise_row(people, lead, approver))
    rows += [
        _row("monitor", _doers(people, lead, "social_listening"), lead),
        _row("report", _doers(people, lead, "analytics"), approver),
        _row(
            "crisis",
            [lead],
            approver,
            informed=[p.id for p in people if p.id not in (lead, approver)],
        ),
    ]
    return rows


def accountable_of(rows: Sequence[RaciRow], activity: str) -> str | None:
    """Who answers for ``activity`` in a RACI matrix (the first row naming someone)."""
    return next((r.accountable[0] for r in rows if r.activity == activity and r.accountable), None)


def advertise_row(people: Sequence[Person], lead: str, approver: str) -> RaciRow:
    return _row("advertise", _doers(people, lead, "advertising"), approver)


def _doers(people: Sequence[Person], lead: str, *skills: str) -> list[str]:
    skilled = [p.id for p in people if any(s in (*p.skills, *p.training) for s in skills)]
    return list(dict.fromkeys([lead, *skilled]))


def _row(
    activity: str,
    responsible: list[str],
    accountable: str,
    consulted: str | None = None,
    informed: list[str] | None = None,
) -> RaciRow:
    return RaciRow(
        activity=activity,
        responsible=responsible,
        accountable=[accountable],
        consulted=[consulted] if consulted and consulted != accountable else [],
        informed=informed or [],
    )
