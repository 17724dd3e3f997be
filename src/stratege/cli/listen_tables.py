"""`stratege listen` on a terminal: one table per section, words in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from stratege.cli.output import console, say
from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, Gettext, translator
from stratege.i18n.numbers import count, num
from stratege.listening.care import Care
from stratege.listening.report import ListeningResults
from stratege.listening.results import BrandPeriod
from stratege.strategy.model import Strategy
from stratege.vocabulary import Words

SHOWN_PERIODS = 12  # the last ones; --format json gives them all
SHOWN_LATE = 10
SHOWN_HOURS = 5
SHOWN_DRIVERS = 3
SHOWN_ALERTS = 15
KINDS = {"volume": N_("volume"), "negative_share": N_("negative share")}
WEEKDAYS = {
    1: N_("Monday"),
    2: N_("Tuesday"),
    3: N_("Wednesday"),
    4: N_("Thursday"),
    5: N_("Friday"),
    6: N_("Saturday"),
    7: N_("Sunday"),
}


def print_listening(result: ListeningResults, strategy: Strategy, lang: Lang) -> None:
    _ = translator(lang)
    names = {
        "own": strategy.organisation.name,
        **{c.id: c.name for c in strategy.audit.competitors},
    }
    if result.mentions == 0:
        say(
            _(
                N_(
                    "No mentions in the store yet: import a listening tool's export with "
                    "stratege import STRATEGY FILE --mapping MAPPING (scope: mention)."
                )
            ),
            "yellow",
        )
    else:
        say(
            _(
                N_("Mentions from {first} to {last}: {count} (one per mention and brand named)"),
                first=result.first_day,
                last=result.last_day,
                count=count(result.mentions, lang),
            ),
            "bold",
        )
        _volumes(result, names, lang)
        _shares(result, names, lang)
        _terms(result, lang)
        _alerts(result, names, lang)
        _advocates(result, lang)
        _agreement(result, lang)
    _care(result.care, result.messages, lang)


def _platform(platform: str, words: Words, lang: Lang) -> str:
    """A platform's name; 'other' is every site no platform of the catalogue names."""
    if platform == "other":
        return translator(lang)(N_("other sites"))
    return words.platform(platform)


def _value(value: float | None, lang: Lang, decimals: int = 0, suffix: str = "") -> str:
    return "—" if value is None else num(value, lang, decimals) + suffix


def _last_periods(rows: Sequence[BrandPeriod]) -> list[str]:
    labels = list(dict.fromkeys(r.label for r in rows if r.period is not None))
    return labels[-SHOWN_PERIODS:]


def _note_hidden(rows: Sequence[BrandPeriod], _: Gettext) -> None:
    periods = {r.label for r in rows if r.period is not None}
    if len(periods) > SHOWN_PERIODS:
        say(
            _(
                N_("The last {shown} periods of {total}; --format json gives them all."),
                shown=SHOWN_PERIODS,
                total=len(periods),
            ),
            "dim",
        )


def _volumes(result: ListeningResults, names: dict[str, str], lang: Lang) -> None:
    from rich.table import Table

    _ = translator(lang)
    cells = {(r.label, r.owner): r for r in result.volumes}
    whole = [r for r in result.volumes if r.period is None]
    labels = [*_last_periods(result.volumes), *dict.fromkeys(r.label for r in whole)]
    whole_labels = {r.label for r in whole}
    volume = Table(
        title=_(N_("Volume and share of voice (mentions, % of all brands' mentions)")),
        title_justify="left",
    )
    sentiment = Table(
        title=_(N_("Net sentiment ((positive − negative) / (positive + negative) × 100)")),
        title_justify="left",
    )
    for table in (volume, sentiment):
        table.add_column(_(N_("Period")))
        for owner in result.brands:
            table.add_column(names.get(owner, owner), justify="right")
    for label in labels:
        rows = [cells.get((label, owner)) for owner in result.brands]
        shown = _(N_("Whole range")) if label in whole_labels else label
        volume.add_row(
            shown,
            *(
                f"{count(r.mentions, lang)} ({_value(r.share_of_voice, lang, 1, ' %')})"
                if r
                else "—"
                for r in rows
            ),
        )
        sentiment.add_row(
            shown,
            *(_value(r.net_sentiment, lang) if r else "—" for r in rows),
        )
    out = console()
    out.print(volume)
    out.print(sentiment)
    _note_hidden(result.volumes, _)


