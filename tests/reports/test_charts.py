"""The charts: names a reader knows, numbers as the language writes them, units on the axes,
the same bytes every time, and matplotlib loaded only to draw."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from stratege.reports import charting, charts
from stratege.reports.charting import ChartBook
from stratege.reports.context import Context
from tests.reports.examples import TODAY, findings, plan

CHARTS = ["posts_per_week", "workload", "budget", "campaigns", "trajectories"]


def context(lang: str, name: str = "mairie-rives") -> Context:
    return Context.of(plan(name), findings(name), lang, TODAY)  # type: ignore[arg-type]


def drawn_texts(
    monkeypatch: pytest.MonkeyPatch, chart: Callable[[Context], bytes], lang: str
) -> list[str]:
    """Every text on the chart, once drawn: titles, labels, legends, ticks."""
    from matplotlib.text import Text

    kept = []

    def keep(figure) -> bytes:  # type: ignore[no-untyped-def]
        figure.canvas.draw()
        kept.append(figure)
        return b""

    monkeypatch.setattr(charting, "png", keep)
    chart(context(lang))
    texts = list(kept[0].findobj(Text))
    for axes in kept[0].axes:
        texts += axes.get_xticklabels() + axes.get_yticklabels()
    return [t.get_text() for t in texts if t.get_text() and t.get_visible()]


@pytest.mark.parametrize("chart", CHARTS)
def test_the_same_chart_is_the_same_png(chart: str) -> None:
    draw = getattr(charts, chart)
    first = draw(context("fr"))
    assert first.startswith(b"\x89PNG") and draw(context("fr")) == first
    assert b"Software" not in first and b"matplotlib" not in first


@pytest.mark.parametrize("chart", CHARTS)
def test_a_chart_drawn_for_another_language_first_is_the_same(chart: str) -> None:
    """A pack draws each chart once and writes its words in each language in turn."""
    draw = getattr(charts, chart)
    book = ChartBook(plan("mairie-rives"))
    english = draw(Context.of(plan("mairie-rives"), [], "en", TODAY, book))
    french = draw(Context.of(plan("mairie-rives"), [], "fr", TODAY, book))
    assert len(book.drawn) == 1
    assert french == draw(context("fr")) and english == draw(context("en"))
    assert french != english


def test_a_book_draws_for_its_own_plan_only() -> None:
    book = ChartBook(plan("mairie-rives"))
    with pytest.raises(ValueError, match="one plan"):
        charts.budget(Context.of(plan("northwind-analytics"), [], "en", TODAY, book))


def test_channels_are_named_by_their_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = drawn_texts(monkeypatch, charts.posts_per_week, "en")
    names = context("en").channel_names
    assert set(names.values()) <= set(texts)
    ids = {c.id for c in plan("mairie-rives").strategy.channels} - set(names.values())
    assert not ids & set(texts)
    assert "Posts per week" in texts


def test_kpis_are_titled_by_their_metric(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = drawn_texts(monkeypatch, charts.trajectories, "fr")
    strategy = plan("mairie-rives").strategy
    assert "Portée cumulée" in texts and "Taux de réponse" in texts
    assert not {k.id for k in strategy.kpis} & set(texts)
    assert not {k.metric for k in strategy.kpis} & set(texts)


def test_a_metric_followed_twice_is_told_apart_by_its_channels(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    titles = charts._kpi_titles(
        context("en", "northwind-analytics"), plan("northwind-analytics").trajectories
    )
    assert len(set(titles)) == len(titles)


def test_french_numbers_on_every_axis(monkeypatch: pytest.MonkeyPatch) -> None:
    trajectories = drawn_texts(monkeypatch, charts.trajectories, "fr")
    assert "140\u202f000" in trajectories  # narrow no-break space between thousands
    assert "0,14\u00a0%" in trajectories  # decimal comma, percent as French writes it
    assert not any("." in t and t[0].isdigit() for t in trajectories)
    budget = drawn_texts(monkeypatch, charts.budget, "fr")
    assert "1\u202f000\u00a0€" in budget
    workload = drawn_texts(monkeypatch, charts.workload, "fr")
    assert "Heures par semaine (moyenne)" in workload


def test_english_numbers_and_months(monkeypatch: pytest.MonkeyPatch) -> None:
    budget = drawn_texts(monkeypatch, charts.budget, "en")
    assert "€1,000" in budget and "Jan 2027" in budget and "Spending per month" in budget


def test_units_on_the_kpi_axes(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = drawn_texts(monkeypatch, charts.trajectories, "en")
    assert "minutes" in texts  # the median first-response time
    assert any(t.endswith("%") for t in texts)


def test_matplotlib_is_loaded_only_to_draw() -> None:
    code = (
        "import sys, stratege.reports.build, stratege.reports.render; "
        "print(sorted(m for m in ('matplotlib', 'docx') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"
