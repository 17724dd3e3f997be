"""Listening results and customer care from a strategy's measurement store.

Public API (the command line, the web app, the strategy document's Results section and the
listening benchmark call it; none of them reads the store itself)::

    listening_results(document, data=None, period="month") -> ListeningResults

``document`` is a loaded strategy (``stratege.services.strategies.load``), ``data`` the
store (default: ``STRATEGY.data.duckdb`` beside it), ``period`` "week" or "month". It
raises :class:`~stratege.measure.errors.MeasureError` ("no_data" when there is no store,
"store_busy" while an import writes it). A store without mentions or messages gives empty
lists and zero counts, not an error (``results.mentions`` / ``results.messages``).

:class:`~stratege.listening.report.ListeningResults` is a tree of dataclasses of plain
values; ``.record()`` is its JSON-ready dict, ``.to_json()`` its text. The series a chart
draws:

- ``volumes``: one :class:`~stratege.listening.results.BrandPeriod` per period (``period``:
  its first day; ``label``: "2027-03" or "2027-W09") and brand (``owner``: 'own' or a
  competitor id, ``brands`` in order), every period from the first mention's to the last's
  with zeros, then one per brand with ``period`` None (the whole range): ``mentions``,
  ``share_of_voice`` (%), ``positive`` / ``negative`` / ``neutral`` / ``unlabelled``,
  ``net_sentiment`` — share of voice and sentiment over time;
- ``shares``: share of voice per ``dimension`` "platform" or "language" (``value``), per
  period and over the whole range (``period`` None);
- ``terms``: the own brand's top terms and hashtags per period, then overall;
- ``alerts`` (day, kind "volume" / "negative_share", value, median, MAD, threshold, the
  mentions that drive it) and ``daily`` (each brand's mentions, negative share and
  thresholds per day) — the alert timeline;
- ``advocates``: ambassadors and influencers, with the strategy's audience ids to propose
  them for;
- ``agreement``: the source tool's sentiment against the model's, where both exist;
- ``care``: response rate, median and 90th percentile first-response time, overall, per
  channel against its cadence and per hour of the week (``hours``: the response-time
  distribution), and the messages received outside covered hours left unanswered or
  answered late.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from stratege.measure.errors import MeasureError
from stratege.services.measuring import data_path
from stratege.strategy import StrategyDocument

if TYPE_CHECKING:
    from stratege.listening.report import ListeningResults


def listening_results(
    document: StrategyDocument, data: Path | None = None, period: str = "month"
) -> ListeningResults:
    """Every listening result of the strategy's store (see the module's docstring)."""
    from stratege.knowledge.loader import load_knowledge
    from stratege.listening.report import read_results
    from stratege.measure.store import StoreBusy, open_current

    if period not in ("week", "month"):
        raise ValueError(f"unknown period {period!r}: week or month")
    path = data_path(document, data)
    if not path.is_file():
        raise MeasureError("no_data", path=str(path))
    try:
        con = open_current(path, load_knowledge(document.strategy.knowledge))
    except StoreBusy as error:
        raise MeasureError("store_busy", path=str(path)) from error
    try:
        return read_results(con, document.strategy, period)
    finally:
        con.close()
