"""The NukeViet and Liferay demo portals behave like the real sites: every article is reachable
from `/` through the listings and their own pagination (as the platform profile describes them),
print views fold into the article, RSS is valid, robots.txt is served, counters move per request
and the pages show exactly the data they were rendered from."""
from __future__ import annotations

import re
import unicodedata
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html
from protego import Protego

from govnews.fixtures.portal import FixtureArticle, Portal
from govnews.fixtures.portals.liferay import LiferayPortal
from govnews.fixtures.portals.liferay_articles import SIGNATURES
from govnews.fixtures.portals.nukeviet import NukeVietPortal
from govnews.fixtures.server import PortalServer
from govnews.parsers.profile import Profile, profile_named
from govnews.parsers.urls import canonical_url

PORTALS: dict[str, type[Portal]] = {"nukeviet": NukeVietPortal, "liferay": LiferayPortal}
BODY = {"nukeviet": "#news-bodyhtml", "liferay": ".asset-full-content .journal-content-article"}
VIEWS = {"nukeviet": r"Lượt xem: <strong>([\d.]+)</strong>", "liferay": r"Lượt xem: ([\d,]+)</span>"}
TOTAL = {"nukeviet": r"Tổng lượt truy cập</span><span>([\d.]+)</span>",
         "liferay": r"Tổng lượt truy cập: <span>([\d.]+)</span>"}
BLOCKS = {"p", "div", "figcaption", "li", "h2", "h3", "h4", "blockquote", "td"}


@dataclass
class Site:
    name: str
    portal: Portal
    server: PortalServer
    profile: Profile

    def fetch(self, target: str) -> str:
        with urllib.request.urlopen(urljoin(self.server.url, target), timeout=10) as response:
            return response.read().decode("utf-8")

    def canonical(self, url: str) -> str:
        parts = urlsplit(canonical_url(urljoin(self.server.url, url), self.profile.urls))
        return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture(scope="module", params=sorted(PORTALS))
def site(request):
    portal = PORTALS[request.param]()
    with PortalServer(portal) as server:
        yield Site(request.param, portal, server, profile_named(request.param))


def hrefs(page: str) -> list[str]:
    return [a.get("href") for a in html.fromstring(page).iter("a") if a.get("href")]


def matches(patterns, url: str) -> bool:
    return any(p.search(url) for p in patterns)


def crawl_listings(site: Site, follow_pages: bool = True) -> tuple[set[str], list[str]]:
    """BFS from `/` over listing and pagination links as the profile classifies them (article
    pages are collected, not fetched): (canonical article paths found, listing URLs fetched)."""
    start = site.server.url + "/"
    queue, seen, found, fetched = deque([start]), {start}, set(), []
    follow = site.profile.listing_url + (site.profile.page_url if follow_pages else ())
    while queue and len(fetched) < 200:
        url = queue.popleft()
        fetched.append(url)
        for href in hrefs(site.fetch(url)):
            link = urljoin(url, href).split("#", 1)[0]
            if urlsplit(link).netloc != urlsplit(start).netloc or matches(site.profile.skip_url, link):
                continue
            if matches(site.profile.article_url, link):
                found.add(site.canonical(link))
            elif matches(follow, link) and link not in seen:
                seen.add(link)
                queue.append(link)
    return found, fetched


def test_each_portal_has_enough_articles_and_categories(site):
    articles = site.portal.articles()
    assert len(articles) >= 10
    assert len({a.category for a in articles}) >= 2
    assert len({a.key for a in articles}) == len(articles)
    assert len({site.portal.article_path(a) for a in articles}) == len(articles)


def test_every_article_is_reachable_through_listings_and_pagination(site):
    found, fetched = crawl_listings(site)
    wanted = {site.canonical(site.portal.article_path(a)) for a in site.portal.articles()}
    assert wanted <= found
    assert [u for u in fetched if matches(site.profile.page_url, u)], "no pagination followed"


def test_some_articles_are_only_reachable_through_pagination(site):
    without_pages, _ = crawl_listings(site, follow_pages=False)
    wanted = {site.canonical(site.portal.article_path(a)) for a in site.portal.articles()}
    assert wanted - without_pages


def test_print_view_folds_into_the_article_and_is_skipped(site):
    article = site.portal.articles()[0]
    target = site.portal.print_path(article)
    page = site.fetch(target)
    assert site.canonical(target) == site.canonical(site.portal.article_path(article))
    assert matches(site.profile.skip_url, site.server.url + target)
    assert article.paragraphs[-1].split()[-1] in page
    assert "noindex" in page


def test_robots_txt_allows_articles_and_listings(site):
    robots = Protego.parse(site.fetch("/robots.txt"))
    blocked = {"nukeviet": "/admin/index.php", "liferay": "/c/portal/login"}[site.name]
    assert not robots.can_fetch(site.server.url + blocked, "govnews")
    for article in site.portal.articles():
        assert robots.can_fetch(site.server.url + site.portal.article_path(article), "govnews")
    assert robots.can_fetch(site.server.url + "/", "govnews")


