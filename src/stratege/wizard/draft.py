"""The strategy as it is being answered: sections filled in one question after another.

When the wizard reopens a strategy file, ``previous`` holds it: each question offers its
answers as defaults, and what the wizard never asks (occasions, knowledge additions,
blackout dates, an organisation's website…) is carried over untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from stratege.strategy.model import (
    Advertising,
    Audience,
    Audit,
    Cadence,
    Channel,
    Content,
    Kpi,
    Language,
    Listening,
    Objective,
    Occasion,
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
    listening: Listening = field(default_factory=Listening)  # not asked: carried over
    kpis: list[Kpi] = field(default_factory=list)
    audiences: list[Audience] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    content: Content = field(default_factory=Content)
    cadence: list[Cadence] = field(default_factory=list)
    resources: Resources = field(default_factory=Resources)
    responsibilities: list[RaciRow] = field(default_factory=list)
    advertising: Advertising = field(default_factory=Advertising)
    occasions: list[Occasion] = field(default_factory=list)
    knowledge: dict[str, Any] = field(default_factory=dict)
    previous: Strategy | None = field(default=None, compare=False)

    def strategy(self) -> Strategy:
        """The answers so far as a validated strategy.

        Going through JSON re-checks every section and gives each value its own object, so
        that YAML output has no anchors for values the answers happen to share. Only values
        that differ from the model's defaults count as set, so that rewriting an existing
        file adds no default the user never wrote.
        """
        sections = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "previous"}
        built = Strategy.model_construct(**sections).model_dump(mode="json", exclude_defaults=True)
        return Strategy.model_validate(built)

    @property
    def care_channel(self) -> Channel | None:
        return next((c for c in self.channels if c.customer_care), None)

    def planned_formats(self) -> list[str]:
        found = (f for mix in self.content.formats for f, share in mix.mix.items() if share)
        return list(dict.fromkeys(found))


def as_written(strategy: Strategy, written: Any) -> Strategy:
    """``strategy`` where the values the reopened file spelt out count as set even when
    they equal the model's default (``per: week``, ``purpose: main``): updating the file
    then keeps those lines, and their comments, instead of dropping them.

    ``written`` is the file's content as plain data; lists are matched item by item.
    """
    data = strategy.model_dump(mode="json", exclude_defaults=True)
    every = strategy.model_dump(mode="json")
    return Strategy.model_validate(_restore(data, every, written))


def _restore(data: Any, every: Any, written: Any) -> Any:
    if isinstance(data, dict) and isinstance(every, dict) and isinstance(written, dict):
        for key in written:
            if key in every:
                data[key] = (
                    _restore(data[key], every[key], written[key]) if key in data else every[key]
                )
        return data
    if isinstance(data, list) and isinstance(every, list) and isinstance(written, list):
        for index in range(min(len(data), len(written))):
            data[index] = _restore(data[index], every[index], written[index])
    return data
