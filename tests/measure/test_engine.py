"""The KPI engine: the formula parser, hand-computed examples of every convention of
kpis.yaml, a differential test of the Ibis engine (DuckDB, PostgreSQL) against the
plain-Python reference evaluator on random rows, for every metric of the catalogue, and
compute_many (one query per scope) against compute (one query per metric)."""

from __future__ import annotations

import datetime as dt
import math
import random
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stratege.knowledge.loader import load_knowledge
from stratege.measure import reference
from stratege.measure.engine import KpiEngine, KpiValue
from stratege.measure.formula import (
    Aggregate,
    BinOp,
    Field,
    Formula,
    FormulaError,
    Neg,
    Number,
    aggregates,
    parse,
)

KNOWLEDGE = load_knowledge()
FIELDS = KNOWLEDGE.fields
METRICS = sorted(KNOWLEDGE.kpis)
SCOPES = ("post", "account", "message", "mention", "campaign", "site")
TEXT_COLUMNS = ("platform", "account", "owner", "channel")

Row = dict[str, Any]


def scope_fields(scope: str) -> list[str]:
    return [name for name, field in FIELDS.items() if field.scope == scope]


def formula(text: str, scope: str = "post") -> Formula:
    return parse(text, FIELDS, scope)


def arrow(scope: str, rows: Sequence[Row], fields: Sequence[str] | None = None) -> pa.Table:
    """Rows as the store writes them: base columns, then one DOUBLE per field of the scope."""
    fields = scope_fields(scope) if fields is None else fields
    schema = pa.schema(
        [("day", pa.date32())]
        + [(name, pa.string()) for name in TEXT_COLUMNS]
        + [(name, pa.float64()) for name in fields]
    )
    return pa.table({name: [row.get(name) for row in rows] for name in schema.names}, schema)


def load_duckdb(con: Any, scope: str, rows: Sequence[Row], fields: Sequence[str] | None = None):
    # Through DuckDB itself: Ibis 12's create_table(overwrite=True) breaks with sqlglot 30.
    con.con.register("_incoming", arrow(scope, rows, fields))
    con.con.execute(f'CREATE OR REPLACE TABLE "{scope}" AS SELECT * FROM _incoming')
    con.con.unregister("_incoming")


@pytest.fixture(scope="module")
def duck() -> Iterator[Any]:
    con = ibis.duckdb.connect()
    yield con
    con.disconnect()


@pytest.fixture(scope="module")
def engine(duck: Any) -> KpiEngine:
    return KpiEngine(duck, KNOWLEDGE)


def row(day: str, account: str = "x/a", owner: str = "own", channel: str | None = "c1", **metrics):
    platform, account_id = account.split("/")
    return {
        "day": dt.date.fromisoformat(day),
        "platform": platform,
        "account": account_id,
        "owner": owner,
        "channel": channel,
        **metrics,
    }


def values(result: list[KpiValue]) -> dict[tuple[Any, ...], float | None]:
    return {(v.period_start, *v.keys): v.value for v in result}


D = dt.date.fromisoformat


# --- parser ---------------------------------------------------------------------------------


@pytest.mark.parametrize("metric", METRICS)
def test_catalogue_formula_parses_with_its_declared_fields(metric: str) -> None:
    kpi = KNOWLEDGE.kpis[metric]
    parsed = parse(kpi.formula, FIELDS, kpi.scope)
    assert set(parsed.fields) == set(kpi.fields)
    assert parsed.scope == kpi.scope
    assert parse(kpi.formula, FIELDS, kpi.scope) is parsed  # compiled once


