"""The KPI engine: each catalogue formula becomes one Ibis query over its scope's table.

The database does all the work (filter, per-row expressions, per-account picks, grouping),
so the same code runs on DuckDB, PostgreSQL or any backend Ibis supports, and the query
behind a number can be shown (:meth:`KpiEngine.sql`) — every number can be traced.
Several metrics of one scope are computed by one query (:meth:`KpiEngine.compute_many`):
one scan of the rows, each distinct aggregate computed once and shared by the metrics.

Store contract: one table per scope, named as the scope, with ``day`` (DATE), ``platform``,
``account``, ``owner`` and ``channel`` (text, channel may be NULL) and one DOUBLE column per
catalogue field of the scope (NULL = empty). A missing table is an error; a missing field
column is read as all-empty (an import that lacks a metric yields no value, not a crash).

Conventions (kpis.yaml): rows are filtered before aggregation; inside an aggregate the
expression is evaluated per row and a row whose value is empty (empty operand, division by
zero) is skipped; first/last/max/min are taken per (platform, account) and summed over the
accounts — on ties of ``day`` the largest value is taken; any empty operand or division by
zero outside the aggregates gives no value. NaN and infinities never come out.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import OrderedDict
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import ibis  # type: ignore[import-untyped]  # no py.typed (see report)
import ibis.expr.datatypes as dt_types  # type: ignore[import-untyped]
import ibis.expr.operations as ops  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]
from ibis.common.exceptions import TableNotFound  # type: ignore[import-untyped]

from stratege.knowledge.models import Knowledge
from stratege.measure.formula import (
    ACCOUNT_AGGREGATES,
    Aggregate,
    BinOp,
    Field,
    Formula,
    GroupKey,
    Neg,
    Node,
    Number,
    Period,
    aggregates,
    field_names,
    parse,
)

KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "owner": ("owner",),
    "account": ("platform", "account"),
    "platform": ("platform",),
    "channel": ("channel",),
}
"""The table columns behind each grouping key (an account is a platform and an account id)."""

BASE_COLUMNS = ("day", "platform", "account", "owner", "channel")

_TRUNCATE_UNITS = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}
_PERIOD = "period_start"

QUERY_CACHE_SIZE = 256
"""How many built queries an engine keeps (least recently used dropped first)."""


@dataclass(frozen=True)
class KpiValue:
    """One number: a metric over one period and one group.

    ``keys`` has one entry per ``by`` key, in order; an account is ``"platform/account"``.
    ``value`` is None when there is no value (no data, or a division by zero).
    """

    period_start: dt.date
    keys: tuple[str | None, ...]
    value: float | None


class KpiEngine:
    """Computes the catalogue's metrics from the tables of an Ibis backend.

    ``database`` locates the tables when they are not in the backend's default place
    (a PostgreSQL schema, a DuckDB ``(catalog, schema)``). The queries are built once per
    (formulas, options, table schema) and kept (:data:`QUERY_CACHE_SIZE` of them).
    """

    def __init__(
        self,
        backend: ibis.BaseBackend,
        knowledge: Knowledge,
        *,
        database: str | tuple[str, str] | None = None,
    ) -> None:
        self.backend = backend
        self.knowledge = knowledge
        self.database = database
        self._queries: OrderedDict[Hashable, ir.Table] = OrderedDict()
        self._sql: OrderedDict[Hashable, str] = OrderedDict()  # DuckDB: each query's SQL
        self._queries_lock = threading.Lock()

    def formula(self, metric: str) -> Formula:
        """The parsed formula of ``metric`` (parsed once, then cached)."""
        try:
            kpi = self.knowledge.kpis[metric]
        except KeyError:
            raise LookupError(f"unknown metric {metric!r}") from None
        return parse(kpi.formula, self.knowledge.fields, kpi.scope)

    def expression(
        self,
        metric: str | Formula,
        *,
        period: Period = "month",
        start: dt.date | None = None,
        end: dt.date | None = None,
        channels: Collection[str] | None = None,
        owners: Collection[str] | None = None,
        accounts: Collection[tuple[str, str]] | None = None,
        by: Sequence[GroupKey] = (),
        platforms: Collection[str] | None = None,
    ) -> ir.Table:
        """The Ibis query behind :meth:`compute`: one row per group.

        Its columns are ``period_start``, the key columns (an account is two columns,
        ``platform`` and ``account``) and ``value``.
        """
        formula = self.formula(metric) if isinstance(metric, str) else metric
        options = _Options.of(period, start, end, channels, owners, accounts, by, platforms)
        query = self._query((formula,), options)
        keys = _key_columns(options.by)
        return query.select(_PERIOD, *keys, value=query[_output(0)])

    def sql(self, metric: str | Formula, **options: Any) -> str:
        """The SQL of :meth:`expression` in the backend's dialect, to show how a number is made."""
        return str(ibis.to_sql(self.expression(metric, **options), dialect=self.backend.name))

    def compute(
        self,
        metric: str | Formula,
        *,
        period: Period = "month",
        start: dt.date | None = None,
        end: dt.date | None = None,
        channels: Collection[str] | None = None,
        owners: Collection[str] | None = None,
        accounts: Collection[tuple[str, str]] | None = None,
        by: Sequence[GroupKey] = (),
        platforms: Collection[str] | None = None,
    ) -> list[KpiValue]:
        """The metric per period (and per ``by`` keys), sorted by period then keys.

        ``start``/``end`` bound ``day`` inclusively; ``channels``, ``owners``, ``accounts``
        ((platform, account) pairs) and ``platforms`` keep only the matching rows (None: no
        filter; an empty collection keeps nothing). For period ``all`` the period start is
        ``start``, or else the earliest day of the filtered rows.
        """
        formula = self.formula(metric) if isinstance(metric, str) else metric
        options = _Options.of(period, start, end, channels, owners, accounts, by, platforms)
        (values,) = self._run((formula,), options)
        return values

    def compute_many(
        self,
        metrics: Sequence[str],
        *,
        period: Period = "month",
        start: dt.date | None = None,
        end: dt.date | None = None,
        channels: Collection[str] | None = None,
        owners: Collection[str] | None = None,
        accounts: Collection[tuple[str, str]] | None = None,
        by: Sequence[GroupKey] = (),
        platforms: Collection[str] | None = None,
    ) -> dict[str, list[KpiValue]]:
        """:meth:`compute` of each metric (same options for all), keyed by metric, in order.

        One query per scope: the rows are read once, every distinct aggregate of the scope's
        metrics is computed once (two metrics with ``sum(reach)`` share it), then each
        metric's outer expression. The values are those of :meth:`compute`.
        """
        if isinstance(metrics, str):
            raise TypeError("metrics is a sequence of metric ids, not one id")
        options = _Options.of(period, start, end, channels, owners, accounts, by, platforms)
        wanted = list(dict.fromkeys(metrics))
        formulas = {metric: self.formula(metric) for metric in wanted}
        by_scope: dict[str, list[str]] = {}
        for metric, formula in formulas.items():
            by_scope.setdefault(formula.scope, []).append(metric)
        results: dict[str, list[KpiValue]] = {}
        for names in by_scope.values():
            found = self._run(tuple(formulas[name] for name in names), options)
            results.update(zip(names, found, strict=True))
        return {metric: results[metric] for metric in wanted}

    def _run(self, formulas: tuple[Formula, ...], options: _Options) -> list[list[KpiValue]]:
        """The values of formulas of one scope, from one query, sorted by period then keys
        (empty keys last), the keys compared as Python compares strings."""
        columns, rows = self._rows(self._query(formulas, options))
        position = {name: i for i, name in enumerate(columns)}
        keys = [_key_reader(key, position) for key in options.by]
        at_period = position[_PERIOD]
        # A result has a row per period and group (a few thousand at most): sorted here.
        keyed = sorted(
            ((row[at_period], tuple(read(row) for read in keys), row) for row in rows),
            key=lambda item: (_last_if_none(item[0]), *map(_last_if_none, item[1])),
        )
        outputs = [position[_output(i)] for i in range(len(formulas))]
        return [
            [KpiValue(_as_date(period), group, _finite(row[at])) for period, group, row in keyed]
            for at in outputs
        ]

    def _rows(self, query: ir.Table) -> tuple[list[str], list[tuple[Any, ...]]]:
        """The column names and rows of ``query``. On DuckDB, its SQL (compiled once per
        query) runs on the backend's connection directly: Ibis's ``to_pyarrow`` would compile
        it again at each call and load pandas for its result converter (a third of a second
        at the first query of a process), for rows that are then read one by one anyway."""
        if self.backend.name != "duckdb":
            table = query.to_pyarrow()
            names = list(table.column_names)
            return names, list(zip(*(table[name].to_pylist() for name in names), strict=True))
        key = query.op()
        with self._queries_lock:
            sql = self._sql.get(key)
        if sql is None:
            sql = str(self.backend.compile(query))
            with self._queries_lock:
                self._sql[key] = sql
                if len(self._sql) > QUERY_CACHE_SIZE:
                    self._sql.popitem(last=False)
        relation = self.backend.con.sql(sql)
        return list(relation.columns), relation.fetchall()

    def _query(self, formulas: tuple[Formula, ...], options: _Options) -> ir.Table:
        """The query of formulas of one scope (built once per formulas, options and table)."""
        (scope,) = {formula.scope for formula in formulas}
        table = self._table(scope)
        cache_key = (table.op(), formulas, options)  # the op holds the table's schema
        with self._queries_lock:
            query = self._queries.get(cache_key)
            if query is not None:
                self._queries.move_to_end(cache_key)
                return query
        conditions = _filters(table, options)
        query = _compile(formulas, table.filter(*conditions) if conditions else table, options)
        with self._queries_lock:
            self._queries[cache_key] = query
            if len(self._queries) > QUERY_CACHE_SIZE:
                self._queries.popitem(last=False)
        return query

    def _table(self, scope: str) -> ir.Table:
        try:
            table = self.backend.table(scope, database=self.database)
        except TableNotFound as error:
            raise LookupError(f"no table {scope!r} in the data store") from error
        missing = [col for col in BASE_COLUMNS if col not in table.columns]
        if missing:
            raise LookupError(f"table {scope!r} lacks the columns {', '.join(missing)}")
        return table


