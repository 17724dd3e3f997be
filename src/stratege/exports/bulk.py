"""bulk-import.csv: one documented, tool-neutral layout for other schedulers.

Buffer, Metricool, Agorapulse and the like each have their own import columns; rather than
chase them, this file says everything unambiguously (ISO 8601 time with its UTC offset,
stable ids) so that mapping it in any tool's import dialog is a matter of minutes.
Columns are described in docs/bulk-import.md; their names are English and fixed whatever
the language, because a machine reads them; the message is in the chosen language.
"""

from __future__ import annotations

from stratege.exports.cells import one_line
from stratege.exports.csvio import csv_bytes
from stratege.exports.describe import Describer
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
# Columns of machine-facing ids (the user's own, or knowledge-base ids), never translated.
ID_COLUMNS = ("datetime", "channel", "platform", "handle", "format", "id")


def bulk_import_csv(plan: Plan, lang: Lang) -> bytes:
    """One row per post: UTF-8 without byte-order mark, ',' and CRLF in every language."""
    describe = Describer(plan, lang)
    zone = timezone_of(plan)
    handles = {c.id: one_line(c.handle) for c in plan.strategy.channels}
    rows: list[list[object]] = [list(COLUMNS)]
    for slot in plan.slots:
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
                slot.id,
            ]
        )
    return csv_bytes(rows)
