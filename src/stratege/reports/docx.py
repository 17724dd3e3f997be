"""The strategy document as an editable Word file (python-docx).

Real Word styles throughout, so the file behaves like one written by hand: Title and
Subtitle on the cover, "Heading 1"/"Heading 2" for sections (navigation pane, outline,
table of contents), a TOC field, captions in the "Caption" style numbered by SEQ fields,
tables in a built-in table style with a repeating header row, bullets in "List Bullet".
Fields carry a cached result, and the file asks Word to refresh them when it is opened;
LibreOffice shows the cached result.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from stratege.i18n.catalogue import translator
from stratege.reports.document import (
    Bullets,
    Cell,
    Code,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
    cell_text,
)

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)  # A4 portrait
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Mm(20), Mm(25), Mm(20)
TEXT_WIDTH = Emu(PAGE_WIDTH - 2 * MARGIN_SIDE)
# A chart never takes more than this share of the text height, so its caption fits below it.
MAX_FIGURE_HEIGHT = Emu(int((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) * 0.6))
TABLE_STYLE = "Light Grid Accent 1"
CODE_FONT = "Consolas"  # metric ids and formulas: what the reader types as is
WIDE_TABLE = 7  # columns; wider tables get a smaller font
CELL_MARGIN = Mm(1.2)  # left and right, inside each table cell
CHAR_EM = 0.62  # average character width in ems, for sizing table columns
# Where a line of cell text may break: spaces, tabs, line breaks, after a hyphen or slash
# (not at the no-break spaces of French numbers).
_BREAKS = re.compile(r"[ \t\r\n]+|(?<=[-/])")
LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}
# Marks where a field goes inside a translated sentence ("Tableau {number}"), so the
# translation decides the word order and the number stays a live Word field.
_SLOT = "\x00{}\x00"

Gettext = Callable[..., str]


def render_docx(document: Document) -> bytes:
    """``document`` as the bytes of a .docx file: the same document gives the same bytes
    (its date stands for every date in the file)."""
    _ = translator(document.lang)  # type: ignore[arg-type]
    word = docx.Document()
    _setup_page(word)
    _setup_language(word, document)
    _footer(word, _)

    word.add_paragraph(document.title, style="Title")
    if document.subtitle:
        word.add_paragraph(document.subtitle, style="Subtitle")
    for label, value in document.meta:
        paragraph = word.add_paragraph()
        _add_text_with_fields(
            paragraph,
            _("{label}: {text}", label=_SLOT.format(0), text=value),
            {0: ("", label)},
            bold_fields=True,
        )

    heading = word.add_paragraph(_("Contents"), style="TOC Heading")
    heading.paragraph_format.page_break_before = True
    _add_field(
        word.add_paragraph(),
        r'TOC \o "1-2" \h \z \u',
        _("Right-click to update the table of contents."),
    )

    counters = {"table": 0, "figure": 0}
    for section in document.sections:
        _section(word, section, 1, counters, _)
        for subsection in section.subsections:
            _section(word, subsection, 2, counters, _)

    return reproducible_zip(_saved(word), document.day)


def _saved(word: WordDocument) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def reproducible_zip(package: bytes, day: dt.date) -> bytes:
    """The same zip with every member dated ``day``: python-docx stamps the current time."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()


# --- page, language, footer -----------------------------------------------------------------


def _setup_page(word: WordDocument) -> None:
    for section in word.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN_SIDE
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        section.header_distance = section.footer_distance = Mm(10)


def _setup_language(word: WordDocument, document: Document) -> None:
    """Core properties, and the proofing language of every run (spelling, hyphenation)."""
    tag = LANGUAGE_TAGS.get(document.lang, document.lang)
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.subtitle
    properties.language = tag
    properties.author = properties.last_modified_by = "Stratège"
    properties.comments = properties.keywords = ""
    moment = dt.datetime.combine(document.day, dt.time())
    properties.created = properties.modified = moment
    properties.revision = 1

    run_defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = run_defaults.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)

    settings = word.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)
    # Ask Word to refresh the fields (TOC, captions, page count) when the file is opened.
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    compat = settings.find(qn("w:compat"))
    if compat is not None:  # schema order: updateFields comes right before compat
        compat.addprevious(update)
    else:
        settings.append(update)


def _footer(word: WordDocument, _: Gettext) -> None:
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    text = _("Page {page} of {pages}", page=_SLOT.format(0), pages=_SLOT.format(1))
    _add_text_with_fields(paragraph, text, {0: ("PAGE", "1"), 1: ("NUMPAGES", "1")})


# --- sections and blocks --------------------------------------------------------------------


def _section(
    word: WordDocument, section: Section, level: int, counters: dict[str, int], _: Gettext
) -> None:
    heading = word.add_heading(section.title, level=level)
    if level == 1:
        heading.paragraph_format.page_break_before = True
    for block in section.blocks:
        if isinstance(block, Paragraph):
            paragraph = word.add_paragraph()
            run = paragraph.add_run(block.text)
            if block.emphasis:
                run.bold = True
        elif isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            counters["table"] += 1
            _caption(
                word,
                "Table",
                _("Table {number}", number=_SLOT.format(0)),
                counters["table"],
                block.caption,
                _,
            ).paragraph_format.keep_with_next = True
            _table(word, block)
        elif isinstance(block, Figure):
            counters["figure"] += 1
            _figure(word, block, _)
            _caption(
                word,
                "Figure",
                _("Figure {number}", number=_SLOT.format(0)),
                counters["figure"],
                block.caption,
                _,
            )
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(f"unknown block {block!r}")


