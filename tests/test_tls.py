"""TLS as government servers have it, on 127.0.0.1: a root CA, an intermediate, a leaf for
localhost/127.0.0.1; servers sending the full chain or only the leaf (the incomplete chain that
makes clients fail with "unable to get local issuer certificate"). The crawler must fail such a
site cleanly, accept a per-site CA bundle that repairs it, and honour `verify = false` for that
one site only, recorded in the WARC and without flooding stderr with urllib3 warnings."""
from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import urllib3
from warcio.archiveiterator import ArchiveIterator

from govnews.fixtures.portals.lacviet import LacVietPortal, article_url
from govnews.fixtures.tls import make_pki, serve_https, url_for
from govnews.output import load
from govnews.output.store import Store
from govnews.scraper.archive import WarcArchive, iter_archived
from govnews.scraper.config import config_from_dict
from govnews.scraper.crawl import Crawl, CrawlSettings, Site
from govnews.scraper.errors import FetchError
from govnews.scraper.harvest import harvest
from govnews.scraper.http import Fetcher, HttpSettings
from govnews.scraper.records import utc_now

ROOT = Path(__file__).resolve().parent.parent
HOME = "/tintuc/default.aspx"
INCOMPLETE_CHAIN_REASON = "unable to get local issuer certificate"   # OpenSSL's words for it


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def fetcher():
    return Fetcher(HttpSettings(allow_private=True))


def config(*sites: dict) -> dict:
    return {"harvest": {"delay": 0.0, "allow_private": True, "formats": ["csv"]},
            "reobserve": {"window_days": 700, "sample_older": 0},
            "sites": list(sites)}


def fetch_tls_error(fetcher: Fetcher, url: str, verify) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url, verify=verify)
    return caught.value


# -- the certificates ------------------------------------------------------------------------------
def test_pki_files(pki):
    pem = {p.name: p.read_text() for p in (pki.root_ca, pki.intermediate, pki.leaf,
                                           pki.leaf_chain, pki.bundle)}
    count = {name: text.count("BEGIN CERTIFICATE") for name, text in pem.items()}
    assert count == {"root-ca.pem": 1, "intermediate-ca.pem": 1, "leaf.pem": 1,
                     "leaf-chain.pem": 2, "ca-bundle.pem": 2}
    assert "PRIVATE KEY" in pem["leaf.pem"] and "PRIVATE KEY" in pem["leaf-chain.pem"]
    assert "PRIVATE KEY" not in pem["ca-bundle.pem"] + pem["root-ca.pem"]
    assert pem["ca-bundle.pem"] == pem["root-ca.pem"] + pem["intermediate-ca.pem"]


# -- 1. complete chain ---------------------------------------------------------------------------
def test_complete_chain_verifies_against_the_root(pki, fetcher):
    with serve_https(LacVietPortal(), pki, chain="full") as server:
        assert server.url.startswith("https://127.0.0.1:")
        response = fetcher.fetch(server.url + HOME, verify=str(pki.root_ca))
        by_name = fetcher.fetch(url_for(server, "localhost") + HOME, verify=str(pki.root_ca))
    assert response.status == 200 and by_name.status == 200
    assert "Bạc Liêu" in response.body.decode("utf-8")
    assert response.verify == str(pki.root_ca)


def test_complete_chain_is_not_trusted_without_the_root(pki, fetcher):
    with serve_https(LacVietPortal(), pki, chain="full") as server:
        error = fetch_tls_error(fetcher, server.url + HOME, True)     # system CAs only
    assert error.kind == "tls"


# -- 2. incomplete chain ---------------------------------------------------------------------------
def test_incomplete_chain_fails_cleanly(pki, fetcher):
    with serve_https(LacVietPortal(), pki, chain="leaf") as server:
        error = fetch_tls_error(fetcher, server.url + HOME, str(pki.root_ca))
        assert server.requests == []            # no HTTP request got past the handshake
    assert type(error) is FetchError and error.kind == "tls"
    assert not isinstance(error, requests.RequestException)
    assert error.__cause__ is None and error.__suppress_context__     # raised `from None`
    message = str(error)
    assert message.startswith(server.url + HOME + ": TLS error")
    assert re.search(r"certificate[ _]verify[ _]failed", message, re.I)
    assert "Traceback" not in message and "\n" not in message


