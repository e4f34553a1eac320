"""Where site tasks run: threads of this process (the default), worker processes on this
machine (`--processes N`), or an existing Dask cluster (`--scheduler tcp://HOST:8786`). The
harvest's coordinator is the same for all three: it submits one task per site group, merges
each shard as its task finishes, and stops them all on a signal. Only this module knows Dask.

With Dask, a worker that dies mid-task (SIGKILL, a lost machine) has its task run again on
another worker by the scheduler; the task resumes from its shard (see `sitetask`)."""
from __future__ import annotations

import logging
import queue
import signal
import threading
import time
import warnings
from contextlib import contextmanager
from typing import Iterator

from govnews.output.shards import shard_folder

from .errors import ClusterTaskTimeout, ConfigError
from .clusterwatch import ClusterWatch
from .heartbeat import UNSEEN, StatProbe, Watchdog, heartbeat_path, quiet_seconds
from .sitetask import Controls, SiteResult, SiteTask, run_site_task, stop_path

log = logging.getLogger("govnews.executors")
CONNECT_TIMEOUT = 30.0       # seconds to reach a scheduler
CLUSTER_TASK_SECONDS = 3600.0  # map_on_cluster's wait for one result when the caller names none
POLL = 5.0                   # seconds between two looks at the running tasks' heartbeats
ENDING_GRACE = 30.0          # seconds a stopped task gets past its page in flight to end
DASK_POLL = 30.0             # ... on a cluster (a question to the scheduler, stats on shared storage)
RESTART_TIMEOUT = 60.0       # seconds to restart the worker a stalled task hangs in
SCHEDULER_ANSWER = 30.0      # seconds the scheduler has to say which tasks its workers run


def _unanswered_errors() -> tuple[type[BaseException], ...]:
    """What a question to the scheduler raises when it gets no answer: its connection closed
    (distributed's CommClosedError, an OSError), a connection error, or our bound (TimeoutError,
    asyncio's included). Anything else is a bug and propagates. (Imports Dask: called by the
    Dask executor only.)"""
    from distributed.comm.core import CommClosedError
    return (CommClosedError, OSError, TimeoutError)


class TaskOverdue(Exception):
    """A task still running when the run's time (max_run_seconds and a grace) was up."""


class TaskStalled(Exception):
    """A running task whose heartbeat stood still longer than its settings allow: a hung
    worker, left behind so that the run ends."""


def _overdue(tasks: dict) -> Iterator[tuple[SiteTask, BaseException]]:
    for task in tasks.values():
        yield task, TaskOverdue("still running past the run's time limit: left to its "
                                "worker, its shard is merged by a later run")


def _stalled(silent: float) -> TaskStalled:
    return TaskStalled(f"no sign of life for {silent:.0f} s (a hung worker): left behind; what "
                       "it committed is merged by a later run")


def _not_started(idle: float) -> TaskStalled:
    return TaskStalled(f"no Dask worker started it while no task of the run moved for "
                       f"{idle:.0f} s: left behind; the next run does it")


def _unanswered(silent: float) -> TaskStalled:
    return TaskStalled(f"the Dask scheduler has not answered for {silent:.0f} s: left behind; "
                       "what the task committed is merged by a later run")


