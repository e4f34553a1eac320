"""The dataset's shards: a dataset written before shards goes on incrementally, a shard run
nobody merged yet is read through and merged once, and a site is held by one worker at a time."""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load
from govnews.output.shards import merge_run, note_started, shard_folder, unmerged_runs
from govnews.output.store import DB_NAME, Store
from govnews.scraper.cli import main
from govnews.scraper.config import config_from_dict
from govnews.scraper.crawl import Crawl, CrawlSettings, Site
from govnews.scraper.harvest import harvest, settle
from govnews.scraper.http import HttpSettings
from govnews.scraper.lock import FolderLock
from govnews.scraper.reparse import reparse
from govnews.scraper.sitetask import SiteTask, run_site_task

from test_reparse import crawl_run


def config(folder: Path, servers, names):
    return config_from_dict({
        "harvest": {"output": str(folder), "delay": 0.0, "allow_private": True},
        "reobserve": {"window_days": 0, "sample_older": 0},
        "sites": [{"name": n, "start_urls": [s.url + "/"]} for n, s in zip(names, servers)]})


def task(folder: Path, server, name: str, run_id: str, lease_wait: float = 60.0,
         window_days: float = 0) -> SiteTask:
    site = Site(name, [server.url + "/"], allow_private=True)
    settings = CrawlSettings(delay=0.0, http=HttpSettings(allow_private=True))
    return SiteTask(dataset=str(folder), shard=name, sites=[site], settings=settings,
                    run_id=run_id, window_days=window_days, sample_older=0,
                    lease_wait=lease_wait)


def test_a_dataset_written_before_shards_goes_on_incrementally(tmp_path):
    folder = tmp_path / "data"
    with PortalServer(LacVietPortal()) as server:
        site = Site("lacviet", [server.url + "/"], allow_private=True)
        crawl_run(folder, [site], "20240101T000000000Z-1")          # the old layout
        assert list((folder / "warc").glob("*.warc.gz")) and not (folder / "shards").exists()
        before = load(folder).articles
        server.requests.clear()
        result = harvest(config(folder, [server], ["lacviet"]), folder)
        fetched = [r.target for r in server.requests]
    assert result.status == "ok"
    assert result.summary.articles_new == 0            # the shard started from what it held
    assert len(fetched) < len(before)                   # listings only, no article again
    assert (shard_folder(folder, "lacviet") / DB_NAME).is_file()
    data = load(folder)
    assert sorted(data.articles.article_id) == sorted(before.article_id)
    assert data.runs.run_id.nunique() == 2
    # reparse reads the old files and the shard's alike, and changes nothing
    again = reparse(folder, dry_run=True)
    assert again.errors == [] and (again.new, again.changed) == (0, 0)
    assert again.articles == len(before)


def test_an_unmerged_shard_run_is_read_through_then_merged_once(tmp_path):
    """A worker finished a site but the harvest died before merging it: load() shows the
    rows, `govnews export` puts the dataset in order, merging again copies nothing."""
    folder = tmp_path / "data"
    with PortalServer(LacVietPortal()) as one, PortalServer(NukeVietPortal()) as two:
        assert harvest(config(folder, [one, two], ["lacviet", "nukeviet"]), folder).status == "ok"
        with Store.open(folder) as store:                 # as the harvest does
            store.start_run("20990101T000000000Z-9", "2099-01-01T00:00:00Z", ["nukeviet"])
            note_started(store, [("nukeviet", "20990101T000000000Z-9")])
        result = run_site_task(task(folder, two, "nukeviet", "20990101T000000000Z-9",
                                    window_days=36500))       # every article observed again
    assert result.summary.observations > 0
    conn = sqlite3.connect(folder / DB_NAME)
    assert unmerged_runs(conn, folder) == [("nukeviet", "20990101T000000000Z-9")]
    stored = conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
    conn.close()
    data = load(folder)                                  # read through, nothing written
    assert len(data.observations) == stored + result.summary.observations
    assert main(["export", str(folder), "--format", "csv"]) == 0
    conn = sqlite3.connect(folder / DB_NAME)
    assert unmerged_runs(conn, folder) == []
    assert conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == len(data.observations)
    conn.close()
    assert load(folder).observations.equals(data.observations)
    with Store.open(folder) as store:
        assert merge_run(store, folder, "nukeviet", "20990101T000000000Z-9", "now") == \
            {"articles": 0, "observations": 0, "site_counters": 0}
    assert settle(folder) == []                         # nothing left to put in order


