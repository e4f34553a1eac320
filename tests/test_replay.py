"""Replay: a harvest's archive (portals that gzip their pages) keeps the bytes as received,
reparses offline, packs into a WACZ that the `wacz` validator accepts, and replays in pywb: every
article comes back as text/html with its headline, through pywb's own index (`wb-manager add`)
and through the CDXJ index govnews writes.

pywb cannot share our environment (it needs pyOpenSSL < 26.2, hence cryptography < 48, where the
test extra has cryptography 50 through trustme), so it runs in a venv of its own, made once per
test session with pip; `GOVNEWS_PYWB_VENV=DIR` names a venv to use (made there if missing), so
CI can keep one between runs."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from govnews.fixtures.archives import GzipEverything
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load
from govnews.scraper.archive import export_wacz, index_warcs, iter_archived, merged_index_lines
from govnews.scraper.cli import main
from govnews.scraper.reparse import reparse

PORTALS = {"baclieu-city": LacVietPortal, "donggiang": NukeVietPortal}


def write_config(path: Path, out: Path, urls: dict[str, str]) -> Path:
    sites = "".join(f'\n[[sites]]\nname = "{name}"\nstart_urls = ["{url}/"]\n'
                    for name, url in urls.items())
    path.write_text(textwrap.dedent(f"""\
        [harvest]
        output = "{out}"
        delay = 0.0
        allow_private = true
        contact = "tests@localhost"

        [reobserve]
        window_days = 36500
        sample_older = 0
        """) + sites, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def harvested(tmp_path_factory):
    """Two harvests of two gzipping portals, then the indexes as a run's end writes them."""
    tmp = tmp_path_factory.mktemp("replay")
    out = tmp / "data"
    servers = {name: PortalServer(cls(), faults=GzipEverything()).start()
               for name, cls in PORTALS.items()}
    try:
        config = write_config(tmp / "sites.toml", out, {n: s.url for n, s in servers.items()})
        codes = [main(["harvest", "-c", str(config)])]
        time.sleep(1.1)
        codes.append(main(["harvest", "-c", str(config)]))
    finally:
        for server in servers.values():
            server.stop()
    assert codes == [0, 0]
    index_warcs(out / "warc")
    return out


def articles_with_captures(out: Path) -> list[tuple[str, str, str]]:
    """(captured URL, capture timestamp, headline) of each article's latest observation."""
    data = load(out)
    headlines = dict(zip(data.articles.article_id, data.articles.headline))
    latest = data.observations.sort_values("observed_at").groupby("article_id").tail(1)
    return [(row.final_url, row.observed_at.strftime("%Y%m%d%H%M%S"), headlines[row.article_id])
            for row in latest.itertuples()]


def test_responses_are_archived_as_received(harvested):
    encoded = decoded = 0
    for path in sorted((harvested / "warc").rglob("*.warc.gz")):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                payload = record.raw_stream.read()
                coding = record.http_headers.get_header("Content-Encoding")
                if coding == "gzip":
                    encoded += 1
                    assert payload[:2] == b"\x1f\x8b"
                    assert record.http_headers.get_header("Content-Length") == str(len(payload))
                else:
                    decoded += 1
                assert not record.http_headers.get_header("X-Govnews-Original-Content-Encoding")
    assert encoded > 20 and decoded < encoded


def test_reading_the_archive_gives_decoded_pages(harvested):
    headlines = {url: headline for url, _, headline in articles_with_captures(harvested)}
    seen = {}
    for archived in iter_archived(harvested / "warc"):
        if archived.url in headlines and archived.status == 200:
            assert archived.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(archived.raw_body) == archived.body
            seen[archived.url] = archived.body.decode("utf-8")
    assert seen.keys() == headlines.keys()
    assert all(headlines[url] in text for url, text in seen.items())


def test_reparse_of_the_encoded_archive_changes_nothing(harvested):
    result = reparse(harvested, dry_run=True)
    assert result.errors == []
    assert result.articles == len(load(harvested).articles)
    assert (result.new, result.changed, result.observations_changed) == (0, 0, 0)


