"""Getting a strategy: from a file, from text (an upload, an editor), or a bundled example."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from stratege.bundled import example_names, example_path
from stratege.services.errors import UnknownExample
from stratege.strategy import (
    StrategyDocument,
    load_strategy,
    parse_strategy,
    parse_strategy_bytes,
    sections,
)
from stratege.strategy import section_values as values


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


def section_values(document_text: str, keys: Sequence[str]) -> dict[str, Any]:
    """Some top-level sections of a strategy as plain values (what a form shows)."""
    return values.section_values(document_text, keys)


def with_section_values_text(document_text: str, sections_values: Mapping[str, Any]) -> str:
    """The text of the strategy where each named section takes its new value (``None``
    removes it), not yet validated: comments, key order and quoting of what did not
    change are kept."""
    return values.with_section_values(document_text, sections_values)


def examples() -> list[str]:
    """The names of the bundled example strategies."""
    return list(example_names())


def example_text(name: str) -> str:
    """The YAML text of a bundled example, as written (comments included)."""
    return example(name).path.read_text(encoding="utf-8")