@dataclass(frozen=True)
class _Options:
    """The options of a computation, checked and made hashable (a key of the query cache)."""

    period: Period
    start: dt.date | None
    end: dt.date | None
    channels: tuple[str, ...] | None
    owners: tuple[str, ...] | None
    accounts: tuple[tuple[str, str], ...] | None
    by: tuple[GroupKey, ...]
    platforms: tuple[str, ...] | None = None

    @classmethod
    def of(
        cls,
        period: Period,
        start: dt.date | None,
        end: dt.date | None,
        channels: Collection[str] | None,
        owners: Collection[str] | None,
        accounts: Collection[tuple[str, str]] | None,
        by: Sequence[GroupKey],
        platforms: Collection[str] | None = None,
    ) -> _Options:
        unknown = [key for key in by if key not in KEY_COLUMNS]
        if unknown:
            raise ValueError(f"cannot group by {unknown}; use {', '.join(KEY_COLUMNS)}")
        if period not in (*_TRUNCATE_UNITS, "day", "all"):
            raise ValueError(f"unknown period {period!r}")

        def frozen(values: Collection[Any] | None) -> tuple[Any, ...] | None:
            return None if values is None else tuple(sorted(set(values)))

        pairs = None if accounts is None else [(p, a) for p, a in accounts]
        return cls(
            period,
            start,
            end,
            frozen(channels),
            frozen(owners),
            frozen(pairs),
            tuple(by),
            frozen(platforms),
        )


