"""The bundled examples' data (src/stratege/examples/data): current, importable, measurable.

The demo imports these files as they are committed, so they must be exactly what
``make_data.py`` makes from today's plan and formats (else: run
``python -m stratege.examples.make_data`` and commit), every file of the manifest must import
without a rejected row, and the store must give the example's KPIs some values.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from stratege.bundled import example_names
from stratege.examples import make_data
from stratege.services.measuring import import_exports, measure
from stratege.services.strategies import example

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
    assert sum(len(data) for data in committed.values()) < 300 * 1024


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
