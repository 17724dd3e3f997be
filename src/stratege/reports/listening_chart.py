"""The listening chart of the Results section: share of voice and net sentiment over time,
the own brand's daily mentions against the alert threshold, and first-response times per
hour of the week (small multiples; shapes drawn once, words per language)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stratege.reports.charting import Chart, colour, month_labels, month_ticks, small_multiples
from stratege.reports.charts import TINY
from stratege.reports.context import Context

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def panels(context: Context) -> list[str]:
    """The panels that have something to show."""
    found = context.listening
    if found is None:
        return []
    shown = []
    if found.mentions:
        shown += ["share", "sentiment", "alerts"]
    if any(h.channel is None and h.median_minutes is not None for h in found.care.hours):
        shown.append("care")
    return shown


def _draw(context: Context) -> Figure:
    from matplotlib.dates import date2num

    found = context.listening
    assert found is not None
    shown = panels(context)
    drawing, grid = small_multiples(len(shown), 2 if len(shown) > 1 else 1, 2.4)
    periods = [v for v in found.volumes if v.period is not None]
    first, last = found.first_day, found.last_day
    for axes, panel in zip(grid, shown, strict=False):
        axes.tick_params(labelsize=TINY)
        if panel != "care" and first is not None and last is not None:
            month_ticks(axes, first, last, every=1 if (last - first).days < 200 else 3)
        if panel in ("share", "sentiment"):
            for index, owner in enumerate(found.brands):
                points = [v for v in periods if v.owner == owner]
                values = [v.share_of_voice if panel == "share" else v.net_sentiment for v in points]
                kept = [(p.period, y) for p, y in zip(points, values, strict=True) if y is not None]
                if kept:
                    axes.plot(
                        date2num([d for d, _ in kept]),
                        [y for _, y in kept],
                        color=colour(index),
                        marker="o",
                        markersize=2,
                        linewidth=1.4 if owner == "own" else 0.9,
                        label=owner,
                    )
        elif panel == "alerts":
            own = [d for d in found.daily if d.owner == "own"]
            axes.plot(
                date2num([d.day for d in own]),
                [d.mentions for d in own],
                color=colour(0),
                linewidth=0.8,
                label="mentions",
            )
            limits = [d for d in own if d.volume_threshold is not None]
            axes.plot(
                date2num([d.day for d in limits]),
                [d.volume_threshold or 0.0 for d in limits],
                color=colour(7),
                linestyle="--",
                linewidth=0.8,
                label="threshold",
            )
            fired = [a for a in found.alerts if a.owner == "own"]
            axes.scatter(
                date2num([a.day for a in fired]),
                [a.mentions for a in fired],
                color=colour(3),
                s=12,
                zorder=3,
                label="alert",
            )
        else:
            hours = [h for h in found.care.hours if h.channel is None and h.weekday is not None]
            hours = [h for h in hours if h.median_minutes is not None]
            axes.bar(
                [(h.weekday or 1) - 1 + (h.hour or 0) / 24 for h in hours],
                [h.median_minutes or 0.0 for h in hours],
                width=1 / 24,
                color=colour(0),
            )
            axes.set_xlim(0, 7)
            axes.set_xticks([i + 0.5 for i in range(7)])
    return drawing


def _label(drawing: Figure, context: Context) -> None:
    _ = context._
    titles = {
        "share": _("Share of voice (%)"),
        "sentiment": _("Net sentiment"),
        "alerts": _("Your brand's mentions per day, alert threshold and alerts"),
        "care": _("Median first response (minutes) per hour of the week"),
    }
    names = {"mentions": _("mentions"), "threshold": _("threshold"), "alert": _("alert")}
    visible = [axes for axes in drawing.axes if axes.get_visible()]
    for axes, panel in zip(visible, panels(context), strict=True):
        axes.set_title(titles[panel], fontsize=7, y=1.0, pad=4)
        if panel == "care":
            days = [
                context.words("weekday-short", d)
                for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
            ]
            axes.set_xticklabels(days, fontsize=TINY)
            continue
        month_labels(axes, context.lang)
        handles, labels = axes.get_legend_handles_labels()
        if panel in ("share", "sentiment"):
            names_of = {c.id: c.name for c in context.strategy.audit.competitors}
            labels = [_("your brand") if n == "own" else names_of.get(n, n) for n in labels]
        else:
            labels = [names.get(name, name) for name in labels]
        if handles:
            axes.legend(handles, labels, fontsize=TINY, frameon=False)


LISTENING = Chart("listening", _draw, _label)


def listening_chart(context: Context) -> bytes:
    return context.charts.png(LISTENING, context)
