"""Getting a strategy: from a file, from text (an upload, an editor), or a bundled example."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stratege.bundled import example_names, example_path
from stratege.services.errors import UnknownExample
from stratege.strategy import (
    StrategyDocument,
    load_strategy,
    parse_strategy,
    parse_strategy_bytes,
    sections,
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


def sections_text(document_text: str, keys: Sequence[str]) -> str:
    """The YAML of some top-level sections of a strategy (a question's), comments kept."""
    return sections.sections_text(document_text, keys)


def sections_texts(document_text: str, groups: Sequence[Sequence[str]]) -> list[str]:
    """:func:`sections_text` of several groups of sections (each question's), read once."""
    return sections.sections_texts(document_text, groups)


def with_sections_text(
    document_text: str, edited: str, keys: Sequence[str], name: str = "<edited>"
) -> str:
    """The text of the strategy with the sections ``keys`` replaced by ``edited`` (not yet
    validated); raises StrategyFileError when ``edited`` is not YAML, SectionRefused when
    it holds another question's section."""
    return sections.with_sections(document_text, edited, keys, name)


def with_sections(
    document_text: str, edited: str, keys: Sequence[str], name: str = "<edited>"
) -> StrategyDocument:
    """The strategy with the sections ``keys`` replaced by ``edited``, validated; raises
    StrategyFileError (located problems) or SectionRefused (another question's section)."""
    text = sections.with_sections(document_text, edited, keys, name)
    return parse_strategy(text, name)


def examples() -> list[str]:
    """The names of the bundled example strategies."""
    return list(example_names())


def example_text(name: str) -> str:
    """The YAML text of a bundled example, as written (comments included)."""
    return example(name).path.read_text(encoding="utf-8")
