"""The KPI engine on Spark (PySpark in local mode): the same compiled formulas give the
reference evaluator's values. Skipped where PySpark (the `spark` extra) or Java is absent."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings

from stratege.measure.engine import KpiEngine
from tests.measure.test_engine import (
    CASES,
    DIFFERENTIAL,
    KNOWLEDGE,
    TEXT_COLUMNS,
    Row,
    assert_same,
    datasets,
    formula,
    scope_fields,
)

SPARK_CASES = [
    "engagement_rate_by_reach_post",
    "engagement_rate_by_reach_period",
    "follower_growth_rate",
    "median_first_response_time",
    # listening: the mention scope, one row per mention and brand
    "share_of_voice",
    "net_sentiment",
]


def _java() -> bool:
    return bool(shutil.which("java") or os.environ.get("JAVA_HOME"))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install '.[spark]')")
    if not _java():
        pytest.skip("Spark needs Java (apt-get install default-jre-headless)")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("stratege-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def load_spark(session: Any, scope: str, rows: list[Row]) -> None:
    from pyspark.sql.types import DateType, DoubleType, StringType, StructField, StructType

    fields = scope_fields(scope)
    schema = StructType(
        [StructField("day", DateType())]
        + [StructField(name, StringType()) for name in TEXT_COLUMNS]
        + [StructField(name, DoubleType()) for name in fields]
    )
    data = [
        tuple([r["day"], *(r.get(c) for c in TEXT_COLUMNS), *(r.get(f) for f in fields)])
        for r in rows
    ]
    session.createDataFrame(data, schema).createOrReplaceTempView(scope)


def test_a_known_case_on_spark(spark: Any) -> None:
    import ibis

    rows: list[Row] = [
        {
            "day": dt.date(2027, 1, 4),
            "platform": "fb",
            "account": "a",
            "owner": "own",
            "channel": "c",
            "engagements": 5.0,
            "reach": 100.0,
        },
        {
            "day": dt.date(2027, 1, 5),
            "platform": "fb",
            "account": "a",
            "owner": "own",
            "channel": "c",
            "engagements": 3.0,
            "reach": 0.0,
        },  # skipped: reach 0
        {
            "day": dt.date(2027, 2, 1),
            "platform": "fb",
            "account": "b",
            "owner": "own",
            "channel": "c",
            "engagements": None,
            "reach": 50.0,
        },
    ]
    load_spark(spark, "post", rows)
    engine = KpiEngine(ibis.pyspark.connect(spark), KNOWLEDGE)
    values = engine.compute("engagement_rate_by_reach_post")
    assert [(v.period_start, v.value) for v in values] == [
        (dt.date(2027, 1, 1), 5.0),
        (dt.date(2027, 2, 1), None),
    ]


@pytest.mark.parametrize("name", SPARK_CASES)
def test_engine_equals_reference_on_spark(spark: Any, name: str) -> None:
    import ibis

    scope, text = next((s, t) for n, s, t in CASES if n == name)
    parsed = formula(text, scope)
    engine = KpiEngine(ibis.pyspark.connect(spark), KNOWLEDGE)

    @settings(DIFFERENTIAL, max_examples=3)
    @given(datasets(parsed.fields))
    def check(case: tuple[list[Row], dict[str, Any]]) -> None:
        rows, query = case
        load_spark(spark, scope, rows)
        assert_same(engine, parsed, rows, query)

    check()
