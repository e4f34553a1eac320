"""A worker that hangs where no timeout reaches (a deadlock, a C call that never returns, a parser
that loops): the harvest still ends, with the other sites harvested, one `worker` error naming
the hung site, the partial exit code, and a process that exits; the next run completes the site.
The watchdog reads the heartbeat a task writes into its shard (scraper/heartbeat.py)."""
from __future__ import annotations

import subprocess
from dataclasses import replace
import sys
import textwrap
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from govnews.fixtures.portals import all_portals
from govnews.fixtures.server import PortalServer
from govnews.output.dataset import load
from govnews.scraper import crawl as crawl_module
from govnews.scraper import executors, heartbeat
from govnews.scraper.config import config_from_dict
from govnews.scraper.harvest import harvest
from govnews.scraper.lock import FolderLock
from govnews.scraper.heartbeat import (Heartbeat, Watchdog,
                                       quiet_seconds)
from govnews.scraper.runtypes import CrawlSettings
from govnews.scraper.sitetask import SiteTask

ROOT = Path(__file__).resolve().parent.parent
QUIET = 2.0            # the watchdog's bound in these tests (a real one is minutes)


@pytest.fixture(scope="module")
def portals():
    chosen = all_portals(readership=False)[:3]
    servers = [PortalServer(p, host=f"127.0.0.{60 + i}").start() for i, p in enumerate(chosen)]
    yield list(zip(chosen, servers))
    for server in servers:
        server.stop()


def config(folder: Path, portals, **cluster):
    return config_from_dict({
        "harvest": {"output": str(folder), "delay": 0.0, "allow_private": True, "workers": 4,
                    "timeout": 5.0},
        "reobserve": {"window_days": 36500, "sample_older": 0},
        "cluster": cluster,
        "sites": [{"name": f"demo-{p.platform}", "start_urls": [s.url + "/"]} for p, s in portals],
    })


def hang_on(monkeypatch, host: str) -> threading.Event:
    """parse_page blocks on `host`'s first article page until the event is set."""
    release = threading.Event()
    real = crawl_module.parse_page

    def parse(body, url, *args, **kwargs):
        page = real(body, url, *args, **kwargs)
        if urlsplit(url).hostname == host and page.kind == "article":
            release.wait()
        return page
    monkeypatch.setattr(crawl_module, "parse_page", parse)
    return release


def run_bounded(fn, seconds: float):
    """fn() on a thread; its result, or a failure when it has not returned in `seconds` (a
    behaviour bound: without the watchdog the call never returns)."""
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the harvest did not end in {seconds:g} s"
    return box["result"]


def test_a_hung_site_ends_the_run_partial_and_the_next_run_completes_it(portals, tmp_path,
                                                                        monkeypatch):
    folder = tmp_path / "data"
    hung_portal, hung_server = portals[1]
    release = hang_on(monkeypatch, hung_server.host)
    monkeypatch.setattr(executors, "quiet_seconds", lambda task: QUIET)
    monkeypatch.setattr(executors, "POLL", 0.2)
    monkeypatch.setattr(heartbeat, "BEAT_EVERY", 0.1)   # healthy tasks beat well within QUIET
    try:
        result = run_bounded(lambda: harvest(config(folder, portals), folder), 120)
        assert result.status == "partial"
        summary = result.summary
        assert summary.errors["worker"] == 1
        (line,) = [x for x in summary.error_lines if x.startswith("worker:")]
        assert f"demo-{hung_portal.platform}" in line and "no sign of life" in line
        # the hung task's thread is a daemon: it never holds the process at exit
        hung = [t for t in threading.enumerate() if t.name.startswith("site-") and t.is_alive()]
        assert hung and all(t.daemon for t in hung)
        data = load(folder)
        for portal, _ in portals:
            if portal is not hung_portal:
                assert (data.articles.site == f"demo-{portal.platform}").sum() == \
                    len(portal.articles())
    finally:
        release.set()
    monkeypatch.undo()
    # the site left behind is harvested by the next run; its shard's work is not lost
    result = run_bounded(lambda: harvest(config(folder, portals), folder), 120)
    assert result.status == "ok"
    data = load(folder)
    for portal, _ in portals:
        assert (data.articles.site == f"demo-{portal.platform}").sum() == len(portal.articles())
    assert data.articles.article_id.is_unique