def test_view_count_grows_per_view(site):
    article = next(a for a in site.portal.articles() if a.views is not None)
    target = site.portal.article_path(article)
    pattern = VIEWS[site.name]
    first = int(re.sub(r"\D", "", re.search(pattern, site.fetch(target)).group(1)))
    second = int(re.sub(r"\D", "", re.search(pattern, site.fetch(target)).group(1)))
    assert first >= article.views
    assert second == first + 1
    site.fetch(site.portal.print_path(article))
    third = int(re.sub(r"\D", "", re.search(pattern, site.fetch(target)).group(1)))
    assert third == second + 1                    # the print view is not counted


def test_visitor_counter_grows_per_request(site):
    first = re.search(TOTAL[site.name], site.fetch("/")).group(1)
    second = re.search(TOTAL[site.name], site.fetch("/")).group(1)
    assert re.fullmatch(r"\d\.\d{3}\.\d{3}", first)
    assert int(first.replace(".", "")) >= site.portal.counter_start
    assert int(second.replace(".", "")) > int(first.replace(".", ""))


def test_unknown_pages_are_404(site):
    missing = {"nukeviet": "/vi/news/kinh-te/khong-co-bai-nay-999999.html",
               "liferay": "/web/guest/tin-tuc/-/asset_publisher/Xu3yL6SLX1sj/content/khong-co-bai-nay"}
    with pytest.raises(urllib.error.HTTPError) as error:
        site.fetch(missing[site.name])
    assert error.value.code == 404


# -- the pages show exactly their data --------------------------------------------------------

def every_article():
    return [pytest.param(name, a.key, id=f"{name}/{a.key}")
            for name, cls in sorted(PORTALS.items()) for a in cls().articles()]


