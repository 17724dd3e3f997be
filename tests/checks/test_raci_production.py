"""RACI004 on production work: a RACI row for one channel is the row named, and never
makes the check crash (production demands carry the channel of the row that staffs them)."""

from __future__ import annotations

from stratege.checks import run_checks
from stratege.strategy import Strategy
from tests.conftest import example_data


def _raci004(data: dict) -> list:
    return [f for f in run_checks(Strategy.model_validate(data)) if f.code == "RACI004"]


def test_content_created_only_on_one_channel_is_named_on_that_row() -> None:
    data = example_data()
    data["responsibilities"][0]["channel"] = "instagram"  # the only create_content row
    for person in data["resources"]["people"]:
        person["hours_per_week"] = 1
    found = [f for f in _raci004(data) if f.values["activity"].value == "create_content"]
    assert found
    assert {f.path for f in found} == {("responsibilities", 0, "responsible")}
    assert {f.values["channel"] for f in found} == {"instagram"}


def test_a_channel_row_short_of_hours_is_the_row_named() -> None:
    data = example_data()
    data["responsibilities"].append(
        {"activity": "create_content", "channel": "linkedin", "responsible": ["sophie"]}
    )
    data["resources"]["people"][3]["hours_per_week"] = 0.01  # Sophie
    found = [f for f in _raci004(data) if f.values["activity"].value == "create_content"]
    assert [f.path for f in found] == [("responsibilities", 10, "responsible")]
    assert found[0].values["channel"] == "linkedin"
    assert found[0].values["people"] == "Sophie Martin"
