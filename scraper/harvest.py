"""The scheduled, incremental harvest: lock the dataset, walk each site's listings until they
show only known articles, fetch the new ones, re-observe the recent ones, archive every response,
and commit everything page by page."""
from __future__ import annotations

import fcntl
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from govnews.output.store import Store, StoreError
from govnews.output.writers import export_dataset

from .config import Config
from .crawl import Crawl, CrawlSettings, Site, Summary
from .errors import ConfigError, LockHeld
from .http import DEFAULT_USER_AGENT, HttpSettings
from .records import utc_now

LOCK_NAME = "harvest.lock"


class DatasetLock:
    """An exclusive lock on a dataset folder (flock: the kernel frees it when the holder dies,
    so a stale lock of a dead process is taken over without any cleanup)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> "DatasetLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise LockHeld(f"{self.path.parent}: another harvest holds the lock ({holder})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since {utc_now()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "DatasetLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


@dataclass
class HarvestResult:
    summary: Summary
    folder: Path
    status: str


def new_run_id() -> str:
    now = datetime.now(timezone.utc)
    return now.strftime("%Y%m%dT%H%M%S") + f"{now.microsecond // 1000:03d}Z-{os.getpid()}"


def combined_ca_bundle(extra: str, folder: Path, site: str) -> str:
    """The system's trusted roots (certifi, as requests uses) plus a site's extra certificates:
    a site's `ca_bundle` adds the intermediate its server forgets to send, it does not replace
    the roots every other certificate needs."""
    import certifi
    target = folder / "certs" / f"{site}.pem"
    target.parent.mkdir(parents=True, exist_ok=True)
    content = Path(certifi.where()).read_text("ascii") + "\n" + Path(extra).read_text("ascii")
    if not target.exists() or target.read_text("ascii") != content:
        from govnews.output.writers import atomic_write
        with atomic_write(target, encoding="ascii") as fh:
            fh.write(content)
    return str(target)


def sites_from_config(config: Config, folder: Path | None = None) -> list[Site]:
    sites = []
    for s in config.sites:
        verify: bool | str = s.verify
        if s.ca_bundle:
            verify = combined_ca_bundle(s.ca_bundle, folder, s.name) if folder else s.ca_bundle
        sites.append(Site(name=s.name, start_urls=s.start_urls, profile=s.profile, delay=s.delay,
                          allow_private=s.allow_private or config.harvest["allow_private"],
                          verify=verify, max_pages=s.max_pages, max_depth=s.max_depth))
    return sites


def settings_from_config(config: Config) -> CrawlSettings:
    h = config.harvest
    agent = h["user_agent"] or DEFAULT_USER_AGENT
    if h["contact"] and h["contact"] not in agent:
        agent = agent.rstrip(")") + f"; {h['contact']})" if agent.endswith(")") else f"{agent} ({h['contact']})"
    return CrawlSettings(
        delay=float(h["delay"]), max_pages=h["max_pages"], max_depth=h["max_depth"],
        max_tries=h["max_tries"], workers=h["workers"], incremental=True,
        http=HttpSettings(user_agent=agent, connect_timeout=float(h["connect_timeout"]),
                          read_timeout=float(h["timeout"]), max_bytes=h["max_bytes"],
                          allow_private=h["allow_private"]))


def harvest(config: Config, folder: Path, progress=None, log=None) -> HarvestResult:
    folder.mkdir(parents=True, exist_ok=True)
    with DatasetLock(folder):
        try:
            store = Store.open(folder)
        except StoreError as exc:
            raise ConfigError(f"{folder}: {exc}") from None
        try:
            return _run(config, folder, store, progress, log)
        finally:
            store.close()


def _run(config: Config, folder: Path, store: Store, progress, log) -> HarvestResult:
    run_id = new_run_id()
    sites = sites_from_config(config, folder)
    store.start_run(run_id, utc_now(), [s.name for s in sites])
    window = datetime.now(timezone.utc) - timedelta(days=config.reobserve["window_days"])
    reobserve = {s.name: [url for _, url in store.articles_to_reobserve(
        s.name, window.strftime("%Y-%m-%dT%H:%M:%SZ"), config.reobserve["sample_older"], run_id)]
        for s in sites}
    archive = None
    if config.archive["enabled"]:
        from .archive import SqliteDigests, WarcArchive
        archive = WarcArchive(folder / "warc", run_id=run_id,
                              max_bytes=int(config.archive["max_file_mb"] * 1024 * 1024),
                              digests=SqliteDigests(store.conn, store.lock))
    try:
        summary = Crawl(store, sites, settings_from_config(config), run_id, archive=archive,
                        reobserve=reobserve, progress=progress).run()
    finally:
        if archive is not None:
            archive.close()
    status = "ok" if summary.error_count == 0 else "partial"
    store.finish_run({"run_id": run_id, "finished_at": utc_now(),
                      "pages_fetched": summary.pages_fetched, "articles_new": summary.articles_new,
                      "articles_changed": summary.articles_changed,
                      "observations": summary.observations, "errors": summary.error_count,
                      "status": status})
    export_dataset(store, folder, formats=tuple(config.harvest["formats"]),
                   excel=config.harvest["excel"], run_id=run_id)
    _write_log(folder, run_id, summary, status)
    return HarvestResult(summary, folder, status)


def _write_log(folder: Path, run_id: str, summary: Summary, status: str) -> None:
    """One JSON line per run in logs/runs.jsonl, and the run's errors in logs/<run_id>.errors."""
    logs = folder / "logs"
    logs.mkdir(exist_ok=True)
    entry = {"run_id": run_id, "status": status, "finished_at": utc_now(),
             "pages_fetched": summary.pages_fetched, "requests": summary.requests,
             "articles_found": summary.articles_found, "articles_new": summary.articles_new,
             "articles_changed": summary.articles_changed, "observations": summary.observations,
             "duplicates_folded": summary.duplicates_folded,
             "robots_refused": summary.robots_refused, "errors": dict(summary.errors),
             "given_up_hosts": summary.given_up_hosts, "seconds": round(summary.seconds, 2)}
    with open(logs / "runs.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    if summary.error_lines:
        from govnews.output.writers import atomic_write
        with atomic_write(logs / f"{run_id}.errors.txt") as fh:
            fh.write("\n".join(summary.error_lines) + "\n")
