"""The two languages: which one to use, and French typography.

Every text a user reads comes from the gettext catalogues (:mod:`stratege.i18n.catalogue`)
and the vocabulary (:mod:`stratege.vocabulary`); numbers and dates from
:mod:`stratege.i18n.numbers`.
"""

from __future__ import annotations

import locale
import os
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
            return candidate
    return system_language()


NNBSP, NBSP = "\u202f", "\u00a0"


def french_typography(text: str) -> str:
    """Non-breaking spaces before ; ! ? : and inside « guillemets », as French print requires."""
    for mark in (";", "!", "?"):
        text = text.replace(f" {mark}", f"{NNBSP}{mark}")
    text = text.replace(" :", f"{NBSP}:")
    return text.replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»")
