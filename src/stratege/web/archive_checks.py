"""What an uploaded workspace archive must pass before anything of it is read as data.

The ZIP comes from anyone: its size, its entries' count and unpacked size are bounded
before it is unpacked (a "zip bomb" fills no memory), no path may be absolute or go up,
entries are read no further than they declare (their checksums checked), text must be
UTF-8 without NUL (PostgreSQL stores none), and a chart must be an SVG that runs no code
and loads nothing (a page may show it inline). A refusal names the file and the reason.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any
from xml.etree import ElementTree

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.i18n.refusal import Refusal

MAX_ENTRIES = 10_000
DIRECTORY_RECORD = 300  # bytes the central directory may spend per entry (names are short)
UNPACKED_FACTOR = 4  # the entries, unpacked, may weigh this many times the upload limit

MESSAGES = {
    "too_large": N_("The archive is too large ({size} MB; {limit} MB at most)."),
    "not_zip": N_("This file is not a ZIP archive."),
    "too_many_entries": N_("The archive holds too many files ({limit} at most)."),
    "too_much_data": N_(
        "Unpacked, the archive would be too large ({size} MB; {limit} MB at most)."
    ),
    "unsafe_path": N_("The archive holds an unsafe path: {entry} (absolute, or going up with ..)."),
    "encrypted": N_("{entry} is encrypted: a Stratège archive never is."),
    "duplicate": N_("The archive holds {entry} twice."),
    "damaged": N_("The archive is damaged: {entry} cannot be read."),
    "no_manifest": N_(
        "The archive has no manifest.json: it is not a workspace exported by Stratège."
    ),
    "not_stratege": N_("manifest.json does not describe a workspace exported by Stratège."),
    "newer_format": N_(
        "The archive is in format {version} (written by Stratège {application}); this version "
        "reads format {known}: update Stratège to import it."
    ),
    "unexpected": N_("The archive holds a file Stratège does not expect: {entry}."),
    "missing": N_("The archive lacks {entry}."),
    "not_text": N_("{entry} is not UTF-8 text."),
    "bad_json": N_("{entry} is not valid JSON (line {line}, column {column})."),
    "bad_field": N_("{entry}, at {field}: {problem}."),
    "yaml_too_large": N_("{entry} is too large for a strategy (1 MB at most)."),
    "bad_strategy": N_("{entry} is not a strategy Stratège can read: {problems}"),
    "bad_pack": N_("{entry} is not a ZIP archive."),
    "bad_chart": N_("{entry} is not a chart as Stratège draws them: {problem}."),
    "no_workspace": N_("No workspace has the address {slug}."),
    "no_user": N_("No user is called {username}."),
    "file_exists": N_("{path} exists: choose another file name."),
}


class ArchiveRefused(Refusal):
    """Why a workspace archive cannot be imported (or exported): which file and why.

    ``problem`` is a message id with its values, ``problems`` a strategy's located
    problems: both are worded in the reader's language."""

    messages = MESSAGES

    def worded_values(self, lang: Lang) -> dict[str, object]:
        values = dict(self.values)
        problem = values.get("problem")
        if isinstance(problem, tuple):
            message, details = problem
            values["problem"] = translator(lang)(message, **details)
        problems = values.get("problems")
        if isinstance(problems, list):
            separator = " ; " if lang == "fr" else "; "  # French spaces its semicolons
            values["problems"] = separator.join(p.render(lang) for p in problems)
        return values


def unpack(data: bytes, limit: int) -> dict[str, bytes]:
    """Every entry's bytes, by name, once the ZIP passed the checks above."""
    if len(data) > limit:
        raise ArchiveRefused("too_large", size=megabytes(len(data)), limit=megabytes(limit))
    _check_directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ArchiveRefused("not_zip") from None
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ArchiveRefused("too_many_entries", limit=MAX_ENTRIES)
    unpacked = sum(i.file_size for i in infos)
    if unpacked > limit * UNPACKED_FACTOR:
        bound = megabytes(limit * UNPACKED_FACTOR)
        raise ArchiveRefused("too_much_data", size=megabytes(unpacked), limit=bound)
    for info in infos:
        _check_entry(info)
    for name, count in Counter(i.filename for i in infos).items():
        if count > 1:
            raise ArchiveRefused("duplicate", entry=name)
    return {info.filename: _read(archive, info) for info in infos}


def _check_directory(data: bytes) -> None:
    """The entry count and directory size the archive's end declares, checked before
    Python lists the entries (a forged directory would otherwise fill the memory)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        raise ArchiveRefused("not_zip")
    count = int.from_bytes(data[end + 10 : end + 12], "little")
    size = int.from_bytes(data[end + 12 : end + 16], "little")
    if count > MAX_ENTRIES or size > MAX_ENTRIES * DIRECTORY_RECORD:
        raise ArchiveRefused("too_many_entries", limit=MAX_ENTRIES)


def _check_entry(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0] or "\x00" in name:
        raise ArchiveRefused("unsafe_path", entry=name)
    if info.flag_bits & 0x1:
        raise ArchiveRefused("encrypted", entry=name)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes, never more than it declares (its checksum checked)."""
    try:
        with archive.open(info) as source:
            content = source.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise ArchiveRefused("damaged", entry=info.filename) from None
    if len(content) != info.file_size:
        raise ArchiveRefused("damaged", entry=info.filename)
    return content


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0")


