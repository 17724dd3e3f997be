"""Measurement operations: import exports into a strategy's store, and read it back.

The store is a DuckDB file beside the strategy (``ma-strategie.data.duckdb`` for
``ma-strategie.yaml``) unless another is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stratege.knowledge.loader import load_knowledge
from stratege.measure.errors import MeasureError
from stratege.measure.importing import FileOutcome, ImportOptions, import_files
from stratege.measure.store import StoreBusy, open_store
from stratege.strategy import StrategyDocument


def data_path(document: StrategyDocument, data: Path | None = None) -> Path:
    """The store of a strategy: ``data`` when given, else a file beside the strategy."""
    if data is not None:
        return data
    return document.path.with_name(document.path.stem + ".data.duckdb")


def import_exports(
    document: StrategyDocument,
    files: Sequence[Path],
    *,
    data: Path | None = None,
    mapping: Path | None = None,
    account: str | None = None,
    competitor: str | None = None,
    skip_bad_rows: bool = False,
    year: int | None = None,
) -> list[FileOutcome]:
    """Import the files into the strategy's store, all or nothing (see measure.importing)."""
    strategy = document.strategy
    knowledge = load_knowledge(strategy.knowledge)
    spec, decimal = None, None
    if mapping is not None:
        from stratege.measure.mapping import load_mapping

        spec, decimal = load_mapping(mapping, knowledge)
    options = ImportOptions(account, competitor, skip_bad_rows, year, spec, decimal)
    path = data_path(document, data)
    try:
        con = open_store(path)
    except StoreBusy as error:
        raise MeasureError("store_busy", path=str(path)) from error
    try:
        return import_files(con, strategy, knowledge, list(files), options)
    finally:
        con.close()
