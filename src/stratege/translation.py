"""gettext for every text a document shows: catalogues are .po files shipped in stratege/locale.

The .po files are the source of truth (edited by translators, extracted with
`pybabel extract -F babel.cfg`); they are compiled in memory with Babel when first used,
so there is no build step and no compiled .mo file to keep in sync.
"""

from __future__ import annotations

import functools
import gettext
import io
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from stratege.i18n import Lang, french_typography

DOMAIN = "stratege"


def N_(message: str) -> str:  # gettext's conventional name for "extract, translate later"
    """Marks a message id for extraction; it is translated where it is shown."""
    return message


@functools.cache
def translations(lang: Lang) -> gettext.NullTranslations:
    path = resources.files("stratege") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translator(lang: Lang):  # type: ignore[no-untyped-def]
    """``_`` for one language: the catalogue's text, French typography applied in French."""
    catalogue = translations(lang)

    def _(message: str, **values: object) -> str:
        text = catalogue.gettext(message)
        if values:
            text = text.format(**values)
        return french_typography(text) if lang == "fr" else text

    return _


def untranslated(lang: Lang) -> list[str]:
    """Message ids of the catalogue that have no translation yet (a test keeps this empty)."""
    path = resources.files("stratege") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=lang)
    return [m.id for m in catalog if m.id and not m.string]
