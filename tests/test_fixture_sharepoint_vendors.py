"""The SharePoint vendor-theme demo portals (Quảng Ninh, Quảng Nam, Tandan/Điện Biên) serve whole
small sites: every article is reachable from `/` through the listings' pagination (plain links or
ASP.NET postbacks), robots.txt answers, counters move, and article pages show exactly their data
where the platform profile says they do."""
from __future__ import annotations

import re
import tomllib
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from lxml import etree, html
from lxml.cssselect import CSSSelector
from protego import Protego

from govnews.fixtures.portal import FixtureArticle, Portal
from govnews.fixtures.portals.sharepoint_vendors import (PORTALS, QuangNamPortal, QuangNinhPortal,
                                                 TandanPortal)
from govnews.fixtures.server import PortalServer

PROFILES = Path(__file__).resolve().parent.parent / "parsers" / "profiles"
POSTBACK = re.compile(r"__doPostBack\('([^']*)','([^']*)'\)")
STATIC = re.compile(r"(?i)\.(?:jpe?g|png|gif|pdf|docx?|css|js|ico|axd)(?:$|\?)")
MAX_FETCHES = 300


# -- a tiny HTTP client and a listing-only BFS ---------------------------------------------------
@dataclass(frozen=True)
class Fetch:
    method: str
    url: str
    form: tuple[tuple[str, str], ...] = ()


@dataclass
class Reply:
    status: int
    url: str
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(job: Fetch) -> Reply:
    data = urlencode(job.form).encode() if job.method == "POST" else None
    request = urllib.request.Request(job.url, data=data, method=job.method)
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, response.geturl(), dict(response.headers), response.read())
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, job.url, dict(exc.headers), exc.read())


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def postbacks(tree: etree._Element, page_url: str) -> list[Fetch]:
    """Every __doPostBack link of the page as the POST a browser would send."""
    forms = tree.xpath("//form[@id='aspnetForm']")
    if not forms:
        return []
    form = forms[0]
    action = urljoin(page_url, form.get("action") or page_url)
    hidden = [(i.get("name"), i.get("value") or "") for i in form.xpath(".//input[@type='hidden']")
              if i.get("name") not in ("__EVENTTARGET", "__EVENTARGUMENT")]
    jobs = []
    for href in tree.xpath("//a/@href"):
        m = POSTBACK.search(href)
        if m:
            fields = tuple(hidden + [("__EVENTTARGET", m.group(1)), ("__EVENTARGUMENT", m.group(2))])
            jobs.append(Fetch("POST", action, fields))
    return jobs


def links(tree: etree._Element, page_url: str, host: str) -> list[Fetch]:
    found = []
    for href in tree.xpath("//a/@href"):
        href = href.strip()
        if href.lower().startswith(("javascript:", "mailto:", "#")):
            continue
        url = urljoin(page_url, href).split("#")[0]
        if urlsplit(url).netloc == host and not STATIC.search(urlsplit(url).path):
            found.append(Fetch("GET", url))
    return found


@dataclass
class Crawl:
    articles: dict[str, Fetch]            # article path -> the listing fetch that linked it
    fetches: list[Fetch]
    statuses: dict[Fetch, int]


def crawl_listings(server: PortalServer, portal: Portal) -> Crawl:
    """BFS from `/` over every page that is not an article (home, listings, their pagination by
    link or postback), obeying robots.txt; article pages are fetched but not expanded."""
    rules = Protego.parse(fetch(Fetch("GET", server.url + "/robots.txt")).text)
    wanted = {portal.article_path(a) for a in portal.articles()}
    host = urlsplit(server.url).netloc
    queue: deque[tuple[Fetch, Fetch | None]] = deque([(Fetch("GET", server.url + "/"), None)])
    seen: set[tuple[str, str, str]] = set()
    crawl = Crawl({}, [], {})
    while queue and len(crawl.fetches) < MAX_FETCHES:
        job, parent = queue.popleft()
        marker = "".join(v for k, v in job.form if k.startswith("__EVENT") and k != "__EVENTVALIDATION")
        key = (job.method, job.url, marker)
        if key in seen or not rules.can_fetch(job.url, "govnews-test"):
            continue
        seen.add(key)
        reply = fetch(job)
        crawl.fetches.append(job)
        crawl.statuses[job] = reply.status
        if reply.status != 200 or "html" not in reply.headers.get("Content-Type", ""):
            continue
        if local(reply.url) in wanted:
            crawl.articles.setdefault(local(reply.url), parent)
            continue
        tree = html.fromstring(reply.body)
        for child in links(tree, reply.url, host) + postbacks(tree, reply.url):
            queue.append((child, job))
    return crawl