def _filters(table: ir.Table, options: _Options) -> list[ir.BooleanValue]:
    conditions: list[ir.BooleanValue] = []
    if options.start is not None:
        conditions.append(table.day >= options.start)
    if options.end is not None:
        conditions.append(table.day <= options.end)
    for column, allowed in (
        ("channel", options.channels),
        ("owner", options.owners),
        ("platform", options.platforms),
    ):
        if allowed is not None:
            conditions.append(table[column].isin(allowed) if allowed else ibis.literal(False))
    if options.accounts is not None:
        pairs = [(table.platform == p) & (table.account == a) for p, a in options.accounts]
        conditions.append(ibis.or_(*pairs) if pairs else ibis.literal(False))
    return conditions


def _key_columns(by: Sequence[GroupKey]) -> list[str]:
    return list(dict.fromkeys(column for key in by for column in KEY_COLUMNS[key]))


def _output(index: int) -> str:
    """The result column of the index-th formula of a query."""
    return f"_value{index}"


def _compile(formulas: Sequence[Formula], table: ir.Table, options: _Options) -> ir.Table:
    """The query of formulas of one scope over the filtered ``table``: one row per group,
    with ``period_start``, the key columns and one column per formula (:func:`_output`).

    The filtered rows get their period, the fields as floats and ``_one`` (to aggregate a
    constant). The row aggregates (sum, mean, median, count, countif) are taken per group;
    the account aggregates (first, last, max, min) per account of each group, then summed
    per group; the two sets are merged by a UNION ALL regrouped on the keys (NULL keys
    included, unlike a join). Each distinct aggregate is computed once for all formulas.
    """
    period, start = options.period, options.start
    keys = _key_columns(options.by)
    columns: dict[str, ir.Value] = {column: table[column] for column in BASE_COLUMNS}
    if period == "day":
        columns[_PERIOD] = table.day
    elif period != "all":
        columns[_PERIOD] = _cast(table.day.truncate(_TRUNCATE_UNITS[period]), "date")
    group = [_PERIOD, *keys] if period != "all" else keys
    fields = list(dict.fromkeys(name for formula in formulas for name in formula.fields))
    clashes = [name for name in fields if name in columns or name.startswith("_")]
    if clashes:
        raise ValueError(f"field names {clashes} are reserved by the engine")
    for name in fields:  # a column the table lacks is all-empty
        present = name in table.columns
        columns[name] = table[name].cast("float64") if present else _cast(ibis.null(), "float64")
    found = list(dict.fromkeys(agg for formula in formulas for agg in aggregates(formula)))
    names = {agg: f"_agg{i}" for i, agg in enumerate(found)}
    if any(agg.arg is not None and not field_names(agg.arg) for agg in found):
        columns["_one"] = _cast(ibis.literal(1.0), "float64")  # to aggregate a constant
    rows = table.select(**columns)
    per_row = {names[agg]: agg for agg in found if agg.func not in ACCOUNT_AGGREGATES}
    per_account = {names[agg]: agg for agg in found if agg.func in ACCOUNT_AGGREGATES}
    extra: dict[str, ir.Scalar] = {}
    if not group:  # a global aggregate has a row even without data: keep it only if some
        extra["_rows"] = rows.count()
    if period == "all" and start is None:
        extra["_first_day"] = rows.day.min()
    result = None
    if per_row or not per_account:
        metrics = {name: _aggregate(rows, agg) for name, agg in per_row.items()}
        result = _group(rows, group, {**metrics, **extra})
    if per_account:
        if result is None:
            result = _account_aggregates(rows, group, per_account, extra)
        else:
            picked = _account_aggregates(rows, group, per_account, {})
            result = _merge(result, picked, group)
    assert result is not None
    if not group:
        result = result.filter(result._rows > 0)
    if period == "all":
        first_day = ibis.literal(start) if start is not None else result._first_day.min().over()
        result = result.mutate(**{_PERIOD: _cast(first_day, "date")})
    outputs = {
        _output(i): _outer(formula.expr, result, names) for i, formula in enumerate(formulas)
    }
    return result.select(_PERIOD, *keys, **outputs)