def _outcome(future) -> SiteResult | BaseException:
    """A finished future's result, or the exception it ended with."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - the coordinator decides what a bug costs
        return exc


def _heartbeat_of(task: SiteTask):
    return heartbeat_path(shard_folder(task.dataset, task.shard))


class _DaemonPool:
    """`workers` daemon threads running `fn(*args)` for each submitted key. Daemon threads,
    unlike ThreadPoolExecutor's (joined at exit), never hold the process once the run is over,
    even when a task hangs; a task given up (stalled, overdue) is given up once, has its thread
    replaced, and that thread ends if its task ever returns. What the pool keeps per task goes
    when the task's result is taken or, for a task given up, when the task returns."""

    def __init__(self, fn, workers: int) -> None:
        self.fn = fn
        self._todo: queue.SimpleQueue = queue.SimpleQueue()
        self._done: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._running: dict = {}           # key -> the thread running it
        self._given_up: set = set()        # keys reported stalled or overdue: never twice
        self._stuck: set = set()           # threads of tasks given up, still running them
        self._ended: set = set()           # ended and not given up: their results are queued
        self._threads = 0
        self._all: list[threading.Thread] = []
        for _ in range(workers):
            self._add_thread()

    def _add_thread(self) -> None:
        self._threads += 1
        thread = threading.Thread(target=self._work, name=f"site-{self._threads}", daemon=True)
        self._all.append(thread)
        thread.start()

    def submit(self, key, *args) -> None:
        self._todo.put((key, args))

    def _work(self) -> None:
        while True:
            item = self._todo.get()
            if item is None:
                return
            key, args = item
            with self._lock:
                if key in self._given_up:
                    continue                       # given up before it started
                self._running[key] = threading.current_thread()
            try:
                outcome = self.fn(*args)
            except Exception as exc:  # noqa: BLE001 - the coordinator decides what a bug costs
                outcome = exc
            if not self._ended_now(key):
                return                             # given up: its replacement serves the queue
            self._done.put((key, outcome))

    def _ended_now(self, key) -> bool:
        """The task ended: True when its result is for the coordinator, False when it was given
        up (its per-task state goes now)."""
        with self._lock:
            thread = self._running.pop(key, None)
            if key in self._given_up:
                self._stuck.discard(thread)
                return False
            self._ended.add(key)
            return True

    def running(self) -> set:
        with self._lock:
            return set(self._running)

    def abandon(self, key, replace: bool = True) -> bool:
        """Give a task up: the run no longer waits for it; with `replace`, another thread
        serves the queue meanwhile. False when it ended meanwhile (its result is queued: it is
        a result, not a task given up) or was given up already (it is reported once)."""
        with self._lock:
            if key in self._ended or key in self._given_up:
                return False
            self._given_up.add(key)
            thread = self._running.get(key)
            if thread is not None:
                self._stuck.add(thread)
        if replace:
            self._add_thread()
        return True

    def results(self, wait: float) -> list:
        """The tasks that ended: waits up to `wait` seconds for the first, then takes what is
        there."""
        ended = []
        try:
            ended.append(self._done.get(timeout=wait) if wait > 0 else self._done.get_nowait())
            while True:
                ended.append(self._done.get_nowait())
        except queue.Empty:
            pass
        with self._lock:
            self._ended.difference_update(key for key, _ in ended)
        return ended

    def close(self, wait: float = 0.0) -> None:
        """Tasks not started are dropped; the running ones (told to stop) get up to `wait`
        seconds to end (to close their WARC files, commit their last page), a task given up
        as stalled none."""
        while True:
            try:
                self._todo.get_nowait()
            except queue.Empty:
                break
        for _ in range(self._threads):
            self._todo.put(None)
        with self._lock:
            stalled = set(self._stuck)
        deadline = time.monotonic() + wait
        for thread in self._all:
            if thread not in stalled:
                thread.join(max(0.0, deadline - time.monotonic()))


