"""``stratege serve``: the database migrated, the first administrator's link, the
background worker, and the application behind gunicorn (a production WSGI server).

Run as ``python -m stratege.web serve …`` (the ``stratege`` command starts exactly that:
the command line never imports the web layer).
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def configure(data: Path, host: str | None = None) -> None:
    """The environment Django's settings read; then Django itself."""
    os.environ["STRATEGE_DATA_DIR"] = str(data.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stratege.web.settings")
    if host in LOCAL_HOSTS:  # no TLS on one's own machine: cookies without Secure
        os.environ.setdefault("STRATEGE_INSECURE_HTTP", "1")
    import django

    django.setup()


def prepare(demo: bool = False, admin: str | None = None) -> list[str]:
    """Migrate, create the demo workspaces and an administrator if asked; the lines to
    print (the one-time link or the administrator's password)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from stratege.web.demo import create_demo
    from stratege.web.models import SetupLink

    call_command("migrate", interactive=False, verbosity=0)
    said: list[str] = []
    users = get_user_model().objects
    if admin and not users.filter(username=admin).exists():
        password = secrets.token_urlsafe(12)
        users.create_superuser(username=admin, password=password, email="")
        said.append(f"admin: {admin} / {password}")
    if demo:
        said += create_demo()
    if not users.filter(is_superuser=True).exists():
        link = SetupLink.objects.filter(used_at__isnull=True).first() or SetupLink.objects.create()
        said.append(f"setup: /setup/{link.token}/")
    return said


def _gunicorn(host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from stratege.web.wsgi import application

    class Server(BaseApplication):
        def load_config(self) -> None:
            bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            for key, value in {
                "bind": bind,
                "workers": workers,
                "worker_class": "gthread",
                "threads": 4,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "graceful_timeout": 5,
            }.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Server().run()


def serve(arguments: argparse.Namespace) -> int:
    configure(Path(arguments.data), arguments.host)
    said = prepare(arguments.demo, arguments.create_admin)
    base = f"http://{arguments.host}:{arguments.port}"
    print(f"Stratège: {base}/", flush=True)
    for line in said:
        kind, _, value = line.partition(": ")
        print(f"  {kind}: {base}{value}" if kind == "setup" else f"  {line}", flush=True)
    worker = None
    if not arguments.no_worker:
        worker = subprocess.Popen([sys.executable, "-m", "stratege.web", "worker"], env=os.environ)
    try:
        _gunicorn(arguments.host, arguments.port, arguments.workers)
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
    return 0


def worker(arguments: argparse.Namespace) -> int:
    """The background worker: runs the queued plans (``--batch``: those queued, then stops)."""
    configure(Path(os.environ.get("STRATEGE_DATA_DIR", arguments.data)))
    from django.core.management import call_command

    options = ["--batch"] if arguments.batch else []
    call_command("db_worker", *options, "--interval", "0.5")
    return 0


def manage(arguments: argparse.Namespace, rest: list[str]) -> int:
    """Any Django management command (``check --deploy``, ``createsuperuser``…)."""
    configure(Path(arguments.data))
    from django.core.management import execute_from_command_line

    execute_from_command_line(["stratege-web", *rest])
    return 0


def workspace_archive(arguments: argparse.Namespace) -> int:
    """``export-workspace SLUG FILE`` / ``import-workspace FILE --owner USERNAME``: one
    workspace as a ZIP (:mod:`stratege.web.archive`); prints the file or the address."""
    configure(Path(arguments.data))
    from stratege.i18n import system_language
    from stratege.web import archive

    try:
        if arguments.command == "export-workspace":
            done = archive.export_to_file(arguments.slug, Path(arguments.file))
        else:
            done = archive.import_from_file(Path(arguments.file), arguments.owner, arguments.name)
    except archive.ArchiveRefused as refused:
        print(f"{arguments.command}: {refused.message(system_language())}", file=sys.stderr)
        return 2
    print(done)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stratege.web")
    parser.add_argument("--data", default=os.environ.get("STRATEGE_DATA_DIR", "stratege-data"))
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--workers", type=int, default=2)
    run.add_argument("--demo", action="store_true")
    run.add_argument("--create-admin", default=None)
    run.add_argument("--no-worker", action="store_true")
    background = commands.add_parser("worker")
    background.add_argument("--batch", action="store_true")
    commands.add_parser("manage")
    for name in ("backup", "restore"):
        commands.add_parser(name).add_argument("file")
    exporting = commands.add_parser("export-workspace")
    exporting.add_argument("slug")
    exporting.add_argument("file")
    importing = commands.add_parser("import-workspace")
    importing.add_argument("file")
    importing.add_argument("--owner", required=True)
    importing.add_argument("--name", default=None)
    arguments, rest = parser.parse_known_args(argv)
    if arguments.command in ("export-workspace", "import-workspace"):
        return workspace_archive(arguments)
    if arguments.command in ("backup", "restore"):
        from stratege.web import backup

        try:
            done = getattr(backup, arguments.command)(Path(arguments.data), Path(arguments.file))
        except backup.BackupRefused as refused:
            print(f"stratege {arguments.command}: {refused}", file=sys.stderr)
            return 2
        print(done)
        return 0
    if arguments.command == "serve":
        return serve(arguments)
    if arguments.command == "worker":
        return worker(arguments)
    return manage(arguments, rest)
