"""The failure classes of the twelfth blind world-news set (fixtures/world_blind12), each on a small
page of its own, in two or more languages where the class is not bound to one."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

EN = ["Residents of several areas of the city continued to face acute water shortage on Friday, while "
      "private tanker operators charged up to five times the usual price for a single load.",
      "The water board's managing director said repairs to the main pumping station would be completed "
      "within a week, and that supply would return to normal after that."]


def _article(html: str, url: str = "https://www.example-news.com/local/2024/03/story-4512"):
    return parse_page(html.encode("utf-8"), url, profile="generic").article


def _cards(dates: list[str], titles: list[str]) -> str:
    return ('<section class="amp-more"><ul class="amp-card">' + "".join(
        f'<li class="amp-card__item"><a href="/n-{i}">{t}</a> <span class="amp-card__date">{d}</span></li>'
        for i, (t, d) in enumerate(zip(titles, dates))) + '</ul></section>')


@pytest.mark.parametrize("lang,printed,titles,want", [
    ("he", '<time datetime="2024-03-12T08:40:00+02:00">12.03.2024 08:40</time>',
     ["תחזית: גשם בצפון", "מחאה נגד הקמת מגדל", "העירייה מאשרת תקציב"], "2024-03-12"),
    ("th", "<span>14 มี.ค. 2567 11:30 น.</span>", ["แจกหน้ากากฟรีทุกอำเภอ", "นักท่องเที่ยวลดลงมาก", "สภาพอากาศวันนี้ที่เชียงใหม่"],
     "2024-03-14"),
])
def test_the_dates_of_listed_stories_with_short_titles_are_not_the_page_s(lang, printed, titles, want):
    jsonld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
              f'"{want}T08:40:00+02:00"}}</script>')
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>News</title>{jsonld}</head><body><main>'
            f'<article><h1 class="amp-title">Headline of the story here</h1><div class="amp-date">{printed}</div>'
            f'<div class="amp-body"><p>{EN[0]}</p><p>{EN[1]}</p></div></article>'
            f'{_cards(["05.03.2024", "06.03.2024", "11.03.2024"], titles)}</main></body></html>')
    assert _article(html).published_at[:10] == want


def test_a_published_label_before_a_time_element_beats_a_later_update_line():
    html = ('<html lang="sv"><head><meta charset="utf-8"><title>Pressmeddelande</title></head><body><main><article>'
            '<h1>Miljard till regionerna för kortare vårdköer</h1><div class="published"><p>Publicerad '
            '<time datetime="2024-03-14">14 mars 2024</time></p><p>Uppdaterad 15 mars 2024</p></div>'
            f'<div class="body"><p>{EN[0]}</p><p>{EN[1]}</p></div></article></main></body></html>')
    assert _article(html).published_at[:10] == "2024-03-14"


@pytest.mark.parametrize("lang,byline,date,author,day", [
    ("en", "<b>By Ahmed Raza</b>", "Saturday, March 14, 2009", "Ahmed Raza", "2009-03-14"),
    ("el", "<b>Γιώργος Παπαδόπουλος</b>", "20/11/2008 12:15", "Γιώργος Παπαδόπουλος", "2008-11-20"),
])
def test_a_table_era_page_s_byline_and_date_under_its_styled_headline(lang, byline, date, author, day):
    title = "Tanker mafia thrives as taps run dry"
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>The Frontier News - {title}</title></head><body>'
            '<table><tr><td><font size="1">Saturday, March 21, 2009</font></td></tr></table><table><tr>'
            '<td width="160"><font size="1">City council passes budget (11-3-2009)</font></td><td valign="top">'
            f'<font size="1">Home &gt; Local News</font><br><font size="4" color="#990000"><b>{title}</b></font><br>'
            f'<font size="2">{byline}</font><br><font size="1">{date}</font><p><font size="2">{EN[0]}</font></p>'
            f'<p><font size="2">{EN[1]}</font></p></td></tr></table></body></html>')
    a = _article(html)
    assert a.author == author and a.published_at[:10] == day


@pytest.mark.parametrize("byline,author", [
    ('<p class="author-section">Autor: <a class="author" href="#">Anna Kowalczyk</a> i <a class="author" href="#">'
     'Piotr Zieliński</a></p>', "Anna Kowalczyk i Piotr Zieliński"),
    ('<p class="byline">Teksti <a class="author" href="/kirjoittaja/anni">Anni Laakso</a> · Kuvat <a class="author" '
     'href="/kirjoittaja/jussi">Jussi Heino</a></p>', "Anni Laakso"),
    ('<div class="author-byline"><span>By <a href="/person/d/bill-dorsey">Bill Dorsey</a> Fox Nation News</span></div>',
     "Bill Dorsey"),
    ('<div class="contrib-byline-author"><a href="/sites/janesmith/">Jane Smith</a><div class="contrib-byline-type">'
     'Contributor</div></div>', "Jane Smith"),
    ('<p class="reporter">sykim@hanbando.example.co.kr</p>', None),
])
def test_writers_links_joined_as_printed_never_a_role_or_an_e_mail(byline, author):
    html = ('<html lang="en"><head><meta charset="utf-8"><title>News</title></head><body><article>'
            f'<h1>Tram derails in the city centre, two injured</h1>{byline}<time datetime="2024-03-13T16:00:00-04:00">'
            f'March 13, 2024</time><div class="body"><p>{EN[0]}</p><p>{EN[1]}</p></div></article></body></html>')
    got = _article(html).author
    assert got == author


def test_a_korean_wire_story_s_reporter_in_its_opening_dateline():
    html = ('<html lang="ko"><head><meta charset="utf-8"><title>뉴스</title></head><body><article>'
            '<h1>서울 시내버스 요금 다음 달부터 인상</h1><p class="update-time">송고시간2024-03-14 09:12</p>'
            '<div class="detail-content"><p>(서울=한반도뉴스) 김서연 기자 = 서울 시내버스 기본요금이 다음 달 1일부터 교통카드 기준 '
            '1천200원에서 1천500원으로 오른다.</p><p>서울시는 14일 이런 내용의 대중교통 요금 조정안을 발표했다.</p></div>'
            '<p class="reporter">sykim@hanbando.example.co.kr</p></article></body></html>')
    assert _article(html).author == "김서연"