def _group(table: ir.Table, group: list[str], metrics: dict[str, ir.Scalar]) -> ir.Table:
    return table.aggregate(by=group, **metrics) if group else table.aggregate(**metrics)


def _account_aggregates(
    rows: ir.Table, group: list[str], picks: dict[str, Aggregate], extra: dict[str, ir.Scalar]
) -> ir.Table:
    """first/last/max/min of each account of each group, summed over the group's accounts.

    first/last: the earliest/latest day with a value of the account, by an unsorted window
    (one pass, no sort of the rows), then the largest value of that day (the tie rule);
    max/min: a plain aggregate of the account's rows.
    """
    account = list(dict.fromkeys([*group, "platform", "account"]))
    window = ibis.window(group_by=[rows[column] for column in account])
    days: dict[str, ir.Value] = {}
    for name, agg in picks.items():
        if agg.func in ("first", "last"):
            assert isinstance(agg.arg, Field)
            value = rows[agg.arg.name]
            day = ibis.ifelse(value.isnull(), _cast(ibis.null(), "date"), rows.day)
            days[f"{name}_day"] = (day.min() if agg.func == "first" else day.max()).over(window)
    marked = rows.mutate(**days) if days else rows
    per_account: dict[str, ir.Scalar] = {}
    for name, agg in picks.items():
        assert isinstance(agg.arg, Field)
        value = marked[agg.arg.name]
        if agg.func in ("first", "last"):
            on_day = marked.day == marked[f"{name}_day"]
            per_account[name] = ibis.ifelse(on_day, value, _cast(ibis.null(), "float64")).max()
        else:
            per_account[name] = value.max() if agg.func == "max" else value.min()
    if "_rows" in extra:
        per_account["_rows"] = marked.count()
    if "_first_day" in extra:
        per_account["_first_day"] = marked.day.min()
    accounts = marked.aggregate(by=account, **per_account)
    sums: dict[str, ir.Scalar] = {name: accounts[name].sum() for name in picks}
    if "_rows" in extra:
        sums["_rows"] = accounts._rows.sum()
    if "_first_day" in extra:
        sums["_first_day"] = accounts._first_day.min()
    return _group(accounts, group, sums)


