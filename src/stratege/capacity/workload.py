"""Weekly workload: the hours the strategy needs, who can give them, and what is missing.

Demand comes from the cadence × format mix × production effort per skill, plus publishing,
community management, customer care (replies to messages), replies to reviews, monitoring,
reporting and advertising. Who may do each piece follows the RACI: the people Responsible
for the activity on that channel (its own row, else the row for all channels); only where
no row names anyone able to do it, the people with the matching skill (or training in
it) — never someone the row names only as Accountable, Consulted or Informed.
Assignment is a flow problem (a minimum-cost maximum flow, :mod:`stratege.capacity.flow`):
the hours that cannot reach anybody are the shortfall, which makes "infeasible" precise
(which work, how many hours) rather than a single ratio.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from stratege.capacity.flow import FlowNetwork
from stratege.capacity.strain import STRAIN_BANDS
from stratege.knowledge.models import Activities, Knowledge
from stratege.strategy.model import Cadence, Channel, RaciRow, Strategy

WEEKS_PER_MONTH = 52.1775 / 12
CUSTOMER_SERVICE = "customer_service"  # the objective kind whose channels answer customers

EligibleSource = Literal["raci", "skill", "fallback", "nobody"]

ACTIVITY_SKILLS: dict[str, tuple[str, ...]] = {
    "publish": ("community_management",),
    "moderate": ("community_management",),
    "answer_customers": ("customer_care", "community_management"),
    "answer_reviews": ("customer_care", "community_management"),
    "monitor": ("social_listening", "community_management"),
    "report": ("analytics", "community_management"),
    "advertise": ("advertising", "community_management"),
}


@dataclass(frozen=True)
class Demand:
    """Hours per week of one kind of work, and who may do it."""

    key: str
    activity: str
    hours_per_week: float
    eligible: tuple[str, ...]
    eligible_source: EligibleSource
    skill: str | None = None
    channel: str | None = None


@dataclass
class WorkloadEstimate:
    demands: list[Demand]
    capacity: dict[str, float]
    assigned: dict[tuple[str, str], float] = field(default_factory=dict)

    def load_of(self, person_id: str) -> float:
        return sum(h for (_, who), h in self.assigned.items() if who == person_id)

    def covered(self, demand: Demand) -> float:
        return sum(h for (key, _), h in self.assigned.items() if key == demand.key)

    def unmet(self, demand: Demand) -> float:
        return max(demand.hours_per_week - self.covered(demand), 0.0)

    @property
    def total_needed(self) -> float:
        return sum(d.hours_per_week for d in self.demands)

    @property
    def total_available(self) -> float:
        return sum(self.capacity.values())

    def shortfalls(self) -> list[tuple[Demand, float]]:
        """Demands that cannot be fully staffed, with the missing hours per week."""
        gaps = [(d, self.unmet(d)) for d in self.demands]
        return [(d, gap) for d, gap in gaps if gap > 0.05]


def estimate_workload(strategy: Strategy, knowledge: Knowledge) -> WorkloadEstimate:
    demands = [d for d in _demands(strategy, knowledge) if d.hours_per_week > 0]
    capacity = {p.id: p.hours_per_week for p in strategy.resources.people}
    estimate = WorkloadEstimate(demands=demands, capacity=capacity)
    estimate.assigned = _assign(demands, capacity)
    return estimate


def _demands(strategy: Strategy, knowledge: Knowledge) -> list[Demand]:
    return [
        *_production(strategy, knowledge),
        *_activities(strategy, knowledge),
    ]


def _production(strategy: Strategy, knowledge: Knowledge) -> list[Demand]:
    """Production hours per skill, kept apart where different people may do them or
    where a different RACI row names them (its channel, "all" for the row of all)."""
    hours: dict[tuple[str, tuple[str, ...], EligibleSource, str], float] = defaultdict(float)
    for channel_id, posts in posts_per_week(strategy).items():
        for format_id, share in strategy.format_mix(channel_id).items():
            definition = knowledge.formats.get(format_id)
            if definition is None:
                continue
            for skill, per_post in definition.effort.items():
                eligible, source = production_people(strategy, channel_id, skill)
                row = _row_channel(strategy, channel_id) if source == "raci" else "all"
                hours[(skill, eligible, source, row)] += posts * share / 100 * per_post
    demands = []
    for number, ((skill, eligible, source, row), h) in enumerate(sorted(hours.items())):
        key = f"create_content:{skill}:{number}"
        channel = None if row == "all" else row
        demands.append(Demand(key, "create_content", h, eligible, source, skill, channel))
    return demands


def _row_channel(strategy: Strategy, channel: str) -> str:
    """The channel of the RACI row that names who creates content for ``channel``."""
    return raci_rows(strategy.responsibilities, "create_content", channel)[0].channel


def production_people(
    strategy: Strategy, channel: str, skill: str
) -> tuple[tuple[str, ...], EligibleSource]:
    """Who may produce ``skill`` work for posts on ``channel``: the people Responsible for
    creating content there who have the skill; if the RACI names none with the skill,
    anyone with it except the people its row names only as A, C or I."""
    rows = raci_rows(strategy.responsibilities, "create_content", channel)
    skilled = _skilled(strategy, skill)
    responsible = {p for row in rows for p in row.responsible}
    chosen = tuple(p for p in skilled if p in responsible)
    if chosen:
        return chosen, "raci"
    others = _only_overseeing(rows)
    fallback = tuple(p for p in skilled if p not in others)
    return fallback, ("skill" if fallback else "nobody")


def posts_per_week(strategy: Strategy) -> dict[str, float]:
    """Average posts per week per channel: the cadence plus occasions' extra posts."""
    posts = {c.channel: c.posts_per_week for c in strategy.cadence}
    weeks = max(strategy.period.weeks, 1)
    for occasion in strategy.occasions:
        targets = [c for c in (occasion.channels or list(posts)) if c in posts]
        for channel_id in targets:
            posts[channel_id] += occasion.extra_posts / len(targets) / weeks
    return posts


