"""Which module defines each command, so that a run imports only the one it needs.

Building every command's options costs more than running `stratege check` itself should
(typer reads the signature of each function), so `stratege check FILE` registers the
check command alone; `stratege --help`, no argument or an unknown word registers them all,
in the order the help lists them: the work first, then the references.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import typer

MODULES = {  # command → module of stratege.cli that defines it, in the help's order
    "init": "init_command",
    "check": "check_command",
    "plan": "plan_command",
    "report": "report_command",
    "pack": "report_command",
    "import": "measure_command",
    "measure": "measure_command",
    "audit": "measure_command",
    "review": "measure_command",
    "listen": "listen_command",
    "sentiment": "sentiment_command",
    "relabel": "sentiment_command",
    "demo": "demo_command",
    "serve": "serve_command",
    "backup": "serve_command",
    "restore": "serve_command",
    "rules": "catalogue",
    "kpis": "catalogue",
    "platforms": "catalogue",
    "formats": "catalogue",
    "skills": "catalogue",
    "schema": "catalogue",
}


def register(argv: Sequence[str] = ()) -> None:
    """Define the command named in ``argv`` or, when none is, every command."""
    named = next((a for a in argv if not a.startswith("-")), None)
    modules = [MODULES[named]] if named in MODULES else list(dict.fromkeys(MODULES.values()))
    for module in modules:
        importlib.import_module(f"stratege.cli.{module}")


def full_app() -> typer.Typer:
    """The app with every command (for tests and for the help)."""
    from stratege.cli.app import app

    register()
    return app
