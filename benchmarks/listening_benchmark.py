"""Listening at scale: a million mentions of ten brands, from the file to the alerts.

Run:  python benchmarks/listening_benchmark.py [--mentions 1000000] [--dir DIR] [--keep] [--spark]

The mentions are the French and English tweets of the sentiment data's validation split
(``../shared/data/sentiment``), repeated to the count asked over a year, a third of them
with one of ten brands' names, hashtags or handles written in (the queries and inserts of
``query_matching_benchmark.py``), with a week of extra negative mentions of the own brand
(a crisis the alerts must find), 50,000 authors, reach and links. The strategy is
boulangeries-martin's with ten brands: its own and nine competitors, each with its query.

Each step runs in a process of its own; the table gives its wall time and peak memory
(the child's maximum resident set):

- ``import``: ``stratege import`` of the CSV through a mapping: read and typed by DuckDB,
  every mention matched against the ten queries, the sentiment of those a query names by
  the shipped model, one
  row per mention and brand merged into the store, ambassadors flagged;
- ``matching`` and ``sentiment``: those two parts of the import alone, on every text of
  the file, to show where its time goes (the import reads the tone of only the mentions
  some query names: the others are not kept);
- ``share of voice, daily``: the KPI engine's ``share_of_voice`` and ``net_sentiment``
  per day and brand (Ibis on DuckDB);
- ``listen``: ``stratege listen --format json``: volumes, share of voice per platform and
  language, net sentiment, top terms, the daily median/MAD alerts, ambassadors;
- with ``--spark`` (the ``spark`` extra and Java): the same daily KPIs by the same engine on
  PySpark in local mode, reading the store's mention table written as Parquet, and the
  largest difference between its values and DuckDB's. The peak memory is that of
  the Python process and that of the JVM it starts, side by side.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from query_matching_benchmark import INSERTS, QUERIES  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "sentiment"
EXAMPLE = ROOT / "examples" / "boulangeries-martin.yaml"
OWN = "martin"
START = dt.datetime(2027, 1, 1)
CRISIS = range(200, 207)  # the days of the year with a burst of negative own mentions
PLATFORMS = ["x", "instagram", "facebook", "tiktok", "lefigaro.fr", "blog", "youtube"]
MAPPING = """\
tool: Benchmark listening export
scope: mention
date_format: "%Y-%m-%d %H:%M"
columns:
  Id: mention_id
  Date: published_at
  Source: platform
  Author: author
  Text: text
  URL: permalink
  Reach: mention_reach
"""
CRISIS_TEXTS = [
    "Boulangeries Martin : intoxication après un sandwich, c'est scandaleux",
    "Plus jamais chez Boulangeries Martin, pain moisi et personne ne répond 😡",
    "#boulangeriesmartin honte à vous, rappel de produits et aucune excuse",
]


def write_strategy(folder: Path) -> Path:
    """boulangeries-martin with the ten brands of the benchmark's queries."""
    from ruamel.yaml import YAML

    yaml = YAML()
    document = yaml.load(EXAMPLE.read_text(encoding="utf-8"))
    competitors = document["audit"]["competitors"]
    known = {c["id"] for c in competitors}
    for brand in QUERIES:
        if brand != OWN and brand not in known:
            competitors.append({"id": brand, "name": brand.replace("-", " ").title()})
    document["listening"]["languages"] = ["fr", "en"]
    document["listening"]["queries"] = [
        {"owner": "own" if brand == OWN else brand, "query": query}
        for brand, query in QUERIES.items()
    ]
    target = folder / "s.yaml"
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(document, handle)
    return target


