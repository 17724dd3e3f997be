"""iCalendar content lines (RFC 5545, section 3.1), written directly.

Building an icalendar object per event and serialising it took a third of a whole
``stratege plan``; a calendar of posts needs a dozen kinds of line, so they are written
here as text, with the three rules that make a file valid and safe:

- TEXT values are escaped (backslash, semicolon, comma, newline: section 3.3.11), after
  removing control characters, so that no user text can end a line and start a property or
  an event of its own;
- lines end in CRLF;
- a line longer than 75 octets is folded (CRLF and a space), never inside a UTF-8 sequence.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from stratege.exports.cells import one_line

LIMIT = 75  # octets per line, line break excluded
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,"})


@functools.lru_cache(maxsize=4096)  # a calendar repeats its names and labels thousands of times
def text(value: str) -> str:
    """A TEXT value: one line, escaped. Line breaks a writer wants are made with
    :func:`lines`, never carried by the value itself."""
    return one_line(value).translate(_ESCAPES)


def lines(values: Iterable[str]) -> str:
    """Several TEXT values as one, on separate lines (escaped ``\\n``): a description."""
    return "\\n".join(text(v) for v in values)


def text_list(values: Iterable[str]) -> str:
    """A multi-valued TEXT property (CATEGORIES): escaped values, comma-separated."""
    return ",".join(text(v) for v in values)


def local_time(moment: dt.datetime) -> str:
    """A DATE-TIME in local ("floating" until a TZID parameter names its zone) form."""
    return f"{moment:%Y%m%dT%H%M%S}"


def utc_time(moment: dt.datetime) -> str:
    """A DATE-TIME in UTC form (a trailing Z)."""
    return f"{moment.astimezone(dt.UTC):%Y%m%dT%H%M%S}Z"


def content(lines: Iterable[str]) -> bytes:
    """Content lines as the octets of a file: each folded, each ending in CRLF."""
    shown = []
    for line in lines:  # inlined fast path: most lines are short ASCII
        if len(line) <= LIMIT // 4 or (len(line) <= LIMIT and line.isascii()):
            shown.append(line)
        else:
            shown.append(_folded(line))
    shown.append("")
    return "\r\n".join(shown).encode("utf-8")


def fold(line: str) -> str:
    """``line`` folded at 75 octets (CRLF and a space), with its CRLF."""
    return _folded(line) + "\r\n"


def _folded(line: str) -> str:
    data = line.encode("utf-8")
    if len(data) <= LIMIT:
        return line
    pieces = []
    start, room = 0, LIMIT
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # inside a multi-byte character: cut before it
            end -= 1
        pieces.append(data[start:end])
        start, room = end, LIMIT - 1  # a continuation line starts with a space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")