def test_parse_builds_the_tree() -> None:
    parsed = formula("(last(followers) - first(followers)) / -first(followers) * 100", "account")
    last, first = Aggregate("last", Field("followers")), Aggregate("first", Field("followers"))
    assert parsed.expr == BinOp("*", BinOp("/", BinOp("-", last, first), Neg(first)), Number(100.0))
    assert aggregates(parsed) == (last, first)
    assert parsed.fields == ("followers",)
    assert aggregates(formula("count() + countif(reach)")) == (
        Aggregate("count", None),
        Aggregate("countif", Field("reach")),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sum(reach", "not valid"),
        ("", "not valid"),
        ("reach", "field 'reach' must be inside an aggregate (at 'reach')"),
        ("sum(reach) / reach", "must be inside an aggregate"),
        ("sum(sum(reach))", "aggregate sum() inside sum() (at 'sum(reach)')"),
        ("mean(reach / count())", "aggregate count() inside mean()"),
        ("sum(nope)", "unknown field 'nope'"),
        ("sum(followers)", "field 'followers' belongs to scope 'account', not 'post'"),
        ("count(reach)", "count() takes no argument"),
        ("last(reach + 1)", "last() takes a bare field (at 'last(reach + 1)')"),
        ("max(2)", "max() takes a bare field"),
        ("sum()", "sum() takes exactly one argument"),
        ("sum(reach, impressions)", "sum() takes exactly one argument"),
        ("sum(x=reach)", "positional arguments only"),
        ("sum(*reach)", "positional arguments only"),
        ("sum(reach) ** 2", "only + - * / are allowed"),
        ("sum(reach) // 2", "only + - * / are allowed"),
        ("abs(sum(reach))", "unknown function"),
        ("math.fsum(reach)", "unknown function"),
        ("sum(reach) > 1", "not part of the formula language (at 'sum(reach) > 1')"),
        ("sum(reach)[0]", "not part of the formula language"),
        ("sum(reach) if 1 else 0", "not part of the formula language"),
        ("not sum(reach)", "not part of the formula language"),
        ("'a' + sum(reach)", "only plain numbers"),
        ("True * sum(reach)", "only plain numbers"),
        ("1j * sum(reach)", "only plain numbers"),
        ("1 + 2", "has no aggregate"),
    ],
)
def test_invalid_formula_is_named_with_the_offending_part(text: str, message: str) -> None:
    with pytest.raises(FormulaError) as error:
        formula(text)
    assert message in str(error.value)
    assert repr(text.strip()) in str(error.value)  # the formula is named
    assert isinstance(error.value, ValueError)


# --- hand-computed examples -----------------------------------------------------------------


def test_row_division_by_zero_skips_the_post_and_empty_is_not_zero(duck, engine) -> None:
    load_duckdb(
        duck,
        "post",
        [
            row("2024-01-02", engagements=10.0, reach=100.0),
            row("2024-01-03", engagements=5.0, reach=0.0),  # skipped: division by zero
            row("2024-01-04", engagements=None, reach=50.0),  # skipped: empty operand
            row("2024-01-05", engagements=30.0, reach=100.0),
        ],
    )
    assert values(engine.compute("engagement_rate_by_reach_post")) == {(D("2024-01-01"),): 20.0}
    # the period ratio keeps every non-empty value: 45 / 250
    assert values(engine.compute("engagement_rate_by_reach_period")) == {(D("2024-01-01"),): 18.0}
    assert values(engine.compute("engagements_per_post")) == {(D("2024-01-01"),): 45 / 4}
    assert values(engine.compute(formula("mean(engagements)"))) == {(D("2024-01-01"),): 15.0}


def test_outer_division_by_zero_and_empty_aggregates_give_no_value(duck, engine) -> None:
    load_duckdb(
        duck,
        "post",
        [
            row("2024-01-02", engagements=3.0, reach=0.0),
            row("2024-02-02", engagements=3.0, reach=None),
            row("2024-03-02", engagements=None, reach=4.0),
        ],
    )
    got = values(engine.compute("engagement_rate_by_reach_period"))
    assert got == {(D("2024-01-01"),): None, (D("2024-02-01"),): None, (D("2024-03-01"),): None}
    assert values(engine.compute(formula("sum(engagements) - sum(reach)"))) == {
        (D("2024-01-01"),): 3.0,
        (D("2024-02-01"),): None,
        (D("2024-03-01"),): None,
    }


