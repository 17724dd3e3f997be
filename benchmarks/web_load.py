"""Load test of the web application: `stratege serve` under production settings on
127.0.0.1, N concurrent signed-in users reading the dashboard, a question's editor, the
calendar (its month table and the feed FullCalendar reads) and the plan page, while one
more user saves a new version every few seconds.

Run:  python benchmarks/web_load.py                       (20 users, 120 s, SQLite)
      python benchmarks/web_load.py --database postgres   (a fresh database on 127.0.0.1)
      python benchmarks/web_load.py --database both --duration 60 --json out.json

Each user is a thread with its own session, waiting ``--think`` seconds (default 1) between
two pages, as a person reading does (without it, 20 threads on a 2-core machine measure the
queue, not the pages). Reported per page: requests, errors (any status other than 200, any
connection error), p50, p95, p99 and max in milliseconds; the saves' own figures apart.
Target (issue 9): p95 < 100 ms and 0 errors on both databases.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

WORKSPACE = "demo-boulangeries-martin"
PAGES = {
    "dashboard": "/w/{w}/",
    "editor": "/w/{w}/q/{q}/",
    "calendar": "/w/{w}/calendar/2027/{m}/",
    "events": "/w/{w}/calendar/events.json?start=2027-{m:02d}-01&end=2027-{m:02d}-28",
    "plan": "/w/{w}/plan/",
}
POSTGRES = "postgres://postgres@127.0.0.1:5432/"


class Session:
    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def post(self, path: str, fields: dict[str, str]) -> int:
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=data, method="POST")
        try:
            with self.opener.open(request, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def sign_in(self, user: str, password: str) -> None:
        _, page = self.get("/login/")
        status = self.post(
            "/login/", {"username": user, "password": password, "csrfmiddlewaretoken": _csrf(page)}
        )
        assert status == 200, status  # redirected to the home page


def _csrf(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found, "no CSRF token in the page"
    return found.group(1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(database: str, workers: int) -> tuple[subprocess.Popen[str], str, str]:
    data = Path(tempfile.mkdtemp(prefix="stratege-load-"))
    env = dict(os.environ)
    env.pop("STRATEGE_DEBUG", None)
    if database == "postgres":
        env["DATABASE_URL"] = POSTGRES + _fresh_postgres_database()
    port = _free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "stratege.web", "--data", str(data), "serve", "--demo"),
            *("--create-admin", "load", "--port", str(port), "--workers", str(workers)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    password = ""
    while not password:
        line = process.stdout.readline()
        if not line:
            raise SystemExit("the server stopped before it started")
        found = re.search(r"admin: load / (\S+)", line)
        password = found.group(1) if found else ""
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return process, base, password


def _fresh_postgres_database() -> str:
    import psycopg

    name = f"stratege_load_{os.getpid()}"
    with psycopg.connect(POSTGRES + "postgres", autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')
        con.execute(f'CREATE DATABASE "{name}"')
    return name


def _plan_ready(session: Session) -> None:
    """Ask for the demo's plan and wait for the worker to finish it."""
    _, page = session.get(f"/w/{WORKSPACE}/plan/")
    session.post(f"/w/{WORKSPACE}/plan/compute/", {"csrfmiddlewaretoken": _csrf(page)})
    for _ in range(600):
        _, status = session.get(f"/w/{WORKSPACE}/plan/status/")
        if 'class="ok"' in status:
            return
        if 'role="alert"' in status:
            raise SystemExit("the plan failed: " + status)
        time.sleep(0.5)
    raise SystemExit("the plan took more than 5 minutes")


def _reader(base: str, password: str, stop: float, think: float, seed: int, log: list) -> None:
    session = Session(base)
    session.sign_in("load", password)
    rng = random.Random(seed)
    while time.monotonic() < stop:
        page = rng.choice(list(PAGES))
        path = PAGES[page].format(w=WORKSPACE, q=rng.randint(0, 10), m=rng.randint(1, 12))
        start = time.perf_counter()
        try:
            status, _ = session.get(path)
        except OSError:
            status = -1
        log.append((page, (time.perf_counter() - start) * 1000, status))
        time.sleep(rng.uniform(0.5, 1.5) * think)


def _writer(base: str, password: str, stop: float, every: float, log: list) -> None:
    session = Session(base)
    session.sign_in("load", password)
    count = 0
    while time.monotonic() < stop:
        _, page = session.get(f"/w/{WORKSPACE}/q/8/")
        text = re.search(r'<textarea id="id_text"[^>]*>(.*?)</textarea>', page, re.S)
        base_version = re.search(r'name="base" value="(\d+)"', page)
        assert text and base_version
        import html

        count += 1
        fields = {
            "csrfmiddlewaretoken": _csrf(page),
            "base": base_version.group(1),
            "text": html.unescape(text.group(1)) + f"\n# load {count}\n",
            "message": f"load {count}",
        }
        start = time.perf_counter()
        status = session.post(f"/w/{WORKSPACE}/q/8/save/", fields)
        log.append(("save", (time.perf_counter() - start) * 1000, status))
        time.sleep(every)


def run(database: str, users: int, duration: float, think: float, workers: int) -> dict:
    process, base, password = _start(database, workers)
    try:
        admin = Session(base)
        admin.sign_in("load", password)
        _plan_ready(admin)
        for page in PAGES.values():  # each page once, so that a first import is not counted
            admin.get(page.format(w=WORKSPACE, q=1, m=1))
        log: list[tuple[str, float, int]] = []
        stop = time.monotonic() + duration
        threads = [
            threading.Thread(target=_reader, args=(base, password, stop, think, i, log))
            for i in range(users)
        ]
        threads.append(threading.Thread(target=_writer, args=(base, password, stop, 5.0, log)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return _summary(database, log)


def _summary(database: str, log: list[tuple[str, float, int]]) -> dict:
    result: dict[str, Any] = {"database": database, "pages": {}}
    for page in [*PAGES, "save"]:
        times = sorted(t for p, t, _ in log if p == page)
        # every page answers 200; a save redirects to its page, which urllib follows
        errors = sum(1 for p, _, s in log if p == page and s != 200)
        if not times:
            continue
        result["pages"][page] = {
            "requests": len(times),
            "errors": errors,
            "p50": statistics.median(times),
            "p95": _percentile(times, 95),
            "p99": _percentile(times, 99),
            "max": times[-1],
        }
    readers = sorted(t for p, t, _ in log if p != "save")
    result["all_reads"] = {
        "requests": len(readers),
        "errors": sum(1 for p, _, s in log if s != 200),
        "p95": _percentile(readers, 95),
    }
    return result


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    index = min(len(values) - 1, max(0, round(q / 100 * len(values) + 0.5) - 1))
    return values[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=120)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = [run(d, args.users, args.duration, args.think, args.workers) for d in databases]
    print("| database | page | requests | errors | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    missed = False
    for result in results:
        for page, f in result["pages"].items():
            print(
                f"| {result['database']} | {page} | {f['requests']} | {f['errors']} | "
                f"{f['p50']:.1f} | {f['p95']:.1f} | {f['p99']:.1f} | {f['max']:.1f} |"
            )
        reads = result["all_reads"]
        met = reads["p95"] < 100 and reads["errors"] == 0
        missed |= not met
        print(
            f"| {result['database']} | all reads | {reads['requests']} | {reads['errors']} | | "
            f"{reads['p95']:.1f} | | | {'target met' if met else 'target missed'} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
