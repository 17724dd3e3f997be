"""The PDF and the screenshot: the HTML really renders in a browser engine, and without one
the user is told exactly what to install."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import pytest

from stratege.i18n.catalogue import translator
from stratege.reports import chromium as chromium_module
from stratege.reports import devtools
from stratege.reports import pdf as pdf_module
from stratege.reports.chromium import find_chromium
from stratege.reports.html import render_html
from stratege.reports.pdf import (
    APT_COMMAND,
    PIP_COMMAND,
    ChromiumFailed,
    ChromiumMissing,
    PdfRendererMissing,
    pdf_bytes,
    print_pdfs,
)
from stratege.reports.screenshot import WINDOW, first_page_png, main
from tests.reports.sample_html import sample_document

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (apt-get install chromium): "
    "the PDF and the screenshot cannot be rendered",
)


def _readable(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (object streams hide /Type /Page)."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", _readable(pdf)))


def _media_box(pdf: bytes) -> tuple[float, float]:
    number = rb"\s*([-\d.]+)"
    found = re.search(rb"/MediaBox\s*\[" + number * 4, _readable(pdf))
    assert found, "the PDF declares its page size"
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    return x1 - x0, y1 - y0


def _decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """A minimal PNG decoder (8-bit, not interlaced): width, height, channels, pixel rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            compressed.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0, "Chromium writes 8-bit, non-interlaced PNG"
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    stride = width * channels
    raw = zlib.decompress(b"".join(compressed))
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, previous, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


# --- no renderer ------------------------------------------------------------------------


