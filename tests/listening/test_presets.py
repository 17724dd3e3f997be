"""The listening tools' exports that `stratege import` recognises from their headers alone
(tests/listening/fixtures/PRESETS.md): each fixture, imported through the real command,
lands as the table of make_presets.py says — one row per mention and brand named, on its
platform, the tool's sentiment label beside the model's — and a second import adds nothing."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import pytest

from stratege.measure.detect import detect
from stratege.measure.formats import known_formats
from stratege.measure.reading import read_sheets
from stratege.services import strategies
from tests.e2e.cli import invoke

PRESETS = Path(__file__).parent / "fixtures" / "presets"


def _table() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_presets", PRESETS / "make_presets.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_presets"] = module
    spec.loader.exec_module(module)
    return module


TABLE = _table()
MENTIONS = TABLE.MENTIONS
# file → (format id, tool, encoding as read, delimiter)
FILES = {
    "meltwater_mentions.csv": ("meltwater_mentions", "Meltwater", "utf-16", "\t"),
    "talkwalker_mentions.csv": ("talkwalker_mentions", "Talkwalker", "utf-8", ","),
    "brand24_mentions.csv": ("brand24_mentions", "Brand24", "utf-8", ","),
}
# The platform each network's mentions land on: a source name the tool writes, or the link's
# domain (mention_sources.yaml); news sites and forums are "other".
PLATFORMS = {
    "x": "x",
    "instagram": "instagram",
    "facebook": "facebook",
    "youtube": "youtube",
    "tiktok": "tiktok",
    "news": "other",
    "forum": "other",
    "blog": "blog",
}


@pytest.fixture
def strategy(tmp_path: Path) -> Path:
    path = tmp_path / "boulangeries.yaml"
    strategies.example("boulangeries-martin").save(path)
    return path


def stored(strategy: Path, sql: str) -> list[Any]:
    con = duckdb.connect(str(strategy.with_name(strategy.stem + ".data.duckdb")), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def expected_rows() -> Counter[tuple[str, str]]:
    """(platform, brand) → rows: one per French mention and brand its text names."""
    return Counter((PLATFORMS[m.network], owner) for m in MENTIONS for owner in m.owners)


def source_label(name: str, label: str | None) -> str | None:
    """The tool's label as stored: Brand24 writes 0 (neutral) where others rate nothing."""
    if name == "brand24_mentions.csv" and label is None:
        return "neutral"
    return label


def test_the_table_names_each_brand_as_the_queries_do() -> None:
    """The fixtures' expectations hold for the example's queries (French, brands named)."""
    from stratege.listening.mention_reader import mention_reader

    reader = mention_reader(strategies.example("boulangeries-martin").strategy.listening)
    reading = reader([m.text for m in MENTIONS], [None] * len(MENTIONS))
    # the model reads only the mentions some query names: the others keep no language
    read = [i for i, lang in enumerate(reading.languages) if lang is not None]
    assert [reading.languages[i] for i in read] == [MENTIONS[i].lang for i in read]
    assert {i for i, m in enumerate(MENTIONS) if m.owners} <= set(read)
    assert all(reading.labels[i] is None for i in set(range(len(MENTIONS))) - set(read))
    found = [
        owners if m.lang == "fr" else () for m, owners in zip(MENTIONS, reading.owners, strict=True)
    ]
    assert [set(o) for o in found] == [set(m.owners) for m in MENTIONS]


@pytest.mark.parametrize("name", sorted(FILES))
def test_fixture_is_recognised_from_its_headers(name: str) -> None:
    format_id, tool, encoding, delimiter = FILES[name]
    [sheet] = read_sheets(PRESETS / name)
    assert (sheet.encoding, sheet.delimiter) == (encoding, delimiter)
    found = detect([sheet], known_formats().values())
    assert (found.spec.id, found.spec.tool, found.spec.scope) == (format_id, tool, "mention")
    assert found.header_index == 0