def test_first_last_max_min_per_account_then_summed(duck, engine) -> None:
    load_duckdb(
        duck,
        "account",
        [
            row("2024-01-01", "x/a", followers=100.0),
            row("2024-01-15", "x/a", followers=110.0),
            row("2024-01-31", "x/a", followers=None),  # empty: the last value is 110
            row("2024-01-03", "y/b", followers=50.0),
            row("2024-01-03", "y/b", followers=40.0),  # tie on the first day: largest, 50
            row("2024-01-20", "y/b", followers=60.0),
            row("2024-01-20", "y/b", followers=70.0),  # tie on the last day: largest, 70
            row("2024-01-10", "z/c", followers=None),  # an account without a value
        ],
    )
    jan = D("2024-01-01")
    assert values(engine.compute("follower_count")) == {(jan,): 110 + 70}
    assert values(engine.compute("follower_growth")) == {(jan,): (110 + 70) - (100 + 50)}
    assert values(engine.compute("follower_growth_rate")) == {(jan,): 30 / 150 * 100}
    by_account = values(engine.compute("follower_growth", by=("account",)))
    assert by_account == {(jan, "x/a"): 10.0, (jan, "y/b"): 20.0, (jan, "z/c"): None}
    assert values(engine.compute(formula("max(followers)", "account"))) == {(jan,): 110 + 70}
    assert values(engine.compute(formula("min(followers)", "account"))) == {(jan,): 100 + 40}
    # a plain mean stays a mean over rows
    assert values(engine.compute(formula("mean(followers)", "account"))) == {(jan,): 430 / 6}


def test_unfollow_rate_over_several_accounts_divides_by_their_combined_audience(
    duck, engine
) -> None:
    """Two accounts alike: the total's rate is each one's (it used to read twice as high)."""
    rows = []
    for account in ("x/a", "y/b"):
        rows += [
            row("2024-01-01", account, followers=1000.0, lost_followers=10.0),
            row("2024-01-31", account, followers=1200.0, lost_followers=12.0),
        ]
    load_duckdb(duck, "account", rows)
    jan = D("2024-01-01")
    each = 22 / 1100 * 100
    assert values(engine.compute("unfollow_rate")) == {(jan,): pytest.approx(each)}
    by_account = values(engine.compute("unfollow_rate", by=("account",)))
    assert by_account == {(jan, "x/a"): pytest.approx(each), (jan, "y/b"): pytest.approx(each)}


def test_median_interpolates_and_countif_counts_non_zero_values(duck, engine) -> None:
    load_duckdb(
        duck,
        "message",
        [
            row("2024-01-02", first_response_minutes=10.0, answered=1.0),
            row("2024-01-03", first_response_minutes=1.0, answered=1.0),
            row("2024-01-04", first_response_minutes=None, answered=0.0),
            row("2024-01-05", first_response_minutes=3.0, answered=1.0),
            row("2024-01-06", first_response_minutes=2.0, answered=None),
        ],
    )
    jan = D("2024-01-01")
    assert values(engine.compute("median_first_response_time")) == {(jan,): 2.5}
    assert values(engine.compute(formula("countif(answered)", "message"))) == {(jan,): 3.0}
    zero_division = formula("countif(answered / (first_response_minutes - 3))", "message")
    assert values(engine.compute(zero_division)) == {(jan,): 2.0}
    assert values(engine.compute("response_rate")) == {(jan,): 3 / 5 * 100}
    assert values(engine.compute(formula("sum(1) + -count() * 2", "message"))) == {(jan,): -5.0}


def test_periods_weeks_start_on_monday(duck, engine) -> None:
    load_duckdb(
        duck,
        "post",
        [
            row("2024-01-07", reach=1.0),  # a Sunday
            row("2024-01-08", reach=2.0),  # the Monday after
            row("2024-05-15", reach=4.0),
            row("2025-12-31", reach=8.0),
        ],
    )
    assert values(engine.compute("reach", period="week")) == {
        (D("2024-01-01"),): 1.0,
        (D("2024-01-08"),): 2.0,
        (D("2024-05-13"),): 4.0,
        (D("2025-12-29"),): 8.0,
    }
    assert values(engine.compute("reach", period="quarter")) == {
        (D("2024-01-01"),): 3.0,
        (D("2024-04-01"),): 4.0,
        (D("2025-10-01"),): 8.0,
    }
    assert values(engine.compute("reach", period="year")) == {
        (D("2024-01-01"),): 7.0,
        (D("2025-01-01"),): 8.0,
    }
    assert values(engine.compute("reach", period="day"))[(D("2024-05-15"),)] == 4.0
    assert values(engine.compute("reach", period="all")) == {(D("2024-01-07"),): 15.0}
    assert values(engine.compute("reach", period="all", start=D("2024-01-01"))) == {
        (D("2024-01-01"),): 15.0
    }


