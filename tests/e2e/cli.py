"""Running `stratege` in tests: in-process (fast: the same code path a user's command takes,
minus the interpreter start) or, where the process itself matters, as a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

STRATEGE = shutil.which("stratege") or str(Path(sys.executable).with_name("stratege"))
ENV = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "", "COLUMNS": "120"}


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def invoke(*args: str, lang_env: str = "C.UTF-8") -> Ran:
    """`stratege ARGS` in this process. An exception the command did not expect is raised
    again here, so a test fails on it instead of reading an exit code."""
    from stratege.cli.commands import full_app

    result = CliRunner().invoke(
        full_app(), list(args), env={**ENV, "LANG": lang_env}, catch_exceptions=False
    )
    return Ran(result.exit_code, result.stdout, result.stderr)


def run(*args: str, lang_env: str = "C.UTF-8", timeout: float = 120) -> Ran:
    """`stratege ARGS` as a new process of the installed command, as a user runs it."""
    env = {**os.environ, **ENV, "LANG": lang_env}
    done = subprocess.run(
        [STRATEGE, *args], capture_output=True, text=True, env=env, timeout=timeout
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def plain(text: str) -> str:
    """Text with French typography's non-breaking spaces turned into plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")
