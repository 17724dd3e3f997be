"""Reading and writing strategy files as round-trip YAML.

ruamel.yaml's round-trip mode keeps comments, key order and the line/column of every node,
so a user's file survives load → save and every error can point at the exact place.
Only plain data is built: no Python objects are ever constructed from tags.

Loading is total: whatever the bytes, the result is a validated strategy or a
:class:`StrategyFileError` listing located problems — never another exception, never
unbounded work. The steps, each bounded:

1. read at most ``MAX_FILE_BYTES + 1`` bytes, whatever ``stat`` says (``/dev/zero``);
2. decode UTF-8 (a BOM is dropped; CRLF is YAML's business); a bad byte is located;
3. parse with the guards of :mod:`stratege.strategy.yamlguard` (no anchors, aliases,
   merge keys or exotic tags; nesting depth capped);
4. turn the tree into plain data, removing control characters from every text;
5. validate with the model and the knowledge base, and check the limits of
   :mod:`stratege.strategy.bounds` (finite numbers, dates around the period).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from stratege.knowledge.loader import load_knowledge
from stratege.knowledge.models import Knowledge
from stratege.strategy.bounds import date_bounds, number_bounds
from stratege.strategy.errors import FileProblem, StrategyFileError, translate_pydantic_error
from stratege.strategy.fastyaml import fast_tree
from stratege.strategy.model import Strategy
from stratege.strategy.yamlguard import MAX_DEPTH, GuardedComposer, GuardedConstructor, Refused

MAX_FILE_BYTES = 2_000_000

PathPart = str | int


def _yaml(guarded: bool = False) -> YAML:
    """The round-trip YAML engine; ``guarded`` for reading what a user wrote."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *_: True  # no &id001 anchors in users' files
    if guarded:
        yaml.Composer = GuardedComposer
        yaml.Constructor = GuardedConstructor
        yaml.max_depth = MAX_DEPTH
    return yaml


@dataclass
class StrategyDocument:
    """A strategy as validated model plus the YAML tree it came from: positions for every
    message, and (read from ``text`` when first needed) the comments kept when saving."""

    path: Path
    tree: Any
    strategy: Strategy
    text: str | None = None  # set when ``tree`` holds positions but not the comments

    def position(self, path: Iterable[PathPart]) -> tuple[int, int] | None:
        """1-based (line, column) of the node at ``path``, or of its nearest existing parent."""
        return locate(self.tree, list(path))

    def round_trip(self) -> Any:
        """The tree with the file's comments and layout, for saving it."""
        if self.text is not None:
            self.tree, self.text = _parse_yaml(self.text, self.path), None
        return self.tree

    def dumps(self) -> str:
        buffer = io.StringIO()
        _yaml().dump(self.round_trip(), buffer)
        return buffer.getvalue()

    def save(self, path: Path | None = None) -> None:
        (path or self.path).write_text(self.dumps(), encoding="utf-8")

    def update(self, strategy: Strategy) -> None:
        """Replace the model, merging its values into the tree so comments stay in place."""
        data = yaml_ready(strategy.model_dump(exclude_unset=True))
        merge_into(self.round_trip(), data)
        self.strategy = strategy


def load_strategy(path: Path | str) -> StrategyDocument:
    """Load and validate a strategy file; raises StrategyFileError with located problems."""
    path = Path(path)
    return parse_strategy_bytes(_read_bytes(path), path)


def parse_strategy_bytes(data: bytes, path: Path | str = "<bytes>") -> StrategyDocument:
    """Validate a strategy from the bytes of a file (an upload, standard input)."""
    path = Path(path)
    if len(data) > MAX_FILE_BYTES:
        raise StrategyFileError([FileProblem(path, None, None, "", "too_large", {})])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StrategyFileError([_not_utf8(path, data, error.start)]) from None
    return parse_strategy(text, path)


def parse_strategy(text: str, path: Path | str = "<string>") -> StrategyDocument:
    """Validate a strategy from its text: the one door of every command (check, plan…),
    so that what ``check`` accepts, ``plan`` can do.

    The C parser reads the file first (:mod:`stratege.strategy.fastyaml`); whenever it
    gives up or the strategy has a problem, the careful round-trip parser reads it again,
    so every problem is found and placed by one parser only."""
    path = Path(path)
    if len(text) <= MAX_FILE_BYTES:
        tree = fast_tree(text.removeprefix("\ufeff"))
        if tree is not None:
            try:
                document = _document(path, tree, _declared_language(text))
            except StrategyFileError:
                pass  # said below, by the careful parser
            else:
                document.text = text.removeprefix("\ufeff")
                return document
    return _careful(text, path)


