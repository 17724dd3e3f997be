"""`stratege sentiment`: the sentiment of texts given one per line, as bytes.

Lines are cut on newline bytes only (CRLF too), so that answer ``n`` is about line ``n``
of the input as ``wc -l`` and editors count them; an empty line gets an answer as well
(neutral, see :func:`stratege.listening.sentiment.classify`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from stratege.i18n.catalogue import N_
from stratege.i18n.refusal import Refusal
from stratege.listening.labels import Sentiment
from stratege.listening.sentiment import LangChoice, classify

BOM = b"\xef\xbb\xbf"


class TextRefused(Refusal):
    messages: ClassVar[Mapping[str, str]] = {
        "not_utf8": N_(
            "Line {line} is not UTF-8 text (byte {byte} of the line): save the file as "
            "UTF-8, one text per line."
        ),
    }


def lines_of(data: bytes) -> list[str]:
    """The texts, one per line; :class:`TextRefused` names the first line not in UTF-8."""
    data = data.removeprefix(BOM)
    raw = data.split(b"\n")
    if raw and raw[-1] == b"":
        raw.pop()  # the newline that ends the last line opens no new one
    texts = []
    for number, line in enumerate(raw, start=1):
        try:
            texts.append(line.removesuffix(b"\r").decode("utf-8"))
        except UnicodeDecodeError as error:
            raise TextRefused("not_utf8", line=number, byte=error.start + 1) from None
    return texts


def sentiment_of_lines(data: bytes, lang: LangChoice = "auto") -> list[Sentiment]:
    return classify(lines_of(data), lang)


def records(sentiments: list[Sentiment], with_lang: bool) -> list[dict[str, object]]:
    """What ``--format json`` prints, one object per line."""
    found = []
    for sentiment in sentiments:
        scores = {label: round(score, 4) for label, score in sentiment.scores.items()}
        record: dict[str, object] = {"label": sentiment.label, "scores": scores}
        if with_lang:
            record["lang"] = sentiment.lang
        found.append(record)
    return found
