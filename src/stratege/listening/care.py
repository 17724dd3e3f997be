"""Customer care: how fast and how often inbound messages are answered, against the promise.

From the store's ``message`` table (one row per message received on a channel), per
strategy channel (the account's name when the message's account is no channel) and over
all of them: the **response rate** (answered / received, in percent), the **median** and
**90th percentile** of the first-response time of the answered messages (in minutes,
linear interpolation), overall and per hour of the week (ISO day 1 = Monday … 7, hour 0 …
23 of ``received_at``, the local time the export gives). Each channel is compared with its
``cadence``: the share of messages answered within ``response_time_hours`` (an unanswered
message is not within it) and, with ``covered_hours``, how messages received inside and
outside those hours fare. Messages received **outside covered hours** and not answered, or
answered later than promised, are named (the most recent :data:`LISTED`, and their count).

A channel without covered hours has none outside them; one without a promise has only its
unanswered messages named. All of it is one query per figure, in DuckDB.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from stratege.strategy.model import Strategy

LISTED = 100
_CHANNEL = "coalesce(m.channel, m.account, m.platform)"
_ANSWERED = "coalesce(m.answered = 1, m.first_response_minutes IS NOT NULL)"
_TIMED = f"({_ANSWERED} AND m.first_response_minutes IS NOT NULL)"


@dataclass(frozen=True)
class Responsiveness:
    """Messages of one channel (``channel`` None: all channels) over the whole range, or
    in one hour of the week (``weekday`` 1 Monday … 7, ``hour`` 0 … 23; None: all)."""

    channel: str | None
    weekday: int | None
    hour: int | None
    messages: int
    answered: int
    response_rate: float | None  # percent
    median_minutes: float | None  # first response of the answered messages
    p90_minutes: float | None


@dataclass(frozen=True)
class ChannelCare:
    channel: str
    platform: str | None
    overall: Responsiveness
    promised_hours: float | None  # cadence.response_time_hours
    within_promise: int | None  # answered within it (None: no promise)
    within_promise_rate: float | None  # percent of the messages received
    covered: bool  # whether the cadence gives covered hours
    inside_messages: int
    inside_median_minutes: float | None
    outside_messages: int
    outside_median_minutes: float | None
    outside_unanswered: int


@dataclass(frozen=True)
class LateMessage:
    """A message received outside covered hours, unanswered or answered late."""

    message_id: str
    channel: str
    platform: str | None
    received_at: dt.datetime
    answered: bool
    first_response_minutes: float | None


@dataclass(frozen=True)
class Care:
    first_day: dt.date | None
    last_day: dt.date | None
    overall: Responsiveness
    channels: list[ChannelCare]
    hours: list[Responsiveness]  # per hour of the week, per channel and for all
    outside_late: list[LateMessage]  # the most recent LISTED
    outside_late_count: int


def _promises(con: duckdb.DuckDBPyConnection, strategy: Strategy) -> None:
    """Temp tables ``care_promise`` (channel, minutes) and ``care_window`` (channel,
    weekday, start and end minute of the day) from the strategy's cadence."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE care_promise (channel VARCHAR, minutes DOUBLE, "
        "covered BOOLEAN)"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE care_window (channel VARCHAR, weekday INTEGER, "
        "start_minute INTEGER, end_minute INTEGER)"
    )
    days = {d: i + 1 for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
    promises, windows = [], []
    for cadence in strategy.cadence:
        minutes = cadence.response_time_hours * 60 if cadence.response_time_hours else None
        promises.append([cadence.channel, minutes, bool(cadence.covered_hours)])
        for window in cadence.covered_hours:
            start = window.start.hour * 60 + window.start.minute
            end = window.end.hour * 60 + window.end.minute
            windows += [[cadence.channel, days[d], start, end] for d in set(window.days)]
    if promises:
        con.executemany("INSERT INTO care_promise VALUES (?, ?, ?)", promises)
    if windows:
        con.executemany("INSERT INTO care_window VALUES (?, ?, ?, ?)", windows)
    con.execute(
        f"""CREATE OR REPLACE TEMP VIEW care_messages AS
        SELECT m.message_id, {_CHANNEL} AS channel, m.platform, m.received_at,
               {_ANSWERED} AS answered, m.first_response_minutes, {_TIMED} AS timed,
               isodow(m.received_at) AS weekday, hour(m.received_at) AS hour,
               p.minutes AS promise, coalesce(p.covered, false) AS has_coverage,
               EXISTS (SELECT 1 FROM care_window w
                       WHERE w.channel = {_CHANNEL} AND w.weekday = isodow(m.received_at)
                         AND hour(m.received_at) * 60 + minute(m.received_at) >= w.start_minute
                         AND hour(m.received_at) * 60 + minute(m.received_at) < w.end_minute)
                   AS inside
        FROM message m LEFT JOIN care_promise p ON p.channel = {_CHANNEL}
        WHERE m.received_at IS NOT NULL"""
    )


_FIGURES = """count(*), count(*) FILTER (WHERE answered),
    median(first_response_minutes) FILTER (WHERE timed),
    quantile_cont(first_response_minutes, 0.9) FILTER (WHERE timed)"""


def _responsiveness(
    channel: str | None, weekday: int | None, hour: int | None, row: tuple[object, ...]
) -> Responsiveness:
    messages, answered, median, p90 = row
    n, a = int(messages), int(answered)  # type: ignore[call-overload]
    return Responsiveness(
        channel,
        weekday,
        hour,
        n,
        a,
        100 * a / n if n else None,
        None if median is None else float(median),  # type: ignore[arg-type]
        None if p90 is None else float(p90),  # type: ignore[arg-type]
    )


def customer_care(con: duckdb.DuckDBPyConnection, strategy: Strategy) -> Care:
    _promises(con, strategy)
    span = con.execute("SELECT min(received_at), max(received_at) FROM care_messages").fetchone()
    first, last = (span[0], span[1]) if span else (None, None)
    rows = con.execute(
        f"""SELECT channel, weekday, hour, grouping(channel), grouping(weekday), {_FIGURES}
        FROM care_messages
        GROUP BY GROUPING SETS ((), (channel), (channel, weekday, hour), (weekday, hour))
        ORDER BY grouping(channel) DESC, channel, weekday, hour"""
    ).fetchall()
    overall = Responsiveness(None, None, None, 0, 0, None, None, None)
    per_channel: dict[str, Responsiveness] = {}
    hours: list[Responsiveness] = []
    for channel, weekday, hour, no_channel, no_hour, *figures in rows:
        found = _responsiveness(None if no_channel else channel, weekday, hour, tuple(figures))
        if no_channel and no_hour:
            overall = found
        elif no_hour:
            per_channel[channel] = found
        else:
            hours.append(found)
    details = con.execute(
        """SELECT channel, any_value(platform), any_value(promise), bool_or(has_coverage),
               count(*) FILTER (WHERE promise IS NOT NULL AND timed
                                AND first_response_minutes <= promise),
               count(*) FILTER (WHERE inside),
               median(first_response_minutes) FILTER (WHERE inside AND timed),
               count(*) FILTER (WHERE has_coverage AND NOT inside),
               median(first_response_minutes) FILTER (WHERE has_coverage AND NOT inside AND timed),
               count(*) FILTER (WHERE has_coverage AND NOT inside AND NOT answered)
        FROM care_messages GROUP BY channel ORDER BY channel"""
    ).fetchall()
    channels = []
    for (
        channel,
        platform,
        promise,
        covered,
        within,
        inside,
        in_median,
        out,
        out_median,
        out_no,
    ) in details:
        summary = per_channel[channel]
        channels.append(
            ChannelCare(
                channel,
                platform,
                summary,
                None if promise is None else float(promise) / 60,
                None if promise is None else int(within),
                None
                if promise is None or not summary.messages
                else 100 * int(within) / summary.messages,
                bool(covered),
                int(inside),
                None if in_median is None else float(in_median),
                int(out),
                None if out_median is None else float(out_median),
                int(out_no),
            )
        )
    late = """has_coverage AND NOT inside AND (NOT answered
        OR (promise IS NOT NULL AND timed AND first_response_minutes > promise))"""
    count_row = con.execute(f"SELECT count(*) FROM care_messages WHERE {late}").fetchone()
    listed = con.execute(
        f"""SELECT message_id, channel, platform, received_at, answered, first_response_minutes
        FROM care_messages WHERE {late}
        ORDER BY received_at DESC, message_id LIMIT {LISTED}"""
    ).fetchall()
    return Care(
        first.date() if first else None,
        last.date() if last else None,
        overall,
        channels,
        hours,
        [LateMessage(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in listed],
        int(count_row[0]) if count_row else 0,
    )