def _careful(text: str, path: Path) -> StrategyDocument:
    language = _declared_language(text)
    if len(text) > MAX_FILE_BYTES:
        raise StrategyFileError([FileProblem(path, None, None, "", "too_large", {})], language)
    tree = _parse_yaml(text.removeprefix("\ufeff"), path, language)
    return _document(path, tree, language)


def _document(path: Path, tree: Any, language: str | None) -> StrategyDocument:
    """The validated strategy of a parsed tree, or every problem, each at its place."""
    if not isinstance(tree, CommentedMap):
        raise StrategyFileError([FileProblem.at(path, tree, "not_a_mapping")], language)
    language = tree.get("language") if tree.get("language") in ("fr", "en") else language
    problems = [_located(path, tree, *bound) for bound in number_bounds(tree)]
    strategy, invalid = _validate(path, tree)
    flagged = {p.path for p in problems}
    problems += [p for p in invalid if p.path not in flagged]
    if strategy is not None:
        problems += [_located(path, tree, *bound) for bound in date_bounds(strategy)]
    if problems or strategy is None:
        raise StrategyFileError(problems, language)
    return StrategyDocument(path=path, tree=tree, strategy=strategy)


def _validate(path: Path, tree: CommentedMap) -> tuple[Strategy | None, list[FileProblem]]:
    """The model, then the knowledge base with the strategy's overrides applied."""
    root: type[BaseModel] = Strategy
    prefix: tuple[str, ...] = ()
    try:
        strategy = Strategy.model_validate(to_plain(tree))
        root, prefix = Knowledge, ("knowledge",)
        load_knowledge(strategy.knowledge)  # overrides must make a valid knowledge base
    except ValidationError as error:
        problems = [_problem_from_pydantic(path, tree, e, prefix, root) for e in error.errors()]
        return None, _without_echoes(problems)
    return strategy, []


def _without_echoes(problems: list[FileProblem]) -> list[FileProblem]:
    """A misspelt key is one mistake, not two: when ``hours_per_wek`` is answered with
    "did you mean hours_per_week?", the "hours_per_week is missing" beside it goes."""
    meant = {
        p.path.removesuffix(str(p.values["field"])) + str(p.values["suggestion"])
        for p in problems
        if p.code == "extra_forbidden" and "suggestion" in p.values
    }
    return [p for p in problems if not (p.code == "missing" and p.path in meant)]


def _located(
    path: Path, tree: Any, parts: Iterable[PathPart], code: str, values: dict[str, Any]
) -> FileProblem:
    """A problem found on the data (not by pydantic), placed at its value in the file."""
    parts = list(parts)
    line, column = locate(tree, parts) or (None, None)
    return FileProblem(path, line, column, format_path(parts), code, values)


def _declared_language(text: str) -> str | None:
    """The file's ``language:`` read from the text, for problems found before parsing."""
    found = re.search(r"^language:[ \t]*[\"']?(fr|en)\b", text[:100_000], re.MULTILINE)
    return found.group(1) if found else None


def dump_strategy(strategy: Strategy) -> str:
    """A fresh YAML text for a strategy built in code (init wizard): defaults left out."""
    data = {
        "schema_version": strategy.schema_version,
        **yaml_ready(strategy.model_dump(exclude_defaults=True)),
    }
    buffer = io.StringIO()
    _yaml().dump(_to_commented(data), buffer)
    return buffer.getvalue()


def _read_bytes(path: Path) -> bytes:
    """At most one byte more than allowed, whatever the file is (a pipe, a device)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise StrategyFileError([FileProblem(path, None, None, "", "not_found", {})]) from None
    except OSError as error:  # a folder, no permission, a device that refuses reading
        detail = {"detail": error.strerror or str(error)}
        raise StrategyFileError([FileProblem(path, None, None, "", "unreadable", detail)]) from None
    if len(data) > MAX_FILE_BYTES:
        raise StrategyFileError([FileProblem(path, None, None, "", "too_large", {})])
    return data


def _not_utf8(path: Path, data: bytes, offset: int) -> FileProblem:
    """Where the first byte that is not UTF-8 sits (an accent saved as Latin-1)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return FileProblem(path, data.count(b"\n", 0, offset) + 1, column, "", "not_utf8", {})


