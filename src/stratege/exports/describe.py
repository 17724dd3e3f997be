"""Readable names for what a plan refers to by id: channels, formats, pillars, people…

Every export shows the same words for the same thing, so the lookups live here once. The
calendar's row layout (shared by the CSV and the workbook's calendar sheet) is here too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from stratege.exports.labels import column, show_date, word, yes_no
from stratege.i18n import Lang, tr
from stratege.planning.plan import Plan
from stratege.planning.slots import Slot

CALENDAR_COLUMNS = (
    "date",
    "time",
    "channel",
    "platform",
    "format",
    "pillar",
    "audience",
    "occasion",
    "campaign",
    "producers",
    "due",
    "approver",
    "publisher",
    "staffed",
)


@dataclass
class Describer:
    """Names of a plan's ids in one language."""

    plan: Plan
    lang: Lang

    def __post_init__(self) -> None:
        strategy = self.plan.strategy
        self._pillars = {p.id: p.name for p in strategy.content.pillars}
        self._audiences = {a.id: a.name for a in strategy.audiences}
        self._occasions = {o.id: o.name for o in strategy.occasions}
        self._campaigns = {c.id: c.name for c in strategy.advertising.campaigns}
        self._people = {p.id: p.name for p in strategy.resources.people}
        self._objectives = {o.id: o.statement for o in strategy.objectives}
        self._per_platform = Counter(c.platform for c in strategy.channels)

    # --- reference data ------------------------------------------------------------------

    def platform(self, platform_id: str) -> str:
        found = self.plan.knowledge.platforms.get(platform_id)
        return tr(found.name, self.lang) if found else platform_id

    def channel(self, channel_id: str) -> str:
        """The platform's name, with the handle (or id) when two channels share a platform."""
        channel = self.plan.strategy.channel(channel_id)
        if channel is None:
            return channel_id
        name = self.platform(channel.platform)
        if self._per_platform[channel.platform] > 1:
            return f"{name} {channel.handle or channel.id}"
        return name

    def format(self, format_id: str) -> str:
        found = self.plan.knowledge.formats.get(format_id)
        return tr(found.name, self.lang) if found else format_id

    def skill(self, skill_id: str) -> str:
        found = self.plan.knowledge.skills.get(skill_id)
        return tr(found, self.lang) if found else skill_id

    def pillar(self, pillar_id: str | None) -> str:
        return self._pillars.get(pillar_id, pillar_id or "") if pillar_id else ""

    def audience(self, audience_id: str | None) -> str:
        return self._audiences.get(audience_id, audience_id or "") if audience_id else ""

    def occasion(self, occasion_id: str | None) -> str:
        return self._occasions.get(occasion_id, occasion_id or "") if occasion_id else ""

    def campaign(self, campaign_id: str | None) -> str:
        return self._campaigns.get(campaign_id, campaign_id or "") if campaign_id else ""

    def person(self, person_id: str | None) -> str:
        """A person's name; an unfilled role says it must be staffed."""
        if not person_id:
            return word("unstaffed", self.lang)
        return self._people.get(person_id, person_id)

    def objective(self, objective_id: str) -> str:
        return self._objectives.get(objective_id, objective_id)

    # --- one slot ------------------------------------------------------------------------

    def producers(self, slot: Slot) -> str:
        """'copywriting: julie; graphic_design: karim' — ids, stable for filters and
        formulas; a skill nobody covers reads 'copywriting: unstaffed'."""
        return "; ".join(
            f"{skill}: {person or word('unstaffed', self.lang)}"
            for skill, person in slot.producers.items()
        )

    def calendar_header(self) -> list[str]:
        return [column(key, self.lang) for key in CALENDAR_COLUMNS]

    def calendar_row(self, slot: Slot) -> list[object]:
        """One slot as the calendar's columns; dates and times stay typed for the workbook."""
        return [
            slot.start.date(),
            slot.start.time(),
            slot.channel,
            self.platform(slot.platform),
            self.format(slot.format),
            self.pillar(slot.pillar),
            self.audience(slot.audience),
            self.occasion(slot.occasion),
            self.campaign(slot.campaign),
            self.producers(slot),
            slot.due,
            slot.approver or "",
            slot.publisher or word("unstaffed", self.lang),
            yes_no(slot.staffed, self.lang),
        ]

    def draft_message(self, slot: Slot) -> str:
        """The placeholder a community manager replaces with the real post, e.g.
        '[Image] Au fournil ce matin — à rédiger (pour : Clients habitués)'."""
        subject = self.pillar(slot.pillar)
        text = f"[{self.format(slot.format)}] "
        text += f"{subject} — {word('draft', self.lang)}" if subject else word("draft", self.lang)
        if slot.audience:
            text += f" ({word('for', self.lang, audience=self.audience(slot.audience))})"
        if not slot.staffed:
            text = f"{word('unstaffed_tag', self.lang)} {text}"
        return text


def text_row(row: list[object], lang: Lang) -> list[object]:
    """A calendar row for CSV: dates and times written as text people and Excel read."""
    shown: list[object] = []
    for value in row:
        if isinstance(value, dt.date):
            shown.append(show_date(value, lang))
        elif isinstance(value, dt.time):
            shown.append(value.strftime("%H:%M"))
        else:
            shown.append(value)
    return shown


def unique_ids(slots: list[Slot]) -> list[str]:
    """slot.id, made unique: a second slot on the same channel and minute gets '-2', …
    The first keeps the plain id, so ids stay stable when a duplicate appears or goes.
    The calendar's UIDs and the bulk-import file's id column are these same ids."""
    seen: Counter[str] = Counter()
    ids = []
    for slot in slots:
        seen[slot.id] += 1
        ids.append(slot.id if seen[slot.id] == 1 else f"{slot.id}-{seen[slot.id]}")
    return ids
