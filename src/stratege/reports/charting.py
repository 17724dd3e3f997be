"""Drawing tools shared by the document's charts: one figure, its axes in the language's
numbers and dates, and its PNG bytes (or SVG text, for the web pages).

matplotlib is imported here only when a chart is drawn (never by ``import stratege``), and
only through its object API (``matplotlib.figure.Figure``): no pyplot, no global state, no
display. Output is reproducible: fixed size and DPI, no software or date in the PNG.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from stratege.i18n import Lang
from stratege.i18n.numbers import LOCALES, money, num, percent

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

PALETTE = (
    "#2f5d8a",
    "#e07b39",
    "#4c9a6a",
    "#b8474f",
    "#8a6bb0",
    "#c9a227",
    "#5bb0c9",
    "#7f7f7f",
    "#a3623a",
    "#3d7d7d",
)
WIDTH, HEIGHT, DPI = 7.5, 3.6, 150
SMALL, TINY = 7, 6  # font sizes of legends and ticks


@dataclass(frozen=True)
class Chart:
    """A chart in two steps: ``draw(context)`` makes its shapes from the plan (the same in
    every language), ``label(figure, context)`` writes its words in the context's language."""

    name: str
    draw: Callable[[Any], Figure]
    label: Callable[[Figure, Any], None]


@dataclass
class ChartBook:
    """The charts of one plan: each drawn once, then labelled in every language asked for.

    A book answers for its own plan only. The pack does not share one between languages:
    a figure labelled in one language and then another can come out a few pixels apart
    from one drawn for the second language alone (the layout settles from where the
    first labels left it), and the pack's files must not depend on the order of work.
    """

    plan: object
    drawn: dict[str, Figure] = field(default_factory=dict)

    def png(self, chart: Chart, context: Any) -> bytes:
        return png(self.labelled(chart, context))

    def svg(self, chart: Chart, context: Any, title: str) -> str:
        return svg(self.labelled(chart, context), title, context.lang)

    def labelled(self, chart: Chart, context: Any) -> Figure:
        """The chart's shapes (drawn once), with its words in the context's language."""
        if context.plan is not self.plan:
            raise ValueError("a chart book draws the charts of one plan")
        if chart.name not in self.drawn:
            self.drawn[chart.name] = chart.draw(context)
        drawing = self.drawn[chart.name]
        chart.label(drawing, context)
        return drawing


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def figure(height: float = HEIGHT) -> tuple[Figure, Axes]:
    """One chart, laid out by matplotlib's constrained layout (computed once, at save
    time), so long names and labels fit whatever their language."""
    from matplotlib.figure import Figure

    drawing = Figure(figsize=(WIDTH, height), layout="constrained")
    axes = drawing.add_subplot()
    _plain(axes)
    return drawing, axes


def small_multiples(count: int, columns: int, row_height: float) -> tuple[Figure, list[Axes]]:
    """A grid of small charts with fixed margins: their labels are short and alike, and
    measuring each of them for a computed layout would cost more than all the drawing."""
    from matplotlib.figure import Figure

    rows = max((count + columns - 1) // columns, 1)
    height = row_height * rows
    drawing = Figure(figsize=(WIDTH, height))
    grid = drawing.subplots(rows, columns, squeeze=False)
    drawing.subplots_adjust(
        left=0.08, right=0.98, bottom=0.3 / height, top=1 - 0.35 / height, wspace=0.45, hspace=0.6
    )
    for axes in grid.flat:
        _plain(axes)
    for axes in grid.flat[count:]:
        axes.set_visible(False)
    return drawing, list(grid.flat)[:count]


def _plain(axes: Axes) -> None:
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=SMALL)
    axes.set_axisbelow(True)  # grid lines behind the bars


def relabel_legend(axes: Axes, words: Callable[[str], str]) -> None:
    """The legend's texts in a language: each entry was drawn with a key (a channel id,
    a budget category) as its label."""
    _handles, keys = axes.get_legend_handles_labels()  # the drawn artists keep their keys
    legend = axes.get_legend()
    assert legend is not None, "the chart was drawn with its legend"
    for key, text in zip(keys, legend.texts, strict=True):
        text.set_text(words(key))


