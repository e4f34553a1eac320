"""`parse_page(..., quick_listings=True)`, what the crawl and reparse call: a page the profile's
URL rules name a listing is read for its links and the site's counters only. Everything the
crawl takes from a page must be what the full parse gives, on every page the demo portals serve
(their home pages, category pages and pager pages, and their articles)."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from govnews.fixtures.portal import Request
from govnews.fixtures.portals import all_portals
from govnews.parsers.extract import parse_page

HOST = "http://portal.example.gov.vn"


def _served(portal, target: str) -> tuple[str, bytes, dict[str, str]] | None:
    """(the target finally served, its body, its headers), redirects followed."""
    for _ in range(4):
        response = portal.handle(Request("GET", target, {"host": "portal.example.gov.vn"}))
        if response.status in (301, 302) and response.headers.get("Location"):
            target = urljoin(urljoin(HOST, target), response.headers["Location"])[len(HOST):]
            continue
        if response.status != 200 or b"<" not in response.body[:200]:
            return None
        return target, response.body, response.headers
    return None


def _pages(portal, limit: int = 60):
    """The portal's pages as a crawl reaches them from the home page (listings and articles
    taking turns), each with the profile a crawl would pass (the platform two article pages
    were recognised as)."""
    seen, listings, articles, out = {"/"}, ["/"], [], []
    turn = 0
    platforms: list[str] = []
    while (listings or articles) and len(out) < limit:
        turn += 1
        target = listings.pop(0) if listings and (turn % 2 or not articles) else articles.pop(0)
        served = _served(portal, target)
        if served is None:
            continue
        target, body, headers = served
        url = urljoin(HOST, target)
        profile = platforms[0] if len(platforms) >= 2 and platforms[0] == platforms[1] else None
        out.append((url, body, headers, profile))
        page = parse_page(body, url, headers, profile)
        if page.kind == "article" and page.platform != "generic":
            platforms.append(page.platform)
        listing = page.listing
        for links, queue in ((listing.page_links + listing.other_links, listings),
                             (listing.article_links, articles)):
            for link in links:
                rest = link[len(HOST):] or "/" if link.startswith(HOST) else None
                if rest is not None and rest not in seen:
                    seen.add(rest)
                    queue.append(rest)
    return out


@pytest.mark.parametrize("portal", all_portals(readership=False), ids=lambda p: type(p).__name__)
def test_quick_listings_give_the_crawl_what_the_full_parse_gives(portal):
    quick_pages = 0
    for url, body, headers, profile in _pages(portal):
        full = parse_page(body, url, headers, profile)
        quick = parse_page(body, url, headers, profile, quick_listings=True)
        assert (quick.kind, quick.platform, quick.encoding) == (full.kind, full.platform, full.encoding), url
        assert quick.listing == full.listing, url            # links and the site's counters
        if quick.kind == "article":
            assert quick.article == full.article, url
        elif quick.article.headline is None and full.article.headline is not None:
            quick_pages += 1                                 # read quickly: counters only
            assert (quick.article.visitor_counter, quick.article.site_counters) == \
                (full.article.visitor_counter, full.article.site_counters), url
    assert quick_pages >= 1              # listings read quickly on every demo platform


def test_a_listing_url_without_links_is_read_in_full():
    """A page its URL calls a listing but that shows no link at all is read whole, so the
    crawl can still tell a page from an error page by its headline."""
    body = ("<html><head><meta name='generator' content='NukeViet v4.0'><title>Tin tức</title>"
            "</head><body><h1>Lịch tiếp công dân tháng 12 của Chủ tịch UBND xã</h1>"
            "<p>Chưa có bài viết nào trong chuyên mục này, mời bạn đọc quay lại sau.</p>"
            "</body></html>").encode()
    url = "https://xa.example.gov.vn/news/tin-tuc/"        # NukeViet's listing URL form
    quick = parse_page(body, url, quick_listings=True)
    assert (quick.platform, quick.kind) == ("nukeviet", "listing")
    assert quick.article.headline == "Lịch tiếp công dân tháng 12 của Chủ tịch UBND xã"
    assert quick == parse_page(body, url)
