"""The strategy model: one section per question of the method, plus organisation and period.

Values that depend on reference data (platforms, formats, objective kinds, KPI metrics,
skills) are plain identifiers here, not enumerations: the knowledge base can be extended per
strategy, so their validity is judged by the coherence checks, which can say *why* and
*how to fix it*, rather than by the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from stratege.timewindow import WEEK_DAYS, Day, TimeWindow

__all__ = ["WEEK_DAYS", "Day", "TimeWindow"]  # re-exported: part of the strategy vocabulary

SCHEMA_VERSION: Final = 1

Language = Literal["fr", "en"]


def _as_list(value: Any) -> Any:
    """Let a single value stand for a one-element list (``accountable: alice``)."""
    if value is None:
        return []
    if isinstance(value, str | int | float):
        return [value]
    return value


Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$",
        max_length=64,
        description="Identifier: letters, digits, '_', '-', '.'; used to cross-reference items.",
    ),
]
IdList = Annotated[list[Id], BeforeValidator(_as_list)]
Percent = Annotated[float, Field(ge=0, le=100)]
Hours = Annotated[float, Field(ge=0, le=168)]
Money = Annotated[float, Field(ge=0)]
Text = Annotated[str, Field(max_length=20_000)]


class Section(BaseModel):
    """Base of every section: unknown keys are errors, so typos are caught at load time;
    numbers must be finite (an infinite budget or a NaN share cannot be planned)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class DateRange(Section):
    start: dt.date
    end: dt.date | None = Field(default=None, description="Last day included; defaults to start.")
    reason: str = ""

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start


class Period(Section):
    start: dt.date = Field(description="First day of the strategy period.")
    end: dt.date = Field(description="Last day of the strategy period.")
    blackouts: list[DateRange] = Field(
        default_factory=list, description="Dates when nothing is published."
    )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def weeks(self) -> float:
        return self.days / 7

    @property
    def months(self) -> float:
        return self.days / (365.25 / 12)


# --- Q1: the organisation and its strategy -----------------------------------------------


class BusinessGoal(Section):
    id: Id
    statement: str = Field(min_length=1)
    horizon: str = Field(default="", description="When the goal should be reached, e.g. 2028.")


class Communication(Section):
    positioning: str = ""
    key_messages: list[str] = Field(default_factory=list)


class Organisation(Section):
    name: str = Field(min_length=1)
    sector: str = ""
    country: str = Field(
        default="FR", pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. FR."
    )
    languages: list[Language] = Field(default_factory=lambda: list[Language](["fr"]))
    size: str = ""
    website: str = Field(default="", description="Main website, found by search engines.")
    mission: str = ""
    values: list[str] = Field(default_factory=list)
    history: str = ""
    business_goals: list[BusinessGoal] = Field(default_factory=list)
    communication: Communication = Field(default_factory=Communication)


# --- Q2: priorities -----------------------------------------------------------------------


class Objective(Section):
    id: Id
    kind: Id = Field(description="Objective kind from the knowledge base, e.g. visibility.")
    priority: Literal["primary", "secondary"]
    statement: str = Field(min_length=1)
    business_goals: IdList = Field(default_factory=list)
    deadline: dt.date | None = None


# --- Q3: audit ----------------------------------------------------------------------------


class Competitor(Section):
    id: Id
    name: str = Field(min_length=1)
    website: str = ""


class AuditedAccount(Section):
    owner: Id = Field(description="'own' for the organisation, else a competitor id.")
    platform: Id
    handle: str = ""
    followers: int | None = Field(default=None, ge=0)
    posts_per_week: float | None = Field(default=None, ge=0)
    avg_engagement_rate: float | None = Field(
        default=None, ge=0, description="Average engagement rate by followers, in percent."
    )
    observed_on: dt.date | None = None


class Audit(Section):
    accounts: list[AuditedAccount] = Field(default_factory=list)
    competitors: list[Competitor] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list)
    positioning: str = ""


class ListeningQuery(Section):
    owner: Id = Field(
        default="own", description="'own' for the organisation, else a competitor id."
    )
    query: str = Field(
        min_length=1,
        max_length=4000,
        description='Boolean query: "phrases", AND, OR, NOT, (groups), wildcards, #tags, @handles.',
    )
    languages: list[Language] = Field(
        default_factory=list,
        description="Languages of its words; empty: every language listened to.",
    )