def _caption(
    word: WordDocument, sequence: str, label: str, number: int, text: str, _: Gettext
) -> DocxParagraph:
    """A caption in the Caption style ("Tableau 1 : …"), its number a SEQ field that Word
    renumbers when tables or figures are added, moved or removed."""
    paragraph = word.add_paragraph(style="Caption")
    sentence = _("{label}: {text}", label=label, text=text) if text else label
    _add_text_with_fields(paragraph, sentence, {0: (f"SEQ {sequence} \\* ARABIC", str(number))})
    return paragraph


def _table(word: WordDocument, block: Table) -> DocxTable:
    columns = max(len(block.header), *(len(row) for row in block.rows), 1)
    numeric = [i < len(block.numeric) and block.numeric[i] for i in range(columns)]
    grid: list[list[Cell]] = [list(block.header), *block.rows]
    size = Pt(8) if columns > WIDE_TABLE else Pt(9)
    widths = _column_widths(grid, columns, size)
    table = _empty_table(word, len(grid), widths)
    for r, (tr, values) in enumerate(zip(table._tbl.tr_lst, grid, strict=True)):
        _row_properties(tr, header=r == 0)
        for c, tc in enumerate(tr.tc_lst):
            value = values[c] if c < len(values) else ""
            _fill(_Cell(tc, table), value, widths[c], size, bold=r == 0, right=numeric[c])
    # A little air between the table and what follows it.
    word.add_paragraph().paragraph_format.space_after = 0
    return table


def _empty_table(word: WordDocument, rows: int, widths: list[Emu]) -> DocxTable:
    table = word.add_table(rows=rows, cols=len(widths))
    table.style = word.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_margins(table)
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:  # style the header row, not the first column, and band rows
        look.set(qn("w:val"), "0420")
        look.set(qn("w:firstColumn"), "0")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    return table


def _row_properties(tr, header: bool) -> None:  # type: ignore[no-untyped-def]
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))  # a row is never cut across two pages
    if header:  # repeated at the top of every page the table runs onto
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)


def _fill(cell: _Cell, value: Cell, width: Emu, size: Pt, bold: bool, right: bool) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(cell_text(value))
    run.font.size = size
    if isinstance(value, Code):
        run.font.name = CODE_FONT
    if bold:
        run.bold = True
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.space_after = 0


def _column_widths(cells: list[list[Cell]], columns: int, size: Pt) -> list[Emu]:
    """Share the text width by what each column holds.

    Every column first gets room for its longest unbreakable piece (a number with its
    no-break spaces, a word; capped), so nothing is broken letter by letter; the rest of
    the width goes to the columns with the longest texts.
    """
    grid = [[cell_text(cell) for cell in row] for row in cells]
    char = size * CHAR_EM  # a generous average character width
    padding = 2 * CELL_MARGIN + Pt(1)
    floors, weights = [], []
    for c in range(columns):
        texts = [row[c] for row in grid if c < len(row)]
        line = max((len(part) for text in texts for part in text.splitlines()), default=0)
        pieces = [len(part) for text in texts for part in _BREAKS.split(text)]
        if c < len(grid[0]):  # the header is bold, so wider
            pieces += [int(len(part) * 1.15 + 0.5) for part in _BREAKS.split(grid[0][c])]
        piece = max(pieces, default=0)
        floors.append(min(piece, 20) * char + padding)
        weights.append(max(min(line, 30), 3))
    spare = TEXT_WIDTH - sum(floors)
    if spare <= 0:  # too many columns to give each its longest piece: shrink them alike
        return [Emu(int(TEXT_WIDTH * floor / sum(floors))) for floor in floors]
    total = sum(weights)
    return [
        Emu(int(floor + spare * weight / total))
        for floor, weight in zip(floors, weights, strict=True)
    ]


def _cell_margins(table: DocxTable) -> None:
    """Narrow left/right cell margins: more room for the text of many-column tables."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN.twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:  # schema order: tblCellMar comes right before tblLook
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def _figure(word: WordDocument, block: Figure, _: Gettext) -> None:
    image = Image.from_blob(block.png)
    width = TEXT_WIDTH
    if image.px_width and image.px_height:
        height = width * image.px_height / image.px_width
        if height > MAX_FIGURE_HEIGHT:
            width = Emu(int(MAX_FIGURE_HEIGHT * image.px_width / image.px_height))
    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True  # the picture stays with its caption
    inline = paragraph.add_run().add_picture(io.BytesIO(block.png), width=Emu(int(width)))
    doc_pr = inline._inline.docPr
    doc_pr.set("descr", block.alt or _("Chart"))  # alternative text for screen readers
    doc_pr.set("title", block.caption or _("Chart"))


# --- fields ---------------------------------------------------------------------------------


def _add_field(paragraph: DocxParagraph, instruction: str, result: str, bold: bool = False) -> None:
    """A complex field: begin, instruction, separate, cached result, end."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    run = paragraph.add_run(result)
    if bold:
        run.bold = True
    char("end")


def _add_text_with_fields(
    paragraph: DocxParagraph,
    text: str,
    fields: dict[int, tuple[str, str]],
    bold_fields: bool = False,
) -> None:
    """Write ``text``, replacing each slot by its field (instruction, result).

    An empty instruction writes the result as plain text (bold if ``bold_fields``).
    """
    parts = text.split("\x00")
    for index, part in enumerate(parts):
        if index % 2 == 0:
            if part:
                paragraph.add_run(part)
            continue
        instruction, result = fields[int(part)]
        if instruction:
            _add_field(paragraph, instruction, result, bold=bold_fields)
        else:
            run = paragraph.add_run(result)
            if bold_fields:
                run.bold = True
