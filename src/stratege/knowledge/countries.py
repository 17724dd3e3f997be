"""The countries whose public holidays are known (the `holidays` package), without the
cost of importing it: its calendars take longer to load than a whole `stratege check`
should, so the list is kept in the cache, keyed by the package's own files."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from stratege.cache import cached_bytes


@functools.cache
def countries_with_holidays() -> frozenset[str]:
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return frozenset()
    package = Path(spec.origin).parent
    sources = [str(package / "__init__.py"), str(package / "version.py")]
    listed = cached_bytes("holiday-countries", sources, _build)
    return frozenset(json.loads(listed))


def _build() -> bytes:
    import holidays

    return json.dumps(sorted(holidays.list_supported_countries())).encode()
