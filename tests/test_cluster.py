"""Harvests spread over worker processes and Dask clusters: the dataset of 1, 2 and N workers
is the same, a host never sees two requests at once or closer than its delay whatever the number
of workers, and a worker killed mid-site (SIGKILL) loses and duplicates nothing."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from govnews.fixtures.portals import all_portals
from govnews.fixtures.server import PortalServer
from govnews.output.dataset import load
from govnews.scraper.archive import iter_archived
from govnews.scraper.config import config_from_dict
from govnews.scraper.harvest import harvest

distributed = pytest.importorskip("distributed", reason="the test extra installs dask[distributed]")

DELAY = 0.1
JITTER = 0.005   # clock granularity: the delay counts from the end of the previous response
# what a harvest extracts; view counts, counters and times move with the clock (the demo
# portals simulate readers), so they are compared by presence, not value
STABLE = ["article_id", "url", "site", "headline", "published_at", "author", "body", "summary",
          "category", "source"]


@pytest.fixture(scope="module")
def portals():
    """The 12 demo portals, each on its own loopback address."""
    portals = all_portals()
    servers = [PortalServer(p, host=f"127.0.0.{20 + i}", latency=0.002).start()
               for i, p in enumerate(portals)]
    yield list(zip(portals, servers))
    for server in servers:
        server.stop()


def config(folder: Path, portals, **cluster):
    return config_from_dict({
        "harvest": {"output": str(folder), "delay": DELAY, "allow_private": True, "workers": 12,
                    "timeout": 10.0},
        "reobserve": {"window_days": 36500, "sample_older": 1000},
        "cluster": cluster,
        "sites": [{"name": f"demo-{p.platform}", "start_urls": [s.url + "/"]} for p, s in portals],
    })


def clear_logs(portals) -> None:
    for _, server in portals:
        with server._log_lock:
            server.requests.clear()
            server.max_active = 0


def assert_polite(portals) -> None:
    for portal, server in portals:
        assert server.max_active == 1, f"{portal.platform}: two requests at once"
        times = sorted(r.at for r in server.requests)
        gaps = [b - a for a, b in zip(times, times[1:])]
        assert times and min(gaps) >= DELAY - JITTER, \
            f"{portal.platform}: requests {min(gaps):.3f} s apart (delay {DELAY})"


def stable(folder: Path) -> dict:
    data = load(folder)
    articles = data.articles[STABLE].sort_values("article_id").reset_index(drop=True)
    observed = data.observations.assign(run=data.observations.run_id.rank(method="dense"))
    per_run = (observed.groupby(["run", "article_id"]).size().rename("n").reset_index()
               .sort_values(["run", "article_id"]).reset_index(drop=True))
    payloads = sorted({(a.url, a.status) for a in iter_archived(folder / "warc")
                       if not a.url.endswith("robots.txt")})
    return {"articles": articles, "per_run": per_run, "payloads": payloads,
            "views": data.observations.view_count.notna().sum(),
            "runs": list(data.runs.status), "folder": folder}


@pytest.fixture(scope="module")
def one_process(portals, tmp_path_factory):
    folder = tmp_path_factory.mktemp("threads") / "data"
    for _ in range(2):
        clear_logs(portals)
        assert harvest(config(folder, portals), folder).status == "ok"
        assert_polite(portals)
    return stable(folder)


def test_two_processes_give_the_one_process_dataset_and_stay_polite(portals, one_process,
                                                                    tmp_path):
    folder = tmp_path / "data"
    for _ in range(2):
        clear_logs(portals)
        result = harvest(config(folder, portals, processes=2), folder)
        assert result.status == "ok", result.summary.error_lines
        assert_polite(portals)
    got = stable(folder)
    pd.testing.assert_frame_equal(got["articles"], one_process["articles"])
    pd.testing.assert_frame_equal(got["per_run"], one_process["per_run"])
    assert got["payloads"] == one_process["payloads"]
    assert got["views"] == one_process["views"] and got["runs"] == ["ok", "ok"]
    assert len(got["articles"]) > 150 and set(got["articles"].site) == {
        f"demo-{p.platform}" for p, _ in portals}
    # each site its own shard and WARC folder; dataset.sqlite is their union
    shards = sorted(p.name for p in (folder / "shards").iterdir())
    assert shards == sorted(f"demo-{p.platform}" for p, _ in portals)
    assert {p.parent.name for p in (folder / "warc").rglob("*.warc.gz")} == set(shards)


def test_a_scheduler_address_gives_the_same_dataset_and_dask_frames(portals, one_process,
                                                                    tmp_path):
    folder = tmp_path / "data"
    import dask
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            distributed.LocalCluster(n_workers=3, threads_per_worker=2, processes=True,
                                     dashboard_address=None) as cluster:
        for _ in range(2):
            clear_logs(portals)
            result = harvest(config(folder, portals, scheduler=cluster.scheduler_address), folder)
            assert result.status == "ok", result.summary.error_lines
            assert_polite(portals)
    got = stable(folder)
    pd.testing.assert_frame_equal(got["articles"], one_process["articles"])
    pd.testing.assert_frame_equal(got["per_run"], one_process["per_run"])
    assert got["payloads"] == one_process["payloads"]
    # load(engine="dask"): the same tables, partitioned by site
    import govnews
    eager, lazy = govnews.load(folder), govnews.load(folder, engine="dask")
    for table in ("articles", "observations", "site_counters", "runs"):
        frame = getattr(lazy, table).compute()
        key = {"articles": ["article_id"], "observations": ["article_id", "run_id"],
               "site_counters": ["site", "run_id"], "runs": ["run_id"]}[table]
        want = getattr(eager, table).sort_values(key).reset_index(drop=True)
        got_table = frame.sort_values(key).reset_index(drop=True)
        pd.testing.assert_frame_equal(got_table, want, check_categorical=False)
    assert lazy.articles.npartitions == len(set(eager.articles.site))


def test_a_worker_killed_mid_site_loses_and_duplicates_nothing(portals, one_process, tmp_path):
    """SIGKILL one of two worker processes while every site is being crawled: the scheduler
    runs its sites again on the other (or the restarted) worker, each resumes from its shard."""
    folder = tmp_path / "data"
    clear_logs(portals)
    executors, outcome = [], {}

    def run() -> None:
        outcome["result"] = harvest(config(folder, portals, processes=2), folder,
                                    on_start=executors.append)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.time() + 120
    while time.time() < deadline and (not executors or sum(
            len(s.requests) for _, s in portals) < 150):
        time.sleep(0.02)
    pids = executors[0].client.run(os.getpid)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    thread.join(300)
    assert not thread.is_alive()
    result = outcome["result"]
    assert result.status == "ok", result.summary.error_lines
    data = load(folder)
    assert data.articles.article_id.is_unique
    assert sorted(data.articles.article_id) == sorted(one_process["articles"].article_id)
    assert (data.observations.groupby("article_id").size() == 1).all()
    assert len(data.observations) == len(data.articles)
    assert_polite(portals)              # the rerun waited for the dead worker's lease
    # the log names each task's worker: the killed one's sites ran again elsewhere
    entry = json.loads((folder / "logs" / "runs.jsonl").read_text().splitlines()[-1])
    assert any(task["resumed"] for task in entry["tasks"])
    assert len(entry["tasks"]) == len(portals)
    assert sum(w["sites"] for w in entry["workers"].values()) == len(portals)


def test_reparse_on_two_processes_equals_reparse_in_one(one_process, tmp_path_factory):
    """One task per site's WARC folder: the records rebuilt on 2 processes are the ones one
    process rebuilds, on a dataset whose stored records were damaged."""
    import shutil
    import sqlite3

    from govnews.scraper.reparse import reparse
    source = one_process["folder"]
    results = {}
    for mode, cluster in (("one", None), ("two", {"processes": 2})):
        folder = tmp_path_factory.mktemp(mode) / "data"
        shutil.copytree(source, folder)
        conn = sqlite3.connect(folder / "dataset.sqlite")
        conn.execute("UPDATE articles SET headline = 'x', body = NULL")
        conn.commit()
        conn.close()
        result = reparse(folder, cluster=cluster)
        assert result.errors == [] and result.changed == len(one_process["articles"])
        results[mode] = (load(folder).articles[STABLE].sort_values("article_id")
                         .reset_index(drop=True), result.pages, result.folded)
    pd.testing.assert_frame_equal(results["one"][0], one_process["articles"])
    pd.testing.assert_frame_equal(results["two"][0], results["one"][0])
    assert results["two"][1:] == results["one"][1:]


def test_a_cluster_task_that_never_answers_stops_the_command_at_its_bound():
    """map_on_cluster (what reparse --processes/--scheduler runs its parts with) waits for a
    result at most its time bound, then raises; a hung worker cannot make the command wait
    for ever."""
    from govnews.scraper.errors import ClusterTaskTimeout
    from govnews.scraper.executors import map_on_cluster
    started = time.monotonic()
    with pytest.raises(ClusterTaskTimeout, match="gave no result in 2 s"):
        list(map_on_cluster({"processes": 1}, time.sleep, [(0.0,), (600.0,)], key="hang",
                            timeouts=[60.0, 2.0]))
    assert time.monotonic() - started < 120      # cluster start, 2 s, and its shutdown


def test_a_reparse_part_is_waited_for_far_longer_than_parsing_it_takes(tmp_path):
    from govnews.scraper.reparse import PART_BASE_SECONDS, part_seconds
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.warc.gz").write_bytes(b"\0" * 2**20)
    (tmp_path / "b.warc.gz").write_bytes(b"\0" * 2**20)
    assert part_seconds(tmp_path, recursive=False) == PART_BASE_SECONDS + 10.0
    assert part_seconds(tmp_path, recursive=True) == PART_BASE_SECONDS + 20.0
