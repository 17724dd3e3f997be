"""A strategy file read by the C parser (ruamel.yaml.clib): the quick way in.

ruamel.yaml's round-trip parser, which keeps comments for saving, is pure Python: on the
largest example it took most of a `stratege check`. Checking needs no comments, only the
data and where each value stands, so the file is first composed by the C parser and
turned into the same kind of tree the round-trip parser makes (mappings and lists that
know the line and column of every key and value), comments aside. The round-trip tree is
built later, and only when a strategy is saved.

The quick way takes only what is plainly allowed — the core tags, no anchor, alias or
merge key, no duplicate key, nesting within the limit, scalars that build — and gives up
(``None``) on anything else, so that the careful parser (:mod:`stratege.strategy.yamlguard`)
says where and why, exactly as before. Both parse YAML 1.2 through ruamel.yaml's own
resolver, so a value reads the same either way.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from stratege.strategy.yamlguard import ALLOWED_TAGS, MAX_DEPTH


class _GiveUp(Exception):
    """Something the careful parser must look at."""


def fast_tree(text: str) -> Any | None:
    """The file's tree with positions, or None when the C parser is missing or the file
    holds anything beyond plain data (the careful parser then says what)."""
    yaml = YAML(typ="safe", pure=False)
    if yaml.Parser.__module__.startswith("ruamel.yaml.parser"):
        return None  # no C parser installed: the careful parser is the only one
    try:
        root = yaml.compose(text)
        return _build(root, yaml.constructor, 0, set())
    except Exception:  # a syntax error, a refused feature, a value that does not build
        return None


def _build(node: Any, constructor: Any, depth: int, seen: set[int]) -> Any:
    if depth > MAX_DEPTH or id(node) in seen or getattr(node, "anchor", None):
        raise _GiveUp  # too deep, or a shared node: an alias
    seen.add(id(node))
    if str(node.tag) not in ALLOWED_TAGS:
        raise _GiveUp  # an exotic tag (or a merge key)
    if isinstance(node, MappingNode):
        return _mapping(node, constructor, depth, seen)
    if isinstance(node, SequenceNode):
        return _sequence(node, constructor, depth, seen)
    if isinstance(node, ScalarNode):
        return constructor.construct_object(node)
    raise _GiveUp


def _mapping(node: MappingNode, constructor: Any, depth: int, seen: set[int]) -> CommentedMap:
    mapping = CommentedMap()
    mapping._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
    for key_node, value_node in node.value:
        key = _build(key_node, constructor, depth + 1, seen)
        if not isinstance(key_node, ScalarNode) or key in mapping:
            raise _GiveUp  # a complex or duplicate key
        mapping[key] = _build(value_node, constructor, depth + 1, seen)
        key_mark, value_mark = key_node.start_mark, value_node.start_mark
        mapping._yaml_set_kv_line_col(
            key, [key_mark.line, key_mark.column, value_mark.line, value_mark.column]
        )
    return mapping


def _sequence(node: SequenceNode, constructor: Any, depth: int, seen: set[int]) -> CommentedSeq:
    sequence = CommentedSeq()
    sequence._yaml_set_line_col(node.start_mark.line, node.start_mark.column)
    for index, item in enumerate(node.value):
        sequence.append(_build(item, constructor, depth + 1, seen))
        sequence._yaml_set_idx_line_col(index, [item.start_mark.line, item.start_mark.column])
    return sequence
