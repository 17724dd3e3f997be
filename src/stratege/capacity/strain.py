"""An even spread of work, as a linear program can ask for it.

Each point of a person's utilisation costs more as the person gets busier (a convex,
piecewise-linear cost), so minimising the sum of these costs fills everyone's easy hours
before anyone's last ones: nobody is loaded to the brim while a colleague who could take
the work idles. The checks' weekly estimate and the planner's week-by-week staffing use
the same bands, so "evenly spread" means one thing everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ortools.linear_solver import pywraplp

# Utilisation bands (percent) and the cost of one point in each. (A steeper 95–100 band was
# tried: the rounded plans came out with more full weeks, not fewer — see benchmarks/.)
STRAIN_BANDS = ((50, 1), (70, 2), (85, 4), (100, 8))


def strain(solver: pywraplp.Solver, utilisation: Any) -> Any:  # the planner's linear programs
    """Piecewise-linear convex cost of a utilisation (in percent, at most 100)."""
    parts, cost, floor = [], 0, 0
    for ceiling, slope in STRAIN_BANDS:
        part = solver.NumVar(0, ceiling - floor, "")
        parts.append(part)
        cost += slope * part
        floor = ceiling
    solver.Add(utilisation == sum(parts))
    return cost


def strain_value(utilisation: float) -> float:
    """The same cost for a known utilisation (for benchmarks and tests)."""
    cost, floor = 0.0, 0
    for ceiling, slope in STRAIN_BANDS:
        cost += slope * min(max(utilisation - floor, 0), ceiling - floor)
        floor = ceiling
    return cost