class Alerts(Section):
    window_days: int = Field(
        default=28, ge=7, le=365, description="Days of the rolling baseline an alert compares to."
    )
    volume_sensitivity: float = Field(
        default=3.0,
        gt=0,
        le=20,
        description="MADs (median absolute deviations) above the median that raise a volume alert.",
    )
    negative_share_sensitivity: float = Field(
        default=3.0,
        gt=0,
        le=20,
        description="MADs above the median that raise an alert on the share of negative mentions.",
    )
    min_mentions: int = Field(
        default=10, ge=1, le=100_000, description="Fewer mentions in a period raise no alert."
    )


# What is said about the organisation and its competitors: the queries a monitoring tool is
# given, kept beside the audit they feed (question 3: "what do your competitors do there?").
class Listening(Section):
    languages: list[Language] = Field(
        default_factory=list, description="Languages listened to; empty: the organisation's."
    )
    queries: list[ListeningQuery] = Field(default_factory=list)
    alerts: Alerts = Field(default_factory=Alerts)


# --- Q4: indicators -----------------------------------------------------------------------


class Kpi(Section):
    id: Id
    metric: Id = Field(description="Metric id from the KPI catalogue (stratege kpis).")
    objective: Id
    channels: IdList = Field(default_factory=list, description="Channel ids; empty means all.")
    audiences: IdList = Field(default_factory=list, description="Audiences it measures.")
    baseline: float | None = None
    target: float | None = None
    deadline: dt.date | None = None
    frequency: Literal["daily", "weekly", "monthly", "quarterly", "yearly"] = "monthly"
    source: str = Field(default="", description="Where the figures come from.")


# --- Q5: audiences and channels ----------------------------------------------------------


class Audience(Section):
    id: Id
    name: str = Field(min_length=1)
    kind: Literal[
        "customers",
        "prospects",
        "ambassadors",
        "candidates",
        "employees",
        "journalists",
        "influencers",
        "partners",
        "citizens",
        "investors",
        "other",
    ]
    description: str = ""
    platforms: IdList = Field(default_factory=list, description="Platforms where it is present.")
    information_sources: list[
        Literal[
            "search_engines",
            "social_networks",
            "reviews",
            "forums",
            "press",
            "newsletters",
            "word_of_mouth",
            "events",
            "other",
        ]
    ] = Field(default_factory=list, description="How this audience looks for information.")


Purpose = Literal["main", "secondary", "customer_care"]


class Channel(Section):
    id: Id
    platform: Id
    handle: str = ""
    purpose: Annotated[list[Purpose], BeforeValidator(_as_list)] = Field(
        default_factory=lambda: list[Purpose](["main"]),
        min_length=1,
        description="What the account is for; several at once, e.g. [main, customer_care].",
    )
    audiences: IdList = Field(default_factory=list)
    objectives: IdList = Field(default_factory=list)

    @property
    def customer_care(self) -> bool:
        """Does this account answer customers (one of its purposes)?"""
        return "customer_care" in self.purpose


# --- Q6: content --------------------------------------------------------------------------


class Pillar(Section):
    id: Id
    name: str = Field(min_length=1)
    share: Percent = Field(description="Share of posts, in percent.")
    objectives: IdList = Field(default_factory=list)
    audiences: IdList = Field(default_factory=list, description="Audiences this theme speaks to.")


class FormatMix(Section):
    channel: Id
    mix: dict[Id, Percent] = Field(description="Format id → share of the channel's posts (%).")


class Content(Section):
    pillars: list[Pillar] = Field(default_factory=list)
    formats: list[FormatMix] = Field(default_factory=list)
    tones: IdList = Field(default_factory=list)
    guidelines: list[str] = Field(default_factory=list)


# --- Q7: cadence --------------------------------------------------------------------------


class Cadence(Section):
    channel: Id
    posts: float = Field(ge=0, le=1000, description="Number of posts per `per`.")
    per: Literal["day", "week", "month"] = "week"
    windows: list[TimeWindow] = Field(
        default_factory=list, description="Publishing windows; platform defaults when empty."
    )
    response_time_hours: float | None = Field(
        default=None, gt=0, description="Customer care: promised first-response time."
    )
    covered_hours: list[TimeWindow] = Field(
        default_factory=list, description="Customer care: hours when messages are answered."
    )
    messages_per_day: float | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="Customer care: messages and comments expected to need an answer each day.",
    )
    reviews_per_week: float | None = Field(
        default=None,
        ge=0,
        le=10_000,
        description="Reviews (Google, Facebook…) expected on this channel each week, to answer.",
    )

    @property
    def posts_per_week(self) -> float:
        factor = {"day": 7.0, "week": 1.0, "month": 12 / 52.1775}[self.per]
        return self.posts * factor


# --- Q8: resources ------------------------------------------------------------------------