def _merge(left: ir.Table, right: ir.Table, group: list[str]) -> ir.Table:
    """One row per group with the columns of both: the groups of ``right`` are among those
    of ``left``. A UNION ALL of both, each padded with empty columns, regrouped with max():
    GROUP BY matches NULL keys, which a join does not (and PostgreSQL cannot hash a
    null-safe join)."""
    own_left = [c for c in left.columns if c not in group]
    own_right = [c for c in right.columns if c not in group]
    schema = {**left.schema(), **right.schema()}

    def empty(columns: list[str]) -> dict[str, ir.Value]:
        return {c: _cast(ibis.null(), schema[c]) for c in columns}

    both = left.select(*group, *own_left, **empty(own_right)).union(
        right.select(*group, **empty(own_left), **{c: right[c] for c in own_right})
    )
    return _group(both, group, {c: both[c].max() for c in [*own_left, *own_right]})


def _cast(value: ir.Value, to: str | dt_types.DataType) -> ir.Value:
    """An SQL cast that Ibis would drop as a no-op but PostgreSQL needs: its date_trunc of a
    date gives a timestamp with time zone, and its ``1.0`` is a NUMERIC, not a DOUBLE."""
    return ops.Cast(value, to=dt_types.dtype(to)).to_expr()


def _row(table: ir.Table, node: Node) -> ir.FloatingValue:
    """An aggregate's argument, evaluated per row; division by zero makes the row empty."""
    match node:
        case Number(value=value):
            return ibis.literal(value, type="float64")
        case Field(name=name):
            return table[name]
        case Neg(operand=operand):
            return -_row(table, operand)
        case BinOp():
            return _arith(node.op, _row(table, node.left), _row(table, node.right))
    raise TypeError(f"{node!r} cannot be evaluated on a row")


def _arith(op: str, left: ir.FloatingValue, right: ir.FloatingValue) -> ir.FloatingValue:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return left / right.nullif(0)  # PostgreSQL raises on x / 0, DuckDB gives NULL or inf


def _aggregate(table: ir.Table, agg: Aggregate) -> ir.Scalar:
    """A row aggregate (sum, mean, median, count, countif) of the table's rows."""
    if agg.func == "count":
        return table.count().cast("float64")
    assert agg.arg is not None
    value = _row(table, agg.arg)
    if isinstance(value, ir.Scalar):  # a constant: make it a column to aggregate it
        value = value * table._one
    if agg.func == "sum":
        return value.sum()
    if agg.func == "mean":
        return value.mean()
    if agg.func == "median":
        return value.median()
    if agg.func == "countif":
        return value.count(where=value != 0).cast("float64")
    raise ValueError(f"unknown aggregate {agg.func!r}")


def _outer(node: Node, result: ir.Table, names: dict[Aggregate, str]) -> ir.FloatingValue:
    match node:
        case Number(value=value):
            return ibis.literal(value, type="float64")
        case Aggregate():
            return result[names[node]].cast("float64")
        case Neg(operand=operand):
            return -_outer(operand, result, names)
        case BinOp():
            return _arith(
                node.op, _outer(node.left, result, names), _outer(node.right, result, names)
            )
    raise TypeError(f"{node!r} cannot be evaluated on a group")


def _key_reader(key: GroupKey, position: dict[str, int]) -> Any:
    """How to read ``key`` off a result row: an account is ``platform/account`` (empty if
    either is)."""
    if key != "account":
        at = position[key]
        return lambda row: row[at]
    platform, account = position["platform"], position["account"]
    return lambda row: (
        None if row[platform] is None or row[account] is None else f"{row[platform]}/{row[account]}"
    )


def _last_if_none(value: Any) -> tuple[bool, Any]:
    """A sort key that puts empty values last (and never compares them)."""
    return (True, 0) if value is None else (False, value)


def _as_date(value: Any) -> dt.date:
    day: dt.date = value.date() if isinstance(value, dt.datetime) else value
    return day


def _finite(value: Any) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None
