"""A picture of the first page of an HTML document, taken by headless Chromium.

The window is an A4 page at 150 dpi (1240 × 1754 pixels), so the picture shows what a
reader sees first: the cover. Used to look at a rendered document without a browser::

    python -m stratege.reports.screenshot strategie.html strategie.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from stratege.i18n import system_language
from stratege.i18n.catalogue import translator
from stratege.reports.pdf import ChromiumFailed, PdfError, run_chromium

WINDOW = (1240, 1754)  # A4 at 150 dpi


def screenshot_first_page(
    html_path: Path, png_path: Path, *, chromium: str | None = None, lang: str = "en"
) -> Path:
    """Write a PNG of the top A4-sized area of ``html_path`` to ``png_path`` (returned).
    Raises :class:`~stratege.reports.pdf.ChromiumMissing` without Chromium and
    :class:`~stratege.reports.pdf.ChromiumFailed` when it wrote no picture."""
    _ = translator(lang if lang in ("fr", "en") else "en")  # type: ignore[arg-type]
    html_path, png_path = Path(html_path), Path(png_path)
    if not html_path.is_file():
        raise FileNotFoundError(_("File not found: {path}", path=html_path))

    def failure(detail: str) -> str:
        return _("Chromium could not take the screenshot: {error}", error=detail)

    width, height = WINDOW
    arguments = [
        f"--window-size={width},{height}",
        "--force-device-scale-factor=1",
        "--screenshot={output}",
    ]
    png = run_chromium(
        arguments, "screenshot.png", failure, html_path=html_path, chromium=chromium, lang=lang
    )
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ChromiumFailed(failure(repr(png[:16])))
    png_path.write_bytes(png)
    return png_path


def main(argv: list[str] | None = None) -> int:
    """``python -m stratege.reports.screenshot FILE.html OUT.png``; exit status 0 when the
    picture was written, 1 when it could not be, 2 for a wrong command line."""
    arguments = sys.argv[1:] if argv is None else argv
    lang = system_language()
    _ = translator(lang)
    if len(arguments) != 2 or arguments[0] in ("-h", "--help"):
        command = "python -m stratege.reports.screenshot"
        print(_("Usage: {command} FILE.html OUT.png", command=command), file=sys.stderr)
        return 2
    try:
        written = screenshot_first_page(Path(arguments[0]), Path(arguments[1]), lang=lang)
    except (PdfError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
