"""Every listening result of a store at once: :class:`ListeningResults`.

A tree of dataclasses holding plain values (numbers, text, dates), read by the command line,
the web app, the strategy document's Results section and the listening benchmark through
``stratege.services.listening.listening_results``. :meth:`ListeningResults.record` gives
it as JSON-ready values (dates as ISO text), :meth:`ListeningResults.to_json` as text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any

import duckdb

from stratege.listening.alerts import Alert, AlertRule, DailyPoint, daily_alerts
from stratege.listening.ambassadors import Advocates, advocates
from stratege.listening.care import Care, customer_care
from stratege.listening.periods import Period, check_period
from stratege.listening.results import (
    Agreement,
    BrandPeriod,
    ShareOf,
    agreement,
    brands,
    mention_range,
    shares_by,
    volumes,
)
from stratege.listening.terms import PeriodTerms, top_terms
from stratege.strategy.model import Strategy


@dataclass(frozen=True)
class ListeningResults:
    period: Period
    first_day: dt.date | None  # of the mentions (None: the store has none)
    last_day: dt.date | None
    mentions: int  # stored rows: one per mention and per brand it names
    brands: list[str]  # 'own', then the competitors' ids
    volumes: list[BrandPeriod]  # per period and brand, then per brand over the whole range
    shares: list[ShareOf]  # share of voice per platform and per language
    terms: list[PeriodTerms]  # the own brand's, per period, then over the whole range
    alert_rule: AlertRule
    alerts: list[Alert]
    daily: list[DailyPoint]
    advocates: Advocates
    agreement: Agreement
    care: Care
    messages: int

    @property
    def has_data(self) -> bool:
        """Whether there is anything to show: mentions or messages."""
        return bool(self.mentions or self.messages)

    def record(self) -> dict[str, Any]:
        return _plain(asdict(self))  # type: ignore[no-any-return]

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.record(), ensure_ascii=False, indent=indent)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    return value


def read_results(
    con: duckdb.DuckDBPyConnection, strategy: Strategy, period: str = "month"
) -> ListeningResults:
    """Every result of the store ``con`` (tables of :mod:`stratege.measure.store`)."""
    chosen = check_period(period)
    owners = brands(con, strategy)
    first, last = mention_range(con)
    row = con.execute("SELECT count(*) FROM mention").fetchone()
    mentions = int(row[0]) if row else 0
    alerts, daily = daily_alerts(con, owners, strategy.listening.alerts)
    row = con.execute("SELECT count(*) FROM message").fetchone()
    return ListeningResults(
        chosen,
        first,
        last,
        mentions,
        owners,
        volumes(con, owners, chosen),
        shares_by(con, owners, chosen),
        top_terms(con, strategy, chosen),
        AlertRule.of(strategy.listening.alerts),
        alerts,
        daily,
        advocates(con, strategy),
        agreement(con),
        customer_care(con, strategy),
        int(row[0]) if row else 0,
    )
