"""The Word renderer: real styles, live fields, editable tables, pictures; opens in LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from stratege.i18n.catalogue import translator
from stratege.reports.document import Bullets, Paragraph, cell_text
from stratege.reports.docx import render_docx
from tests.reports.sample_docx import figures, sample_document, tables

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


DAY = dt.date(2027, 3, 1)


@pytest.fixture(scope="module", params=["fr", "en"])
def rendered(request, tmp_path_factory):
    document = replace(sample_document(request.param), date=DAY)
    path = tmp_path_factory.mktemp("docx") / "strategie.docx"
    path.write_bytes(render_docx(document))
    return document, path, docx.Document(str(path))


def instructions(word) -> list[str]:
    return [" ".join(t.text.split()) for t in word.element.body.iter(f"{W}instrText")]


def test_returns_the_bytes_of_a_zip_package(rendered):
    document, _, _ = rendered
    data = render_docx(document)
    assert isinstance(data, bytes)
    assert zipfile.is_zipfile(io.BytesIO(data))


def test_the_same_document_gives_the_same_bytes(rendered, monkeypatch):
    document, path, _ = rendered
    first = render_docx(document)
    later = time.time() + 86_400  # a run on another day must not differ
    monkeypatch.setattr(time, "time", lambda: later)
    assert render_docx(document) == first == path.read_bytes()


def test_every_date_in_the_file_is_the_documents_date(rendered):
    _, path, word = rendered
    with zipfile.ZipFile(path) as package:
        assert {info.date_time for info in package.infolist()} == {(2027, 3, 1, 0, 0, 0)}
    properties = word.core_properties
    assert properties.created == properties.modified == dt.datetime(2027, 3, 1, tzinfo=dt.UTC)


def test_code_cells_are_in_a_monospace_font(rendered):
    _, _, word = rendered
    runs = [
        r
        for t in word.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    code = [r.text for r in runs if r.font.name == "Consolas"]
    assert code == ["sum(engagements) / sum(reach) * 100"]


def test_cover_uses_title_and_subtitle_styles(rendered):
    document, _, word = rendered
    styled = [(p.style.name, p.text) for p in word.paragraphs[:2]]
    assert styled == [("Title", document.title), ("Subtitle", document.subtitle)]
    text = "\n".join(p.text for p in word.paragraphs)
    for label, value in document.meta:
        assert label in text and value in text


def test_every_section_is_a_heading_at_its_level(rendered):
    document, _, word = rendered
    expected = []
    for section in document.sections:
        expected.append(("Heading 1", section.title))
        expected.extend(("Heading 2", sub.title) for sub in section.subsections)
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Head")]
    assert headings == expected


def test_top_level_sections_start_on_a_new_page(rendered):
    _, _, word = rendered
    for paragraph in word.paragraphs:
        if paragraph.style.name == "Heading 1":
            assert paragraph.paragraph_format.page_break_before is True
        if paragraph.style.name == "Heading 2":
            assert not paragraph.paragraph_format.page_break_before


def test_table_of_contents_is_a_complex_field(rendered):
    document, _path, word = rendered
    _ = translator(document.lang)
    assert r'TOC \o "1-2" \h \z \u' in instructions(word)
    toc = next(p for p in word.paragraphs if any("TOC" in i for i in instructions_of(p)))
    kinds = [c.get(qn("w:fldCharType")) for c in toc._p.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert _("Right-click to update the table of contents.") in toc.text
    heading = [p for p in word.paragraphs if p.style.name == "TOC Heading"]
    assert [p.text for p in heading] == [_("Contents")]


def instructions_of(paragraph) -> list[str]:
    return [t.text for t in paragraph._p.iter(f"{W}instrText")]


def test_word_is_asked_to_refresh_fields_on_open(rendered):
    _, _, word = rendered
    settings = word.settings.element
    update = settings.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    # Word rejects settings out of schema order: updateFields comes before compat.
    names = [child.tag for child in settings]
    assert names.index(f"{W}updateFields") < names.index(f"{W}compat")


def test_captions_number_tables_and_figures_with_seq_fields(rendered):
    document, _path, word = rendered
    _ = translator(document.lang)
    seq = [i for i in instructions(word) if i.startswith("SEQ")]
    assert seq.count(r"SEQ Table \* ARABIC") == len(tables(document))
    assert seq.count(r"SEQ Figure \* ARABIC") == len(figures(document))
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert len(captions) == len(tables(document)) + len(figures(document))
    table_label, figure_label = _("Table {number}", number=1), _("Figure {number}", number=1)
    assert any(c.startswith(table_label) and tables(document)[0].caption in c for c in captions)
    assert any(c.startswith(figure_label) and figures(document)[0].caption in c for c in captions)
    assert any(c.startswith(_("Table {number}", number=2)) for c in captions)
    assert any(c.startswith(_("Figure {number}", number=2)) for c in captions)
    if document.lang == "fr":
        assert all(not c.startswith("Table ") for c in captions)


def test_tables_are_editable_with_the_document_values(rendered):
    document, _, word = rendered
    assert len(word.tables) == len(tables(document))
    for table, block in zip(word.tables, tables(document), strict=True):
        values = [[cell.text for cell in row.cells] for row in table.rows]
        assert values == [block.header, *([cell_text(c) for c in row] for row in block.rows)]
        assert table.style.name == "Light Grid Accent 1"
        header_flag = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header_flag is not None
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
        for c in range(len(block.header)):
            numeric = c < len(block.numeric) and block.numeric[c]
            for row in table.rows:
                alignment = row.cells[c].paragraphs[0].alignment
                assert (alignment == WD_ALIGN_PARAGRAPH.RIGHT) is numeric


def test_every_figure_is_a_picture_that_fits_the_margins(rendered):
    document, _, word = rendered
    section = word.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    shapes = word.inline_shapes
    assert len(shapes) == len(figures(document))
    for shape, figure in zip(shapes, figures(document), strict=True):
        assert 0 < shape.width <= text_width
        assert shape._inline.docPr.get("descr") == figure.alt
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        assert word.part.related_parts[blip.embed].blob == figure.png


def test_bullets_and_emphasis(rendered):
    document, _, word = rendered
    items = [b for s in document.all_sections() for b in s.blocks if isinstance(b, Bullets)]
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert bullets == [item for block in items for item in block.items]
    lead = next(
        b
        for s in document.all_sections()
        for b in s.blocks
        if isinstance(b, Paragraph) and b.emphasis
    )
    paragraph = next(p for p in word.paragraphs if p.text == lead.text)
    assert all(run.bold for run in paragraph.runs)
    plain = next(p for p in word.paragraphs if p.text.startswith("Valeurs"))
    assert not any(run.bold for run in plain.runs)


def test_a4_page_and_margins(rendered):
    _, _, word = rendered
    section = word.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    for margin in (section.left_margin, section.right_margin, section.bottom_margin):
        assert abs(margin - Mm(20)) < Mm(0.1)  # stored in twentieths of a point


def test_properties_and_proofing_language(rendered):
    document, _, word = rendered
    tag = {"fr": "fr-FR", "en": "en-GB"}[document.lang]
    assert word.core_properties.title == document.title
    assert word.core_properties.language == tag
    assert word.core_properties.author != "python-docx"
    lang = word.styles.element.find(qn("w:docDefaults")).find(f".//{W}lang")
    assert lang.get(qn("w:val")) == tag


def test_footer_numbers_pages_with_fields(rendered):
    _, _, word = rendered
    footer = word.sections[0].footer.paragraphs[0]
    fields = [" ".join(t.text.split()) for t in footer._p.iter(f"{W}instrText")]
    assert fields == ["PAGE", "NUMPAGES"]


def test_accented_text_survives(rendered):
    document, path, _ = rendered
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "Café Éloïse" in xml
    assert document.sections[0].title in xml  # with its narrow no-break space


def test_libreoffice_converts_it_to_pdf(rendered, tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed (no `soffice` on PATH): DOCX→PDF not checked")
    _, path, _ = rendered
    profile = tmp_path / "lo-profile"
    env = {**os.environ, "HOME": str(tmp_path)}
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    pdf = tmp_path / (Path(path).stem + ".pdf")
    assert result.returncode == 0, result.stderr
    assert pdf.exists(), f"no PDF written\n{result.stdout}\n{result.stderr}"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 10_000  # text, tables and two charts, not an empty page
