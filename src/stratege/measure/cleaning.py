"""Reading the cells of an export in SQL: numbers, percentages, durations, dates, categories.

Each column type becomes a DuckDB expression over the raw text, run on the whole file at
once (a million rows are never parsed in Python). Each also has a test of validity: a
non-empty cell that does not read as its type is a bad cell, reported with its row, column
and value. Nothing is guessed: the language of the file fixes the decimal separator and the
date formats, and an empty cell (or a dash) stays empty, it is never read as 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Cells that mean "no value" in the exports: empty, a dash, "n/a".
NONE_MARKERS = ("", "-", "--", "–", "—", "n/a", "na", "null", "none", "nan")
SPACES = "[ \t\u00a0\u202f\u2009\u2007]"
ISO_DATETIMES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def quote(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def is_empty(raw: str) -> str:
    """SQL: the cell holds no value."""
    markers = ", ".join(quote(m) for m in NONE_MARKERS)
    # the length tests first: a caption is never lowered and trimmed just to be compared;
    # strlen (bytes, read off the string's header) before length (characters, counted):
    # 16 characters are at most 64 bytes
    return (
        f"({raw} IS NULL OR (strlen({raw}) <= 64 AND length({raw}) <= 16 "
        f"AND lower(trim({raw})) IN ({markers})))"
    )


def _compact(raw: str) -> str:
    return f"regexp_replace({raw}, '{SPACES}', '', 'g')"


def number(raw: str, decimal: str) -> str:
    """SQL: the cell as a number (thousands separators, K/M suffixes, a % sign, decimal
    point or comma as the file's language writes it)."""
    s = _compact(raw)
    stripped = f"regexp_replace({s}, '[%''’]|[kKmMbB]$', '', 'g')"
    scale = (
        f"(CASE upper(right({s}, 1)) WHEN 'K' THEN 1e3 WHEN 'M' THEN 1e6 "
        f"WHEN 'B' THEN 1e9 ELSE 1 END)"
    )
    if decimal == ",":
        # "1 234,5" → 1234.5; "1.234,5" (dots grouping thousands) → 1234.5
        grouped = "'[+-]?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?'"
        text = (
            f"(CASE WHEN regexp_full_match({stripped}, {grouped}) "
            f"THEN replace(replace({stripped}, '.', ''), ',', '.') "
            f"WHEN regexp_full_match({stripped}, '[+-]?[0-9]*,[0-9]+') "
            f"THEN replace({stripped}, ',', '.') ELSE {stripped} END)"
        )
    else:
        # "1,234.5" → 1234.5; a comma anywhere else ("1,5") is not a number in English
        grouped = "'[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?'"
        text = (
            f"(CASE WHEN regexp_full_match({stripped}, {grouped}) "
            f"THEN replace({stripped}, ',', '') ELSE {stripped} END)"
        )
    slow = f"(TRY_CAST({text} AS DOUBLE) * {scale})"
    # The common case, a plain number, without any string work (with a decimal comma, only
    # one without a dot: "1.234" there means a thousand and more). CASE, not COALESCE: DuckDB
    # evaluates a CASE branch only on the rows that reach it, every COALESCE argument on all.
    fast = f"TRY_CAST({raw} AS DOUBLE)"
    plain = (
        f"isfinite({fast})"
        if decimal == "."
        else f"(isfinite({fast}) AND NOT contains({raw}, '.'))"
    )
    return f"(CASE WHEN {plain} THEN {fast} WHEN isfinite({slow}) THEN {slow} END)"


def duration(raw: str, decimal: str) -> str:
    """SQL: seconds, from H:MM:SS, MM:SS or a number of seconds."""
    parts = f"string_split(trim({raw}), ':')"
    return (
        f"(CASE WHEN contains({raw}, ':') THEN "
        f"list_reduce(list_transform({parts}, lambda x: TRY_CAST(x AS DOUBLE)), "
        f"lambda acc, x: acc * 60 + x) ELSE {number(raw, decimal)} END)"
    )


def timestamp(
    raw: str,
    formats: Sequence[str],
    year: int | str | None = None,
    months: Mapping[str, str] | None = None,
) -> str:
    """SQL: the cell as a timestamp, trying each format in turn (then ISO 8601).

    ``year`` (a number or an SQL expression) completes the formats without one (TikTok's
    "September 6"). ``months`` turns the month names of another language into English ones
    before reading them (YouTube's French "3 sept. 2025"). A time with an offset ("%z", X's
    "+0000") becomes the same instant as naive UTC, the store's timestamps having no zone."""
    value = f"trim({raw})"
    if months and any(_names_month(f) for f in formats):
        value = f"lower({value})"
        for name in sorted(months, key=len, reverse=True):
            value = f"replace({value}, {quote(name.lower())}, {quote(months[name])})"
    options = []
    plain: list[str] = []  # formats read by one call that tries each in turn
    for fmt in [*formats, *ISO_DATETIMES]:
        if year is not None and "%Y" not in fmt and "%y" not in fmt:
            options.append(f"try_strptime({value} || ' ' || ({year}), {quote(fmt + ' %Y')})")
        elif "%z" in fmt:
            options.append(f"timezone('UTC', try_strptime({value}, {quote(fmt)}))")
        else:
            plain.append(fmt)
    if plain:
        options.append(f"try_strptime({value}, [{', '.join(quote(f) for f in plain)}])")
    if len(options) == 1:
        return options[0]
    return f"COALESCE({', '.join(options)})"


def has_year(fmt: str) -> bool:
    return "%Y" in fmt or "%y" in fmt


def _names_month(fmt: str) -> bool:
    return "%b" in fmt or "%B" in fmt


def longest(values: Sequence[str]) -> str:
    """SQL: the longest of several texts (Meta writes a post's caption in Title or in
    Description, the other one empty or shorter)."""
    if len(values) == 1:
        return values[0]
    lengths = [f"coalesce(length({v}), -1)" for v in values]
    cases = []
    for i, v in enumerate(values[:-1]):
        others = ", ".join(lengths[i + 1 :])
        cases.append(f"WHEN {lengths[i]} >= greatest({others}) THEN {v}")
    return f"(CASE {' '.join(cases)} ELSE {values[-1]} END)"


def identifier(raw: str) -> str:
    """SQL: an id as text, without the spaces around it (YouTube writes ' -x7Qp…' for an
    id that starts with a dash)."""
    return f"(CASE WHEN {is_empty(raw)} THEN NULL ELSE trim({raw}) END)"


def category(raw: str, mapping: Mapping[str, str]) -> str:
    """SQL: a category value mapped to its canonical id (None when unknown)."""
    if not mapping:
        return f"lower(trim({raw}))"
    cases = " ".join(f"WHEN {quote(k)} THEN {quote(v)}" for k, v in mapping.items())
    return f"(CASE lower(trim({raw})) {cases} ELSE NULL END)"


def text(raw: str) -> str:
    return f"(CASE WHEN {is_empty(raw)} THEN NULL ELSE {raw} END)"