@pytest.mark.parametrize("which", ["home", "article"])
def test_incomplete_chain_message_names_the_reason(pki, fetcher, which):
    """OpenSSL's reason, not requests' wrapper text cut at 200 characters before it (article
    URLs of these portals alone are longer than that)."""
    portal = LacVietPortal()
    path = HOME if which == "home" else article_url(portal.articles()[0])
    with serve_https(portal, pki, chain="leaf") as server:
        error = fetch_tls_error(fetcher, server.url + path, str(pki.root_ca))
    assert INCOMPLETE_CHAIN_REASON in str(error)
    assert "Max retries exceeded" not in str(error)      # there are no retries (max_retries=0)


def test_incomplete_chain_is_repaired_by_root_plus_intermediate(pki, fetcher):
    with serve_https(LacVietPortal(), pki, chain="leaf") as server:
        assert fetcher.fetch(server.url + HOME, verify=str(pki.bundle)).status == 200
        # a bundle replaces the trust store: the intermediate alone is not a trust anchor
        assert fetch_tls_error(fetcher, server.url + HOME, str(pki.intermediate)).kind == "tls"


# -- 3. a per-site CA bundle -----------------------------------------------------------------------
def test_harvest_with_site_ca_bundle_gets_every_article(pki, tmp_path):
    portal = LacVietPortal()
    with serve_https(portal, pki, chain="leaf") as server:
        cfg = config_from_dict(config({"name": "baclieu-city", "start_urls": [server.url + "/"],
                                       "ca_bundle": str(pki.bundle)}))
        result = harvest(cfg, tmp_path / "data")
    summary = result.summary
    assert result.status == "ok", summary.error_lines
    assert summary.errors == {}
    assert summary.articles_found == len(portal.articles())
    data = load(tmp_path / "data")
    assert len(data.articles) == len(portal.articles())
    verifies = {json.dumps(r.meta.get("verify")) for r in iter_archived(tmp_path / "data" / "warc")}
    combined = tmp_path / "data" / "certs" / "baclieu-city.pem"
    assert verifies == {json.dumps(str(combined))}
    # the site's bundle is added to the system roots, not substituted for them
    text = combined.read_text("ascii")
    assert text.endswith(pki.bundle.read_text("ascii"))
    assert text.count("BEGIN CERTIFICATE") > pki.bundle.read_text("ascii").count("BEGIN CERTIFICATE")


def test_crawl_with_site_verify_bundle_gets_every_article(pki, tmp_path):
    portal = LacVietPortal()
    run_id = "tls-bundle-run"
    with serve_https(portal, pki, chain="leaf") as server, Store.open(tmp_path / "data") as store:
        store.start_run(run_id, utc_now(), ["baclieu-city"])
        site = Site("baclieu-city", [server.url + "/"], allow_private=True, verify=str(pki.bundle))
        with WarcArchive(tmp_path / "warc", run_id=run_id) as archive:
            summary = Crawl(store, [site], CrawlSettings(delay=0.0), run_id,
                            archive=archive).run()
        stored = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert summary.error_count == 0, summary.error_lines
    assert summary.articles_found == stored == len(portal.articles())


# -- 4. verify = false for one site only -----------------------------------------------------------
@pytest.fixture(scope="module")
def mixed_harvest(pki, tmp_path_factory):
    """One harvest, two HTTPS sites with incomplete chains: "unverified" (127.0.0.1, verify =
    false) and "strict" (localhost, verify left true, no bundle)."""
    out = tmp_path_factory.mktemp("mixed") / "data"
    portal = LacVietPortal()
    with serve_https(portal, pki, chain="leaf") as loose, \
            serve_https(LacVietPortal(), pki, chain="leaf") as strict:
        strict_url = url_for(strict, "localhost")
        cfg = config_from_dict(config(
            {"name": "baclieu-city", "start_urls": [loose.url + "/"], "verify": False},
            {"name": "vinhloi-district", "start_urls": [strict_url + "/"]}))
        result = harvest(cfg, out)
        strict_requests = list(strict.requests)
    return portal, out, result, strict_requests


def test_verify_false_site_is_harvested(mixed_harvest):
    portal, out, result, _ = mixed_harvest
    articles = load(out).articles
    assert set(articles.site) == {"baclieu-city"}
    assert len(articles) == len(portal.articles())


