"""Hostile-server benchmark: does a run end by itself, and what do hostile hosts cost the good?

    python bench/hostile.py [--good 20] [--delay 0.1] [--only mixed|tarpit|pager] [--json OUT]

mixed   20 good Lạc Việt portals on 127.0.0.2... plus 5 hostile hosts (header drip, body drip,
        Retry-After: 1000000000, tarpit, endless unique pager), with govnews's default settings
        but `delay`: the whole run's wall time, and the good hosts' articles per second (articles
        over the time until their last article) as a ratio to the same run without the hostile
        hosts (goal >= 0.9).
tarpit  one tarpit host (robots.txt answers, every page hangs) with default settings: the time
        it adds to a run, measured, against the bound computed from the settings.
pager   an endless pager of unique links (with rotating real articles) with max_pages = 400:
        peak RSS of the run, frontier rows left behind, articles harvested.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govnews.fixtures.faults import (BodyDrip, EndlessUniquePager, Faults,  # noqa: E402
                                     HeaderDrip, Status, Tarpit)
from govnews.fixtures.portals.lacviet import LacVietPortal  # noqa: E402
from govnews.fixtures.server import PortalServer  # noqa: E402
from govnews.output.store import Store  # noqa: E402
from govnews.scraper.crawl import Crawl, CrawlSettings, Site  # noqa: E402
from govnews.scraper.http import HttpSettings  # noqa: E402


def hostile_faults() -> list[tuple[str, Faults]]:
    made = []
    for name, pattern, fault in (
            ("header-drip", "Mode=1", HeaderDrip(interval=1.0)),
            ("body-drip", "Mode=1", BodyDrip(interval=1.0, close_delimited=True)),
            ("retry-after", "Mode=1", Status(503, retry_after="1000000000")),
            ("tarpit", "Mode=1", Tarpit()),
            ("pager", r"Mode=2|[?&]page=", EndlessUniquePager(links=20, rotate=True))):
        faults = Faults()
        faults.add(pattern, fault)
        made.append((name, faults))
    return made


def run(sites: list[Site], settings: CrawlSettings, folder: Path, good: set[str]) -> dict:
    """One crawl; the time of each good site's last committed article is read from the store."""
    store = Store.open(folder)
    crawl = Crawl(store, sites, settings, "bench")
    started_wall = time.time()
    started = time.monotonic()
    summary = crawl.run()
    wall = time.monotonic() - started
    rows = store.conn.execute("SELECT site, COUNT(*), MAX(fetched_at) FROM articles GROUP BY site"
                              ).fetchall()
    queued = store.conn.execute("SELECT COUNT(*) FROM frontier WHERE state='queued'").fetchone()[0]
    frontier = store.conn.execute("SELECT COUNT(*) FROM frontier").fetchone()[0]
    store.close()
    from datetime import datetime
    good_articles, good_last = 0, 0.0
    for site, count, last in rows:
        if site in good:
            good_articles += count
            when = datetime.fromisoformat(last.replace("Z", "+00:00")).timestamp()
            good_last = max(good_last, when - started_wall)
    return {"wall_s": round(wall, 1), "good_articles": good_articles,
            "good_seconds": round(good_last, 2),
            "good_articles_per_s": round(good_articles / good_last, 2) if good_last else 0,
            "errors": dict(summary.errors), "given_up": summary.given_up_hosts,
            "frontier_rows": frontier, "queued_left": queued}


def default_settings(delay: float, **changes) -> CrawlSettings:
    http = HttpSettings(allow_private=True)
    return CrawlSettings(delay=delay, http=http, **changes)


def bench_mixed(args) -> dict:
    good_servers = [PortalServer(LacVietPortal(), host=f"127.0.0.{2 + i}").start()
                    for i in range(args.good)]
    hostile = [(name, PortalServer(LacVietPortal(), host=f"127.0.0.{100 + i}", faults=f).start(), f)
               for i, (name, f) in enumerate(hostile_faults())]
    try:
        good_sites = [Site(f"good{i}", [s.url + "/"], allow_private=True)
                      for i, s in enumerate(good_servers)]
        bad_sites = [Site(name, [s.url + "/"], allow_private=True) for name, s, _ in hostile]
        names = {s.name for s in good_sites}
        with tempfile.TemporaryDirectory() as tmp:
            alone = run(good_sites, default_settings(args.delay), Path(tmp) / "a", names)
            mixed = run(good_sites + bad_sites, default_settings(args.delay), Path(tmp) / "b",
                        names)
    finally:
        for _, _, faults in hostile:
            faults.release()
        for server in good_servers + [s for _, s, _ in hostile]:
            threading.Thread(target=server.stop, daemon=True).start()
    ratio = mixed["good_articles_per_s"] / alone["good_articles_per_s"]
    return {"good_hosts": args.good, "hostile_hosts": len(hostile), "delay": args.delay,
            "alone": alone, "mixed": mixed, "ratio": round(ratio, 3)}


def bench_tarpit(args) -> dict:
    faults = Faults()
    faults.add("Mode=1|Mode=2", Tarpit())
    server = PortalServer(LacVietPortal(), host="127.0.0.60", faults=faults).start()
    settings = default_settings(args.delay)
    # the streak's clock starts with the first failing attempt; no attempt starts after the
    # patience ran out, and each attempt (connect included) ends within `timeout`
    bound = settings.host_give_up_seconds + settings.http.read_timeout
    try:
        with tempfile.TemporaryDirectory() as tmp:
            result = run([Site("tarpit", [server.url + "/"], allow_private=True)], settings,
                         Path(tmp) / "t", set())
    finally:
        faults.release()
        threading.Thread(target=server.stop, daemon=True).start()
    return {"measured_s": result["wall_s"], "computed_bound_s": bound,
            "settings": {"timeout": settings.http.read_timeout,
                         "connect_timeout": settings.http.connect_timeout,
                         "max_tries": settings.max_tries,
                         "host_give_up_seconds": settings.host_give_up_seconds},
            "given_up": result["given_up"], "errors": result["errors"]}


def bench_pager(args) -> dict:
    faults = Faults()
    faults.add(r"Mode=2|[?&]page=", EndlessUniquePager(links=300, articles=5, rotate=True))
    server = PortalServer(LacVietPortal(), host="127.0.0.61", faults=faults).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            result = run([Site("pager", [server.url + "/"], allow_private=True)],
                         default_settings(0.0, max_pages=400), Path(tmp) / "p", {"pager"})
    finally:
        threading.Thread(target=server.stop, daemon=True).start()
    return {"max_pages": 400, "articles": result["good_articles"],
            "frontier_rows": result["frontier_rows"], "queued_left": result["queued_left"],
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "wall_s": result["wall_s"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--good", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--only", action="append", choices=("mixed", "tarpit", "pager"))
    parser.add_argument("--json", metavar="OUT")
    args = parser.parse_args()
    results = {}
    for name in args.only or ("pager", "mixed", "tarpit"):
        results[name] = {"mixed": bench_mixed, "tarpit": bench_tarpit, "pager": bench_pager}[name](args)
        print(name, json.dumps(results[name], indent=2), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
