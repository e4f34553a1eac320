"""The README's journeys, command after command, as a user chains them: every chain the README
shows is here, and each step checks what the next one relies on."""
from __future__ import annotations

import json
import re
import sqlite3
import textwrap
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

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
        for table in TABLES:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = sorted((tuple(zip(columns, r)) for r in rows), key=repr)
    finally:
        conn.close()
    frontier = []                   # the crawl state lives in the sites' shards
    for shard in sorted((folder / "shards").glob("*/dataset.sqlite")):
        conn = sqlite3.connect(shard)
        try:
            columns = [r[1] for r in conn.execute("PRAGMA table_info(frontier)")]
            frontier += [tuple(zip(columns, r)) for r in conn.execute("SELECT * FROM frontier")]
        finally:
            conn.close()
    out["frontier"] = sorted(frontier, key=repr)
    return out


def test_crawl_then_reparse_then_export_then_report(tmp_path, capsys):
    data = tmp_path / "data"
    with PortalServer(LacVietPortal()) as server:
        assert main(["crawl", server.url + "/", "-o", str(data), "--delay", "0",
                     "--allow-private"]) == 0
    assert list((data / "warc").rglob("*.warc.gz")), "crawl keeps a WARC archive"
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


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`govnews demo`, as `make demo` runs it: the 12 demo portals (republishing some of each
    other's articles) on 127.0.0.1, one port each, harvested twice; exports and report.html."""
    out = tmp_path_factory.mktemp("demo") / "demo-output"
    assert main(["demo", "-o", str(out), "--pause", "0.5"]) == 0
    return out


def test_demo_then_reparse_changes_nothing(demo, capsys):
    """The README's demo: 12 portals on 127.0.0.1, one port each (the case that once moved every
    article to one site), harvested twice, then reparsed twice."""
    out = demo
    assert len(set(govnews.load(out).articles.site)) == 12
    before = snapshot(out)
    assert main(["reparse", str(out)]) == 0
    assert snapshot(out) == before
    assert main(["reparse", str(out)]) == 0          # and again
    assert snapshot(out) == before
    capsys.readouterr()


def test_demo_stories_span_portals_from_their_origin(demo, capsys):
    """The demo portals republish some of each other's articles (re-headlined, the lead trimmed,
    "Theo <portal>", hours later): the demo dataset has stories spanning several sites, each
    starting at the portal that published it first, and report.html shows them."""
    from govnews.fixtures.portals import all_portals

    portals = {f"demo-{p.platform}": p for p in all_portals(readership=False)}
    site_of = {p.site_name: site for site, p in portals.items()}
    data = govnews.load(demo)
    articles = data.articles.set_index("article_id")
    copies = articles[articles["source"].isin(list(site_of))]       # "Theo <another demo portal>"
    assert len(copies) >= 40
    assert main(["stories", str(demo), "--min-sites", "2", "-o", str(demo / "stories.csv")]) == 0
    table = pd.read_csv(demo / "stories.csv")
    assert len(table) >= 10 and (table["sites"] >= 2).all() and table["sites"].max() >= 3
    for story in table.itertuples():
        members = articles[articles["story_id"] == story.story_id]
        origin = articles.loc[story.origin_article_id]
        assert origin["source"] not in site_of, story.origin_headline             # the original, not a copy
        assert (members["published_at"] >= origin["published_at"]).all()        # published first
        republished = members.drop(story.origin_article_id)
        assert (republished["source"].map(site_of) == origin["site"]).all()      # each copy names its origin
        assert not (republished["headline"] == origin["headline"]).any()         # re-headlined
    for copy in copies.itertuples():                                             # no copy lost its story
        origin_site = site_of[copy.source]
        assert origin_site in set(articles.loc[articles["story_id"] == copy.story_id, "site"]), copy.headline
    tree = lxml.html.document_fromstring((demo / "report.html").read_bytes())
    [section] = tree.xpath("//section[@class='stories']")
    rows = section.xpath(".//tbody/tr")
    assert len(rows) == min(10, len(table)) and section.xpath(".//img")
    shown = [tr.xpath("td")[1].text_content() for tr in rows]
    assert shown == table["origin_headline"].head(len(rows)).tolist()
    assert [int(tr.xpath("td")[4].text_content()) for tr in rows] == table["sites"].head(len(rows)).tolist()
    capsys.readouterr()


def test_report_and_stories_read_an_export_folder(demo, tmp_path, capsys):
    """README: "`load` reads a dataset folder or an export folder in any format" and "an export
    folder gets the report without that section": `report` and `stories` take an export folder
    (they refused one without dataset.sqlite: exit 2), with the dataset's stories; commands that
    need the dataset itself say so in one line."""
    assert main(["stories", str(demo), "--min-sites", "2", "-o", str(tmp_path / "from-dataset.csv")]) == 0
    stamps = pd.read_csv(tmp_path / "from-dataset.csv", dtype=str)["first_published_at"].dropna()
    assert len(stamps) and stamps.str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00").all()   # ISO, as exports
    for fmt in ("csv", "parquet"):
        exported = tmp_path / f"export-{fmt}"
        assert main(["export", str(demo), "--format", fmt, "-o", str(exported)]) == 0
        assert main(["report", str(exported), "-o", str(tmp_path / f"report-{fmt}.html")]) == 0
        tree = lxml.html.document_fromstring((tmp_path / f"report-{fmt}.html").read_bytes())
        assert tree.xpath("//section[@class='stories']//tbody/tr")
        assert main(["stories", str(exported), "--min-sites", "2", "-o", str(tmp_path / f"{fmt}.csv")]) == 0
        pd.testing.assert_frame_equal(pd.read_csv(tmp_path / f"{fmt}.csv"), pd.read_csv(tmp_path / "from-dataset.csv"))
        capsys.readouterr()
        assert main(["reparse", str(exported)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "export folder" in err[0] and "dataset.sqlite" in err[0], err


def test_load_export_and_report_while_a_harvest_runs(tmp_path, capsys, monkeypatch):
    """An analyst opens the dataset (load, export, report) while the night's harvest is still
    running: every reader answers at once with what is committed so far (the running shards'
    pages included), never waiting for the harvest's locks, and the harvest ends as usual."""
    import subprocess
    import sys
    import time

    cfg = tmp_path / "sites.toml"
    data = tmp_path / "data"
    with PortalServer(LacVietPortal()) as one:
        def config(delay: float) -> None:
            cfg.write_text(textwrap.dedent(f"""\
                [harvest]
                output = "{data}"
                delay = {delay}
                allow_private = true
                [reobserve]
                window_days = 3650
                sample_older = 5
                [[sites]]
                name = "baclieu"
                start_urls = ["{one.url}/"]
                """), encoding="utf-8")
        config(0.0)
        assert main(["harvest", "-c", str(cfg)]) == 0
        first = govnews.load(data)
        config(0.25)                                   # the second night runs slowly
        harvest = subprocess.Popen([sys.executable, "-m", "govnews", "harvest", "-c", str(cfg)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        running = lambda: harvest.poll() is None               # noqa: E731
        try:
            seen = first
            for _ in range(400):                       # bounded: at most ~40 s
                seen = govnews.load(data)
                if len(seen.observations) > len(first.observations) or not running():
                    break
                time.sleep(0.1)
            assert running(), "the reader waited for the harvest to end"
            assert len(seen.observations) > len(first.observations)   # this run's pages, unmerged
            monkeypatch.chdir(tmp_path)
            assert main(["export", str(data), "--format", "csv", "-o", str(tmp_path / "mid")]) == 0
            assert main(["report", str(data)]) == 0    # default: DIR/report.html
            assert running()
        finally:
            out, err = harvest.communicate(timeout=120)
    assert harvest.returncode == 0, err.decode()
    assert (data / "report.html").stat().st_size > 10_000
    assert not (tmp_path / "report.html").exists()
    mid = pd.read_csv(tmp_path / "mid" / "articles.csv")
    assert len(mid) == len(first.articles)
    final = govnews.load(data)
    assert final.runs.status.tolist() == ["ok", "ok"]
    assert final.observations.groupby("article_id").size().max() == 2
    assert not final.observations.duplicated(["article_id", "run_id"]).any()
    capsys.readouterr()


def test_the_readmes_python_block_runs_as_printed(demo, tmp_path, monkeypatch):
    """README, 'In Python (a notebook)': the block runs as printed, in a folder holding the demo's
    output and a saved page (a new user found `url="https://..."` and a plot of one day)."""
    import warnings

    import matplotlib
    matplotlib.use("Agg")
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    block = re.search(r"## In Python \(a notebook\).*?```python\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "demo-output").symlink_to(demo, target_is_directory=True)
    (tmp_path / "fixtures").symlink_to(Path(__file__).resolve().parent.parent / "fixtures",
                                       target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)      # (a plot of one point warned)
        scope: dict = {}
        exec(compile(block, "README.md", "exec"), scope)
    assert scope["rec"]["url"].startswith("https://thanhphobaclieu.baclieu.gov.vn/")
    assert scope["daily"].shape[0] >= 2 and len(scope["df"]) == 1


def test_make_demo_twice_starts_afresh_and_keeps_the_first(demo, tmp_path, capsys):
    """A new user's walk: `make demo` run a second time merged the restarted portals' articles
    (new ports, counters low) into the first demo's, recording their views falling. The second
    demo now starts from an empty dataset; the first is kept beside it as `<folder>.previous`."""
    import shutil

    out = tmp_path / "demo-output"
    shutil.copytree(demo, out)
    first = snapshot(out)
    assert main(["demo", "-o", str(out), "--pause", "0.5"]) == 0
    assert "the earlier demo is in" in capsys.readouterr().out
    assert snapshot(tmp_path / "demo-output.previous") == first
    data = govnews.load(out)
    assert len(set(data.articles.site)) == 12
    assert data.articles.url.is_unique
    obs = data.observations.dropna(subset=["view_count"]).sort_values("observed_at")
    falling = obs.groupby("article_id").view_count.diff().dropna()
    assert (falling >= 0).all(), obs[obs.index.isin(falling[falling < 0].index)]


def test_demo_refuses_a_folder_holding_another_dataset(tmp_path, capsys):
    """A folder holding a dataset whose sites are not the demo's is never mixed with the demo:
    one line, exit 2, nothing changed."""
    from govnews.output.store import Store

    out = tmp_path / "mine"
    with Store.open(out) as store:
        store.save_sites("run-1", [{"name": "xa-tan-phu", "start_urls": ["https://xatanphu.example.gov.vn/"]}])
    before = sorted(p.name for p in out.iterdir())
    assert main(["demo", "-o", str(out), "--pause", "0.5"]) == 2
    err = capsys.readouterr().err
    assert "not a demo" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == before
    assert not (tmp_path / "mine.previous").exists()


def test_the_tours_parse_lines_run_as_printed(tmp_path):
    """README, 'A tour of the command line': its `govnews parse` lines name files the repository
    ships (a new user's walk, session 22: the tour's `saved-page.html` and `pages/` did not exist),
    and run as printed from the clone's root."""
    import shlex
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text("utf-8")
    tour = re.search(r"## A tour of the command line\n+```sh\n(.*?)```", readme, re.S).group(1)
    lines = [line.split("  #")[0].strip() for line in tour.splitlines() if line.startswith("govnews parse ")]
    assert len(lines) == 3
    records = []
    for line in lines:
        argv = shlex.split(line.split(">")[0])
        done = subprocess.run([sys.executable, "-m", "govnews", *argv[1:]], cwd=root, capture_output=True,
                              timeout=300)
        assert done.returncode == 0, (line, done.stderr.decode()[-500:])
        records.append(done.stdout.decode("utf-8"))
    one = json.loads(records[0])
    assert one["headline"] == "Triển khai kế hoạch Ngày hội toàn dân Bảo vệ an ninh Tổ quốc năm 2020"
    assert one["url"].startswith("https://thanhphobaclieu.baclieu.gov.vn/")
    assert one["view_count"] == 122 and one["author"] == "Nguyễn Thanh"
    folder = [json.loads(x) for x in records[1].splitlines()]
    assert len(folder) == 156 and all(r.get("headline") for r in folder)
    assert json.loads(records[2])["headline"] == one["headline"]