def test_a_cdxj_index_is_beside_every_warc(harvested):
    warcs = sorted((harvested / "warc").rglob("*.warc.gz"))
    assert len(warcs) == 4                # one per site and run, in the site's folder
    for warc in warcs:
        index = warc.with_name(warc.name.replace(".warc.gz", ".cdxj"))
        lines = index.read_text().splitlines()
        assert lines == sorted(lines) and lines


# -- WACZ ------------------------------------------------------------------------------------------
def test_wacz_export_passes_the_wacz_validator(harvested, tmp_path, capsys):
    wacz_main = pytest.importorskip("wacz.main", reason="the test extra installs wacz")
    target = export_wacz(harvested, tmp_path / "archive.wacz")
    assert wacz_main.main(["validate", "-f", str(target)]) == 0, capsys.readouterr().out
    with zipfile.ZipFile(target) as package:
        names = package.namelist()
        warcs = [n for n in names if n.startswith("archive/")]
        assert len(warcs) == 4
        assert all(package.getinfo(n).compress_type == zipfile.ZIP_STORED for n in warcs)
        assert {"indexes/index.cdx", "pages/pages.jsonl", "datapackage.json",
                "datapackage-digest.json"} <= set(names)
        index = package.read("indexes/index.cdx").decode().splitlines()
        pages = [json.loads(line) for line in package.read("pages/pages.jsonl").splitlines()]
    assert index == sorted(index)
    assert pages[0]["format"] == "json-pages-1.0"
    expected = {(url, headline) for url, _, headline in articles_with_captures(harvested)}
    assert {(p["url"], p["title"]) for p in pages[1:]} == expected
    assert len(pages) - 1 == len(load(harvested).articles)
    indexed = {json.loads(line.split(" ", 2)[2])["url"] for line in index}
    assert all(p["url"] in indexed for p in pages[1:])


def test_wacz_export_without_warcs_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        export_wacz(tmp_path, tmp_path / "x.wacz")


# -- pywb ------------------------------------------------------------------------------------------
REPLAY = textwrap.dedent("""
    import json, sys
    from werkzeug.test import Client
    from pywb.apps.frontendapp import FrontEndApp
    client = Client(FrontEndApp())
    results = []
    for collection, url, stamp in json.load(sys.stdin):
        for mode in ("mp_", "id_"):   # the replayed page (in pywb's frame) and the original
            answer = client.get(f"/{collection}/{stamp}{mode}/{url}")
            results.append({"collection": collection, "url": url, "mode": mode,
                            "status": answer.status_code,
                            "type": answer.headers.get("Content-Type", ""),
                            "text": answer.get_data().decode("utf-8", "replace")})
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(results, out)
""")


def test_pywb_replays_every_article(harvested, pywb_venv, tmp_path):
    bin_dir = pywb_venv / "bin"
    root = tmp_path / "pywb"
    root.mkdir()
    warcs = sorted(str(p) for p in (harvested / "warc").rglob("*.warc.gz"))

    def wb_manager(*args: str) -> None:
        done = subprocess.run([str(bin_dir / "wb-manager"), *args], cwd=root,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr

    wb_manager("init", "harvest")                 # pywb's own index of the WARCs
    wb_manager("add", "harvest", *warcs)
    wb_manager("init", "ours")                    # the WARCs with govnews's CDXJ index
    for warc in warcs:
        shutil.copy(warc, root / "collections" / "ours" / "archive")
    with open(root / "collections" / "ours" / "indexes" / "index.cdxj", "w") as merged:
        merged.writelines(merged_index_lines(harvested / "warc"))    # one sorted index

    articles = articles_with_captures(harvested)
    asked = [[collection, url, stamp] for collection in ("harvest", "ours")
             for url, stamp, _ in articles]
    answers = tmp_path / "answers.json"
    done = subprocess.run([str(bin_dir / "python"), "-c", REPLAY, str(answers)], cwd=root,
                          input=json.dumps(asked), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(answers.read_text(encoding="utf-8"))
    headline_of = {url: headline for url, _, headline in articles}
    assert len(results) == 4 * len(articles) and len(articles) > 10
    failures = [(r["collection"], r["mode"], r["url"], r["status"], r["type"])
                for r in results if r["status"] != 200 or not r["type"].startswith("text/html")
                or headline_of[r["url"]] not in r["text"]]
    assert failures == []
