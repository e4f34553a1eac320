"""`recover`: a portal that is gone, read back from a Wayback-style archive and from Common Crawl
(fixture services on 127.0.0.1 built from the demo portals' pages at three points in time):
every article found, no capture fetched twice, observations at the capture times with the view
counts those captures showed, provenance, politeness (429 + Retry-After), SIGKILL and rerun."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from govnews.fixtures.archives import (CommonCrawlData, CommonCrawlIndex, RateLimit,
                                       WaybackArchive, crawls_of, portal_history)
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load
from govnews.output.schema import article_id
from govnews.parsers.extract import url_rules
from govnews.parsers.urls import canonical_url
from govnews.scraper.archive import iter_archived
from govnews.scraper.recover import RecoverSettings, recover

ROOT = Path(__file__).resolve().parent.parent
ORIGIN = "https://donggiang.gov.vn"
FAST = dict(delay=0.02, backoff=0.1)


@pytest.fixture(scope="module")
def history():
    return portal_history(NukeVietPortal(), ORIGIN, articles=6)


def article_captures(history) -> list:
    return [c for c in history if c.article_key is not None and c.status == 200]


def expected_observations(history, start: str = "", end: str = "99999999999999",
                          keep: str = "first") -> dict:
    """(article_id, capture time) -> view count, one per distinct payload: an unchanged page
    captured again is no new observation. The Wayback listing asks for `collapse=digest`, which
    keeps the first of a run of identical captures (`keep="first"`); Common Crawl has no such
    option, and recovery, newest first, keeps the newest (`keep="newest"`)."""
    seen, result = set(), {}
    for c in sorted(article_captures(history), key=lambda c: c.timestamp,
                    reverse=keep == "newest"):
        if c.digest in seen or not start <= c.timestamp <= end:
            continue
        seen.add(c.digest)
        result[(article_id(canonical_url(c.url, url_rules())), c.timestamp)] = c.views
    return result


def observed(out: Path) -> dict:
    data = load(out)
    return {(row.article_id, row.observed_at.strftime("%Y%m%d%H%M%S")): row.view_count
            for row in data.observations.itertuples()}


def run_wayback(archive: WaybackArchive, out: Path, **options):
    settings = options.pop("settings", RecoverSettings(**FAST))
    with PortalServer(archive) as server:
        result = recover("donggiang.gov.vn", "wayback", out, archive_url=server.url,
                         allow_private=True, contact="archivist@example.org", settings=settings,
                         **options)
    return result, server


# -- the Wayback Machine ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wayback_run(history, tmp_path_factory):
    out = tmp_path_factory.mktemp("wayback") / "data"
    archive = WaybackArchive(history, limit=RateLimit(burst=1000))
    result, server = run_wayback(archive, out)
    return out, result, server, archive


def test_every_article_is_recovered_with_its_newest_version(wayback_run, history):
    out, result, *_ = wayback_run
    assert result.errors == [] and result.stopped is None
    data = load(out)
    newest = {}
    for c in sorted(article_captures(history), key=lambda c: c.timestamp):
        newest[article_id(canonical_url(c.url, url_rules()))] = c.headline
    assert dict(zip(data.articles.article_id, data.articles.headline)) == newest
    assert any(h.endswith("(cập nhật)") for h in newest.values())      # the edited article
    assert set(data.articles.site) == {"donggiang.gov.vn"}


def test_observations_are_at_capture_times_with_the_counts_shown(wayback_run, history):
    out, result, *_ = wayback_run
    expected = expected_observations(history)
    assert observed(out) == expected
    assert result.observations == len(expected)
    assert len({views for views in expected.values()}) > len(expected) // 2   # counts differ
    data = load(out)
    assert set(data.observations.run_id.str.startswith("wayback-")) == {True}


def test_no_capture_is_fetched_twice(wayback_run, history):
    _, result, server, archive = wayback_run
    assert len(archive.served) == len(set(archive.served))
    digests = {c.timestamp + c.url: c.digest for c in history}
    served = [digests[ts + url] for url, ts in archive.served]
    assert len(served) == len(set(served))
    pages = [c for c in history if c.status == 200 and c.mime == "text/html"]
    assert len(archive.served) == len({c.digest for c in pages})
    assert result.requests == len(server.requests)


def test_captures_are_archived_with_their_provenance(wayback_run, history):
    out, *_ = wayback_run
    archived = [a for a in iter_archived(out / "warc")]
    times = {(c.url, c.timestamp) for c in history}
    assert archived and all(a.meta["source_archive"] == "wayback" for a in archived)
    for a in archived:
        stamp = a.date.replace("-", "").replace("T", "").replace(":", "").rstrip("Z")
        assert (a.url, stamp) in times                          # WARC-Date: the capture time
        assert a.meta["capture_url"].endswith(f"/web/{stamp}id_/{a.url}")
        assert a.meta["captured_at"] == a.date
    with sqlite3.connect(out / "dataset.sqlite") as conn:
        rows = conn.execute("SELECT state, COUNT(*) FROM recover_captures GROUP BY state")
        states = dict(rows.fetchall())
        provenance = conn.execute(
            "SELECT COUNT(*) FROM recover_captures r JOIN observations o ON"
            " o.warc_record_id = r.warc_record_id WHERE r.source = 'wayback'").fetchone()[0]
    assert states["done"] == len(archived)
    assert provenance == len(expected_observations(history))
    assert list(out.glob("warc/**/*.cdxj"))


def test_pages_that_are_not_articles_are_kept_but_give_no_record(wayback_run, history):
    out, result, *_ = wayback_run
    data = load(out)
    assert not any("999999" in url for url in data.articles.url)         # the soft 404
    assert not any("/tin-cu/" in url for url in data.articles.url)       # the redirect
    assert result.not_articles >= 4            # home pages at three times and the soft 404
    assert len(data.site_counters) >= 3


def test_the_archive_is_asked_politely(wayback_run):
    _, _, server, _ = wayback_run
    agents = {r.headers.get("user-agent", "") for r in server.requests}
    assert len(agents) == 1 and "archivist@example.org" in agents.pop()
    times = [r.at for r in server.requests]
    assert all(b - a >= 0.015 for a, b in zip(times, times[1:]))       # one at a time, paced


def test_a_second_run_fetches_nothing_again(wayback_run, history, tmp_path):
    out, _, _, _ = wayback_run
    archive = WaybackArchive(history, limit=RateLimit(burst=1000))
    result, server = run_wayback(archive, out)
    assert archive.served == [] and result.fetched == 0
    assert not [r for r in server.requests if "/cdx" in r.target]      # listing complete


def test_dates_limit_the_captures(history, tmp_path):
    archive = WaybackArchive(history, limit=RateLimit(burst=1000))
    result, _ = run_wayback(archive, tmp_path / "data", from_date="2023-01-01",
                            to_date="2023-12-31")
    assert observed(tmp_path / "data") == expected_observations(history, "2023", "2024")
    assert {ts[:4] for _, ts in archive.served} == {"2023"}


def test_429_and_retry_after_are_honoured(history, tmp_path):
    limit = RateLimit(burst=4, window=1.0, retry_after=1)
    archive = WaybackArchive(history, limit=limit)
    started = time.monotonic()
    result, server = run_wayback(archive, tmp_path / "data",
                                 settings=RecoverSettings(delay=0.0, backoff=0.05))
    assert limit.refused > 0 and result.rate_limited == limit.refused
    assert result.errors == [] and observed(tmp_path / "data") == expected_observations(history)
    times = [r.at for r in server.requests]
    for refused in limit.refused_at:
        later = [t for t in times if t > refused + 1e-6]
        assert not later or later[0] - refused >= 0.95                  # waited Retry-After
    assert result.requests == len(server.requests)
    assert time.monotonic() - started < 120


def test_a_retry_after_beyond_the_limit_stops_the_run_and_a_rerun_goes_on(history, tmp_path):
    out = tmp_path / "data"
    blocked = WaybackArchive(history, limit=RateLimit(burst=6, window=60, retry_after=3600))
    result, server = run_wayback(blocked, out)
    assert result.stopped and "Retry-After" in result.stopped
    assert result.error_count == len(result.errors) + 1        # the stop is an error of the run
    assert f"errors: {result.error_count}; stopped:" in result.line()
    assert len(server.requests) <= 8                           # no hammering once told
    calm = WaybackArchive(history, limit=RateLimit(burst=1000))
    result, _ = run_wayback(calm, out)
    assert result.stopped is None and observed(out) == expected_observations(history)
    assert not set(calm.served) & set(blocked.served)


# -- Common Crawl ----------------------------------------------------------------------------------
def run_cc(history, out: Path, **options):
    collections = crawls_of(history)
    data = CommonCrawlData(collections)
    index = CommonCrawlIndex(collections, data, page_size=4)
    with PortalServer(index) as index_server, PortalServer(data) as data_server:
        result = recover(ORIGIN + "/", "commoncrawl", out, cc_index_url=index_server.url,
                         cc_data_url=data_server.url, allow_private=True,
                         settings=RecoverSettings(**FAST), **options)
    return result, index_server, data_server, data


def test_common_crawl_captures_are_read_by_range_requests(history, tmp_path):
    out = tmp_path / "data"
    result, index_server, data_server, data = run_cc(history, out)
    assert result.errors == [] and result.stopped is None
    assert observed(out) == expected_observations(history, keep="newest")
    assert all(r.headers.get("range", "").startswith("bytes=") for r in data_server.requests)
    fetched = list(data.ranges)                                   # (file, range)
    assert len(fetched) == len(set(fetched)) == result.fetched
    assert any("page=1" in r.target for r in index_server.requests)      # paged listing
    assert {a.meta["source_archive"] for a in iter_archived(out / "warc")} == {"commoncrawl"}
    assert set(load(out).observations.run_id.str[:12]) == {"commoncrawl-"}


def test_common_crawl_dates_choose_the_collections(history, tmp_path):
    out = tmp_path / "data"
    result, index_server, *_ = run_cc(history, out, from_date="2024-01-01")
    assert observed(out) == expected_observations(history, "2024", keep="newest")
    asked = {r.target.split("?")[0] for r in index_server.requests}
    assert asked == {"/collinfo.json", "/CC-MAIN-2024-47-index"}


# -- killed and run again --------------------------------------------------------------------------
KILLED = textwrap.dedent("""
    import sys
    from pathlib import Path
    from govnews.scraper.recover import RecoverSettings, recover
    recover("thanhphobaclieu.baclieu.gov.vn", "wayback", Path(sys.argv[1]), archive_url=sys.argv[2],
            allow_private=True, settings=RecoverSettings(delay=0.15, backoff=0.1))
""")


def test_sigkill_then_rerun_loses_nothing_and_fetches_nothing_twice(tmp_path):
    history = portal_history(LacVietPortal(), "https://thanhphobaclieu.baclieu.gov.vn",
                             articles=8)
    out = tmp_path / "data"
    archive = WaybackArchive(history, limit=RateLimit(burst=1000))
    with PortalServer(archive) as server:
        child = subprocess.Popen([sys.executable, "-c", KILLED, str(out), server.url], cwd=ROOT)
        deadline = time.monotonic() + 60
        while len(archive.served) < 6 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert child.poll() is None, "the recovery ended before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        before = list(archive.served)
        assert 6 <= len(before) < len({c.digest for c in history if c.mime == "text/html"
                                       and c.status == 200})
        assert list(out.glob("warc/**/*.open"))
        result = recover("thanhphobaclieu.baclieu.gov.vn", "wayback", out,
                         archive_url=server.url, allow_private=True,
                         settings=RecoverSettings(**FAST))
    assert result.errors == [] and result.stopped is None
    assert not list(out.glob("warc/**/*.open"))
    assert len(archive.served) - len(set(archive.served)) <= 1          # only the one in flight
    assert observed(out) == expected_observations(history)
    runs = load(out).runs
    assert "interrupted" in set(runs.status)


# -- a gone portal in sites.toml -------------------------------------------------------------------
def test_a_site_with_source_wayback_is_recovered_by_the_harvest(history, tmp_path):
    """`source = "wayback"` in sites.toml: the harvest recovers the gone portal from the archive
    (its own archive_url) beside a live portal, into the same dataset; the archival observations
    carry their capture times; a second harvest fetches no capture again."""
    from govnews.scraper.config import config_from_dict
    from govnews.scraper.harvest import harvest

    archive = WaybackArchive(history, limit=RateLimit(burst=1000))
    out = tmp_path / "data"
    with PortalServer(archive) as wayback, PortalServer(LacVietPortal()) as live:
        raw = {"harvest": {"output": str(out), "delay": 0.02, "allow_private": True,
                           "contact": "archivist@example.org"},
               "sites": [{"name": "donggiang", "start_urls": [ORIGIN + "/"],
                          "source": "wayback", "archive_url": wayback.url,
                          "from": "2000-01-01"},
                         {"name": "live", "start_urls": [live.url + "/"]}]}
        first = harvest(config_from_dict(raw), out)
        served = len(archive.served)
        second = harvest(config_from_dict(raw), out)
    assert first.status == "ok", first.summary.error_lines
    assert second.status == "ok", second.summary.error_lines
    assert len(archive.served) == served                 # nothing fetched twice
    assert all("archivist@example.org" in r.headers.get("user-agent", "")
               for r in wayback.requests)
    data = load(out)
    recovered = data.observations[data.observations.site == "donggiang"]
    expected = expected_observations(history)
    assert {(r.article_id, r.observed_at.strftime("%Y%m%d%H%M%S")): r.view_count
            for r in recovered.itertuples()} == expected
    assert set(recovered.source_archive) == {"wayback"}
    assert set(data.articles.site) == {"donggiang", "live"}
    live_obs = data.observations[data.observations.site == "live"]
    assert live_obs.source_archive.isna().all() and live_obs.run_id.nunique() == 2
    assert wayback.max_active == 1


def test_engagement_and_the_report_mark_archival_points(wayback_run, history, tmp_path):
    """A recovered article's view-count history: engagement() names the archive of each
    point; the report draws them hollow and says so, in both languages."""
    import govnews
    from govnews.output.report import build_report, report_data
    out, *_ = wayback_run
    data = load(out)
    series = govnews.engagement(data)
    assert set(series.source_archive.dropna()) == {"wayback"} and series.source_archive.notna().all()
    assert series.views_gained.notna().any()             # gains between capture times
    points = report_data(data)["gains_over_time"]
    assert not points.empty and points["archival"].all()
    assert "Hollow points are captures recovered from a web archive" in build_report(data, lang="en")
    assert "Điểm rỗng là bản lưu khôi phục" in build_report(data, lang="vi")


def test_a_pywb_collection_is_recovered_like_the_wayback_machine(history, tmp_path):
    """pywb's CDX API answers one JSON object a line with its own field names (url, mime, status)
    and replays at <collection>/<timestamp>id_/<url>: recover read it as Wayback's JSON table and
    crashed (JSONDecodeError, exit 70). Found by a new user following the README."""
    archive = WaybackArchive(history, limit=RateLimit(burst=1000), pywb_collection="my-collection")
    out = tmp_path / "data"
    with PortalServer(archive) as server:
        recover("donggiang.gov.vn", "wayback", out, archive_url=server.url + "/my-collection",
                allow_private=True, contact="archivist@example.org", settings=RecoverSettings(**FAST))
    assert observed(out) == expected_observations(history)


def test_a_cdx_answer_that_is_not_json_is_a_counted_error_not_a_crash(tmp_path):
    from govnews.fixtures.portal import Response as FixtureResponse

    class Garbled:
        def handle(self, request):
            return FixtureResponse(200, b'{"a": 1} trailing', {"Content-Type": "application/json"})

    with PortalServer(Garbled()) as server:
        result = recover("donggiang.gov.vn", "wayback", tmp_path / "data", archive_url=server.url,
                         allow_private=True, contact="archivist@example.org", settings=RecoverSettings(**FAST))
    assert result.status == "partial" and "not JSON" in (result.stopped or "")
    assert result.error_count == 1 and "errors: 1; stopped:" in result.line()    # was "errors: 0"


def test_a_resumed_pywb_recovery_replays_from_the_collection(history, tmp_path):
    """The second run of a pywb recovery lists nothing (its listing is done), so it never sees
    pywb's CDX answer: its captures must still be fetched at <collection>/<timestamp>id_/<url>."""
    archive = WaybackArchive(history, limit=RateLimit(burst=1000), pywb_collection="my-collection")
    out = tmp_path / "data"
    with PortalServer(archive) as server:
        for limit in (2, None):
            result = recover("donggiang.gov.vn", "wayback", out, archive_url=server.url + "/my-collection",
                             allow_private=True, contact="archivist@example.org",
                             settings=RecoverSettings(**{**FAST, "max_captures": limit}))
            assert result.failed == 0 and (limit or result.stopped is None), result
            assert result.error_count == 0, result          # max_captures is no error
    assert observed(out) == expected_observations(history)
