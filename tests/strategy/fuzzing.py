"""What every fuzz test asserts: loading ends in a document or in well-formed, located
problems within a time bound, and the checks run on whatever loads."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, settings

from stratege.strategy import StrategyDocument, StrategyFileError
from stratege.strategy.errors import MESSAGES
from stratege.strategy.yamlio import parse_strategy, parse_strategy_bytes
from tests.strategy.limits import within

LOAD_SECONDS = 10  # a load takes ~50 ms; an exponential one would never end
CHECK_SECONDS = 30
UNLOCATED = {"too_large", "not_found", "unreadable", "not_a_mapping"}

# A bounded run for every test session; the slow variants (-m slow) explore much more.
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))


def load(source: bytes | str) -> StrategyDocument | None:
    """The loaded document, or None after checking that the problems are well formed."""
    try:
        with within(LOAD_SECONDS):
            if isinstance(source, bytes):
                return parse_strategy_bytes(source, "fuzz.yaml")
            return parse_strategy(source, "fuzz.yaml")
    except StrategyFileError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.code in MESSAGES, problem
            assert problem.line is not None or problem.code in UNLOCATED, problem
            assert problem.render("fr") and problem.render("en")
            json.dumps([problem.as_dict("fr"), problem.as_dict("en")])
        return None


def load_and_check(source: bytes | str) -> None:
    """:func:`load`, then the coherence rules on the strategy when it loaded."""
    from stratege.checks import run_checks  # imported late: only the tests that check

    document = load(source)
    if document is not None:
        with within(CHECK_SECONDS):
            run_checks(document.strategy)
