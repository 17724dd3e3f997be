"""Who the workload goes to, and what counts as work: the RACI first, replies and reviews
costed per item, customer service answered where it is served."""

from __future__ import annotations

import pytest

from stratege.capacity.workload import answers_customers, estimate_workload, production_people
from stratege.knowledge import load_knowledge
from stratege.planning.plan import build_plan
from stratege.strategy import Strategy
from tests.conftest import example_data


def _strategy(data: dict) -> Strategy:  # type: ignore[type-arg]
    return Strategy.model_validate(data)


def test_production_goes_to_the_people_the_raci_names_with_the_skill() -> None:
    strategy = _strategy(example_data())
    # create_content: responsible julie, karim, lea; accountable julie; consulted sophie
    assert set(production_people(strategy, "instagram", "copywriting")[0]) == {"julie", "karim"}
    assert production_people(strategy, "instagram", "video_editing")[0] == ("karim", "lea")


def test_someone_only_consulted_or_accountable_gets_no_production_work() -> None:
    data = example_data()
    raci = data["responsibilities"][0]
    raci.update(responsible=["lea"], accountable="julie", consulted=["sophie"])
    strategy = _strategy(data)
    people, source = production_people(strategy, "facebook", "copywriting")
    assert "sophie" not in people and "julie" not in people and source == "skill"
    plan = build_plan(strategy)
    writers = {s.producers.get("copywriting") for s in plan.slots} - {None}
    assert writers and not writers & {"sophie", "julie"}


def test_a_channel_row_overrides_the_row_for_all_channels() -> None:
    data = example_data()
    data["responsibilities"].append(
        {"activity": "create_content", "channel": "linkedin", "responsible": ["sophie"],
         "accountable": "julie"}
    )  # fmt: skip
    strategy = _strategy(data)
    assert production_people(strategy, "linkedin", "copywriting")[0] == ("sophie",)
    assert "sophie" not in production_people(strategy, "facebook", "copywriting")[0]


def _hours(strategy: Strategy, activity: str, channel: str) -> float:
    estimate = estimate_workload(strategy, load_knowledge())
    wanted = (activity, channel)
    return sum(d.hours_per_week for d in estimate.demands if (d.activity, d.channel) == wanted)


def test_replies_are_costed_per_message_apart_from_posts() -> None:
    data = example_data()
    data["cadence"][0]["messages_per_day"] = 10
    ten = _hours(_strategy(data), "answer_customers", "facebook")
    data["cadence"][0]["messages_per_day"] = 20
    twenty = _hours(_strategy(data), "answer_customers", "facebook")
    assert ten == pytest.approx(10 * 7 * 0.1) and twenty == pytest.approx(2 * ten)


def test_reviews_to_answer_are_work_of_their_own() -> None:
    data = example_data()
    data["cadence"][0]["reviews_per_week"] = 10
    assert _hours(_strategy(data), "answer_reviews", "facebook") == pytest.approx(1.5)


def test_a_channel_serving_a_customer_service_objective_answers_customers() -> None:
    data = example_data()
    strategy = _strategy(data)
    instagram, facebook = strategy.channel("instagram"), strategy.channel("facebook")
    assert instagram is not None and facebook is not None
    assert answers_customers(strategy, facebook)  # serves objective service-client
    assert not answers_customers(strategy, instagram)
    data["channels"][1]["purpose"] = ["main", "customer_care"]
    assert answers_customers(_strategy(data), _strategy(data).channel("instagram"))  # type: ignore[arg-type]
