"""`govnews reparse`: faithful to the crawl (sites, article pages, profiles, duplicates) and
idempotent, with dry runs, a new dataset (`into=`), errors for damaged WARC files; and the
store's additions it relies on (new columns and their migration, the sites table, interrupted
runs)."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from govnews.fixtures.portal import Request as PortalRequest
from govnews.fixtures.portal import Response as PortalResponse
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.liferay import LiferayPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load
from govnews.output.store import DB_NAME, Store, StoreError
from govnews.scraper import reparse as reparse_module
from govnews.scraper.archive import SqliteDigests, WarcArchive
from govnews.scraper.crawl import Crawl, CrawlSettings, Site, host_of
from govnews.scraper.http import HttpSettings
from govnews.scraper.records import utc_now
from govnews.scraper.reparse import reparse


# -- crawling a fixture into a dataset, as a harvest does -------------------------------------------
def crawl_run(folder: Path, sites: list[Site], run_id: str,
              reobserve: dict[str, list[str]] | None = None) -> None:
    with Store.open(folder) as store:
        store.start_run(run_id, utc_now(), [s.name for s in sites])
        store.save_sites(run_id, [{"name": s.name, "start_urls": s.start_urls,
                                   "profile": s.profile, "hosts": sorted(s.hosts())}
                                  for s in sites])
        archive = WarcArchive(folder / "warc", run_id=run_id,
                              digests=SqliteDigests(store.conn, store.lock))
        settings = CrawlSettings(delay=0.0, http=HttpSettings(allow_private=True))
        try:
            summary = Crawl(store, sites, settings, run_id, archive=archive,
                            reobserve=reobserve).run()
        finally:
            archive.close()
        store.finish_run({"run_id": run_id, "finished_at": utc_now(), "status": "ok",
                          "pages_fetched": summary.pages_fetched,
                          "articles_new": summary.articles_new,
                          "articles_changed": summary.articles_changed,
                          "observations": summary.observations,
                          "errors": summary.error_count})
    assert summary.error_count == 0, summary.error_lines


def reobserve_all(folder: Path) -> dict[str, list[str]]:
    urls: dict[str, list[str]] = {}
    with sqlite3.connect(folder / DB_NAME) as conn:
        for site, url in conn.execute("SELECT site, url FROM articles ORDER BY rowid"):
            urls.setdefault(site, []).append(url)
    return urls


def snapshot(folder: Path) -> dict[str, list[tuple]]:
    """Every row of every table (the crawl's own included), in rowid order."""
    conn = sqlite3.connect(Path(folder, DB_NAME).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {}
        for t in tables:
            try:
                out[t] = conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            except sqlite3.OperationalError:      # a WITHOUT ROWID table (the story index)
                out[t] = sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def rows_by_id(folder: Path, table: str = "articles") -> dict:
    """Every column of a table's rows (the store's own included), keyed by the row's identity."""
    key = ("article_id",) if table == "articles" else ("article_id", "run_id")
    conn = sqlite3.connect(Path(folder, DB_NAME))
    conn.row_factory = sqlite3.Row
    try:
        return {tuple(r[k] for k in key) if len(key) > 1 else r[key[0]]: dict(r)
                for r in conn.execute(f"SELECT * FROM {table}")}
    finally:
        conn.close()


def file_bytes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def execute(folder: Path, sql: str, params: tuple = ()) -> int:
    with sqlite3.connect(folder / DB_NAME) as conn:
        count = conn.execute(sql, params).rowcount
    conn.close()
    return count


def copy_of(source: Path, tmp_path: Path, name: str = "copy") -> Path:
    target = tmp_path / name
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="module")
def lacviet_data(tmp_path_factory):
    """Two runs over the Lạc Việt portal: every article captured twice (view counts grow)."""
    folder = tmp_path_factory.mktemp("reparse") / "data"
    portal = LacVietPortal()
    with PortalServer(portal) as server:
        sites = [Site("baclieu-city", [server.url + "/"], allow_private=True)]
        crawl_run(folder, sites, "20240501T020000000Z-1")
        crawl_run(folder, sites, "20240502T020000000Z-1", reobserve=reobserve_all(folder))
    return portal, folder


# -- the crawl's records as reparse relies on them ----------------------------------------------------
def test_observations_point_at_their_warc_records(lacviet_data):
    portal, folder = lacviet_data
    data = load(folder)
    assert len(data.articles) == len(portal.articles())
    assert len(data.observations) == 2 * len(portal.articles())
    assert set(data.articles.published_precision.dropna()) <= {"minute", "day"}
    assert data.articles.published_precision.notna().any()
    names = {p.name for p in (folder / "warc").iterdir()}
    obs = data.observations
    assert obs.warc_filename.notna().all() and obs.warc_record_id.str.startswith("<urn:uuid:").all()
    assert set(obs.warc_filename) <= names and not any(n.endswith(".open") for n in names)
    assert obs.fetched_url.notna().all() and obs.final_url.notna().all()
    from govnews.scraper.archive import iter_archived
    by_id = {a.record_id: a for a in iter_archived(folder / "warc")}
    for row in obs.itertuples():
        archived = by_id[row.warc_record_id]
        assert archived.warc_file == row.warc_filename and archived.url == row.final_url


# -- idempotent -------------------------------------------------------------------------------------
def test_reparse_of_an_untouched_crawl_changes_nothing(lacviet_data, tmp_path):
    portal, source = lacviet_data
    folder = copy_of(source, tmp_path)
    before = snapshot(folder)
    result = reparse(folder)
    assert result.errors == [] and result.unmatched == 0
    assert (result.new, result.changed, result.same) == (0, 0, len(portal.articles()))
    assert result.observations_changed == 0 and result.changes == []
    assert snapshot(folder) == before
    again = reparse(folder)
    assert (again.new, again.changed) == (0, 0) and snapshot(folder) == before


def test_deleted_articles_come_back_identical(lacviet_data, tmp_path, monkeypatch):
    """Every column (fetched_at, first_seen_at and the run included) rebuilt as the crawl wrote
    it, in small batches; a second reparse then changes nothing."""
    monkeypatch.setattr(reparse_module, "BATCH", 7)
    portal, source = lacviet_data
    folder = copy_of(source, tmp_path)
    before = rows_by_id(folder)
    execute(folder, "DELETE FROM articles")
    result = reparse(folder)
    assert result.errors == [] and result.new == len(portal.articles()) and result.changed == 0
    assert rows_by_id(folder) == before
    frozen = snapshot(folder)
    again = reparse(folder)
    assert (again.new, again.changed, again.same) == (0, 0, len(portal.articles()))
    assert snapshot(folder) == frozen


def test_listing_pages_never_become_articles(lacviet_data, tmp_path):
    """A page that parses as an article but that the crawl fetched as a listing (and never
    stored as an article) stays out; the same page known as an article comes back."""
    _, source = lacviet_data
    folder = copy_of(source, tmp_path)
    victim = execute(folder, "DELETE FROM articles WHERE rowid = (SELECT MIN(rowid) FROM articles)")
    assert victim == 1
    with sqlite3.connect(folder / DB_NAME) as conn:
        conn.execute("UPDATE frontier SET kind = 'listing' WHERE kind = 'article'")
        conn.execute("UPDATE observations SET warc_record_id = NULL, article_id = 'x' || article_id")
    conn.close()
    result = reparse(folder)
    assert result.new == 0 and result.not_articles > 0
    with sqlite3.connect(folder / DB_NAME) as conn:
        conn.execute("UPDATE frontier SET kind = 'article' WHERE kind = 'listing'")
    conn.close()
    assert reparse(folder).new == 1


# -- dry run, into --------------------------------------------------------------------------------
def test_dry_run_lists_changes_and_writes_nothing(lacviet_data, tmp_path):
    portal, source = lacviet_data
    folder = copy_of(source, tmp_path)
    original = rows_by_id(folder)
    first, second = sorted(original)[:2]
    execute(folder, "UPDATE articles SET headline = 'Sửa tay', view_count = 1 WHERE article_id = ?",
            (first,))
    execute(folder, "DELETE FROM articles WHERE article_id = ?", (second,))
    execute(folder, "UPDATE observations SET view_count = view_count + 1000"
                    " WHERE rowid = (SELECT MIN(rowid) FROM observations)")
    with Store.open(folder):                  # a clean close: the database file holds everything
        pass
    tampered, files = snapshot(folder), file_bytes(folder)
    result = reparse(folder, dry_run=True)
    assert snapshot(folder) == tampered and file_bytes(folder) == files
    assert not (folder / "harvest.lock").exists()
    changes = {(c.table, c.article_id): c for c in result.changes}
    assert changes[("articles", first)].status == "changed"
    assert set(changes[("articles", first)].fields) == {"headline", "view_count"}
    assert changes[("articles", second)].status == "new"
    assert [c.fields for c in result.changes if c.table == "observations"] == [["view_count"]]
    assert (result.new, result.changed, result.observations_changed) == (1, 1, 1)
    lines = result.change_lines()
    assert any(line.startswith("changed article ") and "headline" in line for line in lines)
    assert any(line.startswith("new article ") for line in lines)
    assert result.line().startswith("dry run, nothing written: reparsed")
    # the real run repairs what the dry run listed: every row as the crawl wrote it
    done = reparse(folder)
    assert (done.new, done.changed, done.observations_changed) == (1, 1, 1)
    assert done.change_lines() == []
    assert rows_by_id(folder) == original
    assert rows_by_id(folder, "observations") == rows_by_id(source, "observations")


def test_into_writes_a_new_dataset_and_leaves_the_original_untouched(lacviet_data, tmp_path):
    portal, source = lacviet_data
    folder = copy_of(source, tmp_path)
    execute(folder, "UPDATE articles SET body = 'hỏng' WHERE rowid = 1")
    with Store.open(folder):
        pass
    files = file_bytes(folder)
    target = tmp_path / "new"
    result = reparse(folder, into=target)
    assert result.into == target and (result.changed, result.new) == (1, 0)
    after = file_bytes(folder)
    assert {k: after[k] for k in files} == files
    assert set(after) - set(files) <= {"harvest.lock", "dataset.sqlite-wal", "dataset.sqlite-shm"}
    assert rows_by_id(target) == rows_by_id(source)
    assert sorted(p.name for p in (target / "warc").iterdir()) == \
        sorted(p.name for p in (folder / "warc").iterdir())
    assert reparse(target).changed == 0
    with pytest.raises(Exception, match="new or empty folder"):
        reparse(folder, into=target)
    with pytest.raises(Exception, match="exclude each other"):
        reparse(folder, into=tmp_path / "other", dry_run=True)
    from govnews.scraper.errors import LockHeld
    from govnews.scraper.harvest import DatasetLock
    with DatasetLock(folder), pytest.raises(LockHeld):      # a harvest is running there
        reparse(folder, into=tmp_path / "other")
    assert not (tmp_path / "other").exists()


# -- damaged archives -------------------------------------------------------------------------------
def test_truncated_warc_is_counted_as_an_error(lacviet_data, tmp_path, caplog):
    _, source = lacviet_data
    folder = copy_of(source, tmp_path)
    last = sorted((folder / "warc").rglob("*.warc.gz"))[-1]
    data = last.read_bytes()
    last.write_bytes(data[: len(data) * 2 // 3])
    result = reparse(folder)
    assert len(result.errors) == 1 and last.name in result.errors[0]
    assert "offset" in result.errors[0]
    assert any(last.name in r.getMessage() and "offset" in r.getMessage() for r in caplog.records)
    from govnews.scraper.cli import main
    assert main(["reparse", str(folder)]) == 1


# -- sites ----------------------------------------------------------------------------------------
class TwoPortals:
    """One server, two portals under different paths: NukeViet under /vi/ (and /), Liferay
    under /web/ and its own folders."""

    platform = "two"

    def __init__(self) -> None:
        self.nukeviet, self.liferay = NukeVietPortal(), LiferayPortal()

    def handle(self, request: PortalRequest) -> PortalResponse:
        path = request.path
        if path == "/robots.txt":
            return PortalResponse.text("User-agent: *\nDisallow: /admin/\nDisallow: /c/\n")
        if path.startswith(("/web/", "/documents/", "/image/", "/html/", "/bacson-theme/")):
            return self.liferay.handle(request)
        return self.nukeviet.handle(request)


def article_sites(folder: Path) -> dict[str, str]:
    return {row["url"]: row["site"] for row in rows_by_id(folder).values()}


def test_two_sites_on_one_address_different_ports(tmp_path):
    folder = tmp_path / "data"
    with PortalServer(LacVietPortal()) as one, PortalServer(NukeVietPortal()) as two:
        assert one.host == two.host and one.port != two.port
        sites = [Site("baclieu", [one.url + "/"], allow_private=True),
                 Site("donggiang", [two.url + "/"], allow_private=True)]
        crawl_run(folder, sites, "20240501T020000000Z-1")
    expected = article_sites(folder)
    assert {site for site in expected.values()} == {"baclieu", "donggiang"}
    for url, site in expected.items():
        assert host_of(url) == host_of((one if site == "baclieu" else two).url)
    before = snapshot(folder)
    assert reparse(folder).changes == [] and snapshot(folder) == before
    rows = rows_by_id(folder)
    execute(folder, "DELETE FROM articles")
    result = reparse(folder)
    assert result.new == len(expected) and article_sites(folder) == expected
    # every column as the crawl wrote it (the order of the rows may differ: two hosts were
    # crawled in parallel, so commit order and archive order interleave differently)
    assert rows_by_id(folder) == rows
    # the scope alone (no frontier, no observations) tells the two ports apart
    scope = reparse_module._Scope(sqlite3.connect(folder / DB_NAME), None)
    for url, site in expected.items():
        assert scope.site_for(url) == site


def test_two_sites_on_one_host_scoped_by_path(tmp_path):
    folder = tmp_path / "data"
    with PortalServer(TwoPortals()) as server:
        sites = [Site("donggiang", [server.url + "/vi/news/"], allow_private=True),
                 Site("bacson", [server.url + "/web/guest/"], allow_private=True)]
        crawl_run(folder, sites, "20240501T020000000Z-1")
    expected = article_sites(folder)
    nukeviet, liferay = NukeVietPortal(), LiferayPortal()
    assert len(expected) == len(nukeviet.articles()) + len(liferay.articles())
    for url, site in expected.items():
        path = url.split("://", 1)[1].split("/", 1)[1]
        assert site == ("donggiang" if path.startswith("vi/news/") else "bacson"), url
    platforms = {row["site"]: row["platform"] for row in rows_by_id(folder).values()}
    assert platforms == {"donggiang": "nukeviet", "bacson": "liferay"}
    before = snapshot(folder)
    assert reparse(folder).changes == [] and snapshot(folder) == before
    rows = rows_by_id(folder)
    execute(folder, "DELETE FROM articles")
    result = reparse(folder)
    assert result.errors == [] and article_sites(folder) == expected
    assert rows_by_id(folder) == rows
    scope = reparse_module._Scope(sqlite3.connect(folder / DB_NAME), None)
    for url, site in expected.items():
        assert scope.site_for(url) == site
    assert scope.site_for(server.url + "/") is None          # "/" belongs to neither by path


def test_sites_table_and_config_give_scope_and_forced_profiles(tmp_path):
    with Store.open(tmp_path / "ds") as store:
        store.save_sites("r1", [{"name": "a", "start_urls": ["http://127.0.0.1:8001/tin/"],
                                 "profile": "nukeviet", "hosts": ["127.0.0.1:8001"]},
                                {"name": "b", "start_urls": ["http://127.0.0.1:8001/web/x"],
                                 "profile": None}])
        store.save_sites("r2", [{"name": "a", "start_urls": ["http://127.0.0.1:8001/tin/"],
                                 "profile": "lacviet", "hosts": ["127.0.0.1:8001"]}])
        sites = {s["name"]: s for s in store.sites()}
        with pytest.raises(StoreError, match="unknown field"):
            store.save_sites("r3", [{"name": "c", "start_urls": ["http://x/"], "delay": 1}])
        conn = store.conn
        assert (sites["a"]["first_run_id"], sites["a"]["last_run_id"]) == ("r1", "r2")
        assert sites["a"]["profile"] == "lacviet"
        assert sites["b"]["hosts"] == ["127.0.0.1:8001", "www.127.0.0.1:8001"]
        scope = reparse_module._Scope(conn, None)
        assert scope.profiles == {"a": "lacviet"}
        assert scope.site_for("http://127.0.0.1:8001/tin/bai-1.html") == "a"
        assert scope.site_for("http://127.0.0.1:8001/web/bai-2") == "b"
        assert scope.site_for("http://127.0.0.1:8002/tin/bai-1.html") is None   # another port
        assert scope.site_for("http://127.0.0.1/tin/bai-1.html") is None

        class Given:
            def __init__(self, **kw):
                self.__dict__.update(kw)
        config = Given(sites=[Given(name="a", start_urls=["http://127.0.0.1:8002/tin/"],
                                    profile="liferay")])
        scope = reparse_module._Scope(conn, config)
        assert scope.profiles == {"a": "liferay"}
        assert scope.site_for("http://127.0.0.1:8002/tin/bai-1.html") == "a"


# -- the store's additions ------------------------------------------------------------------------
OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
CREATE TABLE articles (article_id TEXT NOT NULL, url TEXT NOT NULL, site TEXT NOT NULL,
  platform TEXT, category TEXT, headline TEXT, summary TEXT, published_at TEXT,
  published_at_raw TEXT, body TEXT, author TEXT, source TEXT, view_count INTEGER,
  visitor_counter INTEGER, images TEXT, attachments TEXT, first_seen_at TEXT, fetched_at TEXT,
  content_sha256 TEXT, warnings TEXT, last_run_id TEXT, published_utc TEXT,
  PRIMARY KEY (article_id));
CREATE TABLE observations (article_id TEXT NOT NULL, url TEXT, site TEXT, run_id TEXT NOT NULL,
  observed_at TEXT, view_count INTEGER, visitor_counter INTEGER, http_status INTEGER,
  UNIQUE (article_id, run_id));
CREATE TABLE site_counters (site TEXT NOT NULL, run_id TEXT NOT NULL, observed_at TEXT,
  total INTEGER, online INTEGER, today INTEGER, UNIQUE (site, run_id));
CREATE TABLE runs (run_id TEXT NOT NULL, started_at TEXT, finished_at TEXT, sites TEXT,
  pages_fetched INTEGER, articles_new INTEGER, articles_changed INTEGER, observations INTEGER,
  errors INTEGER, status TEXT, PRIMARY KEY (run_id));
INSERT INTO articles VALUES ('0123456789abcdef', 'https://x.gov.vn/a', 'x', 'generic', NULL,
  'Tin', NULL, '2024-05-01T08:00:00+07:00', '01/05/2024', 'Nội dung', NULL, NULL, 5, NULL,
  '[]', '[]', '2024-05-01T02:00:00Z', '2024-05-01T02:00:00Z', 'abc', '[]', 'r1', NULL);
INSERT INTO observations VALUES ('0123456789abcdef', 'https://x.gov.vn/a', 'x', 'r1',
  '2024-05-01T02:00:00Z', 5, NULL, 200);
"""


def test_an_older_dataset_loads_and_gains_the_new_columns(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    with sqlite3.connect(folder / DB_NAME) as conn:
        conn.executescript(OLD_SCHEMA)
    conn.close()
    data = load(folder)                         # read-only: the missing columns read as null
    assert data.articles.published_precision.isna().all()
    assert data.observations.warc_record_id.isna().all() and len(data.observations) == 1
    with Store.open(folder) as store:
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(observations)")}
        assert {"fetched_url", "final_url", "warc_filename", "warc_record_id"} <= columns
        assert "published_precision" in {r[1] for r in store.conn.execute(
            "PRAGMA table_info(articles)")}
        assert store.sites() == []
    data = load(folder)
    assert data.articles.headline.tolist() == ["Tin"]
    assert str(data.observations.warc_filename.dtype) == "string"


def test_close_interrupted_runs(tmp_path):
    with Store.open(tmp_path / "ds") as store:
        store.start_run("r1", "2024-05-01T02:00:00Z", ["x"])
        store.add_observation({"article_id": "0123456789abcdef", "url": "https://x.gov.vn/a",
                               "site": "x", "run_id": "r1", "observed_at": "2024-05-01T02:07:00Z"})
        store.add_site_counters({"site": "x", "run_id": "r1", "observed_at": "2024-05-01T02:09:00Z"})
        store.start_run("r2", "2024-05-02T02:00:00Z", ["x"])        # killed before committing
        store.start_run("r3", "2024-05-03T02:00:00Z", ["x"])
        store.finish_run({"run_id": "r3", "finished_at": "2024-05-03T02:05:00Z", "status": "ok"})
        store.start_run("r9", "2024-05-09T02:00:00Z", ["x"])        # started after `now`
        assert store.close_interrupted_runs("2024-05-04T02:00:00Z") == ["r1", "r2"]
        runs = {r["run_id"]: r for r in store.iter_rows("runs")}
        assert (runs["r1"]["status"], runs["r1"]["finished_at"]) == \
            ("interrupted", "2024-05-01T02:09:00Z")
        assert (runs["r2"]["status"], runs["r2"]["finished_at"]) == ("interrupted", None)
        assert runs["r3"]["status"] == "ok" and runs["r9"]["status"] == "running"
        assert store.close_interrupted_runs("2024-05-04T02:00:00Z") == []


def test_published_precision_is_checked():
    from govnews.output.schema import validate_article
    record = {"article_id": "x"}
    problems = validate_article({**record, "published_precision": "hour",
                                 "published_at": "2024-05-01T08:00:00+07:00"})
    assert any(p.startswith("published_precision: expected one of") for p in problems)
    assert not any(p.startswith("published_precision") for p in validate_article(record))
    assert json.dumps(sorted(p for p in validate_article(
        {**record, "published_precision": "day"}) if p.startswith("published_precision"))) == \
        json.dumps(["published_precision: set without published_at"])
