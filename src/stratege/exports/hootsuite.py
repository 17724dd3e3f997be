"""hootsuite/<channel>.csv: draft posts for Hootsuite's bulk composer, one file per channel.

The layout Hootsuite has documented for years (see docs/bulk-import.md for the sources):
no header row; column 1 the date and time, column 2 the message, column 3 an optional link;
24-hour time with minutes on a multiple of 5; dates in the future; at most 350 posts per
file. A file is published to the profiles picked at upload, so each channel gets its own
file, split into parts only where the 350-post limit requires it.

File names must never collide, whatever the channel ids: two files with one name would
lose posts. Ids match ``[A-Za-z0-9][A-Za-z0-9_.-]*``, so the part mark ``+`` and the
disambiguation mark ``~`` cannot come from an id; channels whose ids differ only by case
(one file on Windows and macOS) and ids Windows reserves (``con``, ``nul``…) get a ``~``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from stratege.archive import zip_bytes
from stratege.exports import wording as w
from stratege.exports.csvio import csv_bytes
from stratege.exports.describe import Describer
from stratege.i18n import Lang
from stratege.planning.plan import Plan
from stratege.planning.slots import Slot

FOLDER = "hootsuite"
MAX_ROWS = 350  # Hootsuite refuses a bulk file of more posts
STEP_MINUTES = 5  # Hootsuite schedules on 5-minute marks
MONTH_FIRST_COUNTRIES = frozenset({"US"})  # everyone else writes the day first
WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}
)


def date_format(plan: Plan) -> str:
    """'%m/%d/%Y %H:%M' for a US organisation, else '%d/%m/%Y %H:%M' (choose "day/month/
    year" in the upload dialog): the order people of that country read without thinking."""
    if plan.strategy.organisation.country in MONTH_FIRST_COUNTRIES:
        return "%m/%d/%Y %H:%M"
    return "%d/%m/%Y %H:%M"


def hootsuite_files(
    plan: Plan, lang: Lang, not_before: dt.datetime | None = None
) -> dict[str, bytes]:
    """``hootsuite/<channel>.csv`` per channel with posts, or ``hootsuite/<channel>+1.csv``,
    ``+2``… (``+01``… from ten parts) when a channel has more than 350; in the strategy's
    channel order.

    ``not_before`` (local time) leaves out the posts Hootsuite would refuse as past; by
    default every post is kept, so the same plan always gives the same files.
    """
    describe = Describer(plan, lang)
    fmt = date_format(plan)
    by_channel: dict[str, list[list[str]]] = defaultdict(list)
    for slot in plan.slots:
        if not_before is None or slot.start > not_before:
            by_channel[slot.channel].append(_row(slot, describe, fmt))
    order = [c.id for c in plan.strategy.channels if c.id in by_channel]
    order += [c for c in by_channel if c not in order]  # slots of an unlisted channel
    files = {}
    for channel, stem in file_stems(order).items():
        rows = by_channel[channel]
        if len(rows) <= MAX_ROWS:
            files[f"{FOLDER}/{stem}.csv"] = csv_bytes(rows)
            continue
        starts = range(0, len(rows), MAX_ROWS)
        digits = len(str(len(starts)))  # x+01 … x+11: the parts sort in order
        for part, start in enumerate(starts, start=1):
            name = f"{FOLDER}/{stem}+{part:0{digits}d}.csv"
            files[name] = csv_bytes(rows[start : start + MAX_ROWS])
    return files


def hootsuite_zip(files: dict[str, bytes], plan: Plan) -> bytes:
    """The files of :func:`hootsuite_files` in one archive, under ``hootsuite/``, dated the
    plan's first day so that the same plan always gives the same bytes."""
    return zip_bytes(files, dt.datetime.combine(plan.horizon.start, dt.time(0)))


def file_stems(channel_ids: Iterable[str]) -> dict[str, str]:
    """Channel id → file name without extension, unique even where case does not count."""
    seen: Counter[str] = Counter()
    stems = {}
    for channel in channel_ids:
        seen[channel.casefold()] += 1
        if seen[channel.casefold()] > 1:
            stems[channel] = f"{channel}~{seen[channel.casefold()]}"
        elif channel.split(".")[0].upper() in WINDOWS_DEVICES:
            stems[channel] = f"{channel}~"
        else:
            stems[channel] = channel
    return stems


def _row(slot: Slot, describe: Describer, fmt: str) -> list[str]:
    moment = slot.start.replace(minute=slot.start.minute - slot.start.minute % STEP_MINUTES)
    # The reference makes every message unique (schedulers refuse identical messages on one
    # profile) and leads back to the same post in the calendar and the other exports.
    message = describe._(w.REFERENCE, text=describe.draft_message(slot), id=slot.id)
    return [moment.strftime(fmt), message, ""]
