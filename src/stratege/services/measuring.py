"""Measurement operations: import exports into a strategy's store, and read it back.

The store is a DuckDB file beside the strategy (``ma-strategie.data.duckdb`` for
``ma-strategie.yaml``) unless another is named.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stratege.knowledge.loader import load_knowledge
from stratege.measure.errors import MeasureError
from stratege.strategy import StrategyDocument

if TYPE_CHECKING:  # the database modules load only for the operations that use them
    from duckdb import DuckDBPyConnection

    from stratege.knowledge.models import Knowledge
    from stratege.measure.audit import Audit
    from stratege.measure.engine import KpiEngine
    from stratege.measure.importing import FileOutcome
    from stratege.measure.progress import Measurement
    from stratege.measure.review import Review, Suggestion
    from stratege.planning.slots import Slot
    from stratege.services.planning import PlanResult


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
    from stratege.measure.importing import ImportOptions, import_files

    strategy = document.strategy
    knowledge = load_knowledge(strategy.knowledge)
    spec, decimal = None, None
    if mapping is not None:
        from stratege.measure.mapping import load_mapping

        spec, decimal = load_mapping(mapping, knowledge)
    from stratege.listening.mention_reader import listening_key, mention_reader

    options = ImportOptions(
        account,
        competitor,
        skip_bad_rows,
        year,
        spec,
        decimal,
        mentions=mention_reader(strategy.listening),
        listening_key=listening_key(strategy.listening),
    )
    con = _open(data_path(document, data), read_only=False)
    try:
        return import_files(con, strategy, knowledge, list(files), options)
    finally:
        con.close()


def relabel_mention(
    document: StrategyDocument,
    mention_id: str,
    label: str,
    *,
    note: str = "",
    data: Path | None = None,
) -> int:
    """A user's sentiment label for a mention, kept across re-imports and in force over the
    model's and the source tool's: the number of platforms it was found on."""
    from stratege.measure.mentions import correct_sentiment
    from stratege.measure.store import ensure_schema, transaction

    path = data_path(document, data)
    if not path.is_file():
        raise MeasureError("no_data", path=str(path))
    con = _open(path, read_only=False)
    try:
        ensure_schema(con, load_knowledge(document.strategy.knowledge))
        with transaction(con):
            found = correct_sentiment(con, mention_id, label, note)
            if not found:
                raise MeasureError("unknown_mention", mention=mention_id, path=str(path))
            from stratege.measure.mentions import refresh_ambassadors

            refresh_ambassadors(con)
        return found
    finally:
        con.close()


def _open(path: Path, *, read_only: bool) -> DuckDBPyConnection:
    from stratege.measure.store import StoreBusy, open_store

    try:
        return open_store(path, read_only=read_only)
    except StoreBusy as error:
        raise MeasureError("store_busy", path=str(path)) from error


def _open_current(path: Path, knowledge: Knowledge) -> DuckDBPyConnection:
    """Read-only, after bringing a store written by an older version up to date."""
    from stratege.measure.store import StoreBusy, open_current

    try:
        return open_current(path, knowledge)
    except StoreBusy as error:
        raise MeasureError("store_busy", path=str(path)) from error


@contextlib.contextmanager
def measurements(
    document: StrategyDocument, data: Path | None = None
) -> Iterator[tuple[DuckDBPyConnection, KpiEngine, Knowledge]]:
    """The strategy's store, read-only, a KPI engine on it and the knowledge, closed on
    leaving; MeasureError when there is no store."""
    import ibis  # type: ignore[import-untyped]

    from stratege.measure.engine import KpiEngine

    path = data_path(document, data)
    if not path.is_file():
        raise MeasureError("no_data", path=str(path))
    knowledge = load_knowledge(document.strategy.knowledge)
    con = _open_current(path, knowledge)
    try:
        # The engine on a cursor of its own: a result left open by a direct query on ``con``
        # must not block the engine's queries (DuckDB allows one open result per connection).
        yield con, KpiEngine(ibis.duckdb.from_connection(con.cursor()), knowledge), knowledge
    finally:
        con.close()


def measure(
    document: StrategyDocument,
    *,
    data: Path | None = None,
    period: str | None = None,
    with_plan: bool = True,
    slots: Sequence[Slot] = (),
) -> Measurement:
    """Each KPI against its trajectory, publication against cadence, mix and plan."""
    with measurements(document, data) as (con, engine, knowledge):
        return _measure(con, engine, knowledge, document, period, with_plan, slots)


def _measure(
    con: DuckDBPyConnection,
    engine: KpiEngine,
    knowledge: Knowledge,
    document: StrategyDocument,
    period: str | None,
    with_plan: bool,
    slots: Sequence[Slot],
) -> Measurement:
    from stratege.measure.progress import measure as measure_progress

    strategy = document.strategy
    if with_plan and not slots:
        # the planned posts only: their days do not depend on who produces them, so the
        # staffing solver (most of a plan's time) is not run
        from stratege.planning.days import Horizon
        from stratege.planning.slots import plan_slots

        slots = plan_slots(strategy, knowledge, Horizon.of(strategy, None, None))
    return measure_progress(con, engine, strategy, knowledge, period=period, slots=slots)


def audit(document: StrategyDocument, *, data: Path | None = None, days: int = 90) -> Audit:
    """Own accounts against competitors over the last ``days`` of data (question 3)."""
    from stratege.measure.audit import audit as audit_accounts

    with measurements(document, data) as (con, engine, _knowledge):
        return audit_accounts(con, engine, days=days)


def audit_update(
    document: StrategyDocument,
    result: Audit,
    *,
    data: Path | None = None,
    days: int = 90,
    accounts: bool = True,
    baselines: bool = False,
) -> tuple[str, str]:
    """(current text, new text) of the strategy with the observed figures of ``result``
    written into ``audit.accounts`` and, with ``baselines``, baselines measured over the
    same ``days`` for the KPIs without one. Comments and key order are kept; nothing is
    written here."""
    from stratege.measure.audit import audited_accounts, proposed_baselines

    strategy = document.strategy
    before = document.dumps()
    update: dict[str, object] = {}
    if accounts and result.accounts:
        audit_section = strategy.audit.model_copy(
            update={"accounts": audited_accounts(result, strategy)}
        )
        update["audit"] = audit_section
    if baselines and result.end is not None:
        with measurements(document, data) as (_con, engine, _knowledge):
            proposals = proposed_baselines(engine, strategy, result.end, days)
        update["kpis"] = [
            k.model_copy(update={"baseline": proposals[k.id]}) if k.id in proposals else k
            for k in strategy.kpis
        ]
    if update:
        document.update(strategy.model_copy(update=update))
    return before, document.dumps()


def review(document: StrategyDocument, *, data: Path | None = None) -> Review:
    """Suggested changes to the strategy from the measured results, with their evidence."""
    from stratege.measure.review import review as review_strategy

    with measurements(document, data) as (con, engine, knowledge):
        measurement = _measure(con, engine, knowledge, document, None, False, ())
        return review_strategy(con, document.strategy, measurement)


def review_update(document: StrategyDocument, suggestions: list[Suggestion]) -> tuple[str, str]:
    """(current text, new text) of the strategy with the suggestions applied; comments and
    key order kept; nothing is written here."""
    from stratege.measure.review import apply

    before = document.dumps()
    document.update(apply(document.strategy, suggestions))
    return before, document.dumps()


def diff(before: str, after: str, name: str) -> str:
    """A unified diff of a strategy's text, to show before writing it."""
    import difflib

    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"{name} (before)",
            f"{name} (after)",
        )
    )


