"""Parts of a strategy file: the text of some top-level sections, and a file with those
sections replaced by an edited text — comments, key order and the other sections kept.

This is how a page that edits one question at a time changes the file: the sections the
question answers are shown as YAML, and saved back into the whole file without touching
anything else (so two people editing two questions never overwrite each other).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from stratege.strategy.errors import FileProblem, StrategyFileError
from stratege.strategy.yamlio import _parse_yaml, _yaml


class SectionRefused(ValueError):
    """The edited text names a section that belongs to another question."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(", ".join(keys))
        self.keys = keys


def sections_text(text: str, keys: Sequence[str]) -> str:
    """The YAML of the sections ``keys`` of the file ``text``, with their comments, in the
    file's order (an empty text when the file has none of them)."""
    return sections_texts(text, [keys])[0]


def sections_texts(text: str, groups: Sequence[Sequence[str]]) -> list[str]:
    """:func:`sections_text` of several groups of sections, the file read once."""
    tree = _parse_yaml(text, Path("<strategy>"))
    if not isinstance(tree, CommentedMap):
        return ["" for _ in groups]
    texts = []
    for keys in groups:
        part = CommentedMap()
        for key in tree:
            if key in keys:
                part[key] = tree[key]
        buffer = io.StringIO()
        if part:
            _yaml().dump(part, buffer)
        texts.append(buffer.getvalue())
    return texts


def with_sections(text: str, edited: str, keys: Sequence[str], name: str = "<edited>") -> str:
    """The file ``text`` where the sections ``keys`` are those of ``edited`` (a section
    missing from ``edited`` is removed). Raises :class:`StrategyFileError` when ``edited``
    is not YAML, :class:`SectionRefused` when it holds another question's sections."""
    tree = _parse_yaml(text, Path("<strategy>"))
    part: Any = _parse_yaml(edited, Path(name)) if edited.strip() else CommentedMap()
    if part is None:
        part = CommentedMap()
    if not isinstance(part, dict):
        raise StrategyFileError([FileProblem(Path(name), 1, 1, "", "not_a_mapping", {})])
    foreign = [str(k) for k in part if k not in keys]
    if foreign:
        raise SectionRefused(foreign)
    if not isinstance(tree, CommentedMap):
        tree = CommentedMap()
    for key in keys:
        if key in part:
            if key in tree:
                tree[key] = part[key]
            else:
                tree.insert(_insertion_index(tree, key), key, part[key])
        elif key in tree:
            del tree[key]
    buffer = io.StringIO()
    _yaml().dump(tree, buffer)
    return buffer.getvalue()


ORDER = (
    "schema_version",
    "language",
    "period",
    "organisation",
    "objectives",
    "audit",
    "listening",
    "kpis",
    "audiences",
    "channels",
    "content",
    "cadence",
    "resources",
    "responsibilities",
    "advertising",
    "occasions",
    "knowledge",
)


def _insertion_index(tree: CommentedMap, key: str) -> int:
    """Where a new section goes: after the sections that come before it in the method."""
    rank = ORDER.index(key) if key in ORDER else len(ORDER)
    index = 0
    for position, existing in enumerate(tree):
        if existing in ORDER and ORDER.index(existing) < rank:
            index = position + 1
    return index