def activity_hours(
    strategy: Strategy,
    knowledge: Knowledge,
    posts: dict[str, float],
    share: float,
    campaign_weeks: float,
) -> list[tuple[str, str | None, float]]:
    """Hours of every non-production activity over a span of time, one model for the whole
    product: ``posts`` per channel in the span, ``share`` of a week the span covers, and
    ``campaign_weeks`` of paid campaigns running in it. The checks use weekly averages
    over the period; the plan uses each calendar week."""
    rates = knowledge.activities
    hours: list[tuple[str, str | None, float]] = []
    for cadence in strategy.cadence:
        channel = strategy.channel(cadence.channel)
        if channel is None:
            continue
        platform = knowledge.platforms.get(channel.platform)
        count = posts.get(channel.id, 0)
        hours.append(("publish", channel.id, count * (rates.publish.hours_per_post or 0)))
        baseline = platform.community_hours_per_week * share if platform else 0
        moderate = baseline + count * (rates.moderate.hours_per_post or 0)
        hours.append(("moderate", channel.id, moderate))
        if answers_customers(strategy, channel):
            hours.append(("answer_customers", channel.id, _answering(cadence, rates, share)))
        if cadence.reviews_per_week:
            reviews = cadence.reviews_per_week * share * (rates.answer_reviews.hours_per_post or 0)
            hours.append(("answer_reviews", channel.id, reviews))
    if strategy.channels:
        hours.append(("monitor", None, (rates.monitor.hours_per_week or 0) * share))
    if strategy.kpis:
        report = (rates.report.hours_per_month or 0) / WEEKS_PER_MONTH * share
        hours.append(("report", None, report))
    advertise = campaign_weeks * (rates.advertise.hours_per_campaign_week or 0)
    hours.append(("advertise", None, advertise))
    return hours


def answers_customers(strategy: Strategy, channel: Channel) -> bool:
    """Is someone expected to answer customers on this channel: a customer-care account,
    or one that serves a customer-service objective (handling disputes online included)?"""
    if channel.customer_care:
        return True
    kinds = {o.id: o.kind for o in strategy.objectives}
    return any(kinds.get(o) == CUSTOMER_SERVICE for o in channel.objectives)


def _answering(cadence: Cadence, rates: Activities, share: float) -> float:
    """Hours answering: the messages expected times the time per reply when the strategy
    says how many; otherwise a share of the hours the channel promises to cover."""
    if cadence.messages_per_day is not None:
        per_reply = rates.answer.hours_per_post or 0
        return cadence.messages_per_day * 7 * share * per_reply
    covered = sum(w.hours_per_week() for w in cadence.covered_hours)
    return covered * share * (rates.answer.share_of_covered_hours or 0)


