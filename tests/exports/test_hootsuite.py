"""Hootsuite bulk-composer files: one per channel, split at 350 posts, names that never
collide, a reproducible ZIP of them all; no header, its date format, 5-minute marks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections import Counter

import pytest

from stratege.exports import hootsuite_files, hootsuite_zip
from stratege.exports.hootsuite import MAX_ROWS, date_format, file_stems
from tests.exports.conftest import example_plan


def _read(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")  # a mark would glue itself to the first date
    return list(csv.reader(io.StringIO(text)))


def _check(data: bytes, fmt: str) -> list[list[str]]:
    rows = _read(data)
    assert 0 < len(rows) <= MAX_ROWS
    for row in rows:  # the first row too: there is no header
        assert len(row) == 3
        moment = dt.datetime.strptime(row[0], fmt)
        assert moment.minute % 5 == 0
        assert row[1]
    return rows


def test_one_file_per_channel_split_only_where_needed():
    plan = example_plan("mairie-rives")  # several thousand posts over four channels
    files = hootsuite_files(plan, "fr")
    fmt = date_format(plan)
    assert fmt == "%d/%m/%Y %H:%M"
    rows = {name: _check(data, fmt) for name, data in files.items()}
    counts = Counter(s.channel for s in plan.slots)
    for channel, count in counts.items():
        if count <= MAX_ROWS:
            assert len(rows[f"hootsuite/{channel}.csv"]) == count
            continue
        parts = -(-count // MAX_ROWS)
        digits = len(str(parts))
        names = [f"hootsuite/{channel}+{n:0{digits}d}.csv" for n in range(1, parts + 1)]
        assert f"hootsuite/{channel}.csv" not in files
        assert [len(rows[n]) for n in names[:-1]] == [MAX_ROWS] * (parts - 1)
        assert sum(len(rows[n]) for n in names) == count
        posts = [r[1] for n in names for r in rows[n]]
        slots = [s for s in plan.slots if s.channel == channel]
        assert [p.rsplit("réf. ", 1)[1] for p in posts] == [s.id for s in slots]  # in order
    assert sum(len(r) for r in rows.values()) == len(plan.slots)
    parts = -(-counts["x"] // MAX_ROWS)
    assert parts >= 10  # the example's X channel needs ten parts or more: padded numbers
    x_parts = [n for n in sorted(files) if n.startswith("hootsuite/x+")]
    assert x_parts == [f"hootsuite/x+{n:02d}.csv" for n in range(1, parts + 1)]  # in order


def test_small_channels_get_one_file_each():
    plan = example_plan("boulangeries-martin")
    plan.slots = [s for s in plan.slots if s.channel == "linkedin"]
    assert 0 < len(plan.slots) <= MAX_ROWS
    files = hootsuite_files(plan, "en")
    assert list(files) == ["hootsuite/linkedin.csv"]
    assert len(_check(files["hootsuite/linkedin.csv"], date_format(plan))) == len(plan.slots)


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["x", "x-part1"], ["x", "x-part1"]),
        (["Facebook", "facebook", "FACEBOOK"], ["Facebook", "facebook~2", "FACEBOOK~3"]),
        (["con", "nul.page", "com1", "console"], ["con~", "nul.page~", "com1~", "console"]),
        (["Con", "con"], ["Con~", "con~2"]),
    ],
)
def test_file_names_never_collide(ids, expected):
    stems = file_stems(ids)
    assert [stems[i] for i in ids] == expected
    parts = [f"{s}+{n}" for s in stems.values() for n in (1, 2)]
    everything = [*stems.values(), *parts]
    assert len({name.casefold() for name in everything}) == len(everything)


def test_channels_whose_ids_look_like_parts_keep_their_posts():
    """The collision of issue 7: a channel named like another's part lost its posts."""
    plan = example_plan("mairie-rives")
    big = Counter(s.channel for s in plan.slots).most_common(1)[0][0]
    assert Counter(s.channel for s in plan.slots)[big] > MAX_ROWS
    small = next(s for s in plan.slots if s.channel != big).channel
    renamed = f"{big}-part1"  # the name its second part had before
    for slot in plan.slots:
        if slot.channel == small:
            slot.channel = renamed
    for channel in plan.strategy.channels:
        if channel.id == small:
            channel.id = renamed
    files = hootsuite_files(plan, "en")
    total = sum(len(_read(data)) for data in files.values())
    assert total == len(plan.slots)
    assert f"hootsuite/{renamed}.csv" in files or f"hootsuite/{renamed}+1.csv" in files


def test_zip_holds_every_file_and_is_reproducible():
    plan = example_plan("mairie-rives")
    files = hootsuite_files(plan, "fr")
    data = hootsuite_zip(files, plan)
    assert data == hootsuite_zip(hootsuite_files(example_plan("mairie-rives"), "fr"), plan)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        assert [e.filename for e in entries] == sorted(files)
        assert {e.filename: archive.read(e) for e in entries} == files
        start = plan.horizon.start
        assert {e.date_time for e in entries} == {(start.year, start.month, start.day, 0, 0, 0)}


def test_message_is_a_draft_and_unstaffed_posts_are_flagged():
    plan = example_plan("boulangeries-martin")
    channel = plan.slots[0].channel
    plan.slots = [s for s in plan.slots if s.channel == channel][:3]
    plan.slots[0].producers = dict.fromkeys(plan.slots[0].producers)
    plan.slots[1].start = plan.slots[1].start.replace(minute=7)  # off the 5-minute grid
    name = f"hootsuite/{channel}.csv"
    french = _read(hootsuite_files(plan, "fr")[name])
    assert french[0][1].startswith("[À POURVOIR] [")
    assert "à rédiger" in french[0][1]
    assert french[0][1].endswith(f" · réf. {plan.slots[0].id}")
    assert french[1][0].endswith(":05")
    english = _read(hootsuite_files(plan, "en")[name])
    assert english[0][1].startswith("[UNSTAFFED] [")
    assert english[0][1].endswith(f" · ref. {plan.slots[0].id}")
    assert not english[2][1].startswith("[UNSTAFFED]")
    assert len({row[1] for row in english}) == len(english)  # messages are all different


def test_month_first_for_us_and_past_posts_left_out():
    plan = example_plan("northwind-analytics")
    assert date_format(plan) == "%d/%m/%Y %H:%M"  # GB writes the day first
    plan.strategy.organisation.country = "US"
    assert date_format(plan) == "%m/%d/%Y %H:%M"
    cutoff = plan.slots[10].start
    files = hootsuite_files(plan, "en", not_before=cutoff)
    total = sum(len(_check(data, "%m/%d/%Y %H:%M")) for data in files.values())
    assert total == sum(1 for s in plan.slots if s.start > cutoff)
