"""`stratege measure` on a terminal (tables) and as CSV: words in the reader's language."""

from __future__ import annotations

import csv
import io

from stratege.cli.output import console, say
from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.i18n.numbers import num
from stratege.measure.progress import STATUS, Measurement
from stratege.reports.values import kpi_value
from stratege.strategy.model import Strategy
from stratege.vocabulary import Words

STYLE = {"ahead": "green", "on_track": "green", "behind": "red", "no_data": "dim"}
WEEKDAYS = {
    "1": N_("Monday"),
    "2": N_("Tuesday"),
    "3": N_("Wednesday"),
    "4": N_("Thursday"),
    "5": N_("Friday"),
    "6": N_("Saturday"),
    "7": N_("Sunday"),
}


def print_measurement(result: Measurement, strategy: Strategy, lang: Lang) -> None:
    from rich.table import Table

    _ = translator(lang)
    words = Words(lang)
    currency = strategy.resources.budget.currency
    out = console()
    if result.first_day is None:
        say(_(N_("No data of the own accounts in the store yet.")), "yellow")
        return
    say(
        _(N_("Measured from {first} to {last}"), first=result.first_day, last=result.last_day),
        "bold",
    )
    table = Table(title=_(N_("KPIs against their trajectory")), title_justify="left")
    for header in (
        _(N_("KPI")),
        _(N_("Period")),
        _(N_("Actual")),
        _(N_("Expected")),
        _(N_("Target")),
        _(N_("Status")),
        _(N_("Projected at deadline")),
    ):
        table.add_column(header)
    for kpi in result.kpis:

        def value(v: float | None, unit: str = kpi.unit) -> str:
            return kpi_value(v, unit, lang, currency)

        table.add_row(
            kpi.id,
            str(kpi.latest_period or "—"),
            value(kpi.latest),
            value(kpi.expected),
            f"{value(kpi.target)} ({kpi.deadline or '—'})",
            f"[{STYLE.get(kpi.status, '')}]{_(STATUS[kpi.status])}[/]",
            value(kpi.projected),
        )
    out.print(table)
    if result.channels:
        table = Table(title=_(N_("Publication against cadence and plan")), title_justify="left")
        for header in (
            _(N_("Channel")),
            _(N_("Posts")),
            _(N_("Per week (planned)")),
            _(N_("Per week (actual)")),
            _(N_("Planned slots published")),
            _(N_("Formats: actual % (planned %)")),
        ):
            table.add_column(header)
        for channel in result.channels:
            mix = ", ".join(
                f"{' / '.join(words.format(f) for f in m.id.split('+'))} {num(m.actual, lang)}"
                + (f" ({num(m.planned, lang)})" if m.planned is not None else "")
                for m in channel.formats
            )
            table.add_row(
                channel.channel,
                str(channel.posts),
                num(channel.planned_per_week, lang, 1)
                if channel.planned_per_week is not None
                else "—",
                num(channel.actual_per_week, lang, 1),
                f"{channel.matched_slots} / {channel.planned_slots}",
                mix or "—",
            )
        out.print(table)
    if result.pillars:
        table = Table(title=_(N_("Content pillars: share of posts")), title_justify="left")
        for header in (_(N_("Pillar")), _(N_("Planned %")), _(N_("Actual %")), _(N_("Posts"))):
            table.add_column(header)
        names = {p.id: p.name for p in strategy.content.pillars}
        for pillar in result.pillars:
            table.add_row(
                names.get(pillar.id, pillar.id),
                num(pillar.planned, lang) if pillar.planned is not None else "—",
                num(pillar.actual, lang),
                str(pillar.posts),
            )
        out.print(table)
    if result.best:
        table = Table(
            title=_(N_("What performs best (engagement rate by reach, per post)")),
            title_justify="left",
        )
        for header in (_(N_("By")), _(N_("Best")), _(N_("Engagement rate")), _(N_("Posts"))):
            table.add_column(header)
        for dimension in ("format", "pillar", "weekday", "hour"):
            rows = [b for b in result.best if b.dimension == dimension][:3]
            for row in rows:
                table.add_row(
                    _(DIMENSIONS[dimension]),
                    _shown(row.dimension, row.value, words, lang),
                    kpi_value(row.engagement_rate, "percent", lang, currency, 1),
                    str(row.posts),
                )
        out.print(table)


DIMENSIONS = {
    "format": N_("format"),
    "pillar": N_("pillar"),
    "weekday": N_("day"),
    "hour": N_("hour"),
}


def _shown(dimension: str, value: str, words: Words, lang: Lang) -> str:
    if dimension == "format":
        return words.format(value)
    if dimension == "weekday":
        return translator(lang)(WEEKDAYS.get(value, value))
    if dimension == "hour":
        return f"{int(value):02d}:00"
    return value


