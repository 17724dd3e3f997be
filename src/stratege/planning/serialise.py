"""A plan as JSON and back, so the web app can store it and measurement can match published
posts to planned slots (by their stable ids).

The conversion follows the type hints of the plan's dataclasses, so a field added to any
part of the plan is carried without touching this module: dates become ISO text, tuples
and sets lists, mappings with non-text keys lists of ``[key, value]`` pairs, pydantic
models (the strategy, its KPIs and campaigns) their JSON form. The knowledge base is not
stored: it is rebuilt from the strategy's own ``knowledge:`` overrides.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from typing import Any

from pydantic import BaseModel

from stratege.knowledge import load_knowledge
from stratege.planning.plan import Plan

FORMAT = "stratege-plan"
VERSION = 1
_NOT_STORED = frozenset({"knowledge"})


def plan_to_json(plan: Plan) -> str:
    """The plan as JSON text (deterministic: the same plan gives the same text)."""
    fields = {
        f.name: _encode(getattr(plan, f.name))
        for f in dataclasses.fields(plan)
        if f.name not in _NOT_STORED
    }
    return json.dumps({"format": FORMAT, "version": VERSION, "plan": fields}, ensure_ascii=False)


def plan_from_json(text: str) -> Plan:
    """A plan written by :func:`plan_to_json` (raises ValueError for anything else)."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a Stratège plan")
    if data.get("version") != VERSION:
        raise ValueError(f"unsupported plan version {data.get('version')!r}")
    hints = _hints(Plan)
    values = {name: _decode(hints[name], value) for name, value in data["plan"].items()}
    values["knowledge"] = load_knowledge(values["strategy"].knowledge)
    return Plan(**values)


# --- encoding ------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return [[_encode(k), _encode(v)] for k, v in value.items()]
    if isinstance(value, frozenset | set):
        return sorted(_encode(v) for v in value)
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


# --- decoding, guided by the type hints ---------------------------------------------------


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _decode_union(args, value)
    if origin is dict:
        pairs = value.items() if isinstance(value, dict) else value
        return {_decode(args[0], k): _decode(args[1], v) for k, v in pairs}
    if origin in (list, tuple, frozenset, set):
        return _decode_sequence(origin, args, value)
    if origin is typing.Literal or hint is Any:
        return value
    return _decode_plain(hint, value)


def _decode_union(args: tuple[Any, ...], value: Any) -> Any:
    if value is None and type(None) in args:
        return None
    options = [a for a in args if a is not type(None)]
    if len(options) == 1:
        return _decode(options[0], value)
    for option in options:  # e.g. str | int: the first that accepts the value as is
        if isinstance(value, option if isinstance(option, type) else object):
            return _decode(option, value)
    return value


def _decode_sequence(origin: Any, args: tuple[Any, ...], value: Any) -> Any:
    if origin is tuple and args and args[-1] is not Ellipsis:
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    item = args[0] if args else Any
    return origin(_decode(item, v) for v in value)


def _decode_plain(hint: Any, value: Any) -> Any:
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return hint.model_validate(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{k: _decode(hints[k], v) for k, v in value.items()})
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is float and isinstance(value, int | float):
        return float(value)
    return value
