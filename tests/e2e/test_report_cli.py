"""End-to-end: `stratege report` in every format and `stratege pack`, as a user runs them."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from stratege.bundled import example_path
from tests.e2e.test_cli import run

EXAMPLE = str(example_path("northwind-analytics"))
SECTION_TITLES_EN = [
    "Executive summary",
    "1. What is our strategy?",
    "10. Will we advertise?",
    "Diagnostics",
    "Appendix: sources of the reference figures",
]


@pytest.mark.parametrize("fmt", ["html", "docx", "md"])
def test_report_writes_each_format(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"strategy.{fmt}"
    result = run("report", EXAMPLE, "--format", fmt, "--out", str(target), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    if fmt == "docx":
        with zipfile.ZipFile(target) as archive:
            text = archive.read("word/document.xml").decode("utf-8")
    else:
        text = target.read_text(encoding="utf-8")
    for title in SECTION_TITLES_EN:
        assert title in text.replace("&amp;", "&")


@pytest.mark.skipif(not shutil.which("chromium"), reason="no PDF renderer (Chromium) here")
def test_report_writes_a_pdf(tmp_path: Path) -> None:
    target = tmp_path / "strategy.pdf"
    result = run("report", EXAMPLE, "--format", "pdf", "--out", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes().startswith(b"%PDF")


def test_pack_writes_every_format_in_both_languages_and_the_plan(tmp_path: Path) -> None:
    result = run("pack", EXAMPLE, "--out", str(tmp_path / "pack"))
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, stem in (("fr", "strategie"), ("en", "strategy")):
        for suffix in (".html", ".docx", ".md"):
            assert (tmp_path / "pack" / lang / f"{stem}{suffix}").exists()
    assert (tmp_path / "pack" / "plan" / "calendar.ics").exists()
    french = (tmp_path / "pack" / "fr" / "strategie.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in french and "Synthèse" in french
