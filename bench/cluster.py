"""Harvesting on many processes (#11): threads of one process against Dask worker processes,
side by side in one run, on a noisy shared machine (so: ratios from one run, and the load).

    python bench/cluster.py [--only harvest|reparse|profile ...] [--portals 48] [--repeat 2]
                            [--processes 2,4] [--kind mix|lacviet|synthetic] [--json OUT]

1. harvest   First the start-up and idle cost of a LocalCluster of each size. Then
             `harvest(config, folder)` of `--portals` fixture portals (default: the 12 demo
             portals cycling, 48 of them), each on its own loopback address (127.0.0.2 and up),
             delay 0.1 s, with `[cluster] processes` = 0 (threads of this process), 2 and 4,
             once per round (`--repeat` rounds, the order rotated), into a fresh dataset; in the
             first `--incremental-rounds` rounds also a second, incremental run into the same
             dataset (what a nightly run costs). Per run: pages/s and articles/s (whole run,
             and the crawl phase between the executor's start and the last merge), the
             politeness bound (hosts / delay) and the share of it reached, CPU per page of the
             harvesting processes (this process, the coordinator, which also hosts the Dask
             scheduler, and the Dask worker processes: psutil samples, checked against
             RUSAGE_CHILDREN), pages/s per process, peak RSS per worker process, the
             coordinator's merge time per shard run (a timing wrapper around
             `govnews.output.shards.merge_runs`), stories and exports, the dataset's bytes, and
             politeness from the servers' own logs (requests to one host less than the delay
             after the previous response ended, requests overlapping).
2. reparse   `reparse(folder)` of the threads run's dataset in one process and with
             `cluster={"processes": 2}`, against bare `parse_page` over the same archived pages;
             and a control: bare parsing in 1 and 2 processes at once, without Dask (what the
             machine gives a second process at that moment).
3. profile   the one-process harvest under cProfile with a CPU clock (every thread profiled on
             its own with `time.thread_time`, the profiles merged; cProfile's per-call cost
             inflates call-heavy code), then the same harvest unprofiled, sampled by py-spy
             `--gil` when it is installed: the top functions, and the share of the usual
             suspects in both.

The portals are served from `--server-procs` child processes (default 1), so the crawler does not
share a GIL with them, with Nagle off (as bench/crawl.py does); the servers' CPU is reported so
that a saturated server shows. Everything runs on this machine: the servers, the coordinator and
the workers share its cores, which is said next to every figure.

Dask's worker profiler is turned off (`DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False`) unless
`--dask-profiler`: on Python 3.11 before the fix of CPython gh-106883 its `sys._current_frames()`
every 10 ms deadlocks a worker that starts and ends many threads, as a harvest does (the hang
is reported after `--hang-seconds` and the bench exits 3).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from crawl import free_port, table  # noqa: E402  (bench/crawl.py)

MEASUREMENTS = ("harvest", "reparse", "profile")
JITTER = 0.005          # server clock granularity when checking gaps (as tests/test_cluster.py)


# -- fixture servers in child processes ---------------------------------------------------------

def make_portals(kind: str, first: int, count: int, articles: int) -> list:
    """Portals number `first`..`first+count-1` of the bench: the 12 demo portals cycling (mix),
    Lạc Việt copies, or synthetic Lạc Việt portals of `articles` articles, each its own
    seed."""
    if kind == "synthetic":
        from govnews.fixtures.synthetic import SyntheticPortal
        return [SyntheticPortal(articles, seed=2024 + first + i) for i in range(count)]
    from govnews.fixtures.portals import all_portals
    demo = all_portals(readership=False)
    if kind == "lacviet":
        demo = [p for p in demo if p.platform == "lacviet"]
    return [type(demo[(first + i) % len(demo)])() for i in range(count)]


def serve_main(argv: list[str]) -> int:
    """Child process: serve portals on consecutive addresses, print one JSON line describing
    them; answer "logs" on stdin with every request since the last "logs" (per portal: start,
    end, method, target, status) and clear them; exit on EOF."""
    from govnews.fixtures.server import PortalServer
    parser = argparse.ArgumentParser(prog="cluster.py _serve")
    parser.add_argument("--kind", required=True)
    parser.add_argument("--first", type=int, default=0, help="index of the first portal")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args(argv)
    portals = make_portals(args.kind, args.first, args.count, args.articles)
    servers, logs, lock = [], [], threading.Lock()
    for i, portal in enumerate(portals):
        server = PortalServer(portal, host=address(args.first + i), port=args.port,
                              latency=args.latency)
        server._httpd.RequestHandlerClass.disable_nagle_algorithm = True
        log: list = []
        server.answer = _logged(server.answer, log, lock)
        servers.append(server.start())
        logs.append(log)
    print(json.dumps([{"url": s.url, "platform": p.platform, "portal": type(p).__name__,
                       "articles": len(p.articles())} for s, p in zip(servers, portals)]),
          flush=True)
    for line in sys.stdin:
        if line.strip() == "logs":
            with lock:
                out = [list(log) for log in logs]
                for log in logs:
                    log.clear()
            print(json.dumps(out), flush=True)
    for server in servers:
        server.stop()
    return 0


def _logged(answer, log: list, lock: threading.Lock):
    def logged(request):
        start = time.time()
        response = answer(request)
        with lock:
            log.append((start, time.time(), request.method, request.target, response.status))
        return response
    return logged


def address(i: int) -> str:
    """Portal i's loopback address: 127.0.0.2 and up."""
    if not 0 <= i <= 252:
        raise ValueError("at most 253 portals (127.0.0.2-254)")
    return f"127.0.0.{i + 2}"