def test_a_site_is_held_by_one_worker_at_a_time(tmp_path):
    folder = tmp_path / "data"
    holder = FolderLock(shard_folder(folder, "lacviet").resolve(), "held")
    shard_folder(folder, "lacviet").mkdir(parents=True)
    holder.acquire()
    try:
        with PortalServer(LacVietPortal()) as server:
            started = time.monotonic()
            result = run_site_task(task(folder, server, "lacviet", "r1", lease_wait=0.5))
            waited = time.monotonic() - started
            assert server.requests == []                 # it sent nothing
    finally:
        holder.release()
    assert result.lease_error and "another worker holds this site's lease" in result.lease_error
    assert result.summary.errors["lease"] == 1 and 0.5 <= waited < 5
    # freed (as the kernel frees it when a worker dies): the next task takes it at once
    with PortalServer(LacVietPortal()) as server:
        done = []
        thread = threading.Thread(target=lambda: done.append(
            run_site_task(task(folder, server, "lacviet", "r2", lease_wait=0.5))))
        thread.start()
        thread.join(60)
    assert done and done[0].lease_error is None and done[0].summary.articles_new > 0


def test_sites_sharing_a_host_or_an_archive_are_one_task():
    from govnews.scraper.sitetask import plan_tasks
    sites = [Site("a", ["https://a.gov.vn/"]), Site("b", ["https://b.gov.vn/"]),
             Site("a2", ["https://www.a.gov.vn/tin-tuc/"]),            # www folded: a's host
             Site("c", ["https://c.gov.vn/", "https://b.gov.vn/x/"]),   # joins b
             Site("old1", ["https://gone1.gov.vn/"], source="wayback"),
             Site("old2", ["https://gone2.gov.vn/"], source="wayback"),  # the same archive
             Site("cc", ["https://gone3.gov.vn/"], source="commoncrawl")]
    assert [[s.name for s in g] for g in plan_tasks(sites)] == \
        [["a", "a2"], ["b", "c"], ["old1", "old2"], ["cc"]]
    many = [Site(f"s{i}", [f"https://s{i}.gov.vn/"]) for i in range(5000)]
    assert len(plan_tasks(many)) == 5000


def test_a_hung_worker_does_not_hold_the_run_past_its_time_limit(tmp_path, monkeypatch):
    """max_run_seconds bounds the whole run even when a worker hangs (a deadlock, a lost
    machine the scheduler has not noticed): the overdue site is an error, the others are
    merged, the run ends."""
    from govnews.scraper import harvest as harvest_module
    from govnews.scraper import sitetask

    release = threading.Event()
    real = sitetask._run_locked

    def hanging(task, *args):
        if task.shard == "nukeviet":
            release.wait(60)                       # a worker stuck in C code
            return None
        return real(task, *args)
    monkeypatch.setattr(sitetask, "_run_locked", hanging)
    monkeypatch.setattr(harvest_module, "OVERDUE_GRACE", 0.5)
    folder = tmp_path / "data"
    with PortalServer(LacVietPortal()) as one, PortalServer(NukeVietPortal()) as two:
        cfg = config_from_dict({
            "harvest": {"output": str(folder), "delay": 0.0, "allow_private": True,
                        "max_run_seconds": 3, "timeout": 1, "connect_timeout": 1},
            "sites": [{"name": "lacviet", "start_urls": [one.url + "/"]},
                      {"name": "nukeviet", "start_urls": [two.url + "/"]}]})
        started = time.monotonic()
        try:
            result = harvest(cfg, folder)
        finally:
            release.set()
        took = time.monotonic() - started
    assert took < 3 + 1 + 1 + 0.5 + 5
    assert result.summary.errors["time_limit"] >= 1 and result.status == "partial"
    assert any("nukeviet" in line and "time limit" in line for line in result.summary.error_lines)
    assert set(load(folder).articles.site) == {"lacviet"}


