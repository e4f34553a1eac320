"""The scheduled, incremental harvest: lock the dataset, walk each site's listings until they
show only known articles, fetch the new ones, re-observe the recent ones, archive every response,
and commit everything page by page."""
from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import sqlite3
import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from govnews.output.store import Store, StoreError
from govnews.output.writers import export_dataset

from .config import Config
from .crawl import Crawl, CrawlSettings, Site, Summary
from .errors import ConfigError, InternalError, LockHeld, StoreFailure
from .http import DEFAULT_USER_AGENT, HttpSettings
from .records import utc_now

LOCK_NAME = "harvest.lock"
log = logging.getLogger("govnews.harvest")


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

    @property
    def exit_code(self) -> int:
        return 0 if self.status == "ok" else 1


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


def user_agent(harvest_table: dict) -> str:
    agent = harvest_table["user_agent"] or DEFAULT_USER_AGENT
    contact = harvest_table["contact"]
    if contact and contact not in agent:
        agent = agent[:-1] + f"; {contact})" if agent.endswith(")") else f"{agent} ({contact})"
    return agent


def settings_from_config(config: Config) -> CrawlSettings:
    h = config.harvest
    return CrawlSettings(
        delay=float(h["delay"]), max_pages=h["max_pages"], max_depth=h["max_depth"],
        max_tries=h["max_tries"], workers=h["workers"], incremental=True,
        max_retry_wait=float(h.get("max_retry_wait", 300.0)),
        host_give_up_seconds=float(h.get("host_give_up_seconds", 300.0)),
        max_run_seconds=float(h.get("max_run_seconds", 0.0)),
        listing_share=float(h.get("listing_share", 0.5)),
        max_queued=int(h.get("max_queued", 100_000)),
        http=HttpSettings(user_agent=user_agent(h), connect_timeout=float(h["connect_timeout"]),
                          read_timeout=float(h["timeout"]), max_bytes=h["max_bytes"],
                          allow_private=h["allow_private"]))


