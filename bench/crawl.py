"""Crawl benchmark: politeness-bound throughput over 20 hosts, memory over a 100,000-article
synthetic portal, the 12 demo portals one by one, and (when Scrapy is installed) a hand-written
Scrapy spider on the same 20 hosts.

    python bench/crawl.py [--only throughput|memory|demo|scrapy ...] [--articles N] [--json OUT]

The fixture portals run in a child process (so the crawler does not share its GIL with them),
on loopback addresses 127.0.0.2... (Linux routes all of 127/8 to lo), with Nagle's algorithm
off on their sockets: fixtures/server.py writes headers and body in two sends, which against the
client's delayed ACK costs ~40 ms per response on loopback and would hide the crawler's own
speed (see `--keep-nagle` to measure it as served).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASUREMENTS = ("throughput", "scrapy", "memory", "demo")
MILESTONES = (1_000, 10_000, 30_000, 50_000, 100_000)


# -- fixture servers in a child process -----------------------------------------------------------

def make_portals(kind: str, count: int, articles: int) -> list:
    """`count` fresh portals: Lạc Việt copies, the 12 demo portals cycling, or one synthetic."""
    from govnews.fixtures.portals import all_portals
    if kind == "synthetic":
        from govnews.fixtures.synthetic import SyntheticPortal
        return [SyntheticPortal(articles)]
    demo = all_portals()
    if kind == "lacviet":
        demo = [p for p in demo if p.platform == "lacviet"]
    return [type(demo[i % len(demo)])() for i in range(count)]


def serve_main(argv: list[str]) -> int:
    """Child process: serve portals, print one JSON line describing them, then answer "logs"
    lines on stdin with one JSON line of every request each portal received; exit on EOF."""
    from govnews.fixtures.server import PortalServer
    parser = argparse.ArgumentParser(prog="crawl.py _serve")
    parser.add_argument("--kind", choices=("lacviet", "mix", "demo", "synthetic"), required=True)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--first-host", default="127.0.0.1")
    parser.add_argument("--same-host", action="store_true", help="all portals on --first-host")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--keep-nagle", action="store_true")
    args = parser.parse_args(argv)
    portals = make_portals(args.kind, args.count, args.articles)
    base = [int(x) for x in args.first_host.split(".")]
    servers, logs = [], []
    for i, portal in enumerate(portals):
        host = args.first_host if args.same_host else ".".join(map(str, base[:3] + [base[3] + i]))
        server = PortalServer(portal, host=host, port=args.port, latency=args.latency)
        if not args.keep_nagle:
            server._httpd.RequestHandlerClass.disable_nagle_algorithm = True
        log: list = []
        server.answer = _logging_answer(server.answer, log)
        servers.append(server.start())
        logs.append(log)
    described = [{"url": s.url, "platform": p.platform, "portal": type(p).__name__,
                  "articles": len(p.articles())} for s, p in zip(servers, portals)]
    print(json.dumps(described), flush=True)
    for line in sys.stdin:
        if line.strip() == "logs":
            print(json.dumps([list(log) for log in logs]), flush=True)
    for server in servers:
        server.stop()
    return 0


def _logging_answer(answer, log: list):
    """Wrap PortalServer.answer: keep (time, method, target, event argument, status, location)."""
    def logged(request):
        response = answer(request)
        argument = request.form.get("__EVENTARGUMENT", "") if request.method == "POST" else ""
        log.append((time.time(), request.method, request.target, argument, response.status,
                    response.headers.get("Location", "")))
        return response
    return logged


class Servers:
    """The child process serving portals: `.sites` as it described them, `.logs()` on demand."""

    def __init__(self, *options: str) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "_serve", *options],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the fixture server process did not start")
        self.sites: list[dict] = json.loads(line)

    def logs(self) -> list[list]:
        self.proc.stdin.write("logs\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> "Servers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


# -- running govnews ------------------------------------------------------------------------------

def crawl(folder: Path, sites: list, settings, on_crawl=None):
    """One crawl run wired as `govnews crawl` wires it: Store, run record, Crawl, finish."""
    from govnews.output.store import Store
    from govnews.scraper.crawl import Crawl
    from govnews.scraper.records import utc_now
    store = Store.open(folder)
    run_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-bench"
    store.start_run(run_id, utc_now(), [s.name for s in sites])
    job = Crawl(store, sites, settings, run_id)
    if on_crawl is not None:
        on_crawl(job)
    summary = job.run()
    store.finish_run({"run_id": run_id, "finished_at": utc_now(),
                      "pages_fetched": summary.pages_fetched, "articles_new": summary.articles_new,
                      "articles_changed": summary.articles_changed,
                      "observations": summary.observations, "errors": summary.error_count,
                      "status": "ok" if summary.error_count == 0 else "partial"})
    store.close()
    return summary


def host_gaps(log: list) -> list[float]:
    """Seconds between consecutive requests one portal received (server clock)."""
    times = sorted(entry[0] for entry in log)
    return [b - a for a, b in zip(times, times[1:])]


def gap_stats(gaps: list[float]) -> dict:
    if not gaps:
        return {}
    ordered = sorted(gaps)
    return {"mean": statistics.fmean(gaps), "p50": ordered[len(ordered) // 2],
            "p95": ordered[int(len(ordered) * 0.95)], "max": ordered[-1]}


# -- throughput -----------------------------------------------------------------------------------

def run_throughput(args: argparse.Namespace) -> dict:
    from govnews.scraper.crawl import CrawlSettings, Site
    port = args.port or free_port("127.0.0.2")
    with Servers("--kind", args.portals, "--count", str(args.hosts), "--first-host", "127.0.0.2",
                 "--port", str(port), "--latency", str(args.latency),
                 *(["--keep-nagle"] if args.keep_nagle else [])) as servers, \
            tempfile.TemporaryDirectory(prefix="bench-crawl-") as folder:
        sites = [Site(name=f"bench-{i:02d}", start_urls=[s["url"] + "/"], allow_private=True)
                 for i, s in enumerate(servers.sites)]
        settings = CrawlSettings(delay=args.delay, workers=args.hosts, max_pages=100_000,
                                 max_depth=args.max_depth)
        summary = crawl(Path(folder), sites, settings)
        logs = servers.logs()
    expected = sum(s["articles"] for s in servers.sites)
    return throughput_figures("govnews", summary.seconds, summary.requests, summary.pages_fetched,
                              summary.articles_found, expected, logs, args) | {
        "errors": dict(summary.errors), "duplicates_folded": summary.duplicates_folded,
        "robots_refused": summary.robots_refused}


def throughput_figures(name: str, seconds: float, requests: int, pages: int, articles: int,
                       expected: int, logs: list[list], args: argparse.Namespace) -> dict:
    bound = args.hosts / args.delay
    per_host = [len(log) for log in logs]
    ideal = (max(per_host) - 1) * args.delay if per_host else 0.0   # busiest host at the bound
    gaps = [g for log in logs for g in host_gaps(log)]
    return {"crawler": name, "hosts": args.hosts, "delay_s": args.delay, "latency_s": args.latency,
            "portals": args.portals, "seconds": seconds, "requests": requests, "pages": pages,
            "articles_found": articles, "articles_expected": expected,
            "requests_per_s": requests / seconds, "pages_per_s": pages / seconds,
            "politeness_bound_per_s": bound, "fraction_of_bound": requests / seconds / bound,
            "ideal_seconds": ideal, "fraction_of_ideal_time": ideal / seconds if seconds else 0.0,
            "requests_per_article": requests / articles if articles else None,
            "server_requests": sum(per_host), "server_requests_per_host": per_host,
            "gap_s": gap_stats(gaps)}


# -- scrapy ---------------------------------------------------------------------------------------

def run_scrapy(args: argparse.Namespace) -> dict:
    try:
        import scrapy  # noqa: F401
    except ImportError:
        return {"crawler": "scrapy", "skipped": "scrapy is not installed (pip install scrapy)"}
    if args.portals != "lacviet":
        return {"crawler": "scrapy", "skipped": "the hand-written spider knows Lạc Việt pages only"}
    port = args.port or free_port("127.0.0.2")
    with Servers("--kind", "lacviet", "--count", str(args.hosts), "--first-host", "127.0.0.2",
                 "--port", str(port), "--latency", str(args.latency),
                 *(["--keep-nagle"] if args.keep_nagle else [])) as servers, \
            tempfile.TemporaryDirectory(prefix="bench-scrapy-") as folder:
        out = Path(folder) / "stats.json"
        command = [sys.executable, str(ROOT / "bench" / "scrapy_spider.py"), "--out", str(out),
                   "--delay", str(args.delay), "--concurrency", str(args.hosts),
                   *(s["url"] + "/" for s in servers.sites)]
        if not args.scrapy_postbacks:
            command.insert(2, "--no-postbacks")
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            return {"crawler": "scrapy", "failed": done.stderr[-2000:]}
        stats = json.loads(out.read_text())
        logs = servers.logs()
    expected = sum(s["articles"] for s in servers.sites)
    requests = stats["requests"]
    figures = throughput_figures("scrapy", stats["seconds"], requests,
                                 requests - stats["robots_requests"], stats["articles"], expected,
                                 logs, args)
    return figures | {"scrapy_version": stats["version"], "postbacks": args.scrapy_postbacks,
                      "duplicate_article_fetches": stats["duplicate_article_fetches"]}


# -- memory ---------------------------------------------------------------------------------------

def run_memory(args: argparse.Namespace) -> dict:
    port = free_port("127.0.0.1")
    with Servers("--kind", "synthetic", "--articles", str(args.articles), "--port", str(port),
                 *(["--keep-nagle"] if args.keep_nagle else [])) as servers, \
            tempfile.TemporaryDirectory(prefix="bench-memory-") as folder:
        out = Path(folder) / "memory.json"
        command = [sys.executable, __file__, "_memory", "--url", servers.sites[0]["url"] + "/",
                   "--articles", str(args.articles), "--folder", folder, "--out", str(out),
                   "--check", str(args.check)]
        if args.progress:
            command.append("--progress")
        done = subprocess.run(command, text=True)
        if done.returncode != 0 or not out.exists():
            return {"failed": f"memory worker exited {done.returncode}"}
        result = json.loads(out.read_text())
        result["db_bytes"] = sum(p.stat().st_size for p in Path(folder).glob("dataset.sqlite*"))
        return result


def memory_main(argv: list[str]) -> int:
    """Child process: crawl the synthetic portal with delay 0 while a thread samples RSS."""
    from govnews.scraper.crawl import CrawlSettings, Site
    parser = argparse.ArgumentParser(prog="crawl.py _memory")
    parser.add_argument("--url", required=True)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--check", type=int, default=200)
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args(argv)
    milestones = sorted({m for m in MILESTONES if m <= args.articles} | {args.articles})
    sampler = RssSampler(milestones, args.progress)
    settings = CrawlSettings(delay=0.0, max_pages=10 * args.articles + 1000,
                             max_depth=1_000_000)
    site = Site(name="synthetic", start_urls=[args.url], allow_private=True)
    baseline = sampler.read()
    summary = crawl(Path(args.folder), [site], settings, on_crawl=sampler.start)
    sampler.stop()
    result = {"articles": args.articles, "seconds": summary.seconds, "requests": summary.requests,
              "pages": summary.pages_fetched, "articles_found": summary.articles_found,
              "pages_per_s": summary.pages_fetched / summary.seconds,
              "requests_per_article": summary.requests / max(1, summary.articles_found),
              "errors": dict(summary.errors), "baseline_rss_mb": baseline["rss_mb"],
              "milestones": sampler.milestones, "timeline": sampler.timeline,
              "peak_rss_mb": sampler.read()["hwm_mb"], "rss_source": sampler.source,
              "check": check_synthetic(Path(args.folder), args.articles, args.check)}
    Path(args.out).write_text(json.dumps(result, indent=2))
    return 0


class RssSampler:
    """Samples this process's RSS (and its high-water mark) while a crawl runs; notes the peak
    when the article count crosses each milestone, and the rate per window."""

    def __init__(self, milestones: list[int], progress: bool) -> None:
        self.todo = list(milestones)
        self.milestones: list[dict] = []
        self.timeline: list[dict] = []
        self.progress = progress
        self._stop = threading.Event()
        self._job = None
        self.source = "/proc/self/status (VmRSS, VmHWM)"

    def read(self) -> dict:
        fields = {}
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    fields[line.split(":")[0]] = int(line.split()[1]) / 1024
        return {"rss_mb": fields["VmRSS"], "hwm_mb": fields["VmHWM"]}

    def start(self, job) -> None:
        self._job = job
        threading.Thread(target=self._run, name="rss-sampler", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        self._note(final=True)

    def _run(self) -> None:
        started, last_log = time.monotonic(), 0.0
        self._started = started
        while not self._stop.wait(0.25):
            self._note()
            if time.monotonic() - last_log >= 10:
                last_log = time.monotonic()
                self._log()

    def _note(self, final: bool = False) -> None:
        summary = self._job.summary
        found, pages = summary.articles_found, summary.pages_fetched
        memory = self.read()
        while self.todo and (found >= self.todo[0] or final):
            self.milestones.append({"articles": self.todo.pop(0), "articles_found": found,
                                    "pages": pages, "seconds": time.monotonic() - self._started,
                                    **memory})

    def _log(self) -> None:
        summary = self._job.summary
        entry = {"seconds": round(time.monotonic() - self._started, 1),
                 "pages": summary.pages_fetched, "articles": summary.articles_found,
                 **{k: round(v, 1) for k, v in self.read().items()}}
        if self.timeline:
            before = self.timeline[-1]
            entry["pages_per_s"] = round((entry["pages"] - before["pages"])
                                         / max(1e-9, entry["seconds"] - before["seconds"]), 1)
        self.timeline.append(entry)
        if self.progress:
            print(f"  memory: {entry}", file=sys.stderr, flush=True)


def check_synthetic(folder: Path, count: int, sample: int) -> dict:
    """Compare `sample` stored articles, spread over the ids, with the portal's truth."""
    import sqlite3

    from govnews.fixtures.synthetic import ITEM_BASE, SyntheticPortal
    portal = SyntheticPortal(count)
    conn = sqlite3.connect(folder / "dataset.sqlite")
    picks = sorted({i * count // max(1, sample) for i in range(sample)})
    wanted, rows, stored = set(picks), {}, 0
    for url, *row in conn.execute("SELECT url, headline, published_at, body, author, source, "
                                  "view_count, category FROM articles"):
        stored += 1
        index = int(re.search(r"(?i)itemid=(\d+)", url).group(1)) - ITEM_BASE
        if index in wanted:
            rows[index] = row
    conn.close()
    wrong: Counter = Counter()
    for index in picks:
        expected = portal.expected_record(portal.article(index))
        row = rows.get(index)
        if row is None:
            wrong["missing"] += 1
            continue
        for name, value in zip(("headline", "published_at", "body", "author", "source",
                                "view_count", "category"), row):
            if value != expected[name]:
                wrong[name] += 1
    return {"stored": stored, "sampled": len(picks), "wrong_fields": dict(wrong)}


# -- demo portals ---------------------------------------------------------------------------------

def run_demo(args: argparse.Namespace) -> list[dict]:
    from govnews.scraper.crawl import CrawlSettings, Site
    results = []
    with Servers("--kind", "demo", "--count", "12", "--same-host",
                 *(["--keep-nagle"] if args.keep_nagle else [])) as servers:
        for i, described in enumerate(servers.sites):
            with tempfile.TemporaryDirectory(prefix="bench-demo-") as folder:
                site = Site(name=f"demo-{described['platform']}",
                            start_urls=[described["url"] + "/"], allow_private=True)
                summary = crawl(Path(folder), [site], CrawlSettings(delay=0.0))
            results.append({"platform": described["platform"], "portal": described["portal"],
                            "seconds": summary.seconds, "requests": summary.requests,
                            "pages": summary.pages_fetched, "articles_found": summary.articles_found,
                            "articles_expected": described["articles"],
                            "requests_per_article": summary.requests / max(1, summary.articles_found),
                            "duplicates_folded": summary.duplicates_folded,
                            "errors": dict(summary.errors)})
        logs = servers.logs()
    for result, log in zip(results, logs):
        result["repeated"] = repeated_requests(log)
    return results


def repeated_requests(log: list) -> list[dict]:
    """Every URL (path and query) the portal received more than once: how (GET, POST event
    arguments), how many of those requests were redundant, and why."""
    by_target: dict[str, list] = defaultdict(list)
    for entry in log:
        by_target[entry[2]].append(entry)
    redirected_from = {_path_of(e[2], e[5]): e[2] for e in log if e[5]}
    out = []
    for target, entries in sorted(by_target.items()):
        if len(entries) < 2:
            continue
        gets = [e for e in entries if e[1] != "POST"]
        arguments = Counter(e[3] for e in entries if e[1] == "POST")
        reasons, redundant = [], 0
        if len(gets) > 1:
            redundant += len(gets) - 1
            statuses = [e[4] for e in gets]
            if any(s >= 500 or s == 429 for s in statuses[:-1]):
                reasons.append(f"GET retried after HTTP {statuses[0]}")
            elif target in redirected_from:
                reasons.append(f"GET again: the redirect target of {redirected_from[target]} is "
                               "also linked directly, and the crawler keys the two apart")
            else:
                reasons.append("the same GET again (requeued or two spellings of one key)")
        if arguments:
            twice = sum(n - 1 for n in arguments.values())
            if twice:
                redundant += twice
                reasons.append("the same postback sent twice")
            if gets and "Page$1" in arguments:
                redundant += 1
                reasons.append("POST Page$1 re-fetches the first page, already fetched by GET "
                               "(the pager of page 2 links Page$1)")
            if [a for a in arguments if a != "Page$1"]:
                reasons.append("ASP.NET postbacks share the listing's URL (distinct pages, "
                               "not repeats)")
        how = " + ".join(filter(None, (
            f"GET x{len(gets)}" if gets else "",
            f"POST x{sum(arguments.values())} ({', '.join(arguments)})" if arguments else "")))
        out.append({"target": target, "requests": how, "times": len(entries),
                    "redundant": redundant, "reason": "; ".join(reasons)})
    return out


def _path_of(target: str, location: str) -> str:
    parts = urlsplit(urljoin("http://host" + target, location))
    return parts.path + ("?" + parts.query if parts.query else "")


# -- tables ---------------------------------------------------------------------------------------

def table(title: str, headers: list[str], rows: list[list]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    body = ["  ".join(c.rjust(w) if _numeric(c) else c.ljust(w) for c, w in zip(r, widths))
            for r in cells]
    return "\n".join([f"\n## {title}", line, "  ".join("-" * w for w in widths), *body])


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return "-" if value is None else str(value)


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"-?[\d.,%]+", text))


def print_throughput(results: list[dict]) -> None:
    rows = []
    for r in results:
        if "skipped" in r or "failed" in r:
            rows.append([r["crawler"], r.get("skipped") or r.get("failed")] + [""] * 10)
            continue
        gap = r["gap_s"]
        rows.append([r["crawler"], round(r["seconds"], 1), r["requests"], r["articles_found"],
                     f'{r["articles_expected"]}', round(r["requests_per_s"], 2),
                     round(r["pages_per_s"], 2),
                     f'{100 * r["fraction_of_bound"]:.1f}%',
                     f'{100 * r["fraction_of_ideal_time"]:.1f}%',
                     round(r["requests_per_article"], 2) if r["requests_per_article"] else None,
                     f'{gap.get("p50", 0):.3f}', f'{gap.get("p95", 0):.3f}'])
    first = next((r for r in results if "hosts" in r), None)
    title = "throughput" + (f": {first['hosts']} hosts, delay {first['delay_s']} s, latency "
                            f"{first['latency_s']} s, bound {first['politeness_bound_per_s']:.0f} "
                            f"req/s" if first else "")
    print(table(title, ["crawler", "seconds", "requests", "articles", "of", "req/s", "pages/s",
                        "of bound", "of ideal", "req/article", "gap p50", "gap p95"], rows))


def print_memory(result: dict) -> None:
    if "failed" in result:
        print(f"\n## memory: {result['failed']}")
        return
    rows = [[m["articles"], m["pages"], round(m["seconds"], 1), round(m["rss_mb"], 1),
             round(m["hwm_mb"], 1)] for m in result["milestones"]]
    print(table(f"memory: synthetic portal, {result['articles']} articles, delay 0 "
                f"(baseline RSS {result['baseline_rss_mb']:.1f} MB)",
                ["articles", "pages", "seconds", "RSS MB", "peak RSS MB"], rows))
    check = result["check"]
    print(f"{result['pages']} pages in {result['seconds']:.0f} s = {result['pages_per_s']:.1f} "
          f"pages/s; {result['requests_per_article']:.3f} requests per article; "
          f"{result['articles_found']} articles stored ({check['stored']} rows); database "
          f"{result['db_bytes'] / 2**20:.0f} MB; sample of {check['sampled']} checked against the "
          f"portal's truth: {check['wrong_fields'] or 'all fields right'}; errors: "
          f"{result['errors'] or 'none'}")
    windows = [t for t in result["timeline"] if "pages_per_s" in t]
    if windows:
        print("rate over time (pages/s per 10 s window): "
              + ", ".join(f"{t['pages']}p:{t['pages_per_s']}" for t in windows[:: max(1, len(windows) // 12)]))


def print_demo(results: list[dict]) -> None:
    rows = [[r["platform"], round(r["seconds"], 2), r["requests"], r["articles_found"],
             r["articles_expected"], round(r["requests_per_article"], 2),
             sum(x["redundant"] for x in r["repeated"]),
             r["errors"] or ""] for r in results]
    total = [sum(r[i] for r in rows) for i in (1, 2, 3, 4, 6)]
    rows.append(["total", round(total[0], 2), total[1], total[2], total[3],
                 round(total[1] / max(1, total[2]), 2), total[4], ""])
    print(table("demo portals, one crawl each, delay 0", ["platform", "seconds", "requests",
                                                          "articles", "of", "req/article",
                                                          "redundant", "errors"], rows))
    for r in results:
        for x in r["repeated"]:
            print(f"  {r['platform']}: {x['target'][:100]}: {x['requests']}, {x['redundant']} "
                  f"redundant: {x['reason']}")


# -- main -----------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--only", action="append", choices=MEASUREMENTS,
                        help="run only this measurement (repeatable); default: all")
    parser.add_argument("--json", metavar="OUT", help="write every figure as JSON here")
    group = parser.add_argument_group("throughput and scrapy")
    group.add_argument("--hosts", type=int, default=20, help="portals, on 127.0.0.2 and up")
    group.add_argument("--delay", type=float, default=0.5, help="seconds between requests per host")
    group.add_argument("--latency", type=float, default=0.05, help="added per response")
    group.add_argument("--portals", choices=("lacviet", "mix"), default="lacviet",
                       help="copies of the Lạc Việt demo portal, or the 12 demo portals cycling")
    group.add_argument("--port", type=int, default=0, help="port on every address (0: a free one)")
    group.add_argument("--max-depth", type=int, default=8, help="govnews CrawlSettings.max_depth")
    group.add_argument("--no-scrapy-postbacks", dest="scrapy_postbacks", action="store_false",
                       help="the Scrapy spider ignores __doPostBack paging")
    group = parser.add_argument_group("memory")
    group.add_argument("--articles", type=int, default=100_000, help="synthetic portal size")
    group.add_argument("--check", type=int, default=200, help="stored articles to verify")
    group.add_argument("--progress", action="store_true", help="print the memory run's progress")
    parser.add_argument("--keep-nagle", action="store_true",
                        help="serve as fixtures/server.py does (Nagle on: ~40 ms per response)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_serve"]:
        return serve_main(argv[1:])
    if argv[:1] == ["_memory"]:
        return memory_main(argv[1:])
    args = build_parser().parse_args(argv)
    chosen = args.only or list(MEASUREMENTS)
    figures: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    throughput = []
    if "throughput" in chosen:
        throughput.append(run_throughput(args))
    if "scrapy" in chosen:
        throughput.append(run_scrapy(args))
    if throughput:
        figures["throughput"] = throughput
        print_throughput(throughput)
    if "memory" in chosen:
        figures["memory"] = run_memory(args)
        print_memory(figures["memory"])
    if "demo" in chosen:
        figures["demo"] = run_demo(args)
        print_demo(figures["demo"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
