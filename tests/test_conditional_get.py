"""ETag and Last-Modified are kept and sent back on the next run (conditional GET) for listings;
a 304 costs no body and loses nothing."""
from __future__ import annotations

from govnews.fixtures.portal import Response
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output.store import Store
from govnews.scraper.crawl import Crawl, CrawlSettings, Site
from govnews.scraper.http import HttpSettings

ETAG = '"home-v1"'
MODIFIED = "Tue, 04 Aug 2020 09:20:00 GMT"


def validating(request, server):
    """The home page carries validators and answers 304 when they still match."""
    if request.path not in ("/", "/tintuc/default.aspx"):
        return None
    if request.headers.get("if-none-match") == ETAG:
        return Response(304, b"", {"ETag": ETAG})
    page = server.portal.handle(request)
    return Response(page.status, page.body, {**page.headers, "ETag": ETAG,
                                             "Last-Modified": MODIFIED})


def crawl(store, server, run_id):
    site = Site("baclieu-city", [server.url + "/"], allow_private=True)
    settings = CrawlSettings(delay=0, incremental=True, http=HttpSettings(allow_private=True))
    return Crawl(store, [site], settings, run_id).run()


def test_listing_validators_are_sent_back_and_304_is_kept(tmp_path):
    with PortalServer(LacVietPortal(), faults=validating) as server:
        store = Store.open(tmp_path / "data")
        first = crawl(store, server, "run-1")
        sent_first = [r.headers for r in server.requests if r.target == "/"]
        del server.requests[:]
        second = crawl(store, server, "run-2")
        sent_second = [r.headers for r in server.requests if r.target == "/"]
        articles = store.count("articles")
        store.close()
    assert first.error_count == 0 and second.error_count == 0
    assert "if-none-match" not in sent_first[0]
    assert sent_second[0].get("if-none-match") == ETAG
    assert sent_second[0].get("if-modified-since") == MODIFIED
    assert articles == len(LacVietPortal().articles())   # the 304 lost nothing committed
