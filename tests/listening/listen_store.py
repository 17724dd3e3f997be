"""Stores built row by row for the listening results' tests: the real schema
(``ensure_schema``), mentions and messages inserted as the importer leaves them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from stratege.knowledge.loader import load_knowledge
from stratege.measure.store import ensure_schema, open_store
from stratege.services import strategies
from stratege.strategy import StrategyDocument, load_strategy
from stratege.strategy.model import Competitor, Listening, ListeningQuery

# A listening export read through a mapping: the mention tests' own CSV columns.
MENTION_MAPPING = """\
tool: Test listening
scope: mention
date_format: "%Y-%m-%d %H:%M"
columns:
  Date: published_at
  Source: platform
  Author: author
  Text: text
  URL: permalink
  Reach: mention_reach
  Sentiment: source_sentiment
  Language: language
"""
LABEL = {"positive": 1.0, "neutral": 0.0, "negative": -1.0, None: None}


COMPETITORS = [
    Competitor(id="ange", name="Boulangerie Ange"),
    Competitor(id="marie-blachere", name="Marie Blachère"),
]
LISTENING = Listening(
    languages=["fr", "en"],
    queries=[
        ListeningQuery(
            query='"boulangeries martin" OR #boulangeriesmartin OR '
            "(martin AND (boulang* OR pain OR baguette* OR viennoiserie*))"
        ),
        ListeningQuery(owner="ange", query='"boulangerie ange"'),
        ListeningQuery(owner="marie-blachere", query='"marie blachere"'),
    ],
)


def example(tmp_path: Path, **update: Any) -> StrategyDocument:
    """The bundled bakery strategy (its channels and cadence: facebook, instagram,
    linkedin), saved in ``tmp_path``, with these tests' own competitors ('ange' and
    'marie-blachere') and listening section (the model's default alerts), whatever the
    example says, and ``update`` applied to its model."""
    path = tmp_path / "boulangeries.yaml"
    document = strategies.example("boulangeries-martin")
    strategy = document.strategy
    audit = strategy.audit.model_copy(update={"competitors": COMPETITORS})
    changes: dict[str, Any] = {"audit": audit, "listening": LISTENING, **update}
    if "listening" in update:
        changes["listening"] = LISTENING.model_copy(update={"alerts": update["listening"].alerts})
    document.update(strategy.model_copy(update=changes))
    document.save(path)
    return load_strategy(path)


def mention(
    mention_id: str,
    day: dt.date | str,
    owner: str = "own",
    label: str | None = "neutral",
    *,
    platform: str = "x",
    text: str = "",
    author: str | None = None,
    reach: float | None = None,
    language: str | None = "fr",
    source_sentiment: str | None = None,
    hour: int = 12,
) -> dict[str, Any]:
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    value = LABEL[label]
    return {
        "platform": platform,
        "account": owner,
        "owner": owner,
        "day": day,
        "mention_id": mention_id,
        "published_at": dt.datetime.combine(day, dt.time(hour)),
        "text": text,
        "author": author,
        "language": language,
        "source_sentiment": source_sentiment,
        "model_sentiment": label,
        "is_own_brand": 1.0 if owner == "own" else 0.0,
        "sentiment": value,
        "positive": None if value is None else float(value == 1),
        "negative": None if value is None else float(value == -1),
        "mention_reach": reach,
        "is_ambassador": 0.0,
    }


def message(
    message_id: str,
    received: str,
    channel: str = "facebook",
    *,
    answered: bool = True,
    minutes: float | None = None,
    platform: str | None = None,
) -> dict[str, Any]:
    at = dt.datetime.fromisoformat(received)
    return {
        "platform": platform or channel,
        "account": f"@{channel}",
        "owner": "own",
        "channel": channel,
        "day": at.date(),
        "message_id": message_id,
        "received_at": at,
        "answered": 1.0 if answered else 0.0,
        "first_response_minutes": minutes,
        "resolved": None,
    }


def fill(
    document: StrategyDocument,
    mentions: list[dict[str, Any]] = (),  # type: ignore[assignment]
    messages: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Path:
    """The strategy's store (beside it) with these rows."""
    store = document.path.with_name(document.path.stem + ".data.duckdb")
    con = open_store(store)
    try:
        ensure_schema(con, load_knowledge(document.strategy.knowledge))
        for table, rows in (("mention", mentions), ("message", messages)):
            if rows:
                names = ", ".join(rows[0])
                marks = ", ".join("?" for _ in rows[0])
                con.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})",
                    [[row[name] for name in rows[0]] for row in rows],
                )
    finally:
        con.close()
    return store
