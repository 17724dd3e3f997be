"""Sections as plain values, and a file where some sections take new values — with the
comments, key order and quoting of everything that did not change kept.

A form shows a section's fields and sends back the section's whole value; writing that
value as a new YAML tree would lose the comments a user wrote by hand. Instead the new
value is merged into the file's round-trip tree: equal nodes are left untouched, changed
scalars are replaced in place (keeping the old quoting style), keys a value no longer has
are removed, and list items are matched to the old ones (added and removed rows are found
by a sequence diff, so a comment stays with its row).
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from stratege.strategy.fastyaml import fast_tree
from stratege.strategy.sections import _insertion_index
from stratege.strategy.yamlio import _parse_yaml, _yaml


def section_values(text: str, keys: Sequence[str]) -> dict[str, Any]:
    """The sections ``keys`` of the file ``text`` as plain dicts, lists and scalars (dates
    as dates); a section the file lacks is absent. Read by the C parser when it can (a
    page shows values on every request), else by the careful one, which says what is wrong."""
    tree = fast_tree(text)
    if tree is None:
        tree = _parse_yaml(text, Path("<strategy>"))
    if not isinstance(tree, Mapping):
        return {}
    return {str(key): plain(tree[key]) for key in tree if key in keys}


def with_section_values(text: str, values: Mapping[str, Any]) -> str:
    """The file ``text`` where each section named in ``values`` has that value (``None``
    removes the section); nothing else of the file changes."""
    tree = _parse_yaml(text, Path("<strategy>"))
    if not isinstance(tree, CommentedMap):
        tree = CommentedMap()
    for key, value in values.items():
        if value is None:
            if key in tree:
                del tree[key]
        elif key in tree:
            tree[key] = merged(tree[key], value)
        else:
            tree.insert(_insertion_index(tree, key), key, _node(value, None))
    buffer = io.StringIO()
    _yaml().dump(tree, buffer)
    return buffer.getvalue()


def plain(node: Any) -> Any:
    """A round-trip node as plain Python: dicts, lists, str, int, float, bool, dates."""
    if isinstance(node, Mapping):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node  # dates and times


def same(old: Any, new: Any) -> bool:
    """Equal as values (1 and 1.0 alike, but never True and 1, nor "1" and 1)."""
    return _canonical(plain(old)) == _canonical(plain(new))


def merged(old: Any, new: Any) -> Any:
    """``old`` changed in place to equal ``new`` where both are a mapping or a list (and
    returned), else ``old`` when equal, else the node to put in its place."""
    if same(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        _merge_map(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        _merge_seq(old, new)
        return old
    single = not isinstance(old, Mapping | list) and isinstance(new, list) and len(new) == 1
    if single and same(old, new[0]):  # `accountable: julie` stands for [julie]
        return old
    if isinstance(old, ScalarString) and isinstance(new, str):
        return type(old)(new)  # keeps the quotes or block style of the old text
    return _node(new, old)


def _merge_map(old: CommentedMap, new: Mapping[str, Any]) -> None:
    for key in [k for k in old if k not in new]:
        _carry_comment(old, key)
        del old[key]
    previous: int = -1
    for key, value in new.items():
        if key in old:
            node = merged(old[key], value)
            if node is not old[key]:
                old[key] = node
            previous = list(old).index(key)
        else:
            previous += 1
            old.insert(previous, key, _node(value, _sibling(old)))


def _merge_seq(old: CommentedSeq, new: list[Any]) -> None:
    before = [_canonical(plain(item)) for item in old]
    after = [_canonical(plain(item)) for item in new]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    like = old[0] if len(old) else None
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for offset in range(paired):
            node = merged(old[i1 + offset], new[j1 + offset])
            if node is not old[i1 + offset]:
                old[i1 + offset] = node
        for index in range(i2 - 1, i1 + paired - 1, -1):
            _carry_comment(old, index)
            del old[index]
        for offset, value in enumerate(new[j1 + paired : j2]):
            old.insert(i1 + paired + offset, _node(value, like))


def _node(value: Any, like: Any) -> Any:
    """A new round-trip node for ``value``, in the flow or block style of ``like`` (a
    sibling: a new row is written as the rows beside it)."""
    if isinstance(value, Mapping):
        node: Any = CommentedMap()
        for key, item in value.items():
            node[key] = _node(item, like.get(key) if isinstance(like, Mapping) else None)
    elif isinstance(value, list):
        inner = like[0] if isinstance(like, list) and like else None
        node = CommentedSeq(_node(item, inner) for item in value)
    else:
        return value
    styled = isinstance(like, CommentedMap | CommentedSeq) and type(like) is type(node)
    if styled and like.fa.flow_style():
        node.fa.set_flow_style()
    return node


def _carry_comment(container: CommentedMap | CommentedSeq, key: Any) -> None:
    """Before ``key`` is deleted: the comment lines that follow its value (a heading of the
    next part, say) move to the line before, so that only its own end-of-line comment goes."""
    slot = 0 if isinstance(container, CommentedSeq) else 2
    entry = container.ca.items.get(key)
    token = entry[slot] if entry and len(entry) > slot else None
    if token is None or "\n" not in token.value:
        return
    following = token.value.split("\n", 1)[1]
    keys = list(range(len(container))) if isinstance(container, CommentedSeq) else list(container)
    position = keys.index(key)
    if not following.strip() or position == 0:
        return
    holder, last = _last_line(container, keys[position - 1])
    slot = 0 if isinstance(holder, CommentedSeq) else 2
    entry = holder.ca.items.setdefault(last, [None, None, None, None])
    if entry[slot] is None:
        token.value = "\n" + following
        entry[slot] = token
    else:
        entry[slot].value += following


def _last_line(container: Any, key: Any) -> tuple[Any, Any]:
    """The container and key of the last scalar written under ``container[key]``."""
    value = container[key]
    while isinstance(value, CommentedMap | CommentedSeq) and len(value):
        container = value
        key = len(value) - 1 if isinstance(value, CommentedSeq) else list(value)[-1]
        value = container[key]
    return container, key


def _sibling(mapping: CommentedMap) -> Any:
    """A value of ``mapping`` of the same kind, to copy its style (None when there is none)."""
    return next((v for v in mapping.values() if isinstance(v, CommentedMap | CommentedSeq)), None)


def _canonical(value: Any) -> str:
    """A text equal for equal values, for comparing and diffing lists."""
    return json.dumps(_tagged(value), sort_keys=True, ensure_ascii=False)


def _tagged(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {"m": {str(k): _tagged(v) for k, v in value.items()}}
    if isinstance(value, list):
        return {"l": [_tagged(v) for v in value]}
    if isinstance(value, bool) or value is None:
        return {"b": value}
    if isinstance(value, int | float):
        return {"n": float(value)}
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    return {"s": str(value)}
