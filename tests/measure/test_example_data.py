"""The bundled examples' data (src/stratege/examples/data): current, importable, measurable.

The demo imports these files as they are committed, so they must be exactly what
``make_data.py`` makes from today's plan and formats (else: run
``python -m stratege.examples.make_data`` and commit), every file of the manifest must import
without a rejected row, and the store must give the example's KPIs some values and its
listening results something to show (ambassadors, the incident's alerts).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb
import pytest
from ruamel.yaml import YAML

from stratege.bundled import example_names
from stratege.examples import listening_data, make_data
from stratege.examples.listening_texts import VOICES
from stratege.listening.alerts import daily_alerts
from stratege.listening.queries import compile_query, match_many
from stratege.services.measuring import import_exports, measure
from stratege.services.strategies import example
from stratege.strategy.model import Strategy

DATA = Path(str(resources.files("stratege") / "examples" / "data"))
NAMES = example_names()


def manifest(name: str) -> list[dict[str, str]]:
    entries = YAML(typ="safe").load((DATA / name / "imports.yaml").read_text("utf-8"))
    assert isinstance(entries, list) and entries
    return entries


def groups(entries: list[dict[str, str]]) -> list[tuple[dict[str, str], list[str]]]:
    """Consecutive files with the same options, imported together as one command would."""
    result: list[tuple[dict[str, str], list[str]]] = []
    for entry in entries:
        options = {k: v for k, v in entry.items() if k != "file"}
        if result and result[-1][0] == options:
            result[-1][1].append(entry["file"])
        else:
            result.append((options, [entry["file"]]))
    return result


def test_every_example_has_data() -> None:
    assert sorted(p.name for p in DATA.iterdir() if p.is_dir()) == NAMES
    assert not (DATA / "__init__.py").exists()  # package data, not a package


@pytest.mark.parametrize("name", NAMES)
def test_committed_data_is_what_make_data_makes(name: str, tmp_path: Path) -> None:
    make_data.write(name, tmp_path)
    fresh = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_bytes() for p in (DATA / name).iterdir() if p.is_file()}
    assert sorted(committed) == sorted(fresh)
    stale = [file for file in fresh if fresh[file] != committed[file]]
    assert not stale, f"regenerate with python -m stratege.examples.make_data: {stale}"
    # the mentions and messages of listening make most of it: a few thousand rows each
    assert sum(len(data) for data in committed.values()) < 1536 * 1024
    assert max(len(data) for data in committed.values()) < 1024 * 1024


@pytest.mark.parametrize("name", NAMES)
def test_manifest_imports_and_measures(name: str, tmp_path: Path) -> None:
    folder = DATA / name
    entries = manifest(name)
    listed = {e["file"] for e in entries} | {e["mapping"] for e in entries if "mapping" in e}
    on_disk = {p.name for p in folder.iterdir()} - {"README.md", "imports.yaml"}
    assert listed == on_disk
    document = example(name)
    store = tmp_path / "store.duckdb"
    for options, files in groups(entries):
        mapping = folder / options["mapping"] if "mapping" in options else None
        outcomes = import_exports(
            document,
            [folder / file for file in files],
            data=store,
            mapping=mapping,
            competitor=options.get("competitor"),
        )
        assert [o.file for o in outcomes] == files
        for outcome in outcomes:
            assert not outcome.already_imported
            assert outcome.rows_read > 0, outcome.file
            assert outcome.rows_rejected == 0, (outcome.file, outcome.rejected[:3])
    result = measure(document, data=store, with_plan=False)
    measured = [k.id for k in result.kpis if k.latest is not None]
    assert measured, f"{name}: no KPI has a value"
    assert any(c.posts for c in result.channels)
    listening_results(name, document.strategy, store)


def listening_results(name: str, strategy: Strategy, store: Path) -> None:
    """The listening data show something: every brand talked about, the loyal authors
    flagged as ambassadors, the incident's first day raising alerts on the own brand."""
    voices = VOICES[name]
    con = duckdb.connect(str(store), read_only=True)
    try:
        owners = {r[0] for r in con.execute("SELECT DISTINCT owner FROM mention").fetchall()}
        flagged = con.execute(
            "SELECT DISTINCT lower(author) FROM mention WHERE is_ambassador = 1"
        ).fetchall()
        alerts, _ = daily_alerts(con, sorted(owners), strategy.listening.alerts)
    finally:
        con.close()
    assert owners == {"own", *(q.owner for q in strategy.listening.queries)}
    assert {loyal.author.lower() for loyal in voices.loyal} <= {r[0] for r in flagged}
    raised = {(a.kind, a.day) for a in alerts if a.owner == "own"}
    day = voices.incident.day
    assert {("volume", day), ("negative_share", day)} <= raised, sorted(raised)


@pytest.mark.parametrize("name", NAMES)
def test_each_mention_is_claimed_by_the_brands_it_was_written_for(name: str) -> None:
    """The texts of listening_texts against the example's own queries: a mention written for
    the own brand, a competitor or both is claimed by exactly those, the noise by none."""
    strategy = example(name).strategy
    start, end = make_data.first_months(strategy)
    found = listening_data.mentions(name, start, end)
    queries = strategy.listening.queries
    masks = match_many([compile_query(q.query) for q in queries], [m.text for m in found])
    claimed = [
        {q.owner for q, mask in zip(queries, masks, strict=True) if mask[i]}
        for i in range(len(found))
    ]
    wrong = [
        (m.text, m.owners, c) for m, c in zip(found, claimed, strict=True) if set(m.owners) != c
    ]
    assert not wrong, wrong[:5]
    written = {o for m in found for o in m.owners}
    assert written == {q.owner for q in queries}
