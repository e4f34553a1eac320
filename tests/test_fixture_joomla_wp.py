"""The Joomla and WordPress demo portals serve a whole small site: every article reachable from
`/` through listings and their pagination, robots.txt, feeds, both Joomla URL spellings, and
counters that move as the site is visited."""
from __future__ import annotations

import re
from collections import deque
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import requests
from lxml import html
from protego import Protego

from govnews.fixtures.portal import Portal
from govnews.fixtures.portals.joomla_wp import JoomlaPortal, WordPressPortal
from govnews.fixtures.server import PortalServer

PORTALS = [JoomlaPortal, WordPressPortal]
ASSET = re.compile(r"\.(?:gif|png|jpe?g|ico|css|js|pdf|docx?|xml)(?:$|\?)", re.I)
BODY = {"joomla": '//div[@itemprop="articleBody"]',
        "wordpress": '//div[contains(concat(" ", @class, " "), " entry-content ")]'}


def collapse(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text).strip()


@pytest.fixture
def http() -> requests.Session:
    session = requests.Session()
    session.trust_env = False          # never through a proxy: the portal is on 127.0.0.1
    return session


def serve(portal_cls: type[Portal]) -> PortalServer:
    return PortalServer(portal_cls())


def links_of(page: str, base: str) -> list[str]:
    root = html.fromstring(page)
    return [urljoin(base, a.get("href")).split("#")[0] for a in root.iter("a") if a.get("href")]


def crawl_listings(server: PortalServer, http: requests.Session,
                   article_paths: set[str]) -> tuple[set[str], set[str]]:
    """BFS from / over same-host HTML pages, never opening an article: returns the article
    paths the listings link to and the listing pages visited."""
    start = server.url + "/"
    queue, seen, found, visited = deque([start]), {start}, set(), set()
    while queue and len(visited) < 300:
        url = queue.popleft()
        response = http.get(url, allow_redirects=False, timeout=10)
        visited.add(url)
        if "text/html" not in response.headers.get("Content-Type", ""):
            continue
        for link in links_of(response.text, url):
            parts = urlsplit(link)
            if parts.netloc != urlsplit(server.url).netloc or ASSET.search(parts.path):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target in article_paths:
                found.add(target)
            elif link not in seen and not re.search(r"print=1|share=|view=article", link):
                seen.add(link)
                queue.append(link)
    return found, visited


@pytest.mark.parametrize("portal_cls", PORTALS)
def test_every_article_is_reachable_from_home_over_listings(portal_cls, http):
    with serve(portal_cls) as server:
        portal = server.portal
        paths = {portal.article_path(a) for a in portal.articles()}
        found, visited = crawl_listings(server, http, paths)
    assert found == paths
    assert any("start=" in u or "/page/" in u for u in visited), "no pagination was followed"


@pytest.mark.parametrize("portal_cls", PORTALS)
def test_every_article_page_serves_its_data(portal_cls, http):
    with serve(portal_cls) as server:
        for article in server.portal.articles():
            response = http.get(server.url + server.portal.article_path(article), timeout=10)
            assert response.status_code == 200, article.key
            body = html.fromstring(response.text).xpath(BODY[server.portal.platform])[0]
            text = collapse(body.text_content())
            positions = [text.find(p) for p in article.paragraphs]
            assert -1 not in positions and positions == sorted(positions), article.key


@pytest.mark.parametrize("portal_cls", PORTALS)
def test_listings_have_several_pages_and_categories(portal_cls):
    portal = portal_cls()
    assert len(portal.articles()) >= 8
    assert len({a.category for a in portal.articles()}) >= 2


@pytest.mark.parametrize("portal_cls, disallowed", [(JoomlaPortal, "/administrator/"),
                                                    (WordPressPortal, "/wp-admin/")])
def test_robots_txt(portal_cls, disallowed, http):
    with serve(portal_cls) as server:
        response = http.get(server.url + "/robots.txt", timeout=10)
        article = server.portal.articles()[0]
        robots = Protego.parse(response.text)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        assert robots.can_fetch(server.url + server.portal.article_path(article), "govnews")
        assert not robots.can_fetch(server.url + disallowed, "govnews")


def printed_views(page: str) -> int:
    m = (re.search(r"Lượt xem:\s*(?:</span>\s*<span[^>]*>)?\s*([\d.]+)", page)
         or re.search(r"([\d,]+) lượt xem", page))
    assert m, "no view count on the page"
    return int(re.sub(r"\D", "", m.group(1)))


@pytest.mark.parametrize("portal_cls", PORTALS)
def test_view_counts_grow_per_view(portal_cls, http):
    with serve(portal_cls) as server:
        for article in server.portal.articles():
            url = server.url + server.portal.article_path(article)
            first = printed_views(http.get(url, timeout=10).text)
            second = printed_views(http.get(url, timeout=10).text)
            assert (first, second) == (article.views, article.views + 1), article.key


