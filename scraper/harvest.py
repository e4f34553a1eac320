"""The scheduled, incremental harvest: lock the dataset, walk each site's listings until they
show only known articles, fetch the new ones, re-observe the recent ones, archive every response,
and commit everything page by page."""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import re
import time
import traceback
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from govnews.output.store import Store, StoreError, open_readonly
from govnews.output.writers import export_dataset

from .config import Config
from .crawl import CrawlSettings, Site, Summary
from .errors import ConfigError, InternalError, Interrupted, StoreFailure, one_line
from .http import DEFAULT_USER_AGENT, HttpSettings
from .lock import FolderLock
from .records import utc_now

log = logging.getLogger("govnews.harvest")


class DatasetLock(FolderLock):
    """An exclusive lock on a dataset folder: one harvest (or reparse, recover) at a time."""


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
        archive = None
        if s.source != "live":
            archive = {"from_date": s.from_date, "to_date": s.to_date,
                       "archive_url": s.archive_url, "cc_index_url": s.cc_index_url,
                       "cc_data_url": s.cc_data_url}
        sites.append(Site(name=s.name, start_urls=s.start_urls, profile=s.profile, delay=s.delay,
                          allow_private=s.allow_private or config.harvest["allow_private"],
                          verify=verify, max_pages=s.max_pages, max_depth=s.max_depth,
                          source=s.source, archive=archive))
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
    writes the dataset's whole tables). `on_start(executor)` lets the caller hold the running
    executor (to stop it on a signal). Where the sites run is the config's `[cluster]` table:
    threads of this process, N local processes, or a Dask cluster; the dataset is the same."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{folder}: cannot create the dataset folder: {exc.strerror}") from None
    config = _within_open_files(config)
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


# the open files a worker thread holds at most (its sockets, its site's WARC file and CDXJ index,
# its shard's database and journal) and those the process holds besides (the dataset, logs, imports)
FILES_PER_WORKER, FILES_BESIDES = 6, 64


