"""A posted form read back into section values, following the same field specs.

Names are paths (``resources.people.0.name``); each row sends a marker
(``resources.people.0._row``) holding the index of the saved row it shows, so an empty row
is still a row and a row keeps its saved values' order of choices. Numbers stay numbers
(a decimal comma is read too), dates become dates, and an empty optional field is left
out rather than written as an empty text — unless the saved file wrote it so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from stratege.i18n.catalogue import N_
from stratege.web.forms.spec import Spec

ROW = "_row"
MISSING: Any = object()
_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


class Rows(list[Any]):
    """Rows read from a form, with the saved row each one shows (None: a new row)."""

    def __init__(self, rows: list[Any], origins: list[int | None]) -> None:
        super().__init__(rows)
        self.origins = origins


@dataclass
class Posted:
    """What a form sent: the sections' values and the fields that could not be read."""

    values: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)  # field name → message id


def read_form(
    post: Mapping[str, Any],
    specs: Mapping[str, Spec],
    keys: tuple[str, ...],
    saved: Mapping[str, Any],
    keep_empty_rows: bool = False,
) -> Posted:
    """The values of the sections ``keys`` (None for a section the form emptied; absent
    for one the form does not edit), read against the ``saved`` values."""
    reader = _Reader(post, keep_empty_rows)
    values: dict[str, Any] = {}
    for key in keys:
        spec = specs.get(key)
        if spec is None or spec.kind == "kept":
            continue
        value = reader.read(spec, (key,), saved.get(key, MISSING))
        values[key] = None if value is MISSING else value
    return Posted(values, reader.errors)


class _Reader:
    def __init__(self, post: Mapping[str, Any], keep_empty_rows: bool) -> None:
        self.post = post
        self.keep_empty_rows = keep_empty_rows
        self.errors: dict[str, str] = {}
        self.names = list(post.keys())

    def read(self, spec: Spec, path: tuple[str | int, ...], saved: Any) -> Any:
        value = getattr(self, "_" + spec.kind, self._scalar)(spec, path, saved)
        if value is MISSING and saved is not MISSING and _empty(saved):
            return saved  # the file wrote `sector: ""` or `blackouts: []`: keep it
        return value

    def _kept(self, spec: Spec, path: tuple[str | int, ...], saved: Any) -> Any:
        return saved

    def _object(self, spec: Spec, path: tuple[str | int, ...], saved: Any) -> Any:
        old = saved if isinstance(saved, Mapping) else {}
        value = {}
        for prop in spec.properties:
            read = self.read(prop, (*path, prop.name), old.get(prop.name, MISSING))
            if read is not MISSING:
                value[prop.name] = read
        return value if value else MISSING

    def _list(self, spec: Spec, path: tuple[str | int, ...], saved: Any) -> Any:
        assert spec.item is not None
        old = saved if isinstance(saved, list) else ([] if saved is MISSING else [saved])
        rows, origins = [], []
        for index in self._indexes(path):
            marker = self._get((*path, index, ROW))
            origin = int(marker) if marker and marker.isdigit() and int(marker) < len(old) else None
            before = old[origin] if origin is not None else MISSING
            item = self.read(spec.item, (*path, index), before)
            if item is MISSING:
                if not self.keep_empty_rows:
                    continue
                item = {} if spec.item.kind in ("object", "map") else ""
            rows.append(item)
            origins.append(origin)
        if not rows:
            return MISSING
        return Rows(rows, origins) if self.keep_empty_rows else rows

    def _choices(self, spec: Spec, path: tuple[str | int, ...], saved: Any) -> Any:
        getlist = getattr(self.post, "getlist", None)
        chosen = [str(v) for v in getlist(_name(path))] if getlist else []
        old = (
            [str(v) for v in saved]
            if isinstance(saved, list)
            else ([str(saved)] if isinstance(saved, str) else [])
        )
        ordered = [v for v in old if v in chosen] + [v for v in chosen if v not in old]
        return list(dict.fromkeys(ordered)) or MISSING

    def _map(self, spec: Spec, path: tuple[str | int, ...], saved: Any) -> Any:
        assert spec.item is not None
        value: dict[str, Any] = {}
        for index in self._indexes(path):
            key = (self._get((*path, index, "key")) or "").strip()
            share = self._scalar(spec.item, (*path, index, "value"), MISSING)
            if key and share is not MISSING:
                value[key] = share
            elif self.keep_empty_rows:
                value[key or f"?{index}"] = "" if share is MISSING else share
        return value if value else MISSING

    def _scalar(self, spec: Spec, path: tuple[str | int, ...], saved: Any) -> Any:
        raw = self._get(path)
        if spec.kind == "boolean":
            return True if raw is not None else (MISSING if saved is MISSING else False)
        text = (raw or "").replace("\r\n", "\n")
        if not text.strip():
            return MISSING
        if spec.kind in ("number", "integer"):
            return self._read_number(spec, text, path)
        if spec.kind == "date":
            try:
                return dt.date.fromisoformat(text.strip())
            except ValueError:
                self.errors[_name(path)] = N_("Write a date as YYYY-MM-DD, for example 2027-03-31.")
                return text
        return text

    def _read_number(self, spec: Spec, text: str, path: tuple[str | int, ...]) -> Any:
        written = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if _INTEGER.fullmatch(written):
            return int(written)
        if spec.kind == "number" and _NUMBER.fullmatch(written):
            number = float(written.replace(",", "."))
            return number
        self.errors[_name(path)] = (
            N_("Write a whole number, for example 12.")
            if spec.kind == "integer"
            else N_("Write a number, for example 12 or 2.5.")
        )
        return text

    def _indexes(self, path: tuple[str | int, ...]) -> list[int]:
        prefix = _name(path) + "."
        found = set()
        for name in self.names:
            if name.startswith(prefix):
                head = name[len(prefix) :].split(".", 1)[0]
                if head.isdigit():
                    found.add(int(head))
        return sorted(found)

    def _get(self, path: tuple[str | int, ...]) -> str | None:
        value = self.post.get(_name(path))
        return None if value is None else str(value)


def _name(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