def text(entries: Mapping[str, bytes], name: str) -> str:
    try:
        return entries[name].decode("utf-8")
    except UnicodeDecodeError:
        raise ArchiveRefused("not_text", entry=name) from None


NUL = N_("holds a NUL character, which no database stores")


def parse_json(entries: Mapping[str, bytes], name: str) -> Any:
    """An entry's JSON value (refused: not JSON, or a NUL in a string)."""
    try:
        value = json.loads(text(entries, name))
    except json.JSONDecodeError as error:
        raise ArchiveRefused(
            "bad_json", entry=name, line=error.lineno, column=error.colno
        ) from None
    where = _nul_at(value)
    if where is not None:
        raise ArchiveRefused("bad_field", entry=name, field=where, problem=(NUL, {}))
    return value


def _nul_at(value: Any, pointer: str = "") -> str | None:
    """The JSON pointer of a string (or key) holding NUL, else None."""
    if isinstance(value, str):
        return (pointer or "/") if "\x00" in value else None
    children: Iterable[tuple[object, Any]] = ()
    if isinstance(value, dict):
        children = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    for key, child in children:
        found = f"{pointer}/{key}" if "\x00" in str(key) else _nul_at(child, f"{pointer}/{key}")
        if found is not None:
            return found
    return None


def check_pack(entries: Mapping[str, bytes], name: str) -> bytes:
    pack = entries.get(name, b"")
    if pack and not zipfile.is_zipfile(io.BytesIO(pack)):
        raise ArchiveRefused("bad_pack", entry=name)
    return pack


SVG = "{http://www.w3.org/2000/svg}"
SVG_ELEMENTS = frozenset(
    {
        *("svg", "g", "defs", "style", "metadata", "title", "desc", "symbol", "use", "image"),
        *("path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan"),
        *("clipPath", "mask", "marker", "pattern", "linearGradient", "radialGradient", "stop"),
    }
)
METADATA = (  # what matplotlib writes in <metadata>: inert everywhere
    "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}",
    "{http://purl.org/dc/elements/1.1/}",
    "{http://purl.org/dc/terms/}",
    "{http://creativecommons.org/ns#}",
)
OWN_LINK = re.compile(r"^(#|data:image/(png|jpeg|gif|webp);base64,)")
OUTSIDE_URL = re.compile(r"url\(\s*['\"]?(?!#)")
NOT_SVG = N_("it is not SVG")
ENTITIES = N_("it declares entities")
ACTIVE = N_("it holds an element that could run code or load content ({element})")
EVENT = N_("it holds an event attribute ({attribute})")
OUTSIDE = N_("it links outside itself ({target})")


def check_chart(entries: Mapping[str, bytes], name: str) -> str:
    """A chart's SVG text, refused when it could run code or load anything."""
    svg = text(entries, name)
    if "<!ENTITY" in svg:
        raise ArchiveRefused("bad_chart", entry=name, problem=(ENTITIES, {}))
    try:
        root = ElementTree.fromstring(entries[name])
    except ElementTree.ParseError:
        raise ArchiveRefused("bad_chart", entry=name, problem=(NOT_SVG, {})) from None
    if root.tag != SVG + "svg":
        raise ArchiveRefused("bad_chart", entry=name, problem=(NOT_SVG, {}))
    for element in root.iter():
        problem = _svg_problem(element)
        if problem is not None:
            raise ArchiveRefused("bad_chart", entry=name, problem=problem)
    return svg


def _svg_problem(element: ElementTree.Element) -> tuple[str, dict[str, str]] | None:
    tag = str(element.tag)
    drawn = tag.startswith(SVG) and tag.removeprefix(SVG) in SVG_ELEMENTS
    if not (drawn or tag.startswith(METADATA)):
        return ACTIVE, {"element": tag.rpartition("}")[2]}
    if tag == SVG + "style" and _reaches_outside(element.text or ""):
        return OUTSIDE, {"target": "<style>"}
    for attribute, value in element.attrib.items():
        local = attribute.rpartition("}")[2].lower()
        if local.startswith("on"):
            return EVENT, {"attribute": local}
        if (local == "href" and not OWN_LINK.match(value.strip())) or _reaches_outside(value):
            return OUTSIDE, {"target": value[:60]}
    return None


def _reaches_outside(css: str) -> bool:
    """@import, or url(…) of anything but one of the chart's own elements."""
    lowered = css.lower()
    return "@import" in lowered or OUTSIDE_URL.search(lowered) is not None
