"""The KPI formula language of the catalogue (kpis.yaml), parsed into a small typed tree.

A formula is parsed once and validated against the catalogue's fields, so that the engine
and the reference evaluator both walk the same checked tree and a mistake in a strategy's
own KPI is reported with the formula and the offending part, before any data is read.
Python's own parser reads the text; only the few node types of the language are accepted.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

from stratege.knowledge.models import DataField

Period = Literal["day", "week", "month", "quarter", "year", "all"]
GroupKey = Literal["owner", "account", "platform", "channel"]
Operator = Literal["+", "-", "*", "/"]
AggregateFunc = Literal["sum", "mean", "median", "count", "countif", "first", "last", "max", "min"]

ROW_AGGREGATES = frozenset({"sum", "mean", "median", "countif"})
"""Aggregates whose argument is an expression evaluated row by row."""
ACCOUNT_AGGREGATES = frozenset({"first", "last", "max", "min"})
"""Aggregates of a bare field, taken per account and summed over the accounts."""
AGGREGATES = ROW_AGGREGATES | ACCOUNT_AGGREGATES | {"count"}

_OPERATORS: dict[type[ast.operator], Operator] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
}


class FormulaError(ValueError):
    """A formula that is not in the language, or that uses fields it cannot use."""


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class Field:
    name: str


@dataclass(frozen=True)
class BinOp:
    op: Operator
    left: Node
    right: Node


@dataclass(frozen=True)
class Neg:
    operand: Node


@dataclass(frozen=True)
class Aggregate:
    """``func(arg)``: ``arg`` is None for count(), a bare :class:`Field` for first/last/max/min."""

    func: AggregateFunc
    arg: Node | None


Node: TypeAlias = Number | Field | BinOp | Neg | Aggregate


@dataclass(frozen=True)
class Formula:
    """A parsed, validated formula: ``expr`` combines aggregates over the ``scope``'s rows."""

    text: str
    scope: str
    expr: Node
    fields: tuple[str, ...]  # in order of first use


def parse(formula: str, fields: Mapping[str, DataField], scope: str) -> Formula:
    """Parse and validate ``formula`` for rows of ``scope``; raises :class:`FormulaError`.

    Cached: the same formula over the same field vocabulary is parsed only once.
    """
    known = frozenset((name, field.scope) for name, field in fields.items())
    return _parse_cached(formula, scope, known)


def aggregates(node: Formula | Node) -> tuple[Aggregate, ...]:
    """The distinct aggregates of a formula, in order of appearance."""
    found: dict[Aggregate, None] = {}

    def walk(n: Node) -> None:
        match n:
            case Aggregate():
                found.setdefault(n)
            case BinOp(left=left, right=right):
                walk(left)
                walk(right)
            case Neg(operand=operand):
                walk(operand)

    walk(node.expr if isinstance(node, Formula) else node)
    return tuple(found)


def field_names(node: Node) -> tuple[str, ...]:
    """The distinct field names of an expression, in order of first use."""
    found: dict[str, None] = {}

    def walk(n: Node | None) -> None:
        match n:
            case Field(name=name):
                found.setdefault(name)
            case BinOp(left=left, right=right):
                walk(left)
                walk(right)
            case Neg(operand=operand) | Aggregate(arg=operand):
                walk(operand)

    walk(node)
    return tuple(found)


@functools.lru_cache(maxsize=1024)
def _parse_cached(text: str, scope: str, known: frozenset[tuple[str, str]]) -> Formula:
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        raise FormulaError(f"formula {text!r} is not valid: {error.msg}") from None
    expr = _Converter(text.strip(), scope, dict(known)).convert(tree.body)
    if not aggregates(expr):
        raise FormulaError(f"formula {text!r} has no aggregate: it measures no rows")
    return Formula(text=text, scope=scope, expr=expr, fields=field_names(expr))


class _Converter:
    """Turns Python's tree into the formula tree, rejecting whatever is not the language."""

    def __init__(self, text: str, scope: str, known: dict[str, str]) -> None:
        self.text = text
        self.scope = scope
        self.known = known

    def fail(self, node: ast.AST, problem: str) -> FormulaError:
        part = ast.get_source_segment(self.text, node) or type(node).__name__
        return FormulaError(f"formula {self.text!r}: {problem} (at {part!r})")

    def convert(self, node: ast.expr, inside: str | None = None) -> Node:
        """``inside`` is the aggregate being converted, None at the outer level."""
        match node:
            case ast.Constant(value=bool()) | ast.Constant(value=complex()):
                raise self.fail(node, "only plain numbers are allowed")
            case ast.Constant(value=int() | float() as value):
                return Number(float(value))
            case ast.Constant():
                raise self.fail(node, "only plain numbers are allowed")
            case ast.Name(id=name):
                return self.field(node, name, inside)
            case ast.BinOp(op=op, left=left, right=right) if type(op) in _OPERATORS:
                return BinOp(
                    _OPERATORS[type(op)], self.convert(left, inside), self.convert(right, inside)
                )
            case ast.BinOp():
                raise self.fail(node, "only + - * / are allowed")
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                return Neg(self.convert(operand, inside))
            case ast.UnaryOp(op=ast.UAdd(), operand=operand):
                return self.convert(operand, inside)
            case ast.Call():
                return self.call(node, inside)
        raise self.fail(node, "not part of the formula language")

    def field(self, node: ast.expr, name: str, inside: str | None) -> Field:
        if inside is None:
            raise self.fail(node, f"field {name!r} must be inside an aggregate")
        if name not in self.known:
            raise self.fail(node, f"unknown field {name!r}")
        if self.known[name] != self.scope:
            raise self.fail(
                node, f"field {name!r} belongs to scope {self.known[name]!r}, not {self.scope!r}"
            )
        return Field(name)

    def call(self, node: ast.Call, inside: str | None) -> Aggregate:
        if not isinstance(node.func, ast.Name) or node.func.id not in AGGREGATES:
            raise self.fail(node, f"unknown function; use one of {', '.join(sorted(AGGREGATES))}")
        func: AggregateFunc = node.func.id  # type: ignore[assignment]  # checked just above
        if inside is not None:
            raise self.fail(node, f"aggregate {func}() inside {inside}()")
        if node.keywords or any(isinstance(arg, ast.Starred) for arg in node.args):
            raise self.fail(node, f"{func}() takes plain positional arguments only")
        if func == "count":
            if node.args:
                raise self.fail(node, "count() takes no argument; use countif(expr)")
            return Aggregate("count", None)
        if len(node.args) != 1:
            raise self.fail(node, f"{func}() takes exactly one argument")
        (arg,) = node.args
        if func in ACCOUNT_AGGREGATES and not isinstance(arg, ast.Name):
            raise self.fail(node, f"{func}() takes a bare field")
        return Aggregate(func, self.convert(arg, inside=func))
