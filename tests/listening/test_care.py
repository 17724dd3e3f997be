"""Customer care from the inbound messages: response rate, median and 90th-percentile first
response per channel, overall and per hour of the week, against the cadence's promised
response time and covered hours; the messages received outside covered hours and left
unanswered or answered late, named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stratege.services.listening import listening_results
from stratege.services.measuring import import_exports
from stratege.strategy import StrategyDocument
from stratege.strategy.model import Cadence
from stratege.timewindow import TimeWindow
from tests.listening.listen_store import example, fill, message

FIXTURES = Path(__file__).parent / "fixtures"
WEEKDAYS = TimeWindow(days=["mon", "tue", "wed", "thu", "fri"], start="09:00", end="17:00")
CADENCE = [
    Cadence(
        channel="facebook", posts=1, per="day", response_time_hours=4, covered_hours=[WEEKDAYS]
    ),
    Cadence(channel="instagram", posts=1, per="day"),
]


def bakery(tmp_path: Path) -> StrategyDocument:
    """The bakery (channels facebook and instagram) with the cadence below, whatever the
    example says."""
    return example(tmp_path, cadence=CADENCE)


# The cadence: facebook answers within 4 h, Monday to Friday 09:00-17:00;
# instagram promises nothing. The fixture (2027-03-01 is a Monday):
#   fb-m-0001 Mon 08:12, 14 min (outside, on time)   fb-m-0002 Mon 12:40, 95 min (inside)
#   fb-m-0003 Mon 21:05, unanswered (outside: named)  fb-m-0004 Wed 07:02, 58 min (outside)
#   ig-m-0001 Tue 09:30, 32 min                       ig-m-0002 Tue 18:55, 610 min


@pytest.fixture
def care(tmp_path: Path):  # type: ignore[no-untyped-def]
    document = bakery(tmp_path)
    import_exports(
        document,
        [FIXTURES / "inbound_messages.csv"],
        mapping=FIXTURES / "inbound_messages.mapping.yaml",
    )
    result = listening_results(document)
    assert result.messages == 6
    return result.care


def test_response_rate_median_and_p90_per_channel(care) -> None:  # type: ignore[no-untyped-def]
    facebook, instagram = care.channels
    assert facebook.channel == "facebook"
    assert (facebook.overall.messages, facebook.overall.answered) == (4, 3)
    assert facebook.overall.response_rate == pytest.approx(75.0)
    assert facebook.overall.median_minutes == 58  # of 14, 58, 95
    assert facebook.overall.p90_minutes == pytest.approx(58 + 0.8 * (95 - 58))
    assert instagram.overall.median_minutes == pytest.approx(321.0)  # (32 + 610) / 2
    assert instagram.overall.p90_minutes == pytest.approx(32 + 0.9 * (610 - 32))
    assert care.overall.messages == 6
    assert care.overall.response_rate == pytest.approx(500 / 6)
    assert care.overall.median_minutes == 58  # of 14, 32, 58, 95, 610
    assert care.overall.p90_minutes == pytest.approx(95 + 0.6 * (610 - 95))
    assert (care.first_day, care.last_day) == (dt.date(2027, 3, 1), dt.date(2027, 3, 3))


def test_channels_against_their_promise_and_covered_hours(care) -> None:  # type: ignore[no-untyped-def]
    facebook, instagram = care.channels
    assert facebook.promised_hours == 4
    assert (facebook.within_promise, facebook.within_promise_rate) == (3, 75.0)
    assert facebook.covered
    assert (facebook.inside_messages, facebook.inside_median_minutes) == (1, 95)
    assert (facebook.outside_messages, facebook.outside_unanswered) == (3, 1)
    assert facebook.outside_median_minutes == pytest.approx(36.0)  # of 14 and 58
    assert (instagram.promised_hours, instagram.within_promise) == (None, None)
    assert not instagram.covered
    assert instagram.outside_messages == 0


def test_unanswered_messages_outside_covered_hours_are_named(care) -> None:  # type: ignore[no-untyped-def]
    assert care.outside_late_count == 1
    [late] = care.outside_late
    assert (late.message_id, late.channel, late.answered) == ("fb-m-0003", "facebook", False)
    assert late.received_at == dt.datetime(2027, 3, 1, 21, 5)


def test_per_hour_of_the_week(care) -> None:  # type: ignore[no-untyped-def]
    hours = {(h.channel, h.weekday, h.hour): h for h in care.hours}
    monday = [h for (channel, day, _), h in hours.items() if channel is None and day == 1]
    assert sorted(h.hour for h in monday) == [8, 12, 21]
    assert hours[(None, 1, 21)].response_rate == 0
    assert hours[(None, 2, 18)].median_minutes == 610
    assert hours[("instagram", 2, 9)].messages == 1


def test_a_late_answer_outside_covered_hours_is_named_too(tmp_path: Path) -> None:
    document = bakery(tmp_path)
    fill(
        document,
        messages=[
            message("late", "2027-03-06 10:00:00", minutes=300),  # Saturday, 5 h > 4 h
            message("quick", "2027-03-06 11:00:00", minutes=30),  # Saturday, on time
            message("inside", "2027-03-08 10:00:00", minutes=500),  # Monday, inside hours
        ],
    )
    care = listening_results(document).care
    assert [(m.message_id, m.answered, m.first_response_minutes) for m in care.outside_late] == [
        ("late", True, 300.0)
    ]
    [facebook] = care.channels
    assert facebook.within_promise == 1
