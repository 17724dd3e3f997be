"""The bundled example strategies: shipped inside the package, linked as examples/ in the repo."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_EXAMPLE = "boulangeries-martin"


def example_names() -> list[str]:
    folder = resources.files("stratege") / "examples"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def example_path(name: str) -> Path:
    """Filesystem path of a bundled example (the package is installed unzipped)."""
    path = Path(str(resources.files("stratege") / "examples" / f"{name}.yaml"))
    if not path.is_file():
        raise KeyError(name)
    return path
