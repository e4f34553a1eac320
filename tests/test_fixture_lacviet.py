"""The Lạc Việt demo portal behaves like the real site: every article is reachable from `/`
(some only through ASP.NET postbacks), counters move per request, and query parameters may come
in any order and case."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from govnews.fixtures.portals.lacviet import GRID_TARGET, POSTBACK_CATEGORY, LacVietPortal, listing_url
from govnews.fixtures.server import PortalServer

DISALLOWED = ("/tintuc/_layouts/", "/tintuc/lists/posts/search.aspx")
POSTBACK = re.compile(r"javascript:__doPostBack\('([^']+)','([^']+)'\)")


class LinkCollector(HTMLParser):
    """Hrefs of the page, and the hidden fields and action of its aspnetForm."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.form_action: str | None = None
        self.hidden: dict[str, str] = {}
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in found:
            self.links.append(found["href"])
        elif tag == "form" and found.get("id") == "aspnetForm":
            self.form_action, self._in_form = found.get("action", ""), True
        elif tag == "input" and self._in_form and found.get("type") == "hidden":
            self.hidden[found.get("name", "")] = found.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False


@pytest.fixture(scope="module")
def portal() -> LacVietPortal:
    return LacVietPortal()


@pytest.fixture(scope="module")
def server(portal: LacVietPortal):
    with PortalServer(portal) as running:
        yield running


def fetch(server: PortalServer, target: str, form: dict[str, str] | None = None) -> str:
    data = urlencode(form).encode() if form is not None else None
    with urllib.request.urlopen(server.url + target, data=data, timeout=10) as response:
        return response.read().decode("utf-8")


def collect(page: str) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(page)
    return collector


def item_id(link: str) -> str | None:
    parts = urlsplit(link)
    query = {k.lower(): v for k, v in parse_qsl(parts.query)}
    if parts.path.lower() == "/tintuc/lists/posts/post.aspx" and query.get("mode") == "1":
        return query.get("itemid")
    return None


def followable(link: str) -> bool:
    path = urlsplit(link).path.lower()
    query = {k.lower(): v for k, v in parse_qsl(urlsplit(link).query)}
    return (link.startswith("/") and not path.startswith(DISALLOWED)
            and query.get("mode") != "3" and not path.endswith((".png", ".jpg", ".pdf", ".css")))


def crawl(server: PortalServer) -> tuple[set[str], set[str], set[str]]:
    """BFS over GET links and postbacks from `/`: (all article ids, ids linked by GET pages,
    ids linked by POST pages)."""
    seen, posted = {"/"}, set()
    queue: deque[tuple[str, dict[str, str] | None]] = deque([("/", None)])
    by_get, by_post = set(), set()
    while queue and len(seen) + len(posted) < 800:
        target, form = queue.popleft()
        page = collect(fetch(server, target, form))
        ids = {i for i in map(item_id, page.links) if i}
        (by_post if form is not None else by_get).update(ids)
        for link in page.links:
            match = POSTBACK.match(link)
            if match and page.form_action is not None:
                fields = dict(page.hidden, __EVENTTARGET=match[1], __EVENTARGUMENT=match[2])
                key = f"{page.form_action}|{match[2]}"
                if key not in posted:
                    posted.add(key)
                    queue.append((page.form_action.replace("&amp;", "&"), fields))
            elif followable(link) and link not in seen:
                seen.add(link)
                queue.append((link, None))
    return by_get | by_post, by_get, by_post


def test_every_article_is_reachable_and_postback_only_ones_only_by_postback(server, portal):
    found, by_get, by_post = crawl(server)
    only_postback = {a.key for a in portal.postback_only()}
    assert {a.key for a in portal.articles()} <= found
    assert len(only_postback) >= 3
    assert only_postback <= by_post
    assert not only_postback & by_get
    assert not [p for p in server.paths() if urlsplit(p).path.lower().startswith(DISALLOWED)]


def test_postback_page_two_differs_from_get(server, portal):
    listing = portal.in_category(POSTBACK_CATEGORY)
    url = listing_url(POSTBACK_CATEGORY)
    first = collect(fetch(server, url))
    assert len(first.hidden["__VIEWSTATE"]) > 2000
    assert "__EVENTVALIDATION" in first.hidden
    assert {item_id(link) for link in collect(fetch(server, url + "&Page=2")).links} >= {
        a.key for a in listing[:10]}
    second = collect(fetch(server, url, dict(first.hidden, __EVENTTARGET=GRID_TARGET,
                                             __EVENTARGUMENT="Page$2")))
    assert {i for i in map(item_id, second.links) if i} >= {a.key for a in listing[10:]}


def views_of(page: str) -> int:
    return int(re.search(r"Số lượt người xem: (\d+)", page).group(1))


def counter_of(page: str) -> int:
    box = page.split("SỐ LƯỢT TRUY CẬP", 1)[1].split("</div></div>", 1)[0]
    return int("".join(re.findall(r'<img src="/tintuc/counter/(\d)\.png"', box)))


def test_view_count_grows_per_view(server):
    target = "/tintuc/lists/posts/post.aspx?ItemID=5342&Mode=1"
    assert views_of(fetch(server, target)) + 1 == views_of(fetch(server, target))


def test_visitor_counter_grows_per_request(server):
    first = counter_of(fetch(server, "/"))
    assert first >= LacVietPortal.counter_start
    assert counter_of(fetch(server, "/tintuc/default.aspx")) > first


@pytest.mark.parametrize("query", [
    "Source=%2ftintuc&Category=Tin%20t%E1%BB%A9c%20s%E1%BB%B1%20ki%E1%BB%87n&ItemID=8861&Mode=1",
    "Mode=1&ItemID=8861&Source=%2ftintuc&Category=Tin%20t%E1%BB%A9c%20s%E1%BB%B1%20ki%E1%BB%87n",
    "itemid=8861&mode=1",
    "ITEMID=8861",
])
def test_parameter_order_and_case_do_not_matter(server, query):
    page = fetch(server, "/tintuc/lists/posts/post.aspx?" + query)
    headline = "Triển khai kế hoạch Ngày hội toàn dân Bảo vệ an ninh Tổ quốc năm 2020"
    assert f'<p class="Title">{headline}</p>' in page
    assert '<td class="Time">Thứ Ba, 04/08/2020, 16:20</td>' in page


def test_golden_page_shows_seed_counters(portal):
    article = next(a for a in portal.articles() if a.key == "8861")
    page = portal.render_article(article, article.views, portal.counter_start)
    assert counter_of(page) == 5576474
    assert views_of(page) == 122


def test_robots_and_unknown_paths(server):
    robots = fetch(server, "/robots.txt")
    assert "Disallow: /tintuc/_layouts/" in robots
    assert "Disallow: /tintuc/lists/posts/search.aspx" in robots
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(server, "/tintuc/khong-co-trang-nay.aspx")
    assert missing.value.code == 404