def paginated(job: Fetch | None) -> bool:
    return job is not None and (job.method == "POST" or re.search(r"(?i)[?&]page=[2-9]", job.url))


@pytest.fixture(params=PORTALS, ids=[cls.platform for cls in PORTALS])
def served(request):
    portal = request.param()
    with PortalServer(portal) as server:
        yield portal, server


# -- serving ------------------------------------------------------------------------------------
def test_every_article_is_reachable_from_home_through_pagination(served):
    portal, server = served
    crawl = crawl_listings(server, portal)
    expected = {portal.article_path(a) for a in portal.articles()}
    assert set(crawl.articles) == expected
    assert any(paginated(parent) for parent in crawl.articles.values()), \
        "some article must be reachable only past the first page of a listing"
    assert {job.url: status for job, status in crawl.statuses.items() if status != 200} == {}


def test_each_portal_has_enough_articles_and_categories(served):
    portal, _ = served
    articles = portal.articles()
    assert len(articles) >= 8
    assert len({a.category for a in articles}) >= 2
    assert len({a.key for a in articles}) == len(articles)


def test_quangnam_listings_page_only_through_postbacks():
    portal = QuangNamPortal()
    with PortalServer(portal) as server:
        first = fetch(Fetch("GET", server.url + "/Default.aspx?tabid=83"))
        tree = html.fromstring(first.body)
        jobs = postbacks(tree, first.url)
        assert [dict(j.form)["__EVENTARGUMENT"] for j in jobs] == ["Page$2"]
        assert not re.search(r"(?i)[?&]page=\d", first.text)
        second = fetch(jobs[0])
        assert second.status == 200
        on_first = set(tree.xpath("//a[@class='news-title']/@href"))
        on_second = set(html.fromstring(second.body).xpath("//a[@class='news-title']/@href"))
        assert on_second and not on_first & on_second
        forged = tuple((k, "/wEPDwUKMTIzNDU2Nzg5MA==" if k == "__VIEWSTATE" else v)
                       for k, v in jobs[0].form)
        assert fetch(Fetch("POST", jobs[0].url, forged)).status == 500


def test_robots_txt_allows_articles_and_listings(served):
    portal, server = served
    reply = fetch(Fetch("GET", server.url + "/robots.txt"))
    assert reply.status == 200 and reply.headers["Content-Type"].startswith("text/plain")
    rules = Protego.parse(reply.text)
    for article in portal.articles():
        assert rules.can_fetch(server.url + portal.article_path(article), "govnews")
    assert not rules.can_fetch(server.url + "/_vti_bin/lists.asmx", "govnews")


def test_static_files_are_served(served):
    portal, server = served
    article = next(a for a in portal.articles() if a.images)
    image = fetch(Fetch("GET", server.url + article.images[0]))
    assert image.status == 200 and image.headers["Content-Type"].startswith("image/")
    attached = next(a for a in portal.articles() if a.attachments)
    pdf = fetch(Fetch("GET", server.url + attached.attachments[0]))
    assert pdf.status == 200 and pdf.body.startswith(b"%PDF")
    assert fetch(Fetch("GET", server.url + "/khong-co-trang-nay.aspx")).status == 404


VIEWS = {
    "sharepoint_quangninh": re.compile(r"Lượt xem: ([\d.]+)"),
    "sharepoint_quangnam": re.compile(r"Số lượt xem: (\d+)"),
    "sharepoint_tandan": re.compile(r"Lượt xem: ([\d,]+)"),
}


def shown_views(portal: Portal, page: str) -> int:
    return int(re.sub(r"\D", "", VIEWS[portal.platform].search(page).group(1)))


def shown_counter(portal: Portal, page: str) -> int:
    tree = html.fromstring(page)
    if isinstance(portal, QuangNinhPortal):
        value = tree.xpath("//span[@class='tk-label'][.='Tổng lượt truy cập']/following-sibling::span[1]")
        return int(value[0].text.replace(".", ""))
    if isinstance(portal, QuangNamPortal):
        return int("".join(re.search(r"/(\d)\.gif$", s).group(1)
                           for s in tree.xpath("//img[contains(@src, '/images/counter/')]/@src")))
    return int("".join(tree.xpath("//span[@class='counter-digit']/text()")))


