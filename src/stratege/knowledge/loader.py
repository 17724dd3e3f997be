"""Loading the knowledge base and applying a strategy's overrides.

The data files are YAML, for people to read and edit; parsing them takes longer than a
whole `stratege check` should, so their merged content is kept as JSON in the user's cache
folder (see :mod:`stratege.cache`), rebuilt whenever a data file changes. Overrides are
deep-merged into a copy so that a strategy can change any default (a cadence, an effort, a
KPI) without touching the files.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

from stratege.cache import cached_bytes
from stratege.knowledge.models import Knowledge

DATA_FILES = ("platforms", "formats", "kpis", "objectives", "defaults", "ad_benchmarks")
SECTIONS = tuple(Knowledge.model_fields)


@functools.cache
def _raw_base() -> dict[str, Any]:
    """Every data file merged into one mapping, from the cache when the files are unchanged."""
    folder = resources.files("stratege.knowledge") / "data"
    sources = [str(folder / f"{name}.yaml") for name in DATA_FILES]
    compiled = cached_bytes("knowledge", sources, lambda: json.dumps(_merge_files()).encode())
    merged: dict[str, Any] = json.loads(compiled)
    return merged


def _merge_files() -> dict[str, Any]:
    """Every data file merged into one mapping (sources are pooled across files)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    merged: dict[str, Any] = {}
    for name in DATA_FILES:
        text = (
            resources.files("stratege.knowledge")
            .joinpath(f"data/{name}.yaml")
            .read_text(encoding="utf-8")
        )
        for section, content in (yaml.load(text) or {}).items():
            known = merged.setdefault(section, {})
            clashes = sorted(k for k, v in content.items() if known.get(k, v) != v)
            if clashes:  # a data-file mistake: two files disagree on one entry
                raise ValueError(f"{name}.yaml redefines {section}: {clashes}")
            known.update(content)
    plain: dict[str, Any] = json.loads(json.dumps(merged, default=str))  # dates as text
    return plain


def load_knowledge(overrides: dict[str, Any] | None = None) -> Knowledge:
    """The knowledge base with ``overrides`` (a strategy's ``knowledge:`` section) applied."""
    key = json.dumps(overrides or {}, sort_keys=True, default=str)
    return _load_cached(key)


@functools.lru_cache(maxsize=32)
def _load_cached(overrides_json: str) -> Knowledge:
    data = copy.deepcopy(_raw_base())
    deep_merge(data, json.loads(overrides_json))
    return Knowledge.model_validate(data)


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Merge ``override`` into ``base`` in place: mappings recursively, anything else replaced."""
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base
