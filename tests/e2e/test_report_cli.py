"""End-to-end: `stratege report` in every format and `stratege pack`, as a user runs them."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from stratege.bundled import example_path
from tests.e2e.cli import invoke, run

EXAMPLE = str(example_path("northwind-analytics"))
SECTION_TITLES_EN = [
    "Executive summary",
    "1. What is our strategy?",
    "10. Will we advertise?",
    "Diagnostics",
]
HAS_CHROMIUM = bool(shutil.which("chromium"))


@pytest.mark.parametrize("fmt", ["html", "docx", "md"])
def test_report_writes_each_format(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"strategy.{fmt}"
    result = invoke("report", EXAMPLE, "--format", fmt, "--out", str(target), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    if fmt == "docx":
        with zipfile.ZipFile(target) as archive:
            text = archive.read("word/document.xml").decode("utf-8")
    else:
        text = target.read_text(encoding="utf-8")
    for title in SECTION_TITLES_EN:
        assert title in text.replace("&amp;", "&")


def test_markdown_report_brings_its_figures_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    assert invoke("report", EXAMPLE, "--format", "md", "--out", str(target)).returncode == 0
    figures = list((tmp_path / "doc-figures").glob("*.png"))
    assert figures and all(f.name in target.read_text(encoding="utf-8") for f in figures)


@pytest.mark.skipif(not HAS_CHROMIUM, reason="no PDF renderer (Chromium) here")
def test_report_writes_a_pdf_as_a_real_process(tmp_path: Path) -> None:
    target = tmp_path / "strategy.pdf"
    result = run("report", EXAMPLE, "--format", "pdf", "--out", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_pack_without_pdf_writes_every_format_in_both_languages_and_the_plan(
    tmp_path: Path,
) -> None:
    result = invoke("pack", EXAMPLE, "--out", str(tmp_path / "pack"), "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, stem in (("fr", "strategie"), ("en", "strategy")):
        for suffix in (".html", ".docx", ".md"):
            assert (tmp_path / "pack" / lang / f"{stem}{suffix}").exists()
        assert not (tmp_path / "pack" / lang / f"{stem}.pdf").exists()
    assert (tmp_path / "pack" / "plan" / "calendar.ics").exists()
    french = (tmp_path / "pack" / "fr" / "strategie.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in french and "Synthèse" in french


@pytest.mark.skipif(not HAS_CHROMIUM, reason="no PDF renderer (Chromium) here")
def test_pack_prints_both_pdfs(tmp_path: Path) -> None:
    result = invoke("pack", EXAMPLE, "--out", str(tmp_path / "pack"))
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, stem in (("fr", "strategie"), ("en", "strategy")):
        assert (tmp_path / "pack" / lang / f"{stem}.pdf").read_bytes().startswith(b"%PDF")


def test_pack_as_one_zip_is_the_same_files_and_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.zip", tmp_path / "b" / "a.zip"
    for target in (first, second):
        result = invoke("pack", EXAMPLE, "--zip", str(target), "--no-pdf", "--lang", "en")
        assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(first) as archive:
        names = set(archive.namelist())
    assert {"en/strategy.html", "en/strategy.docx", "plan/plan.xlsx", "plan/calendar.ics"} <= names
    assert first.read_bytes() == second.read_bytes()


def test_without_a_pdf_printer_the_hint_shows_the_command_to_type(monkeypatch, tmp_path) -> None:
    import stratege.reports.pdf as pdf

    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    monkeypatch.setattr(pdf, "_import_weasyprint", lambda: None)
    target = tmp_path / "s.pdf"
    result = invoke("report", EXAMPLE, "--format", "pdf", "--out", str(target), "--lang", "en")
    assert result.returncode == 2 and not target.exists()
    assert 'pip install "stratege[pdf]"' in result.stderr  # not eaten as console markup
    pack = invoke("pack", EXAMPLE, "--out", str(tmp_path / "pack"), "--lang", "en")
    assert pack.returncode == 0 and 'pip install "stratege[pdf]"' in pack.stdout