class Servers:
    """`procs` child processes serving `count` portals between them."""

    def __init__(self, kind: str, count: int, procs: int, articles: int, latency: float) -> None:
        port = free_port("127.0.0.2")
        self.children: list[subprocess.Popen] = []
        self.sites: list[dict] = []
        bounds = [count * k // procs for k in range(procs + 1)]
        try:
            for first, last in zip(bounds, bounds[1:]):
                child = subprocess.Popen(
                    [sys.executable, __file__, "_serve", "--kind", kind, "--first", str(first),
                     "--count", str(last - first), "--articles", str(articles), "--port",
                     str(port), "--latency", str(latency)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                self.children.append(child)
                line = child.stdout.readline()
                if not line:
                    raise RuntimeError("a fixture server process did not start")
                self.sites += json.loads(line)
        except BaseException:
            self.close()
            raise
        self.pids = {c.pid for c in self.children}

    def logs(self) -> list[list]:
        out = []
        for child in self.children:
            child.stdin.write("logs\n")
            child.stdin.flush()
            out += json.loads(child.stdout.readline())
        return out

    def cpu(self) -> float:
        import psutil
        total = 0.0
        for pid in self.pids:
            try:
                t = psutil.Process(pid).cpu_times()
                total += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return total

    def close(self) -> None:
        for child in self.children:
            if child.poll() is None:
                child.stdin.close()
                try:
                    child.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()

    def __enter__(self) -> "Servers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def politeness(logs: list[list], delay: float) -> dict:
    """From the servers' logs: per host, requests that started less than `delay` after the end
    of the previous response (minus JITTER), requests that started before the previous one
    ended (overlap), and the smallest gaps."""
    violations, overlaps, requests = 0, 0, 0
    worst_gap, worst_start_gap = math.inf, math.inf
    examples = []
    for host, log in enumerate(logs):
        entries = sorted(log)
        requests += len(entries)
        for before, after in zip(entries, entries[1:]):
            gap = after[0] - before[1]
            worst_gap = min(worst_gap, gap)
            worst_start_gap = min(worst_start_gap, after[0] - before[0])
            if gap < 0:
                overlaps += 1
            elif gap < delay - JITTER:
                violations += 1
            if gap < delay - JITTER and len(examples) < 5:
                examples.append({"host": address(host), "gap_s": round(gap, 4),
                                 "previous": before[3], "next": after[3]})
    return {"server_requests": requests, "gap_violations": violations, "overlaps": overlaps,
            "min_gap_after_response_s": None if worst_gap == math.inf else worst_gap,
            "min_gap_start_to_start_s": None if worst_start_gap == math.inf else worst_start_gap,
            "examples": examples}


# -- watching the harvesting processes ----------------------------------------------------------

class TreeSampler:
    """Samples, every `every` seconds, the CPU time and RSS of this process and of its
    descendants other than the fixture servers (the Dask worker processes; the multiprocessing
    resource tracker is listed apart). A process's last sample is its CPU (at most `every`
    seconds of it lost when it ends between samples: RUSAGE_CHILDREN checks that)."""

    def __init__(self, exclude: set[int], every: float = 0.25) -> None:
        import psutil
        self.psutil = psutil
        self.me = psutil.Process()
        self.exclude = exclude
        self.every = every
        self.procs: dict[int, dict] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-sampler", daemon=True)
        self.me_rss_peak = 0

    def __enter__(self) -> "TreeSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def _sample(self) -> None:
        psutil = self.psutil
        self.me_rss_peak = max(self.me_rss_peak, self.me.memory_info().rss)
        try:
            children = self.me.children(recursive=True)
        except psutil.Error:
            return
        for child in children:
            if child.pid in self.exclude:
                continue
            try:
                with child.oneshot():
                    times, rss = child.cpu_times(), child.memory_info().rss
                    entry = self.procs.get(child.pid)
                    if entry is None:
                        line = " ".join(child.cmdline())
                        kind = ("tracker" if "resource_tracker" in line or "forkserver" in line
                                else "worker")
                        entry = self.procs[child.pid] = {"kind": kind, "cpu": 0.0, "rss": 0}
                    entry["cpu"] = max(entry["cpu"], times.user + times.system)
                    entry["rss"] = max(entry["rss"], rss)
            except psutil.Error:
                continue

    def workers(self) -> list[dict]:
        return [p for p in self.procs.values() if p["kind"] == "worker"]


def self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


class CoordinatorTimers:
    """Timing wrappers, in this process only, around what the coordinator does per task and per
    run: merging a shard run (`merge_runs`), updating stories and writing the exports."""

    def __init__(self) -> None:
        import govnews.output.shards as shards
        import govnews.output.stories as stories
        import govnews.scraper.harvest as harvest_module
        self.targets = [(shards, "merge_runs"), (stories, "update_stories"),
                        (harvest_module, "export_dataset")]
        self.calls: dict[str, list[tuple[float, float, float]]] = {}   # (start, end, cpu)

    def __enter__(self) -> "CoordinatorTimers":
        self.saved = []
        for module, name in self.targets:
            original = getattr(module, name)
            self.saved.append((module, name, original))
            setattr(module, name, self._timed(name, original))
        return self

    def _timed(self, name: str, original):
        calls = self.calls.setdefault(name, [])

        def timed(*args, **kwargs):
            start, cpu = time.monotonic(), time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                calls.append((start, time.monotonic(), time.thread_time() - cpu))
        return timed

    def __exit__(self, *exc: object) -> None:
        for module, name, original in self.saved:
            setattr(module, name, original)


# -- 1. harvest -----------------------------------------------------------------------------------

def harvest_config(folder: Path, servers: Servers, args, processes: int):
    from govnews.scraper.config import config_from_dict
    count = len(servers.sites)
    workers = count if processes == 0 else math.ceil(count / processes)
    return config_from_dict({
        "harvest": {"output": str(folder), "delay": args.delay, "allow_private": True,
                    "workers": workers, "timeout": 30.0},
        "reobserve": {"window_days": args.window_days, "sample_older": args.sample_older},
        "cluster": {"processes": processes},
        "sites": [{"name": f"p{i:03d}-{s['platform']}", "start_urls": [s["url"] + "/"]}
                  for i, s in enumerate(servers.sites)],
    })


def one_harvest(folder: Path, servers: Servers, args, processes: int) -> dict:
    """One harvest into `folder`, watched: figures of the run."""
    from govnews.scraper.harvest import harvest
    config = harvest_config(folder, servers, args, processes)
    marks: dict[str, float] = {}
    load_before = os.getloadavg()
    server_cpu, my_cpu, kids_cpu = servers.cpu(), self_cpu(), children_cpu()
    with TreeSampler(servers.pids) as sampler, CoordinatorTimers() as timers:
        def on_start(_executor) -> None:
            """The executor is up (a LocalCluster: its workers started): what that cost."""
            marks["start"] = time.monotonic()
            marks["coordinator_cpu"] = self_cpu()
            sampler._sample()
            marks["worker_cpu"] = sum(p["cpu"] for p in sampler.workers())

        started = time.monotonic()
        with Watchdog(args.hang_seconds, f"harvest with processes = {processes}"):
            result = harvest(config, folder, on_start=on_start)
        ended = time.monotonic()
    startup_cpu = (marks.get("coordinator_cpu", my_cpu) - my_cpu) + marks.get("worker_cpu", 0.0)
    my_cpu, kids_cpu = self_cpu() - my_cpu, children_cpu() - kids_cpu
    server_cpu = servers.cpu() - server_cpu
    logs = servers.logs()
    summary = result.summary
    merges = timers.calls.get("merge_runs", [])
    last_merge = max((end for _, end, _ in merges), default=ended)
    ready = marks.get("start", started)
    crawl_s = max(1e-9, last_merge - ready)
    workers = sampler.workers()
    sampled = sum(p["cpu"] for p in workers)
    worker_cpu = max(sampled, kids_cpu)       # RUSAGE_CHILDREN: the workers, once reaped
    pages, seconds = summary.pages_fetched, ended - started
    n_proc = max(1, processes)
    bound = len(servers.sites) / args.delay
    per_worker: dict[str, int] = {}
    for task in summary.tasks:
        per_worker[task["worker"]] = per_worker.get(task["worker"], 0) + 1
    merge_s = [end - start for start, end, _ in merges]
    story = timers.calls.get("update_stories", [])
    export = timers.calls.get("export_dataset", [])
    return {
        "processes": processes, "status": result.status, "seconds": seconds,
        "startup_s": ready - started, "crawl_s": crawl_s, "tail_s": ended - last_merge,
        "pages": pages, "requests": summary.requests, "articles_found": summary.articles_found,
        "articles_new": summary.articles_new, "observations": summary.observations,
        "errors": dict(summary.errors), "error_lines": summary.error_lines[:5],
        "pages_per_s": pages / seconds, "articles_per_s": summary.articles_found / seconds,
        "crawl_pages_per_s": pages / crawl_s,
        "crawl_articles_per_s": summary.articles_found / crawl_s,
        "bound_per_s": bound, "share_of_bound": pages / seconds / bound,
        "crawl_share_of_bound": pages / crawl_s / bound,
        "pages_per_s_per_process": pages / seconds / n_proc,
        "coordinator_cpu_s": my_cpu, "worker_cpu_s": worker_cpu, "worker_cpu_sampled_s": sampled,
        "worker_cpu_rusage_s": kids_cpu, "server_cpu_s": server_cpu,
        "server_cpu_per_s": server_cpu / seconds,
        "cpu_ms_per_page": 1000 * (my_cpu + worker_cpu) / max(1, pages),
        "startup_cpu_s": startup_cpu,
        "cpu_ms_per_page_after_startup": 1000 * (my_cpu + worker_cpu - startup_cpu) / max(1, pages),
        "harvest_cores_busy": (my_cpu + worker_cpu) / seconds,
        "coordinator_rss_peak_mb": sampler.me_rss_peak / 2**20,
        "worker_rss_peak_mb": [round(p["rss"] / 2**20, 1) for p in workers],
        "worker_processes_seen": len(workers), "tasks_per_worker": sorted(per_worker.values()),
        "merges": len(merges),
        "merge_ms_median": 1000 * statistics.median(merge_s) if merge_s else None,
        "merge_ms_max": 1000 * max(merge_s) if merge_s else None,
        "merge_s_total": sum(merge_s), "merge_cpu_s_total": sum(c for _, _, c in merges),
        "stories_s": sum(e - s for s, e, _ in story), "exports_s": sum(e - s for s, e, _ in export),
        "politeness": politeness(logs, args.delay),
        "load_before": load_before, "load_after": os.getloadavg(),
    }


def dask_idle(processes: int, seconds: float, exclude: set[int]) -> dict:
    """A LocalCluster as the harvest starts one (a `DaskExecutor`), doing nothing for `seconds`:
    its start-up time and CPU, and what idle workers cost (CPU per second, RSS)."""
    from govnews.scraper.executors import DaskExecutor
    started, cpu = time.monotonic(), self_cpu()
    with TreeSampler(exclude) as sampler:
        executor = DaskExecutor(processes=processes, threads=1)
        up_s, up_cpu = time.monotonic() - started, self_cpu() - cpu
        sampler._sample()
        workers_up = sum(p["cpu"] for p in sampler.workers())
        cpu = self_cpu()
        time.sleep(seconds)
        sampler._sample()
        idle_workers = sum(p["cpu"] for p in sampler.workers()) - workers_up
        idle_coordinator = self_cpu() - cpu
        rss = [p["rss"] / 2**20 for p in sampler.workers()]
        executor.close()
    return {"processes": processes, "startup_s": up_s, "startup_cpu_coordinator_s": up_cpu,
            "startup_cpu_workers_s": workers_up, "idle_s": seconds,
            "idle_cpu_per_worker_per_s": idle_workers / processes / seconds,
            "idle_cpu_coordinator_per_s": idle_coordinator / seconds,
            "idle_worker_rss_mb": rss}


def dataset_sizes(folder: Path) -> dict:
    def size(paths) -> int:
        return sum(p.stat().st_size for p in paths if p.is_file())
    warc = folder / "warc"
    return {"warc_bytes": size(warc.rglob("*.warc.gz")),
            "warc_index_bytes": size(p for p in warc.rglob("*") if not p.name.endswith(".warc.gz")),
            "shards_sqlite_bytes": size((folder / "shards").rglob("*.sqlite*")),
            "dataset_sqlite_bytes": size(folder.glob("dataset.sqlite*")),
            "exports_bytes": size(p for p in folder.rglob("*")
                                  if p.suffix in (".csv", ".jsonl", ".parquet")),
            "total_bytes": size(folder.rglob("*"))}


def run_harvest(args, servers: Servers, keep: Path) -> dict:
    modes = [0] + args.processes
    runs: list[dict] = []
    idle = [dask_idle(n, 5.0, servers.pids) for n in args.processes]
    print(f"  [idle clusters] {idle}", file=sys.stderr, flush=True)
    for r in range(args.repeat):
        order = modes[r % len(modes):] + modes[:r % len(modes)]     # rotate: drift spreads out
        for processes in order:
            folder = Path(tempfile.mkdtemp(prefix=f"bench-cluster-{processes}p-"))
            try:
                first = one_harvest(folder / "data", servers, args, processes)
                first.update(repeat=r, run="first")
                first["sizes"] = dataset_sizes(folder / "data")
                _progress(first)
                runs.append(first)
                if r < args.incremental_rounds:
                    time.sleep(1.1)       # run ids are per millisecond; the clock moves on
                    second = one_harvest(folder / "data", servers, args, processes)
                    second.update(repeat=r, run="incremental")
                    _progress(second)
                    runs.append(second)
                if processes == 0 and not (keep / "data").exists():
                    shutil.move(str(folder / "data"), str(keep / "data"))
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    return {"idle_cluster": idle, "portals": len(servers.sites), "kind": args.kind,
            "delay_s": args.delay,
            "latency_s": args.latency, "server_procs": args.server_procs,
            "articles_served": sum(s["articles"] for s in servers.sites), "runs": runs}


def _progress(run: dict) -> None:
    pol = run["politeness"]
    print(f"  [{run['processes']}p {run['run']}] {run['pages']} pages in {run['seconds']:.1f} s "
          f"({run['pages_per_s']:.1f}/s, crawl phase {run['crawl_pages_per_s']:.1f}/s), cpu "
          f"{run['cpu_ms_per_page']:.1f} ms/page, servers {run['server_cpu_per_s']:.2f} cores, "
          f"gaps<delay {pol['gap_violations']}, overlaps {pol['overlaps']}, errors "
          f"{run['errors'] or 'none'}, load {run['load_after'][0]:.2f}", file=sys.stderr,
          flush=True)


def print_harvest(h: dict) -> None:
    runs = h["runs"]
    for idle in h["idle_cluster"]:
        print(f"idle LocalCluster of {idle['processes']} processes: up in "
              f"{idle['startup_s']:.2f} s "
              f"(CPU: coordinator {idle['startup_cpu_coordinator_s']:.2f} s, workers "
              f"{idle['startup_cpu_workers_s']:.2f} s); idle for {idle['idle_s']:.0f} s: "
              f"{1000 * idle['idle_cpu_per_worker_per_s']:.0f} ms CPU/s per worker, coordinator "
              f"{1000 * idle['idle_cpu_coordinator_per_s']:.0f} ms/s; worker RSS "
              f"{', '.join(f'{x:.0f}' for x in idle['idle_worker_rss_mb'])} MB")
    for which in ("first", "incremental"):
        chosen = [r for r in runs if r["run"] == which]
        if not chosen:
            continue
        rows = []
        for processes in sorted({r["processes"] for r in chosen}):
            rs = [r for r in chosen if r["processes"] == processes]
            med = {k: statistics.median(r[k] for r in rs) for k in (
                "seconds", "startup_s", "crawl_s", "tail_s", "pages", "pages_per_s",
                "articles_per_s", "crawl_pages_per_s", "share_of_bound", "crawl_share_of_bound",
                "pages_per_s_per_process", "cpu_ms_per_page", "cpu_ms_per_page_after_startup",
                "startup_cpu_s", "harvest_cores_busy", "server_cpu_per_s")}
            rows.append([
                "threads" if processes == 0 else f"{processes} processes", len(rs),
                round(med["seconds"], 1), round(med["startup_s"], 2), round(med["tail_s"], 2),
                int(med["pages"]), round(med["pages_per_s"], 1), round(med["articles_per_s"], 1),
                round(med["crawl_pages_per_s"], 1),
                f"{100 * med['share_of_bound']:.1f}%", f"{100 * med['crawl_share_of_bound']:.1f}%",
                round(med["pages_per_s_per_process"], 1), round(med["cpu_ms_per_page"], 1),
                round(med["startup_cpu_s"], 1), round(med["cpu_ms_per_page_after_startup"], 1),
                round(med["harvest_cores_busy"], 2), round(med["server_cpu_per_s"], 2),
                sum(r["politeness"]["gap_violations"] for r in rs),
                sum(r["politeness"]["overlaps"] for r in rs),
                round(1000 * min(r["politeness"]["min_gap_after_response_s"] for r in rs))])
        print(table(f"harvest ({which} run): {h['portals']} {h['kind']} portals on "
                    f"{h['portals']} addresses, delay {h['delay_s']} s, latency "
                    f"{h['latency_s']} s, "
                    f"bound {h['portals'] / h['delay_s']:.0f} pages/s; medians",
                    ["mode", "n", "seconds", "startup", "tail", "pages", "pages/s", "art/s",
                     "crawl p/s", "of bound", "crawl of bound", "p/s/proc", "cpu ms/page",
                     "startup cpu s", "ms/page w/o startup", "cores busy", "server cores",
                     "gap<delay", "overlaps", "min gap ms"], rows))
    rows = []
    for r in runs:
        rows.append([r["repeat"], r["run"], r["processes"], round(r["seconds"], 1),
                     r["pages"], r["articles_found"], round(r["pages_per_s"], 1),
                     round(r["coordinator_cpu_s"], 1),
                     round(r["worker_cpu_s"], 1), round(r["worker_cpu_sampled_s"], 1),
                     round(r["coordinator_rss_peak_mb"]),
                     "/".join(str(round(x)) for x in r["worker_rss_peak_mb"]) or "-",
                     "/".join(map(str, r["tasks_per_worker"])),
                     r["merges"], _ms(r["merge_ms_median"]), _ms(r["merge_ms_max"]),
                     f"{1000 * r['merge_cpu_s_total'] / max(1, r['merges']):.1f}",
                     round(r["stories_s"], 2), round(r["exports_s"], 2),
                     f"{r['load_before'][0]:.2f}-{r['load_after'][0]:.2f}",
                     r["status"]])
    print(table("harvest runs", ["rep", "run", "procs", "s", "pages", "articles", "pages/s",
                                 "coord cpu", "worker cpu",
                                 "(sampled)", "coord MB", "worker MB", "tasks/worker",
                                 "merges", "merge ms p50", "max", "merge cpu ms", "stories s",
                                 "exports s",
                                 "load 1m", "status"], rows))
    first = next((r for r in runs if r["run"] == "first" and "sizes" in r), None)
    if first:
        s = first["sizes"]
        print(f"dataset after one first run ({first['pages']} pages): WARC "
              f"{s['warc_bytes'] / 2**20:.1f} MiB = "
              f"{s['warc_bytes'] / max(1, first['pages']) / 1024:.1f}"
              f" KiB/page (+ index {s['warc_index_bytes'] / 2**20:.1f} MiB), shards "
              f"{s['shards_sqlite_bytes'] / 2**20:.1f} MiB, dataset.sqlite "
              f"{s['dataset_sqlite_bytes'] / 2**20:.1f} MiB, exports "
              f"{s['exports_bytes'] / 2**20:.1f} MiB, total {s['total_bytes'] / 2**20:.1f} MiB")
    bad = [r for r in runs if r["politeness"]["gap_violations"] or r["politeness"]["overlaps"]]
    for r in bad:
        print(f"politeness: {r['processes']}p {r['run']} run: {r['politeness']}")
    for r in runs:
        if r["errors"]:
            print(f"errors: {r['processes']}p {r['run']} run: {r['errors']} {r['error_lines']}")


def _ms(value) -> str:
    return "-" if value is None else f"{value:.0f}"


# -- 2. reparse -----------------------------------------------------------------------------------

def run_reparse(args, folder: Path, exclude: set[int], idle: dict | None = None) -> dict:
    from govnews.parsers.extract import parse_page
    from govnews.scraper.archive import iter_archived
    from govnews.scraper.reparse import _is_page, reparse
    out: dict = {"load_before": os.getloadavg(), "runs": []}
    order = ["one", "cluster"]
    for r in range(args.reparse_repeat):
        for mode in (order if r % 2 == 0 else order[::-1]):
            my_cpu, kids_cpu = self_cpu(), children_cpu()
            with TreeSampler(exclude) as sampler, Watchdog(args.hang_seconds, f"reparse {mode}"):
                result = reparse(folder, cluster={"processes": args.reparse_processes}
                                 if mode == "cluster" else None)
            out["runs"].append({
                "mode": mode, "seconds": result.seconds, "pages": result.pages,
                "responses": result.responses, "articles": result.articles,
                "new": result.new, "changed": result.changed, "errors": len(result.errors),
                "pages_per_s": result.pages / result.seconds,
                "coordinator_cpu_s": self_cpu() - my_cpu,
                "worker_cpu_s": max(children_cpu() - kids_cpu,
                                    sum(p["cpu"] for p in sampler.workers())),
                "worker_rss_peak_mb": [round(p["rss"] / 2**20, 1) for p in sampler.workers()]})
            print(f"  [reparse {mode}] {result.pages} pages in {result.seconds:.1f} s "
                  f"({result.pages / result.seconds:.1f}/s), {result.changed} changed, "
                  f"{len(result.errors)} errors", file=sys.stderr, flush=True)
    started = time.perf_counter()
    archived = list(iter_archived(folder / "warc"))
    out["read_s"] = time.perf_counter() - started
    pages = [a for a in archived if _is_page(a)]
    parse_s = []
    for _ in range(args.reparse_repeat):
        started = time.perf_counter()
        for a in pages:
            parse_page(a.body, a.url, a.headers)
        parse_s.append(time.perf_counter() - started)
    out["parse_scaling"] = [parse_scaling(folder / "warc", n, args.parse_seconds)
                            for n in sorted({1, args.reparse_processes})]
    out.update(responses=len(archived), parse_pages=len(pages), parse_s=statistics.median(parse_s),
               parse_pages_per_s=len(pages) / statistics.median(parse_s),
               processes=args.reparse_processes, load_after=os.getloadavg(),
               mean_page_kb=sum(len(a.body) for a in pages) / max(1, len(pages)) / 1024)
    for mode in order:
        rs = [r for r in out["runs"] if r["mode"] == mode]
        out[mode] = {"seconds": statistics.median(r["seconds"] for r in rs),
                     "pages_per_s": statistics.median(r["pages_per_s"] for r in rs)}
    n = args.reparse_processes
    out["one"]["per_core_vs_parse"] = out["one"]["pages_per_s"] / out["parse_pages_per_s"]
    out["cluster"]["per_core_vs_parse"] = (out["cluster"]["pages_per_s"] / n
                                           / out["parse_pages_per_s"])
    out["cluster"]["speedup"] = out["cluster"]["pages_per_s"] / out["one"]["pages_per_s"]
    if idle:        # the same LocalCluster's start-up, measured idle: the steady rate without it
        pages = out["runs"][0]["pages"]
        steady = pages / max(1e-9, out["cluster"]["seconds"] - idle["startup_s"])
        out["cluster"].update(startup_s=idle["startup_s"], steady_pages_per_s=steady,
                              steady_per_core_vs_parse=steady / n / out["parse_pages_per_s"])
    return out


def parse_main(argv: list[str]) -> int:
    """Child process: parse_page over every archived HTML page of a WARC folder, `--seconds`
    long at least (whole passes); print pages, wall and CPU seconds as JSON."""
    parser = argparse.ArgumentParser(prog="cluster.py _parse")
    parser.add_argument("--warc", required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    from govnews.parsers.extract import parse_page
    from govnews.scraper.archive import iter_archived
    from govnews.scraper.reparse import _is_page
    pages = [a for a in iter_archived(Path(args.warc)) if _is_page(a)]
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()                  # start together
    started, cpu, done = time.perf_counter(), time.process_time(), 0
    while time.perf_counter() - started < args.seconds:
        for a in pages:
            parse_page(a.body, a.url, a.headers)
        done += len(pages)
    print(json.dumps({"pages": done, "seconds": time.perf_counter() - started,
                      "cpu_s": time.process_time() - cpu}), flush=True)
    return 0


def parse_scaling(warc: Path, procs: int, seconds: float) -> dict:
    """`procs` processes parsing at once (no Dask, no I/O): what this machine gives per core
    when several processes share it, the ceiling of any process-level speed-up here."""
    children = [subprocess.Popen([sys.executable, __file__, "_parse", "--warc", str(warc),
                                  "--seconds", str(seconds)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True) for _ in range(procs)]
    for child in children:
        child.stdout.readline()
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [json.loads(child.stdout.readline()) for child in children]
    for child in children:
        child.wait()
    pages = sum(r["pages"] for r in results)
    wall = max(r["seconds"] for r in results)
    cpu = sum(r["cpu_s"] for r in results)
    return {"processes": procs, "pages": pages, "seconds": wall, "pages_per_s": pages / wall,
            "cpu_ms_per_page": 1000 * cpu / pages, "load": os.getloadavg()}


def print_reparse(r: dict) -> None:
    rows = [["reparse, one process", round(r["one"]["seconds"], 2),
             round(r["one"]["pages_per_s"], 1), round(r["one"]["per_core_vs_parse"], 2), 1.0],
            [f"reparse, processes = {r['processes']}", round(r["cluster"]["seconds"], 2),
             round(r["cluster"]["pages_per_s"], 1), round(r["cluster"]["per_core_vs_parse"], 2),
             round(r["cluster"]["speedup"], 2)],
            *([[f"  the same minus the cluster's start-up ({r['cluster']['startup_s']:.1f} s)",
                round(r["cluster"]["seconds"] - r["cluster"]["startup_s"], 2),
                round(r["cluster"]["steady_pages_per_s"], 1),
                round(r["cluster"]["steady_per_core_vs_parse"], 2),
                round(r["cluster"]["steady_pages_per_s"] / r["one"]["pages_per_s"], 2)]]
              if "steady_pages_per_s" in r["cluster"] else []),
            ["parse_page alone (one thread)", round(r["parse_s"], 2),
             round(r["parse_pages_per_s"], 1), 1.0, "-"]]
    print(table(f"reparse: {r['runs'][0]['pages']} archived pages ({r['responses']} responses, "
                f"{r['parse_pages']} HTML, {r['mean_page_kb']:.0f} KiB mean); medians; load "
                f"{r['load_before'][0]:.2f}-{r['load_after'][0]:.2f}",
                ["way", "seconds", "pages/s", "per core / parse", "vs one process"], rows))
    base = r["parse_scaling"][0]
    for p in r["parse_scaling"]:
        print(f"  bare parse_page in {p['processes']} process(es) at once, no Dask: "
              f"{p['pages_per_s']:.1f} pages/s ({p['pages_per_s'] / base['pages_per_s']:.2f}x one "
              f"process), {p['cpu_ms_per_page']:.2f} ms CPU/page, load {p['load'][0]:.2f}")
    for run in r["runs"]:
        print(f"  {run['mode']}: {run['seconds']:.2f} s, coordinator cpu "
              f"{run['coordinator_cpu_s']:.1f} s, workers cpu {run['worker_cpu_s']:.1f} s, "
              f"worker RSS {run['worker_rss_peak_mb']} MB, {run['changed']} changed, "
              f"{run['errors']} errors")


# -- 3. profile -----------------------------------------------------------------------------------

class ThreadProfiles:
    """cProfile on every thread started while active (and this one), each with the thread's
    CPU clock, merged at the end: cProfile only sees the thread that enabled it."""

    def __init__(self) -> None:
        self.profiles: list[cProfile.Profile] = []
        self._lock = threading.Lock()

    def __enter__(self) -> "ThreadProfiles":
        original = self.original = threading.Thread.run
        profiles, lock = self.profiles, self._lock

        def run(thread_self):
            profile = cProfile.Profile(time.thread_time)
            with lock:
                profiles.append(profile)
            profile.enable()
            try:
                original(thread_self)
            finally:
                profile.disable()
        threading.Thread.run = run
        self.main = cProfile.Profile(time.thread_time)
        self.profiles.append(self.main)
        self.main.enable()
        return self

    def __exit__(self, *exc: object) -> None:
        self.main.disable()
        threading.Thread.run = self.original

    def stats(self) -> pstats.Stats:
        stats = pstats.Stats(self.profiles[0], stream=io.StringIO())
        for profile in self.profiles[1:]:
            try:
                stats.add(profile)
            except TypeError:          # a thread that never ran a profiled call
                pass
        return stats


# What to look for in a profile: label -> (file suffix, function names; None: any function of
# the file). cProfile: the cumulative CPU of the matching functions (summed; callers of one
# another would count twice, which none of these are); py-spy: the samples whose stack holds
# one of them (each sample once).
HOT: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "parse_page (all parsing)": ("parsers/extract.py", ("parse_page",)),
    "canonical_url": ("parsers/urls.py", ("canonical_url",)),
    "frontier_key": ("scraper/frontier.py", ("frontier_key",)),
    "Frontier queries (scraper/frontier.py methods)": (
        "scraper/frontier.py", ("add", "requeue", "next_for", "hosts_with_work",
                                "queued_for_site", "finish", "queued_count",
                                "validators", "save_validators")),
    "Crawl.run loop (own code, waits on an event)": ("scraper/crawl.py", ("run",)),
    "Committing._commit (one transaction per page)": ("scraper/committing.py", ("_commit",)),
    "of which _discover (links to the frontier)": ("scraper/committing.py", ("_discover",)),
    "HTTP fetch (Fetcher.fetch, requests)": ("scraper/http.py", ("fetch",)),
    "WARC writing (WarcArchive.write)": ("scraper/archive.py", ("write",)),
    "CDXJ index at task end (index_warcs)": ("scraper/archive.py", ("index_warcs",)),
    "merge_runs (coordinator)": ("output/shards.py", ("merge_runs",)),
    "update_stories (coordinator)": ("output/stories.py", ("update_stories",)),
    "export_dataset (coordinator)": ("output/writers.py", ("export_dataset",)),
}


def _matches(file: str, name: str, rule: tuple[str, tuple[str, ...] | None]) -> bool:
    suffix, names = rule
    return file.endswith(suffix) and (names is None or name.split(".")[-1] in names)


def _profiled_harvest(args, servers: Servers, folder: Path, around) -> tuple[float, int]:
    from govnews.scraper.harvest import harvest
    config = harvest_config(folder, servers, args, 0)
    servers.logs()
    started = time.monotonic()
    with Watchdog(args.hang_seconds, "profiled harvest"), around():
        result = harvest(config, folder)
    servers.logs()
    return time.monotonic() - started, result.summary.pages_fetched


def run_profile(args, servers: Servers) -> dict:
    out = {"load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="bench-cluster-profile-") as tmp:
        profiles = ThreadProfiles()
        seconds, pages = _profiled_harvest(args, servers, Path(tmp) / "a", lambda: profiles)
    out["cprofile"] = cprofile_figures(profiles.stats(), args.top) | {"seconds": seconds,
                                                                       "pages": pages}
    out["cprofile"]["threads_profiled"] = len(profiles.profiles)
    out["pyspy"] = run_pyspy(args, servers)
    out["load_after"] = os.getloadavg()
    return out


def cprofile_figures(stats: pstats.Stats, top: int) -> dict:
    total = sum(tt for (_, _, tt, _, _) in stats.stats.values())
    rows = []
    for (file, line, name), (_, nc, tt, ct, _) in stats.stats.items():
        rows.append({"where": _short(file, line), "function": name, "calls": nc, "tottime": tt,
                     "cumtime": ct, "ours": any(f"/{d}/" in file for d in
                                                ("scraper", "parsers", "output"))})
    ours = [r for r in rows if r["ours"]]
    hot = {}
    for label, rule in HOT.items():
        found = [(nc, ct) for (file, _, name), (_, nc, _, ct, _) in stats.stats.items()
                 if _matches(file, name, rule)]
        hot[label] = {"cpu_s": sum(ct for _, ct in found), "calls": sum(nc for nc, _ in found)}
    sqlite: dict[str, dict] = {}
    for (file, _, name), (_, nc, tt, _, callers) in stats.stats.items():
        if file == "~" and "sqlite3" in name:
            key = (name.replace("<method '", "").replace("' of 'sqlite3.", " (")
                   .replace("' objects>", ")"))
            sqlite[key] = {"tottime": tt, "calls": nc}
            if key.startswith("execute (Connection"):
                # BEGIN IMMEDIATE / COMMIT / ROLLBACK: execute called by Store.transaction
                for (cfile, _, cname), stat in callers.items():
                    if cfile.endswith("output/store.py") and cname == "transaction":
                        sqlite["  of which BEGIN/COMMIT (Store.transaction)"] = {
                            "tottime": stat[2], "calls": stat[1]}
    return {"cpu_s": total, "by_cumtime": sorted(ours, key=lambda r: -r["cumtime"])[:top],
            "by_tottime": sorted(ours, key=lambda r: -r["tottime"])[:top],
            "by_tottime_all": sorted(rows, key=lambda r: -r["tottime"])[:top],
            "hot": hot, "sqlite": sqlite}


def run_pyspy(args, servers: Servers) -> dict:
    """The same harvest sampled by py-spy (100 Hz, `--gil`: only the thread holding the GIL,
    which is what one process of threads is bound by; C code that releases the GIL, such as
    SQLite's steps and socket reads, is not in it): shares without cProfile's per-call cost."""
    import signal
    spy = Path(sys.executable).parent / "py-spy"
    if not spy.exists():
        found = shutil.which("py-spy")
        if not found:
            return {"skipped": "py-spy is not installed"}
        spy = Path(found)
    with tempfile.TemporaryDirectory(prefix="bench-cluster-spy-") as tmp:
        out = Path(tmp) / "spy.txt"
        proc = subprocess.Popen([str(spy), "record", "--pid", str(os.getpid()), "--rate", "100",
                                 "--format", "raw", "--nolineno", "--nonblocking", "--gil",
                                 "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        if proc.poll() is not None:
            return {"skipped": f"py-spy failed: {proc.stderr.read()[-300:]}"}
        seconds, pages = _profiled_harvest(args, servers, Path(tmp) / "data",
                                           lambda: _nothing())
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if not out.exists():
            return {"skipped": f"py-spy wrote nothing: {proc.stderr.read()[-300:]}"}
        lines = out.read_text(errors="replace").splitlines()
    samples = []
    for line in lines:
        stack, _, count = line.rpartition(" ")
        if not stack.strip() or not count.isdigit():
            continue
        frames = []
        for frame in stack.split(";"):
            name, _, file = frame.rpartition(" (")
            frames.append((file.rstrip(")"), name))
        samples.append((frames, int(count)))
    total = sum(n for _, n in samples)
    hot = {label: sum(n for frames, n in samples if any(_matches(f, name, rule)
                                                          for f, name in frames))
           for label, rule in HOT.items()}
    inclusive: dict[tuple, int] = {}
    own: dict[tuple, int] = {}
    for frames, n in samples:
        for key in set(frames):
            inclusive[key] = inclusive.get(key, 0) + n
        own[frames[-1]] = own.get(frames[-1], 0) + n
    def ours(key: tuple) -> bool:
        return any(key[0].startswith(d) or f"/{d}" in key[0]
                   for d in ("scraper/", "parsers/", "output/"))
    return {"seconds": seconds, "pages": pages, "samples": total,
            "hot": {k: {"samples": v, "share": v / max(1, total)} for k, v in hot.items()},
            "by_inclusive": [{"function": k[1], "where": k[0], "samples": v}
                             for k, v in sorted(inclusive.items(), key=lambda kv: -kv[1])
                             if ours(k)][:args.top],
            "by_own": [{"function": k[1], "where": k[0], "samples": v}
                       for k, v in sorted(own.items(), key=lambda kv: -kv[1])][:args.top]}


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _short(file: str, line: int) -> str:
    for marker in ("/scraper/", "/parsers/", "/output/", "/site-packages/", "/lib/python"):
        if marker in file:
            return file[file.index(marker) + 1:].replace("site-packages/", "") + f":{line}"
    return f"{file}:{line}" if file != "~" else "~"


def print_profile(p: dict) -> None:
    c = p["cprofile"]
    total = c["cpu_s"]
    print(f"\n## profile: one-process harvest under cProfile, {c['pages']} pages in "
          f"{c['seconds']:.1f} s (thread CPU clock, {c['threads_profiled']} threads merged): "
          f"{total:.1f} CPU s profiled = {1000 * total / max(1, c['pages']):.1f} ms/page (with "
          f"cProfile's own overhead); load {p['load_before'][0]:.2f}-{p['load_after'][0]:.2f}")

    def rows(items):
        return [[r["function"], r["where"], r["calls"], round(r["tottime"], 2),
                 f"{100 * r['tottime'] / total:.1f}%", round(r["cumtime"], 2),
                 f"{100 * r['cumtime'] / total:.1f}%"] for r in items]
    headers = ["function", "where", "calls", "tottime", "share", "cumtime", "share"]
    print(table("cProfile: top by cumulative CPU (scraper/, parsers/, output/)", headers,
                rows(c["by_cumtime"])))
    print(table("cProfile: top by own CPU (scraper/, parsers/, output/)", headers,
                rows(c["by_tottime"])))
    print(table("cProfile: top by own CPU (everything)", headers, rows(c["by_tottime_all"])))
    print(table("cProfile: sqlite3 C calls (own CPU)", ["call", "calls", "CPU s", "share"],
                [[k, v["calls"], round(v["tottime"], 2), f"{100 * v['tottime'] / total:.1f}%"]
                 for k, v in sorted(c["sqlite"].items(), key=lambda kv: -kv[1]["tottime"])]))
    s = p["pyspy"]
    spy = s.get("hot", {})
    print(table("hot spots: share of the harvest's CPU (cProfile cumulative) and of its GIL "
                "time (py-spy)",
                ["what", "calls", "cProfile CPU s", "cProfile share", "py-spy GIL share"],
                [[k, v["calls"], round(v["cpu_s"], 2), f"{100 * v['cpu_s'] / total:.1f}%",
                  f"{100 * spy[k]['share']:.1f}%" if k in spy else "-"]
                 for k, v in c["hot"].items()]))
    if "skipped" in s:
        print(f"py-spy: {s['skipped']}")
        return
    n = max(1, s["samples"])
    print(f"\npy-spy --gil: {s['pages']} pages in {s['seconds']:.1f} s, {s['samples']} samples of "
          f"the GIL-holding thread (100 Hz) = {s['samples'] / 100 / max(1, s['pages']) * 1000:.1f} "
          f"ms of GIL per page")
    print(table("py-spy: top by inclusive samples (scraper/, parsers/, output/)",
                ["function", "where", "samples", "share"],
                [[r["function"], r["where"], r["samples"], f"{100 * r['samples'] / n:.1f}%"]
                 for r in s["by_inclusive"]]))
    print(table("py-spy: top by own samples (leaf Python frame; C code counts to its caller)",
                ["function", "where", "samples", "share"],
                [[r["function"], r["where"], r["samples"], f"{100 * r['samples'] / n:.1f}%"]
                 for r in s["by_own"]]))


# -- main -----------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--only", action="append", choices=MEASUREMENTS,
                        help="run only this measurement (repeatable); default: all")
    parser.add_argument("--json", metavar="OUT", help="write every figure as JSON here")
    parser.add_argument("--portals", type=int, default=48, help="portals, one per address")
    parser.add_argument("--kind", choices=("mix", "lacviet", "synthetic"), default="mix",
                        help="the 12 demo portals cycling, Lạc Việt copies, or synthetic "
                             "portals")
    parser.add_argument("--articles", type=int, default=100, help="articles per synthetic portal")
    parser.add_argument("--server-procs", type=int, default=1,
                        help="child processes serving the portals")
    parser.add_argument("--delay", type=float, default=0.1,
                        help="seconds between requests per host")
    parser.add_argument("--latency", type=float, default=0.0, help="added per response")
    parser.add_argument("--processes", default="2,4", help="worker process counts besides threads")
    parser.add_argument("--repeat", type=int, default=2,
                        help="harvest rounds (each mode once per round)")
    parser.add_argument("--incremental-rounds", type=int, default=1,
                        help="rounds that also time a second (incremental) run into each dataset")
    parser.add_argument("--window-days", type=int, default=30, help="re-observation window")
    parser.add_argument("--sample-older", type=int, default=20, help="older articles re-observed")
    parser.add_argument("--reparse-repeat", type=int, default=2,
                        help="reparse and bare-parse passes (medians)")
    parser.add_argument("--reparse-processes", type=int, default=2,
                        help="cluster processes of the second reparse")
    parser.add_argument("--parse-seconds", type=float, default=10.0,
                        help="length of the bare-parse scaling control (1 and N processes)")
    parser.add_argument("--top", type=int, default=15, help="profile rows")
    parser.add_argument("--dask-profiler", action="store_true",
                        help="leave Dask's worker profiler on (on a Python 3.11 without the "
                             "fix its sys._current_frames() every 10 ms can deadlock a worker: "
                             "CPython gh-106883, dask/distributed#8616)")
    parser.add_argument("--hang-seconds", type=float, default=300.0,
                        help="a harvest or reparse taking longer is reported as hung and the "
                             "bench exits 3")
    return parser


class Watchdog:
    """Ends the bench (exit 3) when one measured call takes longer than `seconds`: a hung
    worker process would otherwise hold it forever. Says what it was doing and how to look."""

    def __init__(self, seconds: float, what: str) -> None:
        self.seconds, self.what = seconds, what
        self._done = threading.Event()

    def __enter__(self) -> "Watchdog":
        threading.Thread(target=self._watch, name="watchdog", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()

    def _watch(self) -> None:
        if self._done.wait(self.seconds):
            return
        import psutil
        me = psutil.Process()
        kids = [f"{p.pid} {' '.join(p.cmdline())[:60]}" for p in me.children(recursive=True)]
        print(f"\nHUNG: {self.what} still running after {self.seconds:.0f} s; processes: "
              f"{me.pid} (this one), " + "; ".join(kids) + "\nlook with: py-spy dump --native "
              "--pid PID (they are killed now)", file=sys.stderr, flush=True)
        for child in me.children(recursive=True):
            try:
                child.kill()           # a deadlocked worker never exits by itself
            except psutil.Error:
                pass
        os._exit(3)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_serve"]:
        return serve_main(argv[1:])
    if argv[:1] == ["_parse"]:
        return parse_main(argv[1:])
    args = build_parser().parse_args(argv)
    args.processes = [int(x) for x in args.processes.split(",") if x.strip()]
    if not args.dask_profiler:
        # before Dask is imported; spawned workers inherit it (see --dask-profiler)
        os.environ["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"] = "False"
    chosen = args.only or list(MEASUREMENTS)
    import logging
    logging.basicConfig(level=logging.ERROR)
    figures: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count(),
                     "dask_worker_profiler": args.dask_profiler,
                     "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "argv": argv,
                     "load_start": os.getloadavg()}
    started = time.monotonic()
    keep = Path(tempfile.mkdtemp(prefix="bench-cluster-keep-"))
    try:
        with Servers(args.kind, args.portals, args.server_procs, args.articles,
                     args.latency) as servers:
            if "harvest" in chosen or "reparse" in chosen:
                if "harvest" in chosen:
                    figures["harvest"] = run_harvest(args, servers, keep)
                    print_harvest(figures["harvest"])
                else:
                    from govnews.scraper.harvest import harvest
                    harvest(harvest_config(keep / "data", servers, args, 0), keep / "data")
            if "reparse" in chosen:
                idle = next((i for i in figures.get("harvest", {}).get("idle_cluster", [])
                             if i["processes"] == args.reparse_processes), None)
                if idle is None:
                    idle = dask_idle(args.reparse_processes, 3.0, servers.pids)
                figures["reparse"] = run_reparse(args, keep / "data", servers.pids, idle)
                print_reparse(figures["reparse"])
            if "profile" in chosen:
                figures["profile"] = run_profile(args, servers)
                print_profile(figures["profile"])
    finally:
        shutil.rmtree(keep, ignore_errors=True)
    figures["seconds"] = time.monotonic() - started
    figures["load_end"] = os.getloadavg()
    print(f"\nwhole bench: {figures['seconds']:.0f} s; load average {figures['load_start'][0]:.2f}"
          f" at start, {figures['load_end'][0]:.2f} at the end; {os.cpu_count()} CPUs")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
