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
from stratege.reports.chromium import run_chromium
from stratege.reports.printing_errors import ChromiumFailed, PdfError, language

WINDOW = (1240, 1754)  # A4 at 150 dpi
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def first_page_png(html_path: Path, *, chromium: str | None = None, lang: str = "en") -> bytes:
    """A PNG of the top A4-sized area of ``html_path``. Raises
    :class:`~stratege.reports.pdf.ChromiumMissing` without Chromium and
    :class:`~stratege.reports.pdf.ChromiumFailed` when it made no picture."""
    _ = translator(language(lang))
    html_path = Path(html_path)
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
        arguments, "screenshot.png", failure, html_path, chromium=chromium, lang=lang
    )
    if not png.startswith(PNG_SIGNATURE):
        raise ChromiumFailed(failure(repr(png[:16])))
    return png


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
    target = Path(arguments[1])
    try:
        target.write_bytes(first_page_png(Path(arguments[0]), lang=lang))
    except (PdfError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