class LocalExecutor:
    """Site tasks on `workers` threads of this process."""

    name = "threads"

    def __init__(self, workers: int, totals=None) -> None:
        self.workers = max(1, workers)
        self.controls = Controls()
        self.totals = totals
        self._pool: _DaemonPool | None = None
        self._ending_bound = 0.0
        self._probe = StatProbe()

    @property
    def stat_failures(self) -> int:
        """Looks at heartbeat files that failed or hung this run (shared storage trouble)."""
        return self._probe.failures

    def run(self, tasks: list[SiteTask], timeout: float | None = None
            ) -> Iterator[tuple[SiteTask, SiteResult | BaseException]]:
        """Each task with its result (or exception) as it ends; a running task silent longer
        than its settings allow is yielded with TaskStalled; after `timeout` seconds the tasks
        still running are yielded with TaskOverdue (their crawls are told to stop)."""
        self._pool = pool = _DaemonPool(run_site_task, min(self.workers, max(1, len(tasks))))
        # a task told to stop ends after its page in flight: one attempt, then a grace
        self._ending_bound = max((t.settings.http.connect_timeout + t.settings.http.read_timeout
                                  for t in tasks), default=0.0) + ENDING_GRACE
        for key, task in enumerate(tasks):
            pool.submit(key, task, self.controls,
                        self.totals.part(task.shard) if self.totals else None)
        pending = dict(enumerate(tasks))
        deadline = time.monotonic() + timeout if timeout is not None else None
        self._probe = StatProbe()
        watchdog = Watchdog(probe=self._probe)
        while pending:
            wait = POLL if deadline is None else min(POLL, max(0.0, deadline - time.monotonic()))
            for key, outcome in pool.results(wait):
                watchdog.forget(key)
                yield pending.pop(key), outcome
            if deadline is not None and time.monotonic() >= deadline and pending:
                # tasks that ended while the coordinator was merging are results, not overdue
                for key, outcome in pool.results(0):
                    yield pending.pop(key), outcome
                self.stop("time limit")
                for key in list(pending):
                    pool.abandon(key, replace=False)   # unless it ended just now: a result
                for key, outcome in pool.results(0):
                    yield pending.pop(key), outcome
                yield from _overdue(pending)
                return
            running = pool.running() & pending.keys()
            signs = self._probe.signs({_heartbeat_of(pending[key]) for key in running})
            for key in running:
                task = pending[key]
                silent = watchdog.judge(key, signs[_heartbeat_of(task)], quiet_seconds(task))
                if silent is not None and pool.abandon(key):
                    watchdog.forget(key)
                    log.error("sites %s: %s", ", ".join(task.names), _stalled(silent))
                    yield pending.pop(key), _stalled(silent)

    def stop(self, reason: str = "interrupted") -> None:
        self.controls.stop(reason)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close(wait=self._ending_bound)
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
        self._no_answer = _unanswered_errors()
        self.cluster = None
        try:
            if address:
                try:
                    self.client = Client(address, timeout=CONNECT_TIMEOUT)
                except ValueError as exc:     # 'nonsense', 'foo://x:1': not an address
                    raise ConfigError(f"the Dask scheduler address {address!r} is not one: {exc} "
                                      "(write tcp://HOST:8786)") from None
            else:
                with warnings.catch_warnings(), _workers_ignore_sigint():
                    warnings.simplefilter("ignore", UserWarning)   # "port 8787 in use": another
                    self.cluster = LocalCluster(n_workers=processes, threads_per_worker=threads,
                                                processes=True, dashboard_address=":0",
                                                silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler {address or 'local'}: {exc}") from None
        link = getattr(self.client, "dashboard_link", None)
        log.info("Dask: %s worker(s); dashboard %s", self._worker_count(), link or "off")
        self.name = f"dask ({address})" if address else f"{processes} processes"
        self._futures = []
        self._probe = StatProbe()
        self._stop_files: set = set()
        self._stopped = False

    @property
    def stat_failures(self) -> int:
        """Looks at heartbeat files that failed or hung this run (shared storage trouble)."""
        return self._probe.failures

    def run(self, tasks: list[SiteTask], timeout: float | None = None
            ) -> Iterator[tuple[SiteTask, SiteResult | BaseException]]:
        """As `LocalExecutor.run`, on the cluster. A task's silence is judged per task and
        worker, once it started there (see `clusterwatch`); tasks no worker starts while the
        run stands still are left behind after NOT_STARTED_SECONDS; a scheduler that stops
        answering, after the tasks' quiet bound."""
        from distributed import wait as dask_wait
        by_key, pending = {}, {}
        self._probe = probe = StatProbe()
        watch = ClusterWatch()
        before = probe.signs({_heartbeat_of(task) for task in tasks})
        self._stop_files |= {stop_path(task.dataset, task.run_id) for task in tasks}
        for task in tasks:
            # the dashboard shows each task by its site
            key = f"site-{task.shard}-{task.run_id}"
            future = self.client.submit(run_site_task, task, key=key, pure=False)
            by_key[future.key] = task
            pending[future.key] = future
            watch.submitted(future.key, before[_heartbeat_of(task)])
            self._futures.append(future)
        deadline = time.monotonic() + timeout if timeout is not None else None
        answered = time.monotonic()           # the scheduler's last answer
        while pending:
            wait = DASK_POLL if deadline is None else \
                min(DASK_POLL, max(0.0, deadline - time.monotonic()))
            try:
                dask_wait(list(pending.values()), timeout=wait, return_when="FIRST_COMPLETED")
            except TimeoutError:
                pass
            for key in [k for k, f in pending.items() if f.done()]:
                watch.ended(key)
                yield by_key[key], _outcome(pending.pop(key))    # a result, a bug, KilledWorker
            if deadline is not None and time.monotonic() >= deadline and pending:
                self.stop("time limit")
                yield from _overdue({k: by_key[k] for k in pending})
                return
            workers = self._on_workers()
            if workers is None:
                silent = time.monotonic() - answered
                if silent > max(quiet_seconds(by_key[k]) for k in pending):
                    log.error("the Dask scheduler has not answered for %.0f s: %d task(s) left "
                              "behind", silent, len(pending))
                    self.stop("scheduler silent")
                    for key in list(pending):
                        pending.pop(key).cancel()
                        yield by_key[key], _unanswered(silent)
                continue
            answered = time.monotonic()
            yield from self._judge(watch, workers, pending, by_key)

    def _judge(self, watch: ClusterWatch, workers: dict, pending: dict, by_key: dict
               ) -> Iterator[tuple[SiteTask, BaseException]]:
        """One look at the pending tasks: those silent too long on the worker they started on
        are left behind (that worker restarted); when the run stood still too long, so are
        those no worker started."""
        signs = self._probe.signs({_heartbeat_of(by_key[key]) for key in pending
                                   if key in workers})
        for key in list(pending):
            task = by_key[key]
            worker = workers.get(key)
            sign = signs.get(_heartbeat_of(task), UNSEEN) if worker is not None else UNSEEN
            silent = watch.look(key, worker, sign, quiet_seconds(task))
            if silent is not None:
                log.error("sites %s: %s", ", ".join(task.names), _stalled(silent))
                pending.pop(key).cancel()
                watch.ended(key)
                self._restart(worker, task)
                yield task, _stalled(silent)
        idle = watch.idle()
        for key in watch.not_started(list(pending)):
            task = by_key[key]
            log.error("sites %s: %s", ", ".join(task.names), _not_started(idle))
            pending.pop(key).cancel()
            watch.ended(key)
            yield task, _not_started(idle)

    def _ask(self, call, *args, limit: float = 0.0, **kwargs):
        """`await call(*args, **kwargs)` on the client's loop, waited for at most `limit`
        seconds (SCHEDULER_ANSWER by default): TimeoutError past it. Client calls such as
        processing(), scheduler_info() and restart_workers() have no bound of their own on the
        connection, and a scheduler whose connection hangs open must not hold the coordinator."""
        return self.client.sync(call, *args, callback_timeout=limit or SCHEDULER_ANSWER, **kwargs)

    def _worker_count(self) -> int | str:
        """How many workers the scheduler has, for the log; "an unknown number of" when it
        does not say in time."""
        try:
            return len(self._ask(self.client.scheduler.identity).get("workers", {}))
        except self._no_answer as exc:
            log.debug("the Dask scheduler did not say how many workers it has: %r", exc)
            return "an unknown number of"

    def _on_workers(self) -> dict | None:
        """The keys of the tasks the scheduler has on a worker, with that worker's address; None
        when the scheduler does not answer (looked at again next time, up to the quiet bound)."""
        try:
            processing = self._ask(self.client.scheduler.processing, workers=None)
        except self._no_answer as exc:
            log.debug("the Dask scheduler did not say which tasks its workers run: %r", exc)
            return None
        return {key: worker for worker, keys in processing.items() for key in keys}

    def _restart(self, worker: str, task: SiteTask) -> None:
        """Restart the worker a stalled task hangs in: a thread cannot be stopped from outside,
        and it holds its site's lease (and a thread of the worker) until its process ends. The
        worker's other tasks are lost with it: the scheduler runs them again, each resuming from
        its frontier. Only a worker under a Nanny (dask-worker's default) can be restarted; else
        the lease stays held until that worker is stopped, and the log says so. Bounded: the
        scheduler gets RESTART_TIMEOUT for the restart and SCHEDULER_ANSWER more to answer."""
        try:
            status = self._ask(self.client._restart_workers, workers=[worker],
                               timeout=RESTART_TIMEOUT, raise_for_error=False,
                               limit=RESTART_TIMEOUT + SCHEDULER_ANSWER)
        except ValueError as exc:             # the worker has no Nanny
            status = {worker: str(exc)}
        except self._no_answer as exc:
            status = {worker: f"no answer: {type(exc).__name__}: {exc}"}
        if status.get(worker) != "OK":
            log.warning("sites %s: could not restart the Dask worker %s holding the stalled task "
                        "(%s); its lease is held until that worker stops", ", ".join(task.names),
                        worker, status.get(worker))
        else:
            log.info("restarted the Dask worker %s to end the stalled task of %s", worker,
                     ", ".join(task.names))

    def stop(self, reason: str = "interrupted") -> None:
        """The run's stop file: running tasks take no new page (their pages in flight finish,
        their shards are closed), tasks not started end as they start. `close` waits for them."""
        self._stopped = True
        for path in self._stop_files:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.touch()
            except OSError as exc:
                log.warning("%s: cannot stop the run's tasks on the workers: %s", path,
                            exc.strerror or exc)

    def close(self) -> None:
        if self._stopped:                     # the stopped tasks end their pages in flight
            from distributed import wait as dask_wait
            running = [f for f in self._futures if not f.done()]
            if running:
                try:
                    dask_wait(running, timeout=STOP_WAIT)
                except Exception:  # noqa: BLE001 - a timeout, a scheduler gone: closing anyway
                    pass
        for path in self._stop_files:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        try:
            self.client.close(timeout=10)
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
        if self.cluster is not None:
            try:
                self.cluster.close(timeout=30)
            except Exception:  # noqa: BLE001
                pass


STOP_WAIT = 20.0                     # seconds a stopped run's tasks get to end their pages in flight


@contextmanager
def _workers_ignore_sigint():
    """Worker processes started while SIGINT is ignored ignore it (Python keeps an inherited
    SIG_IGN): Ctrl-C on a terminal, which signals the whole group, stops the run through the
    coordinator alone, with no KeyboardInterrupt traceback from every worker."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:                         # not the main thread: nothing to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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
                executor.client.cancel(futures)   # the parts left free their workers
                raise ClusterTaskTimeout(f"cluster task {key}-{i} gave no result in {limit:g} s "
                                         "(a worker hung or was lost); nothing was written") from None
    finally:
        executor.close()
