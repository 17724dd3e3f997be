"""The gettext catalogues: every message the code marks is translated in both languages,
with the same placeholders, once."""

from __future__ import annotations

import re
import string
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from stratege.i18n import LANGUAGES

SOURCE = Path(resources.files("stratege"))  # type: ignore[arg-type]
KEYWORDS = {"N_": None, "_": None, "plural": (2, 3), "ngettext": (1, 2)}


def _marked() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    for _f, _l, message, _c, _ctx in extract_from_dir(SOURCE, keywords=KEYWORDS):
        if isinstance(message, str):
            found.add(message)
        elif message and all(message):
            found.add(tuple(message))  # type: ignore[arg-type]
    return found


def _catalogues(lang: str) -> dict[str, dict[tuple[str | None, str], object]]:
    folder = SOURCE / "locale" / lang / "LC_MESSAGES"
    files = {}
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        files[path.name] = {
            (m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string
            for m in catalog
            if m.id
        }
    return files


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


MARKED = _marked()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_marked_message_is_translated(lang: str) -> None:
    merged = {k: v for entries in _catalogues(lang).values() for k, v in entries.items()}
    missing = []
    for message in MARKED:
        key = message[0] if isinstance(message, tuple) else message
        text = merged.get((None, key))
        if not text or (isinstance(text, tuple) and not all(text)):
            missing.append(key)
    assert not missing, f"{len(missing)} messages without a {lang} translation: {missing[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for name, entries in _catalogues(lang).items():
        for (_context, message), text in entries.items():
            forms = text if isinstance(text, tuple) else (text,)
            for form in forms:
                if form and _fields(form) - _fields(message) - {"count"}:
                    wrong.append((name, message, form))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_message_is_translated_in_one_file_only_or_the_same_way(lang: str) -> None:
    seen: dict[tuple[str | None, str], set[object]] = defaultdict(set)
    for entries in _catalogues(lang).values():
        for key, text in entries.items():
            seen[key].add(text)
    clashes = {key: texts for key, texts in seen.items() if len(texts) > 1}
    assert not clashes, list(clashes.items())[:5]


def test_french_uses_typographic_apostrophes() -> None:
    straight = [
        (name, text)
        for name, entries in _catalogues("fr").items()
        for text in entries.values()
        for form in (text if isinstance(text, tuple) else (text,))
        if re.search(r"(?<=\w)'(?=\w)", re.sub(r"`[^`]*`", "", form or ""))
    ]
    assert not straight, straight[:5]
