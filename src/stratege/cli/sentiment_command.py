"""`stratege sentiment`: a label per line of text, for people or for programs."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from stratege.cli.app import (
    EXIT_OK,
    EXIT_UNREADABLE,
    DataArg,
    FormatArg,
    LangArg,
    OutputFormat,
    StrategyArg,
    _,
    app,
)
from stratege.cli.output import load_or_exit, refuse, say
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, translator


class TextLang(StrEnum):
    fr = "fr"
    en = "en"
    auto = "auto"


@app.command(
    help=_(
        N_(
            "The sentiment of texts, one per line (standard input by default): negative, "
            "neutral or positive, one answer per line; an empty line is neutral. French and "
            "English, offline. Exit code: 0 done, 2 the input cannot be read."
        )
    )
)
def sentiment(
    file: Annotated[
        Path | None,
        typer.Argument(help=_(N_("Text file, one text per line (default or -: standard input)."))),
    ] = None,
    lang: Annotated[
        TextLang,
        typer.Option(
            "--lang", help=_(N_("Language of the texts: fr, en or auto (detected per line)."))
        ),
    ] = TextLang.auto,
    output: FormatArg = OutputFormat.text,
) -> None:
    from stratege.services.sentiment import TextRefused, records, sentiment_of_lines

    language = pick_language(None if lang is TextLang.auto else lang.value)
    data = _read(file, language)
    try:
        found = sentiment_of_lines(data, lang.value)
    except TextRefused as error:
        raise refuse(error, language) from None
    if output is OutputFormat.json:
        lines = [json.dumps(r, ensure_ascii=False) for r in records(found, lang is TextLang.auto)]
    else:
        lines = [s.label for s in found]
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    raise typer.Exit(EXIT_OK)


class Label(StrEnum):
    negative = "negative"
    neutral = "neutral"
    positive = "positive"


@app.command(
    help=_(
        N_(
            "Correct the sentiment of an imported mention: your label is kept when the file is "
            "imported again and counts instead of the model's and the listening tool's. Exit "
            "code: 0 done, 2 no such mention or no data."
        )
    )
)
def relabel(
    file: StrategyArg,
    mention: Annotated[
        str, typer.Argument(help=_(N_("The mention's id, or its link when the export has none.")))
    ],
    label: Annotated[Label, typer.Argument(help=_(N_("negative, neutral or positive.")))],
    note: Annotated[
        str, typer.Option("--note", help=_(N_("Why: kept beside the correction.")))
    ] = "",
    data: DataArg = None,
    lang: LangArg = None,
) -> None:
    from stratege.measure.errors import MeasureError
    from stratege.services.measuring import relabel_mention

    document = load_or_exit(file, lang)
    language = pick_language(lang, document.strategy.language)
    try:
        relabel_mention(document, mention, label.value, note=note, data=data)
    except MeasureError as error:
        raise refuse(error, language) from None
    say(
        translator(language)(
            N_("Mention {mention}: {label} (your correction, kept across imports)."),
            mention=mention,
            label=translator(language)(LABEL_NAMES[label.value]),
        ),
        "green",
    )
    raise typer.Exit(EXIT_OK)


LABEL_NAMES = {
    "negative": N_("negative"),
    "neutral": N_("neutral"),
    "positive": N_("positive"),
}


def _read(file: Path | None, language: Lang) -> bytes:
    if file is None or str(file) == "-":
        return sys.stdin.buffer.read()
    try:
        return file.read_bytes()
    except OSError as error:  # missing, a folder, no permission…
        reason = error.strerror or str(error)
        message = translator(language)(
            N_("Cannot read {path}: {reason}."), path=file, reason=reason
        )
        say(message, "red", stderr=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