def attach_measurement(result: PlanResult, data: Path | None = None) -> bool:
    """Give a plan's documents their Results section when the strategy has a store with
    data (``data``, else the file beside the strategy); False when it has none."""
    path = data_path(result.document, data)
    if not path.is_file():
        return False
    result.measurement = measure(
        result.document, data=path, slots=result.plan.slots, with_plan=False
    )
    from stratege.services.listening import listening_results

    listening = listening_results(result.document, data=path)
    result.listening = listening if listening.has_data else None
    return result.measurement.first_day is not None or result.listening is not None


def example_data_folder(name: str) -> Path | None:
    """The bundled example's folder of exports (generated by stratege.examples.make_data)."""
    from importlib import resources

    folder = Path(str(resources.files("stratege") / "examples" / "data" / name))
    return folder if (folder / "imports.yaml").is_file() else None


def import_example_data(document: StrategyDocument, name: str, store: Path) -> list[FileOutcome]:
    """Import a bundled example's exports into ``store``, as its ``imports.yaml`` lists
    them (file, and the options of `stratege import`: mapping, competitor, account, year)."""
    from ruamel.yaml import YAML

    folder = example_data_folder(name)
    if folder is None:
        return []
    outcomes: list[FileOutcome] = []
    for entry in YAML(typ="safe").load((folder / "imports.yaml").read_text("utf-8")) or []:
        mapping = entry.get("mapping")
        outcomes += import_exports(
            document,
            [folder / entry["file"]],
            data=store,
            mapping=folder / mapping if mapping else None,
            account=entry.get("account"),
            competitor=entry.get("competitor"),
            skip_bad_rows=bool(entry.get("skip_bad_rows", False)),
            year=entry.get("year"),
        )
    return outcomes
