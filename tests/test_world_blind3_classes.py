"""The failure classes of the third blind world set, each on a small page of its own (other
wording, other markup, other languages than the blind pages): dates in the publisher's own zone,
CJK dates, nested JSON-LD, compact meta dates, relative times in many languages, and bylines with
roles, several writers or a CJK label."""
from __future__ import annotations

import json

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page

PROSE = ("The regional transport authority approved the new timetable on Tuesday after months of "
         "consultation with commuters, unions and the operators of the three suburban lines.")
PROSE2 = ("Trains will run every ten minutes at peak hours from next spring, and the last service "
          "of the night will leave the central station an hour later than it does today.")


def _parse(body: str, head: str = "", url: str = "https://news.example.com/transport/timetable",
           lang: str = "en"):
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>T</title>{head}'
            f'</head><body>{body}</body></html>').encode("utf-8")
    return parse_page(html, url, profile="generic").article


def _article(meta: str, headline: str = "Suburban trains to run every ten minutes",
             text: str = f"<p>{PROSE}</p><p>{PROSE2}</p>") -> str:
    return f'<article><h1>{headline}</h1><div class="meta">{meta}</div><div class="text">{text}</div></article>'


def _latest(items: list[tuple[str, str, str]]) -> str:
    """A sidebar of other stories, each with its link, writer and time."""
    rows = "".join(f'<li><a href="/s/{i}">{title}</a><div class="m"><span>{who}</span> '
                   f'<time datetime="{when}">{when[11:16]}</time></div></li>'
                   for i, (title, who, when) in enumerate(items))
    return f'<aside><h2>Latest</h2><ul>{rows}</ul></aside>'


# -- dates -----------------------------------------------------------------------------------

def test_utc_machine_date_with_a_local_printed_time_keeps_the_local_day():
    a = _parse(_article('<time datetime="2020-06-02T02:40:00Z">June 1, 2020 at 10:40 p.m.</time>'),
               head='<meta property="article:published_time" content="2020-06-02T02:40:00Z">')
    assert a.published_at == "2020-06-01T22:40:00-04:00"


def test_cjk_dates_are_read():
    for text, want in (("2019年12月3日 18時05分", "2019-12-03T18:05"), ("2020年1月9日", "2020-01-09T00:00"),
                       ("2021년 7월 15일", "2021-07-15T00:00")):
        assert parse_vietnamese_datetime(text).value.isoformat()[:16] == want
    a = _parse(_article('<time datetime="2019-12-03T09:05:00Z">2019年12月3日 18時05分</time>',
                        headline="市営バスの新路線、来年四月から運行開始へ"),
               lang="ja", url="https://news.example.jp/a/1")
    assert a.published_at == "2019-12-03T18:05:00+09:00"


def test_date_inside_nested_json_ld_beats_a_visible_update_date():
    ld = {"@context": "https://schema.org", "@type": "WebPage", "dateModified": "2022-03-09T08:00:00+01:00",
          "mainEntity": {"@type": "NewsArticle", "headline": "x",
                         "datePublished": "2022-03-07T16:00:00+01:00",
                         "author": {"@type": "Person", "name": "Lena Vogt"}}}
    related = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "item": {"@type": "NewsArticle",
                                                      "datePublished": "2022-02-01T10:00:00+01:00"}}]}
    a = _parse(_article('<span class="upd">Updated: 09.03.2022 08:00</span>'),
               head=f'<script type="application/ld+json">{json.dumps(related)}</script>'
                    f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert a.published_at[:10] == "2022-03-07"
    assert a.author == "Lena Vogt"


def test_compact_meta_date():
    a = _parse(_article(""), head='<meta name="pubdate" content="20160514">')
    assert a.published_at[:10] == "2016-05-14"


def test_relative_time_in_other_languages_reads_its_tooltip():
    for printed, lang in (("5 часов назад", "ru"), ("hace 2 horas", "es"), ("vor 3 Stunden", "de"),
                          ("il y a 4 heures", "fr"), ("2 ore fa", "it"), ("há 6 horas", "pt")):
        a = _parse(_article(f'<span class="ago" title="11.02.2021 09:15">{printed}</span>'), lang=lang)
        assert a.published_at and a.published_at[:10] == "2021-02-11", printed


def test_dates_of_a_cjk_latest_list_are_not_the_articles():
    a = _parse(_latest([("市議会、新しい子育て支援策を可決", "佐藤", "2023-05-02T10:00:00+09:00"),
                        ("駅前の再開発計画、来月から説明会", "田中", "2023-05-01T09:00:00+09:00")])
               + _article("", headline="初めての確定申告ガイド：必要な書類と手順"),
               lang="ja", url="https://kurashi.example.jp/guide/tax")
    assert a.published_at is None


# -- bylines ----------------------------------------------------------------------------------

def test_byline_ends_with_the_last_writers_link():
    a = _parse(_article('By <a rel="author" href="/staff/ana-lopez">Ana Lopez</a>, Transport Correspondent'))
    assert a.author == "Ana Lopez"
    a = _parse(_article('Por <a href="https://diario.example.es/autor/pablo-ruiz">Pablo Ruiz</a> '
                        '<span class="role">Redactor jefe</span>'), lang="es")
    assert a.author == "Pablo Ruiz"


def test_several_writers_are_kept_together():
    a = _parse(_article('By <a rel="author" href="/staff/a">Ana Lopez</a>, <a rel="author" href="/staff/b">'
                        'Tom Reyes</a> and <a rel="author" href="/staff/c">Mia Chen</a>'))
    assert a.author == "Ana Lopez, Tom Reyes and Mia Chen"
    a = _parse(_article('<span class="by">di Giulia Neri e Paolo Sala</span>'), lang="it")
    assert a.author == "Giulia Neri e Paolo Sala"


def test_label_alone_before_the_writers_link():
    a = _parse(_article('<span class="by">By <a href="/people/sam-hart">Sam Hart</a></span>'))
    assert a.author == "Sam Hart"


def test_cjk_byline_label_and_json_ld_name():
    a = _parse(_article('<span>文/林晓</span> <span>2021-04-02 10:30</span>',
                        headline="周末去哪儿：杭州周边六个小众古镇推荐"), lang="zh",
               url="https://travel.example.cn/a/2")
    assert a.author == "林晓"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "author": [{"@type": "Person", "name": "王芳"}]}
    a = _parse(_article('<span>2021-04-02 10:30</span>', headline="周末去哪儿：杭州周边六个小众古镇推荐"),
               head=f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>',
               lang="zh", url="https://travel.example.cn/a/2")
    assert a.author == "王芳"


