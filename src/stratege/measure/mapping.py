"""A mapping file: how to read the CSV or XLSX export of any other tool.

    tool: Socialinsider          # shown in reports
    scope: account               # post | account | message | mention | campaign
    platform: instagram          # or map a column to `platform`
    decimal: ","                 # the decimal separator of the numbers (default ".")
    date_format: "%d/%m/%Y"      # strftime codes; required unless dates are ISO (2027-03-01)
    columns:                     # header in the file → canonical column
      Date: day
      Compte: account_name
      Abonnés: followers
      Publications: posts

Competitors' figures from benchmarking tools come this way, with ``--competitor NAME``.
Nothing is guessed: a date such as 03/04/2027 without a ``date_format`` is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stratege.knowledge.models import Knowledge
from stratege.measure.errors import MeasureError
from stratege.measure.formats import (
    ACCOUNT_COLUMNS,
    DATED_BY,
    IDENTITY,
    ColumnSpec,
    FormatSpec,
)
from stratege.measure.store import KEYS

MAX_MAPPING_BYTES = 64 * 1024
LANGUAGE = "mapping"
_KNOWN_KEYS = {"tool", "scope", "platform", "decimal", "date_format", "columns"}


def load_mapping(path: Path, knowledge: Knowledge) -> tuple[FormatSpec, str]:
    """The mapping at ``path`` as a format, and its decimal separator."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise MeasureError("bad_mapping", file=path.name, reason="larger than 64 KB")
        raw = YAML(typ="safe").load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YAMLError, RecursionError) as error:
        raise MeasureError("bad_mapping", file=path.name, reason=str(error)[:200]) from error
    return mapping_spec(raw, knowledge, path.name)


def mapping_spec(raw: Any, knowledge: Knowledge, name: str) -> tuple[FormatSpec, str]:
    def refuse(reason: str) -> MeasureError:
        return MeasureError("bad_mapping", file=name, reason=reason)

    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
        raise refuse("it needs a 'columns:' table (header in the file → field)")
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise refuse(f"unknown keys {unknown}; known: {sorted(_KNOWN_KEYS)}")
    scope = str(raw.get("scope", "post"))
    if scope not in IDENTITY:
        raise refuse(f"scope '{scope}' is not one of {sorted(IDENTITY)}")
    decimal = str(raw.get("decimal", "."))
    if decimal not in (".", ","):
        raise refuse("decimal must be '.' or ','")
    date_format = raw.get("date_format")
    if date_format is not None and not _readable_date_format(date_format):
        raise refuse(f"date_format {date_format!r} is not a date format such as '%d/%m/%Y'")
    fields = {n for n, f in knowledge.fields.items() if f.scope == scope}
    allowed = fields | set(IDENTITY[scope]) | set(ACCOUNT_COLUMNS)
    columns: dict[str, ColumnSpec] = {}
    for header, target in raw["columns"].items():
        target = str(target)
        if target not in allowed:
            raise refuse(f"'{header}' → '{target}': not a field of {scope} ({sorted(allowed)})")
        if target in columns:
            raise refuse(f"two columns feed '{target}'")
        if target in fields:
            kind = "number"
        elif target in ("day", "published_at", "received_at"):
            kind = "datetime"
        else:
            kind = "text"
        required = target in (DATED_BY[scope], *KEYS[scope])
        formats = {LANGUAGE: [str(date_format)]} if date_format and kind == "datetime" else {}
        columns[target] = ColumnSpec(
            type=kind,
            headers={LANGUAGE: [str(header)]},
            required=required,
            formats=formats,
        )
    needed = [c for c in (DATED_BY[scope], *KEYS[scope]) if c not in columns and c != "day"]
    if scope == "mention" and ("permalink" in columns or "text" in columns):
        # a mention without an id is known by its link, else by its time, author and text
        needed = [c for c in needed if c != "mention_id"]
    if DATED_BY[scope] not in columns:
        needed.insert(0, DATED_BY[scope])
    if needed:
        raise refuse(f"no column for {sorted(set(needed))}")
    platform = raw.get("platform")
    # a mention's platform may come from its link's domain (else it is "other")
    if platform is None and "platform" not in columns and scope != "mention":
        raise refuse("say which platform (platform: instagram) or map a column to it")
    if platform is not None and str(platform) not in knowledge.platforms:
        raise refuse(f"unknown platform '{platform}' ({sorted(knowledge.platforms)})")
    spec = FormatSpec(
        id=f"mapping:{name}",
        tool=str(raw.get("tool", name)),
        platform=str(platform) if platform is not None else None,
        scope=scope,
        key=list(KEYS[scope]),
        source="mapping",
        columns=columns,
    )
    return spec, decimal


def _readable_date_format(value: object) -> bool:
    """A strftime pattern DuckDB accepts (an unknown code such as %Q fails every row)."""
    import duckdb

    if not isinstance(value, str) or "%" not in value:
        return False
    con = duckdb.connect()
    try:
        con.execute("SELECT try_strptime('2000-01-01', " + "'" + value.replace("'", "''") + "')")
    except duckdb.Error:
        return False
    finally:
        con.close()
    return True