def kpi_csv(result: Measurement, strategy: Strategy, lang: Lang) -> str:
    """One row per KPI and period: actual, expected, target, for a spreadsheet."""
    from stratege.exports.cells import safe_cell

    _ = translator(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "kpi",
            "metric",
            "period_start",
            "period_end",
            "actual",
            "expected",
            "baseline",
            "target",
            "deadline",
            "status",
        ]
    )
    for kpi in result.kpis:
        for point in kpi.points:
            writer.writerow(
                [
                    safe_cell(kpi.id),
                    kpi.metric,
                    point.period_start.isoformat(),
                    point.period_end.isoformat(),
                    "" if point.actual is None else f"{point.actual:.6g}",
                    "" if point.expected is None else f"{point.expected:.6g}",
                    "" if kpi.baseline is None else kpi.baseline,
                    "" if kpi.target is None else kpi.target,
                    kpi.deadline.isoformat() if kpi.deadline else "",
                    _(STATUS[kpi.status]) if point is kpi.points[-1] else "",
                ]
            )
    return buffer.getvalue()


BASIS = {"reach": N_("by reach"), "followers": N_("by followers"), "": ""}


def print_audit(result, strategy: Strategy, lang: Lang) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    _ = translator(lang)
    words = Words(lang)
    currency = strategy.resources.budget.currency
    if result.end is None:
        say(_(N_("No data in the store yet.")), "yellow")
        return
    names = {c.id: c.name for c in strategy.audit.competitors}
    table = Table(
        title=_(N_("Audit from {start} to {end}"), start=result.start, end=result.end),
        title_justify="left",
    )
    for header in (
        _(N_("Platform")),
        _(N_("Account")),
        _(N_("Followers")),
        _(N_("Growth")),
        _(N_("Posts / week")),
        _(N_("Engagement rate")),
        _(N_("Share of audience")),
        _(N_("Formats")),
    ):
        table.add_column(header)
    for entry in result.accounts:
        who = _(N_("own")) if entry.owner == "own" else names.get(entry.owner, entry.owner)
        rate = kpi_value(entry.engagement_rate, "percent", lang, currency, 2)
        if entry.engagement_basis:
            rate += f" ({_(BASIS[entry.engagement_basis])})"
        table.add_row(
            words.platform(entry.platform),
            f"{entry.account} — {who}",
            kpi_value(entry.followers, "count", lang, currency),
            kpi_value(entry.growth, "percent", lang, currency, 1),
            kpi_value(entry.posts_per_week, "per_week", lang, currency, 1),
            rate,
            kpi_value(entry.audience_share, "percent", lang, currency, 0),
            ", ".join(f"{words.format(f)} {num(s, lang)} %" for f, s in entry.formats[:2]) or "—",
        )
    console().print(table)


SUGGESTIONS = {
    "cadence": N_(
        "{subject}: weeks with more posts brought no more reach ({reach_per_extra_post} per "
        "extra post over {weeks} weeks, {posts_per_week} posts a week) — post {proposed} per "
        "period instead of {current}."
    ),
    "window": N_(
        "{subject}: posts at {hour}:00, outside the publishing windows, engage {rate} % "
        "against {channel_rate} % on average ({posts} posts) — add a window at that hour."
    ),
    "format_share": N_(
        "{subject}: the format {format} engages {rate} % against {channel_rate} % on average "
        "({posts} posts) — raise its share of the mix."
    ),
    "target_met": N_(
        "{subject}: {latest} already beats the target {current} before the deadline "
        "({deadline}) — raise the target to {proposed}."
    ),
    "target_out_of_reach": N_(
        "{subject}: the trend leads to {projected} at the deadline ({deadline}), less than half "
        "the way to the target {current} — set {proposed} or give it more time."
    ),
}


def print_review(result, lang: Lang) -> None:  # type: ignore[no-untyped-def]
    _ = translator(lang)
    if not result.suggestions:
        say(_(N_("No change suggested: the measured results support the strategy as it is.")))
        return
    for s in result.suggestions:
        values = {k: _figure(v, lang) for k, v in s.evidence.items()}
        if "format" in s.evidence:
            values["format"] = Words(lang).format(str(s.evidence["format"]))
        text = _(
            SUGGESTIONS[s.code],
            subject=s.subject,
            current=_figure(s.current, lang),
            proposed=_figure(s.proposed, lang),
            **values,
        )
        say("• " + text)
        say(f"    {s.path}: {s.current} → {s.proposed}", "dim")
    say(_(N_("Run again with --apply to make these changes (the diff is shown).")), "dim")


def _figure(value: object, lang: Lang) -> str:
    if isinstance(value, float):
        return num(value, lang, 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2)
    if value is None:
        return "—"
    return str(value)