def test_filters_apply_before_aggregation(duck, engine) -> None:
    load_duckdb(
        duck,
        "account",
        [
            row("2024-01-01", "x/a", followers=10.0, channel="c1"),
            row("2024-01-31", "x/a", followers=20.0, channel="c1"),
            row("2024-02-01", "x/a", followers=30.0, channel="c1"),
            row("2024-01-05", "y/b", followers=5.0, channel=None),
            row("2024-01-05", "y/r", owner="rival", followers=1000.0, channel="c2"),
        ],
    )
    jan = D("2024-01-01")
    until = {"end": D("2024-01-31")}
    assert values(engine.compute("follower_count", **until)) == {(jan,): 20 + 5 + 1000}
    assert values(engine.compute("follower_count", owners=["own"], **until)) == {(jan,): 25.0}
    assert values(engine.compute("follower_count", channels={"c1"}, **until)) == {(jan,): 20.0}
    got = engine.compute("follower_count", accounts=[("y", "b"), ("y", "r")], **until)
    assert values(got) == {(jan,): 1005.0}
    got = engine.compute("follower_growth", period="all", start=D("2024-01-31"))
    assert values(got) == {(D("2024-01-31"),): 10.0}  # x/a from 20 to 30; others flat
    assert engine.compute("follower_count", channels=[]) == []
    assert engine.compute("follower_count", start=D("2030-01-01"), period="all") == []


def test_groups_by_keys_even_without_value(duck, engine) -> None:
    load_duckdb(
        duck,
        "post",
        [
            row("2024-01-02", "x/a", channel=None, reach=1.0),
            row("2024-01-02", "x/a", channel="c1", reach=None),
            row("2024-01-02", "y/a", owner="rival", channel="c1", reach=4.0),
        ],
    )
    jan = D("2024-01-01")
    result = engine.compute("reach", by=("channel", "account"))
    assert result == [
        KpiValue(jan, ("c1", "x/a"), None),
        KpiValue(jan, ("c1", "y/a"), 4.0),
        KpiValue(jan, (None, "x/a"), 1.0),
    ]
    assert values(engine.compute("reach", by=("owner", "platform"))) == {
        (jan, "own", "x"): 1.0,
        (jan, "rival", "y"): 4.0,
    }


def test_missing_field_column_is_empty_and_missing_table_is_an_error(duck, engine) -> None:
    load_duckdb(duck, "site", [row("2024-01-02", search_clicks=3.0)], fields=["search_clicks"])
    jan = D("2024-01-01")
    assert values(engine.compute("search_clicks")) == {(jan,): 3.0}
    assert values(engine.compute("search_click_rate")) == {(jan,): None}
    assert values(engine.compute("ranking_keywords")) == {(jan,): None}
    duck.con.execute('DROP TABLE IF EXISTS "campaign"')
    with pytest.raises(LookupError, match="no table 'campaign'"):
        engine.compute("roas")
    with pytest.raises(LookupError, match="unknown metric 'nope'"):
        engine.compute("nope")


def test_sql_shows_the_guarded_divisions(duck, engine) -> None:
    load_duckdb(duck, "post", [])
    sql = engine.sql("engagement_rate_by_reach_post", period="week", by=("account",))
    assert "NULLIF" in sql and "GROUP BY" in sql and '"post"' in sql


@pytest.mark.parametrize("scope", SCOPES)
def test_every_catalogue_formula_compiles_for_duckdb_and_postgres(duck, engine, scope) -> None:
    load_duckdb(duck, scope, [])
    for metric, kpi in KNOWLEDGE.kpis.items():
        if kpi.scope != scope:
            continue
        expr = engine.expression(metric, period="quarter", by=("account", "owner"))
        assert ibis.to_sql(expr, dialect="postgres")
        assert expr.to_pyarrow().num_rows == 0


# --- differential test: engine against the reference ---------------------------------------

