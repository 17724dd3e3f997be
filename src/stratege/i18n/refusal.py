"""Why an operation was refused: a message id and its values, worded only where it is
shown, in the reader's language (a command line, a web page, a JSON answer)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from stratege.i18n import Lang
from stratege.i18n.catalogue import translator


class Refusal(Exception):
    """A refusal of one kind of operation; subclasses give their ``messages``."""

    messages: ClassVar[Mapping[str, str]] = {}

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(code)

    def __str__(self) -> str:
        return self.message("en")

    def message(self, lang: Lang) -> str:
        return translator(lang)(self.messages[self.code], **self.worded_values(lang))

    def worded_values(self, lang: Lang) -> dict[str, object]:
        """The values as the message shows them (a subclass words its own kinds)."""
        return dict(self.values)
