"""Django's deployment checklist (``manage.py check --deploy``) finds nothing under the
production settings `stratege serve` runs with behind TLS: secure cookies, HSTS, SSL
redirect, a real secret, no debug — nothing silenced."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_check_deploy_is_clean_under_production_settings(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("STRATEGE_") and k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    env["STRATEGE_ALLOWED_HOSTS"] = "strategie.example.org"
    command = [sys.executable, "-m", "stratege.web", "--data", str(tmp_path), "manage"]
    done = subprocess.run(
        [*command, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout
