"""One site's run: the unit of work a harvest hands to an executor (a thread here, a process,
a Dask worker on another machine). It holds the site's shard lease, crawls into the shard's own
store and WARC files, and returns a small picklable result; the coordinator merges the shard
into the dataset. A task killed anywhere (SIGKILL, machine lost) is simply run again: the shard's
frontier says where it stopped, its half-written WARC file is finalised first, and the lease
(the kernel's flock on the shard folder) passes to the next holder when the dead one's process
is gone.

Sites that share a host are one task (one Crawl over them), so a host's politeness is kept by
one clock whatever the number of workers."""
from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from govnews.output.shards import SHARDS_DIR, open_shard, shard_folder
from govnews.output.store import Store

from .crawl import Crawl, CrawlSettings, Site, Summary
from .errors import LockHeld, StoreFailure
from .heartbeat import Heartbeat, heartbeat_path
from .lock import FolderLock
from .records import utc_now

LEASE_WHAT = "another worker holds this site's lease"


@dataclass
class SiteTask:
    dataset: str                     # the dataset folder, as every worker sees it
    shard: str
    sites: list[Site]
    settings: CrawlSettings
    run_id: str
    window_days: float = 30.0        # re-observation: articles published this recently
    sample_older: int = 0            # ... and this many older ones, a sample fixed by the run
    archive: bool = True
    archive_max_bytes: int = 100 * 1024 * 1024
    deadline: float | None = None    # time.time() after which no page is taken (max_run_seconds)
    lease_wait: float = 120.0        # how long to wait for a lease another worker holds

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.sites]


@dataclass
class SiteResult:
    shard: str
    sites: list[str]
    run_id: str
    summary: Summary
    site_status: dict[str, dict] = field(default_factory=dict)
    warc_files: list[str] = field(default_factory=list)
    worker: str = ""                 # host:pid that ran it
    started_at: str = ""
    seconds: float = 0.0
    lease_error: str | None = None   # the task never started: the lease stayed held
    resumed: bool = False            # a rerun after its first worker died mid-task
    extra_runs: list[str] = field(default_factory=list)   # capture runs of recovered sites


class Controls:
    """The crawls running in this process, so that a signal stops them all (local runs)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[Crawl] = set()
        self.stopped: str | None = None

    def add(self, crawl: Crawl) -> None:
        with self._lock:
            self._running.add(crawl)
            if self.stopped:
                crawl.stop(self.stopped)

    def discard(self, crawl: Crawl) -> None:
        with self._lock:
            self._running.discard(crawl)

    def stop(self, reason: str = "interrupted") -> None:
        with self._lock:
            self.stopped = self.stopped or reason
            for crawl in self._running:
                crawl.stop(reason)


STOP_POLL = 0.5                      # seconds between a worker task's looks for the stop file


def stop_path(dataset: str | Path, run_id: str) -> Path:
    """The file a coordinator creates to stop its run's tasks on other processes or machines (a
    signal reaches only its own process): a task sees it within STOP_POLL and takes no new page."""
    return Path(dataset) / SHARDS_DIR / f".stop-{run_id}"


class _StopFileWatch:
    """Stops `crawl` when the run's stop file appears (a task on a worker process)."""

    def __init__(self, path: Path, crawl: Crawl) -> None:
        self._path, self._crawl = path, crawl
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="govnews-stop-watch", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(STOP_POLL):
            try:
                seen = self._path.exists()
            except OSError:
                seen = False
            if seen:
                self._crawl.stop("interruption")
                return

    def close(self) -> None:
        self._done.set()
        self._thread.join(timeout=2 * STOP_POLL)


