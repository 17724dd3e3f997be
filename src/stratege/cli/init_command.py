"""`stratege init`: the ten questions (or a bundled example) written to a strategy file.

An existing strategy is reopened for editing; ``--force`` starts afresh over it. The
wizard itself, and what protects the answers, live in :mod:`stratege.cli.wizard`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from stratege.cli.app import EXIT_UNREADABLE, LangArg, _, app
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, translator


@app.command(
    help=_(
        N_(
            "Answer the ten questions and write a strategy file; an existing strategy is "
            "reopened with its answers as suggestions."
        )
    )
)
def init(
    file: Annotated[Path, typer.Argument(help=_(N_("Where to write the strategy YAML.")))] = Path(
        "strategie.yaml"
    ),
    example: Annotated[
        str | None,
        typer.Option(
            "--example",
            help=_(N_("Write a bundled example instead of asking the ten questions.")),
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help=_(N_("Start afresh over an existing file."))),
    ] = False,
    lang: LangArg = None,
) -> None:
    requested = lang.value if lang else None
    if example is not None:
        write_example(file, example, force, pick_language(requested))
        return
    from stratege.cli.output import console
    from stratege.cli.wizard import run_init

    run_init(console(), file, requested, force)


def write_example(file: Path, name: str, force: bool, lang: Lang) -> None:
    """Copy a bundled example to ``file``, or say why not (exit 2): an unknown example, a
    target that exists (without ``--force``) or cannot be written."""
    from stratege.cli.output import refuse, say
    from stratege.cli.wizard import EXISTS, NEXT, WRITTEN
    from stratege.services.errors import UnknownExample
    from stratege.services.strategies import example as bundled
    from stratege.wizard.answers import Invalid
    from stratege.wizard.target import check_target, reason, write_text

    words = translator(lang)
    if file.exists() and not force:
        say(words(EXISTS, path=str(file)), "red", stderr=True)
        raise typer.Exit(EXIT_UNREADABLE)
    try:
        text = bundled(name).path.read_text(encoding="utf-8")
        check_target(file, replace=force)
        write_text(file, text)
    except UnknownExample as error:
        raise refuse(error, lang) from None
    except Invalid as problem:
        say(problem.text(lang), "red", stderr=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    except OSError as error:
        say(reason(error).text(lang), "red", stderr=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    say(words(WRITTEN, path=str(file)), "green")
    say(words(NEXT, path=str(file)))
