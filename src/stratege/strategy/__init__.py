"""The strategy model and its YAML files."""

from stratege.strategy.errors import FileProblem, StrategyFileError
from stratege.strategy.model import SCHEMA_VERSION, Strategy
from stratege.strategy.yamlio import (
    StrategyDocument,
    dump_strategy,
    format_path,
    load_strategy,
    parse_strategy,
    parse_strategy_bytes,
)

__all__ = [
    "SCHEMA_VERSION",
    "FileProblem",
    "Strategy",
    "StrategyDocument",
    "StrategyFileError",
    "dump_strategy",
    "format_path",
    "load_strategy",
    "parse_strategy",
    "parse_strategy_bytes",
]
