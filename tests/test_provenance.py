"""Every observation names the capture it came from: the URL asked for, the URL after
redirects, the HTTP status, and the WARC file and record holding the response, whose payload
re-parses to the same record."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

import govnews
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.scraper.cli import main


@pytest.fixture(scope="module")
def harvested(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("provenance")
    cfg = tmp / "sites.toml"
    with PortalServer(LacVietPortal()) as one, PortalServer(NukeVietPortal()) as two:
        cfg.write_text(textwrap.dedent(f"""\
            [harvest]
            output = "{tmp / 'data'}"
            delay = 0.0
            allow_private = true
            [reobserve]
            window_days = 36500
            sample_older = 0
            [[sites]]
            name = "baclieu"
            start_urls = ["{one.url}/"]
            [[sites]]
            name = "nukeviet"
            start_urls = ["{two.url}/"]
            """), encoding="utf-8")
        assert main(["harvest", "-c", str(cfg), "-q"]) == 0
        assert main(["harvest", "-c", str(cfg), "-q"]) == 0     # revisits: same payloads
    return tmp / "data"


def _records_by_id(folder: Path) -> dict[str, tuple[str, object, bytes]]:
    found = {}
    for path in sorted((folder / "warc").rglob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                rid = record.rec_headers.get_header("WARC-Record-ID")
                found[rid] = (path.name, record.rec_headers, record.content_stream().read())
    return found


def test_every_observation_names_its_warc_record(harvested):
    data = govnews.load(harvested)
    records = _records_by_id(harvested)
    obs = data.observations
    assert len(obs) > 0 and obs.warc_record_id.notna().all() and obs.warc_filename.notna().all()
    for row in obs.itertuples():
        filename, headers, _ = records[row.warc_record_id]
        assert filename == row.warc_filename
        assert headers.get_header("WARC-Type") in ("response", "revisit")
        assert headers.get_header("WARC-Target-URI") == row.final_url
        assert row.fetched_url and row.http_status == 200


def test_the_archived_payload_reparses_to_the_same_record(harvested):
    data = govnews.load(harvested)
    from govnews.scraper.archive import iter_archived
    by_uri = {}
    for archived in iter_archived(harvested / "warc"):
        by_uri.setdefault(archived.url, archived)
    articles = data.articles.set_index("article_id")
    latest = data.observations.sort_values("observed_at").groupby("article_id").tail(1)
    for row in latest.itertuples():
        archived = by_uri[row.final_url]
        record = govnews.extract(archived.body, url=archived.url, headers=archived.headers,
                                 site=row.site)
        assert record["headline"] == articles.loc[row.article_id, "headline"]
        assert record["body"] == articles.loc[row.article_id, "body"]
