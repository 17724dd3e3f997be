"""gettext for every text a user reads: catalogues are .po files shipped in stratege/locale.

Each language folder holds several .po files, one per area (the document, the command
line, the wizard, the fixed vocabularies…), merged into one catalogue when first used, so
that a translator opens a file of manageable size. The .po files are the source of truth;
they are compiled in memory with Babel (no build step, no .mo file to keep in sync) and the
compiled catalogue is kept in the user's cache folder, so later runs start fast.

Two kinds of entries:
- sentences, keyed by their English text (``N_("Tools")``) — French in ``fr/``;
- vocabulary labels, keyed by a context and an identifier of the model or of the knowledge
  base (``msgctxt "activity"`` / ``msgid "create_content"``), with a label in both
  languages — see :mod:`stratege.vocabulary`.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Callable
from importlib import resources
from importlib.abc import Traversable

from stratege.cache import cached_bytes
from stratege.i18n import Lang, french_typography

Gettext = Callable[..., str]


def N_(message: str) -> str:  # gettext's conventional name for "extract, translate later"
    """Marks a message id for extraction; it is translated where it is shown."""
    return message


def catalogue_files(lang: Lang) -> list[Traversable]:
    folder = resources.files("stratege") / "locale" / lang / "LC_MESSAGES"
    return sorted((p for p in folder.iterdir() if p.name.endswith(".po")), key=lambda p: p.name)


def _compile(lang: Lang) -> bytes:
    """Every .po file of ``lang`` merged into one compiled (.mo) catalogue."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    merged = Catalog(locale=lang)  # plural rules from the locale (CLDR)
    for catalog in _read_catalogues(lang):
        for message in catalog:
            if message.id:
                merged.add(message.id, message.string, context=message.context)
    compiled = io.BytesIO()
    write_mo(compiled, merged)
    return compiled.getvalue()


@functools.cache
def _read_catalogues(lang: Lang):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    catalogues = []
    for path in catalogue_files(lang):
        with path.open("rb") as source:
            catalogues.append(read_po(source, locale=lang))
    return catalogues


@functools.cache
def translations(lang: Lang) -> gettext.GNUTranslations:
    sources = [str(p) for p in catalogue_files(lang)]
    compiled = cached_bytes(f"catalogue-{lang}", sources, lambda: _compile(lang))
    return gettext.GNUTranslations(io.BytesIO(compiled))


def translator(lang: Lang) -> Gettext:
    """``_`` for one language: the catalogue's text, French typography applied in French."""
    catalogue = translations(lang)

    def _(message: str, /, **values: object) -> str:
        text = catalogue.gettext(message)
        if values:
            text = text.format(**values)
        return french_typography(text) if lang == "fr" else text

    return _


def plural(lang: Lang, singular: str, many: str, count: int, **values: object) -> str:
    """``ngettext``: the form of a sentence for ``count`` ("1 personne", "2 personnes");
    ``{count}`` is filled in with the other values."""
    text = translations(lang).ngettext(singular, many, count)
    text = text.format(count=count, **values)
    return french_typography(text) if lang == "fr" else text


def in_context(lang: Lang, context: str, message: str) -> str | None:
    """``pgettext``: the translation of ``message`` in ``context``, or None when the
    catalogue has none (gettext would silently hand back the identifier)."""
    missing = object()
    catalogue = translations(lang)
    found = catalogue._catalog.get(f"{context}\x04{message}", missing)  # type: ignore[attr-defined]
    return None if found is missing else str(found)


def untranslated(lang: Lang) -> list[str]:
    """Message ids of the catalogue that have no translation yet (a test keeps this empty)."""
    return [
        m.id if isinstance(m.id, str) else m.id[0]
        for catalog in _read_catalogues(lang)
        for m in catalog
        if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
