"""`stratege listen` end to end, in process: the sections in French and in English, the
JSON output's shape, a store without mentions or messages, and no store at all."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from stratege.strategy import StrategyDocument
from tests.e2e.cli import Ran, invoke, plain
from tests.listening.listen_store import example, fill, mention, message

FIRST = dt.date(2027, 3, 1)


@pytest.fixture
def document(tmp_path: Path) -> StrategyDocument:
    document = example(tmp_path)
    rows = [
        mention(
            f"d{i}-{j}",
            FIRST + dt.timedelta(days=i),
            label="negative" if j == 0 else "positive",
            text="Les croissants sont délicieux #croissant",
            author=f"fan{j % 4}",
            reach=1000.0 * (j + 1),
        )
        for i in range(35)
        for j in range(40 if i == 34 else 10)
    ]
    rows += [mention(f"a{i}", FIRST + dt.timedelta(days=i), "ange") for i in range(35)]
    messages = [
        message("fb-1", "2027-03-01 10:00:00", minutes=30),
        message("fb-2", "2027-03-06 22:00:00", answered=False),
    ]
    fill(document, rows, messages)
    return document


def listen(document: StrategyDocument, *args: str) -> Ran:
    return invoke("listen", str(document.path), *args)


def test_the_table_speaks_english(document: StrategyDocument) -> None:
    ran = listen(document, "--lang", "en")
    assert ran.returncode == 0, ran.stderr
    out = ran.stdout
    for section in (
        "Volume and share of voice",
        "Net sentiment",
        "Share of voice per platform and per language",
        "Top terms and hashtags",
        "Alerts",
        "Ambassadors",
        "Customer care",
    ):
        assert section in out
    assert "Boulangerie Ange" in out  # competitors by name
    assert "croissant (" in out and "#croissant" in out
    assert "2027-04-04" in out  # the day of the spike
    assert "fb-2 · facebook · 2027-03-06 22:00 · unanswered" in out


def test_the_table_speaks_french(document: StrategyDocument) -> None:
    ran = listen(document, "--lang", "fr", "--period", "week")
    assert ran.returncode == 0, ran.stderr
    out = plain(ran.stdout)
    for section in (
        "Volume et part de voix",
        "Sentiment net",
        "Termes et hashtags",
        "Alertes",
        "Ambassadeurs",
        "Relation client",
    ):
        assert section in out
    assert "2027-W09" in out
    assert "sans réponse" in out
    assert "Share of voice" not in out


def test_json_output(document: StrategyDocument) -> None:
    ran = listen(document, "--format", "json", "--period", "week")
    assert ran.returncode == 0, ran.stderr
    record = json.loads(ran.stdout)
    assert record["period"] == "week"
    assert record["brands"] == ["own", "ange", "marie-blachere"]
    volume = record["volumes"][0]
    assert set(volume) == {
        "period",
        "label",
        "owner",
        "mentions",
        "share_of_voice",
        "positive",
        "negative",
        "neutral",
        "unlabelled",
        "net_sentiment",
    }
    [alert] = [a for a in record["alerts"] if a["kind"] == "volume"]
    assert (alert["owner"], alert["day"], alert["value"]) == ("own", "2027-04-04", 40.0)
    assert set(alert) >= {"median", "mad", "threshold", "drivers"}
    assert alert["drivers"][0]["reach"] == 40_000
    assert [a["author"] for a in record["advocates"]["ambassadors"]][:1] == ["fan3"]
    assert record["care"]["overall"]["messages"] == 2
    assert record["care"]["outside_late"][0]["message_id"] == "fb-2"


def test_a_store_without_mentions_or_messages_says_so(tmp_path: Path) -> None:
    document = example(tmp_path)
    fill(document)
    english = listen(document, "--lang", "en")
    assert english.returncode == 0
    assert "No mentions in the store yet" in english.stdout
    assert "No inbound messages in the store yet" in english.stdout
    french = listen(document, "--lang", "fr")
    assert "Aucune mention dans la base" in plain(french.stdout)


def test_no_store_exits_2_with_a_message(tmp_path: Path) -> None:
    document = example(tmp_path)
    ran = listen(document, "--lang", "en")
    assert ran.returncode == 2
    assert "No measured data" in ran.stderr
    as_json = listen(document, "--format", "json")
    assert json.loads(as_json.stdout)["error"] == "no_data"