# -- bodies -----------------------------------------------------------------------------------

def test_credited_caption_lines_and_reader_buttons_are_not_body():
    text = (f"<p>{PROSE}</p><p>Passengers wait on an empty platform during the strike. Photo: Jan Novak</p>"
            "<p>Story continues</p><p>The mayor speaks to reporters. © AFP/Archives</p>"
            "<p>A still from the footage. (Instagram/@city.news)</p>"
            f"<p>{PROSE2}</p><p>Read next</p>")
    a = _parse(_article("", text=text))
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_credited_caption_is_kept_on_a_vietnamese_record():
    cap = "Lãnh đạo xã kiểm tra tuyến kênh mới. Ảnh: Minh Khoa"
    text = (f"<p>{PROSE}</p><p>{cap}</p><p>{PROSE2}</p>")
    a = _parse(_article("", headline="Xã Tân Tiến kiên cố hóa kênh mương nội đồng", text=text),
               lang="vi", url="https://tantien.example.gov.vn/tin/1")
    assert cap in a.body


def test_a_lead_picture_is_not_the_summary():
    a = _parse('<article><h1>Suburban trains to run every ten minutes</h1>'
               '<figure class="article-lead"><img src="/p.jpg"><figcaption>A commuter train leaves '
               'the central station in the early morning. Photo: Jan Novak</figcaption></figure>'
               f'<div class="text"><p>{PROSE}</p><p>{PROSE2}</p></div></article>')
    assert a.summary == PROSE and a.body == f"{PROSE}\n\n{PROSE2}"


def test_facebook_embed_is_not_body():
    text = (f'<p>{PROSE}</p><div class="fb-post" data-href="https://www.facebook.com/x/posts/1">'
            '<blockquote cite="https://www.facebook.com/x/posts/1" class="fb-xfbml-parse-ignore">'
            '<p>Thanks to everyone who came to the open day at the depot!</p>Posted by '
            '<a href="https://www.facebook.com/x">City Transit</a> on Sunday, May 5, 2024</blockquote>'
            f'</div><p>{PROSE2}</p>')
    a = _parse(_article("", text=text))
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_press_release_ends_before_the_issuers_boilerplate():
    text = (f"<p>{PROSE}</p><p>{PROSE2}</p><p><b>About Lakeside Rail Partners</b></p>"
            "<p>Lakeside Rail Partners operates three suburban lines and employs 1,200 people in the "
            "region.</p><p><b>Forward-Looking Statements</b></p><p>This release contains statements "
            "about future events that involve risks and uncertainties.</p>"
            "<p>Media contact:<br>Jane Roe<br>press@lakeside.example</p>")
    a = _parse(_article("", text=text))
    assert a.body == f"{PROSE}\n\n{PROSE2}"
    de = (f"<p>{PROSE}</p><p>{PROSE2}</p><h3>Über die Verkehrsbetriebe Seestadt</h3>"
          "<p>Die Verkehrsbetriebe Seestadt betreiben 14 Buslinien.</p>"
          "<p>Pressekontakt:<br>Verkehrsbetriebe Seestadt<br>Telefon 0123 4567</p>")
    a = _parse(_article("", text=de), lang="de")
    assert a.body == f"{PROSE}\n\n{PROSE2}"


def test_standfirst_is_the_summary_not_body_but_a_bold_lead_is_both():
    stand = "Trains every ten minutes and a later last service from next spring."
    a = _parse('<article><h1>Suburban trains to run every ten minutes</h1>'
               f'<p class="standfirst">{stand}</p>'
               f'<div class="article-body"><p>{PROSE}</p><p>{PROSE2}</p></div></article>')
    assert a.summary == stand and a.body == f"{PROSE}\n\n{PROSE2}"
    lead = "The regional authority approved a new timetable for the three suburban lines today."
    a = _parse('<article><h1>Suburban trains to run every ten minutes</h1>'
               f'<p><strong>{lead}</strong></p>'
               f'<div class="article-body"><p>{PROSE}</p><p>{PROSE2}</p></div></article>')
    assert a.summary == lead and a.body.startswith(lead)


def test_read_also_reading_time_and_publication_lines_are_not_body():
    text = (f"<p>{PROSE}</p><p>Baca juga: <a href='/x'>Tarif parkir naik mulai April</a></p>"
            f"<p>7 min read</p><p>{PROSE2}</p>")
    a = _parse(_article("", text=text))
    assert a.body == f"{PROSE}\n\n{PROSE2}"
