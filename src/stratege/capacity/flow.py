"""Minimum-cost maximum flow on a small network: the checks' weekly workload estimate.

The estimate asks: how many hours of each kind of work can reach someone allowed to do it,
and, among the assignments that staff the most, which strains the team least (convex costs
on each person's hours, :mod:`stratege.capacity.strain`). That is a minimum-cost maximum
flow — a few dozen kinds of work, a few people. Successive shortest paths (Bellman-Ford on
the residual network, so negative costs of reverse arcs are fine) solve it exactly in a
millisecond, without loading a solver library: `stratege check` must answer at once.
The planner, whose week-by-week problem is a thousand times larger, uses OR-Tools; a test
checks that both give the same optimum on generated networks.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

EPSILON = 1e-9  # below this, an arc is full or empty (capacities are hours)


@dataclass
class _Arc:
    target: int
    capacity: float
    cost: float
    reverse: int  # index of the opposite arc in the target's list
    flow: float = 0.0

    @property
    def room(self) -> float:
        return self.capacity - self.flow


@dataclass
class FlowNetwork:
    """Nodes are numbered from 0; arcs carry a capacity and a cost per unit of flow."""

    size: int
    arcs: list[list[_Arc]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.arcs = [[] for _ in range(self.size)]

    def add(self, source: int, target: int, capacity: float, cost: float = 0.0) -> _Arc:
        """An arc; returns it, so that its flow can be read after solving."""
        forward = _Arc(target, capacity, cost, len(self.arcs[target]))
        backward = _Arc(source, 0.0, -cost, len(self.arcs[source]))
        self.arcs[source].append(forward)
        self.arcs[target].append(backward)
        return forward

    def max_flow_min_cost(self, source: int, sink: int) -> float:
        """Push as much flow as possible from ``source`` to ``sink``, at the least total
        cost among the largest flows; returns the flow's value."""
        total = 0.0
        while True:
            path = self._cheapest_path(source, sink)
            if path is None:
                return total
            pushed = min(arc.room for arc in path)
            for arc in path:
                arc.flow += pushed
                self._opposite(arc).flow -= pushed
            total += pushed

    def _cheapest_path(self, source: int, sink: int) -> list[_Arc] | None:
        """The cheapest path with room left (Bellman-Ford with a queue), as its arcs."""
        cost = [float("inf")] * self.size
        via: list[_Arc | None] = [None] * self.size
        cost[source] = 0.0
        queue, queued = deque([source]), [False] * self.size
        queued[source] = True
        while queue:
            node = queue.popleft()
            queued[node] = False
            for arc in self.arcs[node]:
                if arc.room > EPSILON and cost[node] + arc.cost < cost[arc.target] - EPSILON:
                    cost[arc.target] = cost[node] + arc.cost
                    via[arc.target] = arc
                    if not queued[arc.target]:
                        queue.append(arc.target)
                        queued[arc.target] = True
        if via[sink] is None:
            return None
        path: list[_Arc] = []
        node = sink
        while node != source:
            step = via[node]
            assert step is not None  # every node on the path was reached through an arc
            path.append(step)
            node = self._opposite(step).target
        return path[::-1]

    def _opposite(self, arc: _Arc) -> _Arc:
        return self.arcs[arc.target][arc.reverse]