def _shares(result: ListeningResults, names: dict[str, str], lang: Lang) -> None:
    from rich.table import Table

    _ = translator(lang)
    words = Words(lang)
    whole = [s for s in result.shares if s.period is None]
    if not whole:
        return
    table = Table(
        title=_(N_("Share of voice per platform and per language, whole range (%)")),
        title_justify="left",
    )
    table.add_column(_(N_("Platform or language")))
    for owner in result.brands:
        table.add_column(names.get(owner, owner), justify="right")
    table.add_column(_(N_("Mentions")), justify="right")
    groups = list(dict.fromkeys((s.dimension, s.value) for s in whole))
    for dimension, value in groups:
        rows = {s.owner: s for s in whole if (s.dimension, s.value) == (dimension, value)}
        if dimension == "platform":
            shown = _platform(value, words, lang)
        else:
            shown = _(N_("language: {code}"), code=value)
        table.add_row(
            shown,
            *(_value(rows[o].share_of_voice, lang, 1) if o in rows else "—" for o in result.brands),
            count(sum(r.mentions for r in rows.values()), lang),
        )
    console().print(table)


def _terms(result: ListeningResults, lang: Lang) -> None:
    from rich.table import Table

    _ = translator(lang)
    if not result.terms:
        return
    table = Table(
        title=_(N_("Top terms and hashtags of the brand's mentions (mentions saying them)")),
        title_justify="left",
    )
    for header in (_(N_("Period")), _(N_("Read")), _(N_("Terms")), _(N_("Hashtags"))):
        table.add_column(header)
    shown = [t for t in result.terms if t.period is not None][-SHOWN_PERIODS:]
    shown += [t for t in result.terms if t.period is None]
    for period in shown:
        table.add_row(
            period.label if period.period is not None else _(N_("Whole range")),
            f"{count(period.read, lang)} / {count(period.mentions, lang)}",
            ", ".join(f"{c.term} ({count(c.mentions, lang)})" for c in period.terms) or "—",
            ", ".join(f"{c.term} ({count(c.mentions, lang)})" for c in period.hashtags) or "—",
        )
    console().print(table)


def _alerts(result: ListeningResults, names: dict[str, str], lang: Lang) -> None:
    from rich.table import Table

    _ = translator(lang)
    settings_line = _(
        N_(
            "Alerts: a day above the median of the {days} previous days + sensitivity × MAD "
            "(days with fewer than {minimum} mentions raise none)."
        ),
        days=result.alert_rule.window_days,
        minimum=result.alert_rule.min_mentions,
    )
    if not result.alerts:
        say(_(N_("No alert: no day stood out from its baseline.")), "green")
        say(settings_line, "dim")
        return
    table = Table(title=_(N_("Alerts")), title_justify="left")
    for header in (
        _(N_("Day")),
        _(N_("Brand")),
        _(N_("Alert on")),
        _(N_("Value")),
        _(N_("Median")),
        _(N_("MAD")),
        _(N_("Threshold")),
    ):
        table.add_column(header)
    shown = result.alerts[-SHOWN_ALERTS:]
    for alert in shown:
        percent = " %" if alert.kind == "negative_share" else ""
        table.add_row(
            str(alert.day),
            names.get(alert.owner, alert.owner),
            _(KINDS[alert.kind]),
            _value(alert.value, lang, 1, percent),
            _value(alert.median, lang, 1, percent),
            _value(alert.mad, lang, 1) + ("*" if alert.floored else ""),
            _value(alert.threshold, lang, 1, percent),
        )
    console().print(table)
    say(settings_line, "dim")
    if len(result.alerts) > len(shown):
        say(
            _(
                N_("The last {shown} alerts of {total}; --format json gives them all."),
                shown=len(shown),
                total=len(result.alerts),
            ),
            "dim",
        )
    say(_(N_("Mentions that drive them (by reach):")))
    for alert in shown:
        say(f"  {alert.day} · {names.get(alert.owner, alert.owner)} · {_(KINDS[alert.kind])}")
        for d in alert.drivers[:SHOWN_DRIVERS]:
            text = " ".join(d.text.split())[:100]
            say(f"    {d.author or '?'} ({_value(d.reach, lang)}) · {d.platform} · {text}", "dim")
    if any(a.floored for a in result.alerts):
        say(
            _(
                N_(
                    "* MAD below its floor: the threshold uses √median (at least 1) for the "
                    "volume, 5 points for the negative share."
                )
            ),
            "dim",
        )


