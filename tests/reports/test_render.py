"""Rendering to bytes in memory: file names, every format, both languages, nothing on disk."""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from pathlib import Path

import pytest

from stratege.reports import pdf as pdf_module
from stratege.reports import render as render_module
from stratege.reports.document import Document
from stratege.reports.render import FORMATS, default_stem, render, render_documents
from tests.reports.examples import document

REPORTS = Path(render_module.__file__).parent


@pytest.fixture
def nowhere_to_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder and temporary folder: whatever is written shows there."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    return tmp_path


def test_each_format_is_files_in_memory(nowhere_to_write: Path) -> None:
    french = document("boulangeries-martin", "fr")
    html = render(french, "html")
    assert list(html) == ["strategie.html"] and html["strategie.html"].startswith(b"<!DOCTYPE")
    word = render(french, "docx")
    assert zipfile.is_zipfile(io.BytesIO(word["strategie.docx"]))
    markdown = render(french, "md", stem="plan-2027")
    names = sorted(markdown)
    assert "plan-2027.md" in names and len(names) >= 5
    assert all(n == "plan-2027.md" or re.match(r"plan-2027-figures/[\w-]+\.png$", n) for n in names)
    text = markdown["plan-2027.md"].decode("utf-8")
    assert all(f"]({n})" in text for n in names if n.endswith(".png"))
    assert list(nowhere_to_write.iterdir()) == []


def test_file_names_follow_the_language() -> None:
    assert (default_stem("fr"), default_stem("en")) == ("strategie", "strategy")
    with pytest.raises(ValueError, match="odt"):
        render(document("boulangeries-martin", "en"), "odt")


def test_the_same_document_renders_the_same_bytes() -> None:
    english = document("northwind-analytics", "en")
    for fmt in ("html", "docx", "md"):
        assert render(english, fmt) == render(english, fmt)


def test_a_pack_has_every_format_in_both_languages(
    nowhere_to_write: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[list[str]] = []

    def print_pdfs(documents: list[Document]) -> list[bytes]:
        printed.append([d.lang for d in documents])
        return [b"%PDF-" + d.lang.encode() for d in documents]

    monkeypatch.setattr(pdf_module, "print_pdfs", print_pdfs)
    documents = [document("mairie-rives", "fr"), document("mairie-rives", "en")]
    rendered = render_documents(documents)
    assert printed == [["fr", "en"]], "both PDFs are printed together"
    for lang, stem in (("fr", "strategie"), ("en", "strategy")):
        for fmt in FORMATS:
            assert f"{lang}/{stem}.{fmt}" in rendered.files
        assert any(n.startswith(f"{lang}/{stem}-figures/") for n in rendered.files)
    assert rendered.files["en/strategy.pdf"] == b"%PDF-en" and rendered.problems == []
    assert list(nowhere_to_write.iterdir()) == []


def test_without_a_pdf_printer_the_rest_is_kept_and_the_reason_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    monkeypatch.setattr(pdf_module, "find_chromium", lambda: None)
    rendered = render_documents([document("boulangeries-martin", "fr")], ("html", "pdf"))
    assert list(rendered.files) == ["fr/strategie.html"]
    assert len(rendered.problems) == 1 and 'pip install "stratege[pdf]"' in rendered.problems[0]


def test_nothing_in_the_reports_prints_or_adds_markup() -> None:
    """The PDF hint must reach the terminal as written: no rich markup, no printing here
    (only the screenshot command prints, plain)."""
    for path in REPORTS.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import rich" not in source and "from rich" not in source, path
        if path.name != "screenshot.py":
            assert re.search(r"(?<![\w.])print\(", source) is None, path
    assert os.sep not in default_stem("fr")
