"""A crawl of the Lạc Việt demo portal, end to end, on 127.0.0.1."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load
from govnews.scraper.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _item_ids(urls) -> set[str]:
    return {u.split("itemid=")[1].split("&")[0] for u in urls}


def _disallowed(path: str) -> bool:
    low = path.lower()
    return low.startswith("/tintuc/_layouts/") or low.startswith("/tintuc/lists/posts/search.aspx")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    out = tmp_path_factory.mktemp("crawl")
    portal = LacVietPortal()
    with PortalServer(portal) as server:
        code = main(["crawl", server.url + "/", "-o", str(out), "--delay", "0", "--allow-private"])
        paths = server.paths()
        methods = [r.method for r in server.requests]
    return portal, out, code, paths, methods


def test_crawl_exit_code_and_files(crawled):
    _, out, code, _, _ = crawled
    assert code == 0
    for name in ("articles.csv", "articles.jsonl", "observations.csv"):
        assert (out / name).stat().st_size > 0


def test_every_article_exactly_once(crawled):
    portal, out, *_ = crawled
    articles = pd.read_csv(out / "articles.csv")
    assert len(articles) == len(portal.articles())
    assert articles.url.is_unique
    assert _item_ids(articles.url) == {a.key for a in portal.articles()}


def test_postback_only_category_is_crawled(crawled):
    portal, out, _, _, methods = crawled
    articles = pd.read_csv(out / "articles.csv")
    assert "POST" in methods
    postback_only = {a.key for a in portal.articles() if a.category == "Chỉ đạo điều hành"}
    assert postback_only <= _item_ids(articles.url)


def test_robots_disallowed_paths_never_requested(crawled):
    _, _, _, paths, _ = crawled
    assert "/robots.txt" in paths
    assert [p for p in paths if _disallowed(p)] == []


def test_no_article_page_fetched_twice(crawled):
    _, _, _, paths, methods = crawled
    article_gets = [p.lower() for p, m in zip(paths, methods) if m == "GET" and "mode=1" in p.lower()]
    ids = Counter(p.split("itemid=")[1].split("&")[0] for p in article_gets)
    assert [i for i, n in ids.items() if n > 1] == []


def test_print_views_and_calendar_not_followed(crawled):
    _, _, _, paths, _ = crawled
    assert not [p for p in paths if "print.aspx" in p.lower() or "mode=3" in p.lower()]


def test_load_gives_typed_frames(crawled):
    portal, out, *_ = crawled
    data = load(out)
    assert len(data.articles) == len(portal.articles())
    assert str(data.articles.published_at.dtype).startswith("datetime64")
    assert data.articles.published_at.dt.tz is not None
    assert str(data.articles.view_count.dtype) == "Int64"
    assert str(data.observations.view_count.dtype) == "Int64"
    seed = data.articles[data.articles.url.str.contains("itemid=8861")].iloc[0]
    assert seed.view_count == 122
    assert seed.author == "Nguyễn Thanh"


def test_second_crawl_sees_higher_view_counts(tmp_path):
    portal = LacVietPortal()
    with PortalServer(portal) as server:
        assert main(["crawl", server.url + "/", "-o", str(tmp_path / "a"), "--delay", "0",
                     "--allow-private"]) == 0
        assert main(["crawl", server.url + "/", "-o", str(tmp_path / "b"), "--delay", "0",
                     "--allow-private"]) == 0
    first = pd.read_csv(tmp_path / "a" / "articles.csv").set_index("url").view_count
    second = pd.read_csv(tmp_path / "b" / "articles.csv").set_index("url").view_count
    assert (second.loc[first.index] > first).all()


def test_sigkill_mid_crawl_then_resume(tmp_path):
    portal = LacVietPortal()
    out = tmp_path / "out"
    with PortalServer(portal, latency=0.02) as server:
        cmd = [sys.executable, "-m", "govnews", "crawl", server.url + "/", "-o", str(out),
               "--delay", "0.02", "--allow-private"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while time.time() < deadline and \
                sum("mode=1" in p.lower() for p in server.paths()) < 8:
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        done_before = len(load(out).articles)
        assert 0 < done_before < len(portal.articles())
        resumed = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert resumed.returncode == 0, resumed.stderr
    data = load(out)
    assert len(data.articles) == len(portal.articles())
    assert data.articles.url.is_unique
    assert _item_ids(data.articles.url) == {a.key for a in portal.articles()}
    per_article = data.observations.groupby("article_id").size()
    assert (per_article == 1).all()
