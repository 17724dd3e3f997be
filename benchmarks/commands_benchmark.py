"""Wall time of the commands a user runs, start-up and every export included.

Run:  python benchmarks/commands_benchmark.py              (every command, 5 runs each)
      python benchmarks/commands_benchmark.py --runs 9 --only check help

Each command runs as a new process of the installed `stratege` (the venv next to the
Python running this script), so the figures include interpreter start-up, imports and
writing every file, exactly what a user waits for. The median, min and max of the runs
are printed as a Markdown table; `--json FILE` also writes them for comparisons.

Commands (targets of issue 7 in brackets):
  help      stratege --help                                   [< 150 ms]
  version   stratege --version                                [< 150 ms]
  check     stratege check examples/mairie-rives.yaml         [< 300 ms]
  plan      stratege plan examples/mairie-rives.yaml (4,491 posts, every export)   [< 2 s]
  plan-5k   stratege plan on the planner benchmark's scenario (a) (5,002 posts)   [< 2 s]
  pack      stratege pack mairie-rives without PDF             [< 3 s]
  pack-pdf  stratege pack mairie-rives with both PDFs          [< 6 s]
  measure-EXAMPLE, audit-EXAMPLE, listen-EXAMPLE
            stratege measure / audit / listen of each bundled example, on a store of its
            generated exports imported beforehand (not timed)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LARGEST = ROOT / "examples" / "mairie-rives.yaml"


def _stratege() -> str:
    chosen = os.environ.get("STRATEGE_BIN")  # e.g. a regular (not editable) install
    beside = Path(chosen) if chosen else Path(sys.executable).with_name("stratege")
    return str(beside) if beside.exists() else shutil.which("stratege") or "stratege"


def _scenario_a_file(folder: Path) -> Path:
    """The planner benchmark's one-organisation year as a strategy file."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from plan_benchmark import scenario_a

    from stratege.strategy import dump_strategy

    path = folder / "scenario-a.yaml"
    path.write_text(dump_strategy(scenario_a()[0]), encoding="utf-8")
    return path


def _example_stores(folder: Path, wanted: list[str] | None) -> dict[str, Path]:
    """Each bundled example's exports imported into a store of its own (only those asked)."""
    from stratege.bundled import example_names
    from stratege.services import measuring, strategies

    stores: dict[str, Path] = {}
    for name in example_names():
        asked = [f"{command}-{name}" for command in ("measure", "audit", "listen")]
        if wanted and not set(asked) & set(wanted):
            continue
        store = folder / f"{name}.duckdb"
        if measuring.import_example_data(strategies.example(name), name, store):
            stores[name] = store
    return stores


def commands(
    folder: Path, wanted: list[str] | None = None
) -> dict[str, tuple[list[str], dict[str, str]]]:
    exe = _stratege()
    measured = {
        f"{command}-{name}": (
            [exe, command, str(ROOT / "examples" / f"{name}.yaml"), "--data", str(store)],
            {},
        )
        for name, store in _example_stores(folder, wanted).items()
        for command in ("measure", "audit", "listen")
    }
    return measured | {
        "help": ([exe, "--help"], {}),
        "version": ([exe, "--version"], {}),
        "check": ([exe, "check", str(LARGEST)], {}),
        "plan": ([exe, "plan", str(LARGEST), "--out", str(folder / "plan")], {}),
        "plan-5k": (
            [exe, "plan", str(_scenario_a_file(folder)), "--out", str(folder / "plan5k")],
            {},
        ),
        "pack": ([exe, "pack", str(LARGEST), "--out", str(folder / "pack"), "--no-pdf"], {}),
        "pack-pdf": ([exe, "pack", str(LARGEST), "--out", str(folder / "pack-pdf")], {}),
    }


def time_command(command: list[str], extra_env: dict[str, str], runs: int) -> list[float]:
    env = {**os.environ, **extra_env}
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, check=False)
        seconds.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            tail = done.stderr.decode(errors="replace")[-400:]
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {tail}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="command names to time")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="stratege-bench-") as tmp:
        for name, (command, env) in commands(Path(tmp), args.only).items():
            if args.only and name not in args.only:
                continue
            seconds = time_command(command, env, args.runs)
            results[name] = {
                "median": statistics.median(seconds),
                "min": min(seconds),
                "max": max(seconds),
                "runs": len(seconds),
            }
    print("| command | median s | min s | max s | runs |")
    print("|---|---|---|---|---|")
    for name, figures in results.items():
        print(
            f"| {name} | {figures['median']:.3f} | {figures['min']:.3f} | "
            f"{figures['max']:.3f} | {figures['runs']} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
