"""Planner benchmark: Stratège's solver against a simple greedy planner.

Run:  python benchmarks/plan_benchmark.py            (both scenarios)
      python benchmarks/plan_benchmark.py --scenario a

(a) one organisation, one year, 8 channels including an X account at 10 posts a day
    (≈ 5,000 posts), with tight capacity; target: under 2 s, zero overrun when feasible.
(b) an agency: 50 organisations over a quarter sharing one team of 20; target: under 60 s.

Both planners work on the same calendar (slot placement is arithmetic and shared); they
differ in staffing — who produces and runs what within whose hours. The greedy baseline
takes posts and weekly activities in time order and gives each to the eligible person
with the most hours left that week (production: the due week, else the week before), and
leaves the work unstaffed when nobody has room; it never plans anyone beyond their hours
either, so the difference shows as unstaffed hours. Cadence and mix deviation are those of
the shared calendar.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from typing import Any

from stratege.knowledge import load_knowledge
from stratege.planning import staffing
from stratege.planning.days import Horizon
from stratege.planning.quality import cadence_deviation, mix_deviation
from stratege.planning.slots import plan_slots
from stratege.planning.staffing import Portfolio, staff
from stratege.strategy import Strategy

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
ALL_DAYS = [*WEEKDAYS, "sat", "sun"]


# --- scenarios --------------------------------------------------------------------------


def _channel(
    cid: str,
    platform: str,
    posts: float,
    per: str,
    mix: dict[str, int],
    windows: list[dict[str, Any]],
    purpose: str = "main",
) -> dict[str, Any]:
    return {
        "channel": {
            "id": cid,
            "platform": platform,
            "purpose": purpose,
            "audiences": ["all"],
            "objectives": ["grow"],
        },
        "cadence": {"channel": cid, "posts": posts, "per": per, "windows": windows},
        "mix": {"channel": cid, "mix": mix},
    }


def _strategy(
    name: str,
    start: dt.date,
    end: dt.date,
    channels: list[dict[str, Any]],
    people: list[dict[str, Any]],
    raci: list[dict[str, Any]],
) -> Strategy:
    return Strategy.model_validate(
        {
            "language": "en",
            "period": {"start": start, "end": end},
            "organisation": {
                "name": name,
                "country": "FR",
                "business_goals": [{"id": "g", "statement": "Grow"}],
            },
            "objectives": [
                {
                    "id": "grow",
                    "kind": "visibility",
                    "priority": "primary",
                    "statement": "Grow",
                    "business_goals": ["g"],
                    "deadline": end,
                }
            ],
            "audiences": [{"id": "all", "name": "Everyone", "kind": "customers"}],
            "channels": [c["channel"] for c in channels],
            "cadence": [c["cadence"] for c in channels],
            "content": {"formats": [c["mix"] for c in channels]},
            "resources": {"people": people},
            "responsibilities": raci,
        }
    )


def scenario_a() -> list[Strategy]:
    """One organisation, a year, 8 channels, X at 10 a day, a team sized just above need."""
    office = [{"days": WEEKDAYS, "start": "08:30", "end": "18:00"}]
    week = [{"days": ALL_DAYS, "start": "08:00", "end": "20:00"}]
    channels = [
        _channel("x", "x", 10, "day", {"short_text": 80, "image": 20}, week, "customer_care"),
        _channel(
            "facebook",
            "facebook",
            1,
            "day",
            {"image": 50, "short_text": 30, "short_video": 20},
            week,
        ),
        _channel(
            "instagram",
            "instagram",
            1,
            "day",
            {"image": 40, "carousel": 20, "short_video": 20, "story": 20},
            week,
        ),
        _channel("linkedin", "linkedin", 3, "week", {"short_text": 50, "image": 50}, office),
        _channel("blog", "blog", 2, "week", {"long_text": 100}, office),
        _channel("youtube", "youtube", 1, "week", {"long_video": 60, "short_video": 40}, office),
        _channel("tiktok", "tiktok", 3, "week", {"short_video": 100}, week),
        _channel("pinterest", "pinterest", 3, "week", {"image": 70, "carousel": 30}, week),
    ]
    channels[0]["cadence"].update(response_time_hours=2, covered_hours=office)
    team = [
        ("cm1", ["copywriting", "community_management", "customer_care"], 30),
        ("cm2", ["copywriting", "community_management", "customer_care"], 30),
        ("writer", ["copywriting"], 18),
        ("designer", ["graphic_design", "copywriting"], 26),
        ("video", ["video_editing"], 20),
        ("analyst", ["analytics", "social_listening", "advertising"], 6),
    ]
    people = [
        {"id": pid, "name": pid, "skills": skills, "hours_per_week": hours}
        for pid, skills, hours in team
    ]
    return [
        _strategy("Scenario A", dt.date(2027, 1, 1), dt.date(2027, 12, 31), channels, people, [])
    ]


def scenario_b(organisations: int = 50, team_size: int = 20) -> list[Strategy]:
    """An agency: many small clients over a quarter, one shared team."""
    rng = random.Random(7)
    profiles = [  # an agency team: designers, video makers, community managers, all-rounders
        ["graphic_design", "copywriting"],
        ["video_editing", "graphic_design"],
        ["community_management", "copywriting", "social_listening"],
        ["community_management", "graphic_design", "social_listening", "analytics"],
    ]
    people = []
    for index in range(team_size):
        people.append(
            {
                "id": f"p{index:02d}",
                "name": f"Person {index}",
                "skills": profiles[index % len(profiles)],
                "hours_per_week": rng.choice([35, 35, 37, 39]),
            }
        )
    start, end = dt.date(2027, 1, 4), dt.date(2027, 4, 4)
    office = [{"days": WEEKDAYS, "start": "09:00", "end": "18:00"}]
    strategies = []
    for org in range(organisations):
        channels = [
            _channel(
                "facebook",
                "facebook",
                rng.choice([2, 3]),
                "week",
                {"image": 60, "short_text": 40},
                office,
            ),
            _channel(
                "instagram",
                "instagram",
                rng.choice([2, 3]),
                "week",
                {"image": 50, "carousel": 25, "short_video": 25},
                office,
            ),
            _channel(
                "linkedin",
                "linkedin",
                rng.choice([1, 2]),
                "week",
                {"short_text": 50, "image": 50},
                office,
            ),
        ]
        client = _strategy(f"Client {org:02d}", start, end, channels, people, [])
        # an agency watches each client an hour a week, not two
        client.knowledge = {"activities": {"monitor": {"hours_per_week": 1}}}
        strategies.append(client)
    return strategies


# --- the greedy baseline --------------------------------------------------------------


def greedy_staff(portfolio: Portfolio) -> dict[str, float]:
    """Earliest work first, each piece to the eligible person with the most hours left."""
    groups, members = staffing._production_groups(portfolio)
    items = [i for entry in portfolio.entries for i in staffing._activity_items(*entry)]
    weeks = sorted(
        {g.due_week for g in groups}
        | {i.week for i in items}
        | {g.due_week - staffing.ONE_WEEK for g in groups}
    )
    left = dict(staffing._capacity(portfolio, weeks))
    unstaffed = 0
    work = [(g.due_week, "p", g, n) for g in groups for n in range(len(members[g]))]
    work += [(i.week, "a", i, 0) for i in items]
    for _, kind, piece, _ in sorted(work, key=lambda w: (w[0], w[1])):
        options = (
            [
                (p, w)
                for w in (piece.due_week, piece.due_week - staffing.ONE_WEEK)
                for p in piece.eligible
            ]
            if kind == "p"
            else [(p, piece.week) for p in piece.eligible]
        )
        options = [o for o in options if left.get(o, 0) >= piece.units]
        if options:
            best = max(options, key=lambda o: (left[o], o))
            left[best] -= piece.units
        else:
            unstaffed += piece.units
    return {"unstaffed_hours": unstaffed / staffing.UNITS_PER_HOUR, "overrun_hours": 0.0}


# --- measuring ------------------------------------------------------------------------


def run(strategies: list[Strategy]) -> dict[str, dict[str, float]]:
    started = time.perf_counter()
    entries = []
    for strategy in strategies:
        knowledge = load_knowledge(strategy.knowledge)
        horizon = Horizon.of(strategy)
        entries.append((strategy, knowledge, horizon, plan_slots(strategy, knowledge, horizon)))
    placement = time.perf_counter() - started
    portfolio = Portfolio(entries)
    posts = sum(len(e[3]) for e in entries)
    calendar = {
        "cadence_deviation": max(cadence_deviation(s, k, h, sl) for s, k, h, sl in entries),
        "mix_deviation": max(mix_deviation(s, sl) for s, _, _, sl in entries),
    }
    results = {}
    t0 = time.perf_counter()
    assignment = staff(portfolio)
    solver_time = time.perf_counter() - t0
    overrun = sum(
        max(sum(h.values()) - assignment.capacity[k], 0) for k, h in assignment.load.items()
    )
    hours = sum(sum(h.values()) for h in assignment.load.values())
    capacity = sum(assignment.capacity.values())
    print(
        f"  team utilisation planned by the solver: {100 * hours / capacity:.0f} % "
        f"({hours:.0f} h of {capacity:.0f} h)"
    )
    results["solver"] = {
        "seconds": placement + solver_time,
        "posts": posts,
        **calendar,
        "overrun_hours": overrun,
        "unstaffed_hours": assignment.unstaffed_hours,
        "bound_hours": assignment.unstaffed_bound,
        "gap": assignment.gap,
    }
    t0 = time.perf_counter()
    greedy = greedy_staff(portfolio)
    results["greedy"] = {
        "seconds": placement + time.perf_counter() - t0,
        "posts": posts,
        **calendar,
        **greedy,
        "bound_hours": assignment.unstaffed_bound,
        "gap": _gap(greedy["unstaffed_hours"], assignment.unstaffed_bound),
    }
    return results


def _gap(found: float, bound: float) -> float:
    return 0.0 if found < 0.01 else (found - bound) / found


def _median_run(strategies: list[Strategy], repeats: int) -> dict[str, dict[str, float]]:
    runs = [run(strategies) for _ in range(repeats)]
    merged = runs[0]
    for planner in merged:
        merged[planner]["seconds"] = statistics.median(r[planner]["seconds"] for r in runs)
    return merged


def report(name: str, results: dict[str, dict[str, float]]) -> None:
    print(f"\nScenario {name}: {results['solver']['posts']:.0f} posts")
    columns = [
        "seconds",
        "cadence_deviation",
        "mix_deviation",
        "overrun_hours",
        "unstaffed_hours",
        "bound_hours",
        "gap",
    ]
    print(f"{'planner':<8} " + " ".join(f"{c:>17}" for c in columns))
    for planner, figures in results.items():
        print(f"{planner:<8} " + " ".join(f"{figures[c]:>17.3f}" for c in columns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=["a", "b", "all"], default="all")
    parser.add_argument("--repeats", type=int, default=3, help="runs per scenario (median)")
    args = parser.parse_args()
    load_knowledge()  # reading the data files is start-up, not planning
    scenarios = {"a": scenario_a, "b": scenario_b}
    for name, build in scenarios.items():
        if args.scenario in (name, "all"):
            report(name, _median_run(build(), args.repeats if name == "a" else 1))


if __name__ == "__main__":
    main()
