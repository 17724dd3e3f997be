"""What every command shares: consoles, reading the strategy or stopping with a located
message, writing files safely, and the last-resort message for a bug."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from stratege.cli.app import EXIT_UNREADABLE
from stratege.i18n import Lang, pick_language
from stratege.i18n.catalogue import N_, translator

if TYPE_CHECKING:
    from rich.console import Console

    from stratege.i18n.refusal import Refusal
    from stratege.services.outputs import Written
    from stratege.strategy import FileProblem, StrategyDocument


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def say(text: str, style: str | None = None, stderr: bool = False) -> None:
    """Print ``text`` as it is: never read as console markup (a user's "[pdf]" stays)."""
    from rich.text import Text

    console(stderr).print(Text(text, style=style or ""), soft_wrap=True)


def load_or_exit(file: Path, lang: str | None, as_json: bool = False) -> StrategyDocument:
    """Load a strategy, or say where and why it cannot be read and exit with code 2."""
    from stratege.services.strategies import load
    from stratege.strategy import StrategyFileError

    try:
        return load(file)
    except StrategyFileError as error:
        language = pick_language(lang, error.language)
        if as_json:
            problems = [p.as_dict(language) for p in error.problems]
            print(json.dumps({"problems": problems}, ensure_ascii=False, indent=2))
        print_file_problems(error.problems, language)
        raise typer.Exit(EXIT_UNREADABLE) from None


def print_file_problems(problems: Iterable[FileProblem], lang: Lang) -> None:
    _ = translator(lang)
    say(_(N_("Cannot read the strategy:")), "bold red", stderr=True)
    for problem in problems:
        say(f"  {problem.render(lang)}", stderr=True)  # one line each: grep-able


def refuse(error: Refusal, lang: Lang) -> typer.Exit:
    """Say why an operation was refused, on stderr; the exit to raise (code 2)."""
    say(error.message(lang), "red", stderr=True)
    return typer.Exit(EXIT_UNREADABLE)


def write_or_exit(
    folder: Path,
    files: Mapping[str, bytes],
    lang: Lang,
    *,
    protected: Iterable[Path] = (),
    force: bool = False,
    owned_prefix: str = "",
) -> Written:
    """Write files safely (see services.outputs), or say why not and exit with code 2."""
    from stratege.services.errors import OutputRefused
    from stratege.services.outputs import write_files

    _ = translator(lang)
    try:
        written = write_files(
            folder, files, protected=protected, force=force, owned_prefix=owned_prefix
        )
    except OutputRefused as error:
        raise refuse(error, lang) from None
    except OSError as error:  # no permission, disk full, a file in the way…
        reason = error.strerror or str(error)
        say(_(N_("Cannot write to {folder}: {reason}."), folder=folder, reason=reason), "red", True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    for path in written.kept:
        say(_(N_("Left in place (changed since Stratège wrote it): {path}"), path=path), "yellow")
    return written


def report_bug(error: BaseException, lang: Lang) -> None:
    _ = translator(lang)
    detail = f"{type(error).__name__}: {error}"
    say(
        _(
            N_(
                "Stratège stopped on an unexpected error ({detail}). This is a bug, not a "
                "problem with your strategy: please report it to the Stratège developers with "
                "the command you ran and, if you can, the strategy file. Set STRATEGE_DEBUG=1 "
                "to see the details."
            ),
            detail=detail[:300],
        ),
        "bold red",
        stderr=True,
    )
    sys.stderr.flush()
