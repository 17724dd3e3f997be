"""The checks' flow solver against OR-Tools' linear solver, on generated workloads: the same
hours staffed and the same least strain."""

from __future__ import annotations

import random

import pytest
from ortools.linear_solver import pywraplp

from stratege.capacity.flow import FlowNetwork
from stratege.capacity.strain import strain, strain_value
from stratege.capacity.workload import Demand, _assign


def _workload(seed: int) -> tuple[list[Demand], dict[str, float]]:
    rng = random.Random(seed)
    people = {f"p{i}": rng.choice([0, 4, 7.5, 14, 20, 35]) for i in range(rng.randint(1, 7))}
    demands = []
    for number in range(rng.randint(1, 18)):
        eligible = tuple(rng.sample(sorted(people), rng.randint(0, len(people))))
        hours = round(rng.uniform(0.1, 25), 2)
        demands.append(Demand(f"d{number}", "create_content", hours, eligible, "skill"))
    return demands, people


def _linear_optimum(demands: list[Demand], capacity: dict[str, float]) -> tuple[float, float]:
    """Most hours staffed, then least strain, with GLOP: the reference answer."""
    solver = pywraplp.Solver.CreateSolver("GLOP")
    hours = {
        (d.key, p): solver.NumVar(0, d.hours_per_week, "")
        for d in demands
        for p in dict.fromkeys(d.eligible)
    }
    for d in demands:
        solver.Add(sum(v for (k, _), v in hours.items() if k == d.key) <= d.hours_per_week)
    loads = {p: sum(v for (_, w), v in hours.items() if w == p) for p in capacity}
    for person, available in capacity.items():
        solver.Add(loads[person] <= available)
    solver.Maximize(sum(hours.values()))
    assert solver.Solve() == pywraplp.Solver.OPTIMAL
    staffed = solver.Objective().Value()
    solver.Add(sum(hours.values()) >= staffed - 1e-7)
    costs = [
        available / 100 * strain(solver, 100 * loads[p] / available)
        for p, available in capacity.items()
        if available > 0 and not isinstance(loads[p], int)
    ]
    solver.Minimize(sum(costs))
    assert solver.Solve() == pywraplp.Solver.OPTIMAL
    return staffed, solver.Objective().Value()


def _strain_of(assigned: dict[tuple[str, str], float], capacity: dict[str, float]) -> float:
    loads = {p: 0.0 for p in capacity}
    for (_, person), hours in assigned.items():
        loads[person] += hours
    return sum(c / 100 * strain_value(100 * loads[p] / c) for p, c in capacity.items() if c > 0)


@pytest.mark.parametrize("seed", range(60))
def test_the_flow_finds_the_linear_programs_optimum(seed: int) -> None:
    demands, capacity = _workload(seed)
    assigned = _assign(demands, capacity)
    staffed, least_strain = _linear_optimum(demands, capacity)
    assert sum(assigned.values()) == pytest.approx(staffed, abs=1e-6)
    assert _strain_of(assigned, capacity) == pytest.approx(least_strain, abs=1e-5)


def test_nobody_gets_more_than_their_hours_nor_work_they_may_not_do() -> None:
    for seed in range(30):
        demands, capacity = _workload(seed)
        assigned = _assign(demands, capacity)
        eligible = {(d.key, p) for d in demands for p in d.eligible}
        assert set(assigned) <= eligible
        for person, available in capacity.items():
            load = sum(h for (_, p), h in assigned.items() if p == person)
            assert load <= available + 1e-6


def test_an_arc_carries_no_more_than_its_capacity() -> None:
    network = FlowNetwork(4)
    first, second = network.add(0, 2, 3), network.add(2, 1, 2, cost=1)
    network.add(0, 3, 5)
    network.add(3, 1, 4, cost=2)
    assert network.max_flow_min_cost(0, 1) == pytest.approx(6)
    assert first.flow == pytest.approx(2) and second.flow == pytest.approx(2)