@pytest.fixture
def no_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` fails
    monkeypatch.setattr(chromium_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(chromium_module, "CHROMIUM_PATHS", ())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_a_renderer_the_error_says_what_to_install(no_renderer: None, lang: str) -> None:
    with pytest.raises(PdfRendererMissing) as raised:
        pdf_bytes(sample_document(lang))
    message = str(raised.value)
    assert 'pip install "stratege[pdf]"' in message and PIP_COMMAND in message
    assert "apt-get install chromium" in message and APT_COMMAND in message
    expected = translator(lang)(  # type: ignore[arg-type]
        "No PDF renderer found: install WeasyPrint with {pip_command}, or install "
        "Chromium, e.g. {apt_command}.",
        pip_command=PIP_COMMAND,
        apt_command=APT_COMMAND,
    )
    assert message == expected


def test_without_chromium_neither_engine_nor_screenshot_can_run(
    no_renderer: None, tmp_path: Path
) -> None:
    with pytest.raises(PdfRendererMissing):
        pdf_bytes(sample_document("en"), engine="weasyprint")
    with pytest.raises(ChromiumMissing, match="apt-get install chromium"):
        pdf_bytes(sample_document("en"), engine="chromium")
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(ChromiumMissing):
        first_page_png(page)
    assert main([str(page), str(tmp_path / "page.png")]) == 1
    assert not (tmp_path / "page.png").exists()


def test_the_screenshot_command_explains_its_arguments(capsys: pytest.CaptureFixture) -> None:
    assert main([]) == 2
    assert "FILE.html OUT.png" in capsys.readouterr().err


# --- Chromium ---------------------------------------------------------------------------


@needs_chromium
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_chromium_prints_the_document_to_an_a4_pdf(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # the automatic choice falls back
    document = sample_document(lang)
    data = pdf_bytes(document)
    assert data.startswith(b"%PDF-")
    assert b"Skia/PDF" in _readable(data)  # Chromium's PDF writer, not WeasyPrint
    # cover + contents + one page at least per top-level section (they start a page)
    assert _pages(data) >= 2 + len(document.sections)
    width, height = _media_box(data)
    assert abs(width - 595) < 2 and abs(height - 842) < 2, "A4 in points"


def test_chromium_failure_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "find_chromium", lambda: "/bin/false")
    with pytest.raises(ChromiumFailed, match="Chromium"):
        pdf_bytes(sample_document("en"), engine="chromium")


SILENT_CHROMIUM = """#!/bin/sh
# Stands for a Chromium that never answers.
sleep 30
"""


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A temporary folder of our own, to see what is left in it."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    return folder


@pytest.fixture
def launches(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every browser process started."""
    started: list[subprocess.Popen[bytes]] = []
    real = devtools.subprocess.Popen

    def popen(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        started.append(real(*args, **kwargs))  # type: ignore[call-overload]
        return started[-1]

    monkeypatch.setattr(devtools.subprocess, "Popen", popen)
    return started


@needs_chromium
def test_the_pdfs_of_a_pack_print_in_one_browser(
    scratch: Path, launches: list[subprocess.Popen[bytes]]
) -> None:
    documents = [sample_document("fr"), sample_document("en")]
    pdfs = print_pdfs(documents, engine="chromium")
    assert len(launches) == 1, "one browser for both languages"
    assert all(pdf.startswith(b"%PDF-") and _pages(pdf) >= 2 for pdf in pdfs)
    assert pdfs[0] != pdfs[1]
    assert all(_media_box(pdf) == pytest.approx((595, 842), abs=2) for pdf in pdfs)
    assert launches[0].poll() is not None, "the browser is gone"
    assert list(scratch.iterdir()) == [], "its temporary folder too"


def test_a_silent_chromium_is_stopped(
    scratch: Path,
    launches: list[subprocess.Popen[bytes]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    program = tmp_path / "chromium"
    program.write_text(SILENT_CHROMIUM, encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(pdf_module, "find_chromium", lambda: str(program))
    monkeypatch.setattr(chromium_module, "CHROMIUM_TIMEOUT_S", 0.5)
    started = time.monotonic()
    with pytest.raises(ChromiumFailed, match=r"0\.5 second"):
        print_pdfs([sample_document("fr"), sample_document("en")])
    assert time.monotonic() - started < 5
    assert launches[0].poll() is not None, "the silent browser was ended"
    assert list(scratch.iterdir()) == []


@needs_chromium
def test_the_first_page_screenshot_shows_the_cover(tmp_path: Path) -> None:
    page = tmp_path / "strategie.html"
    page.write_text(render_html(sample_document("fr")), encoding="utf-8")
    data = first_page_png(page)
    assert len(data) > 20_000, "a blank page compresses to a few kilobytes"
    width, height, channels, rows = _decode_png(data)
    assert (width, height) == WINDOW == (1240, 1754)
    colours: set[bytes] = set()
    ink = 0
    for row in rows:
        for i in range(0, len(row), channels):
            pixel = row[i : i + 3]
            colours.add(pixel)
            ink += pixel != b"\xff\xff\xff"
    assert len(colours) > 50, "text and headings in several colours, anti-aliased"
    assert ink / (width * height) > 0.005, "not a blank page"


@needs_chromium
def test_the_screenshot_module_runs_as_a_command(tmp_path: Path) -> None:
    page = tmp_path / "strategy.html"
    page.write_text(render_html(sample_document("en")), encoding="utf-8")
    out = tmp_path / "strategy.png"
    finished = subprocess.run(
        [sys.executable, "-m", "stratege.reports.screenshot", str(page), str(out)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert finished.returncode == 0, finished.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    missing = subprocess.run(
        [sys.executable, "-m", "stratege.reports.screenshot", str(tmp_path / "no.html"), str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 1 and "no.html" in missing.stderr


# --- WeasyPrint (optional extra) --------------------------------------------------------


def test_weasyprint_prints_the_document_to_an_a4_pdf(tmp_path: Path) -> None:
    if pdf_module._import_weasyprint() is None:
        pytest.skip('WeasyPrint is not installed (pip install "stratege[pdf]")')
    document = sample_document("fr")
    data = pdf_bytes(document, engine="weasyprint")
    assert data.startswith(b"%PDF-") and b"WeasyPrint" in _readable(data)
    assert _pages(data) >= 2 + len(document.sections)
    width, height = _media_box(data)
    assert abs(width - 595) < 2 and abs(height - 842) < 2, "A4 in points"
