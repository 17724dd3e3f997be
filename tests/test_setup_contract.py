"""The set-up contract: CI runs README's two quick-start commands, verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", quick_start)


def test_readme_has_the_two_quick_start_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2
    assert "stratege demo" in commands[0] and "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_commands() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in _readme_commands():
        assert command in ci_lines


def test_the_core_never_imports_a_web_framework() -> None:
    core = ROOT / "src" / "stratege"
    for path in core.rglob("*.py"):
        if "web" in path.relative_to(core).parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) django", text, re.M), path