def test_the_cli_process_exits_with_the_partial_code_when_a_site_hangs(portals, tmp_path):
    """A hung thread once held the interpreter at exit (ThreadPoolExecutor joins its threads)."""
    portal, server = portals[0]
    folder = tmp_path / "data"
    sites = tmp_path / "sites.toml"
    sites.write_text(textwrap.dedent(f"""\
        [harvest]
        output = "{folder}"
        delay = 0.0
        allow_private = true
        timeout = 5.0

        [[sites]]
        name = "hangs"
        start_urls = ["{server.url}/"]
        """), encoding="utf-8")
    script = textwrap.dedent(f"""\
        import sys, threading
        from govnews.scraper import crawl, executors, heartbeat
        from govnews.scraper.cli import main
        real = crawl.parse_page
        def parse(body, url, *a, **k):
            page = real(body, url, *a, **k)
            if page.kind == "article":
                threading.Event().wait()          # for ever
            return page
        crawl.parse_page = parse
        executors.quiet_seconds = lambda task: {QUIET}
        executors.POLL = 0.2
        heartbeat.BEAT_EVERY = 0.1
        sys.exit(main(["harvest", "-c", {str(sites)!r}, "-q"]))
        """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 1, done.stderr
    assert "no sign of life" in done.stderr


def test_dask_tasks_that_hang_are_left_behind(portals, tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    folder = tmp_path / "data"
    # the task as a worker process runs it: it starts (one beat), then hangs; a lambda is
    # shipped to the worker by value
    monkeypatch.setattr(executors, "run_site_task", lambda task, *rest: (
        __import__("govnews.scraper.heartbeat", fromlist=["x"]).Heartbeat(
            __import__("govnews.output.shards", fromlist=["x"]).shard_folder(
                task.dataset, task.shard) / "heartbeat").beat(force=True),
        __import__("time").sleep(120)))
    monkeypatch.setattr(executors, "quiet_seconds", lambda task: QUIET)
    monkeypatch.setattr(executors, "DASK_POLL", 0.5)
    result = run_bounded(lambda: harvest(config(folder, portals[:1], processes=1), folder), 150)
    assert result.status == "partial"
    assert result.summary.errors["worker"] == 1
    assert any("no sign of life" in x for x in result.summary.error_lines)


def test_a_stalled_dask_task_releases_its_sites_lease(portals, tmp_path, monkeypatch):
    """On a cluster the harvest did not start (it outlives the run), the worker a stalled task
    hangs in is restarted: the site's lease is free for the next run, not held by a thread
    nothing can stop."""
    distributed = pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    folder = tmp_path / "data"
    # the task as a worker process runs it: it takes its site's lease, starts (one beat), then
    # hangs holding it
    monkeypatch.setattr(executors, "run_site_task", lambda task, *rest: (
        lease := __import__("govnews.scraper.lock", fromlist=["x"]).FolderLock(
            __import__("govnews.output.shards", fromlist=["x"]).shard_folder(task.dataset, task.shard)
        ).acquire(),
        __import__("govnews.scraper.heartbeat", fromlist=["x"]).Heartbeat(
            __import__("govnews.output.shards", fromlist=["x"]).shard_folder(
                task.dataset, task.shard) / "heartbeat").beat(force=True),
        __import__("time").sleep(120), lease))
    monkeypatch.setattr(executors, "quiet_seconds", lambda task: QUIET)
    monkeypatch.setattr(executors, "DASK_POLL", 0.5)
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                       dashboard_address=":0")
    try:
        result = run_bounded(lambda: harvest(config(folder, portals[:1], scheduler=cluster.scheduler_address),
                                             folder), 150)
        assert result.status == "partial"
        assert result.summary.errors["worker"] == 1
        shards = [p.parent for p in (folder / "shards").glob("*/heartbeat")]
        assert len(shards) == 1
        FolderLock(shards[0]).acquire(wait=30).release()   # LockHeld if the hung thread kept it
    finally:
        cluster.close(timeout=30)


def test_a_dask_scheduler_that_stops_answering_ends_the_run(portals, tmp_path, monkeypatch):
    """No answer from the scheduler about its tasks for longer than a page can take: the tasks
    are left behind as `worker` errors and the run ends (it waited on forever before)."""
    pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    folder = tmp_path / "data"
    monkeypatch.setattr(executors, "run_site_task", lambda task, *rest: __import__("time").sleep(120))
    monkeypatch.setattr(executors, "quiet_seconds", lambda task: QUIET)
    monkeypatch.setattr(executors, "DASK_POLL", 0.5)
    monkeypatch.setattr(executors.DaskExecutor, "_on_workers", lambda self: None)
    result = run_bounded(lambda: harvest(config(folder, portals[:2], processes=1), folder), 150)
    assert result.status == "partial"
    assert result.summary.errors["worker"] == 2
    assert sum("has not answered" in x for x in result.summary.error_lines) == 2


def test_quiet_bound_follows_the_settings():
    """The defaults give the README's 700 s: a 300 s wait, 10 + 30 s of one attempt, 300 s of
    parsing, a 60 s grace; a longer lease wait, or a longer wait for a host, raises it."""
    task = SiteTask(dataset="d", shard="s", sites=[], settings=CrawlSettings(), run_id="r",
                    lease_wait=120.0)
    assert quiet_seconds(task) == 700.0
    task.lease_wait = 10_000.0
    assert quiet_seconds(task) == 10_060.0
    task.lease_wait = 120.0
    task.settings = replace(task.settings, max_retry_wait=1000.0)
    assert quiet_seconds(task) == 1400.0


def test_watchdog_counts_silence_from_the_last_change(tmp_path):
    now = [0.0]
    watchdog = Watchdog(clock=lambda: now[0])
    beat = Heartbeat(tmp_path / "heartbeat", every=0.0)
    beat.beat()
    assert watchdog.look("k", beat.path, 10) is None        # first look
    now[0] = 9.0
    assert watchdog.look("k", beat.path, 10) is None
    now[0] = 11.0
    assert watchdog.look("k", beat.path, 10) == 11.0
    beat.path.write_text("another beat, longer\n")        # it moved: the silence starts again
    assert watchdog.look("k", beat.path, 10) is None
    now[0] = 20.0
    assert watchdog.look("k", beat.path, 10) is None
    now[0] = 21.5
    assert watchdog.look("k", beat.path, 10) == 10.5


def test_heartbeat_sleep_beats_all_along(tmp_path, monkeypatch):
    """A long sleep writes the file again every `every` seconds (the clock and sleep are
    simulated: each slice advances it)."""
    from govnews.scraper import heartbeat as module
    now = [100.0]
    written = []
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(module.time, "sleep", lambda s: now.__setitem__(0, now[0] + s))
    beat = Heartbeat(tmp_path / "heartbeat", every=5.0)
    real_open = open

    def counting_open(path, mode="r", *a, **k):
        if path == beat.path and "w" in mode:
            written.append(now[0])
        return real_open(path, mode, *a, **k)
    monkeypatch.setattr("builtins.open", counting_open)
    beat.sleep(23.0)
    assert written == [100.0, 105.0, 110.0, 115.0, 120.0]
    assert (tmp_path / "heartbeat").read_text().split()[0].isdigit()


def test_heartbeat_on_a_missing_folder_never_raises(tmp_path):
    Heartbeat(tmp_path / "gone" / "heartbeat").beat(force=True)


def test_a_look_at_a_heartbeat_that_hangs_or_fails_is_bounded_and_counted(tmp_path):
    """Shared storage that hangs (a hard NFS mount) or fails (EIO): the coordinator's look
    returns UNSEEN within its bound, is counted, and a file still hanging is not looked at
    again (one stuck thread per file at most)."""
    release = threading.Event()
    calls = []

    def look(path):
        calls.append(path)
        if path.name == "hangs":
            release.wait(60)
        if path.name == "fails":
            raise OSError(5, "Input/output error")
        return heartbeat.sign_of_life(path)
    probe = heartbeat.StatProbe(timeout=0.2, look=look)
    try:
        started = time.monotonic()
        assert probe.sign(tmp_path / "hangs") is heartbeat.UNSEEN
        assert probe.sign(tmp_path / "hangs") is heartbeat.UNSEEN      # not asked again
        assert time.monotonic() - started < 10
        assert len(calls) == 1
        assert probe.sign(tmp_path / "fails") is heartbeat.UNSEEN
        assert probe.sign(tmp_path / "missing") is None
        assert probe.failures == 3
    finally:
        release.set()


def test_the_looks_of_one_round_wait_together_not_one_after_another(tmp_path):
    """Ten heartbeat files on a mount that hangs: one round of looks costs the coordinator one
    bound (1 s here), not ten."""
    release = threading.Event()

    def look(path):
        release.wait(60)
    probe = heartbeat.StatProbe(timeout=1.0, look=look)
    paths = [tmp_path / f"shard-{i}" / "heartbeat" for i in range(10)]
    try:
        started = time.monotonic()
        signs = probe.signs(paths)
        assert time.monotonic() - started < 5.0
        assert all(signs[p] is heartbeat.UNSEEN for p in paths) and probe.failures == 10
    finally:
        release.set()


def test_unseen_looks_neither_restart_nor_stop_the_silence(tmp_path):
    """A look that failed is no sign of life, and no change either: a task whose heartbeat can
    be seen only now and then is still judged on its last change (an error between two equal
    signs reset the silence before, so a hung task on flaky storage was never left behind)."""
    now = [0.0]
    watchdog = Watchdog(clock=lambda: now[0])
    sign = (1, 10)
    assert watchdog.judge("k", sign, 10) is None
    now[0] = 6.0
    assert watchdog.judge("k", heartbeat.UNSEEN, 10) is None
    now[0] = 11.0
    assert watchdog.judge("k", sign, 10) == 11.0


def test_the_daemon_pool_gives_a_task_up_once_and_forgets_it_when_it_returns():
    release, started = threading.Event(), threading.Event()

    def work(name):
        if name == "hangs":
            started.set()
            release.wait(60)
        return name
    pool = executors._DaemonPool(work, 1)
    pool.submit("hangs", "hangs")
    assert started.wait(10)
    assert pool.abandon("hangs") is True
    assert pool.abandon("hangs") is False                 # reported once
    pool.submit("next", "next")
    assert pool.results(10) == [("next", "next")]        # its replacement serves the queue
    release.set()
    for _ in range(100):
        if not pool.running():
            break
        time.sleep(0.05)
    assert pool.results(0.2) == []                       # a task given up is no result
    assert not pool.running() and not pool._stuck and not pool._ended
    pool.close()


def test_a_task_given_up_before_it_started_never_starts():
    release = threading.Event()
    ran = []

    def work(name):
        ran.append(name)
        if name == "first":
            release.wait(60)
        return name
    pool = executors._DaemonPool(work, 1)
    pool.submit("first", "first")
    pool.submit("queued", "queued")
    assert pool.abandon("queued", replace=False) is True
    release.set()
    assert pool.results(10) == [("first", "first")]
    assert pool.results(0.3) == [] and ran == ["first"]
    pool.close()


def test_heartbeat_looks_that_fail_are_reported_not_a_crash(portals, tmp_path, monkeypatch):
    """Every look at the heartbeat files fails (EIO on the dataset's storage): the run goes on
    and ends, and says how many looks failed."""
    folder = tmp_path / "data"

    def failing(path):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(heartbeat, "sign_of_life", failing)
    monkeypatch.setattr(executors, "POLL", 0.05)
    result = run_bounded(lambda: harvest(config(folder, portals[:1]), folder), 120)
    assert result.status == "ok"
    assert any("heartbeat files failed" in hint for hint in result.summary.hints)


class _Scheduler:
    """The client's connection to the scheduler, with some questions answered otherwise."""

    def __init__(self, real, **answers) -> None:
        self._real = real
        self.__dict__.update(answers)

    def __getattr__(self, name):
        return getattr(self._real, name)


async def _never(**kwargs):
    await __import__("asyncio").sleep(3600)


def _with_scheduler(monkeypatch, **answers) -> None:
    """Every DaskExecutor made from now on talks to a scheduler answering `answers` itself."""
    real_init = executors.DaskExecutor.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self.client.scheduler = _Scheduler(self.client.scheduler, **answers)
    monkeypatch.setattr(executors.DaskExecutor, "__init__", init)


def test_a_dask_scheduler_whose_answer_never_comes_ends_the_run(portals, tmp_path, monkeypatch):
    """The scheduler's connection stays open but its `processing` answer never comes: each
    question is given up after SCHEDULER_ANSWER, and past the quiet bound the tasks are left
    behind as stalled and the run ends (a question without a bound held it for ever)."""
    pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    folder = tmp_path / "data"
    monkeypatch.setattr(executors, "run_site_task", lambda task, *rest: __import__("time").sleep(120))
    monkeypatch.setattr(executors, "quiet_seconds", lambda task: QUIET)
    monkeypatch.setattr(executors, "DASK_POLL", 0.5)
    monkeypatch.setattr(executors, "SCHEDULER_ANSWER", 1.0)
    _with_scheduler(monkeypatch, processing=_never)
    result = run_bounded(lambda: harvest(config(folder, portals[:2], processes=1), folder), 150)
    assert result.status == "partial"
    assert result.summary.errors["worker"] == 2
    assert sum("has not answered" in x for x in result.summary.error_lines) == 2


def test_dask_tasks_that_never_start_end_a_run_without_a_time_limit(portals, tmp_path,
                                                                    monkeypatch):
    """No max_run_seconds, and the tasks never start (no beat ever: here they sit on their
    worker, as a task no worker takes would sit at the scheduler): once the run stood still
    for NOT_STARTED_SECONDS they are left behind and the run ends (it looked on for ever)."""
    pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    from govnews.scraper import clusterwatch
    folder = tmp_path / "data"
    monkeypatch.setattr(executors, "run_site_task", lambda task, *rest: __import__("time").sleep(120))
    monkeypatch.setattr(executors, "quiet_seconds", lambda task: QUIET)
    monkeypatch.setattr(executors, "DASK_POLL", 0.5)
    monkeypatch.setattr(clusterwatch, "NOT_STARTED_SECONDS", 2.0)
    result = run_bounded(lambda: harvest(config(folder, portals[:2], processes=1), folder), 150)
    assert result.status == "partial"
    assert result.summary.errors["worker"] == 2
    assert sum("no Dask worker started it" in x for x in result.summary.error_lines) == 2


def test_questions_to_a_silent_dask_scheduler_are_bounded(monkeypatch, caplog):
    """Restarting a stalled task's worker, and asking how many workers there are, end after
    their bounds when the scheduler never answers; a question failing for another reason (a
    bug) is not taken for silence."""
    pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")
    monkeypatch.setattr(executors, "SCHEDULER_ANSWER", 0.5)
    monkeypatch.setattr(executors, "RESTART_TIMEOUT", 0.5)
    executor = executors.DaskExecutor(processes=1, threads=1)
    try:
        async def no_restart(**kwargs):
            await _never()

        async def broken(**kwargs):
            raise KeyError("a bug in the question")
        executor.client._restart_workers = no_restart
        executor.client.scheduler = _Scheduler(executor.client.scheduler, identity=_never,
                                               processing=broken)
        task = SiteTask(dataset="d", shard="s", sites=[], settings=CrawlSettings(), run_id="r")
        with caplog.at_level("WARNING", logger="govnews.executors"):
            run_bounded(lambda: executor._restart("tcp://127.0.0.1:1", task), 30)
        assert "could not restart the Dask worker" in caplog.text
        assert run_bounded(executor._worker_count, 30) == "an unknown number of"
        with pytest.raises(KeyError):
            executor._on_workers()
    finally:
        executor.close()