def write_mentions(folder: Path, count: int) -> tuple[Path, Path]:
    base = [
        line
        for lang in ("fr", "en")
        for line in (DATA / lang / "val_text.txt").read_text(encoding="utf-8").splitlines()
    ]
    chosen = random.Random(2027)
    target, texts = folder / "mentions.csv", folder / "texts.txt"
    with (
        target.open("w", encoding="utf-8", newline="") as handle,
        texts.open("w", encoding="utf-8") as lines,
    ):
        writer = csv.writer(handle)
        writer.writerow(["Id", "Date", "Source", "Author", "Text", "URL", "Reach"])
        for number in range(count):
            day = number * 365 // count
            if day in CRISIS and number % 4 == 0:
                text = chosen.choice(CRISIS_TEXTS)
            else:
                text = base[number % len(base)]
                if number % 3 == 0:
                    text = f"{text} {chosen.choice(INSERTS)}"
            moment = START + dt.timedelta(days=day, minutes=chosen.randrange(24 * 60))
            author = f"@user{chosen.randrange(50_000)}"
            platform = PLATFORMS[number % len(PLATFORMS)]
            writer.writerow(
                [
                    f"m{number}",
                    moment.strftime("%Y-%m-%d %H:%M"),
                    platform,
                    author,
                    text,
                    f"https://example.org/{platform}/{number}",
                    chosen.randrange(10, 200_000),
                ]
            )
            lines.write(text.replace("\n", " ") + "\n")
    mapping = folder / "mentions.mapping.yaml"
    mapping.write_text(MAPPING, encoding="utf-8")
    return target, mapping


def run_step(name: str, command: list[str]) -> dict[str, object]:
    """Run one step in its own process: wall seconds and the child's peak memory."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)  # the child's own peak memory
        wall = time.perf_counter() - started
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read().decode(), stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{name} failed ({code}):\n{out[-2000:]}\n{err[-2000:]}")
    return {
        "step": name,
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "output": out,
    }


MATCHING = """
import sys, time
from stratege.queries import compile_query, match_many
sys.path.insert(0, {bench!r})
from query_matching_benchmark import QUERIES
texts = open({texts!r}, encoding="utf-8").read().splitlines()
queries = [compile_query(q) for q in QUERIES.values()]
found = match_many(queries, texts)
print(sum(int(f.sum()) for f in found))
"""
SENTIMENT = """
from stratege.listening.sentiment import classify
texts = open({texts!r}, encoding="utf-8").read().splitlines()
labels = classify(texts, "auto")
print(sum(1 for s in labels if s.label == "negative"))
"""
DAILY = """
import json, ibis
from stratege.knowledge.loader import load_knowledge
from stratege.measure.engine import KpiEngine
{connect}
engine = KpiEngine(backend, load_knowledge([]))
shares = engine.compute("share_of_voice", period="day")
by_brand = engine.compute_many(["mentions_volume", "net_sentiment"], period="day",
                               by=["owner"])
values = [["share_of_voice", [], v.period_start.isoformat(), v.value] for v in shares]
values += [[m, list(v.keys), v.period_start.isoformat(), v.value]
           for m, found in by_brand.items() for v in found]
json.dump(values, open({out!r}, "w"))
print(len(shares), sum(len(v) for v in by_brand.values()))
"""
ON_DUCKDB = """
import duckdb
backend = ibis.duckdb.from_connection(duckdb.connect({store!r}, read_only=True))
"""
# Spark in local mode on both cores, reading the store's mention table as Parquet (what an
# organisation whose data outgrow one machine would keep in its lake).
ON_SPARK = """
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "4")
         .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
