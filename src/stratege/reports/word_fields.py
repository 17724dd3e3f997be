"""Word fields (TOC, SEQ, PAGE…) inside translated sentences.

A sentence holds slots (``_SLOT.format(0)`` → ``"\\x00" "0" "\\x00"``) where a field goes,
so the translation decides the word order ("Tableau {number}", "Page {page} sur {pages}")
and the number stays a live field that Word updates. Fields carry a cached result, shown
by LibreOffice and until Word refreshes them.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

SLOT = "\x00{}\x00"


def add_field(paragraph: DocxParagraph, instruction: str, result: str, bold: bool = False) -> None:
    """A complex field: begin, instruction, separate, cached result, end."""
    _field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _field_char(paragraph, "separate")
    run = paragraph.add_run(result)
    if bold:
        run.bold = True
    _field_char(paragraph, "end")


def _field_char(paragraph: DocxParagraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def add_text_with_fields(
    paragraph: DocxParagraph,
    text: str,
    fields: dict[int, tuple[str, str]],
    bold_fields: bool = False,
) -> None:
    """Write ``text``, replacing each slot by its field (instruction, cached result); an
    empty instruction writes the result as plain text (bold if ``bold_fields``)."""
    for index, part in enumerate(text.split("\x00")):
        if index % 2 == 0:
            if part:
                paragraph.add_run(part)
            continue
        instruction, result = fields[int(part)]
        if instruction:
            add_field(paragraph, instruction, result, bold=bold_fields)
        else:
            paragraph.add_run(result).bold = bold_fields or None