def run_site_task(task: SiteTask, controls: Controls | None = None, progress=None) -> SiteResult:
    """Run one task (see the module docstring). Exceptions other than a lease held too long or
    a store failure are bugs and propagate, for the coordinator to report."""
    started = time.monotonic()
    worker = f"{socket.gethostname()}:{os.getpid()}"
    summary = Summary(task.run_id, task.names)
    result = SiteResult(task.shard, task.names, task.run_id, summary, worker=worker,
                        started_at=utc_now())
    if controls is not None and controls.stopped:
        summary.stopped = controls.stopped
        return result
    if controls is None and stop_path(task.dataset, task.run_id).exists():
        summary.stopped = "interruption"      # the run was stopped before this task started
        return result
    folder = shard_folder(Path(task.dataset), task.shard)
    folder.mkdir(parents=True, exist_ok=True)
    heartbeat = Heartbeat(heartbeat_path(folder))
    heartbeat.beat(force=True)                # started: the coordinator's watchdog looks now
    try:
        lease = FolderLock(folder, LEASE_WHAT).acquire(wait=task.lease_wait)
    except LockHeld as exc:
        result.lease_error = str(exc)
        summary.errors["lease"] += 1
        summary.error_lines.append(f"lease: {exc}")
        return result
    try:
        heartbeat.beat(force=True)
        _run_locked(task, folder, result, controls, progress, heartbeat)
    finally:
        lease.release()
        result.seconds = time.monotonic() - started
    return result


def _run_locked(task: SiteTask, folder: Path, result: SiteResult, controls, progress,
                heartbeat: Heartbeat) -> None:
    from .archive import SqliteDigests, WarcArchive, finalise_open_files, index_warcs

    summary = result.summary
    warc_folder = Path(task.dataset) / "warc" / task.shard
    if warc_folder.is_dir():                  # a killed holder's half-written file
        finalise_open_files(warc_folder)
    store = open_shard(folder)                 # see output.shards: one writer, any host
    archive = crawl = None
    try:
        if not store.start_run(task.run_id, utc_now(), task.names):
            result.resumed = True
            # this task ran before in this run on a worker that died: its last request may
            # have left a moment ago, so the host gets its delay before ours
            time.sleep(max([task.settings.delay] + [s.delay or 0.0 for s in task.sites]))
        store.save_sites(task.run_id, [{"name": s.name, "start_urls": s.start_urls,
                                        "profile": s.profile, "hosts": sorted(s.hosts())}
                                       for s in task.sites])
        settings = task.settings
        if task.deadline is not None:
            left = task.deadline - time.time()
            if left <= 0:
                summary.stopped = "time limit"
                return
            settings = replace(settings, max_run_seconds=left)
        live = [s for s in task.sites if s.source == "live"]
        if live:
            if task.archive:
                archive = WarcArchive(warc_folder, run_id=task.run_id, name=task.shard,
                                      max_bytes=task.archive_max_bytes,
                                      digests=SqliteDigests(store.conn, store.lock,
                                                             store=store))
            try:
                crawl = Crawl(store, live, settings, task.run_id, archive=archive,
                              reobserve=_reobserve(task, store), progress=progress,
                              heartbeat=heartbeat.beat)
            except StoreFailure as exc:
                _store_failed(summary, exc)
                return
            if controls is not None:
                controls.add(crawl)
            watch = _StopFileWatch(stop_path(task.dataset, task.run_id), crawl) \
                if controls is None else None
            try:
                crawled = crawl.run()
            finally:
                if controls is not None:
                    controls.discard(crawl)
                if watch is not None:
                    watch.close()
            crawled.sites = summary.sites
            result.summary = summary = crawled
            result.site_status = dict(crawl.site_status)
        for site in task.sites:
            if site.source != "live" and not (controls is not None and controls.stopped):
                _recover(task, site, store, warc_folder, result, heartbeat)
    finally:
        if archive is not None:
            try:
                archive.close()
                problems: list = []
                index_warcs(warc_folder, problems, files=archive.files)
                for problem in problems:
                    summary.errors["archive"] += 1
                    summary.error_lines.append(f"archive: {problem.filename} at offset "
                                               f"{problem.offset}: {problem.reason}")
                result.warc_files = [p.name for p in archive.files]
            except OSError as exc:
                summary.errors["store"] += 1
                summary.error_lines.append(f"store: {warc_folder}: cannot finish the WARC file: "
                                           f"{exc.strerror or exc}")
        try:
            store.finish_run({"run_id": task.run_id, "finished_at": utc_now(),
                              "pages_fetched": summary.pages_fetched,
                              "articles_new": summary.articles_new,
                              "articles_changed": summary.articles_changed,
                              "observations": summary.observations,
                              "errors": summary.error_count,
                              "status": "ok" if not summary.error_count else "partial"})
        except Exception as exc:  # noqa: BLE001 - the shard's own bookkeeping; records are in
            summary.errors["store"] += 1
            summary.error_lines.append(f"store: {store.path}: cannot record the run's end: {exc}")
        finally:
            store.close()


