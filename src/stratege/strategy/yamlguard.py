"""The YAML features a strategy file may use, enforced while the file is parsed.

A strategy is plain data: mappings, lists, text, numbers, booleans and dates. Everything
else YAML can express is refused *while the node graph is composed*, before anything is
built from it, because:

- an alias (``*name``) shares a node, and turning the tree into plain data copies it at
  each use: nine levels of ``[*prev, *prev, …]`` in 460 bytes expand to 387 million
  values ("billion laughs"). Refusing anchors and aliases at the event that introduces
  them costs nothing and needs no expansion budget;
- a merge key (``<<:``) inserts keys that have no line of their own in the file, so an
  error about them could not be located, and it is a second way to share values;
- a tag other than the core ones (``!!omap``, ``!!set``, ``!!python/…``, ``!custom``)
  would build something other than plain data, and ruamel.yaml's constructors for them
  fail with ``AttributeError``/``KeyError`` on malformed input.

A value that a core constructor cannot build (``!!bool 2027``, ``!!int 0x``, an integer
of thousands of digits) becomes a :class:`Refused` at the value's position; an impossible
date (``2027-02-30``) is kept as text so that validation reports it at its field, in the
strategy's language.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent

CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
MERGE_TAG = CORE + "merge"
TIMESTAMP_TAG = CORE + "timestamp"
NUMBER_TAGS = frozenset((CORE + "int", CORE + "float"))
MAX_DEPTH = 64  # the model nests about 6 levels; far below Python's recursion limit
MAX_NUMBER_DIGITS = 300  # beyond any bound of the model; int() refuses 4,300 digits anyway


class Refused(Exception):
    """A YAML feature or value that a strategy file may not contain, and where it is."""

    def __init__(self, code: str, mark: Any, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line: int | None = mark.line + 1 if mark is not None else None
        self.column: int | None = mark.column + 1 if mark is not None else None
        self.values = values


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:omap`` → ``!!omap``, as the user wrote it."""
    return "!!" + tag.removeprefix(CORE) if tag.startswith(CORE) else tag


class GuardedComposer(Composer):
    """Composes nodes, refusing anchors, aliases, merge keys and non-core tags on sight."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise Refused("alias", event.start_mark)
        node = super().compose_node(parent, index)
        tag = str(node.tag)
        if tag == MERGE_TAG:
            raise Refused("merge_key", node.start_mark)
        if tag not in ALLOWED_TAGS:
            raise Refused("tag", node.start_mark, tag=short_tag(tag))
        return node


class GuardedConstructor(RoundTripConstructor):
    """Builds round-trip data; a scalar that cannot be built is located, never a crash."""

    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except (Refused, MarkedYAMLError):
            raise
        except Exception as error:  # ruamel's scalar constructors raise anything
            if str(node.tag) == TIMESTAMP_TAG:  # 2027-02-30: validation says where and why
                return str(node.value)
            raise _refusal(node) from error


def _refusal(node: Any) -> Refused:
    """Why a scalar could not be built: a number too long for int(), or a bad tagged value."""
    tag, text = str(node.tag), str(getattr(node, "value", ""))
    if tag in NUMBER_TAGS and len(text) > MAX_NUMBER_DIGITS:
        return Refused("out_of_range", node.start_mark)
    return Refused("bad_tagged_value", node.start_mark, tag=short_tag(tag), input=text[:60])
