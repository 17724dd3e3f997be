"""Why a PDF (or a screenshot) could not be made, in the user's language.

The messages hold commands to copy as they are (``pip install "stratege[pdf]"``): they are
plain text, and whoever shows them must not read them as markup (rich would swallow
``[pdf]``; print them with ``markup=False`` or as a ``rich.text.Text``).
"""

from __future__ import annotations

from stratege.i18n import Lang
from stratege.i18n.catalogue import translator

PIP_COMMAND = 'pip install "stratege[pdf]"'
APT_COMMAND = "apt-get install chromium"


class PdfError(RuntimeError):
    """Any reason why no PDF could be written."""


class PdfRendererMissing(PdfError):
    """Neither WeasyPrint nor Chromium is available; the message says how to get one."""

    def __init__(self, lang: str = "en") -> None:
        _ = translator(language(lang))
        super().__init__(
            _(
                "No PDF renderer found: install WeasyPrint with {pip_command}, or install "
                "Chromium, e.g. {apt_command}.",
                pip_command=PIP_COMMAND,
                apt_command=APT_COMMAND,
            )
        )


class ChromiumMissing(PdfError):
    """Chromium is needed (screenshots, ``engine="chromium"``) and was not found."""

    def __init__(self, lang: str = "en") -> None:
        _ = translator(language(lang))
        super().__init__(
            _("Chromium was not found: install it, e.g. {apt_command}.", apt_command=APT_COMMAND)
        )


class ChromiumFailed(PdfError):
    """Chromium ran but wrote nothing usable; the message ends with what it said."""


def language(lang: str) -> Lang:
    return "fr" if lang == "fr" else "en"
