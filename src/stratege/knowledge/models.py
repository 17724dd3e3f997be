"""Typed shapes of the knowledge-base data files (see data/*.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from stratege.timewindow import TimeWindow

Bilingual = dict[Literal["fr", "en"], str]


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid")


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
            raise ValueError("cadence must satisfy min ≤ typical ≤ max")
        return self


class Platform(Reference):
    name: Bilingual
    formats: list[str]
    cadence: CadenceRange
    windows: list[TimeWindow]
    windows_source: str
    community_hours_per_week: float = Field(ge=0)
    community_source: str
    supports_customer_care: bool
    search_indexed: bool = Field(
        default=False, description="Content stays findable through search engines."
    )
    audience_notes: Bilingual = Field(default_factory=dict)


class Format(Reference):
    name: Bilingual
    description: Bilingual = Field(default_factory=dict)
    effort: dict[str, float]
    skills: list[str]
    lead_time_days: float = Field(ge=0)
    tool: str | None = Field(default=None, description="Tool category the format needs.")
    source: str


class ActivityEffort(Reference):
    """Effort of a non-production activity; one of the rates is given."""

    hours_per_post: float | None = None
    share_of_covered_hours: float | None = None
    hours_per_week: float | None = None
    hours_per_month: float | None = None
    hours_per_campaign_week: float | None = None
    source: str


class Activities(Reference):
    publish: ActivityEffort
    moderate: ActivityEffort
    answer: ActivityEffort
    monitor: ActivityEffort
    report: ActivityEffort
    advertise: ActivityEffort


class DataField(Reference):
    scope: Literal["post", "account", "message", "mention", "campaign"]
    unit: str
    fr: str
    en: str


class KpiDefinition(Reference):
    name: Bilingual
    family: Literal["presence", "engagement", "reach", "influence", "roi", "activity"]
    scope: Literal["post", "account", "message", "mention", "campaign"]
    formula: str
    unit: str
    direction: Literal["higher", "lower"]
    growth: Literal["additive", "multiplicative"]
    fields: list[str]
    description: Bilingual
    source: str


class ObjectiveKind(Reference):
    name: Bilingual
    description: Bilingual
    kpi_families: list[str]
    recommended_kpis: list[str]


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
    skills: dict[str, Bilingual]
    tones: dict[str, Bilingual]
    fields: dict[str, DataField]
    kpis: dict[str, KpiDefinition]
    objectives: dict[str, ObjectiveKind]
    defaults: Defaults
    sources: dict[str, Source]
