"""The listening part of Results: what is said about the brand and its competitors, the
alerts, the ambassadors found and how fast customers get an answer (question 3, 5 and 2).

The figures are the listening service's (``stratege listen``): share of voice and net
sentiment per brand, the days the median/MAD alerts fired and the mentions behind them,
the authors proposed as ambassadors, response rate and first-response times per channel
against the cadence's promise.
"""

from __future__ import annotations

from stratege.reports.context import DASH, Context
from stratege.reports.document import Block, Figure, Paragraph, Table
from stratege.reports.listening_chart import listening_chart, panels

MAX_ALERTS = 8
MAX_ADVOCATES = 8


def blocks(context: Context) -> list[Block]:
    found = context.listening
    if found is None or not (found.mentions or found.messages):
        return []
    _ = context._
    out: list[Block] = []
    if found.mentions and found.first_day and found.last_day:
        out.append(
            Paragraph(
                _(
                    "Listening, from {first} to {last}: {count} mentions of the brands the "
                    "strategy listens to (one per mention and brand named), their sentiment "
                    "read by Stratège's model unless corrected.",
                    first=context.date(found.first_day),
                    last=context.date(found.last_day),
                    count=context.count(found.mentions),
                )
            )
        )
        out.append(_brand_table(context))
    if panels(context):
        out.append(
            Figure(
                _("Listening and customer care over time"),
                listening_chart(context),
                _(
                    "Share of voice and net sentiment per brand and period, your brand's "
                    "mentions per day with the alert threshold, and the median first "
                    "response per hour of the week."
                ),
            )
        )
    if found.alerts:
        out.append(_alert_table(context))
    if found.advocates.ambassadors:
        out.append(_advocate_table(context))
    if found.care.channels:
        out.append(_care_table(context))
    return out


def _brand(context: Context, owner: str) -> str:
    if owner == "own":
        return context.strategy.organisation.name
    names = {c.id: c.name for c in context.strategy.audit.competitors}
    return names.get(owner, owner)


def _brand_table(context: Context) -> Table:
    _ = context._
    found = context.listening
    assert found is not None
    rows = [
        [
            _brand(context, v.owner),
            context.count(v.mentions),
            context.number(v.share_of_voice, 1) if v.share_of_voice is not None else DASH,
            context.number(v.net_sentiment, 0) if v.net_sentiment is not None else DASH,
            context.count(v.positive),
            context.count(v.negative),
        ]
        for v in found.volumes
        if v.period is None
    ]
    header = [
        _("Brand"),
        _("Mentions"),
        _("Share of voice %"),
        _("Net sentiment"),
        _("Positive"),
        _("Negative"),
    ]
    return Table(_("Share of voice and sentiment"), header, rows, [False, *[True] * 5])


def _alert_table(context: Context) -> Table:
    _ = context._
    found = context.listening
    assert found is not None
    kinds = {"volume": _("volume"), "negative_share": _("negative share")}
    rows = []
    for alert in found.alerts[:MAX_ALERTS]:
        driver = alert.drivers[0].text if alert.drivers else DASH
        rows.append(
            [
                context.date(alert.day),
                _brand(context, alert.owner),
                kinds.get(alert.kind, alert.kind),
                context.number(alert.value, 0),
                context.number(alert.median, 0),
                context.number(alert.threshold, 0),
                driver[:120],
            ]
        )
    header = [
        _("Day"),
        _("Brand"),
        _("Alert"),
        _("Value"),
        _("Usual (median)"),
        _("Threshold"),
        _("Mention behind it"),
    ]
    caption = _(
        "Alerts: days far above the usual level (median + {sensitivity} × MAD of the "
        "{days} previous days)",
        sensitivity=context.number(found.alert_rule.volume_sensitivity, 1),
        days=found.alert_rule.window_days,
    )
    return Table(caption, header, rows, [False, False, False, True, True, True, False])


def _advocate_table(context: Context) -> Table:
    _ = context._
    found = context.listening
    assert found is not None
    rows = [
        [
            a.author,
            context.count(a.positive),
            context.count(a.mentions),
            context.count(int(a.audience)) if a.audience is not None else DASH,
        ]
        for a in found.advocates.ambassadors[:MAX_ADVOCATES]
    ]
    header = [_("Author"), _("Positive mentions"), _("Mentions"), _("Audience")]
    return Table(_("Ambassadors found by listening"), header, rows, [False, True, True, True])


def _care_table(context: Context) -> Table:
    _ = context._
    found = context.listening
    assert found is not None

    def minutes(value: float | None) -> str:
        return context.number(value, 0) if value is not None else DASH

    rows = [
        [
            context.channel(c.channel),
            context.count(c.overall.messages),
            context.number(c.overall.response_rate, 0)
            if c.overall.response_rate is not None
            else DASH,
            minutes(c.overall.median_minutes),
            minutes(c.overall.p90_minutes),
            minutes(c.promised_hours * 60 if c.promised_hours is not None else None),
            context.count(c.outside_unanswered),
        ]
        for c in found.care.channels
    ]
    header = [
        _("Channel"),
        _("Messages"),
        _("Answered %"),
        _("Median first response (min)"),
        _("90th percentile (min)"),
        _("Promised (min)"),
        _("Unanswered outside covered hours"),
    ]
    return Table(_("Customer care"), header, rows, [False, *[True] * 6])