EXTRA_FORMULAS = [
    ("post", "countif(comments)"),
    ("post", "countif(engagements / reach - 1) / count()"),
    ("post", "max(impressions) - min(reach)"),
    ("post", "-sum(shares) + 2 * count() - sum(3)"),
    ("post", "median(engagements / reach)"),
    ("post", "mean(clicks * 0.5 + saves) / (1 - 1)"),
    ("post", "first(followers_at_post) / last(followers_at_post)"),
    ("account", "max(followers) + min(followers) * first(new_followers)"),
    # account and row aggregates in one formula: the two parts are merged per group
    ("account", "last(followers) - first(followers) + sum(new_followers) / count()"),
    ("post", "median(reach) - max(impressions) + countif(shares)"),
]
CASES = [(m, KNOWLEDGE.kpis[m].scope, KNOWLEDGE.kpis[m].formula) for m in METRICS] + [
    (text, scope, text) for scope, text in EXTRA_FORMULAS
]
BASE_DAY = dt.date(2023, 1, 1)
OWNERS = ("own", "rival")
CHANNELS = ("ch1", "ch2")

numbers = st.one_of(
    st.none(),
    st.just(0.0),
    st.integers(0, 20).map(float),
    # multiples of 1/8: sums are exact in binary, so both sides see the same zeros
    st.integers(-80, 8000).map(lambda k: k / 8),
)
days = st.integers(0, 730).map(lambda n: BASE_DAY + dt.timedelta(days=n))


