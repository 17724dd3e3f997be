"""What rules look at: the strategy, the knowledge base and a few derived facts, computed once."""

from __future__ import annotations

from functools import cached_property

from stratege.capacity.workload import WorkloadEstimate, estimate_workload
from stratege.knowledge.models import Knowledge
from stratege.strategy.model import Strategy


class Context:
    def __init__(self, strategy: Strategy, knowledge: Knowledge):
        self.strategy = strategy
        self.knowledge = knowledge

    @cached_property
    def workload(self) -> WorkloadEstimate:
        return estimate_workload(self.strategy, self.knowledge)

    @cached_property
    def goal_ids(self) -> set[str]:
        return {g.id for g in self.strategy.organisation.business_goals}

    @cached_property
    def objective_ids(self) -> set[str]:
        return {o.id for o in self.strategy.objectives}

    @cached_property
    def audience_ids(self) -> set[str]:
        return {a.id for a in self.strategy.audiences}

    @cached_property
    def channel_ids(self) -> set[str]:
        return {c.id for c in self.strategy.channels}

    @cached_property
    def person_ids(self) -> set[str]:
        return {p.id for p in self.strategy.resources.people}

    @cached_property
    def channel_platforms(self) -> set[str]:
        return {c.platform for c in self.strategy.channels}

    def person_name(self, person_id: str) -> str:
        """A person's name, or the id itself when nobody has it (another rule says so)."""
        person = self.strategy.person(person_id)
        return person.name if person else person_id