spark.read.parquet({parquet!r}).createOrReplaceTempView("mention")
backend = ibis.pyspark.connect(spark)
"""
JVM_PEAK = """
pid = spark.sparkContext._gateway.proc.pid
status = open(f"/proc/{pid}/status").read()
print("jvm peak kB", next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM")))
"""


def same_values(first: Path, second: Path) -> float:
    """The largest difference between two engines' (metric, keys, day) values; inf when
    their sets of values differ."""
    a = {(m, tuple(k), d): v for m, k, d, v in json.loads(first.read_text())}
    b = {(m, tuple(k), d): v for m, k, d, v in json.loads(second.read_text())}
    if a.keys() != b.keys():
        return float("inf")
    gaps = [
        0.0 if a[k] == b[k] else abs(a[k] - b[k]) if None not in (a[k], b[k]) else float("inf")
        for k in a
    ]
    return max(gaps, default=0.0)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--mentions", type=int, default=1_000_000)
    arguments.add_argument("--dir", type=Path, default=None)
    arguments.add_argument("--keep", action="store_true", help="keep the generated files")
    arguments.add_argument(
        "--spark", action="store_true", help="also the daily KPIs on Spark (the spark extra)"
    )
    options = arguments.parse_args()
    folder = options.dir or Path(tempfile.mkdtemp(prefix="stratege-listening-"))
    folder.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    stratege = str(Path(python).with_name("stratege"))
    started = time.perf_counter()
    strategy = write_strategy(folder)
    mentions, mapping = write_mentions(folder, options.mentions)
    size = mentions.stat().st_size / 1e6
    print(
        f"{options.mentions:,} mentions, {size:.0f} MB, written in "
        f"{time.perf_counter() - started:.1f} s in {folder}"
    )
    store = folder / "s.data.duckdb"
    store.unlink(missing_ok=True)
    texts = str(folder / "texts.txt")
    steps = [
        run_step(
            "import (matching + sentiment + store)",
            [
                stratege,
                "import",
                str(strategy),
                str(mentions),
                "--mapping",
                str(mapping),
                "--lang",
                "en",
                "--format",
                "json",
            ],
        ),
        run_step(
            "  matching of every text, alone",
            [python, "-c", MATCHING.format(bench=str(ROOT / "benchmarks"), texts=texts)],
        ),
        run_step("  sentiment of every text, alone", [python, "-c", SENTIMENT.format(texts=texts)]),
        run_step(
            "share of voice and net sentiment, daily",
            [
                python,
                "-c",
                DAILY.format(
                    connect=ON_DUCKDB.format(store=str(store)), out=str(folder / "duckdb.json")
                ),
            ],
        ),
        run_step(
            "listen (volumes, shares, terms, alerts, ambassadors)",
            [stratege, "listen", str(strategy), "--format", "json", "--lang", "en"],
        ),
    ]
    if options.spark:
        import duckdb

        parquet = folder / "mention.parquet"
        with duckdb.connect(str(store), read_only=True) as con:
            con.execute(f"COPY mention TO '{parquet}' (FORMAT parquet)")
        steps.append(
            run_step(
                "share of voice and net sentiment, daily, on Spark (local, 2 cores)",
                [
                    python,
                    "-c",
                    DAILY.format(
                        connect=ON_SPARK.format(parquet=str(parquet)),
                        out=str(folder / "spark.json"),
                    )
                    + JVM_PEAK,
                ],
            )
        )
        jvm_kb = int(steps[-1]["output"].split("jvm peak kB")[-1].split()[0])
        steps[-1]["peak_mb"] = f"{steps[-1]['peak_mb']} (Python) + {round(jvm_kb / 1024)} (JVM)"
        gap = same_values(folder / "duckdb.json", folder / "spark.json")
        print(f"Spark against DuckDB, largest difference of a daily value: {gap:g}")
    imported = json.loads(steps[0]["output"])["files"][0]
    results = json.loads(steps[4]["output"])
    alerts = results.get("alerts", [])
    print(f"rows: {imported['rows']}")
    print(
        f"alerts: {len(alerts)}; on the crisis days: "
        f"{sum(1 for a in alerts if _day_of(a) in CRISIS)}"
    )
    print()
    print("| step | wall (s) | CPU (s) | peak memory (MB) |")
    print("|---|---:|---:|---:|")
    for step in steps:
        print(f"| {step['step']} | {step['wall_s']} | {step['cpu_s']} | {step['peak_mb']} |")
    total = steps[0]["wall_s"] + steps[3]["wall_s"] + steps[4]["wall_s"]
    print(
        f"| **import + daily share of voice + listen** | **{total:.1f}** | | "
        f"**{max(steps[0]['peak_mb'], steps[3]['peak_mb'], steps[4]['peak_mb'])}** |"
    )
    if not options.keep and options.dir is None:
        shutil.rmtree(folder)


def _day_of(alert: dict[str, object]) -> int:
    day = dt.date.fromisoformat(str(alert.get("day")))
    return (day - START.date()).days


if __name__ == "__main__":
    main()
