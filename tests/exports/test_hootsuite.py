"""Hootsuite bulk-composer files: no header, its date format, 5-minute marks, ≤ 350 rows."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

from stratege.exports import write_hootsuite
from stratege.exports.hootsuite import MAX_ROWS, date_format
from tests.exports.conftest import example_plan


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _check(path: Path, fmt: str) -> list[list[str]]:
    rows = _read(path)
    assert 0 < len(rows) <= MAX_ROWS, path.name
    for row in rows:  # the first row too: there is no header
        assert len(row) == 3
        moment = dt.datetime.strptime(row[0], fmt)
        assert moment.minute % 5 == 0
        assert row[1]
    return rows


def test_files_per_channel_and_split_at_350(tmp_path):
    plan = example_plan("mairie-rives")  # several thousand posts over four channels
    paths = write_hootsuite(plan, tmp_path, "fr")
    assert all(p.exists() for p in paths)
    fmt = date_format(plan)
    assert fmt == "%d/%m/%Y %H:%M"
    rows = {p.name: _check(p, fmt) for p in paths}
    whole = [r for name, part in rows.items() if name.startswith("hootsuite-part") for r in part]
    assert len(whole) == len(plan.slots)
    counts = Counter(s.channel for s in plan.slots)
    for channel, count in counts.items():
        mine = [name for name in rows if name.startswith(f"hootsuite-{channel}")]
        assert sum(len(rows[name]) for name in mine) == count
        if count > MAX_ROWS:
            assert f"hootsuite-{channel}-part2.csv" in mine
    first = plan.slots[0]
    assert whole[0][0] == first.start.strftime("%d/%m/%Y %H:%M")


def test_single_channel_plan_writes_one_file(tmp_path):
    plan = example_plan("boulangeries-martin")
    plan.slots = [s for s in plan.slots if s.channel == "linkedin"]
    assert 0 < len(plan.slots) <= MAX_ROWS
    paths = write_hootsuite(plan, tmp_path, "en")
    assert [p.name for p in paths] == ["hootsuite.csv"]
    assert len(_check(paths[0], date_format(plan))) == len(plan.slots)


def test_message_is_a_draft_and_unstaffed_posts_are_flagged(tmp_path):
    plan = example_plan("boulangeries-martin")
    plan.slots = plan.slots[:3]
    plan.slots[0].producers = dict.fromkeys(plan.slots[0].producers)
    plan.slots[1].start = plan.slots[1].start.replace(minute=7)  # off the 5-minute grid
    french = _read(write_hootsuite(plan, tmp_path, "fr")[0])
    assert french[0][1].startswith("[À POURVOIR] [")
    assert "à rédiger" in french[0][1] and plan.slots[0].id in french[0][1]
    assert french[1][0].endswith(":05")
    english = _read(write_hootsuite(plan, tmp_path, "en")[0])
    assert english[0][1].startswith("[UNSTAFFED] [")
    assert not english[2][1].startswith("[UNSTAFFED]")
    assert len({row[1] for row in english}) == len(english)  # messages are all different


def test_month_first_for_us_and_past_posts_left_out(tmp_path):
    plan = example_plan("northwind-analytics")
    assert date_format(plan) == "%d/%m/%Y %H:%M"  # GB writes the day first
    plan.strategy.organisation.country = "US"
    assert date_format(plan) == "%m/%d/%Y %H:%M"
    cutoff = plan.slots[10].start
    paths = write_hootsuite(plan, tmp_path, "en", not_before=cutoff)
    total = sum(len(_read(p)) for p in paths if p.name.startswith("hootsuite-part"))
    assert total == sum(1 for s in plan.slots if s.start > cutoff)