class Person(Section):
    id: Id
    name: str = Field(min_length=1)
    roles: list[str] = Field(
        default_factory=list, description="Job titles, e.g. community manager."
    )
    hours_per_week: Hours = Field(description="Hours per week given to social media.")
    skills: IdList = Field(default_factory=list)
    training: IdList = Field(default_factory=list, description="Skills this person will train in.")
    hourly_cost: Money | None = None
    working_hours: list[TimeWindow] = Field(
        default_factory=list, description="When this person works; Mon–Fri 9:00–18:00 if empty."
    )


class Tool(Section):
    name: str = Field(min_length=1)
    category: Literal[
        "creation", "video_editing", "scheduling", "monitoring", "analytics", "advertising", "other"
    ]
    monthly_cost: Money = 0


class Budget(Section):
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    covers: Literal["period", "year", "month"] = Field(
        default="period", description="What the amounts cover: the whole period, a year, a month."
    )
    outsourcing: Money = 0
    advertising: Money = 0
    contests: Money = 0
    tools: Money = 0
    training: Money = 0
    other: Money = 0
    total: Money | None = Field(
        default=None, description="Overall envelope, when it is capped beyond the categories."
    )


class Resources(Section):
    people: list[Person] = Field(default_factory=list)
    tools: list[Tool] = Field(default_factory=list)
    budget: Budget = Field(default_factory=Budget)


# --- Q9: responsibilities -----------------------------------------------------------------

Activity = Literal[
    "create_content",
    "approve",
    "publish",
    "moderate",
    "answer_customers",
    "answer_reviews",
    "advertise",
    "monitor",
    "report",
    "crisis",
]
ACTIVITIES: tuple[str, ...] = Activity.__args__  # type: ignore[attr-defined]


class RaciRow(Section):
    activity: Activity
    channel: Id = Field(default="all", description="A channel id, or 'all'.")
    responsible: IdList = Field(default_factory=list)
    accountable: IdList = Field(default_factory=list, description="Exactly one person.")
    consulted: IdList = Field(default_factory=list)
    informed: IdList = Field(default_factory=list)


# --- Q10: advertising ---------------------------------------------------------------------


class Campaign(Section):
    id: Id
    name: str = Field(min_length=1)
    occasion: Id | None = None
    start: dt.date
    end: dt.date
    platforms: IdList = Field(default_factory=list)
    objective: Id | None = None
    audience: Id | None = None
    budget: Money = 0
    pricing_model: Literal["cpm", "cpc", "cpa", "cpv", "cpe", "flat"] = "cpm"
    expected_cost_per_result: Money | None = None


class Advertising(Section):
    campaigns: list[Campaign] = Field(default_factory=list)


class Occasion(Section):
    id: Id
    name: str = Field(min_length=1)
    date: dt.date
    end: dt.date | None = None
    kind: Literal["launch", "trade_show", "seasonal", "event", "awareness_day", "other"] = "event"
    extra_posts: int = Field(default=0, ge=0, le=100, description="Extra posts for the occasion.")
    channels: IdList = Field(default_factory=list, description="Channels concerned; empty: all.")


# --- the whole strategy -------------------------------------------------------------------


class Strategy(Section):
    """A social media strategy: the answers to the ten questions."""

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION, description="Version of this file format."
    )
    language: Language = Field(default="fr", description="Language of reports and messages.")
    period: Period
    organisation: Organisation
    objectives: list[Objective] = Field(default_factory=list)
    audit: Audit = Field(default_factory=Audit)
    listening: Listening = Field(default_factory=Listening)
    kpis: list[Kpi] = Field(default_factory=list)
    audiences: list[Audience] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    content: Content = Field(default_factory=Content)
    cadence: list[Cadence] = Field(default_factory=list)
    resources: Resources = Field(default_factory=Resources)
    responsibilities: list[RaciRow] = Field(default_factory=list)
    advertising: Advertising = Field(default_factory=Advertising)
    occasions: list[Occasion] = Field(default_factory=list)
    knowledge: dict[str, Any] = Field(
        default_factory=dict,
        description="Overrides of the knowledge base (platforms, formats, activities, kpis, …).",
    )

    # Lookups used by checks and planning; cheap enough to recompute.
    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def cadence_of(self, channel_id: str) -> Cadence | None:
        return next((c for c in self.cadence if c.channel == channel_id), None)

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.resources.people if p.id == person_id), None)

    def format_mix(self, channel_id: str) -> dict[str, float]:
        return next((f.mix for f in self.content.formats if f.channel == channel_id), {})
