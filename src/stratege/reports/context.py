"""What every section of the document needs: the plan, the findings, the language's words.

Sections are small functions of a :class:`Context`; the context says how a number, a date,
an amount, a person or a channel is written, so that every section writes them alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from stratege.checks import Finding
from stratege.i18n import Lang, french_typography
from stratege.i18n.catalogue import Gettext, plural, translator
from stratege.i18n.numbers import count, day, money, num, percent, short_day
from stratege.knowledge import Knowledge
from stratege.planning.plan import Plan
from stratege.reports.approval import Approval
from stratege.reports.charting import ChartBook
from stratege.reports.names import channel_names
from stratege.strategy.model import Strategy
from stratege.vocabulary import Words

if TYPE_CHECKING:
    from stratege.listening.report import ListeningResults
    from stratege.measure.progress import Measurement

DASH = "—"


@dataclass(frozen=True)
class Context:
    plan: Plan
    findings: list[Finding]
    lang: Lang
    today: dt.date
    words: Words = field(repr=False)
    _: Gettext = field(repr=False)
    charts: ChartBook = field(repr=False)
    measurement: Measurement | None = field(default=None, repr=False)
    approval: Approval | None = field(default=None, repr=False)
    listening: ListeningResults | None = field(default=None, repr=False)

    @classmethod
    def of(
        cls,
        plan: Plan,
        findings: list[Finding],
        lang: Lang,
        today: dt.date,
        charts: ChartBook | None = None,
        measurement: Measurement | None = None,
        approval: Approval | None = None,
        listening: ListeningResults | None = None,
    ) -> Context:
        """``charts``: a book shared with the plan's documents in other languages;
        ``measurement``: the imported data's results, when there are some; ``approval``:
        the version shown and who approved it (the web application's)."""
        words, _ = Words(lang, plan.knowledge), translator(lang)
        book = charts or ChartBook(plan)
        return cls(plan, findings, lang, today, words, _, book, measurement, approval, listening)

    @property
    def strategy(self) -> Strategy:
        return self.plan.strategy

    @property
    def knowledge(self) -> Knowledge:
        return self.plan.knowledge

    def ngettext(self, singular: str, many: str, number: int, **values: object) -> str:
        """The sentence in the form ``number`` calls for ("1 person", "2 people");
        ``{count}`` is ``number`` itself, other values as given."""
        return plural(self.lang, singular, many, number, **values)

    def findings_of(self, question: int) -> list[Finding]:
        return [f for f in self.findings if f.rule.question == question]

    # --- how values are written ---------------------------------------------------------

    def date(self, value: dt.date | None) -> str:
        return day(value, self.lang) if value else DASH

    def short_date(self, value: dt.date) -> str:
        return short_day(value, self.lang)

    def count(self, value: float) -> str:
        """Posts, people, impressions, clicks: whole numbers only."""
        return count(value, self.lang)

    def number(self, value: float | None, decimals: int = 1) -> str:
        return DASH if value is None else num(value, self.lang, decimals)

    def percent(self, share: float, decimals: int = 0) -> str:
        return percent(share, self.lang, decimals)

    def money(self, amount: float) -> str:
        return money(amount, self.strategy.resources.budget.currency, self.lang)

    def join(self, items: Iterable[str]) -> str:
        return ", ".join(items) or DASH

    def series(self, items: Iterable[str]) -> str:
        """Items that hold commas themselves, separated as the language punctuates ";"."""
        text = "; ".join(items)
        return french_typography(text) if self.lang == "fr" else text

    # --- names of the strategy's own things ---------------------------------------------

    def people(self, ids: Iterable[str]) -> str:
        return self.join(self.person_names.get(i, i) for i in ids)

    @cached_property
    def person_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.strategy.resources.people}

    def audiences(self, ids: Iterable[str]) -> str:
        names = {a.id: a.name for a in self.strategy.audiences}
        return self.join(names.get(i, i) for i in ids)

    def channel(self, channel_id: str) -> str:
        return self.channel_names.get(channel_id, channel_id)

    @cached_property
    def channel_names(self) -> dict[str, str]:
        return channel_names(self.strategy, self.words)
