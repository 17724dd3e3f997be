"""`stratege serve`: the web application on this machine.

The command line never imports the web layer: it starts it as its own program
(``python -m stratege.web serve``), in place of this process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from stratege.cli.app import _, app
from stratege.i18n.catalogue import N_


@app.command(
    help=_(
        N_(
            "Run the web application (SQLite in the data folder; DATABASE_URL for "
            "PostgreSQL). First start: prints a one-time link to create the administrator."
        )
    )
)
def serve(
    host: Annotated[str, typer.Option(help=_(N_("Address to listen on.")))] = "127.0.0.1",
    port: Annotated[int, typer.Option(help=_(N_("Port to listen on.")), min=1, max=65535)] = 8000,
    data: Annotated[
        Path, typer.Option(help=_(N_("Folder of the database and the secret key.")))
    ] = Path("stratege-data"),
    demo: Annotated[
        bool, typer.Option("--demo", help=_(N_("Create a demo workspace per bundled example.")))
    ] = False,
    create_admin: Annotated[
        str | None,
        typer.Option(
            "--create-admin", help=_(N_("Create this administrator (password printed once)."))
        ),
    ] = None,
    workers: Annotated[int, typer.Option(help=_(N_("Server processes.")), min=1, max=32)] = 2,
) -> None:
    command = [sys.executable, "-m", "stratege.web", "--data", str(data), "serve"]
    command += ["--host", host, "--port", str(port), "--workers", str(workers)]
    if demo:
        command.append("--demo")
    if create_admin:
        command += ["--create-admin", create_admin]
    sys.stdout.flush()
    os.execv(sys.executable, command)


def _web(*arguments: str) -> None:
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", "stratege.web", *arguments])


DataOption = Annotated[Path, typer.Option(help=_(N_("Folder of the database and the secret key.")))]


@app.command(
    help=_(N_("Copy the web application's database (SQLite) to FILE, even while it runs."))
)
def backup(
    file: Annotated[Path, typer.Argument(help=_(N_("The backup file to write.")))],
    data: DataOption = Path("stratege-data"),
) -> None:
    _web("--data", str(data), "backup", str(file))


@app.command(help=_(N_("Put a backup made by 'stratege backup' back (the server stopped).")))
def restore(
    file: Annotated[Path, typer.Argument(help=_(N_("The backup file to read.")))],
    data: DataOption = Path("stratege-data"),
) -> None:
    _web("--data", str(data), "restore", str(file))
