"""Measurement benchmark: `stratege import` + the KPI engine against a plain pandas pipeline.

Run:  python benchmarks/measure_benchmark.py                      (1,000,000 posts, 50 pages)
      python benchmarks/measure_benchmark.py --rows 200000 --keep --json out.json
      python benchmarks/measure_benchmark.py --skip-pandas --profile

Target (issue): 1,000,000 post rows (50 Facebook pages × 2 years, Meta Business Suite CSV)
plus their account-day rows; import both and compute every KPI of a strategy per account per
month in under 5 s of wall time and under 1 GB of memory on a 2-core machine, and at least
5× faster than a straightforward pandas pipeline doing the same work.

Data (generated once, not timed; reused by `--keep` runs when rows, accounts, seed and
generator version match and the files have the recorded sizes):
  posts.csv   the Meta Business Suite "Facebook posts" export: its 33 English headers,
              UTF-8 with BOM, minimal quoting, `MM/DD/YYYY HH:MM` publish times, `Lifetime`
              in Date, captions with commas, quotes, line breaks and emoji, integer figures
              with some empty cells (and some zero reach), 50 distinct pages (two with a comma
              or quotes in their name) over 730 days.
  days.csv    one row per page per day (followers, new follows, unfollows, page visits, a few
              empty follower cells). Meta's native daily files hold one metric each and name
              no page (and no follower count), so this file is a generic CSV read through a
              mapping file (days.mapping.yaml, scope account).

Stratège (a fresh process): `import_files` of posts.csv, then of days.csv with the mapping,
into a new DuckDB store file, then `KpiEngine.compute_many(metrics, period="month",
by=("account",))` (one query per scope) for every metric the example strategy's KPIs use
(boulangeries-martin) plus every post- and account-scope metric of the catalogue. The
strategy is a copy with one Facebook channel per page (see `benchmark_strategy`), so every
page is its own account.

pandas (another fresh process): `read_csv` with usecols and dtypes (ids as text, figures read
as floats by the parser), dates parsed with their explicit format, duplicates dropped, the
store's derived fields rebuilt (posts per account-day, followers when a post was published,
active months, planned channel), then each metric written by hand as vectorised groupbys per
account per month, following the catalogue's conventions (per-post means skip rows whose
denominator is 0 or empty; first and last followers are the first and last non-empty values
of the month; a division by zero gives no value; a sum of nothing but empty cells is empty).

Both processes report wall time per step, their whole run (interpreter start-up and imports
included) and their peak RSS (getrusage of the process itself). Every (metric, account, month)
value of both is compared and the largest relative difference is printed, so the comparison
is honest (exit status 1 when they differ). `--profile` also times each SQL statement of the
Stratège import (through a proxy of the connection) and each scope's query of the KPI step.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = 1
DAYS = 730
FIRST_DAY = "2025-01-01"
STRATEGY = "boulangeries-martin"
PLATFORM = "facebook"
STEPS = ("import posts", "import account days", "KPIs")
TOLERANCE = 1e-9  # the largest relative difference between the two that counts as the same

POST_HEADERS = [
    "Post ID",
    "Page ID",
    "Page name",
    "Title",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Caption type",
    "Permalink",
    "Is crosspost",
    "Is share",
    "Post type",
    "Languages",
    "Custom labels",
    "Funded content status",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Reactions, Comments and Shares",
    "Reactions",
    "Comments",
    "Shares",
    "Total clicks",
    "Matched Audience Targeting Consumption (Photo Click)",
    "Other Clicks",
    "Link Clicks",
    "Matched Audience Targeting Consumption (Video Click)",
    "Seconds viewed",
    "Average Seconds viewed",
    "Estimated earnings (USD)",
    "Ad CPM (USD)",
    "Ad impressions",
]
DAY_HEADERS = ["Date", "Page name", "Followers", "New follows", "Unfollows", "Page visits"]
MAPPING = """\
tool: Meta Business Suite (page daily figures, mapped)
scope: account
platform: facebook
date_format: "%m/%d/%Y"
columns:
  Date: day
  Page name: account_name
  Followers: followers
  New follows: new_followers
  Unfollows: lost_followers
  Page visits: profile_visits
