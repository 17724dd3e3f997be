"""Volume, share of voice and net sentiment per brand and period, per platform and language,
and the agreement of the source tool's sentiment with the model's: figures computed by hand
from a few stored mentions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from stratege.listening.results import net_sentiment
from stratege.measure.errors import MeasureError
from stratege.services.listening import listening_results
from stratege.strategy import StrategyDocument
from tests.listening.listen_store import example, fill, mention

MARCH, APRIL = dt.date(2027, 3, 1), dt.date(2027, 4, 1)
ROWS = [
    # March: own 6 (4 positive, 1 negative, 1 neutral; 4 on X, 2 on Instagram)
    mention("o1", "2027-03-02", "own", "positive", source_sentiment="positive"),
    mention("o2", "2027-03-03", "own", "positive", source_sentiment="negative"),
    mention("o3", "2027-03-04", "own", "positive"),
    mention("o4", "2027-03-05", "own", "negative", source_sentiment="negative"),
    mention("o5", "2027-03-06", "own", "positive", platform="instagram"),
    mention("o6", "2027-03-07", "own", "neutral", platform="instagram"),
    # ange 3 (1 positive, 1 negative, 1 unlabelled), marie-blachere 1 (neutral)
    mention("a1", "2027-03-02", "ange", "positive"),
    mention("a2", "2027-03-03", "ange", "negative"),
    mention("a3", "2027-03-04", "ange", None),
    mention("m1", "2027-03-10", "marie-blachere", "neutral", platform="instagram", language=None),
    # April: own 2 (both negative, in English), ange 2 (neutral)
    mention("o7", "2027-04-01", "own", "negative", language="en"),
    mention("o8", "2027-04-02", "own", "negative", language="en"),
    mention("a4", "2027-04-01", "ange", "neutral"),
    mention("a5", "2027-04-03", "ange", "neutral"),
]


@pytest.fixture
def document(tmp_path: Path) -> StrategyDocument:
    document = example(tmp_path)
    fill(document, ROWS)
    return document


def test_share_of_voice_and_net_sentiment_per_month(document: StrategyDocument) -> None:
    result = listening_results(document, period="month")
    assert result.brands == ["own", "ange", "marie-blachere"]
    cells = {(r.period, r.owner): r for r in result.volumes}
    march = [cells[(MARCH, o)] for o in result.brands]
    assert [r.mentions for r in march] == [6, 3, 1]
    assert [r.share_of_voice for r in march] == pytest.approx([60.0, 30.0, 10.0])
    assert [r.label for r in march] == ["2027-03"] * 3
    april = [cells[(APRIL, o)] for o in result.brands]
    assert [r.mentions for r in april] == [2, 2, 0]
    assert [r.share_of_voice for r in april] == pytest.approx([50.0, 50.0, 0.0])
    # net sentiment: (positive − negative) / (positive + negative) × 100
    own = cells[(MARCH, "own")]
    assert (own.positive, own.negative, own.neutral, own.unlabelled) == (4, 1, 1, 0)
    assert own.net_sentiment == pytest.approx(60.0)
    assert cells[(APRIL, "own")].net_sentiment == pytest.approx(-100.0)
    ange = cells[(MARCH, "ange")]
    assert (ange.positive, ange.negative, ange.unlabelled) == (1, 1, 1)
    assert ange.net_sentiment == pytest.approx(0.0)
    assert cells[(MARCH, "marie-blachere")].net_sentiment is None  # neutral only
    # the whole range, last
    whole = [r for r in result.volumes if r.period is None]
    assert [r.mentions for r in whole] == [8, 5, 1]
    assert whole[0].share_of_voice == pytest.approx(100 * 8 / 14)
    assert whole[0].net_sentiment == pytest.approx(100 * (4 - 3) / 7)


def test_weekly_series_have_every_week_with_zeros(document: StrategyDocument) -> None:
    result = listening_results(document, period="week")
    weeks = list(dict.fromkeys(r.label for r in result.volumes if r.period is not None))
    # from the week of 2 March (W09) to the week of 3 April (W13), none missing
    assert weeks == ["2027-W09", "2027-W10", "2027-W11", "2027-W12", "2027-W13"]
    quiet = [r for r in result.volumes if r.label in ("2027-W11", "2027-W12")]
    assert {r.mentions for r in quiet} == {0}
    assert {r.share_of_voice for r in quiet} == {None}  # no brand was mentioned


def test_share_of_voice_per_platform_and_language(document: StrategyDocument) -> None:
    result = listening_results(document)
    whole = {(s.dimension, s.value, s.owner): s for s in result.shares if s.period is None}
    assert whole[("platform", "instagram", "own")].mentions == 2
    assert whole[("platform", "instagram", "own")].share_of_voice == pytest.approx(200 / 3)
    assert whole[("platform", "instagram", "marie-blachere")].share_of_voice == pytest.approx(
        100 / 3
    )
    assert whole[("platform", "instagram", "ange")].share_of_voice == 0
    assert whole[("platform", "x", "own")].share_of_voice == pytest.approx(100 * 6 / 11)
    assert whole[("language", "en", "own")].share_of_voice == 100
    assert whole[("language", "unknown", "marie-blachere")].mentions == 1
    march = {(s.dimension, s.value, s.owner): s for s in result.shares if s.period == MARCH}
    assert march[("language", "fr", "own")].share_of_voice == pytest.approx(100 * 6 / 9)


def test_source_and_model_agreement_counts_mentions_with_both(
    document: StrategyDocument,
) -> None:
    agreement = listening_results(document).agreement
    assert (agreement.mentions, agreement.agreed) == (3, 2)  # o2 disagrees
    assert agreement.rate == pytest.approx(200 / 3)


def test_json_is_plain_values_with_iso_dates(document: StrategyDocument) -> None:
    record = json.loads(listening_results(document).to_json())
    assert set(record) >= {
        "period",
        "brands",
        "volumes",
        "shares",
        "terms",
        "alerts",
        "daily",
        "advocates",
        "agreement",
        "care",
    }
    assert record["first_day"] == "2027-03-02"
    first = record["volumes"][0]
    assert first == {
        "period": "2027-03-01",
        "label": "2027-03",
        "owner": "own",
        "mentions": 6,
        "share_of_voice": 60.0,
        "positive": 4,
        "negative": 1,
        "neutral": 1,
        "unlabelled": 0,
        "net_sentiment": 60.0,
    }


def test_net_sentiment_without_positive_or_negative_is_none() -> None:
    assert net_sentiment(0, 0) is None
    assert net_sentiment(3, 1) == 50


def test_an_empty_store_gives_empty_results(tmp_path: Path) -> None:
    document = example(tmp_path)
    fill(document)
    result = listening_results(document)
    assert (result.mentions, result.messages, result.first_day) == (0, 0, None)
    assert result.volumes == result.shares == result.terms == result.alerts == []
    assert result.care.channels == []


def test_no_store_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MeasureError) as refused:
        listening_results(example(tmp_path))
    assert refused.value.code == "no_data"


def test_an_unknown_period_is_refused(document: StrategyDocument) -> None:
    with pytest.raises(ValueError, match="week or month"):
        listening_results(document, period="quarter")


def test_a_mention_kpi_on_channels_counts_their_platforms_only(tmp_path: Path) -> None:
    """Share of voice of a KPI tied to the Instagram channel: Instagram's mentions alone
    (own 2 of 3 in March), every platform's without channels (own 6 of 10)."""
    from stratege.services.measuring import measure

    base = example(tmp_path).strategy.kpis[0]
    kpis = [
        base.model_copy(update={"id": "sov-instagram", "metric": "share_of_voice"}),
        base.model_copy(update={"id": "sov", "metric": "share_of_voice", "channels": []}),
    ]
    document = example(tmp_path, kpis=kpis)
    fill(document, ROWS)
    found = {k.id: k for k in measure(document, period="month").kpis}
    march = {k: next(p.actual for p in found[k].points if p.period_start == MARCH) for k in found}
    assert march["sov-instagram"] == pytest.approx(200 / 3)
    assert march["sov"] == pytest.approx(60.0)


def test_a_store_of_an_older_version_is_brought_up_to_date_first(tmp_path: Path) -> None:
    """A store written before listening existed (no corrections table, mentions without the
    model's label): reading it adds what is missing instead of failing, and keeps the rows."""
    import duckdb

    from stratege.services.measuring import measure

    document = example(tmp_path)
    store = fill(document, ROWS)
    with duckdb.connect(str(store)) as con:
        con.execute("DROP TABLE sentiment_corrections")
        con.execute("ALTER TABLE mention DROP COLUMN model_sentiment")
    results = listening_results(document, period="month")
    assert results.has_data
    assert measure(document, period="month").kpis
    with duckdb.connect(str(store), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM mention").fetchone() == (len(ROWS),)
        assert con.execute("SELECT count(*) FROM sentiment_corrections").fetchone() == (0,)
