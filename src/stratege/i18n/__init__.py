"""Language selection and bilingual texts.

Messages that belong to the domain (rule messages, knowledge-base names) are stored as
``{"fr": ..., "en": ...}`` pairs next to what they describe, so a rule and its wording
cannot drift apart. This module picks the language and formats such pairs.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["fr", "en"]
LANGUAGES: tuple[Lang, ...] = ("fr", "en")


def system_language() -> Lang:
    """The user's language from the environment (LC_ALL, LC_MESSAGES, LANG), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    code = (locale.getlocale()[0] or "").lower()
    return "fr" if code.startswith("fr") else "en"


def pick_language(requested: str | None, strategy_language: str | None = None) -> Lang:
    """Explicit choice first, then the strategy's own language, then the system's."""
    for candidate in (requested, strategy_language):
        if candidate in LANGUAGES:
            return candidate  # type: ignore[return-value]
    return system_language()


def tr(text: Mapping[str, str] | str, lang: Lang, **values: object) -> str:
    """The ``lang`` version of a bilingual text, with ``{placeholders}`` filled in."""
    template = text if isinstance(text, str) else text.get(lang) or text.get("en") or ""
    result = template.format(**values) if values else template
    return french_typography(result) if lang == "fr" else result


NNBSP, NBSP = "\u202f", "\u00a0"


def french_typography(text: str) -> str:
    """Non-breaking spaces before ; ! ? : and inside « guillemets », as French print requires."""
    for mark in (";", "!", "?"):
        text = text.replace(f" {mark}", f"{NNBSP}{mark}")
    text = text.replace(" :", f"{NBSP}:")
    return text.replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»")
