"""Suggestions ("did you mean …?") for unknown fields and values outside an allowed list.

pydantic says *that* a key is unknown or a value not allowed; the model says *what* would
have been accepted at that place. Walking the model's annotations along the error's
location gives the valid field names or literal values there, and ``difflib`` picks the
closest one, so that ``hours_per_wek`` is answered with ``hours_per_week``.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

PathPart = str | int
CUTOFF = 0.6  # difflib's default: "hours_per_wek" ~ "hours_per_week", "foo" ~ nothing


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The choice that looks most like ``word``, when one is close enough to be a typo."""
    import difflib  # only when a problem is worded: keeps `stratege check` start-up fast

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=CUTOFF)
    if not found:  # "Hours_Per_Week": case is a typo too
        lowered = {c.lower(): c for c in choices}
        found = [lowered[m] for m in difflib.get_close_matches(word.lower(), list(lowered), 1)]
    return found[0] if found else None


def field_names(root: type[BaseModel], loc: Sequence[PathPart]) -> list[str]:
    """Field names of the model found at ``loc`` (empty when ``loc`` is not a model)."""
    models = [t for t in _members(_annotation_at(root, loc)) if _is_model(t)]
    return list(models[0].model_fields) if models else []


def literal_values(root: type[BaseModel], loc: Sequence[PathPart]) -> list[str]:
    """The values a ``Literal`` at ``loc`` allows (also for a list of literals)."""
    for member in _members(_annotation_at(root, loc)):
        if get_origin(member) is Literal:
            return [str(v) for v in get_args(member)]
        if get_origin(member) in (list, tuple, set):
            inner = [m for a in get_args(member) for m in _members(a)]
            for candidate in inner:
                if get_origin(candidate) is Literal:
                    return [str(v) for v in get_args(candidate)]
    return []


def _annotation_at(root: type[BaseModel], loc: Sequence[PathPart]) -> Any:
    annotation: Any = root
    for part in loc:
        annotation = _step(annotation, part)
        if annotation is None:
            return None
    return annotation


def _step(annotation: Any, part: PathPart) -> Any:
    """The annotation one level down: a model's field, a list's item, a dict's value."""
    for member in _members(annotation):
        origin = get_origin(member)
        if _is_model(member) and isinstance(part, str) and part in member.model_fields:
            return member.model_fields[part].annotation
        if origin in (list, tuple, set) and isinstance(part, int) and get_args(member):
            return get_args(member)[0]
        if origin is dict and isinstance(part, str) and len(get_args(member)) == 2:
            return get_args(member)[1]
    return None


def _members(annotation: Any) -> list[Any]:
    """``X | None`` → [X]; ``Annotated[X, …]`` → [X]; anything else → [itself]."""
    if annotation is None:
        return []
    origin = get_origin(annotation)
    if origin is Annotated:
        return _members(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    return [annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