def test_joomla_both_spellings_and_print_view_are_the_same_article(http):
    with serve(JoomlaPortal) as server:
        portal = server.portal
        article = portal.articles()[0]
        story = portal._stories[article.key]
        sef = portal.article_path(article)
        non_sef = portal._non_sef_path(story)
        with_alias = portal._non_sef_path(story, with_alias=True)
        pages = [http.get(server.url + p, timeout=10).text
                 for p in (sef, non_sef, with_alias, sef + "?tmpl=component&print=1")]
    headlines = {collapse(html.fromstring(p).xpath('//h2[@itemprop="headline"]')[0].text_content())
                 for p in pages}
    assert headlines == {article.headline}
    assert [printed_views(p) for p in pages] == [article.views + i for i in range(4)]


def test_joomla_non_sef_spelling_is_linked_from_the_site(http):
    with serve(JoomlaPortal) as server:
        page = http.get(server.url + "/", timeout=10).text
    assert "option=com_content&view=article&id=" in " ".join(links_of(page, server.url))


def test_joomla_counter_digits_and_total_row_agree(http):
    with serve(JoomlaPortal) as server:
        first = http.get(server.url + "/", timeout=10).text
        second = http.get(server.url + "/index.php/tin-tuc", timeout=10).text
    for page, expected in ((first, 84517), (second, 84518)):
        root = html.fromstring(page)
        digits = [re.search(r"/(\d)\.gif$", i.get("src")).group(1)
                  for i in root.xpath('//div[@class="vcounter_digits"]/img')]
        total = root.xpath('//tr[td[2]="Tất cả"]/td[3]')[0].text
        assert ("".join(digits), int(total)) == (f"{expected:06d}", expected)


def test_wordpress_statistics_widget_shows_the_counter(http):
    with serve(WordPressPortal) as server:
        page = http.get(server.url + "/", timeout=10).text
    assert "Tổng lượt truy cập:&nbsp;</label>186.523" in page
    assert "Đang online:&nbsp;</label>" in page


@pytest.mark.parametrize("portal_cls", PORTALS)
def test_printed_date_agrees_with_time_datetime(portal_cls):
    portal = portal_cls()
    for article in portal.articles():
        root = html.fromstring(portal.render_article(article, article.views, portal.counter_start))
        for time in root.iter("time"):
            stamp = datetime.fromisoformat(time.get("datetime"))
            assert stamp.strftime("%d/%m/%Y") in time.text_content(), article.key
        published = root.xpath('//time[@itemprop="datePublished"] | '
                               '//time[contains(@class, "published")]')[0]
        assert published.get("datetime") == portal.expected_record(article)["published_at"]


def test_wordpress_prints_both_view_count_styles():
    portal = WordPressPortal()
    pages = [portal.render_article(a, a.views, portal.counter_start) for a in portal.articles()]
    assert any(re.search(r"\d\.\d{3}</span>", p) and "Lượt xem:" in p for p in pages)
    assert any(re.search(r"\d,\d{3} lượt xem", p) for p in pages)


def test_wordpress_redirects_shortlinks_and_missing_slash(http):
    with serve(WordPressPortal) as server:
        article = server.portal.articles()[0]
        path = server.portal.article_path(article)
        short = http.get(f"{server.url}/?p={article.key}", allow_redirects=False, timeout=10)
        bare = http.get(server.url + path.rstrip("/"), allow_redirects=False, timeout=10)
    assert (short.status_code, short.headers["Location"]) == (301, path)
    assert (bare.status_code, bare.headers["Location"]) == (301, path)


@pytest.mark.parametrize("portal_cls, feed", [(WordPressPortal, "/feed/"),
                                              (JoomlaPortal, "/index.php/tin-tuc?format=feed&type=rss")])
def test_feeds_link_to_articles_on_this_host(portal_cls, feed, http):
    with serve(portal_cls) as server:
        response = http.get(server.url + feed, timeout=10)
        paths = {server.portal.article_path(a) for a in server.portal.articles()}
    links = [e.text for e in ElementTree.fromstring(response.content).iter("link")]
    items = [urlsplit(u) for u in links[1:]]
    assert items and all(u.netloc == urlsplit(server.url).netloc for u in items)
    assert {u.path for u in items} <= paths


@pytest.mark.parametrize("portal_cls, page", [(JoomlaPortal, "/index.php/tin-tuc?start=400"),
                                              (WordPressPortal, "/page/40/")])
def test_pages_past_the_end_are_404(portal_cls, page, http):
    with serve(portal_cls) as server:
        assert http.get(server.url + page, timeout=10).status_code == 404


@pytest.mark.parametrize("portal_cls, asset", [
    (JoomlaPortal, "/images/counter/7.gif"),
    (JoomlaPortal, "/images/van-ban/2019/lich-tiep-cong-dan-thang-6-2019.pdf"),
    (WordPressPortal, "/wp-content/uploads/2022/06/tap-huan-tom-cang-xanh-1024x683.jpg"),
])
def test_assets_are_tiny_valid_files(portal_cls, asset, http):
    with serve(portal_cls) as server:
        response = http.get(server.url + asset, timeout=10)
    magic = {"gif": b"GIF8", "pdf": b"%PDF", "jpg": b"\xff\xd8\xff"}[asset.rsplit(".", 1)[1]]
    assert response.status_code == 200 and response.content.startswith(magic)