def _activities(strategy: Strategy, knowledge: Knowledge) -> list[Demand]:
    """The period's average week of non-production work."""
    campaign_weeks = sum(
        ((c.end - c.start).days + 1) / 7 for c in strategy.advertising.campaigns if c.end >= c.start
    )
    average = campaign_weeks / max(strategy.period.weeks, 1)
    return [
        _activity_demand(strategy, activity, hours, channel)
        for activity, channel, hours in activity_hours(
            strategy, knowledge, posts_per_week(strategy), 1.0, average
        )
    ]


def _activity_demand(
    strategy: Strategy, activity: str, hours: float, channel: str | None
) -> Demand:
    eligible, source, skill = eligible_people(strategy, activity, channel)
    return Demand(
        f"{activity}:{channel or 'all'}", activity, hours, eligible, source, skill, channel
    )


def eligible_people(
    strategy: Strategy, activity: str, channel: str | None
) -> tuple[tuple[str, ...], EligibleSource, str | None]:
    """Who may do an activity: the RACI's Responsible, else the skilled, else anybody —
    never someone the RACI row names only as Accountable, Consulted or Informed."""
    rows = raci_rows(strategy.responsibilities, activity, channel)
    responsible = tuple(dict.fromkeys(p for row in rows for p in row.responsible))
    if responsible:
        return responsible, "raci", None
    others = _only_overseeing(rows)
    for skill in ACTIVITY_SKILLS[activity]:
        skilled = _skilled(strategy, skill)
        eligible = tuple(p for p in skilled if p not in others)
        if eligible:
            return eligible, "skill", skill
    everyone = tuple(p.id for p in strategy.resources.people if p.id not in others)
    return everyone, ("fallback" if everyone else "nobody"), None


def raci_rows(rows: list[RaciRow], activity: str, channel: str | None) -> list[RaciRow]:
    """The RACI rows of an activity for a channel: its own row, else the row for all."""
    specific = [r for r in rows if r.activity == activity and r.channel == channel]
    return specific or [r for r in rows if r.activity == activity and r.channel == "all"]


def _only_overseeing(rows: list[RaciRow]) -> set[str]:
    """People a row names as Accountable, Consulted or Informed but not Responsible."""
    named = {p for row in rows for p in (*row.accountable, *row.consulted, *row.informed)}
    return named - {p for row in rows for p in row.responsible}


def _skilled(strategy: Strategy, skill: str) -> tuple[str, ...]:
    """The people who have ``skill`` or are being trained in it."""
    return tuple(
        p.id for p in strategy.resources.people if skill in p.skills or skill in p.training
    )


def _assign(demands: list[Demand], capacity: dict[str, float]) -> dict[tuple[str, str], float]:
    """Hours per (demand key, person): as much work staffed as possible, spread evenly.

    A minimum-cost maximum flow (:mod:`stratege.capacity.flow`): hours go from each kind of
    work to the people allowed to do it, and from each person out through the bands of
    :data:`~stratege.capacity.strain.STRAIN_BANDS` (an hour costs more in a busier band),
    so the most work is staffed with the least strain, and a person is reported near
    saturation only when the work cannot go to someone else.
    """
    people = [p for p in capacity if capacity[p] > 0]
    index = {person: 2 + len(demands) + i for i, person in enumerate(people)}
    network = FlowNetwork(2 + len(demands) + len(people))
    source, sink = 0, 1
    arcs = {}
    for number, demand in enumerate(demands, start=2):
        network.add(source, number, demand.hours_per_week)
        for person in dict.fromkeys(demand.eligible):
            if person in index:
                arcs[(demand.key, person)] = network.add(
                    number, index[person], demand.hours_per_week
                )
    for person, node in index.items():
        floor = 0
        for ceiling, slope in STRAIN_BANDS:
            network.add(node, sink, (ceiling - floor) / 100 * capacity[person], slope)
            floor = ceiling
    network.max_flow_min_cost(source, sink)
    return {pair: arc.flow for pair, arc in arcs.items() if arc.flow > 1e-6}