def test_a_closed_warc_file_left_without_its_index_by_a_kill_is_indexed_at_the_next_start(tmp_path):
    """A kill between a WARC file's close (its rename) and its index being written leaves a
    closed file with no .cdxj; the next harvest's start indexes it (replay needs the index)."""
    from govnews.scraper.harvest import close_interrupted
    folder = tmp_path / "data"
    with PortalServer(LacVietPortal()) as server:
        cfg = config_from_dict({
            "harvest": {"output": str(folder), "delay": 0.0, "allow_private": True},
            "sites": [{"name": "lacviet", "start_urls": [server.url + "/"]}]})
        assert harvest(cfg, folder).status == "ok"
    indexes = sorted((folder / "warc").rglob("*.cdxj"))
    assert indexes
    lost = indexes[0]
    lost.unlink()
    with Store.open(folder) as store:
        store.start_run("killed", "2026-01-01T00:00:00Z", ["lacviet"])     # never finished
        notes = close_interrupted(folder, store)
    assert any("interrupted" in n for n in notes)
    assert lost.exists() and lost.read_text().strip()


def test_links_of_a_failed_commit_are_forgotten_before_another_commit_can_skip_them(tmp_path):
    """A commit that queued links and then failed is rolled back; the run's memory of queued
    links is cleared before the store's lock is released, so the next commit queues them."""
    with Store.open(tmp_path) as store:
        site = Site("a", ["https://a.gov.vn/"])
        crawl = Crawl(store, [site], CrawlSettings(), "r1")
        url = "https://a.gov.vn/tin-tuc/bai-viet-1.html"
        try:
            with crawl._queueing("a test commit"):
                crawl._enqueue(site, url, "article", 1)
                raise RuntimeError("the commit fails after queueing")
        except RuntimeError:
            pass
        assert not crawl._seen_links
        assert store.conn.execute("SELECT count(*) FROM frontier WHERE url = ?", (url,)).fetchone()[0] == 0
        with crawl._queueing("the next commit"):
            crawl._enqueue(site, url, "article", 1)
        assert store.conn.execute("SELECT count(*) FROM frontier WHERE url = ?", (url,)).fetchone()[0] == 1


def test_close_interrupted_tries_each_shards_lease_once(tmp_path, monkeypatch):
    """After a kill, every closed WARC file is looked at; whether its shard is in use is asked
    once per shard, not once per file (a lock round trip each on shared storage)."""
    from govnews.scraper import harvest as harvest_module
    from govnews.scraper.harvest import close_interrupted
    folder = tmp_path / "data"
    with PortalServer(LacVietPortal()) as server:
        cfg = config_from_dict({
            "harvest": {"output": str(folder), "delay": 0.0, "allow_private": True},
            "sites": [{"name": "lacviet", "start_urls": [server.url + "/"]}]})
        assert harvest(cfg, folder).status == "ok"
    (warc,) = sorted((folder / "warc").rglob("*.warc.gz"))
    for seq in range(3):                       # four closed files in the shard's folder
        (warc.parent / f"govnews-copy-{seq:05d}.warc.gz").write_bytes(warc.read_bytes())
    tries = []

    class CountingLock(harvest_module.FolderLock):
        def acquire(self, *args, **kwargs):
            tries.append(self)
            return super().acquire(*args, **kwargs)
    monkeypatch.setattr(harvest_module, "FolderLock", CountingLock)
    with Store.open(folder) as store:
        store.start_run("killed", "2026-01-01T00:00:00Z", ["lacviet"])     # never finished
        close_interrupted(folder, store)
    assert len(tries) == 1
