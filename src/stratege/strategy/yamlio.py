"""Reading and writing strategy files as round-trip YAML.

ruamel.yaml's round-trip mode keeps comments, key order and the line/column of every node,
so a user's file survives load → save and every error can point at the exact place.
Only plain data is built: no Python objects are ever constructed from tags.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from stratege.knowledge.loader import load_knowledge
from stratege.strategy.errors import FileProblem, StrategyFileError, translate_pydantic_error
from stratege.strategy.model import Strategy

MAX_FILE_BYTES = 2_000_000

PathPart = str | int


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *_: True  # no &id001 anchors in users' files
    return yaml


@dataclass
class StrategyDocument:
    """A strategy as validated model plus the YAML tree it came from (for positions, saving)."""

    path: Path
    tree: Any
    strategy: Strategy

    def position(self, path: Iterable[PathPart]) -> tuple[int, int] | None:
        """1-based (line, column) of the node at ``path``, or of its nearest existing parent."""
        return locate(self.tree, list(path))

    def dumps(self) -> str:
        buffer = io.StringIO()
        _yaml().dump(self.tree, buffer)
        return buffer.getvalue()

    def save(self, path: Path | None = None) -> None:
        (path or self.path).write_text(self.dumps(), encoding="utf-8")

    def update(self, strategy: Strategy) -> None:
        """Replace the model, merging its values into the tree so comments stay in place."""
        data = yaml_ready(strategy.model_dump(exclude_unset=True))
        merge_into(self.tree, data)
        self.strategy = strategy


def load_strategy(path: Path | str) -> StrategyDocument:
    """Load and validate a strategy file; raises StrategyFileError with located problems."""
    path = Path(path)
    text = _read_text(path)
    return parse_strategy(text, path)


def parse_strategy(text: str, path: Path | str = "<string>") -> StrategyDocument:
    path = Path(path)
    tree = _parse_yaml(text, path)
    if not isinstance(tree, CommentedMap):
        raise StrategyFileError([FileProblem.at(path, tree, "not_a_mapping")])
    try:
        strategy = Strategy.model_validate(to_plain(tree))
        load_knowledge(strategy.knowledge)  # overrides must make a valid knowledge base
    except ValidationError as error:
        prefix = () if error.title == Strategy.__name__ else ("knowledge",)
        problems = [_problem_from_pydantic(path, tree, e, prefix) for e in error.errors()]
        language = tree.get("language")
        raise StrategyFileError(problems, language if isinstance(language, str) else None) from None
    return StrategyDocument(path=path, tree=tree, strategy=strategy)


def dump_strategy(strategy: Strategy) -> str:
    """A fresh YAML text for a strategy built in code (init wizard): defaults left out."""
    data = {
        "schema_version": strategy.schema_version,
        **yaml_ready(strategy.model_dump(exclude_defaults=True)),
    }
    buffer = io.StringIO()
    _yaml().dump(_to_commented(data), buffer)
    return buffer.getvalue()


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise StrategyFileError([FileProblem(path, None, None, "", "too_large", {})])
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StrategyFileError([FileProblem(path, None, None, "", "not_found", {})]) from None
    except UnicodeDecodeError:
        raise StrategyFileError([FileProblem(path, None, None, "", "not_utf8", {})]) from None
    except (IsADirectoryError, PermissionError, OSError) as error:
        detail = {"detail": error.strerror or str(error)}
        raise StrategyFileError([FileProblem(path, None, None, "", "unreadable", detail)]) from None


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        return _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        detail = {"detail": error.problem or error.context or ""}
        raise StrategyFileError(
            [FileProblem(path, line, column, "", "yaml_syntax", detail)]
        ) from None
    except (YAMLError, ValueError, TypeError, RecursionError) as error:
        detail = {"detail": str(error).splitlines()[0] if str(error) else type(error).__name__}
        raise StrategyFileError(
            [FileProblem(path, None, None, "", "yaml_syntax", detail)]
        ) from None


def _problem_from_pydantic(
    path: Path, tree: Any, error: Any, prefix: tuple[str, ...] = ()
) -> FileProblem:
    parts = [*prefix, *(p for p in error["loc"] if isinstance(p, int | str))]
    key_error = bool(parts) and parts[-1] == "[key]"
    parts = [p for p in parts if p != "[key]"]
    position = locate(tree, parts, on_key=key_error or error["type"] == "extra_forbidden")
    line, column = position if position else (None, None)
    code, values = translate_pydantic_error(error)
    return FileProblem(path, line, column, format_path(parts), code, values)


def locate(tree: Any, parts: list[PathPart], on_key: bool = False) -> tuple[int, int] | None:
    """Walk the YAML tree along ``parts``; 1-based position of the deepest node reached."""
    node, best = tree, _own_position(tree)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if isinstance(node, CommentedMap) and part in node:
            child = node[part]
            container = isinstance(child, CommentedMap | CommentedSeq)
            line, col = node.lc.key(part) if (on_key and last) or container else node.lc.value(part)
            best, node = (line + 1, col + 1), child
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            best, node = (line + 1, col + 1), node[part]
        else:
            break
    return best


def _own_position(node: Any) -> tuple[int, int] | None:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None
    return lc.line + 1, lc.col + 1


def format_path(parts: Iterable[PathPart]) -> str:
    """('objectives', 2, 'kind') → 'objectives[2].kind'."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def to_plain(node: Any) -> Any:
    """Round-trip nodes → plain dict/list/scalars, the only input the model ever sees."""
    if isinstance(node, dict):
        return {_plain_key(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [to_plain(v) for v in node]
    if node is None or isinstance(node, bool):
        return node
    if isinstance(node, int | float):  # ruamel's ScalarInt/ScalarFloat keep formatting: drop it
        return int(node) if isinstance(node, int) else float(node)
    if isinstance(node, dt.datetime):
        return dt.datetime.fromisoformat(node.isoformat())
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    value = getattr(node, "value", node)  # tagged scalars keep their text in .value
    return str(value)


def _plain_key(key: Any) -> Any:
    return key if isinstance(key, str | int) and not isinstance(key, bool) else str(key)


def merge_into(tree: Any, data: Any) -> Any:
    """Update ``tree`` in place with ``data``, keeping comments on keys that survive."""
    if isinstance(tree, CommentedMap) and isinstance(data, dict):
        for key in [k for k in tree if k not in data]:
            del tree[key]
        for key, value in data.items():
            tree[key] = merge_into(tree[key], value) if key in tree else _to_commented(value)
        return tree
    if isinstance(tree, CommentedSeq) and isinstance(data, list):
        del tree[len(data) :]
        for index, value in enumerate(data):
            if index < len(tree):
                tree[index] = merge_into(tree[index], value)
            else:
                tree.append(_to_commented(value))
        return tree
    if tree == data and type(tree) is not bool:
        return tree  # same value: keep the user's spelling (1 vs 1.0, quotes, dates)
    if isinstance(data, list) and data == [tree]:
        return tree  # `accountable: julie` stands for [julie]: keep the short form
    return _to_commented(data)


def yaml_ready(value: Any) -> Any:
    """Python values → what YAML writes naturally (times as HH:MM, no tuples)."""
    if isinstance(value, dict):
        return {k: yaml_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [yaml_ready(v) for v in value]
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _to_commented(value: Any) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _to_commented(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_to_commented(v) for v in value)
    return value
