"""bulk-import.csv: one documented, tool-neutral layout for other schedulers.

Buffer, Metricool, Agorapulse and the like each have their own import columns; rather than
chase them, this file says everything unambiguously (ISO 8601 time with its UTC offset,
stable ids) so that mapping it in any tool's import dialog is a matter of minutes.
Columns are described in docs/bulk-import.md; their names are English and fixed.
"""

from __future__ import annotations

from pathlib import Path

from stratege.exports.csvio import write_csv
from stratege.exports.describe import Describer, unique_ids
from stratege.exports.zones import local, timezone_of
from stratege.i18n import Lang
from stratege.planning.plan import Plan

COLUMNS = (
    "datetime",
    "channel",
    "platform",
    "handle",
    "format",
    "message",
    "pillar",
    "campaign",
    "id",
)


def write_bulk_import(plan: Plan, path: Path, lang: Lang) -> Path:
    describe = Describer(plan, lang)
    zone = timezone_of(plan)
    handles = {c.id: c.handle for c in plan.strategy.channels}
    rows: list[list[object]] = [list(COLUMNS)]
    for slot_id, slot in zip(unique_ids(plan.slots), plan.slots, strict=True):
        rows.append(
            [
                local(slot.start, zone).isoformat(),
                slot.channel,
                slot.platform,
                handles.get(slot.channel, ""),
                slot.format,
                describe.draft_message(slot),
                describe.pillar(slot.pillar),
                describe.campaign(slot.campaign),
                slot_id,
            ]
        )
    return write_csv(path, rows)
