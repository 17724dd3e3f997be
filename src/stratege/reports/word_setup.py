"""The Word file's frame: A4 pages, the document's language, its properties and dates.

Every date in the file is the document's date (core properties and zip entries), so the
same document gives the same bytes whenever it is rendered.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm

from stratege.archive import zip_bytes
from stratege.reports.document import Document

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)  # A4 portrait
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = Mm(20), Mm(25), Mm(20)
TEXT_WIDTH = Emu(PAGE_WIDTH - 2 * MARGIN_SIDE)
LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}


def setup_page(word: WordDocument) -> None:
    for section in word.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN_SIDE
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        section.header_distance = section.footer_distance = Mm(10)


def setup_properties(word: WordDocument, document: Document) -> None:
    """Title, subject, language; created and modified on the document's date."""
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.subtitle
    properties.language = LANGUAGE_TAGS.get(document.lang, document.lang)
    properties.author = properties.last_modified_by = "Stratège"
    properties.comments = properties.keywords = ""
    properties.created = properties.modified = dt.datetime.combine(document.day, dt.time())
    properties.revision = 1


def setup_language(word: WordDocument, lang: str) -> None:
    """The proofing language of every run (spelling, hyphenation)."""
    tag = LANGUAGE_TAGS.get(lang, lang)
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    properties = defaults.find(qn("w:rPr"))
    element = properties.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        properties.append(element)
    element.set(qn("w:val"), tag)
    theme = word.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)


def refresh_fields_on_open(word: WordDocument) -> None:
    """Ask Word to refresh the fields (contents, captions, page count) when it opens."""
    settings = word.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    compat = settings.find(qn("w:compat"))
    if compat is not None:  # schema order: updateFields comes right before compat
        compat.addprevious(update)
    else:
        settings.append(update)


def saved(word: WordDocument, day: dt.date) -> bytes:
    """The file's bytes, every zip entry dated ``day`` (python-docx stamps the time)."""
    buffer = io.BytesIO()
    word.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {member.filename: package.read(member) for member in package.infolist()}
    return zip_bytes(parts, dt.datetime.combine(day, dt.time()), sort=False)
