"""The RACI matrix: for every activity and channel, who is Responsible, Accountable,
Consulted and Informed. A channel's own row overrides the row for all channels."""

from __future__ import annotations

from dataclasses import dataclass

from stratege.strategy.model import ACTIVITIES, RaciRow, Strategy

ROLES = ("responsible", "accountable", "consulted", "informed")


@dataclass(frozen=True)
class RaciCell:
    responsible: tuple[str, ...] = ()
    accountable: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(getattr(self, role) for role in ROLES)

    def letters(self) -> str:
        """Compact text: 'R: julie, karim · A: sophie · C: … · I: …'."""
        parts = [
            f"{role[0].upper()}: {', '.join(getattr(self, role))}"
            for role in ROLES
            if getattr(self, role)
        ]
        return " · ".join(parts)


@dataclass
class RaciMatrix:
    activities: list[str]
    channels: list[str]
    cells: dict[tuple[str, str], RaciCell]

    def cell(self, activity: str, channel: str) -> RaciCell:
        return self.cells.get((activity, channel), RaciCell())


def raci_matrix(strategy: Strategy) -> RaciMatrix:
    channels = [c.id for c in strategy.channels]
    cells = {}
    for activity in ACTIVITIES:
        general = _row(strategy.responsibilities, activity, "all")
        for channel in channels:
            row = _row(strategy.responsibilities, activity, channel) or general
            if row is not None:
                cells[(activity, channel)] = RaciCell(*(tuple(getattr(row, r)) for r in ROLES))
    return RaciMatrix(list(ACTIVITIES), channels, cells)


def _row(rows: list[RaciRow], activity: str, channel: str) -> RaciRow | None:
    return next((r for r in rows if r.activity == activity and r.channel == channel), None)
