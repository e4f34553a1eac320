"""Scheduled harvests against the Lạc Việt demo portal: incremental runs, observations, the lock,
crash safety, bad configs, the archive and reparse."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load
from govnews.scraper.cli import main

ROOT = Path(__file__).resolve().parent.parent
WINDOW_DAYS = 700


def write_config(path: Path, url: str, out: Path, **extra: str) -> Path:
    harvest_extra = "".join(f"{k} = {v}\n" for k, v in extra.items())
    path.write_text(textwrap.dedent(f"""\
        [harvest]
        output = "{out}"
        delay = 0.0
        allow_private = true
        contact = "tests@localhost"
        {harvest_extra}
        [reobserve]
        window_days = {WINDOW_DAYS}
        sample_older = 0

        [[sites]]
        name = "baclieu-city"
        start_urls = ["{url}/"]
        """), encoding="utf-8")
    return path


def article_gets(paths: list[str]) -> list[str]:
    return [p.lower().split("itemid=")[1].split("&")[0] for p in paths if "mode=1" in p.lower()
            and "itemid=" in p.lower()]


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("harvest")
    out = tmp / "data"
    portal = LacVietPortal()
    with PortalServer(portal) as server:
        config = write_config(tmp / "sites.toml", server.url, out)
        first_code = main(["harvest", "-c", str(config)])
        first_paths = server.paths()
        time.sleep(1.1)
        del server.requests[:]
        second_code = main(["harvest", "-c", str(config)])
        second_paths = server.paths()
    return portal, out, first_code, second_code, first_paths, second_paths


def in_window(portal) -> set[str]:
    since = datetime.now() - timedelta(days=WINDOW_DAYS)
    return {a.key for a in portal.articles() if a.published >= since}


def test_first_harvest_collects_every_article(two_runs):
    portal, out, code, *_ = two_runs
    assert code == 0
    data = load(out)
    assert len(data.articles) == len(portal.articles())
    assert len(data.runs) == 2 and set(data.runs.status) == {"ok"}


def test_second_harvest_fetches_only_articles_in_the_window(two_runs):
    portal, _, _, code, _, second = two_runs
    assert code == 0
    assert set(article_gets(second)) == in_window(portal)
    assert len(article_gets(second)) == len(set(article_gets(second)))


def test_second_harvest_reports_no_new_articles(two_runs):
    _, out, *_ = two_runs
    runs = load(out).runs.sort_values("started_at")
    assert list(runs.articles_new) == [40, 0]


def test_observations_grow_between_runs(two_runs):
    portal, out, *_ = two_runs
    obs = load(out).observations
    assert obs.groupby("run_id").size().sort_index().tolist()[0] == len(portal.articles())
    per_article = obs.sort_values("observed_at").groupby("article_id").view_count.agg(list)
    twice = per_article[per_article.map(len) == 2]
    assert len(twice) == len(in_window(portal))
    assert all(b > a for a, b in twice)


def test_site_counters_one_row_per_run_and_growing(two_runs):
    _, out, *_ = two_runs
    counters = load(out).site_counters.sort_values("observed_at")
    assert len(counters) == 2
    assert counters.total.iloc[1] > counters.total.iloc[0]


def test_per_run_exports_and_logs(two_runs):
    _, out, *_ = two_runs
    runs = sorted((out / "runs").iterdir())
    assert len(runs) == 2
    assert (runs[0] / "articles.csv").exists() and (runs[1] / "observations.jsonl").exists()
    assert len((out / "logs" / "runs.jsonl").read_text().splitlines()) == 2


def test_warc_archive_is_valid_and_holds_every_article(two_runs):
    portal, out, *_ = two_runs
    warcs = sorted((out / "warc").rglob("*.warc.gz"))
    assert warcs and not list((out / "warc").rglob("*.open"))
    warcio = Path(sys.executable).with_name("warcio")
    check = subprocess.run([str(warcio), "check", *map(str, warcs)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    index = subprocess.run([str(warcio), "index", str(warcs[0])], capture_output=True, text=True)
    assert index.returncode == 0 and '"warc-type": "response"' in index.stdout
    from govnews.scraper.archive import iter_archived
    urls = {r.url.lower() for r in iter_archived(out / "warc")}
    ids = {u.split("itemid=")[1].split("&")[0] for u in urls if "itemid=" in u and "mode=1" in u}
    assert ids == {a.key for a in portal.articles()}


def test_reparse_rebuilds_the_records_offline(two_runs, tmp_path, capsys):
    import shutil
    _, out, *_ = two_runs
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    before = load(copy).articles.set_index("article_id").sort_index()
    import sqlite3
    with sqlite3.connect(copy / "dataset.sqlite") as conn:
        conn.execute("DELETE FROM articles")
    assert main(["reparse", str(copy)]) == 0
    assert "reparsed" in capsys.readouterr().out
    after = load(copy).articles.set_index("article_id").sort_index()
    fields = ["url", "site", "platform", "category", "headline", "summary", "published_at",
              "body", "author", "source", "view_count", "visitor_counter", "images",
              "attachments", "content_sha256"]
    assert list(after.index) == list(before.index)
    for field in fields:
        assert after[field].tolist() == before[field].tolist(), field


def test_concurrent_harvest_exits_75(tmp_path):
    portal = LacVietPortal()
    out = tmp_path / "data"
    with PortalServer(portal, latency=0.05) as server:
        config = write_config(tmp_path / "sites.toml", server.url, out)
        first = subprocess.Popen([sys.executable, "-m", "govnews", "harvest", "-c", str(config)],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        while len(server.requests) < 3 and time.time() < deadline:
            time.sleep(0.01)
        second = subprocess.run([sys.executable, "-m", "govnews", "harvest", "-c", str(config)],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        first.kill()
        first.wait()
    assert second.returncode == 75
    assert second.stdout == "" and second.stderr.count("\n") == 1
    assert "pid" in second.stderr and "lock" in second.stderr


def test_harvest_killed_then_rerun(tmp_path):
    portal = LacVietPortal()
    out = tmp_path / "data"
    with PortalServer(portal, latency=0.01) as server:
        config = write_config(tmp_path / "sites.toml", server.url, out)
        cmd = [sys.executable, "-m", "govnews", "harvest", "-c", str(config)]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while len(article_gets(server.paths())) < 10 and time.time() < deadline:
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert rerun.returncode == 0, rerun.stderr
    data = load(out)
    assert len(data.articles) == len(portal.articles()) and data.articles.url.is_unique
    assert not data.observations.duplicated(["article_id", "run_id"]).any()
    from govnews.scraper.archive import iter_archived
    assert sum(1 for _ in iter_archived(out / "warc")) > 0     # the killed run's .open file reads


def test_quiet_under_cron(tmp_path):
    portal = LacVietPortal()
    with PortalServer(portal) as server:
        config = write_config(tmp_path / "sites.toml", server.url, tmp_path / "data")
        done = subprocess.run([sys.executable, "-m", "govnews", "harvest", "-c", str(config)],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.count("\n") == 1 and done.stdout.startswith("harvested 40 articles")


@pytest.mark.parametrize("body,needle", [
    ("[harvest]\ndelay = 1\n", "missing key 'sites'"),
    ("[[sites]]\nstart_urls = ['http://a.gov.vn/']\n", "missing key 'name'"),
    ("[[sites]]\nname = 'a'\nstart_urls = ['http://a.gov.vn/']\nspeed = 3\n", "unknown key 'speed'"),
    ("[harvest]\ndelai = 1\n[[sites]]\nname = 'a'\nstart_urls = ['http://a.gov.vn/']\n", "unknown key 'delai'"),
    ("[harvest]\ndelay = 'fast'\n[[sites]]\nname = 'a'\nstart_urls = ['http://a.gov.vn/']\n", "delay must be a number"),
    ("[[sites]]\nname = 'a'\nstart_urls = 'http://a.gov.vn/'\n", "start_urls must be a list"),
    ("[[sites]]\nname = 'a'\nstart_urls = ['ftp://a.gov.vn/']\n", "http(s) URLs"),
    ("[[sites]]\nname = 'a'\nprofile = 'nope'\nstart_urls = ['http://a.gov.vn/']\n", "unknown profile 'nope'"),
    ("this is = = not toml", "invalid TOML"),
])
def test_bad_config_is_one_line_exit_2(tmp_path, capsys, body, needle):
    path = tmp_path / "sites.toml"
    path.write_text(body, encoding="utf-8")
    code = main(["harvest", "-c", str(path), "-o", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and needle in err


def test_unreadable_config_paths(tmp_path, capsys):
    assert main(["harvest", "-c", str(tmp_path / "missing.toml")]) == 2
    assert "no such config file" in capsys.readouterr().err
    assert main(["harvest", "-c", str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert main(["harvest", "-c", str(binary)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_a_first_harvest_pages_on_past_listings_of_articles_it_just_stored(tmp_path):
    """Incremental paging stops at a listing page showing only articles the dataset had before
    the run, never at one showing articles this run stored: a category whose page 1 shows only
    what the home page linked still has older pages to read (the demo's Quảng Ninh "Chính trị"
    and Hải Phòng "Tin tức - Sự kiện" lost 8 articles that way)."""
    from govnews.fixtures.portals import all_portals
    from govnews.output import load
    from govnews.scraper.config import config_from_dict
    from govnews.scraper.harvest import harvest

    portals = [p for p in all_portals(republished=True)
               if p.platform in ("sharepoint_quangninh", "aspnet_haiphong")]
    servers = [PortalServer(p).start() for p in portals]
    try:
        out = tmp_path / "data"
        result = harvest(config_from_dict({
            "harvest": {"output": str(out), "delay": 0.0, "allow_private": True},
            "sites": [{"name": p.platform, "start_urls": [s.url + "/"]}
                      for p, s in zip(portals, servers)]}), out)
    finally:
        for server in servers:
            server.stop()
    assert result.status == "ok"
    found = load(out).articles.groupby("site").size().to_dict()
    assert found == {p.platform: len(p.served_articles()) for p in portals}


@pytest.mark.parametrize("parent, child, same", [
    ("http://h/tin-tuc/", "http://h/tin-tuc/page/2/", True),
    ("http://h/TinTuc.aspx?dmid=2", "http://h/TinTuc.aspx?dmid=2&Page=2", True),
    ("http://h/tin-tuc/trang-1.html", "http://h/tin-tuc/trang-2.html", True),
    ("http://h/", "http://h/?page=2", True),
    ("http://h/", "http://h/Portal/Default.aspx?MenuID=4870", False),     # a menu link
    ("http://h/", "http://h/tin-tuc/page/2/", False),
    ("http://h/tin-tuc/", "http://other/tin-tuc/page/2/", False),
    ("http://h/tin-tuc/", "http://h/van-ban/", False),
])
def test_pager_links_of_the_same_listing(parent, child, same):
    from govnews.scraper.committing import same_listing
    assert same_listing(parent, child) is same