def _parse_yaml(text: str, path: Path, language: str | None = None) -> Any:
    """The round-trip tree, or a located problem: no exception of the parser gets out."""
    try:
        return _yaml(guarded=True).load(text)
    except Refused as refused:
        problem = FileProblem(path, refused.line, refused.column, "", refused.code, refused.values)
    except MaxDepthExceededError as error:
        problem = _marked(path, error, "too_deep", {"limit": MAX_DEPTH})
    except MarkedYAMLError as error:
        detail = {"detail": error.problem or error.context or ""}
        problem = _marked(path, error, "yaml_syntax", detail)
    except ReaderError as error:  # a character YAML forbids (a raw control character)
        line, column = _position_in(text, error.position)
        detail = {"detail": f"character #x{error.character:04x} is not allowed"}
        problem = FileProblem(path, line, column, "", "yaml_syntax", detail)
    except Exception as error:  # loading is total: anything else is placed at the start
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        problem = FileProblem(path, 1, 1, "", "yaml_syntax", {"detail": first_line})
    raise StrategyFileError([problem], language)


def _marked(path: Path, error: MarkedYAMLError, code: str, values: dict[str, Any]) -> FileProblem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return FileProblem(path, line, column, "", code, values)


def _position_in(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _problem_from_pydantic(
    path: Path,
    tree: Any,
    error: Any,
    prefix: tuple[str, ...] = (),
    root: type[BaseModel] = Strategy,
) -> FileProblem:
    parts = [*prefix, *(p for p in error["loc"] if isinstance(p, int | str))]
    key_error = bool(parts) and parts[-1] == "[key]"
    parts = [p for p in parts if p != "[key]"]
    position = locate(tree, parts, on_key=key_error or error["type"] == "extra_forbidden")
    line, column = position if position else (None, None)
    code, values = translate_pydantic_error(error, root)
    return FileProblem(path, line, column, format_path(parts), code, values)


def locate(tree: Any, parts: list[PathPart], on_key: bool = False) -> tuple[int, int] | None:
    """Walk the YAML tree along ``parts``; 1-based position of the deepest node reached.

    Never raises: a node without a position of its own (a key that came from elsewhere,
    a value built in code) leaves the position of its parent."""
    node, best = tree, _own_position(tree)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        try:
            child, position = _child(node, part, on_key and last)
        except (KeyError, IndexError, TypeError, AttributeError, ValueError):
            break
        if child is _MISSING:
            break
        best, node = position or best, child
    return best


_MISSING = object()


def _child(node: Any, part: PathPart, on_key: bool) -> tuple[Any, tuple[int, int] | None]:
    """The child at ``part`` and its 1-based position (of its key for a section)."""
    if isinstance(node, CommentedMap) and part in node:
        child = node[part]
        container = isinstance(child, CommentedMap | CommentedSeq)
        found = node.lc.key(part) if on_key or container else node.lc.value(part)
    elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
        child, found = node[part], node.lc.item(part)
    else:
        return _MISSING, None
    line, column = found
    return child, (line + 1, column + 1) if line is not None and column is not None else None


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


# C0 and C1 control characters other than tab and line feed, and lone surrogates (which
# cannot be written as UTF-8): a bare CR in a name injected an event into calendar.ics.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Texts a user reads on one line (names, handles…): a line feed or a tab becomes a space.
SINGLE_LINE_KEYS = frozenset(
    {"name", "handle", "website", "sector", "size", "horizon", "source", "roles", "reason"}
)


def to_plain(node: Any, key: Any = None) -> Any:
    """Round-trip nodes → plain dict/list/scalars, the only input the model ever sees.

    Every text loses its control characters here, so none can reach an export; ``key`` is
    the mapping key above ``node``, which tells whether a text may span several lines."""
    if isinstance(node, dict):
        return {_plain_key(k): to_plain(v, k) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [to_plain(v, key) for v in node]
    if node is None or isinstance(node, bool):
        return node
    if isinstance(node, int | float):  # ruamel's ScalarInt/ScalarFloat keep formatting: drop it
        return int(node) if isinstance(node, int) else float(node)
    if isinstance(node, dt.datetime):
        return dt.datetime.fromisoformat(node.isoformat())
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    value = getattr(node, "value", node)  # tagged scalars keep their text in .value
    return clean_text(str(value), single_line=key in SINGLE_LINE_KEYS)


def clean_text(text: str, single_line: bool = False) -> str:
    """``text`` without control characters; tabs and line feeds become spaces in a text
    shown on one line."""
    text = _CONTROL.sub("", text)
    return re.sub(r"[\t\n]+", " ", text) if single_line else text


def _plain_key(key: Any) -> Any:
    if isinstance(key, str):
        return clean_text(str(key), single_line=True)
    return key if isinstance(key, int) and not isinstance(key, bool) else clean_text(str(key))


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