@pytest.mark.parametrize("name", sorted(FILES))
def test_fixture_imports_through_the_command(strategy: Path, name: str) -> None:
    format_id, tool, _, _ = FILES[name]
    ran = invoke("import", str(strategy), str(PRESETS / name), "--format", "json")
    assert ran.returncode == 0, ran.stderr
    [record] = json.loads(ran.stdout)["files"]
    assert (record["format"], record["tool"], record["scope"]) == (format_id, tool, "mention")
    expected = expected_rows()
    unclaimed = sum(1 for m in MENTIONS if not m.owners)
    rows = dict(record["rows"])
    # mentions no brand claims: "skipped", or "unclaimed" apart (the lead's change in progress)
    rows["skipped"] += rows.pop("unclaimed", 0)
    assert rows == {
        "read": len(MENTIONS),
        "new": sum(expected.values()),
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "skipped": unclaimed,
    }
    assert record["period"] == ["2027-03-01", "2027-03-09"]
    assert record["accounts"] == ["ange", "marie-blachere", "own"]

    by_brand = stored(strategy, "SELECT platform, account, count(*) FROM mention GROUP BY ALL")
    assert Counter({(p, a): n for p, a, n in by_brand}) == expected
    # every stored row is a French mention, with the tool's label beside the model's
    rows = stored(
        strategy,
        "SELECT account, text, language, source_sentiment, model_sentiment, sentiment, "
        "mention_reach, is_own_brand, permalink FROM mention",
    )
    texts = {m.text: m for m in MENTIONS}
    for account, text, language, source, model, sentiment, reach, own, link in rows:
        mention = texts[text]  # quotes, commas, line breaks and emojis kept as written
        assert account in mention.owners and language == "fr" and link == mention.url
        assert source == source_label(name, mention.sentiment)
        assert model in ("negative", "neutral", "positive")
        assert sentiment == {"negative": -1.0, "neutral": 0.0, "positive": 1.0}[model]
        assert own == (1.0 if account == "own" else 0.0)
        if name != "brand24_mentions.csv":  # Brand24's export documents no reach
            assert reach == mention.reach
    # a mention naming three brands is one row for each
    assert stored(
        strategy, "SELECT count(*) FROM mention WHERE text LIKE 'Test à l''aveugle%'"
    ) == [(3,)]


@pytest.mark.parametrize("name", sorted(FILES))
def test_second_import_adds_nothing(strategy: Path, name: str) -> None:
    first = invoke("import", str(strategy), str(PRESETS / name))
    assert first.returncode == 0, first.stderr
    before = stored(strategy, "SELECT * FROM mention ORDER BY ALL")
    again = invoke("import", str(strategy), str(PRESETS / name), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert "already imported" in again.stdout
    assert stored(strategy, "SELECT * FROM mention ORDER BY ALL") == before
    assert stored(strategy, "SELECT count(*) FROM imports") == [(1,)]


def test_meltwater_dates_keep_their_time_and_tweets_their_id(strategy: Path) -> None:
    ran = invoke("import", str(strategy), str(PRESETS / "meltwater_mentions.csv"))
    assert ran.returncode == 0, ran.stderr
    rows = stored(
        strategy,
        "SELECT published_at, mention_id, author, mention_engagements FROM mention "
        "WHERE text LIKE 'Quarante minutes%'",
    )
    [(published, mention_id, author, engagements)] = rows
    assert published.isoformat() == "2027-03-02T16:20:00"  # "02-Mar-2027 04:20PM"
    assert mention_id == "1895000000000000008"  # Tweet Id, not the link
    assert (author, engagements) == ("@hugo_b", 41.0)


def test_generator_writes_the_committed_fixtures() -> None:
    """The fixtures are what make_presets.py writes (edit the table, then run it)."""
    for name, write in TABLE.FILES.items():
        assert (PRESETS / name).read_bytes() == write(), name
