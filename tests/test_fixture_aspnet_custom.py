"""The custom ASP.NET CMS demo portals serve whole small sites: every article is reachable from
`/` through the listings and their pagination (plain links, and on Hải Phòng GridView postbacks),
robots.txt is served, view counts and the visitor counter grow as pages are viewed, and each
article page shows exactly the data it was rendered from."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from lxml import etree, html
from lxml.cssselect import CSSSelector

from govnews.fixtures.portal import Portal
from govnews.fixtures.portals.aspnet_custom import (PORTALS, BacNinhIctPortal, HaiPhongPortal,
                                            PostDatePortal, ThanhHoaPortal)
from govnews.fixtures.server import PortalServer

PROFILES = Path(__file__).parent.parent / "parsers" / "profiles"
SPACE = re.compile(r"[\s\u00a0]+")
POSTBACK = re.compile(r"__doPostBack\('([^']*)','([^']*)'\)")

# the view count as each platform prints it on the article page
VIEWS = {
    "aspnet_postdate": re.compile(r"Lượt xem: ([\d.]+)"),
    "aspnet_haiphong": re.compile(r"Số lượt xem: ([\d.]+)"),
    "aspnet_luotxem": re.compile(r"Lượt xem: (\d+) \| Gửi lúc: "),
    "ict_bacninh": re.compile(r"Lượt xem: ([\d.]+)"),
}


def collapse(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def profile(portal: Portal) -> dict:
    return tomllib.loads((PROFILES / f"{portal.platform}.toml").read_text("utf-8"))


def select(root: etree._Element, selector: str) -> list:
    if selector.startswith(("/", "(")):
        return root.xpath(selector)
    return CSSSelector(selector, translator="html")(root)


def first_text(root: etree._Element, selectors: list[str]) -> str | None:
    for selector in selectors:
        for el in select(root, selector):
            return collapse(el.text_content())
    return None


def number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@pytest.fixture(params=PORTALS, ids=lambda cls: cls.platform)
def portal(request) -> Portal:
    return request.param()


@pytest.fixture
def served(portal):
    """A fresh portal on its own server: for tests that read the counters."""
    with PortalServer(portal) as server:
        yield portal, server


@pytest.fixture(scope="module", params=PORTALS, ids=lambda cls: cls.platform)
def site(request):
    """One server per portal for the tests that only read pages."""
    portal = request.param()
    with PortalServer(portal) as server:
        yield portal, server


# -- the site can be crawled -----------------------------------------------------------------

def _matches(patterns: list[str], url: str) -> bool:
    return any(re.search(p, url) for p in patterns)


def _hidden_fields(root: etree._Element) -> dict[str, str]:
    return {i.get("name"): i.get("value", "") for i in root.iter("input")
            if i.get("type") == "hidden" and i.get("name")}


def crawl(server: PortalServer, rules: dict, links: bool = True,
          postbacks: bool = False) -> set[str]:
    """Breadth-first over the listings from `/`, following plain page links and/or postbacks as
    the profile describes them; returns the article paths (path?query) found. Article pages are
    leaves: their related-news lists are not followed."""
    session = requests.Session()
    queue = deque([("GET", server.url + "/", None)])
    seen: set[tuple] = {("GET", server.url + "/", None)}
    found: set[str] = set()
    while queue:
        method, url, form = queue.popleft()
        response = session.request(method, url, data=form, timeout=10)
        assert response.status_code == 200, (method, url, response.status_code)
        root = html.fromstring(response.content)
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            if postbacks and href.startswith("javascript:__doPostBack"):
                target, argument = POSTBACK.search(href).groups()
                action = urljoin(url, root.forms[0].get("action"))
                fields = {**_hidden_fields(root), "__EVENTTARGET": target,
                          "__EVENTARGUMENT": argument}
                key = ("POST", action, argument, fields["__VIEWSTATE"][:40])
                if key not in seen:
                    seen.add(key)
                    queue.append(("POST", action, fields))
                continue
            absolute = urljoin(url, href).split("#")[0]
            if not absolute.startswith(server.url) or _matches(rules["skip_url"], absolute):
                continue
            if _matches(rules["article_url"], absolute):
                parts = urlsplit(absolute)
                found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
                continue
            is_page = _matches(rules["page_url"], absolute)
            follow = (_matches(rules["listing_url"], absolute) and not is_page) or (is_page and links)
            if follow and ("GET", absolute, None) not in seen:
                seen.add(("GET", absolute, None))
                queue.append(("GET", absolute, None))
    return found


def test_portal_has_enough_articles_and_categories(portal):
    articles = portal.articles()
    assert len(articles) >= 8
    assert len({a.category for a in articles}) >= 2
    assert len({a.key for a in articles}) == len(articles)
    assert any(portal.page_count(c) >= 2 for c in portal.categories)


def test_every_article_is_reachable_from_home_over_pagination(site):
    portal, server = site
    found = crawl(server, profile(portal)["listing"])
    assert found == {portal.article_path(a) for a in portal.articles()}


def test_haiphong_listings_page_through_postbacks_alone():
    portal = HaiPhongPortal()
    with PortalServer(portal) as server:
        found = crawl(server, profile(portal)["listing"], links=False, postbacks=True)
        posts = [r for r in server.requests if r.method == "POST"]
    assert found == {portal.article_path(a) for a in portal.articles()}
    assert posts, "the postback pager was never used"


def test_haiphong_postback_answers_the_requested_page():
    portal = HaiPhongPortal()
    category = max(portal.categories, key=portal.page_count)
    with PortalServer(portal) as server:
        url = server.url + portal.listing_path(category)
        first = html.fromstring(requests.get(url, timeout=10).content)
        fields = {**_hidden_fields(first), "__EVENTTARGET": "ctl00$ContentPlaceHolder1$ListContent1$grvContent",
                  "__EVENTARGUMENT": "Page$Last"}
        action = urljoin(url, first.forms[0].get("action"))
        last = requests.post(action, data=fields, timeout=10)
        bad = requests.post(action, data={**fields, "__VIEWSTATE": "/wEPDwUKforged"}, timeout=10)
    assert last.status_code == 200
    expected = portal.page(category, portal.page_count(category))
    for entry in expected:
        assert portal.article_path(entry.article).split("ContentID=")[1] in last.text
    assert bad.status_code == 500
    assert "viewstate" in bad.text.lower()


def test_robots_txt(site):
    portal, server = site
    response = requests.get(server.url + "/robots.txt", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in response.text
    assert "Disallow:" in response.text


def test_unknown_pages_are_404(site):
    _, server = site
    assert requests.get(server.url + "/khong-co-trang-nay/123/", timeout=10).status_code == 404


def test_images_and_files_are_served(site):
    portal, server = site
    paths = [p for a in portal.articles() for p in a.images + a.attachments]
    assert paths
    for path in paths:
        response = requests.get(server.url + path, timeout=10)
        assert response.status_code == 200 and response.content, path


# -- counters move as the site is visited ----------------------------------------------------

def test_view_counts_grow_per_view(served):
    portal, server = served
    article = next(a for a in portal.articles() if a.views is not None)
    url = server.url + portal.article_path(article)
    views = []
    for _ in range(3):
        page = requests.get(url, timeout=10).text
        views.append(number(VIEWS[portal.platform].search(page).group(1)))
    assert views == [article.views, article.views + 1, article.views + 2]


def test_visitor_counter_grows_per_request(served):
    portal, server = served
    selectors = profile(portal)["fields"]["visitor_counter"]
    url = server.url + portal.article_path(portal.articles()[0])
    totals = []
    for _ in range(2):
        root = html.fromstring(requests.get(url, timeout=10).content)
        widget = select(root, selectors[0])[0]
        text = collapse(widget.text_content())
        digits = "".join(s.text for s in widget.iter("span") if s.text and len(s.text) == 1)
        match = re.search(r"(?:Tổng lượt truy cập|Lượt truy cập):? ([\d.]+)", text)
        totals.append(number(match.group(1)) if match else int(digits))
    assert totals[0] == portal.counter_start
    assert totals[1] == totals[0] + 1


# -- each article page shows its data --------------------------------------------------------

def _pages(cls):
    portal = cls()
    return [pytest.param(portal, a, id=f"{portal.platform}/{a.key}") for a in portal.articles()]


ALL_PAGES = [case for cls in PORTALS for case in _pages(cls)]


def _page_root(portal: Portal, article) -> etree._Element:
    return html.fromstring(portal.render_article(article, article.views, portal.counter_start))


def _signature_lines(portal: Portal, article) -> list[str]:
    entry = portal.entry(article.key)
    if isinstance(portal, BacNinhIctPortal):
        line = f"Theo {article.source}" if article.source else article.author
        return [line] if line else []
    lines = [entry.byline or article.author] if (entry.byline or article.author) else []
    if article.source and not isinstance(portal, PostDatePortal):
        lines.append(f"Nguồn: {article.source}")
    return lines


@pytest.mark.parametrize("portal,article", ALL_PAGES)
def test_article_page_shows_its_data(portal, article):
    fields = profile(portal)["fields"]
    root = _page_root(portal, article)
    assert first_text(root, fields["headline"]) == article.headline
    assert first_text(root, fields["category"]) == article.category
    body = select(root, fields["body"][0])[0]
    expected = " ".join(list(article.paragraphs) + _signature_lines(portal, article))
    assert collapse(body.text_content()) == expected
    images = [i.get("src") for i in body.iter("img")]
    assert [urljoin("/Portal/Detail.aspx", s) for s in images] == list(article.images)
    if article.summary:
        assert first_text(root, fields["summary"]) == article.summary
    shown = first_text(root, fields["view_count"])
    assert number(VIEWS[portal.platform].search(shown).group(1)) == article.views


@pytest.mark.parametrize("portal,article", ALL_PAGES)
def test_article_data_is_clean_nfc(portal, article):
    for text in (article.headline, *article.paragraphs, article.summary or ""):
        assert unicodedata.is_normalized("NFC", text)
        assert text == text.strip() and "  " not in text
    assert 3 <= len(article.paragraphs) <= 10


def _date_line(portal: Portal, article) -> str:
    root = _page_root(portal, article)
    return first_text(root, profile(portal)["fields"]["published"])


@pytest.mark.parametrize("portal,article", _pages(PostDatePortal))
def test_postdate_prints_day_first_date_and_time(portal, article):
    when = article.published
    assert re.fullmatch(r"(?:(?:Thứ [a-zăâêôơưạảãàáèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]+|Chủ nhật), )?"
                        r"\d\d/\d\d/\d{4}(?: \|)? \d\d:\d\d", _date_line(portal, article))
    assert f"{when:%d/%m/%Y}" in _date_line(portal, article)
    assert _date_line(portal, article).endswith(f"{when:%H:%M}")


@pytest.mark.parametrize("portal,article", _pages(HaiPhongPortal))
def test_haiphong_prints_date_dash_time_and_links_its_print_view(portal, article):
    assert _date_line(portal, article) == f"{article.published:%d/%m/%Y - %H:%M}"
    page = portal.render_article(article, article.views, portal.counter_start)
    assert f'/Portal/PrintItem.aspx?ContentID={article.key}"' in page
    assert f"ContentID={article.key}" in portal.article_path(article)
    printed = html.fromstring(portal.print_page(portal.entry(article.key)))
    assert f"Thời gian: {article.published:%d/%m/%Y %H:%M}" in collapse(printed.text_content())


@pytest.mark.parametrize("portal,article", _pages(ThanhHoaPortal))
def test_luotxem_prints_views_before_the_date_with_seconds(portal, article):
    assert _date_line(portal, article) == (
        f"Lượt xem: {article.views} | Gửi lúc: {article.published:%d/%m/%Y %H:%M:%S}")


@pytest.mark.parametrize("portal,article", _pages(BacNinhIctPortal))
def test_ict_prints_unpadded_12_hour_update_line_and_entity_titles(portal, article):
    when = article.published
    hour = when.hour % 12 or 12
    suffix = "AM" if when.hour < 12 else "PM"
    line = _date_line(portal, article)
    assert line.startswith("Cập nhật: ")
    assert line.endswith(f", {when.day}/{when.month}/{when.year} | {hour}:{when:%M:%S} {suffix}")
    page = portal.render_article(article, article.views, portal.counter_start)
    raw_headline = re.search(r'<div class="grid-header"><h3>(.*?)</h3>', page).group(1)
    assert "&#" in raw_headline and raw_headline != article.headline
    assert f'href="/PrintPreview/{article.key}/"' in page


def test_ict_filter_writes_on_as_entity():
    portal = BacNinhIctPortal()
    article = next(a for a in portal.articles() if "phong" in a.headline)
    page = portal.render_article(article, article.views, portal.counter_start)
    assert "ph&#111;ng" in page
    assert "Ph&#225;t tri&#7875;n" in page


def test_ict_signatures_split_into_source_and_author():
    articles = BacNinhIctPortal().articles()
    assert any(a.source == "BGTV" and a.author is None for a in articles)
    assert any(a.author and a.source is None for a in articles)
    assert any(a.published.hour == 0 for a in articles)       # 12:xx AM
    assert any(a.published.hour == 12 for a in articles)      # 12:xx PM


def test_related_lists_carry_their_own_dates(portal):
    labels = {"aspnet_postdate": "Tin khác", "aspnet_haiphong": "Tin cùng chuyên mục",
              "aspnet_luotxem": "Các tin khác", "ict_bacninh": "Các tin khác"}
    article = portal.articles()[0]
    text = collapse(_page_root(portal, article).text_content())
    tail = text.split(labels[portal.platform], 1)[1]
    assert len(re.findall(r"\(\d{1,2}/\d{1,2}/\d{4}\)", tail)) >= 3


def test_footer_is_full_of_numbers(portal):
    text = collapse(_page_root(portal, portal.articles()[0]).text_content())
    assert re.search(r"\(0\d{3}\) \d{4} \d{3}", text)
    assert re.search(r"[\w.]+@[\w.]+\.(?:vn|com)", text)
    assert "Bản quyền" in text
