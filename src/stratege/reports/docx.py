"""The strategy document as an editable Word file (python-docx), as bytes.

Real Word styles throughout, so the file behaves like one written by hand: Title and
Subtitle on the cover, "Heading 1"/"Heading 2" for sections (navigation pane, outline,
table of contents), a TOC field, captions in the "Caption" style numbered by SEQ fields,
tables in a built-in table style with a repeating header row, bullets in "List Bullet".
Fields carry a cached result, and the file asks Word to refresh them when it is opened;
LibreOffice shows the cached result.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image
from docx.shared import Emu
from docx.text.paragraph import Paragraph as DocxParagraph

from stratege.i18n.catalogue import Gettext, translator
from stratege.reports.document import Block, Bullets, Document, Figure, Paragraph, Section, Table
from stratege.reports.word_fields import SLOT, add_field, add_text_with_fields
from stratege.reports.word_setup import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    refresh_fields_on_open,
    saved,
    setup_language,
    setup_page,
    setup_properties,
)
from stratege.reports.word_tables import CODE_FONT, table_element

__all__ = ["CODE_FONT", "render_docx"]

# A chart never takes more than this share of the text height, so its caption fits below it.
MAX_FIGURE_HEIGHT = Emu(int((PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) * 0.6))
STYLES = ("Title", "Subtitle", "TOC Heading", "Heading 1", "Heading 2", "List Bullet", "Caption")
TABLE_STYLE = "Light Grid Accent 1"


def render_docx(document: Document) -> bytes:
    """``document`` as the bytes of a .docx file: the same document gives the same bytes
    (its date stands for every date in the file)."""
    word = docx.Document()
    setup_page(word)
    setup_properties(word, document)
    setup_language(word, document.lang)
    refresh_fields_on_open(word)
    writer = _Writer(word, translator(document.lang))  # type: ignore[arg-type]
    writer.footer()
    writer.cover(document)
    writer.contents()
    for section in document.sections:
        writer.section(section, 1)
        for subsection in section.subsections:
            writer.section(subsection, 2)
    return saved(word, document.day)


class _Writer:
    """Adds the document's parts to the Word file, numbering tables and figures."""

    def __init__(self, word: WordDocument, _: Gettext) -> None:
        self.word, self._ = word, _
        # Style ids found once: python-docx would search the styles at every paragraph.
        self.styles = {name: word.styles[name].style_id for name in (*STYLES, TABLE_STYLE)}
        self.tables = self.figures = 0

    def paragraph(self, text: str = "", style: str | None = None) -> DocxParagraph:
        paragraph = self.word.add_paragraph(text)
        if style:
            paragraph._p.style = self.styles[style]
        return paragraph

    def footer(self) -> None:
        paragraph = self.word.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        text = self._("Page {page} of {pages}", page=SLOT.format(0), pages=SLOT.format(1))
        add_text_with_fields(paragraph, text, {0: ("PAGE", "1"), 1: ("NUMPAGES", "1")})

    def cover(self, document: Document) -> None:
        self.paragraph(document.title, "Title")
        if document.subtitle:
            self.paragraph(document.subtitle, "Subtitle")
        for label, value in document.meta:
            sentence = self._("{label}: {text}", label=SLOT.format(0), text=value)
            add_text_with_fields(self.paragraph(), sentence, {0: ("", label)}, bold_fields=True)

    def contents(self) -> None:
        heading = self.paragraph(self._("Contents"), "TOC Heading")
        heading.paragraph_format.page_break_before = True
        hint = self._("Right-click to update the table of contents.")
        add_field(self.paragraph(), r'TOC \o "1-2" \h \z \u', hint)

    def section(self, section: Section, level: int) -> None:
        heading = self.paragraph(section.title, f"Heading {level}")
        if level == 1:
            heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            self.block(block)

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.paragraph().add_run(block.text).bold = block.emphasis or None
        elif isinstance(block, Bullets):
            for item in block.items:
                self.paragraph(item, "List Bullet")
        elif isinstance(block, Table):
            self.table(block)
        else:
            self.figure(block)

    def table(self, block: Table) -> None:
        self.tables += 1
        label = self._("Table {number}", number=SLOT.format(0))
        caption = self.caption("Table", label, self.tables, block.caption)
        caption.paragraph_format.keep_with_next = True
        self.word.element.body._insert_tbl(table_element(block, self.styles[TABLE_STYLE]))
        self.paragraph().paragraph_format.space_after = 0  # a little air after the table

    def caption(self, sequence: str, label: str, number: int, text: str) -> DocxParagraph:
        """A caption in the Caption style ("Tableau 1 : …"), its number a SEQ field that
        Word renumbers when tables or figures are added, moved or removed."""
        paragraph = self.paragraph(style="Caption")
        sentence = self._("{label}: {text}", label=label, text=text) if text else label
        field = {0: (f"SEQ {sequence} \\* ARABIC", str(number))}
        add_text_with_fields(paragraph, sentence, field)
        return paragraph

    def figure(self, block: Figure) -> None:
        self.figures += 1
        paragraph = self.paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True  # the picture stays with its caption
        picture = io.BytesIO(block.png)
        inline = paragraph.add_run().add_picture(picture, width=_figure_width(block.png))
        properties = inline._inline.docPr
        properties.set("descr", block.alt or self._("Chart"))  # for screen readers
        properties.set("title", block.caption or self._("Chart"))
        label = self._("Figure {number}", number=SLOT.format(0))
        self.caption("Figure", label, self.figures, block.caption)


def _figure_width(png: bytes) -> Emu:
    """The text width, or less for a tall chart, so that it fits with its caption."""
    image = Image.from_blob(png)
    if not (image.px_width and image.px_height):
        return TEXT_WIDTH
    height = TEXT_WIDTH * image.px_height / image.px_width
    if height <= MAX_FIGURE_HEIGHT:
        return TEXT_WIDTH
    return Emu(int(MAX_FIGURE_HEIGHT * image.px_width / image.px_height))
