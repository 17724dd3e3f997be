"""Ambassadors (the importer's rule: at least 3 positive own mentions, two thirds of them
positive) ranked by audience, influencers by reach whatever their tone, and the audience of
the strategy they are proposed for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stratege.services.listening import listening_results
from stratege.strategy.model import Audience
from tests.listening.listen_store import example, fill, mention


def said(author: str, labels: list[str], reach: float, owner: str = "own") -> list[dict[str, Any]]:
    return [
        mention(
            f"{author}-{owner}-{i}",
            f"2027-03-{i + 1:02d}",
            owner,
            label,
            author=author,
            reach=reach if i == 0 else reach / 2,
        )
        for i, label in enumerate(labels)
    ]


ROWS = [
    *said("alice", ["positive"] * 3, 500),  # 3 of 3 positive
    *said("Bob", ["positive", "positive"], 2000),  # with bob below: 3 of 4 positive
    *said("bob", ["positive", "negative"], 800),
    *said("carol", ["positive", "positive", "neutral", "neutral"], 9000),  # 2 positive
    *said("dave", ["positive"] * 3 + ["neutral"] * 2, 100),  # 3 of 5: under two thirds
    *said("eve", ["negative"], 50_000),  # an influencer, not an ambassador
    *said("zed", ["positive"] * 3, 90_000, owner="ange"),  # a competitor's, not ours
]


def test_ambassadors_follow_the_importers_rule_ranked_by_audience(tmp_path: Path) -> None:
    document = example(tmp_path)
    fill(document, ROWS)
    found = listening_results(document).advocates
    assert [a.author for a in found.ambassadors] == ["Bob", "alice"]
    bob = found.ambassadors[0]
    assert (bob.mentions, bob.positive, bob.negative, bob.audience) == (4, 3, 1, 2000)
    assert [a.author for a in found.influencers] == ["eve"]
    assert found.influencers[0].negative == 1
    assert found.ambassadors_audience is None  # the bakery has no such audience


def test_they_are_proposed_for_the_strategys_ambassadors_audience(tmp_path: Path) -> None:
    from stratege.services import strategies

    audiences = [
        *strategies.example("boulangeries-martin").strategy.audiences,
        Audience(id="fans", name="Fans", kind="ambassadors"),
        Audience(id="relais", name="Relais", kind="influencers"),
    ]
    document = example(tmp_path, audiences=audiences)
    fill(document, ROWS)
    found = listening_results(document).advocates
    assert (found.ambassadors_audience, found.influencers_audience) == ("fans", "relais")
