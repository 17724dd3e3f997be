"""`stratege init`'s interactive part: the ten questions asked in the terminal.

The order protects the answers: the target file is checked (and another path asked for)
before the first question; an existing strategy is offered for editing, its answers as
defaults; and if writing still fails at the end, another path is asked for, and as a last
resort the strategy is saved in the temporary folder — answers are never thrown away.

This module imports nothing of ``stratege.cli.app``, so tests drive it in-process.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

import typer
from rich.console import Console

from stratege.i18n import pick_language
from stratege.i18n.catalogue import N_
from stratege.strategy import Strategy, StrategyDocument, StrategyFileError, load_strategy
from stratege.strategy.yamlio import dump_strategy, to_plain
from stratege.wizard import Asker, run_wizard
from stratege.wizard.answers import Invalid, parse_text
from stratege.wizard.draft import as_written
from stratege.wizard.target import check_target, reason, write_text

EXIT_STOPPED = 1  # the questionnaire was interrupted
EXIT_REFUSED = 2  # same code as an unreadable strategy (stratege.cli.app.EXIT_UNREADABLE)

STOPPED = N_("Questionnaire interrupted: no file was written.")
WRITTEN = N_("Strategy written to {path}.")
NEXT = N_("Next step: stratege check {path}")
EXISTS = N_("{path} already exists: choose another file or add --force.")
EDIT = N_("{path} already holds the strategy of {name}. Edit it (its answers are suggested)?")
NOT_A_STRATEGY = N_(
    "{path} exists but cannot be read as a strategy: correct it, choose another file, "
    "or add --force to replace it."
)
WHERE = N_("Where should the strategy be written?")
NOT_WRITTEN = N_("The strategy could not be written to {path}: {reason}.")
RESCUED = N_("Your answers are safe in {path}: move that file where you want it.")
PRINTED = N_("Nothing could be written: here is the strategy, copy it into a file.")


def run_init(console: Console, path: Path, requested: str | None, force: bool) -> None:
    """Ask the ten questions and write the strategy to ``path`` (or, if it cannot be
    written, to a path the user gives). An existing strategy is edited unless ``force``."""
    ask = Asker(console, pick_language(requested))
    try:
        previous = None if force else _previous(ask, path, requested)
        target = _first_target(ask, path, replace=force or previous is not None)
        strategy = run_wizard(ask, previous=previous.strategy if previous else None)
    except (EOFError, KeyboardInterrupt):
        console.print()
        ask.say(STOPPED, style="red")
        raise typer.Exit(EXIT_STOPPED) from None
    written = _save(ask, target, render(strategy, previous))
    ask.say(WRITTEN, style="green", path=str(written))
    ask.say(NEXT, path=str(written))


def render(strategy: Strategy, previous: StrategyDocument | None) -> str:
    """The YAML text: a fresh file, or the reopened one updated in place, so its comments
    and the way its values were written stay where they can."""
    if previous is None:
        return dump_strategy(strategy)
    previous.update(as_written(strategy, to_plain(previous.tree)))
    return previous.dumps()


def _previous(ask: Asker, path: Path, requested: str | None) -> StrategyDocument | None:
    """The strategy already at ``path``, if the user wants to edit it; stops (exit 2) when
    the file is not a readable strategy or the user declines."""
    if not path.is_file():
        return None
    try:
        document = load_strategy(path)
    except StrategyFileError as error:
        ask.switch(pick_language(requested, error.language))
        for problem in error.problems:
            ask.show(f"  {problem.render(ask.lang)}")
        ask.say(NOT_A_STRATEGY, style="red", path=str(path))
        raise typer.Exit(EXIT_REFUSED) from None
    ask.switch(pick_language(requested, document.strategy.language))
    name = document.strategy.organisation.name
    try:
        edit = ask.yes_no(EDIT, True, path=str(path), name=name)
    except EOFError:  # nobody to answer (a script): refuse as before, never overwrite
        edit = False
    if not edit:
        ask.say(EXISTS, style="red", path=str(path))
        raise typer.Exit(EXIT_REFUSED)
    return document


def _first_target(ask: Asker, path: Path, replace: bool) -> Path:
    """``path`` if the strategy can be written there; else say why and ask for another,
    before the first question."""
    try:
        return check_target(path, replace)
    except Invalid as problem:
        ask.show(problem.text(ask.lang), style="red")
    return _ask_path(ask, path.name)


def _ask_path(ask: Asker, name: str) -> Path:
    """Another path, re-asked until one can be written; the same file name in the current
    folder is suggested when it can be."""
    suggestion = Path.cwd() / name
    try:
        default = str(check_target(suggestion))
    except Invalid:
        default = ""
    return ask.ask(ask._(WHERE), lambda raw: check_target(Path(parse_text(raw, True))), default)


def _save(ask: Asker, target: Path, text: str) -> Path:
    """Write ``text``; on failure, say why and ask for another path, again and again. When
    no answer comes any more, keep the strategy in the temporary folder."""
    while True:
        try:
            write_text(target, text)
            return target
        except OSError as error:
            ask.say(NOT_WRITTEN, style="red", path=str(target), reason=reason(error))
        try:
            target = _ask_path(ask, target.name)
        except (EOFError, KeyboardInterrupt):
            _rescue(ask, text)


def _rescue(ask: Asker, text: str) -> None:
    """Last resort: the temporary folder, else the text itself on the console. Exits 1."""
    ask.console.print()
    rescue = Path(tempfile.gettempdir()) / f"stratege-{secrets.token_hex(4)}.yaml"
    try:
        write_text(rescue, text)
        ask.say(RESCUED, style="yellow", path=str(rescue))
    except OSError:
        ask.say(PRINTED, style="yellow")
        ask.show(text)
    raise typer.Exit(EXIT_STOPPED)
