"""Typed shapes of the knowledge-base data files (see data/*.yaml).

Names and descriptions are not here: they are words, kept in the gettext catalogues
(``locale/*/LC_MESSAGES/knowledge.po``) keyed by each entry's id. An entry that a strategy
adds under ``knowledge:`` brings its own ``name`` (and ``description``) in both languages,
since no catalogue knows it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from stratege.timewindow import TimeWindow

Bilingual = dict[Literal["fr", "en"], str]  # a strategy's own words for its additions
HoursPerPost = Annotated[float, Field(ge=0, le=100)]
PositiveRate = Annotated[float, Field(gt=0)]
Unit = Literal["percent", "count", "ratio", "minutes", "hours", "currency", "per_week", "per_day"]
Scope = Literal["post", "account", "message", "mention", "campaign", "site"]


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Named(Reference):
    """An entry's own words, for what a strategy adds (the catalogues name the rest)."""

    name: Bilingual | None = None
    description: Bilingual | None = None


class Source(Reference):
    title: str
    publisher: str = ""
    year: int | None = None
    url: str = ""
    note: str = ""


class CadenceRange(Reference):
    """Reference organic cadence, in posts per week."""

    min: float = Field(ge=0)
    typical: float = Field(ge=0)
    max: float = Field(ge=0)
    source: str

    @model_validator(mode="after")
    def _ordered(self) -> CadenceRange:
        if not self.min <= self.typical <= self.max:
            raise PydanticCustomError("cadence_order", "cadence must satisfy min ≤ typical ≤ max")
        return self


class Platform(Named):
    formats: list[str]
    cadence: CadenceRange
    windows: list[TimeWindow]
    windows_source: str
    community_hours_per_week: float = Field(ge=0, le=168)
    community_source: str
    supports_customer_care: bool
    search_indexed: bool = Field(
        default=False, description="Content stays findable through search engines."
    )
    audience_notes: Bilingual | None = None


class Format(Named):
    effort: dict[str, HoursPerPost]
    skills: list[str]
    lead_time_days: float = Field(ge=0, le=365)
    tool: str | None = Field(default=None, description="Tool category the format needs.")
    source: str


class ActivityEffort(Reference):
    """Effort of a non-production activity; one of the rates is given. ``hours_per_post``
    is per item: a post published or moderated, a message or a review answered."""

    hours_per_post: float | None = Field(default=None, ge=0, le=1000)
    share_of_covered_hours: float | None = Field(default=None, ge=0, le=1)
    hours_per_week: float | None = Field(default=None, ge=0, le=1000)
    hours_per_month: float | None = Field(default=None, ge=0, le=1000)
    hours_per_campaign_week: float | None = Field(default=None, ge=0, le=1000)
    source: str


class Activities(Reference):
    publish: ActivityEffort
    moderate: ActivityEffort
    answer: ActivityEffort
    answer_reviews: ActivityEffort
    monitor: ActivityEffort
    report: ActivityEffort
    advertise: ActivityEffort


class DataField(Named):
    scope: Scope
    unit: Unit


class KpiDefinition(Named):
    family: Literal["presence", "engagement", "reach", "influence", "roi", "activity"]
    scope: Scope
    formula: str
    unit: Unit
    direction: Literal["higher", "lower"]
    growth: Literal["additive", "multiplicative"]
    fields: list[str]
    source: str


class ObjectiveKind(Named):
    kpi_families: list[str]
    recommended_kpis: list[str]


class AdBenchmark(Reference):
    """Average advertising costs on a platform, in the currency they were published in."""

    currency: str
    cpm: float = Field(gt=0)
    ctr: float = Field(gt=0, description="Percent of impressions.")
    cpc: float = Field(gt=0)
    cpa: float = Field(gt=0)
    cpv: float = Field(gt=0)
    conversion_rate: float = Field(gt=0, description="Percent of clicks.")
    source: str
    cpm_source: str | None = None
    ctr_source: str | None = None
    cpc_source: str | None = None
    cpa_source: str | None = None
    cpv_source: str | None = None
    conversion_rate_source: str | None = None

    def source_of(self, figure: str) -> str:
        return getattr(self, f"{figure}_source", None) or self.source


class ExchangeRates(Reference):
    as_of: dt.date
    to_eur: dict[str, PositiveRate]
    source: str

    def convert(self, amount: float, currency: str, target: str) -> float:
        """``amount`` in ``currency`` expressed in ``target`` (both must be listed)."""
        return amount * self.to_eur[currency] / self.to_eur[target]


class Defaults(Reference):
    """Organisation-level assumptions used when a strategy says nothing."""

    working_hours: list[TimeWindow]
    working_hours_source: str
    min_gap_minutes: int = Field(gt=0, description="Least time between two posts of a channel.")
    min_gap_source: str


class Knowledge(Reference):
    """All reference data, after the strategy's overrides have been applied."""

    platforms: dict[str, Platform]
    formats: dict[str, Format]
    activities: Activities
    skills: dict[str, Named]
    tones: dict[str, Named]
    fields: dict[str, DataField]
    kpis: dict[str, KpiDefinition]
    objectives: dict[str, ObjectiveKind]
    defaults: Defaults
    ad_benchmarks: dict[str, AdBenchmark]
    exchange_rates: ExchangeRates
    sources: dict[str, Source]
