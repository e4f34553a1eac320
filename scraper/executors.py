"""Where site tasks run: threads of this process (the default), worker processes on this
machine (`--processes N`), or an existing Dask cluster (`--scheduler tcp://HOST:8786`). The
harvest's coordinator is the same for all three: it submits one task per site group, merges
each shard as its task finishes, and stops them all on a signal. Only this module knows Dask.

With Dask, a worker that dies mid-task (SIGKILL, a lost machine) has its task run again on
another worker by the scheduler; the task resumes from its shard (see `sitetask`)."""
from __future__ import annotations

import logging
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from concurrent.futures import TimeoutError as FuturesTimeout
from typing import Iterator

from .errors import ClusterTaskTimeout, ConfigError
from .sitetask import Controls, SiteResult, SiteTask, run_site_task

log = logging.getLogger("govnews.executors")
CONNECT_TIMEOUT = 30.0       # seconds to reach a scheduler
CLUSTER_TASK_SECONDS = 3600.0  # map_on_cluster's wait for one result when the caller names none


class TaskOverdue(Exception):
    """A task still running when the run's time (max_run_seconds and a grace) was up."""


def _overdue(tasks: dict, finished: set) -> Iterator[tuple[SiteTask, BaseException]]:
    for key, task in tasks.items():
        if key not in finished:
            yield task, TaskOverdue("still running past the run's time limit: left to its "
                                    "worker, its shard is merged by a later run")