def harvest(config: Config, folder: Path, progress=None, whole_tables: bool = False,
            on_start=None) -> HarvestResult:
    """One run over the config's sites into `folder`: the lock, the store, the WARC archive,
    the per-run exports and logs. `crawl` and `demo` are harvests too (`whole_tables` also
    writes the dataset's whole tables). `on_start(crawl)` lets the caller hold the running
    Crawl (to stop it on a signal)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{folder}: cannot create the dataset folder: {exc.strerror}") from None
    with DatasetLock(folder):
        try:
            store = Store.open(folder)
        except StoreError as exc:
            raise ConfigError(f"{folder}: {exc}") from None
        except sqlite3.Error as exc:
            raise ConfigError(f"{folder}/dataset.sqlite: cannot open: {exc}") from None
        try:
            return _run(config, folder, store, progress, whole_tables, on_start)
        finally:
            try:
                store.close()
            except sqlite3.Error as exc:
                log.error("%s: closing the store failed: %s", folder, exc)


def close_interrupted(folder: Path, store: Store) -> list[str]:
    """Runs a kill left 'running' are marked 'interrupted'; their `.warc.gz.open` files are cut
    after the last complete record and given their final name, so replay tools read them."""
    from .archive import finalise_open_files
    notes = [f"run {run_id} was interrupted; marked so"
             for run_id in store.close_interrupted_runs(utc_now())]
    warc = folder / "warc"
    if warc.is_dir():
        for path, kept, cut in finalise_open_files(warc):
            notes.append(f"finalised {path.name} left open by an interrupted run "
                         f"({kept} records kept, {cut} bytes of an unfinished record cut)")
    for note in notes:
        log.info("%s", note)
    return notes


def _run(config: Config, folder: Path, store: Store, progress, whole_tables: bool,
         on_start) -> HarvestResult:
    run_id = new_run_id()
    close_interrupted(folder, store)
    sites = sites_from_config(config, folder)
    store.start_run(run_id, utc_now(), [s.name for s in sites])
    store.save_sites(run_id, [{"name": s.name, "start_urls": s.start_urls, "profile": s.profile,
                               "hosts": sorted(s.hosts())} for s in sites])
    archive = crawl = None
    summary = Summary(run_id, [s.name for s in sites])
    status = "failed"
    try:
        reobserve = _reobserve(config, store, sites, run_id)
        if config.archive["enabled"]:
            from .archive import SqliteDigests, WarcArchive
            archive = WarcArchive(folder / "warc", run_id=run_id,
                                  max_bytes=int(config.archive["max_file_mb"] * 1024 * 1024),
                                  digests=SqliteDigests(store.conn, store.lock))
        crawl = Crawl(store, sites, settings_from_config(config), run_id, archive=archive,
                      reobserve=reobserve, progress=progress)
        if on_start is not None:
            on_start(crawl)
        summary = crawl.run()
        _record_site_status(config, store, run_id, crawl, summary)
        _update_stories(store, run_id, summary)
        status = "ok" if summary.error_count == 0 else "partial"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    except StoreFailure as exc:
        summary = crawl.summary if crawl is not None else summary
        summary.errors["store"] += 1
        summary.error_lines.append(f"store: {exc}")
        summary.stopped = "store failure"
        status = "partial"
    except (ConfigError, InternalError):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug: the traceback to a file, one line out
        crash = _write_crash(folder, run_id)
        status = "failed"
        raise InternalError(f"internal error: {type(exc).__name__}: {exc}; details in {crash}",
                            str(crash)) from exc
    finally:
        if archive is not None:
            try:
                archive.close()
                _index(folder, summary)
            except OSError as exc:
                summary.errors["store"] += 1
                summary.error_lines.append(f"store: {folder}/warc: cannot finish the WARC file: "
                                           f"{exc.strerror or exc}")
                status = "partial" if status == "ok" else status
        _close_run(folder, store, run_id, summary, status)
    if summary.stopped != "store failure":
        _export(config, folder, store, run_id, summary, whole_tables)
    if summary.error_count and status == "ok":
        status = "partial"
    _write_log(folder, run_id, summary, status)
    return HarvestResult(summary, folder, status)


GONE_HINT_RUNS = 3        # runs in a row a site must be gone before the recover hint


def _record_site_status(config: Config, store: Store, run_id: str, crawl: Crawl,
                        summary: Summary) -> None:
    """Each site's status this run; a site gone GONE_HINT_RUNS runs in a row gets, once, the
    hint to recover it from the Wayback Machine."""
    store.record_site_status(run_id, utc_now(), crawl.site_status.values())
    for site in config.sites:
        if crawl.site_status.get(site.name, {}).get("status") != "gone":
            continue
        if store.gone_streak(site.name) == GONE_HINT_RUNS:
            host = site.start_urls[0].split("://", 1)[-1].split("/", 1)[0]
            summary.hints.append(
                f"site {site.name} has been gone for {GONE_HINT_RUNS} runs; recover it from the "
                f"Wayback Machine: govnews recover {host} --from wayback -o {site.name}-recovered")


def _update_stories(store: Store, run_id: str, summary: Summary) -> None:
    """The run's new and changed articles join the dataset's stories (cost: the run's, not the
    dataset's); a failure here is an error of the run, the records stay."""
    if summary.stopped == "store failure":
        return
    from govnews.output.stories import StoriesError, update_stories
    try:
        update_stories(store, run_id)
    except (StoriesError, sqlite3.Error) as exc:
        summary.errors["stories"] += 1
        summary.error_lines.append(f"stories: could not be updated: {exc}")


def _index(folder: Path, summary: Summary) -> None:
    """A sorted CDXJ index beside each WARC file the run closed (replay tools read it)."""
    from .archive import index_warcs
    problems: list = []
    index_warcs(folder / "warc", problems)
    for problem in problems:
        summary.errors["archive"] += 1
        summary.error_lines.append(f"archive: {problem.filename} at offset {problem.offset}: "
                                   f"{problem.reason}")


def _reobserve(config: Config, store: Store, sites: list[Site], run_id: str) -> dict[str, list[str]]:
    window = datetime.now(timezone.utc) - timedelta(days=config.reobserve["window_days"])
    since = window.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {s.name: [url for _, url in store.articles_to_reobserve(
        s.name, since, config.reobserve["sample_older"], run_id)] for s in sites}


def _close_run(folder: Path, store: Store, run_id: str, summary: Summary, status: str) -> None:
    try:
        store.finish_run({"run_id": run_id, "finished_at": utc_now(),
                          "pages_fetched": summary.pages_fetched,
                          "articles_new": summary.articles_new,
                          "articles_changed": summary.articles_changed,
                          "observations": summary.observations, "errors": summary.error_count,
                          "status": status})
    except sqlite3.Error as exc:
        if not summary.errors.get("store"):
            summary.errors["store"] += 1
            summary.error_lines.append(f"store: {store.path}: cannot record the run's end: {exc}")


def _export(config: Config, folder: Path, store: Store, run_id: str, summary: Summary,
            whole_tables: bool) -> None:
    """The run's own exports (and the whole tables for `crawl`); a failure here is an error of
    the run, never a lost run."""
    formats = tuple(config.harvest["formats"])
    excel = config.harvest["excel"]
    try:
        export_dataset(store, folder, formats=formats, excel=excel, run_id=run_id)
        if whole_tables:
            export_dataset(store, folder, formats=formats, excel=excel)
    except (OSError, sqlite3.Error, ImportError, ValueError) as exc:
        summary.errors["export"] += 1
        summary.error_lines.append(f"export: {folder}: the run's exports could not be written: "
                                   f"{getattr(exc, 'strerror', None) or exc}")


def _write_crash(folder: Path, run_id: str) -> Path:
    path = folder / "logs" / f"{run_id}.crash.txt"
    try:
        path.parent.mkdir(exist_ok=True)
        path.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        import tempfile
        path = Path(tempfile.gettempdir()) / f"govnews-{run_id}.crash.txt"
        path.write_text(traceback.format_exc(), encoding="utf-8")
    return path


def _write_log(folder: Path, run_id: str, summary: Summary, status: str) -> None:
    """One JSON line per run in logs/runs.jsonl, and the run's errors in logs/<run_id>.errors."""
    entry = {"run_id": run_id, "status": status, "finished_at": utc_now(),
             "pages_fetched": summary.pages_fetched, "requests": summary.requests,
             "articles_found": summary.articles_found, "articles_new": summary.articles_new,
             "articles_changed": summary.articles_changed, "observations": summary.observations,
             "duplicates_folded": summary.duplicates_folded,
             "robots_refused": summary.robots_refused, "errors": dict(summary.errors),
             "given_up_hosts": summary.given_up_hosts, "stopped": summary.stopped,
             "seconds": round(summary.seconds, 2)}
    logs = folder / "logs"
    try:
        logs.mkdir(exist_ok=True)
        with open(logs / "runs.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        if summary.error_lines:
            from govnews.output.writers import atomic_write
            with atomic_write(logs / f"{run_id}.errors.txt") as fh:
                fh.write("\n".join(summary.error_lines) + "\n")
    except OSError as exc:
        log.error("%s: cannot write the run log: %s", logs, exc.strerror or exc)