def _within_open_files(config: Config) -> Config:
    """The config with no more worker threads than the process may open files for: the soft
    open-files limit (`ulimit -n`) is raised towards the hard one when it is short; when even that
    is short, the run goes with as many workers as fit, and says so (a 256-file limit and `workers =
    75` would fail mid-run, site after site, on 'Too many open files')."""
    workers = int(config.harvest.get("workers") or 1)
    if int((config.cluster or {}).get("processes") or 0) > 0 or (config.cluster or {}).get("scheduler"):
        return config                  # (the workers are other processes, with limits of their own)
    try:
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return config
    infinite = resource.RLIM_INFINITY
    wanted = workers * FILES_PER_WORKER + FILES_BESIDES
    if soft != infinite and soft < wanted and (hard == infinite or hard > soft):
        raised = wanted if hard == infinite else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
        except (OSError, ValueError):
            pass
    if soft == infinite or soft >= wanted:
        return config
    fit = max(1, (soft - FILES_BESIDES) // FILES_PER_WORKER)
    log.warning("workers = %d would need about %d open files and the limit is %d (ulimit -n): "
                "running %d workers", workers, wanted, soft, fit)
    return replace(config, harvest={**config.harvest, "workers": fit})


def close_interrupted(folder: Path, store: Store) -> list[str]:
    """Runs a kill left 'running' are marked 'interrupted'; their `.warc.gz.open` files are cut
    after the last complete record and given their final name, so replay tools read them (a
    shard's files only when no worker holds the shard: a worker of a dead coordinator may still
    be finishing it, and will finalise them itself); shard runs a dead coordinator never merged
    are merged now."""
    from govnews.output.shards import archival_runs, merge_runs, pending_merges
    from .archive import closed_files, finalise_open_files, index_warcs
    interrupted = store.close_interrupted_runs(utc_now())
    notes = [f"run {run_id} was interrupted; marked so" for run_id in interrupted]
    if interrupted:
        _log_killed(folder, store, interrupted)
    in_use = _shard_in_use(folder)
    warc = folder / "warc"
    if warc.is_dir():                  # a killed run leaves files open (and one that crashed
        #                                    unrecorded, or a copy taken while a run wrote)
        finalised = finalise_open_files(warc, recursive=True, skip=in_use)
        for path, kept, cut in finalised:
            notes.append(f"finalised {path.name} left open by an interrupted run "
                         f"({kept} records kept, {cut} bytes of an unfinished record cut)")
        # and every closed file without an index (a kill between a file's close and its
        # index being written, an index deleted or not copied): a stat or two per file
        index_warcs(warc, files=list(dict.fromkeys(
            [*(path for path, _, _ in finalised),
             *(p for p in closed_files(warc) if not in_use(p.parent))])))
    for shard, run_id in pending_merges(store, folder):
        if in_use(folder / "warc" / shard):  # a worker of a dead harvest is still on it
            continue
        counts = merge_runs(store, folder, shard, [run_id, *archival_runs(folder, shard)],
                            utc_now())
        notes.append(f"merged shard {shard} of run {run_id} ({counts['observations']} "
                     "observations) left unmerged by an interrupted run")
    for note in notes:
        log.info("%s", note)
    return notes


def settle(folder: Path) -> list[str]:
    """Put in order a dataset a killed harvest left behind (see `close_interrupted`), when no
    harvest holds it: what `export`, `report` and `stories` do before reading, so they show
    every committed record. Does nothing on a folder it cannot write or that a run holds."""
    from govnews.output.store import DB_NAME
    from .errors import LockHeld
    if not (folder / DB_NAME).is_file() or not os.access(folder, os.W_OK):
        return []
    try:
        lock = DatasetLock(folder).acquire()
    except (LockHeld, OSError):
        return []
    try:
        with Store.open(folder) as store:
            return close_interrupted(folder, store)
    except (StoreError, sqlite3.Error, OSError) as exc:
        log.warning("%s: could not put the dataset in order: %s", folder, exc)
        return []
    finally:
        lock.release()


def _shard_in_use(folder: Path):
    """skip(warc subfolder) for finalise_open_files: True when a worker holds that shard. Each
    shard's lease is tried once per call of `_shard_in_use` (one pass of `close_interrupted`),
    not once per WARC file: a lease on shared storage costs a lock round trip per try."""
    from govnews.output.shards import shard_folder
    from .errors import LockHeld
    known: dict[str, bool] = {}

    def held(name: str) -> bool:
        shard = shard_folder(folder, name)
        if not shard.is_dir():
            return False
        try:
            FolderLock(shard).acquire().release()
        except LockHeld:
            return True
        return False

    def in_use(sub: Path) -> bool:
        if sub.name not in known:
            known[sub.name] = held(sub.name)
        return known[sub.name]
    return in_use


def _run(config: Config, folder: Path, store: Store, progress, whole_tables: bool,
         on_start) -> HarvestResult:
    from govnews.output.shards import note_started
    from .executors import make_executor
    from .progress import ProgressTotals

    run_id = new_run_id()
    close_interrupted(folder, store)
    sites = sites_from_config(config, folder)
    store.start_run(run_id, utc_now(), [s.name for s in sites])
    store.save_sites(run_id, [{"name": s.name, "start_urls": s.start_urls, "profile": s.profile,
                               "hosts": sorted(s.hosts())} for s in sites])
    summary = Summary(run_id, [s.name for s in sites])
    started = time.monotonic()
    totals = ProgressTotals(progress)
    executor = None
    site_status: dict[str, dict] = {}
    status = "failed"
    tasks: list = []
    merged: set[str] = set()
    interrupted = False
    try:
        tasks = _tasks(config, folder, store, sites, run_id)
        note_started(store, [(task.shard, run_id) for task in tasks])
        executor = make_executor(config.cluster, config.harvest["workers"], totals)
        if on_start is not None:
            on_start(executor)
        for task, outcome in executor.run(tasks, timeout=_overdue_after(config)):
            if isinstance(outcome, BaseException):
                _task_failed(folder, run_id, task, outcome, summary)
                continue
            _merge(folder, store, outcome, summary, site_status)
            merged.add(outcome.shard)
            part = outcome.summary           # a worker process's sites show when they end
            totals.set(outcome.shard, part.pages_fetched, part.articles_found, 0,
                       part.error_count, outcome.shard)
            if outcome.summary.stopped == "store failure":
                executor.stop("store failure")
        _note_stat_failures(executor, summary)
        _record_site_status(config, store, run_id, site_status, summary)
        _update_stories(store, run_id, summary)
        status = "ok" if summary.error_count == 0 else "partial"
    except KeyboardInterrupt:
        status = "interrupted"
        interrupted = True             # (recorded below, then raised again as Interrupted)
        summary.stopped = summary.stopped or "interruption"
        if executor is not None:
            executor.stop("interruption")
    except StoreFailure as exc:
        summary.errors["store"] += 1
        summary.error_lines.append(f"store: {exc}")
        summary.stopped = "store failure"
        status = "partial"
    except (ConfigError, InternalError):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug: the traceback to a file, one line out
        crash = _write_crash(folder, run_id)
        status = "failed"
        raise InternalError(f"internal error: {one_line(exc)}; details in {crash}",
                            str(crash)) from exc
    finally:
        if executor is not None:
            executor.close()
        totals.close()
        if interrupted:
            _count_unmerged(folder, store, [t.shard for t in tasks if t.shard not in merged], run_id,
                            summary)
        summary.seconds = time.monotonic() - started
        _close_run(folder, store, run_id, summary, status)
    if interrupted:
        _write_interrupted_log(folder, run_id, summary, status)
        raise Interrupted(summary)
    if summary.stopped != "store failure":
        try:
            _export(config, folder, store, run_id, summary, whole_tables)
        except KeyboardInterrupt:      # (the run is committed and recorded; its exports are atomic)
            summary.stopped = summary.stopped or "interruption"
            _write_interrupted_log(folder, run_id, summary, status)
            raise Interrupted(summary) from None
    if summary.error_count and status == "ok":
        status = "partial"
    unwritten = _write_log(folder, run_id, summary, status)
    if unwritten is not None:
        # the run's record is lost: not 'all well' (the data of the run is in the dataset)
        summary.errors["run_log"] += 1
        summary.hints.append(f"{unwritten}; this run is in the dataset but not in logs/runs.jsonl")
        status = "partial"
    return HarvestResult(summary, folder, status)


def _count_unmerged(folder: Path, store: Store, shards: list[str], run_id: str,
                    summary: Summary) -> None:
    """What the tasks an interruption cut short committed to their shards (merged into the
    dataset at the next start): counted into the run's record, read-only. An article is new
    when the dataset does not hold it yet (a shard starts with the dataset's articles of its
    sites)."""
    from govnews.output.shards import DB_NAME, shard_folder
    for shard in shards:
        path = shard_folder(folder, shard) / DB_NAME
        if not path.exists():
            continue
        try:
            conn = open_readonly(path, timeout=5)
            try:
                observations = conn.execute("SELECT COUNT(*) FROM observations WHERE run_id = ?",
                                            (run_id,)).fetchone()[0]
                ids = [i for (i,) in conn.execute("SELECT article_id FROM articles WHERE last_run_id = ?",
                                                  (run_id,))]
            finally:
                conn.close()
            known = _known_articles(store, ids)
        except sqlite3.Error as exc:
            log.warning("%s: cannot count what the interrupted run committed: %s", path, exc)
            continue
        summary.observations += observations
        summary.articles_found += len(ids)
        summary.articles_new += len(ids) - known
        fetched = _archived_responses(folder / "warc" / shard, run_id)
        summary.pages_fetched += max(observations, fetched)
        summary.requests += fetched


_REDIRECT_LINE = re.compile(rb'"status": ?"30[12378]"')


def _archived_responses(warc: Path, run_id: str) -> int:
    """The responses a run archived in one shard's WARC files: the lines of their CDXJ indexes
    (each task indexes its files as it stops, an interrupted one too) that carry an HTTP status:
    responses and revisits, not the metadata record written beside each (counted, they doubled
    an interrupted run's pages), nor a redirect's answer (archived before the page it led to)."""
    count = 0
    for index in warc.glob(f"govnews-{run_id}-*.cdxj"):
        try:
            with open(index, "rb") as fh:
                count += sum(1 for line in fh
                             if b'"status":' in line and not _REDIRECT_LINE.search(line))
        except OSError:
            continue
    return count


def _known_articles(store: Store, article_ids: list[str]) -> int:
    """How many of `article_ids` the dataset's articles table holds."""
    known = 0
    for at in range(0, len(article_ids), 500):
        chunk = article_ids[at:at + 500]
        known += store.conn.execute(f"SELECT COUNT(*) FROM articles WHERE article_id IN ({','.join('?' * len(chunk))})",
                                    chunk).fetchone()[0]
    return known


def _tasks(config: Config, folder: Path, store: Store, sites: list[Site], run_id: str) -> list:
    """One task per group of sites sharing a host; a new shard starts from what the dataset
    knows of its sites (an unsharded dataset's frontier included)."""
    from govnews.output.shards import seed_shard, shard_exists, shard_name
    from .sitetask import SiteTask, plan_tasks

    settings = settings_from_config(config)
    limit = float(config.harvest.get("max_run_seconds", 0.0))
    deadline = time.time() + limit if limit > 0 else None
    tasks = []
    for group in plan_tasks(sites):
        shard = shard_name(s.name for s in group)
        if not shard_exists(folder, shard):
            seed_shard(store, folder, shard, [s.name for s in group])
        tasks.append(SiteTask(
            dataset=str(folder), shard=shard, sites=group, settings=settings, run_id=run_id,
            window_days=float(config.reobserve["window_days"]),
            sample_older=int(config.reobserve["sample_older"]),
            archive=bool(config.archive["enabled"]),
            archive_max_bytes=int(config.archive["max_file_mb"] * 1024 * 1024),
            deadline=deadline, lease_wait=float(config.cluster.get("lease_wait", 120.0))))
    return tasks


def _merge(folder: Path, store: Store, result, summary: Summary,
           site_status: dict[str, dict]) -> None:
    """A finished task's shard into dataset.sqlite, its counts into the run's summary."""
    from govnews.output.shards import merge_runs
    try:
        merge_runs(store, folder, result.shard, [result.run_id, *result.extra_runs], utc_now())
    except sqlite3.Error as exc:
        raise _store_error(store, exc, f"merging shard {result.shard}") from None
    part = result.summary
    for name in ("pages_fetched", "requests", "articles_found", "articles_new",
                 "articles_changed", "observations", "duplicates_folded", "robots_refused"):
        setattr(summary, name, getattr(summary, name) + getattr(part, name))
    summary.errors.update(part.errors)
    summary.error_lines += part.error_lines
    summary.given_up_hosts += [h for h in part.given_up_hosts if h not in summary.given_up_hosts]
    summary.hints += part.hints
    if part.stopped and (not summary.stopped or part.stopped == "store failure"):
        summary.stopped = part.stopped
    site_status.update(result.site_status)
    summary.tasks.append({"shard": result.shard, "sites": result.sites, "worker": result.worker,
                          "seconds": round(result.seconds, 2), "resumed": result.resumed,
                          "pages_fetched": part.pages_fetched,
                          "articles_found": part.articles_found,
                          "errors": part.error_count})
    log.debug("site task %s done on %s in %.1f s", result.shard, result.worker, result.seconds)


def _task_failed(folder: Path, run_id: str, task, exc: BaseException, summary: Summary) -> None:
    """A task that raised: a bug in a worker, or a worker lost more often than Dask retries.
    Its shard keeps what it committed (merged at the next start); the run goes on."""
    from .executors import TaskOverdue, TaskStalled
    if isinstance(exc, (KeyboardInterrupt, InternalError)):
        raise exc
    if isinstance(exc, TaskStalled):
        summary.errors["worker"] += 1
        summary.error_lines.append(f"worker: sites {', '.join(task.names)}: {exc}")
        return
    if isinstance(exc, TaskOverdue):
        summary.errors["time_limit"] += 1
        summary.error_lines.append(f"time_limit: sites {', '.join(task.names)}: {exc}")
        summary.stopped = summary.stopped or "time limit"
        return
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    crash = _write_crash(folder, run_id, exc)
    summary.errors["worker"] += 1
    summary.error_lines.append(f"worker: sites {', '.join(task.names)}: {detail[:300]} "
                               f"(details in {crash})")
    log.error("sites %s: the task failed: %s", ", ".join(task.names), detail)


def _note_stat_failures(executor, summary: Summary) -> None:
    """Looks at the tasks' heartbeat files that failed or hung (the dataset's storage, often
    NFS): not an error of the run (no record is lost), said once after the summary."""
    from .heartbeat import STAT_TIMEOUT
    failures = getattr(executor, "stat_failures", 0)
    if failures:
        log.warning("%d look(s) at the site tasks' heartbeat files failed or hung", failures)
        summary.hints.append(f"{failures} look(s) at the site tasks' heartbeat files failed or "
                             f"took over {STAT_TIMEOUT:g} s: the dataset's shared storage is "
                             "slow or failing")


OVERDUE_GRACE = 60.0      # seconds past max_run_seconds (and a request's timeouts) to wait


def _overdue_after(config: Config) -> float | None:
    """How long the harvest waits for its tasks when max_run_seconds is set: the limit, then
    the page in flight (connect + read timeout), then a grace; a task still running then (a
    worker that hangs) is left behind and the run ends. None (no limit): tasks end on their own,
    each request being bounded."""
    limit = float(config.harvest.get("max_run_seconds", 0.0))
    if limit <= 0:
        return None
    return limit + float(config.harvest["timeout"]) + float(config.harvest["connect_timeout"]) \
        + OVERDUE_GRACE


def _store_error(store: Store, exc: sqlite3.Error, doing: str) -> StoreFailure:
    return StoreFailure(f"{store.path}: {doing}: {exc}")


GONE_HINT_RUNS = 3        # runs in a row a site must be gone before the recover hint


def _record_site_status(config: Config, store: Store, run_id: str, site_status: dict[str, dict],
                        summary: Summary) -> None:
    """Each site's status this run; a site gone GONE_HINT_RUNS runs in a row gets, once, the
    hint to recover it from the Wayback Machine."""
    store.record_site_status(run_id, utc_now(), site_status.values())
    for site in config.sites:
        if site_status.get(site.name, {}).get("status") != "gone":
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


def _write_crash(folder: Path, run_id: str, exc: BaseException | None = None) -> Path:
    text = "".join(traceback.format_exception(exc)) if exc is not None else traceback.format_exc()
    path = folder / "logs" / f"{run_id}.crash.txt"
    try:
        path.parent.mkdir(exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError:
        import tempfile
        path = Path(tempfile.gettempdir()) / f"govnews-{run_id}.crash.txt"
        path.write_text(text, encoding="utf-8")
    return path


def _per_worker(tasks: list[dict]) -> dict[str, dict]:
    """The run's totals per worker (host:pid): sites, pages, articles, errors, busy seconds."""
    workers: dict[str, dict] = {}
    for task in tasks:
        w = workers.setdefault(task["worker"], {"sites": 0, "pages_fetched": 0,
                                                "articles_found": 0, "errors": 0, "seconds": 0.0})
        w["sites"] += len(task["sites"])
        for key in ("pages_fetched", "articles_found", "errors", "seconds"):
            w[key] += task[key]
        w["seconds"] = round(w["seconds"], 2)
    return workers


def _log_killed(folder: Path, store: Store, run_ids: list[str]) -> None:
    """The logs/runs.jsonl line of each run a kill ended (it could not write its own), from its
    row in the runs table, marked as written by the run that found it."""
    logs = folder / "logs"
    try:
        rows = store.conn.execute(
            f"SELECT run_id, started_at, pages_fetched, articles_new, articles_changed, observations, errors"
            f" FROM runs WHERE run_id IN ({','.join('?' * len(run_ids))})", run_ids).fetchall()
        logs.mkdir(exist_ok=True)
        with _run_log(logs) as fh:
            for run_id, started, pages, new, changed, observations, errors in rows:
                fh.write(json.dumps({"run_id": run_id, "status": "interrupted", "started_at": started,
                                     "finished_at": None, "pages_fetched": pages, "articles_new": new,
                                     "articles_changed": changed, "observations": observations,
                                     "errors": errors, "stopped": "killed (found by the next run)"},
                                    ensure_ascii=False) + "\n")
    except (OSError, sqlite3.Error) as exc:
        log.error("%s: cannot write the run log: %s", logs, getattr(exc, "strerror", None) or exc)


def _run_log(logs: Path):
    """logs/runs.jsonl opened for a new line: after a newline when its last line was cut (a full
    disk, an editor), so that the new line is whole and `tail -1` reads it."""
    path = logs / "runs.jsonl"
    cut = False
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell():
                fh.seek(-1, os.SEEK_END)
                cut = fh.read(1) != b"\n"
    except OSError:
        pass
    fh = open(path, "a", encoding="utf-8")
    if cut:
        fh.write("\n")
    return fh


def _write_interrupted_log(folder: Path, run_id: str, summary: Summary, status: str) -> None:
    unwritten = _write_log(folder, run_id, summary, status)
    if unwritten is not None:
        log.error("%s", unwritten)


def _write_log(folder: Path, run_id: str, summary: Summary, status: str) -> str | None:
    """One JSON line per run in logs/runs.jsonl, and the run's errors in logs/<run_id>.errors;
    what went wrong when they cannot be written (logs/ read-only, the disk full), else None."""
    entry = {"run_id": run_id, "status": status, "finished_at": utc_now(),
             "pages_fetched": summary.pages_fetched, "requests": summary.requests,
             "articles_found": summary.articles_found, "articles_new": summary.articles_new,
             "articles_changed": summary.articles_changed, "observations": summary.observations,
             "duplicates_folded": summary.duplicates_folded,
             "robots_refused": summary.robots_refused, "errors": dict(summary.errors),
             "given_up_hosts": summary.given_up_hosts, "stopped": summary.stopped,
             "seconds": round(summary.seconds, 2), "workers": _per_worker(summary.tasks),
             "tasks": summary.tasks}
    logs = folder / "logs"
    try:
        logs.mkdir(exist_ok=True)
        with _run_log(logs) as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        if summary.error_lines:
            from govnews.output.writers import atomic_write
            with atomic_write(logs / f"{run_id}.errors.txt") as fh:
                fh.write("\n".join(summary.error_lines) + "\n")
    except OSError as exc:
        return f"{logs}: cannot write the run log: {exc.strerror or exc}"
    return None