"""


# --- data -------------------------------------------------------------------------------


def _page_names(accounts: int) -> list[str]:
    towns = ["Lyon", "Nantes", "Lille", "Rennes", "Dijon", "Tours", "Metz", "Nîmes", "Caen", "Pau"]
    kinds = ["Boulangerie", "Pâtisserie", "Fournil", "Maison", "Atelier"]
    names = []
    for i in range(accounts):
        name = f"{kinds[i % len(kinds)]} {towns[(i // len(kinds)) % len(towns)]} {i + 1:02d}"
        if i == 3:
            name = f"Boulangerie Dupont, {towns[0]}"  # a comma: quoted in both files
        elif i == 7:
            name = 'Le "Petit" Fournil'  # quotes, doubled in the CSV
        names.append(name)
    return names


def _captions(rng: Any, count: int) -> list[str]:
    openers = [
        "Nouvelle fournée !",
        "Ce matin au fournil",
        "Le pain du jour",
        "Promo de la semaine",
        "Merci à tous",
        "Ouvert ce dimanche",
        "Recette du mois",
        "Nos croissants",
        "Atelier enfants",
        "La galette est de retour",
    ]
    middles = [
        "dès 7h, comme d'habitude",
        'nos croissants "pur beurre" sont prêts',
        "farine locale, levain naturel, patience",
        "venez tôt, il n'y en aura pas pour tout le monde",
        "rendez-vous en boutique",
        "avec nos amis du marché, place de la Mairie",
        "réservez au 04 78 00 00 00",
        "",
    ]
    tails = ["🥐", "🍞 #boulangerie", "#pain #artisan", "❤️", "👉 lien en bio", "", "#Lyon"]
    result = []
    for _ in range(count):
        opener = openers[rng.integers(len(openers))]
        middle = middles[rng.integers(len(middles))]
        tail = tails[rng.integers(len(tails))]
        sep = "\n" if rng.random() < 0.25 else " "
        text = opener + (sep + middle if middle else "") + (sep + tail if tail else "")
        result.append(text.strip())
    return result


def generate(folder: Path, rows: int, accounts: int, seed: int) -> tuple[Path, Path, Path]:
    """posts.csv, days.csv and days.mapping.yaml in ``folder`` (reused when still valid)."""
    import duckdb
    import numpy as np
    import pyarrow as pa

    folder.mkdir(parents=True, exist_ok=True)
    posts, days, mapping = folder / "posts.csv", folder / "days.csv", folder / "days.mapping.yaml"
    stamp_path = folder / "stamp.json"
    wanted = {"version": GENERATOR_VERSION, "rows": rows, "accounts": accounts, "seed": seed}
    if stamp_path.is_file() and posts.is_file() and days.is_file():
        stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
        sizes = {"posts_bytes": posts.stat().st_size, "days_bytes": days.stat().st_size}
        if {k: stamp.get(k) for k in wanted} == wanted and all(
            stamp.get(k) == v for k, v in sizes.items()
        ):
            mapping.write_text(MAPPING, encoding="utf-8")
            return posts, days, mapping
    rng = np.random.default_rng(seed)
    names = _page_names(accounts)

    # Posts per page: uneven (0.5 to 1.5 of the mean), summing to ``rows``.
    weights = rng.uniform(0.5, 1.5, accounts)
    counts = np.floor(rows * weights / weights.sum()).astype(np.int64)
    counts[: rows - counts.sum()] += 1
    account = np.repeat(np.arange(accounts), counts)
    hour_weights = np.array(
        [0, 0, 0, 0, 0, 1, 4, 8, 8, 6, 5, 6, 8, 6, 4, 4, 5, 7, 9, 8, 6, 4, 2, 1]
    )
    hour = rng.choice(24, rows, p=hour_weights / hour_weights.sum())
    minutes = rng.integers(0, DAYS, rows) * 1440 + hour * 60 + rng.integers(0, 60, rows)
    minutes = np.sort(account * (DAYS * 1440) + minutes) - account * (DAYS * 1440)
    day = minutes // 1440

    # Each page's audience: followers on each day, a random walk.
    base = np.exp(rng.uniform(np.log(800), np.log(150_000), accounts))
    new_follows = rng.poisson(np.repeat(base * 0.0015 + 1, DAYS).reshape(accounts, DAYS))
    unfollows = rng.poisson(np.repeat(base * 0.0008 + 0.5, DAYS).reshape(accounts, DAYS))
    followers = np.round(base)[:, None] + np.cumsum(new_follows - unfollows, axis=1)
    visits = rng.poisson(np.repeat(base * 0.01 + 2, DAYS).reshape(accounts, DAYS))

    kind = rng.choice(4, rows, p=[0.45, 0.15, 0.22, 0.18])  # Photos, Videos, Reels, Links
    audience = followers[account, day]
    reach = np.floor(audience * rng.lognormal(-1.6, 0.8, rows)).astype(np.int64)
    reach[rng.random(rows) < 0.004] = 0
    views = np.floor(reach * rng.uniform(1.0, 1.8, rows)).astype(np.int64)
    reactions = rng.binomial(reach, 0.03)
    comments = rng.binomial(reach, 0.004)
    shares = rng.binomial(reach, 0.002)
    clicks = rng.binomial(views, 0.03)
    link_clicks = np.where(kind == 3, rng.binomial(clicks, 0.6), 0)
    photo_clicks = np.where(kind == 0, rng.binomial(clicks - link_clicks, 0.5), 0)
    video = (kind == 1) | (kind == 2)
    duration = np.where(video, rng.integers(8, 600, rows), 0)
    average_seconds = np.where(video, np.round(rng.uniform(2, 40, rows), 1), np.nan)
    seconds = np.where(video, np.floor(views * np.nan_to_num(average_seconds)), np.nan)

    def blanks(share: float) -> Any:
        return rng.random(rows) < share

    caption_pool = pa.array(_captions(rng, 997))
    post_types = pa.array(["Photos", "Videos", "Reels", "Links"])
    labels = pa.array(["Produits", "Coulisses", "Événements", "Recettes"])
    slugs = [f"page{i + 1:02d}" for i in range(accounts)]
    table = pa.table(
        {
            "n": np.arange(rows),
            "account": account,
            "minutes": minutes,
            "title": caption_pool.take(rng.integers(0, 997, rows)),
            "title_blank": blanks(0.01),
            "description": caption_pool.take(rng.integers(0, 997, rows)),
            "description_blank": blanks(0.48),
            "post_type": post_types.take(kind),
            "reel_link": (kind == 2) & (rng.random(rows) < 0.9),
            "crosspost": (rng.random(rows) < 0.05).astype(np.int8),
            "label": labels.take(rng.integers(0, 4, rows)),
            "label_blank": blanks(0.7),
            "pfbid": rng.integers(10**17, 10**18, rows),
            "duration": duration,
            "views": pa.array(views, mask=blanks(0.002)),
            "reach": pa.array(reach, mask=blanks(0.002)),
            "engagements": pa.array(reactions + comments + shares, mask=blanks(0.003)),
            "reactions": reactions,
            "comments": pa.array(comments, mask=blanks(0.003)),
            "shares": shares,
            "clicks": pa.array(clicks, mask=blanks(0.005)),
            "photo_clicks": photo_clicks,
            "other_clicks": clicks - link_clicks - photo_clicks,
            "link_clicks": pa.array(link_clicks, mask=blanks(0.01)),
            "seconds": pa.array(seconds, mask=~video),
            "average_seconds": pa.array(average_seconds, mask=~video),
        }
    )
    pages = pa.table(
        {
            "account": np.arange(accounts),
            "name": names,
            "page_id": [str(61564880291000 + 37 * i) for i in range(accounts)],
            "slug": slugs,
        }
    )
    grid = np.arange(accounts * DAYS)
    follower_cells = followers.reshape(-1).astype(np.int64)
    days_table = pa.table(
        {
            "account": grid // DAYS,
            "day": grid % DAYS,
            "followers": pa.array(follower_cells, mask=rng.random(grid.size) < 0.01),
            "new_follows": new_follows.reshape(-1),
            "unfollows": unfollows.reshape(-1),
            "visits": visits.reshape(-1),
        }
    )
    con = duckdb.connect()
    con.register("posts_data", table)
    con.register("pages", pages)
    con.register("days_data", days_table)
    start = f"TIMESTAMP '{FIRST_DAY} 00:00:00'"
    body = folder / "posts.body.csv"
    con.execute(
        f"""COPY (
        SELECT 122000000000000000 + n * 13 AS "Post ID", p.page_id, p.name,
            CASE WHEN NOT title_blank THEN title END, CASE WHEN NOT description_blank
            THEN description END, duration,
            strftime({start} + minutes * INTERVAL 1 MINUTE, '%m/%d/%Y %H:%M'), 'N/A',
            CASE WHEN reel_link THEN 'https://www.facebook.com/reel/' || (pfbid // 1000)
                 ELSE 'https://www.facebook.com/' || p.slug || '/posts/pfbid0' || pfbid
                      || 'kTq8X1aZcB3eF9gH7jK5mN2pQ4rS6tU8l' END,
            crosspost, 0, post_type, NULL, CASE WHEN NOT label_blank THEN label END, NULL,
            NULL, 'Lifetime', views, reach, engagements, reactions, comments, shares, clicks,
            photo_clicks, other_clicks, link_clicks, 0, seconds::BIGINT, average_seconds,
            NULL, NULL, NULL
        FROM posts_data JOIN pages p USING (account) ORDER BY n
        ) TO '{body}' (FORMAT csv, HEADER false)"""
    )
    header = ",".join(f'"{h}"' if "," in h else h for h in POST_HEADERS)
    with posts.open("wb") as out:
        out.write(b"\xef\xbb\xbf" + header.encode() + b"\n")
        with body.open("rb") as inp:
            shutil.copyfileobj(inp, out, 16 << 20)
    body.unlink()
    day_body = folder / "days.body.csv"
    con.execute(
        f"""COPY (
        SELECT strftime(DATE '{FIRST_DAY}' + day::INTEGER, '%m/%d/%Y'), p.name, followers,
               new_follows, unfollows, visits
        FROM days_data JOIN pages p USING (account) ORDER BY account, day
        ) TO '{day_body}' (FORMAT csv, HEADER false)"""
    )
    with days.open("wb") as out:
        out.write(b"\xef\xbb\xbf" + ",".join(DAY_HEADERS).encode() + b"\n")
        with day_body.open("rb") as inp:
            shutil.copyfileobj(inp, out)
    day_body.unlink()
    con.close()
    mapping.write_text(MAPPING, encoding="utf-8")
    stamp = {**wanted, "posts_bytes": posts.stat().st_size, "days_bytes": days.stat().st_size}
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")
    return posts, days, mapping


# --- the metrics ------------------------------------------------------------------------


def metric_list(strategy: Any, knowledge: Any) -> list[str]:
    """The strategy's KPI metrics, then every post- and account-scope catalogue metric."""
    metrics = [kpi.metric for kpi in strategy.kpis]
    metrics += [m for m, k in knowledge.kpis.items() if k.scope in ("post", "account")]
    return list(dict.fromkeys(metrics))


def _peak_rss_mb() -> float:
    """This process's peak resident memory. On Linux, the high-water mark of its own memory
    map (VmHWM): getrusage's maxrss survives exec, so a child started by a parent that had
    just generated the data would report the parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _Laps:
    """Wall and CPU seconds of each step of a run ("start-up": the imports before it)."""

    def __init__(self, started: float) -> None:
        self.wall = {"start-up": time.perf_counter() - started}
        self.cpu = {"start-up": _cpu_s()}  # the interpreter's start included
        self.start()

    def start(self) -> None:
        self._wall, self._cpu = time.perf_counter(), _cpu_s()

    def stop(self, step: str) -> None:
        self.wall[step] = time.perf_counter() - self._wall
        self.cpu[step] = _cpu_s() - self._cpu


class _TimedConnection:
    """A DuckDB connection that records how long each statement takes (for --profile)."""

    def __init__(self, con: Any, log: list[tuple[float, str]]) -> None:
        self._con = con
        self._log = log

    def execute(self, query: str, *args: Any) -> Any:
        start = time.perf_counter()
        result = self._con.execute(query, *args)
        self._log.append((time.perf_counter() - start, " ".join(query.split())))
        return result

    def executemany(self, query: str, *args: Any) -> Any:
        start = time.perf_counter()
        result = self._con.executemany(query, *args)
        self._log.append((time.perf_counter() - start, " ".join(query.split())))
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def benchmark_strategy(strategy: Any, accounts: int) -> Any:
    """The example strategy with one Facebook channel per page (an agency's 50 pages): the
    importer stores an own page that is a channel under the channel's handle, and a single
    Facebook channel would take every page, so each page gets its own."""
    facebook = next(c for c in strategy.channels if c.platform == PLATFORM)
    pages = [
        facebook.model_copy(update={"id": f"{PLATFORM}-{i + 1:02d}", "handle": name})
        for i, name in enumerate(_page_names(accounts))
    ]
    others = [c for c in strategy.channels if c.platform != PLATFORM]
    return strategy.model_copy(update={"channels": [*pages, *others]})


def child_stratege(
    work: Path, posts: Path, days: Path, mapping: Path, accounts: int, profile: bool
) -> dict:
    started = time.perf_counter()
    import ibis

    from stratege.knowledge.loader import load_knowledge
    from stratege.measure.engine import KpiEngine
    from stratege.measure.importing import ImportOptions, import_files
    from stratege.measure.mapping import load_mapping
    from stratege.measure.store import open_store
    from stratege.services.strategies import example

    strategy = benchmark_strategy(example(STRATEGY).strategy, accounts)
    knowledge = load_knowledge(strategy.knowledge)
    metrics = metric_list(strategy, knowledge)
    store = work / "store.duckdb"
    for leftover in (store, work / "store.duckdb.wal"):
        leftover.unlink(missing_ok=True)
    laps = _Laps(started)
    log: list[tuple[float, str]] = []
    con = open_store(store)
    target = _TimedConnection(con, log) if profile else con

    laps.start()
    import_files(target, strategy, knowledge, [posts])  # type: ignore[arg-type]
    laps.stop("import posts")
    profile_posts, log[:] = list(log), []

    laps.start()
    spec, decimal = load_mapping(mapping, knowledge)
    options = ImportOptions(mapping=spec, decimal=decimal)
    import_files(target, strategy, knowledge, [days], options)  # type: ignore[arg-type]
    laps.stop("import account days")
    profile_days = list(log)

    laps.start()
    engine = KpiEngine(ibis.duckdb.from_connection(con), knowledge)
    results: list[tuple[str, str | None, str, float | None]] = []
    per_scope: dict[str, float] = {}
    # One query per scope (compute_many); --profile runs the scopes one by one to time them.
    scopes: dict[str, list[str]] = {}
    for metric in metrics:
        scopes.setdefault(knowledge.kpis[metric].scope if profile else "all", []).append(metric)
    for scope, names in scopes.items():
        m0 = time.perf_counter()
        computed = engine.compute_many(names, period="month", by=("account",))
        for metric, values in computed.items():
            for value in values:
                day = value.period_start.isoformat()
                results.append((metric, value.keys[0], day, value.value))
        per_scope[f"{scope} ({len(names)} metrics)"] = time.perf_counter() - m0
    laps.stop("KPIs")
    con.close()
    peak, cpu = _peak_rss_mb(), _cpu_s()
    (work / "stratege.values.json").write_text(json.dumps(results), encoding="utf-8")
    report: dict[str, Any] = {
        "steps": laps.wall,
        "cpu_steps": laps.cpu,
        "peak_rss_mb": peak,
        "cpu_s": cpu,
    }
    report["metrics"] = len(metrics)
    report["values"] = len(results)
    report["store_mb"] = store.stat().st_size / 1e6
    if profile:
        report["profile"] = {
            "import posts": sorted(profile_posts, reverse=True)[:12],
            "import account days": sorted(profile_days, reverse=True)[:12],
            "KPIs": sorted(((s, m) for m, s in per_scope.items()), reverse=True)[:12],
        }
    return report


def child_pandas(work: Path, posts: Path, days: Path) -> dict:
    started = time.perf_counter()
    import numpy as np
    import pandas as pd

    laps = _Laps(started)
    figures = {
        "Views": "impressions",
        "Reach": "reach",
        "Reactions, Comments and Shares": "engagements",
        "Reactions": "reactions",
        "Comments": "comments",
        "Shares": "shares",
        "Total clicks": "clicks",
        "Link Clicks": "link_clicks",
    }
    ids = {"Post ID": "post_id", "Page ID": "account_id", "Page name": "account"}

    # Import posts: the columns needed, ids as text, figures as numbers, dates by format.
    laps.start()
    p = pd.read_csv(
        posts,
        usecols=[*ids, "Publish time", *figures],
        dtype={
            **dict.fromkeys(ids, "str"),
            "Publish time": "str",
            **dict.fromkeys(figures, "float64"),
        },
        encoding="utf-8-sig",
        engine="c",  # pyarrow's parser cannot read captions that hold line breaks
    ).rename(columns={**ids, **figures})
    p["published_at"] = pd.to_datetime(p.pop("Publish time"), format="%m/%d/%Y %H:%M")
    p = p.drop_duplicates(subset=["account", "post_id"], keep="last")
    p["day"] = p["published_at"].dt.normalize()
    p["month"] = p["published_at"].dt.to_period("M")
    laps.stop("import posts")

    # Import account days, and the fields the store derives: posts per day, followers when
    # each post was published, planned channel (every page is the strategy's Facebook
    # channel) and active channel (the page published that month).
    laps.start()
    d = pd.read_csv(
        days,
        dtype={"Date": "str", "Page name": "str", **dict.fromkeys(DAY_HEADERS[2:], "float64")},
        encoding="utf-8-sig",
        engine="c",
    ).rename(
        columns={
            "Page name": "account",
            "Followers": "followers",
            "New follows": "new_followers",
            "Unfollows": "lost_followers",
            "Page visits": "profile_visits",
        }
    )
    d["day"] = pd.to_datetime(d.pop("Date"), format="%m/%d/%Y")
    d = d.drop_duplicates(subset=["account", "day"], keep="last")
    per_day = p.groupby(["account", "day"]).size().rename("posts").reset_index()
    d = d.merge(per_day, on=["account", "day"], how="outer")
    d["posts"] = d["posts"].fillna(0.0)
    d["month"] = d["day"].dt.to_period("M")
    d["planned_channel"] = 1.0
    d["active_channel"] = (
        d.groupby(["account", "month"])["posts"].transform("sum").gt(0).astype("float64")
    )
    p = p.merge(d[["account", "day", "followers"]], on=["account", "day"], how="left")
    p = p.rename(columns={"followers": "followers_at_post"})
    laps.stop("import account days")

    # Every metric per account per month, by hand.
    laps.start()
    keys = ["account", "month"]

    def ratio(num: pd.Series, den: pd.Series) -> pd.Series:
        return num / den.where(den != 0)

    p["er_reach"] = ratio(p["engagements"], p["reach"])
    p["er_impressions"] = ratio(p["engagements"], p["impressions"])
    p["er_followers"] = ratio(p["engagements"], p["followers_at_post"])
    p["applause"] = ratio(p["reactions"], p["followers_at_post"])
    p["conversation"] = ratio(p["comments"], p["followers_at_post"])
    p["amplification"] = ratio(p["shares"], p["followers_at_post"])
    p["reach_rate"] = ratio(p["reach"], p["followers_at_post"])
    gp = p.groupby(keys)
    s = gp[["engagements", "reach", "impressions", "link_clicks"]].sum(min_count=1)
    m = gp[
        [
            "er_reach",
            "er_impressions",
            "er_followers",
            "applause",
            "conversation",
            "amplification",
            "reach_rate",
        ]
    ].mean()
    n = gp.size().astype("float64")
    empty = pd.Series(np.nan, index=n.index)  # fields the export lacks: saves, videos
    post = pd.DataFrame(
        {
            "engagement_rate_by_reach_post": m["er_reach"] * 100,
            "engagement_rate_by_reach_period": ratio(s["engagements"], s["reach"]) * 100,
            "engagement_rate_by_impressions_post": m["er_impressions"] * 100,
            "engagement_rate_by_impressions_period": ratio(s["engagements"], s["impressions"])
            * 100,
            "engagement_rate_by_followers_post": m["er_followers"] * 100,
            "engagements_total": s["engagements"],
            "engagements_per_post": ratio(s["engagements"], n),
            "applause_rate": m["applause"] * 100,
            "conversation_rate": m["conversation"] * 100,
            "saves_rate": empty,
            "link_clicks": s["link_clicks"],
            "link_click_rate": ratio(s["link_clicks"], s["impressions"]) * 100,
            "video_view_rate": empty,
            "video_completion_rate": empty,
            "average_watch_time": empty,
            "impressions": s["impressions"],
            "reach": s["reach"],
            "average_reach_per_post": ratio(s["reach"], n),
            "reach_rate": m["reach_rate"] * 100,
            "video_views": empty,
            "posts_published": n,
            "amplification_rate": m["amplification"] * 100,
        }
    )
    d["planned_active"] = d["planned_channel"] * d["active_channel"]
    ga = d.groupby(keys)
    sa = ga[["new_followers", "lost_followers", "profile_visits", "posts", "planned_channel"]].sum(
        min_count=1
    )
    sa["planned_active"] = ga["planned_active"].sum(min_count=1)
    na = ga.size().astype("float64")
    known = d.dropna(subset=["followers"]).sort_values(["account", "day"])
    edges = known.groupby(keys)["followers"].agg(["first", "last"]).reindex(na.index)
    growth = edges["last"] - edges["first"]
    empty = pd.Series(np.nan, index=na.index)  # fields the export lacks: web sessions
    account = pd.DataFrame(
        {
            "profile_visits": sa["profile_visits"],
            "follower_count": edges["last"],
            "follower_growth": growth,
            "follower_growth_rate": ratio(growth, edges["first"]) * 100,
            "new_followers": sa["new_followers"],
            "unfollow_rate": ratio(sa["lost_followers"], (edges["first"] + edges["last"]) / 2)
            * 100,
            "active_presence": ratio(sa["planned_active"], sa["planned_channel"]) * 100,
            "posting_frequency": ratio(sa["posts"] * 7, na),
            "posting_frequency_per_day": ratio(sa["posts"], na),
            "social_sessions": empty,
            "social_conversions": empty,
            "social_conversion_rate": empty,
        }
    )
    laps.stop("KPIs")
    peak, cpu = _peak_rss_mb(), _cpu_s()

    results = []
    for frame in (post, account):
        long = frame.stack(future_stack=True).reset_index()
        long.columns = ["account", "month", "metric", "value"]
        for row in long.itertuples(index=False):
            value = None if pd.isna(row.value) else float(row.value)
            month = row.month.start_time.date().isoformat()
            results.append((row.metric, f"{PLATFORM}/{row.account}", month, value))
    (work / "pandas.values.json").write_text(json.dumps(results), encoding="utf-8")
    report = {"steps": laps.wall, "cpu_steps": laps.cpu, "peak_rss_mb": peak, "cpu_s": cpu}
    return {**report, "values": len(results)}


# --- comparison and report --------------------------------------------------------------


def compare(work: Path) -> dict[str, Any]:
    """Every (metric, account, month) value pandas computed, against Stratège's."""
    ours = {tuple(r[:3]): r[3] for r in json.loads((work / "stratege.values.json").read_text())}
    theirs = {tuple(r[:3]): r[3] for r in json.loads((work / "pandas.values.json").read_text())}
    metrics = {key[0] for key in theirs}
    ours = {key: value for key, value in ours.items() if key[0] in metrics}
    missing = sorted(set(theirs) - set(ours))
    extra = sorted(set(ours) - set(theirs))
    worst, worst_key, presence, numbers = 0.0, None, 0, 0
    for key in set(ours) & set(theirs):
        a, b = ours[key], theirs[key]
        if a is None or b is None:
            presence += a is not b
            continue
        numbers += 1
        scale = max(abs(a), abs(b))
        difference = abs(a - b) / scale if scale else 0.0
        if difference > worst:
            worst, worst_key = difference, key
    return {
        "metrics": len(metrics),
        "compared": len(set(ours) & set(theirs)),
        "numbers": numbers,
        "max_relative_difference": worst,
        "worst": list(worst_key) if worst_key else None,
        "value_vs_empty": presence,
        "only_pandas": len(missing),
        "only_stratege": len(extra),
        "examples": [list(k) for k in (missing + extra)[:5]],
    }


def _run_child(args: argparse.Namespace, kind: str, work: Path, files: tuple[Path, ...]) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    command += ["--dir", str(work)]
    command += ["--accounts", str(args.accounts)]
    command += ["--files", *map(str, files)]
    if args.profile:
        command.append("--profile")
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {kind} run failed (exit {done.returncode})")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    report["process_s"] = wall
    return report


def _table(ours: dict, theirs: dict | None) -> str:
    """Wall seconds (and the ratio pandas / Stratège), CPU seconds and peak memory."""
    lines = [
        "| step | Stratège (s) | pandas (s) | ratio | Stratège CPU (s) | pandas CPU (s) |",
        "|---|---:|---:|---:|---:|---:|",
    ]

    def cell(value: float | None) -> str:
        return "—" if value is None else f"{value:.2f}"

    def row(name: str, a: float, b: float | None, a_cpu: float, b_cpu: float | None) -> None:
        ratio = f"{b / a:.1f}×" if b is not None and a > 0 else "—"
        lines.append(f"| {name} | {a:.2f} | {cell(b)} | {ratio} | {a_cpu:.2f} | {cell(b_cpu)} |")

    def of(report: dict | None, key: str, step: str | None = None) -> float | None:
        if report is None:
            return None
        return float(report[key][step] if step else report[key])

    for step in STEPS:
        row(
            step,
            ours["steps"][step],
            of(theirs, "steps", step),
            ours["cpu_steps"][step],
            of(theirs, "cpu_steps", step),
        )
    row(
        "total (the three steps)",
        _total(ours, "steps"),
        theirs and _total(theirs, "steps"),
        _total(ours, "cpu_steps"),
        theirs and _total(theirs, "cpu_steps"),
    )
    row(
        "whole process (start-up included)",
        ours["process_s"],
        of(theirs, "process_s"),
        ours["cpu_s"],
        of(theirs, "cpu_s"),
    )
    peak_b = f"{theirs['peak_rss_mb']:.0f}" if theirs else "—"
    lines.append(f"| peak RSS (MB) | {ours['peak_rss_mb']:.0f} | {peak_b} | | | |")
    return "\n".join(lines)


def _total(report: dict, key: str) -> float:
    return sum(report[key][step] for step in STEPS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="post rows (1,000,000)")
    parser.add_argument("--accounts", type=int, default=50, help="Facebook pages (50)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, help="where the files go (a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--skip-pandas", action="store_true", help="no pandas baseline")
    parser.add_argument("--json", type=Path, help="write the results as JSON to this file")
    parser.add_argument("--profile", action="store_true", help="time each SQL and metric")
    parser.add_argument("--child", choices=["stratege", "pandas"], help=argparse.SUPPRESS)
    parser.add_argument("--files", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        work, (posts, days, mapping) = args.dir, args.files
        if args.child == "stratege":
            report = child_stratege(work, posts, days, mapping, args.accounts, args.profile)
        else:
            report = child_pandas(work, posts, days)
        print(json.dumps(report))
        return 0

    own_dir = args.dir is None
    work = args.dir or Path(tempfile.gettempdir()) / "stratege-measure-benchmark"
    start = time.perf_counter()
    files = generate(work, args.rows, args.accounts, args.seed)
    generated = time.perf_counter() - start
    size_mb = files[0].stat().st_size / 1e6
    print(
        f"data: {args.rows:,} posts of {args.accounts} pages over {DAYS} days "
        f"({size_mb:.0f} MB) + {args.accounts * DAYS:,} account days, ready in {generated:.1f} s"
        f" ({work}); {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    load_before = os.getloadavg()[0]
    try:
        ours = _run_child(args, "stratege", work, files)
        theirs = None if args.skip_pandas else _run_child(args, "pandas", work, files)
        check = None if theirs is None else compare(work)
    finally:
        for name in ("store.duckdb", "store.duckdb.wal", "stratege.values.json"):
            (work / name).unlink(missing_ok=True)
        (work / "pandas.values.json").unlink(missing_ok=True)
        if not args.keep:
            if own_dir:
                shutil.rmtree(work, ignore_errors=True)
            else:
                for path in (*files, work / "stamp.json"):
                    path.unlink(missing_ok=True)

    print()
    print(_table(ours, theirs))
    print()
    total = _total(ours, "steps")
    print(
        f"Stratège: {ours['metrics']} metrics, {ours['values']:,} values, store "
        f"{ours['store_mb']:.0f} MB; target < 5 s and < 1 GB: "
        f"{'met' if total < 5 and ours['peak_rss_mb'] < 1024 else 'missed'} "
        f"({total:.2f} s, {ours['peak_rss_mb']:.0f} MB)"
    )
    agree = check is None or (
        check["max_relative_difference"] < TOLERANCE
        and not (check["value_vs_empty"] or check["only_pandas"] or check["only_stratege"])
    )
    if check is not None:
        print(
            f"check: {check['compared']:,} (metric, account, month) values of "
            f"{check['metrics']} metrics compared ({check['numbers']:,} numbers); max relative "
            f"difference {check['max_relative_difference']:.2e}; value vs empty: "
            f"{check['value_vs_empty']}; only pandas: {check['only_pandas']}, only Stratège: "
            f"{check['only_stratege']} → {'same numbers' if agree else 'THEY DIFFER'}"
        )
    if args.profile:
        for step, entries in ours["profile"].items():
            print(f"\nslowest in {step}:")
            for seconds, what in entries:
                print(f"  {seconds:6.3f} s  {what[:150]}")
    if args.json:
        result = {
            "rows": args.rows,
            "accounts": args.accounts,
            "days": DAYS,
            "seed": args.seed,
            "cpus": os.cpu_count(),
            "load_average": [load_before, os.getloadavg()[0]],
            "posts_csv_mb": size_mb,
            "stratege": ours,
            "pandas": theirs,
            "check": check,
        }
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0 if agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