def test_view_count_and_visitor_counter_grow(served):
    portal, server = served
    article = portal.articles()[-1]
    url = server.url + portal.article_path(article)
    first, second = fetch(Fetch("GET", url)).text, fetch(Fetch("GET", url)).text
    assert shown_views(portal, first) == article.views
    assert shown_views(portal, second) == article.views + 1
    assert shown_counter(portal, first) == portal.counter_start
    assert shown_counter(portal, second) == portal.counter_start + 1


def test_quangninh_rss_page_lists_feeds():
    portal = QuangNinhPortal()
    with PortalServer(portal) as server:
        page = fetch(Fetch("GET", server.url + "/Trang/Qnp-rss.aspx"))
        feeds = html.fromstring(page.body).xpath("//a[contains(@href, 'Rss.aspx')]/@href")
        assert len(feeds) == len(portal.categories)
        feed = fetch(Fetch("GET", urljoin(page.url, feeds[0])))
        assert feed.headers["Content-Type"].startswith("application/rss+xml")
        items = etree.fromstring(feed.body).findall("./channel/item/link")
        assert items and all("/Trang/ChiTietTinTuc.aspx?nid=" in i.text for i in items)


# -- article pages show the data where the profile looks ----------------------------------------
def profile(portal: Portal) -> dict:
    return tomllib.loads((PROFILES / f"{portal.platform}.toml").read_text("utf-8"))


def select(tree: etree._Element, selectors: list[str]) -> list[etree._Element]:
    for text in selectors:
        found = (tree.xpath(text) if text.startswith(("/", "(")) else
                 CSSSelector(text, translator="html")(tree))
        if found:
            return found
    return []


def collapse(text: str) -> str:
    return " ".join(text.split())


def paragraphs_in(container: etree._Element) -> list[str]:
    blocks = [el for el in container.iter("p", "div")
              if not any(True for _ in el.iterdescendants("p", "div"))]
    return [t for t in (collapse(b.text_content()) for b in blocks) if t]


ARTICLES = [(cls, a) for cls in PORTALS for a in cls().articles()]


@pytest.mark.parametrize("cls,article", ARTICLES,
                         ids=[f"{cls.platform}-{a.key}" for cls, a in ARTICLES])
def test_article_page_shows_its_data(cls: type[Portal], article: FixtureArticle):
    portal = cls()
    tree = html.fromstring(portal.render_article(article, article.views, portal.counter_start))
    fields = profile(portal)["fields"]

    def text(field: str) -> str:
        found = select(tree, fields[field])
        return collapse(found[0].text_content()) if found else ""

    assert text("headline") == article.headline
    assert text("category") == article.category
    assert f"{article.published:%d/%m/%Y}" in text("published")
    assert f"{article.published:%H:%M}" in text("published")
    assert text("summary") == (article.summary or "")
    body = select(tree, fields["body"])[0]
    shown = paragraphs_in(body)
    if isinstance(portal, QuangNinhPortal) and article.author:
        assert shown.pop() == article.author          # the signature closes the body
    assert shown == list(article.paragraphs)
    assert body.xpath(".//img/@src") == list(article.images)
    assert [h for h in body.xpath(".//a/@href")] == list(article.attachments)
    assert re.sub(r"\D", "", text("view_count")) == str(article.views)
    if fields["author"]:
        assert (article.author or "") in text("author")
    if article.source:
        assert article.source in text("source")


def test_platform_quirks_are_present():
    qn, qnam, td = QuangNinhPortal(), QuangNamPortal(), TandanPortal()
    page = qn.render_article(qn.articles()[0], 1, qn.counter_start)
    assert re.search(r'<div id="ctl00_PlaceHolderMain_g_\w+ "[^>]*>[\s\S]*class="publish-date"', page)
    page = qnam.render_article(qnam.articles()[0], 1, qnam.counter_start)
    for label in ("lblTieuDe", "lblNgayDang", "lblTomTat", "lblNoiDung", "lblTacGia", "lblLuotXem"):
        assert f'id="ctl00_zone1_detail_ctl00_ctl00_{label}"' in page
    assert "/images/counter/0.gif" in page and "Các tin đã đưa" in page
    page = td.render_article(td.articles()[0], 1234, td.counter_start)
    assert "Cập nhật: 10:05, 15/03/2021" in page and "Lượt xem: 1,234" in page
    assert 'class="counter-digit"' in page and "Tin liên quan" in page
    for portal in (qn, qnam, td):
        page = portal.render_article(portal.articles()[0], 1, portal.counter_start)
        viewstate = re.search(r'name="__VIEWSTATE" id="__VIEWSTATE" value="([^"]+)"', page).group(1)
        assert len(viewstate) > 10_000 and 'class="ms-' in page
