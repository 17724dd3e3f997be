"""Alerts on a day's volume and negative share against the median and MAD of the days
before: a spike fires, a flat series does not, MAD 0 falls back on its floor, quiet days
and short baselines raise nothing, and each alert names the mentions that drive it."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest

from stratege.listening.alerts import MAD_SCALE
from stratege.services.listening import listening_results
from stratege.strategy.model import Alerts, Listening
from tests.listening.listen_store import example, fill, mention

FIRST = dt.date(2027, 3, 1)


def alerts_of(
    tmp_path: Path,
    counts: list[int],
    *,
    negatives: list[int] | None = None,
    min_mentions: int = 5,
    window_days: int = 7,
    extra: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Any:
    """The results of a store where the own brand has ``counts[i]`` mentions on day i
    (the first ``negatives[i]`` of them negative)."""
    settings = Alerts(
        window_days=window_days,
        volume_sensitivity=3,
        negative_share_sensitivity=3,
        min_mentions=min_mentions,
    )
    document = example(tmp_path, listening=Listening(alerts=settings))
    rows = []
    for i, n in enumerate(counts):
        day = FIRST + dt.timedelta(days=i)
        bad = negatives[i] if negatives else 0
        for j in range(n):
            label = "negative" if j < bad else "positive"
            rows.append(
                mention(f"d{i}-{j}", day, label=label, author=f"a{j}", reach=float(100 + j))
            )
    fill(document, rows + list(extra))
    return listening_results(document)


# 10 20 14 30 16 24 18: median 18, deviations 8 2 4 12 2 6 0 → MAD 4, scaled 5.9304 (more
# than √18 = 4.24): threshold 18 + 3 × 5.9304 = 35.79
BASELINE = [10, 20, 14, 30, 16, 24, 18]


def test_a_spike_above_median_plus_three_mads_fires(tmp_path: Path) -> None:
    result = alerts_of(tmp_path, [*BASELINE, 36])
    [alert] = result.alerts
    assert (alert.owner, alert.day, alert.kind) == ("own", FIRST + dt.timedelta(days=7), "volume")
    assert alert.value == 36
    assert alert.median == 18
    assert alert.mad == pytest.approx(4 * MAD_SCALE)
    assert alert.threshold == pytest.approx(18 + 3 * 4 * MAD_SCALE)
    assert not alert.floored
    assert alert.baseline_days == 7
    # the mentions that drive it: the day's, by reach
    assert [d.mention_id for d in alert.drivers[:2]] == ["d7-35", "d7-34"]
    assert len(alert.drivers) == 5


def test_just_below_the_threshold_does_not_fire(tmp_path: Path) -> None:
    assert alerts_of(tmp_path, [*BASELINE, 35]).alerts == []


def test_a_flat_series_raises_nothing(tmp_path: Path) -> None:
    result = alerts_of(tmp_path, [10] * 30)
    assert result.alerts == []
    own = [p for p in result.daily if p.owner == "own"]
    assert len(own) == 30
    assert own[0].volume_threshold is None  # no baseline yet
    # MAD 0: the spread is √10, the natural spread of a count
    assert own[-1].volume_threshold == pytest.approx(10 + 3 * math.sqrt(10))


@pytest.mark.parametrize(("last", "fires"), [(19, False), (20, True)])
def test_mad_zero_uses_the_square_root_floor(tmp_path: Path, last: int, fires: bool) -> None:
    # baseline 10 every day: MAD 0 → spread √10 = 3.162, threshold 19.49
    result = alerts_of(tmp_path, [10] * 7 + [last])
    assert bool(result.alerts) is fires
    if fires:
        [alert] = result.alerts
        assert (alert.mad, alert.floored) == (0, True)
        assert alert.spread == pytest.approx(math.sqrt(10))
        assert alert.threshold == pytest.approx(10 + 3 * math.sqrt(10))


@pytest.mark.parametrize(("minimum", "fires"), [(10, False), (5, True)])
def test_a_day_with_fewer_than_min_mentions_raises_nothing(
    tmp_path: Path, minimum: int, fires: bool
) -> None:
    # one mention a day, then 6: above 1 + 3 × 1 (the floor), but below min_mentions 10
    result = alerts_of(tmp_path, [1] * 7 + [6], min_mentions=minimum)
    assert [a.kind for a in result.alerts] == (["volume"] if fires else [])


def test_a_baseline_needs_seven_days(tmp_path: Path) -> None:
    assert alerts_of(tmp_path, [10] * 6 + [50]).alerts == []


def test_a_negative_share_alert_lists_the_negative_mentions_first(tmp_path: Path) -> None:
    # 10 mentions a day, 1 negative (10 %): MAD 0 → floor of 5 points, threshold 25 %;
    # day 8: 3 negative of 10 (30 %) raise an alert, the volume (10) does not
    result = alerts_of(tmp_path, [10] * 8, negatives=[1] * 7 + [3])
    [alert] = result.alerts
    assert alert.kind == "negative_share"
    assert alert.value == pytest.approx(30.0)
    assert alert.median == pytest.approx(10.0)
    assert alert.threshold == pytest.approx(25.0)
    assert alert.floored
    assert [d.sentiment for d in alert.drivers[:3]] == ["negative"] * 3
    assert [d.mention_id for d in alert.drivers[:3]] == ["d7-2", "d7-1", "d7-0"]  # by reach
    assert alert.drivers[3].mention_id == "d7-9"  # then the others, by reach


def test_a_competitor_spike_is_an_alert_of_the_competitor(tmp_path: Path) -> None:
    extra = [
        mention(f"c{i}-{j}", FIRST + dt.timedelta(days=i), "ange", "neutral")
        for i, n in enumerate([5] * 7 + [40])
        for j in range(n)
    ]
    result = alerts_of(tmp_path, [10] * 8, extra=extra)
    assert [(a.owner, a.kind, a.value) for a in result.alerts] == [("ange", "volume", 40)]
