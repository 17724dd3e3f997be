"""The pack service: every format in every language plus the exports, the same whether the
second language is drawn in a forked process or in turn."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from stratege.services import planning, strategies
from stratege.services.pack import PLAN_FOLDER, pack_files, zip_bytes


@pytest.fixture(scope="module")
def result() -> planning.PlanResult:
    document = strategies.example("boulangeries-martin")
    start = document.strategy.period.start
    return planning.plan(document, start, start + dt.timedelta(days=60))


@pytest.fixture(scope="module")
def packs(result: planning.PlanResult) -> tuple[dict[str, bytes], dict[str, bytes]]:
    today = dt.date(2026, 11, 29)
    serial = pack_files(result, ["fr", "en"], "fr", pdf=False, today=today, parallel=False)
    forked = pack_files(result, ["fr", "en"], "fr", pdf=False, today=today, parallel=True)
    assert not serial.problems and not forked.problems
    return serial.files, forked.files


def test_every_format_in_every_language_and_the_exports(packs) -> None:
    serial, _ = packs
    for stem in ("fr/strategie", "en/strategy"):
        assert {f"{stem}.md", f"{stem}.html", f"{stem}.docx"} <= set(serial)
        assert any(name.startswith(f"{stem}-figures/") for name in serial)
    assert {PLAN_FOLDER + "calendar.ics", PLAN_FOLDER + "plan.xlsx"} <= set(serial)
    assert not any(name.endswith(".pdf") for name in serial)


def test_forked_rendering_gives_the_same_files(packs) -> None:
    serial, forked = packs
    assert sorted(serial) == sorted(forked)
    for name in serial:
        if not name.endswith((".docx", ".xlsx", ".zip")):  # no zipped timestamps to differ
            assert serial[name] == forked[name], name


def test_the_other_language_is_really_in_its_own_language(packs) -> None:
    _, forked = packs
    assert forked["fr/strategie.md"].startswith("# Stratégie sur les médias sociaux".encode())
    assert forked["en/strategy.md"].startswith(b"# Social media strategy")


def test_zip_is_the_same_bytes_for_the_same_files(packs, result) -> None:
    serial, _ = packs
    stamp = result.plan.horizon.start
    first, second = zip_bytes(serial, stamp), zip_bytes(dict(serial), stamp)
    assert first == second
    assert sorted(zipfile.ZipFile(io.BytesIO(first)).namelist()) == sorted(serial)
