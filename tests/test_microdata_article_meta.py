"""An article marked by microdata (itemtype schema.org/Article, NewsArticle, BlogPosting) rather
than an <article> tag: its own 'footer' / 'header' row (TYPO3's news detail prints the date, the
category and the writer in `<div class="footer">` between the headline and the text) is the
article's, not the site's chrome; the site's footer stays chrome."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

DE = ["Nach eineinhalb Jahren Bauzeit ist die Sanierung des städtischen Freibads abgeschlossen. Das Bad "
      "öffnet am 1. Mai um 9 Uhr seine Tore.",
      "Erneuert wurden das Sportbecken, die gesamte Badewassertechnik sowie die Umkleiden. Neu ist ein "
      "Kinderbereich mit Wasserspielplatz und Beschattung.",
      "Saisonkarten sind ab dem 15. April im Bürgerservice des Rathauses erhältlich; die Preise bleiben "
      "gegenüber dem Vorjahr unverändert."]
VI = ["Sau một năm rưỡi thi công, hồ bơi thành phố đã được cải tạo xong và sẽ mở cửa đón người dân từ "
      "ngày 1 tháng 5 tới.",
      "Công trình được làm mới toàn bộ bể bơi, hệ thống xử lý nước và khu thay đồ, có thêm khu vui chơi "
      "dưới nước cho trẻ em.",
      "Giá vé vào cửa giữ nguyên như năm trước; vé theo mùa cho gia đình được bán tại bộ phận một cửa "
      "của Ủy ban nhân dân thành phố từ ngày 15 tháng 4."]
CASES = {
    "de": ("Freibad-Sanierung abgeschlossen", DE, "27.03.2024", "27. März 2024", "von", "Martina Gruber",
           "https://www.stadtgemeinde.example.at/aktuelles/detail/freibad-sanierung"),
    "vi": ("Hồ bơi thành phố hoàn thành cải tạo", VI, "27/03/2024", "27/03/2024", "Tác giả:", "Nguyễn Thu Hà",
           "https://www.thanhpho.example.gov.vn/tin-tuc/ho-boi-hoan-thanh"),
}


def _page(lang: str, itemtype: str, with_time: bool, with_author: bool) -> tuple[bytes, str]:
    title, paras, machine, printed, label, name, url = CASES[lang]
    d, m, y = (machine.split(".") if "." in machine else machine.split("/"))
    date = (f'<time itemprop="datePublished" datetime="{y}-{m}-{d}">{machine}</time>' if with_time
            else printed)
    author = (f'<span class="news-list-author" itemprop="author" itemscope itemtype="http://schema.org/Person">'
              f'{label} <span itemprop="name">{name}</span></span>') if with_author else ""
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<header class="page-header"><a class="logo" href="/">Portal</a><nav><a href="/a">Aktuelles</a></nav>'
            '</header><main id="content"><div class="row"><div class="col-md-8">'
            '<div class="frame frame-type-news_newsdetail"><div class="news news-single">'
            f'<div class="article" itemscope="itemscope" itemtype="{itemtype}">'
            f'<div class="header"><h2 itemprop="headline">{title}</h2></div>'
            f'<div class="footer"><p><span class="news-list-date">{date}</span>'
            f'<span class="news-list-category">Freizeit</span>{author}</p></div>'
            '<div class="news-text-wrap" itemprop="articleBody">'
            + "".join(f"<p>{p}</p>" for p in paras)
            + '</div></div></div></div></div><div class="col-md-4"><aside class="sidebar"><h2>Neueste</h2>'
            '<div class="news-list-date"><time datetime="2024-03-29">29.03.2024</time></div>'
            '<h3><a href="/x">Sitzung des Gemeinderates</a></h3></aside></div></div></main>'
            '<div class="footer site-footer"><p>Tác giả: Ban biên tập cổng thông tin</p>'
            '<p>© 2024 Stadtgemeinde · 12.01.2024</p></div></body></html>')
    return html.encode("utf-8"), url


@pytest.mark.parametrize("lang", ["de", "vi"])
@pytest.mark.parametrize("itemtype", ["http://schema.org/Article", "https://schema.org/NewsArticle",
                                      "https://schema.org/BlogPosting"])
def test_the_marked_article_s_footer_row_gives_its_date_and_writer(lang, itemtype):
    data, url = _page(lang, itemtype, with_time=True, with_author=True)
    article = parse_page(data, url, profile="generic").article
    assert article.published_at[:10] == "2024-03-27"
    assert article.author == CASES[lang][5]
    assert article.body == "\n\n".join(CASES[lang][1])


@pytest.mark.parametrize("lang", ["de", "vi"])
def test_a_printed_date_in_the_marked_article_s_footer_row_is_read(lang):
    data, url = _page(lang, "http://schema.org/Article", with_time=False, with_author=False)
    page = parse_page(data, url, profile="generic")
    assert page.kind == "article"
    assert page.article.published_at[:10] == "2024-03-27"
    assert page.article.author is None          # the site footer's 'Tác giả:' is not the writer


def test_microdata_on_the_whole_body_does_not_make_the_site_footer_the_article_s():
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Road works</title></head>'
            '<body itemscope itemtype="https://schema.org/Article"><h1>Road works on Main Street</h1>'
            '<div class="content"><p>Road works on Main Street start on Monday and will last three weeks, '
            'the council said in a statement on its website.</p><p>Buses will be diverted via Church Road '
            'and the weekly market moves to the town hall car park for the duration.</p></div>'
            '<div class="sidebar"><h3>Events</h3><ul><li><a href="/e1">Spring fair</a></li>'
            '<li><a href="/e2">Library open day</a></li></ul></div>'
            '<div class="footer"><p>Site last updated: 12 January 2024</p></div></body></html>')
    article = parse_page(html.encode(), "https://council.example.org/news/road-works", profile="generic").article
    assert article.published_at is None
