"""The KPI engine: each catalogue formula becomes one Ibis query over its scope's table.

The database does all the work (filter, per-row expressions, per-account picks, grouping),
so the same code runs on DuckDB, PostgreSQL or any backend Ibis supports, and the query
behind a number can be shown (:meth:`KpiEngine.sql`) — every number can be traced.

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
from collections.abc import Collection, Sequence
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
    (a PostgreSQL schema, a DuckDB ``(catalog, schema)``).
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
    ) -> ir.Table:
        """The Ibis query behind :meth:`compute`: one row per group.

        Its columns are ``period_start``, the key columns (an account is two columns,
        ``platform`` and ``account``) and ``value``.
        """
        formula = self.formula(metric) if isinstance(metric, str) else metric
        unknown = [key for key in by if key not in KEY_COLUMNS]
        if unknown:
            raise ValueError(f"cannot group by {unknown}; use {', '.join(KEY_COLUMNS)}")
        if period not in (*_TRUNCATE_UNITS, "day", "all"):
            raise ValueError(f"unknown period {period!r}")
        table = self._table(formula.scope)
        conditions = _filters(table, start, end, channels, owners, accounts)
        if conditions:
            table = table.filter(*conditions)
        return _compile(formula, table, period, start, by)

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
    ) -> list[KpiValue]:
        """The metric per period (and per ``by`` keys), sorted by period then keys.

        ``start``/``end`` bound ``day`` inclusively; ``channels``, ``owners`` and ``accounts``
        ((platform, account) pairs) keep only the matching rows (None: no filter; an empty
        collection keeps nothing). For period ``all`` the period start is ``start``, or else
        the earliest day of the filtered rows.
        """
        expr = self.expression(
            metric,
            period=period,
            start=start,
            end=end,
            channels=channels,
            owners=owners,
            accounts=accounts,
            by=by,
        )
        values = [
            KpiValue(
                period_start=_as_date(row[_PERIOD]),
                keys=tuple(_key(row, key) for key in by),
                value=_finite(row["value"]),
            )
            for row in expr.to_pyarrow().to_pylist()
        ]
        return sorted(
            values, key=lambda v: (v.period_start, [(k is None, k or "") for k in v.keys])
        )

    def _table(self, scope: str) -> ir.Table:
        try:
            table = self.backend.table(scope, database=self.database)
        except TableNotFound as error:
            raise LookupError(f"no table {scope!r} in the data store") from error
        missing = [col for col in BASE_COLUMNS if col not in table.columns]
        if missing:
            raise LookupError(f"table {scope!r} lacks the columns {', '.join(missing)}")
        return table


def _filters(
    table: ir.Table,
    start: dt.date | None,
    end: dt.date | None,
    channels: Collection[str] | None,
    owners: Collection[str] | None,
    accounts: Collection[tuple[str, str]] | None,
) -> list[ir.BooleanValue]:
    conditions: list[ir.BooleanValue] = []
    if start is not None:
        conditions.append(table.day >= start)
    if end is not None:
        conditions.append(table.day <= end)
    for column, allowed in (("channel", channels), ("owner", owners)):
        if allowed is not None:
            conditions.append(
                table[column].isin(sorted(allowed)) if allowed else ibis.literal(False)
            )
    if accounts is not None:
        pairs = [(table.platform == p) & (table.account == a) for p, a in sorted(accounts)]
        conditions.append(ibis.or_(*pairs) if pairs else ibis.literal(False))
    return conditions


def _compile(
    formula: Formula,
    table: ir.Table,
    period: Period,
    start: dt.date | None,
    by: Sequence[GroupKey],
) -> ir.Table:
    """Three SELECTs: the filtered rows with their period, fields as floats and per-account
    picks; one grouped aggregation; the outer arithmetic over the aggregates."""
    keys = list(dict.fromkeys(column for key in by for column in KEY_COLUMNS[key]))
    columns: dict[str, ir.Value] = {column: table[column] for column in BASE_COLUMNS}
    if period == "day":
        columns[_PERIOD] = table.day
    elif period != "all":
        columns[_PERIOD] = _cast(table.day.truncate(_TRUNCATE_UNITS[period]), "date")
    group = [_PERIOD, *keys] if period != "all" else keys
    clashes = [name for name in formula.fields if name in columns or name.startswith("_")]
    if clashes:
        raise ValueError(f"field names {clashes} are reserved by the engine")
    for name in formula.fields:  # a column the table lacks is all-empty
        present = name in table.columns
        columns[name] = table[name].cast("float64") if present else _cast(ibis.null(), "float64")
    found = aggregates(formula)
    names = {agg: f"_agg{i}" for i, agg in enumerate(found)}
    picks = {agg: f"_pick{i}" for i, agg in enumerate(found) if agg.func in ACCOUNT_AGGREGATES}
    partition = [columns[c] for c in dict.fromkeys([*group, "platform", "account"])]
    for agg, name in picks.items():
        assert isinstance(agg.arg, Field)
        columns[name] = _pick(agg.func, table.day, columns[agg.arg.name], partition)
    if any(agg.arg is not None and not field_names(agg.arg) for agg in found):
        columns["_one"] = _cast(ibis.literal(1.0), "float64")  # to aggregate a constant
    rows = table.select(**columns)
    metrics = {name: _aggregate(rows, agg, picks.get(agg)) for agg, name in names.items()}
    if period == "all" and start is None:
        metrics["_first_day"] = rows.day.min()
    if group:
        result = rows.aggregate(by=group, **metrics)
    else:  # a global aggregate has a row even without data: keep it only when there was some
        result = rows.aggregate(_rows=rows.count(), **metrics)
        result = result.filter(result._rows > 0)
    if period == "all":
        first_day = ibis.literal(start) if start is not None else result._first_day.min().over()
        result = result.mutate(**{_PERIOD: _cast(first_day, "date")})
    value = _outer(formula.expr, result, names)
    return result.select(_PERIOD, *keys, value=value)


def _cast(value: ir.Value, to: str) -> ir.Value:
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


def _pick(
    func: str, day: ir.DateColumn, value: ir.FloatingColumn, partition: list[ir.Value]
) -> ir.FloatingColumn:
    """first/last/max/min of the account, on one row of each account (empty on the others).

    The rows of each account are ordered so that the wanted value comes first: non-empty
    values first, then by day (earliest for first, latest for last) or by value; ties on
    day go to the largest value.
    """
    order: list[Any] = [value.isnull()]
    if func == "first":
        order += [day, ibis.desc(value)]
    elif func == "last":
        order += [ibis.desc(day), ibis.desc(value)]
    elif func == "max":
        order += [ibis.desc(value)]
    else:
        order += [value]
    window = ibis.window(group_by=partition, order_by=order)
    return ibis.ifelse(ibis.row_number().over(window) == 0, value, ibis.null("float64"))


def _aggregate(table: ir.Table, agg: Aggregate, pick: str | None) -> ir.Scalar:
    if agg.func == "count":
        return table.count().cast("float64")
    if pick is not None:
        return table[pick].sum()  # the per-account values, summed over the accounts
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


def _key(row: dict[str, Any], key: GroupKey) -> str | None:
    if key != "account":
        value: str | None = row[key]
        return value
    platform, account = row["platform"], row["account"]
    return None if platform is None or account is None else f"{platform}/{account}"


def _as_date(value: Any) -> dt.date:
    day: dt.date = value.date() if isinstance(value, dt.datetime) else value
    return day


def _finite(value: Any) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None