def _advocates(result: ListeningResults, lang: Lang) -> None:
    from rich.table import Table

    _ = translator(lang)
    found = result.advocates
    words = Words(lang)
    for title, authors in (
        (
            _(
                N_("Ambassadors (at least {positive} positive mentions, {share} % of theirs)"),
                positive=found.min_positive,
                share=num(100 * found.min_share, lang),
            ),
            found.ambassadors,
        ),
        (
            _(N_("Influencers (audience of at least {reach})"), reach=count(found.min_reach, lang)),
            found.influencers,
        ),
    ):
        if not authors:
            say(_(N_("{title}: none yet."), title=title), "dim")
            continue
        table = Table(title=title, title_justify="left")
        for header in (
            _(N_("Author")),
            _(N_("Platforms")),
            _(N_("Mentions")),
            _(N_("Positive")),
            _(N_("Negative")),
            _(N_("Followers")),
        ):
            table.add_column(header)
        for a in authors:
            table.add_row(
                a.author,
                ", ".join(_platform(p, words, lang) for p in a.platforms),
                count(a.mentions, lang),
                count(a.positive, lang),
                count(a.negative, lang),
                _value(a.audience, lang),
            )
        console().print(table)
    if found.ambassadors or found.influencers:
        if found.ambassadors_audience:
            say(
                _(
                    N_("Candidates for the strategy's ambassadors audience: {audience}."),
                    audience=found.ambassadors_audience,
                )
            )
        else:
            say(
                _(
                    N_(
                        "The strategy has no audience of kind ambassadors: add one to reach "
                        "these people (question 5)."
                    )
                ),
                "yellow",
            )


def _agreement(result: ListeningResults, lang: Lang) -> None:
    _ = translator(lang)
    agreement = result.agreement
    if not agreement.mentions:
        return
    say(
        _(
            N_(
                "The source tool's sentiment and the model's agree on {rate} % of the "
                "{count} mentions that have both (both are kept)."
            ),
            rate=_value(agreement.rate, lang, 1),
            count=count(agreement.mentions, lang),
        ),
    )


def _care(care: Care, messages: int, lang: Lang) -> None:
    from rich.table import Table

    _ = translator(lang)
    if messages == 0:
        say(
            _(
                N_(
                    "No inbound messages in the store yet: import the inbox export with "
                    "stratege import STRATEGY FILE --mapping MAPPING (scope: message)."
                )
            ),
            "yellow",
        )
        return
    table = Table(
        title=_(
            N_("Customer care from {first} to {last}"), first=care.first_day, last=care.last_day
        ),
        title_justify="left",
    )
    table.add_column(_(N_("Channel")), no_wrap=True)
    for header in (
        _(N_("Messages")),
        _(N_("Answered")),
        _(N_("Median / P90 (min)")),
        _(N_("Promise (h)")),
        _(N_("On time")),
        _(N_("Off hours (unanswered)")),
    ):
        table.add_column(header, justify="right")
    for channel in care.channels:
        o = channel.overall
        table.add_row(
            channel.channel,
            count(o.messages, lang),
            _value(o.response_rate, lang, 1, " %"),
            f"{_value(o.median_minutes, lang)} / {_value(o.p90_minutes, lang)}",
            _value(channel.promised_hours, lang, 1),
            _value(channel.within_promise_rate, lang, 1, " %"),
            f"{count(channel.outside_messages, lang)} ({count(channel.outside_unanswered, lang)})"
            if channel.covered
            else "—",
        )
    o = care.overall
    table.add_row(
        _(N_("All channels")),
        count(o.messages, lang),
        _value(o.response_rate, lang, 1, " %"),
        f"{_value(o.median_minutes, lang)} / {_value(o.p90_minutes, lang)}",
        "",
        "",
        "",
        style="bold",
    )
    console().print(table)
    slow = sorted(
        (h for h in care.hours if h.channel is None and h.median_minutes is not None),
        key=lambda h: -(h.median_minutes or 0),
    )[:SHOWN_HOURS]
    if slow:
        say(
            _(N_("Slowest hours of the week (median first response):"))
            + " "
            + ", ".join(
                f"{_(WEEKDAYS[h.weekday or 1])} {h.hour:02d}:00 "
                f"({_value(h.median_minutes, lang)} min)"
                for h in slow
            )
        )
    if care.outside_late_count:
        say(
            _(
                N_(
                    "Received outside covered hours, unanswered or answered later than "
                    "promised: {count}"
                ),
                count=count(care.outside_late_count, lang),
            ),
            "yellow",
        )
        for late in care.outside_late[:SHOWN_LATE]:
            state = (
                _(N_("unanswered"))
                if not late.answered
                else _(
                    N_("answered after {minutes} min"),
                    minutes=_value(late.first_response_minutes, lang),
                )
            )
            received = f"{late.received_at:%Y-%m-%d %H:%M}"
            say(f"  {late.message_id} · {late.channel} · {received} · {state}")