def test_verify_false_is_recorded_in_the_warc(mixed_harvest):
    _, out, result, _ = mixed_harvest
    archived = list(iter_archived(out / "warc"))
    assert archived and {urlsplit(r.url).hostname for r in archived} == {"127.0.0.1"}
    assert all(r.meta["verify"] is False for r in archived)
    notes = []
    for path in sorted((out / "warc").rglob("*.warc.gz")):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "warcinfo":
                    text = record.content_stream().read().decode("utf-8")
                    notes += [line.split(":", 1)[1].strip() for line in text.splitlines()
                              if line.startswith("govnews-tls-verification-disabled:")]
    assert "127.0.0.1" in notes
    assert not any("localhost" in note for note in notes)


def test_verify_false_does_not_leak_to_the_other_site(mixed_harvest):
    _, out, result, strict_requests = mixed_harvest
    assert strict_requests == []               # not even robots.txt went through unverified
    assert "vinhloi-district" not in set(load(out).articles.site)
    assert not [r for r in iter_archived(out / "warc") if "localhost" in r.url]


def test_tls_failure_of_the_other_site_is_counted(mixed_harvest):
    """Its robots.txt is the first request to fail: an error of the run, not a robots.txt
    refusal, so a cron job sees a partial run."""
    _, out, result, _ = mixed_harvest
    summary = result.summary
    assert summary.errors.get("tls", 0) >= 1
    assert any("localhost" in line and "tls" in line.lower() for line in summary.error_lines)
    assert result.status == "partial"
    run = json.loads((out / "logs" / "runs.jsonl").read_text().splitlines()[-1])
    assert run["errors"].get("tls", 0) >= 1
    assert result.summary.robots_refused == 0


def test_verify_false_does_not_leak_to_a_site_on_the_same_hostname(pki, tmp_path):
    """Two sites on 127.0.0.1, two ports: each robots.txt is fetched with its own site's
    `verify` (the unverified site listed last must not lend its setting to the first)."""
    portal = LacVietPortal()
    with serve_https(portal, pki, chain="leaf") as loose, \
            serve_https(LacVietPortal(), pki, chain="leaf") as strict:
        cfg = config_from_dict(config(
            {"name": "vinhloi-district", "start_urls": [strict.url + "/"]},
            {"name": "baclieu-city", "start_urls": [loose.url + "/"], "verify": False}))
        result = harvest(cfg, tmp_path / "data")
        strict_requests = list(strict.requests)
    assert result.summary.articles_found == len(portal.articles())
    assert strict_requests == []
    assert result.summary.errors.get("tls", 0) >= 1


# -- 5. urllib3 warnings ---------------------------------------------------------------------------
def test_no_insecure_request_warnings_and_one_log_line(pki, fetcher, caplog):
    caplog.set_level(logging.WARNING, logger="govnews.http")
    with serve_https(LacVietPortal(), pki, chain="leaf") as server, \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(5):
            assert fetcher.fetch(server.url + HOME, verify=False).status == 200
        # the silencing is for the host configured with verify = false, not for every host
        requests.get(url_for(server, "localhost") + HOME, verify=False, timeout=10)
    insecure = [w for w in caught if issubclass(w.category, urllib3.exceptions.InsecureRequestWarning)]
    assert [str(w.message).split("'")[1] for w in insecure] == ["localhost"]
    notes = [r.getMessage() for r in caplog.records if "verification is off" in r.getMessage()]
    assert len(notes) == 1 and "127.0.0.1" in notes[0]


def test_cron_harvest_with_verify_false_says_so_once_and_nothing_else(pki, tmp_path):
    """Under cron a run that went well prints its summary line, and on stderr only what a person
    must know: that TLS verification is off for a site (once, not urllib3's warning per request)."""
    portal = LacVietPortal()
    with serve_https(portal, pki, chain="leaf") as server:
        cfg = tmp_path / "sites.toml"
        cfg.write_text(textwrap.dedent(f"""\
            [harvest]
            output = "{tmp_path / 'data'}"
            delay = 0.0
            allow_private = true

            [reobserve]
            window_days = 700
            sample_older = 0

            [[sites]]
            name = "baclieu-city"
            start_urls = ["{server.url}/"]
            verify = false
            """), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", "import sys; from govnews.scraper.cli import main; "
             "sys.exit(main(sys.argv[1:]))", "harvest", "-c", str(cfg), "--progress", "never"],
            cwd=ROOT, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Unverified HTTPS request" not in done.stderr     # urllib3's per-request warning
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "verification is off" in lines[0], done.stderr
    assert f"harvested {len(portal.articles())} articles" in done.stdout
