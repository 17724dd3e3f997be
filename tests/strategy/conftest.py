"""The ``slow`` marker: many more fuzzing examples, run only when asked (``-m slow``).

Registered here until pyproject's ``[tool.pytest.ini_options]`` declares it; slow tests
are skipped unless the marker expression selects them, so the default run stays short.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: long-running test, run with -m slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
