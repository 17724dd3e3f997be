"""A small XLSX writer: tables of typed cells to workbook bytes, fast and reproducible.

openpyxl builds an object per cell and stamps the workbook with the clock: 17 % of a whole
``stratege plan`` went into the workbook, and two exports of one plan never had the same
bytes. A plan's workbook needs little of SpreadsheetML — text, numbers, dates, a bold
frozen header, number formats, column widths — so this module writes those parts of the
format directly (ECMA-376; shared strings, one style per number format and weight) and
zips them with fixed dates (:mod:`stratege.archive`). The tests read its output
back with openpyxl, an independent reader.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, cast
from xml.sax.saxutils import quoteattr

from stratege.archive import zip_bytes

MAX_ROWS = 1_048_576  # Excel's limits per sheet
MAX_COLUMNS = 16_384
MAX_TEXT = 32_767  # characters in one cell
MIN_WIDTH, MAX_WIDTH = 8, 60
EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's (1900) date system
DATE_WIDTH = 10


class Cell(NamedTuple):
    """A value with its own number format or weight, where the column's does not fit.

    ``sized``: whether the column is made wide enough for it; a note under a table spills
    over the empty cells on its right instead of widening the first column.
    """

    value: object
    number_format: str | None = None
    bold: bool = False
    sized: bool = True


@dataclass
class Sheet:
    """One table: a header row, then rows of str, int, float, date, time, Cell or None."""

    title: str
    header: Sequence[object]
    rows: Sequence[Sequence[object]]
    formats: Mapping[int, str] = field(default_factory=dict)  # column → number format
    header_format: str | None = None  # for header cells that are dates
    frozen_columns: int = 0  # kept in view when scrolling right (the header row always is)


def workbook_bytes(
    sheets: Sequence[Sheet],
    moment: dt.datetime,
    creator: str,
    text: Callable[[str], str] = str,
) -> bytes:
    """The sheets as an .xlsx file whose every date (document properties, archive
    entries) is ``moment``, so the same sheets always give the same bytes.

    ``text`` is applied to every text cell (once per distinct text): the caller's policy,
    such as making text formula-safe.
    """
    styles, strings = _Styles(), _Strings(text)
    parts = {f"xl/worksheets/sheet{n}.xml": _sheet(s, n == 1, styles, strings)
             for n, s in enumerate(sheets, start=1)}  # fmt: skip
    files = {
        "[Content_Types].xml": _content_types(len(sheets)),
        "_rels/.rels": ROOT_RELS.encode(),
        "docProps/app.xml": APP.encode(),
        "docProps/core.xml": _core(creator, moment),
        "xl/workbook.xml": _workbook(sheets),
        "xl/_rels/workbook.xml.rels": _workbook_rels(len(sheets)),
        "xl/styles.xml": styles.xml(),
        "xl/sharedStrings.xml": strings.xml(),
        **parts,
    }
    # Level 3 deflates a 2 MB calendar sheet twice as fast as the default 6, 14 % larger.
    return zip_bytes(files, moment, sort=False, level=3)


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA'…"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- cells ----------------------------------------------------------------------------------

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not XML 1.0
_ESCAPED_LOOKALIKE = re.compile("_(x[0-9A-Fa-f]{4}_)")  # Excel reads _x0041_ as 'A'
_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


class _Strings:
    """The shared-string table: each distinct text stored once (a calendar repeats its
    platform, format and people names thousands of times)."""

    def __init__(self, shown: Callable[[str], str]) -> None:
        self.shown = shown
        self.index: dict[str, int] = {}  # text as given → its entry
        self.texts: list[str] = []  # entries, as stored
        self.count = 0

    def __call__(self, text: str) -> int:
        self.count += 1
        found = self.index.get(text)
        if found is None:
            found = self.index[text] = len(self.texts)
            self.texts.append(self.shown(text))
        return found

    def xml(self) -> bytes:
        items = "".join(_string_item(text) for text in self.texts)
        head = f'<sst xmlns="{MAIN}" count="{self.count}" uniqueCount="{len(self.texts)}">'
        return (XML_DECLARATION + head + items + "</sst>").encode("utf-8")


def _string_item(text: str) -> str:
    text = _ILLEGAL.sub("", text[:MAX_TEXT])
    if "_x" in text:
        text = _ESCAPED_LOOKALIKE.sub(r"_x005F_\1", text)
    preserve = text != text.strip() or "\n" in text
    space = ' xml:space="preserve"' if preserve else ""
    return f"<si><t{space}>{text.translate(_XML)}</t></si>"


class _Styles:
    """Cell formats: one per (number format, bold) pair actually used, index 0 plain."""

    def __init__(self) -> None:
        self.formats: dict[str, int] = {}  # custom number formats get ids from 164
        self.styles: dict[tuple[str | None, bool], int] = {(None, False): 0}

    def __call__(self, number_format: str | None, bold: bool) -> int:
        key = (number_format, bold)
        found = self.styles.get(key)
        if found is None:
            if number_format is not None and number_format not in self.formats:
                self.formats[number_format] = 164 + len(self.formats)
            found = self.styles[key] = len(self.styles)
        return found

    def xml(self) -> bytes:
        formats = "".join(
            f'<numFmt numFmtId="{n}" formatCode={quoteattr(code)}/>'
            for code, n in self.formats.items()
        )
        xfs = []
        for number_format, bold in self.styles:
            n = self.formats[number_format] if number_format else 0
            applied = (' applyNumberFormat="1"' if n else "") + (' applyFont="1"' if bold else "")
            xfs.append(
                f'<xf numFmtId="{n}" fontId="{int(bold)}" fillId="0" borderId="0" xfId="0"'
                f"{applied}/>"
            )
        return (
            XML_DECLARATION
            + f'<styleSheet xmlns="{MAIN}">'
            + (f'<numFmts count="{len(self.formats)}">{formats}</numFmts>' if formats else "")
            + FONTS_FILLS_BORDERS
            + f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            + "</cellStyles></styleSheet>"
        ).encode("utf-8")


def _sheet(sheet: Sheet, first: bool, styles: _Styles, strings: _Strings) -> bytes:
    width = max([1, len(sheet.header), *(len(row) for row in sheet.rows)])
    if width > MAX_COLUMNS or len(sheet.rows) + 1 > MAX_ROWS:
        raise ValueError(f"sheet {sheet.title!r} is larger than Excel allows")
    letters = [column_letter(i) for i in range(width)]
    longest = [0] * width
    bold = styles(None, True)
    header_styles = [
        styles(sheet.header_format, True)
        if sheet.header_format and isinstance(v, dt.date)
        else bold
        for v in sheet.header
    ]
    body_styles = [styles(sheet.formats.get(c), False) for c in range(width)]
    rows = [_row(1, sheet.header, header_styles, letters, longest, sheet, styles, strings)]
    for number, row in enumerate(sheet.rows, start=2):
        rows.append(_row(number, row, body_styles, letters, longest, sheet, styles, strings))
    last = f"{letters[width - 1]}{len(sheet.rows) + 1}"
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{min(max(n + 2, MIN_WIDTH), MAX_WIDTH)}"'
        ' customWidth="1"/>'
        for i, n in enumerate(longest, start=1)
    )
    return (
        XML_DECLARATION
        + f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        + f'<dimension ref="A1:{last}"/>'
        + _view(sheet.frozen_columns, letters, first)
        + '<sheetFormatPr defaultRowHeight="15"/>'
        + f"<cols>{cols}</cols>"
        + f"<sheetData>{''.join(rows)}</sheetData>"
        + "</worksheet>"
    ).encode("utf-8")


def _row(
    number: int,
    values: Sequence[object],
    column_styles: list[int],
    letters: list[str],
    longest: list[int],
    sheet: Sheet,
    styles: _Styles,
    strings: _Strings,
) -> str:
    """One row's XML; ``longest`` keeps each column's widest shown value (for its width).
    Written for speed: a calendar sheet has tens of thousands of cells."""
    cells = []
    suffix = str(number)
    for column, value in enumerate(values):
        if value is None:
            continue
        style = column_styles[column]
        kind = type(value)
        sized = True
        if kind is Cell:
            cell = cast(Cell, value)
            style = styles(cell.number_format or sheet.formats.get(column), cell.bold)
            value, sized = cell.value, cell.sized
            kind = type(value)
        if kind is str:
            if not value:
                continue
            text: str = value  # type: ignore[assignment]
            shown = max(map(len, text.split("\n"))) if "\n" in text else len(text)
            xml = f"<v>{strings(text)}</v>"
            kind_attribute = ' t="s"'
        elif kind is int or kind is float:
            if not math.isfinite(value):  # type: ignore[arg-type]
                continue
            shown = len(f"{value:,.2f}") if kind is float else len(f"{value:,}")
            xml, kind_attribute = f"<v>{value!r}</v>", ""
        elif kind is dt.date:
            shown, kind_attribute = DATE_WIDTH, ""
            xml = f"<v>{(value - EPOCH).days}</v>"  # type: ignore[operator]
        elif kind is dt.time:
            shown, kind_attribute = 5, ""
            xml = f"<v>{_day_fraction(value)!r}</v>"  # type: ignore[arg-type]
        elif kind is dt.datetime:
            moment: dt.datetime = value  # type: ignore[assignment]
            serial = (moment.date() - EPOCH).days + _day_fraction(moment.time())
            shown, kind_attribute, xml = DATE_WIDTH, "", f"<v>{serial!r}</v>"
        elif kind is bool:
            shown, kind_attribute, xml = 5, ' t="b"', f"<v>{int(value)}</v>"  # type: ignore[call-overload]
        else:
            text = str(value)
            if not text:
                continue
            shown, kind_attribute, xml = len(text), ' t="s"', f"<v>{strings(text)}</v>"
        if shown > longest[column] and sized:
            longest[column] = shown
        s = f' s="{style}"' if style else ""
        cells.append(f'<c r="{letters[column]}{suffix}"{s}{kind_attribute}>{xml}</c>')
    return f'<row r="{suffix}">{"".join(cells)}</row>' if cells else ""


def _day_fraction(moment: dt.time) -> float:
    return (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400


def _view(frozen_columns: int, letters: list[str], first: bool) -> str:
    """The header row (and the first ``frozen_columns``) stay in view when scrolling."""
    corner = f"{letters[frozen_columns] if frozen_columns < len(letters) else 'A'}2"
    pane = "bottomRight" if frozen_columns else "bottomLeft"
    split = f' xSplit="{frozen_columns}"' if frozen_columns else ""
    selected = ' tabSelected="1"' if first else ""
    return (
        f'<sheetViews><sheetView{selected} workbookViewId="0">'
        f'<pane{split} ySplit="1" topLeftCell="{corner}" activePane="{pane}" state="frozen"/>'
        f'<selection pane="{pane}" activeCell="{corner}" sqref="{corner}"/>'
        "</sheetView></sheetViews>"
    )


# --- the package's fixed parts -----------------------------------------------------------------

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument"

ROOT_RELS = (
    XML_DECLARATION
    + f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    + f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    + f'<Relationship Id="rId2" Type="{PACKAGE_RELATIONSHIPS}/metadata/core-properties"'
    + ' Target="docProps/core.xml"/>'
    + f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/extended-properties"'
    + ' Target="docProps/app.xml"/>'
    + "</Relationships>"
)
APP = (
    XML_DECLARATION
    + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    + "<Application>Stratège</Application></Properties>"
)
FONTS_FILLS_BORDERS = (
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
)


def _content_types(sheets: int) -> bytes:
    overrides = [
        ("/xl/workbook.xml", f"{OFFICE}.spreadsheetml.sheet.main+xml"),
        ("/xl/styles.xml", f"{OFFICE}.spreadsheetml.styles+xml"),
        ("/xl/sharedStrings.xml", f"{OFFICE}.spreadsheetml.sharedStrings+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", f"{OFFICE}.extended-properties+xml"),
    ]
    overrides += [
        (f"/xl/worksheets/sheet{n}.xml", f"{OFFICE}.spreadsheetml.worksheet+xml")
        for n in range(1, sheets + 1)
    ]
    return (
        XML_DECLARATION
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels"'
        + ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    ).encode("utf-8")


def _core(creator: str, moment: dt.datetime) -> bytes:
    stamp = f"{moment:%Y-%m-%dT%H:%M:%S}Z"
    name = _ILLEGAL.sub("", creator).translate(_XML)
    return (
        XML_DECLARATION
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        + 'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        + ' xmlns:dcterms="http://purl.org/dc/terms/"'
        + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + f"<dc:creator>{name}</dc:creator>"
        + f"<cp:lastModifiedBy>{name}</cp:lastModifiedBy>"
        + f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        + "</cp:coreProperties>"
    ).encode("utf-8")


def sheet_name(title: str) -> str:
    """``title`` as Excel accepts a sheet name: 31 characters at most, none of []:*?/\\,
    no apostrophe at either end, never empty."""
    name = _FORBIDDEN_IN_NAMES.sub("-", _ILLEGAL.sub("", title))[:31].strip("'")
    return name or "-"


_FORBIDDEN_IN_NAMES = re.compile(r"[\[\]:*?/\\]")


def _workbook(sheets: Sequence[Sheet]) -> bytes:
    entries = "".join(
        f'<sheet name={quoteattr(sheet_name(s.title))} sheetId="{n}" r:id="rId{n}"/>'
        for n, s in enumerate(sheets, start=1)
    )
    return (
        XML_DECLARATION
        + f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        + '<bookViews><workbookView activeTab="0"/></bookViews>'
        + f"<sheets>{entries}</sheets></workbook>"
    ).encode("utf-8")


def _workbook_rels(sheets: int) -> bytes:
    links = [(f"rId{n}", "worksheet", f"worksheets/sheet{n}.xml") for n in range(1, sheets + 1)]
    links += [
        (f"rId{sheets + 1}", "styles", "styles.xml"),
        (f"rId{sheets + 2}", "sharedStrings", "sharedStrings.xml"),
    ]
    return (
        XML_DECLARATION
        + f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        + "".join(
            f'<Relationship Id="{i}" Type="{RELATIONSHIPS}/{kind}" Target="{target}"/>'
            for i, kind, target in links
        )
        + "</Relationships>"
    ).encode("utf-8")
