"""`stratege init`'s interactive part: the ten questions asked in the terminal."""

from __future__ import annotations

import typer
from rich.console import Console

from stratege.i18n import Lang, tr
from stratege.strategy import dump_strategy
from stratege.wizard import Asker, run_wizard

STOPPED = {
    "fr": "Questionnaire interrompu : aucun fichier n'a été écrit.",
    "en": "Questionnaire interrupted: no file was written.",
}
EXIT_STOPPED = 1


def ask_strategy(console: Console, lang: Lang) -> str:
    """Ask the ten questions on ``console`` and return the strategy as YAML text."""
    asker = Asker(console, lang)
    try:
        strategy = run_wizard(asker)
    except (EOFError, KeyboardInterrupt):
        console.print()
        console.print(tr(STOPPED, lang), style="red")
        raise typer.Exit(EXIT_STOPPED) from None
    return dump_strategy(strategy)