@st.composite
def datasets(draw: st.DrawFn, fields: Sequence[str]) -> tuple[list[Row], dict[str, Any]]:
    """Random rows for 1-4 accounts, with random values of ``fields`` (the formula's: the
    other columns of the table stay empty), and a random query over them."""
    accounts = draw(
        st.lists(
            st.tuples(st.sampled_from(("fb", "ig")), st.sampled_from(("a1", "a2", "a3"))),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    owner = {account: draw(st.sampled_from(OWNERS)) for account in accounts}
    # a few days, so that periods hold several rows and an account has ties on a day
    calendar = draw(st.lists(days, min_size=1, max_size=8, unique=True))
    drawn = draw(
        st.lists(
            st.tuples(
                st.sampled_from(accounts),
                st.sampled_from(calendar),
                st.sampled_from((None, *CHANNELS)),
                st.tuples(*[numbers for _ in fields]),
            ),
            max_size=25,
        )
    )
    rows = [
        {
            "day": day,
            "platform": account[0],
            "account": account[1],
            "owner": owner[account],
            "channel": channel,
            **dict(zip(fields, numbers_, strict=True)),
        }
        for account, day, channel, numbers_ in drawn
    ]
    maybe = st.none() | st.none()
    query = {
        "period": draw(st.sampled_from(("month", "week", "all"))),
        "by": draw(st.sampled_from(((), ("account",), ("owner",)))),
        "start": draw(maybe | st.sampled_from(calendar) | days),
        "end": draw(maybe | st.sampled_from(calendar) | days),
        "owners": draw(maybe | st.sets(st.sampled_from(OWNERS))),
        "channels": draw(maybe | st.sets(st.sampled_from(CHANNELS))),
        "accounts": draw(maybe | st.sets(st.sampled_from(accounts))),
    }
    return rows, query


def kept(row_: Row, query: dict[str, Any]) -> bool:
    """The filters of KpiEngine.compute, written out plainly."""
    return (
        (query["start"] is None or row_["day"] >= query["start"])
        and (query["end"] is None or row_["day"] <= query["end"])
        and (query["owners"] is None or row_["owner"] in query["owners"])
        and (query["channels"] is None or row_["channel"] in query["channels"])
        and (query["accounts"] is None or (row_["platform"], row_["account"]) in query["accounts"])
    )


def assert_same(engine: KpiEngine, parsed: Formula, rows: list[Row], query: dict[str, Any]):
    result = engine.compute(parsed, **query)
    got = values(result)
    assert len(got) == len(result), "one value per group"
    want = reference.evaluate(
        parsed,
        [r for r in rows if kept(r, query)],
        period=query["period"],
        group_by=query["by"],
        start=query["start"],
    )
    assert got.keys() == want.keys()
    for key, expected in want.items():
        value = got[key]
        if expected is None or value is None:
            assert value == expected, key
        else:
            assert math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-9), (key, value)


DIFFERENTIAL = settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize(("name", "scope", "text"), CASES, ids=[c[0] for c in CASES])
def test_engine_equals_reference_on_duckdb(duck, engine, name, scope, text) -> None:
    parsed = formula(text, scope)

    @DIFFERENTIAL
    @given(datasets(parsed.fields))
    def check(case: tuple[list[Row], dict[str, Any]]) -> None:
        rows, query = case
        load_duckdb(duck, scope, rows)
        assert_same(engine, parsed, rows, query)

    check()


# --- the same check on PostgreSQL -----------------------------------------------------------

POSTGRES_CASES = [
    "engagement_rate_by_reach_post",
    "engagement_rate_by_reach_period",
    "engagements_per_post",
    "follower_growth_rate",
    "unfollow_rate",
    "posting_frequency",
    "median_first_response_time",
    "net_sentiment",
    "roi",
    "ranking_keywords",
    "countif(comments)",
    "max(impressions) - min(reach)",
    "-sum(shares) + 2 * count() - sum(3)",
    "median(engagements / reach)",
    "last(followers) - first(followers) + sum(new_followers) / count()",
]


@pytest.fixture(scope="module")
def postgres() -> Iterator[tuple[Any, Any, str]]:
    """A fresh schema on the local PostgreSQL server, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    try:
        raw = psycopg.connect(
            host="127.0.0.1", port=5432, user="postgres", dbname="test", connect_timeout=3
        )
    except psycopg.Error as error:
        pytest.skip(f"PostgreSQL is not reachable: {error}")
    raw.autocommit = True
    schema = f"stratege_test_{uuid.uuid4().hex[:12]}"
    raw.execute(f'CREATE SCHEMA "{schema}"')
    try:
        for scope in SCOPES:
            columns = ", ".join(
                ["day DATE"]
                + [f"{name} VARCHAR" for name in TEXT_COLUMNS]
                + [f"{name} DOUBLE PRECISION" for name in scope_fields(scope)]
            )
            raw.execute(f'CREATE TABLE "{schema}"."{scope}" ({columns})')
        con = ibis.postgres.connect(host="127.0.0.1", port=5432, user="postgres", database="test")
        yield raw, con, schema
        con.disconnect()
    finally:
        raw.execute(f'DROP SCHEMA "{schema}" CASCADE')
        raw.close()


def load_postgres(raw: Any, schema: str, scope: str, rows: list[Row]) -> None:
    columns = ["day", *TEXT_COLUMNS, *scope_fields(scope)]
    table = f'"{schema}"."{scope}"'
    with raw.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")
        if rows:
            holes = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({holes})",
                [[r.get(c) for c in columns] for r in rows],
            )


@pytest.mark.parametrize("name", POSTGRES_CASES)
def test_engine_equals_reference_on_postgres(postgres, name: str) -> None:
    raw, con, schema = postgres
    scope, text = next((s, t) for n, s, t in CASES if n == name)
    parsed = formula(text, scope)
    engine = KpiEngine(con, KNOWLEDGE, database=schema)

    @settings(DIFFERENTIAL, max_examples=5)
    @given(datasets(parsed.fields))
    def check(case: tuple[list[Row], dict[str, Any]]) -> None:
        rows, query = case
        load_postgres(raw, schema, scope, rows)
        assert_same(engine, parsed, rows, query)

    check()


# --- compute_many: one query per scope, the values of compute -------------------------------


def random_rows(scope: str, seed: int, count: int = 120) -> list[Row]:
    """Rows of every field of the scope over 4 months: 4 accounts of 2 owners, channels
    (one empty), ties on days, empty and zero values (multiples of 1/8: exact sums)."""
    rng = random.Random(f"{scope}-{seed}")
    accounts = [("fb", "a1", "own"), ("fb", "a2", "own"), ("ig", "a1", "rival"), ("ig", "b", "own")]
    fields = scope_fields(scope)
    rows = []
    for _ in range(count):
        platform, account, owner = rng.choice(accounts)
        rows.append(
            {
                "day": BASE_DAY + dt.timedelta(days=rng.randrange(0, 120, 3)),
                "platform": platform,
                "account": account,
                "owner": owner,
                "channel": rng.choice((None, *CHANNELS)),
                **{
                    name: rng.choice((None, 0.0, 1.0, rng.randrange(-8, 8000) / 8))
                    for name in fields
                },
            }
        )
    return rows


def assert_same_values(many: list[KpiValue], single: list[KpiValue]) -> None:
    assert [(v.period_start, v.keys) for v in many] == [(v.period_start, v.keys) for v in single]
    for a, b in zip(many, single, strict=True):
        if a.value is None or b.value is None:
            assert a.value == b.value, (a, b)
        else:
            assert math.isclose(a.value, b.value, rel_tol=1e-12, abs_tol=1e-12), (a, b)


MONTH_BY_ACCOUNT = {"period": "month", "by": ("account",)}
# period all, filtered, by a key that can be empty: the global start and NULL keys
ALL_BY_CHANNEL = {"period": "all", "by": ("channel",), "owners": ["own"], "end": D("2023-03-01")}


def test_compute_many_equals_compute_for_every_metric_on_duckdb(duck, engine) -> None:
    for scope in SCOPES:
        load_duckdb(duck, scope, random_rows(scope, 1))
    wanted = [*reversed(METRICS), METRICS[0]]  # any order, scopes mixed, a repeat
    many = engine.compute_many(wanted, **MONTH_BY_ACCOUNT)
    assert list(many) == list(reversed(METRICS))
    for metric in METRICS:
        single = engine.compute(metric, **MONTH_BY_ACCOUNT)
        assert single, metric  # the data gives every metric some groups
        assert_same_values(many[metric], single)
    assert engine.compute_many(wanted, **MONTH_BY_ACCOUNT) == many  # from the cached queries
    assert engine.compute_many([], **MONTH_BY_ACCOUNT) == {}
    # account and row aggregates merged on NULL keys, the global start of period all
    some = [m for m in METRICS if KNOWLEDGE.kpis[m].scope in ("account", "message")]
    many = engine.compute_many(some, **ALL_BY_CHANNEL)
    for metric in some:
        assert_same_values(many[metric], engine.compute(metric, **ALL_BY_CHANNEL))
    assert {v.keys for v in many["follower_count"]} == {(None,), ("ch1",), ("ch2",)}


def test_compute_many_sees_a_new_table_schema(duck, engine) -> None:
    jan = D("2024-01-01")
    metrics = ["search_clicks", "search_click_rate"]
    load_duckdb(duck, "site", [row("2024-01-02", search_clicks=3.0, search_impressions=6.0)])
    assert {m: values(v) for m, v in engine.compute_many(metrics).items()} == {
        "search_clicks": {(jan,): 3.0},
        "search_click_rate": {(jan,): 50.0},
    }
    load_duckdb(duck, "site", [row("2024-01-02", search_clicks=4.0)], fields=["search_clicks"])
    assert {m: values(v) for m, v in engine.compute_many(metrics).items()} == {
        "search_clicks": {(jan,): 4.0},
        "search_click_rate": {(jan,): None},  # the column is gone: all empty
    }
    with pytest.raises(LookupError, match="unknown metric 'nope'"):
        engine.compute_many(["reach", "nope"])


POSTGRES_MANY = [
    "reach",
    "engagement_rate_by_reach_post",
    "engagements_per_post",
    "follower_count",
    "follower_growth_rate",
    "unfollow_rate",
    "posting_frequency",
    "median_first_response_time",
    "response_rate",
]


def test_compute_many_equals_compute_on_postgres(postgres) -> None:
    raw, con, schema = postgres
    for scope in {KNOWLEDGE.kpis[m].scope for m in POSTGRES_MANY}:
        load_postgres(raw, schema, scope, random_rows(scope, 2, count=60))
    engine = KpiEngine(con, KNOWLEDGE, database=schema)
    for query in (MONTH_BY_ACCOUNT, ALL_BY_CHANNEL):
        many = engine.compute_many(POSTGRES_MANY, **query)
        assert list(many) == POSTGRES_MANY
        for metric in POSTGRES_MANY:
            single = engine.compute(metric, **query)
            assert single, metric
            assert_same_values(many[metric], single)
