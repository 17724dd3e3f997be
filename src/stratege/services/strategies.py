"""Getting a strategy: from a file, from text (an upload, an editor), or a bundled example."""

from __future__ import annotations

from pathlib import Path

from stratege.bundled import example_names, example_path
from stratege.services.errors import UnknownExample
from stratege.strategy import (
    StrategyDocument,
    load_strategy,
    parse_strategy,
    parse_strategy_bytes,
)


def load(path: Path | str) -> StrategyDocument:
    """A strategy file, validated; raises StrategyFileError with located problems."""
    return load_strategy(path)


def parse(text: str, name: str = "<text>") -> StrategyDocument:
    """A strategy given as YAML text; ``name`` stands for the file in located problems."""
    return parse_strategy(text, name)


def parse_upload(data: bytes, name: str = "<upload>") -> StrategyDocument:
    """A strategy given as bytes (an upload, standard input): size, encoding and byte
    order mark checked as for a file."""
    return parse_strategy_bytes(data, name)


def example(name: str) -> StrategyDocument:
    """A bundled example strategy by name; raises UnknownExample listing the names."""
    try:
        path = example_path(name)
    except KeyError:
        names = ", ".join(example_names())
        raise UnknownExample("unknown_example", name=name, names=names) from None
    return load_strategy(path)
