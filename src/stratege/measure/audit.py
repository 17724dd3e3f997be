"""The audit of question 3 from measured data: own accounts against each competitor's.

Per platform and account: audience (followers at the end of the window) and its growth,
posts per week, engagement rate (by reach when the exports give reach — own accounts — by
followers otherwise, and the basis is said), the formats used and the share of the total
audience of the accounts compared. Every figure is a catalogue metric run by the KPI
engine, so it is computed exactly like the KPIs of the strategy.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from stratege.measure.engine import KpiEngine
from stratege.measure.formats import name_key
from stratege.measure.progress import plain
from stratege.strategy.model import AuditedAccount, Kpi, Strategy

WINDOW_DAYS = 90  # the audit looks at the last quarter of data by default


@dataclass
class AccountAudit:
    platform: str
    account: str
    owner: str  # 'own' or a competitor id
    channel: str | None
    followers: float | None = None
    growth: float | None = None  # percent over the window
    posts_per_week: float | None = None
    engagement_rate: float | None = None  # percent
    engagement_basis: str = ""  # reach | followers | "" (no data)
    formats: list[tuple[str, float]] = field(default_factory=list)  # (format, % of posts)
    audience_share: float | None = None  # percent of the platform's compared audience


@dataclass
class Audit:
    start: dt.date | None
    end: dt.date | None
    accounts: list[AccountAudit]

    def record(self) -> dict[str, Any]:
        record: dict[str, Any] = plain(asdict(self))
        return record


def audit(
    con: duckdb.DuckDBPyConnection,
    engine: KpiEngine,
    *,
    days: int = WINDOW_DAYS,
    end: dt.date | None = None,
) -> Audit:
    row = con.execute(
        "SELECT max(d) FROM (SELECT max(day) AS d FROM post UNION ALL SELECT max(day) FROM account)"
    ).fetchone()
    last = end or (row[0] if row else None)
    if last is None:
        return Audit(None, None, [])
    start = last - dt.timedelta(days=days - 1)
    found: dict[tuple[str, str], AccountAudit] = {}
    for platform, account, owner, channel in con.execute(
        """SELECT platform, account, owner, any_value(channel) FROM (
            SELECT platform, account, owner, channel FROM post WHERE day BETWEEN ? AND ?
            UNION ALL
            SELECT platform, account, owner, channel FROM account WHERE day BETWEEN ? AND ?)
        GROUP BY platform, account, owner
        ORDER BY platform, owner != 'own', owner, account""",
        [start, last, start, last],
    ).fetchall():
        found[(platform, account)] = AccountAudit(platform, account, owner, channel)

    def per_account(metric: str) -> dict[tuple[str, str], float | None]:
        values = engine.compute(metric, period="all", start=start, end=last, by=("account",))
        return {_split(v.keys[0]): v.value for v in values}

    followers = per_account("follower_count")
    growth = per_account("follower_growth_rate")
    frequency = per_account("posting_frequency")
    by_reach = per_account("engagement_rate_by_reach_post")
    by_followers = per_account("engagement_rate_by_followers_post")
    for key, entry in found.items():
        entry.followers = followers.get(key)
        entry.growth = growth.get(key)
        entry.posts_per_week = frequency.get(key)
        if by_reach.get(key) is not None:
            entry.engagement_rate, entry.engagement_basis = by_reach[key], "reach"
        elif by_followers.get(key) is not None:
            entry.engagement_rate, entry.engagement_basis = by_followers[key], "followers"
    formats: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for platform, account, fmt, n in con.execute(
        """SELECT platform, account, format, count(*) FROM post
        WHERE day BETWEEN ? AND ? AND format IS NOT NULL GROUP BY ALL""",
        [start, last],
    ).fetchall():
        formats[(platform, account)][fmt] += n
    totals: dict[str, float] = defaultdict(float)
    for (platform, _), entry in found.items():
        totals[platform] += entry.followers or 0
    for key, entry in found.items():
        counts = formats.get(key, Counter())
        total = sum(counts.values())
        entry.formats = [(f, 100.0 * n / total) for f, n in counts.most_common()]
        if entry.followers is not None and totals[key[0]]:
            entry.audience_share = 100.0 * entry.followers / totals[key[0]]
    return Audit(start, last, list(found.values()))


def _split(key: str | None) -> tuple[str, str]:
    platform, _, account = (key or "").partition("/")
    return platform, account


def audited_accounts(result: Audit, strategy: Strategy) -> list[AuditedAccount]:
    """The strategy's ``audit.accounts`` with the observed figures written in: an account
    already listed (same owner and platform, and handle when there are several) is updated,
    others are added. Figures rounded as a person would write them."""
    accounts = [a.model_copy() for a in strategy.audit.accounts]
    for observed in result.accounts:
        match = [
            a for a in accounts if a.owner == observed.owner and a.platform == observed.platform
        ]
        if len(match) > 1:
            match = [a for a in match if name_key(a.handle) == name_key(observed.account)] or match[
                :1
            ]
        figures: dict[str, Any] = {"observed_on": result.end}
        if observed.followers is not None:
            figures["followers"] = round(observed.followers)
        if observed.posts_per_week is not None:
            figures["posts_per_week"] = round(observed.posts_per_week, 1)
        if observed.engagement_rate is not None:
            figures["avg_engagement_rate"] = round(observed.engagement_rate, 2)
        if match:
            index = accounts.index(match[0])
            accounts[index] = match[0].model_copy(update=figures)
        else:
            accounts.append(
                AuditedAccount(
                    owner=observed.owner,
                    platform=observed.platform,
                    handle=observed.account,
                    **figures,
                )
            )
    return accounts


def proposed_baselines(
    engine: KpiEngine, strategy: Strategy, end: dt.date, days: int = WINDOW_DAYS
) -> dict[str, float]:
    """KPI id → its value measured over the window (own accounts, the KPI's channels),
    for the KPIs that have none yet."""
    start = end - dt.timedelta(days=days - 1)
    proposals = {}
    for kpi in strategy.kpis:
        if kpi.baseline is not None:
            continue
        value = _measured(engine, kpi, start, end)
        if value is not None:
            proposals[kpi.id] = round(value, 2)
    return proposals


def _measured(engine: KpiEngine, kpi: Kpi, start: dt.date, end: dt.date) -> float | None:
    try:
        values = engine.compute(
            kpi.metric,
            period="all",
            start=start,
            end=end,
            channels=kpi.channels or None,
            owners=["own"],
        )
    except LookupError:
        return None
    return values[0].value if values else None
