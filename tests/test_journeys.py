"""The README's journeys, command after command, as a user chains them: every chain the README
shows is here, and each step checks what the next one relies on."""
from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import pandas as pd

import govnews
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.scraper.cli import main

TABLES = ("articles", "observations", "site_counters", "runs")


def snapshot(folder: Path) -> dict[str, list[tuple]]:
    """Every row of every record table, in a stable order: what 'nothing changed' compares."""
    conn = sqlite3.connect(folder / "dataset.sqlite")
    try:
        out = {}
        for table in TABLES + ("frontier",):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = sorted((tuple(zip(columns, r)) for r in rows), key=repr)
        return out
    finally:
        conn.close()


def test_crawl_then_reparse_then_export_then_report(tmp_path, capsys):
    data = tmp_path / "data"
    with PortalServer(LacVietPortal()) as server:
        assert main(["crawl", server.url + "/", "-o", str(data), "--delay", "0",
                     "--allow-private"]) == 0
    assert list((data / "warc").glob("*.warc.gz")), "crawl keeps a WARC archive"
    assert (data / "logs" / "runs.jsonl").is_file()
    crawled = snapshot(data)
    assert main(["reparse", str(data)]) == 0
    assert snapshot(data)["articles"] == crawled["articles"]
    assert main(["export", str(data), "--format", "csv", "--format", "jsonl", "-o",
                 str(tmp_path / "export")]) == 0
    exported = pd.read_csv(tmp_path / "export" / "articles.csv")
    assert len(exported) == len(LacVietPortal().articles())
    assert main(["report", str(data), "-o", str(tmp_path / "report.html")]) == 0
    html = (tmp_path / "report.html").read_text("utf-8")
    assert "<img" in html or "<svg" in html
    capsys.readouterr()


def test_harvest_twice_then_report(tmp_path, capsys):
    cfg = tmp_path / "sites.toml"
    with PortalServer(LacVietPortal()) as one, PortalServer(NukeVietPortal()) as two:
        cfg.write_text(textwrap.dedent(f"""\
            [harvest]
            output = "{tmp_path / 'data'}"
            delay = 0.0
            allow_private = true
            [reobserve]
            window_days = 3650
            sample_older = 5
            [[sites]]
            name = "baclieu"
            start_urls = ["{one.url}/"]
            [[sites]]
            name = "nukeviet"
            start_urls = ["{two.url}/"]
            """), encoding="utf-8")
        assert main(["harvest", "-c", str(cfg)]) == 0
        assert main(["harvest", "-c", str(cfg)]) == 0
    data = govnews.load(tmp_path / "data")
    assert set(data.articles.site) == {"baclieu", "nukeviet"}
    assert data.runs.status.tolist() == ["ok", "ok"]
    assert data.observations.groupby("article_id").size().max() == 2
    assert main(["report", str(tmp_path / "data"), "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").stat().st_size > 10_000
    # every article belongs to a story (most to a story of one)
    assert data.articles.story_id.notna().all()
    assert main(["stories", str(tmp_path / "data"), "--min-sites", "1", "-o",
                 str(tmp_path / "stories.csv")]) == 0
    table = pd.read_csv(tmp_path / "stories.csv")
    assert len(table) == data.articles.story_id.nunique()
    assert main(["stories", str(tmp_path / "data")]) == 0          # printed, 2+ sites
    assert govnews.stories(data, min_sites=1).shape[0] == len(table)
    capsys.readouterr()


def test_demo_then_reparse_changes_nothing(tmp_path, capsys):
    """The README's demo: 12 portals on 127.0.0.1, one port each (the case that once moved every
    article to one site), harvested twice, then reparsed twice."""
    out = tmp_path / "demo"
    assert main(["demo", "-o", str(out), "--pause", "0.5"]) == 0
    assert len(set(govnews.load(out).articles.site)) == 12
    before = snapshot(out)
    assert main(["reparse", str(out)]) == 0
    assert snapshot(out) == before
    assert main(["reparse", str(out)]) == 0          # and again
    assert snapshot(out) == before
    capsys.readouterr()
