"""The listening rules' cases for ``test_rules``: a trigger, its near miss, the finding.

Each builds on the French example, Boulangeries Martin, whose listening section has three
queries — its own (0), Boulangerie Ange's (1), Marie Blachère's (2) — in French.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from stratege.checks.values import Label
from tests.conftest import example_data

Data = dict[str, Any]
OWN, ANGE, MARIE = 0, 1, 2


def bakery() -> Data:
    return example_data("boulangeries-martin")


def query_text(index: int, text: str) -> Data:
    data = bakery()
    data["listening"]["queries"][index]["query"] = text
    return data


def query_owner(index: int, owner: str) -> Data:
    data = bakery()
    data["listening"]["queries"][index]["owner"] = owner
    return data


def only_queries(*indexes: int) -> Data:
    data = bakery()
    queries = data["listening"]["queries"]
    data["listening"]["queries"] = [queries[i] for i in indexes]
    return data


def own_query_languages(query: list[str], listened: list[str]) -> Data:
    data = bakery()
    data["listening"]["languages"] = listened
    data["listening"]["queries"][OWN]["languages"] = query
    return data


# code → (trigger, quiet, path, values), as test_rules.Case takes them
LISTENING_CASES: dict[str, tuple[Any, ...]] = {
    "LIS001": (
        partial(query_text, OWN, "martin AND"),
        partial(query_text, OWN, "martin AND pain"),
        ("listening", "queries", OWN, "query"),
        {"brand": "Boulangeries Martin"},
    ),
    "LIS002": (
        partial(query_text, ANGE, "ange AND NOT ange"),
        partial(query_text, ANGE, "ange AND NOT lumiere"),
        ("listening", "queries", ANGE, "query"),
        {"brand": "Boulangerie Ange"},
    ),
    "LIS003": (
        partial(query_owner, MARIE, "marie-blacher"),
        partial(query_owner, MARIE, "ange"),  # two queries for one competitor
        ("listening", "queries", MARIE, "owner"),
        {"owner": "marie-blacher", "closest": "Did you mean `marie-blachere`? "},
    ),
    "LIS004": (
        partial(only_queries, OWN, ANGE),
        partial(query_text, MARIE, '"marie blachère"'),
        ("audit", "competitors", 1),
        {"id": "marie-blachere", "name": "Marie Blachère"},
    ),
    "LIS005": (
        partial(only_queries, ANGE, MARIE),
        partial(only_queries, OWN),
        ("listening", "queries"),
    ),
    "LIS006": (
        only_queries,  # none left
        partial(only_queries, OWN),
        ("objectives", 2),
        {"id": "service-client"},
    ),
    "LIS007": (
        partial(own_query_languages, ["fr", "en"], ["fr"]),
        partial(own_query_languages, ["fr", "en"], ["fr", "en"]),
        ("listening", "queries", OWN, "languages", 1),
        {"brand": "Boulangeries Martin", "language": Label("language", "en")},
    ),
}
