"""Readable names for what a plan refers to by id: channels, formats, pillars, people…

Every export shows the same words for the same thing, so the lookups live here once, each
cached: a plan of 5,000 posts asks for the same few dozen labels over and over. The
calendar's row layout (shared by the CSV and the workbook's calendar sheet) and the draft
message of the scheduler files are here too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from stratege.exports import wording as w
from stratege.exports.cells import one_line
from stratege.i18n import Lang
from stratege.i18n.catalogue import translator
from stratege.planning.plan import Plan
from stratege.planning.slots import Slot
from stratege.vocabulary import Words

# Positions of the calendar's typed columns (dates and a time), for the CSV and the workbook.
DATE_COLUMN, TIME_COLUMN, DUE_COLUMN = (
    w.CALENDAR_COLUMNS.index(c) for c in (w.DATE, w.TIME, w.DUE)
)


class Describer:
    """Names of a plan's ids in one language: the user's own words for what the user
    named (pillars, people…), the vocabulary's for the model's values."""

    def __init__(self, plan: Plan, lang: Lang):
        self.plan = plan
        self.lang = lang
        self._ = translator(lang)
        self.words = Words(lang, plan.knowledge)
        strategy = plan.strategy
        # A name is one line: a line break in it would split a scheduler's record.
        self._pillars = {p.id: one_line(p.name) for p in strategy.content.pillars}
        self._audiences = {a.id: one_line(a.name) for a in strategy.audiences}
        self._occasions = {o.id: one_line(o.name) for o in strategy.occasions}
        self._campaigns = {c.id: one_line(c.name) for c in strategy.advertising.campaigns}
        self._people = {p.id: one_line(p.name) for p in strategy.resources.people}
        self._objectives = {o.id: one_line(o.statement) for o in strategy.objectives}
        self._per_platform = Counter(c.platform for c in strategy.channels)
        # Caches: a plan of 5,000 posts asks for the same few dozen words over and over.
        self._words: dict[tuple[str, str], str] = {}
        self._channels: dict[str, str] = {}
        self._labelled: dict[tuple[str, str], str] = {}
        self._producers: dict[tuple[tuple[str, str | None], ...], str] = {}
        self._drafts: dict[tuple[str, str | None, str | None, bool], str] = {}
        self._dates: dict[dt.date, str] = {}
        self.unstaffed = self._(w.UNSTAFFED)
        self.yes, self.no = self._(w.YES), self._(w.NO)

    # --- the vocabulary, cached ----------------------------------------------------------

    def word(self, kind: str, value: str) -> str:
        """The vocabulary's label of ``value`` of ``kind`` ('activity', 'unit'…)."""
        key = (kind, value)
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = self.words(kind, value)
        return found

    def platform(self, platform_id: str) -> str:
        return self.word("platform", platform_id)

    def format(self, format_id: str) -> str:
        return self.word("format", format_id)

    def skill(self, skill_id: str) -> str:
        return self.word("skill", skill_id)

    def channel(self, channel_id: str) -> str:
        """The platform's name, with the handle (or id) when two channels share a platform."""
        found = self._channels.get(channel_id)
        if found is None:
            found = self._channels[channel_id] = self._channel(channel_id)
        return found

    def _channel(self, channel_id: str) -> str:
        channel = self.plan.strategy.channel(channel_id)
        if channel is None:
            return channel_id
        name = self.platform(channel.platform)
        if self._per_platform[channel.platform] > 1:
            return f"{name} {one_line(channel.handle) or channel.id}"
        return name

    # --- the user's own words ------------------------------------------------------------

    def pillar(self, pillar_id: str | None) -> str:
        return self._pillars.get(pillar_id, pillar_id) if pillar_id else ""

    def audience(self, audience_id: str | None) -> str:
        return self._audiences.get(audience_id, audience_id) if audience_id else ""

    def occasion(self, occasion_id: str | None) -> str:
        return self._occasions.get(occasion_id, occasion_id) if occasion_id else ""

    def campaign(self, campaign_id: str | None) -> str:
        return self._campaigns.get(campaign_id, campaign_id) if campaign_id else ""

    def person(self, person_id: str | None) -> str:
        """A person's name; an unfilled role says it must be staffed."""
        if not person_id:
            return self.unstaffed
        return self._people.get(person_id, person_id)

    def objective(self, objective_id: str) -> str:
        return self._objectives.get(objective_id, objective_id)

    def labelled(self, label: str, text: str) -> str:
        """'Rédaction : Karim Benali' — a label and its value, as the language writes it."""
        key = (label, text)
        found = self._labelled.get(key)
        if found is None:
            found = self._labelled[key] = self._(w.LABELLED, label=label, text=text)
        return found

    # --- one slot ------------------------------------------------------------------------

    def producers(self, slot: Slot) -> str:
        """'Rédaction : Karim Benali · Graphisme : Julie Morel'; a skill nobody covers reads
        'Rédaction : à pourvoir'."""
        key = tuple(slot.producers.items())
        found = self._producers.get(key)
        if found is None:
            found = self._producers[key] = " · ".join(
                self.labelled(self.skill(skill), self.person(person)) for skill, person in key
            )
        return found

    def calendar_header(self) -> list[str]:
        return [self._(column) for column in w.CALENDAR_COLUMNS]

    def calendar_row(self, slot: Slot) -> list[object]:
        """One slot as the calendar's columns (``wording.CALENDAR_COLUMNS``); dates and
        times stay typed for the workbook."""
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
            self.person(slot.approver) if slot.approver else "",
            self.person(slot.publisher),
            self.yes if slot.staffed else self.no,
            slot.id,
        ]

    def text_row(self, slot: Slot) -> list[object]:
        """The calendar row for CSV: dates and times as text people and Excel read."""
        row = self.calendar_row(slot)
        row[DATE_COLUMN] = self._date(slot.start.date())
        row[TIME_COLUMN] = f"{slot.start:%H:%M}"
        row[DUE_COLUMN] = self._date(slot.due) if slot.due else ""
        return row

    def _date(self, day: dt.date) -> str:
        found = self._dates.get(day)
        if found is None:
            found = self._dates[day] = w.show_date(day, self.lang)
        return found

    def draft_message(self, slot: Slot) -> str:
        """The placeholder a community manager replaces with the real post, e.g.
        '[Image] Au fournil ce matin — à rédiger (pour : Clients habitués)'."""
        key = (slot.format, slot.pillar, slot.audience, slot.staffed)
        found = self._drafts.get(key)
        if found is None:
            found = self._drafts[key] = self._draft(slot)
        return found

    def _draft(self, slot: Slot) -> str:
        subject = self.pillar(slot.pillar)
        text = self._(w.DRAFT_ABOUT, subject=subject) if subject else self._(w.DRAFT)
        if slot.audience:
            text = self._(w.FOR_AUDIENCE, text=text, audience=self.audience(slot.audience))
        text = f"[{self.format(slot.format)}] {text}"
        return f"{self._(w.UNSTAFFED_TAG)} {text}" if not slot.staffed else text
