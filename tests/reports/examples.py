"""The bundled examples planned, checked and turned into documents once per test run."""

from __future__ import annotations

import datetime as dt
import functools

from stratege.bundled import example_names, example_path
from stratege.checks import Finding, run_checks
from stratege.planning.plan import Plan, build_plan
from stratege.reports.build import build_document
from stratege.reports.document import Document, Table
from stratege.strategy import Strategy, load_strategy

TODAY = dt.date(2026, 11, 26)
EXAMPLES = example_names()


@functools.cache
def strategy(name: str) -> Strategy:
    return load_strategy(example_path(name)).strategy


@functools.cache
def plan(name: str) -> Plan:
    return build_plan(strategy(name))


@functools.cache
def findings(name: str) -> list[Finding]:
    return run_checks(strategy(name))


@functools.cache
def document(name: str, lang: str) -> Document:
    return build_document(plan(name), findings(name), lang, TODAY)  # type: ignore[arg-type]


def tables(document: Document) -> dict[str, Table]:
    """The document's tables by caption."""
    return {b.caption: b for s in document.all_sections() for b in s.blocks if isinstance(b, Table)}


def texts(document: Document) -> list[str]:
    """Every paragraph and bullet of the document."""
    found = []
    for section in document.all_sections():
        for block in section.blocks:
            found += [getattr(block, "text", ""), *getattr(block, "items", [])]
    return [t for t in found if t]
