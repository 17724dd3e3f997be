"""A plain-Python evaluator of parsed formulas: slow, short and obviously right.

It is the oracle the Ibis engine is tested against (tests/measure/test_engine.py), so it
follows the conventions of kpis.yaml literally, one row and one group at a time, and shares
nothing with the engine but the parsed formula.

Rows are mappings with ``day`` (a date), ``platform``, ``account``, ``owner``, ``channel`` and
the metric fields (a float, or None when empty; a missing key is empty too). They must be
filtered already. Keys of the result are ``(period_start, *keys)``, one key per ``group_by``
entry; ``account`` is written ``"platform/account"``.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from stratege.measure.formula import (
    Aggregate,
    BinOp,
    Field,
    Formula,
    GroupKey,
    Neg,
    Node,
    Number,
    Period,
)

Row = Mapping[str, Any]


def evaluate(
    formula: Formula,
    rows: Iterable[Row],
    *,
    period: Period,
    group_by: Sequence[GroupKey] = (),
    start: dt.date | None = None,
) -> dict[tuple[Any, ...], float | None]:
    """The formula's value per (period start, *keys); a group exists when it has a row.

    For period ``all`` the period start is ``start``, or else the earliest day of the rows.
    """
    rows = list(rows)
    first_day = start if start is not None else min((r["day"] for r in rows), default=None)
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for row in rows:
        begins = first_day if period == "all" else period_start(row["day"], period)
        groups[(begins, *(key_of(row, key) for key in group_by))].append(row)
    return {key: _finite(_outer(formula.expr, members)) for key, members in groups.items()}


def period_start(day: dt.date, period: Period) -> dt.date:
    """The first day of the period holding ``day`` (weeks start on Monday)."""
    if period == "day":
        return day
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"no period start for period {period!r}")


def key_of(row: Row, key: GroupKey) -> str | None:
    if key == "account":
        platform, account = row["platform"], row["account"]
        return None if platform is None or account is None else f"{platform}/{account}"
    value: str | None = row[key]
    return value


def _combine(op: str, left: float | None, right: float | None) -> float | None:
    if left is None or right is None:
        return None
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return None if right == 0 else left / right


def _row_value(node: Node, row: Row) -> float | None:
    """The value of an aggregate's argument on one row; None when empty."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Field):
        value = row.get(node.name)
        return None if value is None else float(value)
    if isinstance(node, Neg):
        operand = _row_value(node.operand, row)
        return None if operand is None else -operand
    if isinstance(node, BinOp):
        return _combine(node.op, _row_value(node.left, row), _row_value(node.right, row))
    raise TypeError(f"{node!r} cannot be evaluated on a row")


def _outer(node: Node, rows: list[Row]) -> float | None:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Neg):
        operand = _outer(node.operand, rows)
        return None if operand is None else -operand
    if isinstance(node, BinOp):
        return _combine(node.op, _outer(node.left, rows), _outer(node.right, rows))
    if isinstance(node, Aggregate):
        return _aggregate(node, rows)
    raise TypeError(f"{node!r} is outside any aggregate")


def _aggregate(node: Aggregate, rows: list[Row]) -> float | None:
    if node.func == "count":
        return float(len(rows))
    assert node.arg is not None
    if node.func in ("first", "last", "max", "min"):
        return _per_account(node.func, node.arg, rows)
    values = [_row_value(node.arg, row) for row in rows]
    present = [v for v in values if v is not None]
    if node.func == "countif":
        return float(sum(1 for v in present if v != 0))
    if not present:
        return None
    if node.func == "sum":
        return sum(present)
    if node.func == "mean":
        return sum(present) / len(present)
    if node.func == "median":
        return float(statistics.median(present))
    raise ValueError(f"unknown aggregate {node.func!r}")


def _per_account(func: str, field: Node, rows: list[Row]) -> float | None:
    """first/last/max/min of each (platform, account), summed over the accounts.

    Several rows of one account on its first (last) day: the largest value is taken.
    """
    by_account: dict[tuple[Any, Any], list[tuple[dt.date, float]]] = defaultdict(list)
    for row in rows:
        value = _row_value(field, row)
        if value is not None:
            by_account[(row["platform"], row["account"])].append((row["day"], value))
    if not by_account:
        return None
    total = 0.0
    for pairs in by_account.values():
        if func == "first":
            earliest = min(day for day, _ in pairs)
            total += max(v for day, v in pairs if day == earliest)
        elif func == "last":
            total += max(pairs)[1]  # latest day, then largest value
        elif func == "max":
            total += max(v for _, v in pairs)
        else:
            total += min(v for _, v in pairs)
    return total


def _finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None