def leaf_blocks(container) -> list[str]:
    texts = []
    for el in container.iter(*BLOCKS):
        if any(d.tag in BLOCKS for d in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            texts.append(text)
    return texts


def expected_blocks(name: str, article: FixtureArticle) -> list[str]:
    if name == "nukeviet":
        return list(article.paragraphs)
    dated = LiferayPortal().category(article).template == "directive"
    lines = [f"Ngày đăng: {article.published:%d/%m/%Y %H:%M}"] if dated else []
    lines += ([article.summary] if article.summary else []) + list(article.paragraphs)
    lines += [SIGNATURES[article.key]] if article.key in SIGNATURES else []
    return lines + ([f"Nguồn: {article.source}"] if article.source else [])


@pytest.mark.parametrize("name,key", every_article())
def test_body_paragraphs_show_the_data(name, key):
    portal = PORTALS[name]()
    article = next(a for a in portal.articles() if a.key == key)
    root = html.fromstring(portal.render_article(article, article.views, portal.counter_start))
    body = root.cssselect(BODY[name])
    assert len(body) == 1
    assert leaf_blocks(body[0]) == expected_blocks(name, article)
    assert [img.get("src") for img in body[0].iter("img")] == list(article.images)
    assert [a.get("href") for a in body[0].iter("a")] == list(article.attachments)


@pytest.mark.parametrize("name,key", every_article())
def test_data_is_nfc_and_expected_record_is_consistent(name, key):
    portal = PORTALS[name]()
    article = next(a for a in portal.articles() if a.key == key)
    texts = [article.headline, article.category, *article.paragraphs, article.summary or "",
             article.author or "", article.source or ""]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert 3 <= len(article.paragraphs) + (article.summary is not None) <= 10
    record = portal.expected_record(article)
    assert record["visitor_counter"] == portal.counter_start
    assert record["published_at"].endswith("+07:00")


def test_nukeviet_detail_markup():
    portal = NukeVietPortal()
    by_key = {a.key: a for a in portal.articles()}
    article = by_key["2871"]
    page = portal.render_article(article, article.views, portal.counter_start)
    root = html.fromstring(page)
    assert root.cssselect('meta[name="generator"]')[0].get("content") == "NukeViet v4.5"
    assert root.cssselect('h1.title[itemprop="headline"]')[0].text_content() == article.headline
    assert root.cssselect("div.news_column span.h5")[0].text_content() == "Thứ ba - 04/08/2020 16:20"
    assert " ".join(root.cssselect("div.hometext")[0].text_content().split()) == article.summary
    assert "Lượt xem: <strong>1.234</strong>" in page
    assert [p.text_content() for p in root.cssselect("p.h5.text-right")] == [
        "Tác giả: Nguyễn Văn Hùng", "Nguồn tin: Báo Đông Giang"]
    related = root.cssselect("ul.detail-related li")
    assert related and all(re.search(r"\(\d\d/\d\d/\d{4} \d\d:\d\d\)", li.text_content()) for li in related)
    assert "Tổng lượt truy cập</span><span>4.512.387</span>" in page
    credits = {k: len(html.fromstring(portal.render_article(a, a.views, 1)).cssselect("p.h5.text-right"))
               for k, a in by_key.items()}
    assert set(credits.values()) == {0, 1, 2}


def test_nukeviet_listing_shows_views_and_paginates():
    portal = NukeVietPortal()
    with PortalServer(portal) as server:
        with urllib.request.urlopen(server.url + "/vi/news/tin-tuc-su-kien/", timeout=10) as r:
            first = r.read().decode("utf-8")
        with urllib.request.urlopen(server.url + "/vi/news/tin-tuc-su-kien/page-2/", timeout=10) as r:
            second = r.read().decode("utf-8")
        assert '<a href="/vi/news/tin-tuc-su-kien/page-2/">2</a>' in first
        assert re.search(r"Đã xem: \d{1,3}(?:\.\d{3})+", first)
        assert "hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-nam-2017-1453.html" in second
        with urllib.request.urlopen(server.url + "/vi/news/tin-tuc-su-kien/ubnd-tinh-hop-x-2871.html",
                                    timeout=10) as r:
            assert r.url.endswith(portal.article_path(next(a for a in portal.articles() if a.key == "2871")))


@pytest.mark.parametrize("feed", ["/vi/news/rss/", "/vi/news/rss/kinh-te/"])
def test_nukeviet_rss_is_valid_rss2(feed):
    portal = NukeVietPortal()
    with PortalServer(portal) as server:
        with urllib.request.urlopen(server.url + feed, timeout=10) as response:
            assert response.headers["Content-Type"].startswith("application/rss+xml")
            channel = ET.fromstring(response.read()).find("channel")
    assert channel is not None and channel.findtext("title") and channel.findtext("description")
    items = channel.findall("item")
    wanted = [a for a in portal.articles() if feed.endswith("/rss/") or a.category == "Kinh tế"]
    assert len(items) == len(wanted)
    by_path = {portal.article_path(a): a for a in wanted}
    for item in items:
        link = urlsplit(item.findtext("link"))
        assert link.netloc == urlsplit(server.url).netloc
        article = by_path[link.path]
        assert item.findtext("title") == article.headline
        assert parsedate_to_datetime(item.findtext("pubDate")).isoformat() == \
            article.published.isoformat() + "+07:00"


def test_liferay_detail_markup():
    portal = LiferayPortal()
    by_key = {a.key: a for a in portal.articles()}
    article = by_key["1198742"]
    page = portal.render_article(article, article.views, portal.counter_start)
    root = html.fromstring(page)
    skip = root.cssselect("body > a")[0]
    assert (skip.get("href"), skip.text_content()) == ("#main-content", "Truy cập nội dung luôn")
    assert root.cssselect(".asset-full-content .header-title")[0].text_content() == article.headline
    assert root.cssselect("span.meta-data-date")[0].text_content() == "22/11/2018 10:05"
    assert root.cssselect("span.view-count")[0].text_content() == "Lượt xem: 1,876"
    assert "Tổng lượt truy cập: <span>6.231.904</span>" in page
    assert "Tin, ảnh: Hoàng Anh" in page and "Nguồn: Báo Bắc Sơn" in page
    directive = by_key["1219034"]
    other = html.fromstring(portal.render_article(directive, directive.views, portal.counter_start))
    assert other.cssselect("p.date_post")[0].text_content() == "Ngày đăng: 18/02/2019 17:30"
    assert not other.cssselect(".view-count")
    assert len(root.cssselect("div.portlet-boundary")) >= 6


def test_liferay_pagination_through_portlet_parameters():
    portal = LiferayPortal()
    cat = portal.category(next(a for a in portal.articles() if a.category == "Kinh tế - Xã hội"))
    with PortalServer(portal) as server:
        with urllib.request.urlopen(server.url + "/web/guest/kinh-te-xa-hoi", timeout=10) as r:
            first = r.read().decode("utf-8")
        with urllib.request.urlopen(server.url + portal.listing_path(cat, 2), timeout=10) as r:
            second = r.read().decode("utf-8")
    ns = f"_101_INSTANCE_{cat.instance}_"
    assert f"{ns}cur=2" in first.replace("&amp;", "&")
    assert "Hiển thị 1 - 3 của 5 kết quả." in first
    assert "Hiển thị 4 - 5 của 5 kết quả." in second
    assert re.search(r"\d{1,3}(?:,\d{3})+ Lượt xem", first)
    assert "inheritRedirect=false&amp;redirect=%2Fweb%2Fguest%2Fkinh-te-xa-hoi%3Fp_p_id" in second
