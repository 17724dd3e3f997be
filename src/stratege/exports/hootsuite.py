"""hootsuite*.csv: draft posts for Hootsuite's bulk composer.

The layout Hootsuite has documented for years (see docs/bulk-import.md for the sources):
no header row; column 1 the date and time, column 2 the message, column 3 an optional link;
24-hour time with minutes on a multiple of 5; dates in the future; at most 350 posts per
file. The date order (month or day first) is the option chosen in the upload dialog. A file
is published to the profiles picked at upload, so each channel also gets its own file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from stratege.exports.csvio import write_csv
from stratege.exports.describe import Describer, unique_ids
from stratege.exports.labels import word
from stratege.i18n import Lang
from stratege.planning.plan import Plan
from stratege.planning.slots import Slot

MAX_ROWS = 350  # Hootsuite refuses a bulk file of more posts
STEP_MINUTES = 5  # Hootsuite schedules on 5-minute marks
MONTH_FIRST_COUNTRIES = frozenset({"US"})  # everyone else writes the day first


def date_format(plan: Plan) -> str:
    """'%m/%d/%Y %H:%M' for a US organisation, else '%d/%m/%Y %H:%M' (choose "day/month/
    year" in the upload dialog): the order people of that country read without thinking."""
    if plan.strategy.organisation.country in MONTH_FIRST_COUNTRIES:
        return "%m/%d/%Y %H:%M"
    return "%d/%m/%Y %H:%M"


def write_hootsuite(
    plan: Plan, out_dir: Path, lang: Lang, not_before: dt.datetime | None = None
) -> list[Path]:
    """hootsuite.csv for the whole plan and, with several channels, hootsuite-<channel>.csv
    for each; a file over 350 posts is split into -part1, -part2, … files.

    ``not_before`` (local time) leaves out the posts Hootsuite would refuse as past; by
    default every post is kept, so the same plan always gives the same files.
    """
    describe = Describer(plan, lang)
    posts = [
        (slot, slot_id)
        for slot, slot_id in zip(plan.slots, unique_ids(plan.slots), strict=True)
        if not_before is None or slot.start > not_before
    ]
    groups: dict[str, list[tuple[Slot, str]]] = {"hootsuite": posts}
    channels = list(dict.fromkeys(s.channel for s in plan.slots))
    if len(channels) > 1:  # one file per profile: Hootsuite posts a file to what you select
        for channel in channels:
            groups[f"hootsuite-{channel}"] = [p for p in posts if p[0].channel == channel]
    written = []
    for stem, group in groups.items():
        rows = [_row(slot, slot_id, describe, date_format(plan)) for slot, slot_id in group]
        written += _write_parts(out_dir, stem, rows)
    return written


def _row(slot: Slot, slot_id: str, describe: Describer, fmt: str) -> list[str]:
    moment = slot.start.replace(minute=slot.start.minute - slot.start.minute % STEP_MINUTES)
    # The reference makes every message unique (schedulers refuse identical messages on one
    # profile) and leads back to the same post in the calendar and the other exports.
    message = f"{describe.draft_message(slot)} · {word('ref', describe.lang, id=slot_id)}"
    return [moment.strftime(fmt), message, ""]


def _write_parts(out_dir: Path, stem: str, rows: Sequence[list[str]]) -> list[Path]:
    if len(rows) <= MAX_ROWS:
        return [write_csv(out_dir / f"{stem}.csv", rows)]
    parts = [rows[i : i + MAX_ROWS] for i in range(0, len(rows), MAX_ROWS)]
    return [
        write_csv(out_dir / f"{stem}-part{n}.csv", part) for n, part in enumerate(parts, start=1)
    ]
