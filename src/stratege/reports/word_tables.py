"""Tables of the Word document, written as WordprocessingML in one piece.

Building a table cell by cell through python-docx's objects costs about half a
millisecond a cell (a property, a lookup of where each element goes); the document's big
tables (a year of weeks, the calendar, the RACI matrix) have over a thousand cells. The
XML is the same as python-docx would write: a built-in table style, a repeated header row,
rows never split across pages, numbers right-aligned, code in a monospace font.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Mm, Pt

from stratege.reports.document import Cell, Code, Table, cell_text
from stratege.reports.word_setup import TEXT_WIDTH

WIDE_TABLE = 7  # columns; wider tables get a smaller font
CELL_MARGIN = Mm(1.2)  # left and right, inside each table cell
CHAR_EM = 0.62  # average character width in ems, for sizing table columns
CODE_FONT = "Consolas"  # metric ids and formulas: what the reader types as is
# Where a line of cell text may break: spaces, tabs, line breaks, after a hyphen or slash
# (not at the no-break spaces of French numbers).
_BREAKS = re.compile(r"[ \t\r\n]+|(?<=[-/])")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # no XML can hold them
_LINE_PARTS = re.compile(r"(\r\n|\n|\r|\t)")


def table_element(block: Table, style_id: str) -> BaseOxmlElement:
    """The ``<w:tbl>`` of ``block`` in the table style ``style_id``."""
    grid: list[Sequence[Cell]] = [block.header, *block.rows]
    columns = max(len(row) for row in grid) or 1
    numeric = [i < len(block.numeric) and block.numeric[i] for i in range(columns)]
    size = Pt(8) if columns > WIDE_TABLE else Pt(9)
    widths = [Emu(w).twips for w in column_widths(grid, columns, size)]
    rows = [
        _row(values, widths, numeric, int(size.pt * 2), header=index == 0)
        for index, values in enumerate(grid)
    ]
    return parse_xml(
        f"<w:tbl {nsdecls('w')}>{_properties(style_id, widths)}{''.join(rows)}</w:tbl>"
    )


def _properties(style_id: str, widths: list[int]) -> str:
    """Style, centred, narrow cell margins; the look styles the header row and bands rows,
    not the first column."""
    margin = f'w:w="{CELL_MARGIN.twips}" w:type="dxa"'
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tblPr><w:tblStyle w:val="{escape(style_id)}"/><w:tblW w:type="auto" w:w="0"/>'
        f'<w:jc w:val="center"/><w:tblCellMar><w:left {margin}/><w:right {margin}/>'
        '</w:tblCellMar><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    )


def _row(
    values: Sequence[Cell], widths: list[int], numeric: list[bool], size: int, header: bool
) -> str:
    """A row never cut across two pages; the header repeated on every page."""
    repeat = '<w:tblHeader w:val="true"/>' if header else ""
    cells = "".join(
        _cell(values[c] if c < len(values) else "", width, numeric[c], size, header)
        for c, width in enumerate(widths)
    )
    return f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>{cells}</w:tr>"


def _cell(value: Cell, width: int, right: bool, size: int, bold: bool) -> str:
    align = '<w:jc w:val="right"/>' if right else ""
    fonts = (
        f'<w:rFonts w:ascii="{CODE_FONT}" w:hAnsi="{CODE_FONT}"/>'
        if isinstance(value, Code)
        else ""
    )
    style = f'{fonts}{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/>'
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:after="0"/>{align}</w:pPr>'
        f"<w:r><w:rPr>{style}</w:rPr>{run_text(cell_text(value))}</w:r></w:p></w:tc>"
    )


def run_text(text: str) -> str:
    """The content of a run, as python-docx writes it: line breaks and tabs as elements."""
    parts = []
    for part in _LINE_PARTS.split(_NOT_XML.sub("", text)):
        if part in ("\r\n", "\n", "\r"):
            parts.append("<w:br/>")
        elif part == "\t":
            parts.append("<w:tab/>")
        elif part:
            parts.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return "".join(parts)


def column_widths(cells: Sequence[Sequence[Cell]], columns: int, size: Pt) -> list[Emu]:
    """Share the text width by what each column holds.

    Every column first gets room for its longest unbreakable piece (a number with its
    no-break spaces, a word; capped), so nothing is broken letter by letter; the rest of
    the width goes to the columns with the longest texts.
    """
    grid = [[cell_text(cell) for cell in row] for row in cells]
    floors, weights = zip(*(_room(grid, c, size) for c in range(columns)), strict=True)
    least, weight_total = sum(floors), sum(weights)
    spare = TEXT_WIDTH - least
    if spare <= 0:  # too many columns to give each its longest piece: shrink them alike
        return [Emu(int(TEXT_WIDTH * floor / least)) for floor in floors]
    return [
        Emu(int(floor + spare * weight / weight_total))
        for floor, weight in zip(floors, weights, strict=True)
    ]


def _room(grid: list[list[str]], column: int, size: Pt) -> tuple[float, int]:
    """A column's least width (its longest unbreakable piece) and its share of the rest."""
    texts = [row[column] for row in grid if column < len(row)]
    line = max((len(part) for text in texts for part in text.splitlines()), default=0)
    pieces = [len(part) for text in texts for part in _BREAKS.split(text)]
    if column < len(grid[0]):  # the header is bold, so wider
        pieces += [int(len(part) * 1.15 + 0.5) for part in _BREAKS.split(grid[0][column])]
    floor = min(max(pieces, default=0), 20) * size * CHAR_EM + 2 * CELL_MARGIN + Pt(1)
    return floor, max(min(line, 30), 3)