def _outcome(future) -> SiteResult | BaseException:
    """A finished future's result, or the exception it ended with."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - the coordinator decides what a bug costs
        return exc


class LocalExecutor:
    """Site tasks on `workers` threads of this process."""

    name = "threads"

    def __init__(self, workers: int, totals=None) -> None:
        self.workers = max(1, workers)
        self.controls = Controls()
        self.totals = totals
        self._pool: ThreadPoolExecutor | None = None

    def run(self, tasks: list[SiteTask], timeout: float | None = None
            ) -> Iterator[tuple[SiteTask, SiteResult | BaseException]]:
        """Each task with its result (or exception) as it ends; after `timeout` seconds the
        tasks still running are yielded with TaskOverdue (their crawls are told to stop)."""
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="site")
        futures = {self._pool.submit(run_site_task, task, self.controls,
                                     self.totals.part(task.shard) if self.totals else None): task
                   for task in tasks}
        finished: set = set()
        try:
            for future in as_completed(futures, timeout=timeout):
                finished.add(future)
                yield futures[future], _outcome(future)
        except FuturesTimeout:
            # tasks that ended while the coordinator was merging are results, not overdue
            for future, task in futures.items():
                if future not in finished and future.done():
                    finished.add(future)
                    yield task, _outcome(future)
            self.stop("time limit")
            yield from _overdue(futures, finished)

    def stop(self, reason: str = "interrupted") -> None:
        self.controls.stop(reason)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


class DaskExecutor:
    """Site tasks on a Dask cluster: a new LocalCluster of `processes` worker processes with
    `threads` threads each, or the cluster of the scheduler at `address`."""

    name = "dask"

    def __init__(self, address: str | None = None, processes: int | None = None,
                 threads: int = 4) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("running on several processes needs Dask: "
                              "pip install 'dask[distributed,dataframe]' (govnews's 'cluster' extra)") from None
        _quiet_dask()
        _no_worker_profiler()
        self.cluster = None
        try:
            if address:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
            else:
                with warnings.catch_warnings():      # "port 8787 in use": it takes another
                    warnings.simplefilter("ignore", UserWarning)
                    self.cluster = LocalCluster(n_workers=processes, threads_per_worker=threads,
                                                processes=True, dashboard_address=":0",
                                                silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler {address or 'local'}: {exc}") from None
        link = getattr(self.client, "dashboard_link", None)
        log.info("Dask: %s worker(s); dashboard %s", len(self.client.scheduler_info().get("workers", {})),
                 link or "off")
        self.name = f"dask ({address})" if address else f"{processes} processes"
        self._futures = []

    def run(self, tasks: list[SiteTask], timeout: float | None = None
            ) -> Iterator[tuple[SiteTask, SiteResult | BaseException]]:
        """As `LocalExecutor.run`, on the cluster."""
        from distributed import as_completed as dask_completed
        by_key = {}
        for task in tasks:
            # the dashboard shows each task by its site
            key = f"site-{task.shard}-{task.run_id}"
            future = self.client.submit(run_site_task, task, key=key, pure=False)
            by_key[future.key] = task
            self._futures.append(future)
        finished: set = set()
        try:
            for future in dask_completed(self._futures, timeout=timeout):
                finished.add(future.key)
                yield by_key[future.key], _outcome(future)        # a result, a bug, KilledWorker
        except TimeoutError:
            for future in self._futures:
                if future.key not in finished and future.done():
                    finished.add(future.key)
                    yield by_key[future.key], _outcome(future)
            self.stop("time limit")
            yield from _overdue(by_key, finished)

    def stop(self, reason: str = "interrupted") -> None:
        """Tasks not started are cancelled; running ones end when their workers go (close)."""
        for future in self._futures:
            if not future.done():
                future.cancel()

    def close(self) -> None:
        try:
            self.client.close(timeout=10)
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
        if self.cluster is not None:
            try:
                self.cluster.close(timeout=30)
            except Exception:  # noqa: BLE001
                pass


def _no_worker_profiler() -> None:
    """Dask's statistical profiler samples every thread of a worker (sys._current_frames) many
    times a second; on CPython < 3.12 without the fix for gh-106883 that can deadlock a worker
    whose tasks start and end many threads, as a harvest's do (a 2-process harvest froze twice
    in two tries on 3.11.7). Off for the workers we start (spawned workers inherit the config
    and the environment); external workers need DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False
    (the README says so)."""
    import os

    import dask
    dask.config.set({"distributed.worker.profile.enabled": False})
    os.environ["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"] = "False"


def _quiet_dask() -> None:
    """Dask's scheduler and nannies log at INFO on their own loggers: shown only when govnews
    runs at DEBUG (-vv)."""
    level = logging.DEBUG if logging.getLogger().level <= logging.DEBUG else logging.WARNING
    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in ("distributed", "dask", "bokeh", "tornado"):
            logging.getLogger(name).setLevel(level)


def make_executor(cluster: dict, workers: int, totals=None):
    """The executor a config's `[cluster]` table asks for: `scheduler` (an address), else
    `processes` > 0 (a local cluster), else threads."""
    scheduler = cluster.get("scheduler") or None
    processes = int(cluster.get("processes") or 0)
    if scheduler:
        return DaskExecutor(address=scheduler)
    if processes > 0:
        return DaskExecutor(processes=processes, threads=max(1, workers))
    return LocalExecutor(workers, totals)


def map_on_cluster(cluster: dict, fn, calls: list[tuple], key: str = "task",
                   timeouts: list[float] | None = None):
    """`fn(*args)` for each of `calls` on the cluster a [cluster] table names (a scheduler, or
    N local processes); results yielded in the order of `calls` (so what is merged from them
    does not depend on which worker finished first). `timeouts[i]`: the seconds the i-th result
    is waited for, once the results before it came (they run meanwhile); past it,
    ClusterTaskTimeout (an hour when no bound is named)."""
    executor = DaskExecutor(address=cluster.get("scheduler") or None,
                            processes=int(cluster.get("processes") or 0) or None, threads=1)
    try:
        futures = [executor.client.submit(fn, *args, key=f"{key}-{i}-{id(calls)}", pure=False)
                   for i, args in enumerate(calls)]
        for i, future in enumerate(futures):
            limit = timeouts[i] if timeouts else CLUSTER_TASK_SECONDS
            try:
                yield future.result(timeout=limit)
            except TimeoutError:
                raise ClusterTaskTimeout(f"cluster task {key}-{i} gave no result in {limit:g} s "
                                         "(a worker hung or was lost); nothing was written") from None
    finally:
        executor.close()