def _recover(task: SiteTask, site: Site, store: Store, warc_folder: Path,
             result: SiteResult, heartbeat: Heartbeat) -> None:
    """A site whose portal is gone (`source = "wayback"` / `"commoncrawl"`): its captures
    recovered into the shard, resumable like `govnews recover`; every capture time is a run of
    its own (`wayback-<timestamp>`), merged with the harvest's."""
    from .recover import recover_site
    summary = result.summary
    delay = site.delay if site.delay is not None else task.settings.delay
    recovered = recover_site(store, warc_folder, task.run_id, site, task.settings.http, delay,
                             warc_name=task.shard, sleep=heartbeat.sleep)
    summary.pages_fetched += recovered.fetched
    summary.requests += recovered.requests
    summary.articles_found += recovered.articles
    summary.articles_new += recovered.articles_new
    summary.observations += recovered.observations
    for line in recovered.errors + ([f"stopped: {recovered.stopped}"] if recovered.stopped
                                    else []):
        summary.errors["archive"] += 1
        summary.error_lines.append(f"archive: {site.name}: {line}")
    prefix = f"{site.source}-"
    runs = set()
    for table, column in (("observations", "run_id"), ("site_counters", "run_id"),
                          ("articles", "last_run_id")):
        runs |= {r[0] for r in store.conn.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} LIKE ? AND site = ?",
            (prefix + "%", site.name))}
    known = {r[0] for r in store.conn.execute("SELECT run_id FROM runs")}
    for run_id in sorted(runs - known):       # named in the shard: merged even after a crash
        store.finish_run({"run_id": run_id, "status": "archival"})
    result.extra_runs += sorted(runs)


def _reobserve(task: SiteTask, store: Store) -> dict[str, list[str]]:
    window = datetime.now(timezone.utc) - timedelta(days=task.window_days)
    since = window.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {s.name: [url for _, url in store.articles_to_reobserve(
        s.name, since, task.sample_older, task.run_id)] for s in task.sites}


def _store_failed(summary: Summary, exc: StoreFailure) -> None:
    summary.errors["store"] += 1
    summary.error_lines.append(f"store: {exc}")
    summary.stopped = "store failure"


def _archive_hosts(site: Site) -> set[str]:
    """The web archive a recovered site is read from: sites on one archive are one task, so
    the archive sees one request at a time from us, as it asks."""
    if site.source == "live":
        return set()
    from .recover import CC_DATA_URL, CC_INDEX_URL, WAYBACK_URL
    from .crawl import host_of
    archive = site.archive or {}
    urls = ([archive.get("archive_url") or WAYBACK_URL] if site.source == "wayback" else
            [archive.get("cc_index_url") or CC_INDEX_URL, archive.get("cc_data_url") or CC_DATA_URL])
    return {"archive:" + host_of(url) for url in urls}


def plan_tasks(sites: list[Site]) -> list[list[Site]]:
    """Sites grouped so that no two groups share a host (or a web archive): each group is one
    task. Groups keep the config's order (a group sits where its first site is). Linear in the
    number of sites (a union-find over hosts), for configs of thousands."""
    parent = list(range(len(sites)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, site in enumerate(sites):
        for host in set(site.hosts()) | _archive_hosts(site):
            if host in owner:
                a, b = root(owner[host]), root(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                owner[host] = i
    groups: dict[int, list[Site]] = {}
    for i, site in enumerate(sites):
        groups.setdefault(root(i), []).append(site)
    return [groups[key] for key in sorted(groups)]
