"""From a file's bytes to rows of text: containers, encodings, delimiters, preambles.

Every export ends up as a UTF-8 CSV file that DuckDB reads (the original file when it
already is one, so a million-row export is never held in Python), plus its first rows parsed
here so that the format can be recognised from its headers. Workbooks (XLSX, XLS) and ZIP
archives are small: their cells are written out as CSV.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HEAD_BYTES = 1 << 20  # enough to hold a header and the first rows of any export
HEAD_ROWS = 30
DELIMITERS = ",;\t|"
MAX_FILE_BYTES = 2 << 30


class UnreadableFile(ValueError):
    """The file is not a CSV, a workbook or a ZIP of CSV files that can be decoded."""

    def __init__(self, reason: str, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(reason)


@dataclass
class Sheet:
    """One table of a file: a CSV, a workbook sheet or an archive member."""

    label: str  # the file name, plus ":sheet" or "!member" where there are several
    head: list[list[str]]  # the first rows, for recognising the format
    encoding: str = "utf-8"
    delimiter: str = ","
    # where the rows come from: a CSV file on disk (read by DuckDB from ``line`` on)…
    path: Path | None = None
    # …or cells already read (workbooks, archive members), written out once recognised
    cells: list[list[object]] = field(default_factory=list)

    def data_lines_after(self, header_index: int) -> int:
        """Physical lines of the CSV file before the first row after ``header_index``."""
        assert self.path is not None
        text = _decoded_head(self.path, self.encoding)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        try:
            for index, _row in enumerate(reader):
                if index == header_index:
                    return reader.line_num
        except csv.Error as error:
            raise UnreadableFile("bad_csv", detail=str(error)[:200]) from error
        raise UnreadableFile("header_not_found")


def read_sheets(path: Path) -> list[Sheet]:
    """The tables of the file at ``path``, whatever its container."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnreadableFile("too_large", size=size, limit=MAX_FILE_BYTES)
    with path.open("rb") as handle:
        start = handle.read(8)
    if start.startswith(b"PK\x03\x04"):
        return _zip_sheets(path)
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        return _xls_sheets(path)
    return [_csv_sheet(path)]


def _csv_sheet(path: Path) -> Sheet:
    encoding = sniff_encoding(path)
    text = _decoded_head(path, encoding)
    if "\x00" in text:
        raise UnreadableFile("binary")
    delimiter = sniff_delimiter(text)
    rows = list(_head_rows(text, delimiter))
    return Sheet(path.name, rows, encoding=encoding, delimiter=delimiter, path=path)


def sniff_encoding(path: Path) -> str:
    """utf-8 (with or without BOM), utf-16 (BOM or a NUL every other byte) or cp1252."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return "utf-16-le"
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return "utf-16-be"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=len(head) < HEAD_BYTES)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _decoded_head(path: Path, encoding: str) -> str:
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return str(decoder.decode(head, final=False))


def sniff_delimiter(text: str) -> str:
    """Excel's ``sep=`` line when there is one; otherwise the delimiter that splits the first
    lines into the same, largest number of fields."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) >= 5:
        return first[4]
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if not counts or max(counts) < 2:
            continue
        score = max(counts) * 10 + sum(1 for c in counts if c == max(counts))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _head_rows(text: str, delimiter: str) -> Iterator[list[str]]:
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for index, row in enumerate(reader):
            if index >= HEAD_ROWS:
                return
            yield row
    except csv.Error:
        return


def _zip_sheets(path: Path) -> list[Sheet]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise UnreadableFile("bad_archive") from error
    names = archive.namelist()
    if "xl/workbook.xml" in names:
        return _xlsx_sheets(path)
    sheets = []
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".csv"):
                continue
            if info.file_size > MAX_FILE_BYTES:
                raise UnreadableFile("too_large", size=info.file_size, limit=MAX_FILE_BYTES)
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as error:
                raise UnreadableFile("bad_archive") from error  # damaged, encrypted, exotic
            sheets.append(_csv_member(f"{path.name}!{info.filename}", data))
    if not sheets:
        raise UnreadableFile("empty_archive")
    return sheets


def _csv_member(label: str, data: bytes) -> Sheet:
    for encoding, bom in (("utf-8-sig", codecs.BOM_UTF8), ("utf-16", codecs.BOM_UTF16_LE)):
        if data.startswith(bom) or (encoding == "utf-16" and data.startswith(codecs.BOM_UTF16_BE)):
            text = data.decode(encoding, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        rows = [list(r) for r in reader]
    except csv.Error as error:
        raise UnreadableFile("bad_csv", detail=f"{label}: {error}"[:200]) from error
    cells: list[list[object]] = [list(r) for r in rows]
    return Sheet(label, rows[:HEAD_ROWS], delimiter=delimiter, cells=cells)


def _xlsx_sheets(path: Path) -> list[Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise UnreadableFile("bad_workbook", detail=str(error)[:200]) from error
    sheets = []
    try:
        for sheet in book.worksheets:
            cells = [list(row) for row in sheet.iter_rows(values_only=True)]
            sheets.append(_cell_sheet(f"{path.name}:{sheet.title}", cells))
    except Exception as error:  # a damaged sheet only shows when it is read
        raise UnreadableFile("bad_workbook", detail=str(error)[:200]) from error
    finally:
        book.close()
    return sheets


def _xls_sheets(path: Path) -> list[Sheet]:
    try:
        import xlrd
    except ImportError as error:  # pragma: no cover - xlrd is a dependency
        raise UnreadableFile("xls_unsupported") from error
    try:
        book = xlrd.open_workbook(str(path))
    except Exception as error:
        raise UnreadableFile("bad_workbook", detail=str(error)[:200]) from error
    sheets = []
    for sheet in book.sheets():
        cells: list[list[object]] = []
        for r in range(sheet.nrows):
            row: list[object] = []
            for cell in sheet.row(r):
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        row.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                    except (ValueError, OverflowError):  # xlrd's XLDateError is a ValueError
                        row.append(cell.value)  # not a date after all: reported as a bad cell
                else:
                    row.append(cell.value)
            cells.append(row)
        sheets.append(_cell_sheet(f"{path.name}:{sheet.name}", cells))
    return sheets


def _cell_sheet(label: str, cells: list[list[object]]) -> Sheet:
    head = [[cell_text(c, ".") for c in row] for row in cells[:HEAD_ROWS]]
    return Sheet(label, head, cells=cells)


def cell_text(value: object, decimal: str) -> str:
    """A workbook cell as the text an export of that language would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", decimal) if decimal != "." else text
    return str(value)


def write_rows_csv(rows: Sequence[Sequence[object]], target: Path, decimal: str) -> None:
    """Cells already read, written as the UTF-8 CSV DuckDB reads (numbers in the file's own
    decimal convention, so that one parser reads both kinds of source)."""
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow([cell_text(c, decimal) for c in row])


def transcode_to_utf8(source: Path, encoding: str, target: Path) -> None:
    """A UTF-16 or cp1252 export re-encoded in chunks (never whole in memory)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    with source.open("rb") as inp, target.open("w", encoding="utf-8", newline="") as out:
        first = True
        while chunk := inp.read(HEAD_BYTES):
            text = decoder.decode(chunk)
            if first:
                text, first = text.lstrip("\ufeff"), False
            out.write(text)
        out.write(decoder.decode(b"", final=True))
