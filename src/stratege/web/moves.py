"""Posts moved by hand in the calendar, kept on their draft.

The plan's times are wall-clock times of the organisation (no time zone: a post at 09:30
stays at 09:30 whatever the server's zone). The database wants aware datetimes, so a moved
time is stored as that wall-clock time labelled UTC and read back the same way.
"""

from __future__ import annotations

import datetime as dt

from stratege.web.models import PlanRun, Workspace


def stored(wall_clock: dt.datetime) -> dt.datetime:
    return wall_clock.replace(tzinfo=dt.UTC)


def wall_clock(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def moved_posts(workspace: Workspace, run: PlanRun) -> dict[str, dt.datetime]:
    """Where posts of the run's plan were moved by hand (slot id → new start)."""
    from stratege.web.derived import slots_of

    records = slots_of(run)
    ids = {record["id"] for record in records} if records else None
    found = workspace.drafts.filter(moved_to__isnull=False).values_list("slot_id", "moved_to")
    return {
        slot_id: wall_clock(moved_to)
        for slot_id, moved_to in found
        if ids is None or slot_id in ids
    }
