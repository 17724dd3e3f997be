"""The strategy as it is being answered: sections filled in one question after another."""

from __future__ import annotations

from dataclasses import dataclass, field

from stratege.strategy.model import (
    Advertising,
    Audience,
    Audit,
    Cadence,
    Channel,
    Content,
    Kpi,
    Language,
    Objective,
    Organisation,
    Period,
    RaciRow,
    Resources,
    Strategy,
)


@dataclass
class Draft:
    language: Language
    period: Period
    organisation: Organisation
    objectives: list[Objective] = field(default_factory=list)
    audit: Audit = field(default_factory=Audit)
    kpis: list[Kpi] = field(default_factory=list)
    audiences: list[Audience] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    content: Content = field(default_factory=Content)
    cadence: list[Cadence] = field(default_factory=list)
    resources: Resources = field(default_factory=Resources)
    responsibilities: list[RaciRow] = field(default_factory=list)
    advertising: Advertising = field(default_factory=Advertising)

    def strategy(self) -> Strategy:
        """The answers so far as a validated strategy.

        Going through JSON re-checks every section and gives each value its own object, so
        that YAML output has no anchors for values the answers happen to share.
        """
        sections = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return Strategy.model_validate_json(Strategy.model_construct(**sections).model_dump_json())

    @property
    def care_channel(self) -> Channel | None:
        return next((c for c in self.channels if c.customer_care), None)

    def planned_formats(self) -> list[str]:
        found = (f for mix in self.content.formats for f, share in mix.mix.items() if share)
        return list(dict.fromkeys(found))
