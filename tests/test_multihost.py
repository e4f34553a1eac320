"""Several portals crawled at once (one thread per host, each host polite), killed with SIGKILL
and resumed: nothing lost, nothing duplicated; one slow host does not stall the others."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govnews.fixtures.portals.aspnet_custom import PostDatePortal
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load

ROOT = Path(__file__).resolve().parent.parent


def _servers(latencies):
    portals = [LacVietPortal(), NukeVietPortal(), PostDatePortal()]
    servers = []
    for i, (portal, latency) in enumerate(zip(portals, latencies)):
        try:
            servers.append(PortalServer(portal, host=f"127.0.0.{i + 2}", latency=latency).start())
        except OSError:
            for s in servers:
                s.stop()
            pytest.skip("this machine does not route 127.0.0.x to loopback")
    return portals, servers


def _article_count(servers) -> int:
    return sum(len(s.portal.articles()) for s in servers)


def test_sigkill_and_resume_across_hosts(tmp_path):
    portals, servers = _servers([0.01, 0.01, 0.01])
    out = tmp_path / "out"
    try:
        cmd = [sys.executable, "-m", "govnews", "crawl", *(s.url + "/" for s in servers),
               "-o", str(out), "--delay", "0.02", "--allow-private"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline and sum(len(s.requests) for s in servers) < 60:
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        before = len(load(out).articles)
        resumed = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=180)
        assert resumed.returncode == 0, resumed.stderr
    finally:
        for s in servers:
            s.stop()
    data = load(out)
    assert before < _article_count(servers)
    assert len(data.articles) == _article_count(servers)
    assert data.articles.url.is_unique
    assert set(data.articles.site) == {f"127.0.0.{i + 2}:{s.port}" for i, s in enumerate(servers)}
    assert not data.observations.duplicated(["article_id"]).any()


def test_slow_host_does_not_stall_the_others(tmp_path):
    portals, servers = _servers([0.3, 0.0, 0.0])
    try:
        from govnews.output.store import Store
        from govnews.scraper.crawl import Crawl, CrawlSettings, Site
        from govnews.scraper.http import HttpSettings
        store = Store.open(tmp_path / "out")
        sites = [Site(f"site{i}", [s.url + "/"], allow_private=True) for i, s in enumerate(servers)]
        settings = CrawlSettings(delay=0.0, http=HttpSettings(allow_private=True))
        summary = Crawl(store, sites, settings, "run-1").run()
        store.close()
        finished = {s.portal.platform: max(r.at for r in s.requests) for s in servers}
        started = min(r.at for s in servers for r in s.requests)
    finally:
        for s in servers:
            s.stop()
    assert summary.error_count == 0
    slow, fast = finished["lacviet"], max(finished["nukeviet"], finished["aspnet_postdate"])
    # the fast hosts finish long before the slow one: they were crawled in parallel with it
    assert fast - started < (slow - started) / 2