def legend_above(axes: Axes, columns: int) -> None:
    """The legend over the plot, outside it: it never hides a bar, and costs no search
    for the emptiest corner."""
    axes.legend(
        fontsize=SMALL, ncols=columns, frameon=False, loc="lower left", bbox_to_anchor=(0, 1)
    )


def png(drawing: Figure) -> bytes:
    """The figure drawn once, as PNG bytes without metadata that would change between runs."""
    buffer = io.BytesIO()
    # compress_level 3 instead of 6: a tenth larger, a quarter of a second sooner per pack
    drawing.savefig(
        buffer,
        format="png",
        dpi=DPI,
        metadata={"Software": None},
        pil_kwargs={"compress_level": 3},
    )
    return buffer.getvalue()


def svg(drawing: Figure, title: str, lang: Lang) -> str:
    """The figure as SVG text, the same for the same plan: letters drawn as paths (shown
    alike everywhere, no font needed; the words stay only in escaped XML comments), ids
    from a fixed salt, no date.
    ``title`` is the image's ``<title>``, read out when the file is opened on its own.

    The salt is a matplotlib setting, changed only for this call (charts are drawn by one
    thread at a time: the CLI, the pack, the web app's worker)."""
    from matplotlib import rc_context

    buffer = io.StringIO()
    with rc_context({"svg.hashsalt": "stratege", "svg.fonttype": "path"}):
        drawing.savefig(
            buffer,
            format="svg",
            metadata={"Title": title, "Language": lang, "Date": None, "Creator": None},
        )
    return buffer.getvalue()


def number_axis(axis: Axis, lang: Lang, write: Callable[[float, int], str] | None = None) -> None:
    """Tick labels as the language writes numbers ("1 500", "2,5"), with the decimals the
    tick spacing needs; ``write(value, decimals)`` for amounts or percentages."""
    from matplotlib.ticker import Formatter

    class LocalNumbers(Formatter):
        decimals = 0
        written: dict[tuple[float, int], str] = {}  # noqa: RUF012  (the layout and the drawing ask alike)

        def set_locs(self, locs: list[float]) -> None:
            self.decimals = tick_decimals(list(locs))

        def __call__(self, value: float, pos: int | None = None) -> str:
            key = (value, self.decimals)
            if key not in self.written:
                self.written[key] = write(*key) if write else num(value, lang, self.decimals)
            return self.written[key]

    axis.set_major_formatter(LocalNumbers())


def money_axis(axis: Axis, lang: Lang, currency: str) -> None:
    number_axis(axis, lang, lambda value, _decimals: money(value, currency, lang))


def percent_axis(axis: Axis, lang: Lang) -> None:
    """For values held in percents (3.5 means 3.5 %)."""
    number_axis(axis, lang, lambda value, decimals: percent(value / 100, lang, decimals))


def tick_decimals(locations: list[float]) -> int:
    steps = [abs(b - a) for a, b in pairwise(locations) if b != a]
    step = min(steps, default=1.0)
    return max(0, math.ceil(-math.log10(step) - 1e-9)) if step < 1 else 0


def month_ticks(axes: Axes, first: dt.date, last: dt.date, every: int = 1) -> None:
    """A tick on the first day of each month from ``first`` to ``last`` (every ``every``
    months, counted from January): computed once, not searched at every drawing."""
    from matplotlib.dates import date2num
    from matplotlib.ticker import FixedLocator

    starts, month = [], first.replace(day=1)
    while month <= last:
        if (month.month - 1) % every == 0:
            starts.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    axes.xaxis.set_major_locator(FixedLocator(date2num(starts)))


def month_labels(axes: Axes, lang: Lang) -> None:
    """Months as the language abbreviates them ("févr.", "Feb"), the year in January."""
    axes.xaxis.set_major_formatter(month_formatter(lang))


def month_formatter(lang: Lang):  # type: ignore[no-untyped-def]  # a matplotlib Formatter
    from babel.dates import format_date
    from matplotlib.dates import num2date
    from matplotlib.ticker import FuncFormatter

    @functools.cache
    def label(value: float, _position: int | None) -> str:
        day = num2date(value).date()
        return format_date(day, "MMM y" if day.month == 1 else "MMM", locale=LOCALES[lang])

    return FuncFormatter(label)
