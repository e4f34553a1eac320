"""The failure classes of the fourteenth blind world-news set (fixtures/world_blind14), each on a
small page of its own, in two or more languages (Vietnamese where a portal can show the class)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

EN = ["Every summer since 1985, a research vessel has dragged the same set of gill nets across the same "
      "six sites in the lake's eastern basin, counting what comes up.",
      "That does not mean the fish are gone. Survey catches bounce around a lot from year to year, and one "
      "bad season can be just noise."]
MORE = ["The usual suspect is the alewife, a small forage fish that moved into the lake decades ago and "
        "carries an enzyme that destroys thiamine in the fish that eat it.",
        "A second possibility is simpler: fewer stocked fish. Hatchery budgets were cut twice in the last "
        "decade, and the survey sites sit close to old stocking points."]
VI = ["Mùa hè năm nào, tàu khảo sát của viện cũng thả lưới tại sáu điểm cố định trên hồ để đếm số cá "
      "bắt được, phục vụ đánh giá nguồn lợi thủy sản.",
      "Số liệu năm nay cho thấy lượng cá giảm rõ rệt, nhưng các nhà khoa học cho rằng một năm thấp chưa "
      "đủ để kết luận về xu hướng."]
VI_MORE = ["Nguyên nhân được nghĩ tới đầu tiên là loài cá tạp mới xâm nhập hồ, cạnh tranh thức ăn với cá "
           "bản địa trong nhiều năm gần đây.",
           "Một khả năng khác đơn giản hơn: số cá giống thả bổ sung đã giảm do kinh phí của trạm giống bị cắt "
           "giảm hai lần trong mười năm qua."]


# -- an entry split at its 'read more': Movable Type's asset-body and asset-more ---------------------

@pytest.mark.parametrize("lang,first,rest", [("en", EN, MORE), ("vi", VI, VI_MORE)])
def test_an_entry_split_at_its_read_more_is_both_halves(lang, first, rest):
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Lake Effect: trout</title></head><body>'
            '<div id="alpha"><div id="entry-1" class="entry-asset asset hentry"><div class="asset-header">'
            '<h1 class="asset-name entry-title">The case of the missing lake trout</h1><div class="asset-meta">'
            'Posted by Rachel Okafor on June 9, 2011 8:05 AM</div></div><div class="asset-content entry-content">'
            '<div class="asset-body">' + "".join(f"<p>{p}</p>" for p in first) + '</div>'
            '<div id="more" class="asset-more">' + "".join(f"<p>{p}</p>" for p in rest) + '</div></div>'
            '<div class="asset-footer"><h4>Categories</h4><ul><li><a href="/ecology/">Ecology</a></li></ul></div>'
            '</div></div></body></html>')
    a = parse_page(html.encode(), "http://blogs.example.org/lakeeffect/2011/06/missing-lake-trout.html",
                   profile="generic").article
    assert a.body == "\n\n".join(first + rest)


def test_an_author_bio_beside_the_text_is_not_its_second_half():
    bio = ("Rachel Okafor writes about freshwater science. She worked for ten years as a fisheries biologist "
           "before turning to journalism, and lives near the lake.")
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Trout</title></head><body><h1>The trout</h1>'
            '<div class="entry-content"><div class="entry-body">' + "".join(f"<p>{p}</p>" for p in EN + MORE)
            + f'</div><div class="author-bio"><p>{bio}</p></div></div></body></html>')
    a = parse_page(html.encode(), "http://blogs.example.org/2011/06/trout.html", profile="generic").article
    assert bio not in a.body


# -- a release's or a ministry's press-contact block ends the text ---------------------------------------

@pytest.mark.parametrize("lang,label,lines", [
    ("en", "Media enquiries", ["Press office", "Department for Transport", "Email: press@transport.example.gov.uk"]),
    ("en", "Press Office", ["Department of Social Protection", "press.office@welfare.example.ie"]),
    ("de", "Rückfragen & Kontakt:", ["Stadtverkehr Wien GmbH", "Pressestelle", "Telefon: +43 1 7909 12345"]),
    ("cy", "Cyswllt", ["Swyddfa'r Wasg", "newyddion@llyw.example.cymru"]),
    ("ja", "本件に関するお問い合わせ先", ["株式会社ミライエ 広報担当：田中", "メール：pr@mirai-e.example.jp"]),
])
def test_a_press_contact_block_is_not_text(lang, label, lines):
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Release</title></head><body><main>'
            '<h1>£30 million for rural bus routes</h1><div class="govspeak">' + "".join(f"<p>{p}</p>" for p in EN)
            + f"<h2>{label}</h2>" + "".join(f"<p>{x}</p>" for x in lines) + "</div></main></body></html>")
    a = parse_page(html.encode(), "https://www.example.gov.uk/government/news/rural-bus-routes", profile="generic").article
    assert a.body == "\n\n".join(EN)


# -- writers -------------------------------------------------------------------------------------------

def test_a_writer_s_name_linked_to_her_address_is_the_author():
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Man rescued</title></head><body><div class="story">'
            '<h2 class="headline">Man rescued from frozen pond after trying to save his dog</h2>'
            '<p class="byline">By <a href="mailto:khart@kqtv7.example.com">Kelsey Hart</a></p>'
            '<p class="dateline">Posted: Mar 14, 2013 7:42 PM CDT</p><div class="body">'
            + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div></div></body></html>")
    a = parse_page(html.encode(), "http://m.kqtv7.example.com/story/21234567", profile="generic").article
    assert a.author == "Kelsey Hart"


def test_an_email_link_in_a_byline_is_still_no_name():
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Man rescued</title></head><body><div class="story">'
            '<h2 class="headline">Man rescued from frozen pond</h2>'
            '<p class="byline">By Kelsey Hart <a href="mailto:khart@kqtv7.example.com">Email</a></p><div class="body">'
            + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div></div></body></html>")
    a = parse_page(html.encode(), "http://m.kqtv7.example.com/story/21234568", profile="generic").article
    assert a.author == "Kelsey Hart"


@pytest.mark.parametrize("lang,byline,name", [
    ("af", 'Deur <a href="/skrywer/annelie-botha/">Annelie Botha</a>', "Annelie Botha"),
    ("mt", 'Minn <a href="/awtur/maria-borg">Maria Borg</a>', "Maria Borg"),
    ("en", "By Lerato Mokoena and Pieter du Plessis", "Lerato Mokoena and Pieter du Plessis"),
    ("es", "Por Ana de la Cruz", "Ana de la Cruz"),
])
def test_byline_labels_and_surname_particles(lang, byline, name):
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>T</title><meta property="og:site_name" '
            'content="Highveld24"></head><body><article>'
            f'<h1 class="title">Eskom kondig fase 4-beurtkrag aan</h1><div class="meta"><span class="article__author">{byline}'
            '</span> <span class="datum">14 Maart 2019 | 14:20</span></div><div class="artikel-inhoud">'
            + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div></article></body></html>")
    a = parse_page(html.encode(), "https://www.example.co.za/nuus/eskom-fase-4", profile="generic").article
    assert a.author == name


@pytest.mark.parametrize("lang,names", [("cs", ("Jana Nováková", "Petr Dvořák")),
                                        ("vi", ("Nguyễn Thu Hà", "Trần Minh Đức"))])
def test_two_microdata_persons_in_one_authors_box_are_both_the_authors(lang, names):
    people = ", ".join(f'<span itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" '
                       f'href="/autor/{i}"><span itemprop="name">{n}</span></a></span>' for i, n in enumerate(names))
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>T</title></head><body>'
            '<article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Brno dostane novou '
            f'tramvajovou trať</h1><div class="meta"><div class="cee-authors">{people}</div>'
            '<span itemprop="datePublished" content="2018-03-14T10:15:00+01:00">14. března 2018 10:15</span></div>'
            '<div itemprop="articleBody">' + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div>"
            '<figure><img src="/f.jpg"><figcaption><span itemprop="author">Foto: Dopravní podnik</span></figcaption>'
            '</figure></article></body></html>')
    a = parse_page(html.encode(), "https://www.example.cz/brno/tramvaj-kampus", profile="generic").article
    assert a.author == ", ".join(names)


@pytest.mark.parametrize("lang,names,joined", [
    ("en", ("Lerato Mokoena", "Pieter du Plessis"), "Lerato Mokoena and Pieter du Plessis"),
    ("nl", ("Sanne de Vries", "Jan van der Berg"), "Sanne de Vries en Jan van der Berg"),
])
def test_writers_whose_surnames_carry_a_particle_are_named_as_printed(lang, names, joined):
    ld = ('<script type="application/ld+json">{"@context": "http://schema.org", "@type": "NewsArticle", '
          '"headline": "Water restrictions eased", "author": ['
          + ", ".join(f'{{"@type": "Person", "name": "{n}"}}' for n in names) + ']}</script>')
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>T</title><meta property="og:site_name" '
            f'content="Highveld24">{ld}</head><body><article class="article"><h1 class="article__title">Water '
            f'restrictions eased</h1><div class="article__byline"><span class="article__author">{joined}, Highveld24'
            '</span> <span class="article__date">Published 14 Mar 2020</span></div><div class="article__body">'
            + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div></article></body></html>")
    a = parse_page(html.encode(), "https://www.highveld24.example.co.za/news/water-656285", profile="generic").article
    assert a.author == joined


# -- a forum's announcement: the board's banner, a member's registration date -------------------------

@pytest.mark.parametrize("lang,joined,posted,want", [
    ("de", "<strong>Registriert:</strong> Mo 12. Jan 2009, 19:22", "Mo 14. Mär 2016, 19:05", "2016-03-14"),
    ("en", "<strong>Joined:</strong> Tue Apr 14, 2009 8:12 pm", "Mon Sep 12, 2022 9:41 pm", "2022-09-12"),
    ("vi", "<strong>Ngày tham gia:</strong> 12/01/2009", "14/03/2016 19:05", "2016-03-14"),
])
def test_a_forum_post_s_date_is_not_its_writer_s_registration(lang, joined, posted, want):
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Forum</title></head><body id="phpbb">'
            '<div class="headerbar" role="banner"><h1>SV Grün-Weiß Ebersdorf – Forum</h1><p>Das Forum für '
            'Mitglieder</p></div><div id="page-body" class="page-body" role="main"><h2 class="topic-title">'
            '<a href="./viewtopic.php?t=2231">Einladung zur Jahreshauptversammlung 2016</a></h2>'
            '<div id="p1" class="post"><dl class="postprofile"><dt><a href="./memberlist.php?u=132">Vorstand_Kai</a>'
            f'</dt><dd class="profile-rank">Administrator</dd><dd class="profile-joined">{joined}</dd></dl>'
            '<div class="postbody"><h3 class="first"><a href="#p1">Einladung zur Jahreshauptversammlung 2016</a></h3>'
            f'<p class="author">von <strong><a href="./memberlist.php?u=132">Vorstand_Kai</a></strong> » {posted}</p>'
            '<div class="content">' + "<br>".join(EN + MORE) + '</div></div></div></div></body></html>')
    a = parse_page(html.encode(), "https://forum.example.de/viewtopic.php?f=3&t=2231", profile="generic").article
    assert a.published_at[:10] == want
    assert a.headline == "Einladung zur Jahreshauptversammlung 2016"     # not the board's banner


# -- dates: a compact date folder in the URL, a date printed as the post's permalink ------------------

@pytest.mark.parametrize("url,want", [
    ("http://m.gangwen.example.hk/news/20150314/hk-tram-fare-rise-52123.html", "2015-03-14"),
    ("https://www.example.com/tin-tuc/20240312/gia-lua-tang.html", "2024-03-12"),
])
def test_a_date_folder_in_the_url_dates_a_page_that_prints_no_year(url, want):
    html = ('<html lang="zh-HK"><head><meta charset="utf-8"><title>電車加價</title></head><body><div class="story">'
            '<h2 class="headline">電車下月起加價</h2><p class="dateline"><span class="time">03月14日 08:30</span></p>'
            '<div class="story-body">' + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div></div></body></html>")
    a = parse_page(html.encode(), url, profile="generic").article
    assert a.published_at[:10] == want


@pytest.mark.parametrize("lang,printed,want", [("es", "14 de marzo de 2016", "2016-03-14"),
                                               ("vi", "14/03/2016", "2016-03-14")])
def test_a_date_printed_as_the_post_s_permalink_is_its_date(lang, printed, want):
    url = "https://lacasadelosrelojes.tumblr.example.com/post/141023345612/el-relojero-de-la-calle-mayor"
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>El relojero</title></head><body>'
            '<div class="post"><h2 class="title">El relojero de la calle Mayor</h2><div class="body">'
            + "".join(f"<p>{p}</p>" for p in EN + MORE) + f'</div><div class="meta"><a class="date" href="{url}">'
            f'{printed}</a> <a class="notecount" href="#notes">96 notas</a></div></div>'
            '<div class="sidebar"><h3>Más</h3><ul><li><a href="/post/1/otra">Otra entrada del blog</a></li></ul></div>'
            '</body></html>')
    a = parse_page(html.encode(), url, profile="generic").article
    assert a.published_at[:10] == want


def test_a_headline_linked_to_its_own_page_is_not_read_as_a_date():
    url = "https://dulich.example.gov.vn/index.php/vi/tin-tuc/489-khach-quoc-te-tang-28-trong-9-thang-nam-2025"
    html = ('<html lang="vi"><head><meta charset="utf-8"><title>Khách quốc tế</title></head><body><div class="item-page">'
            f'<h2><a href="{url}">Khách quốc tế đến tỉnh tăng 28% trong 9 tháng năm 2025</a></h2>'
            '<div class="createdate">Ngày đăng: 16/10/2025</div><div class="content">' + "".join(f"<p>{p}</p>" for p in VI + VI_MORE)
            + "</div></div></body></html>")
    a = parse_page(html.encode(), url, profile="generic").article
    assert a.published_at[:10] == "2025-10-16"


# -- writers in scripts without capitals, with their own colons and credits ---------------------------

@pytest.mark.parametrize("lang,byline,name", [
    ("km", 'ដោយ៖ <span class="author vcard"><a class="url fn n" href="/author/sok-dara">សុខ ដារ៉ា</a></span>', "សុខ ដារ៉ា"),
    ("my", '<span class="author vcard"><a class="url fn n" href="/author/akm">အောင်ကျော်မင်း</a></span>', "အောင်ကျော်မင်း"),
])
def test_a_marked_writer_in_khmer_or_burmese_script(lang, byline, name):
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>T</title></head><body><article>'
            f'<h1 class="entry-title">Electric buses</h1><div class="entry-meta"><span class="byline">{byline}</span>'
            '</div><div class="entry-content">' + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div></article></body></html>")
    a = parse_page(html.encode(), "https://www.example.com.kh/2024/03/15/electric-buses/", profile="generic").article
    assert a.author == name


def test_lao_credits_after_the_text_name_the_writer_before_the_photographer():
    html = ('<html lang="lo"><head><meta charset="utf-8"><title>T</title></head><body><article>'
            '<h1 class="entry-title">Fuel prices cut</h1><div class="entry-content">'
            + "".join(f"<p>{p}</p>" for p in EN + MORE) + '</div><div class="mk-credits"><p><strong>ຂ່າວ:</strong> '
            'ສົມພອນ ແກ້ວມະນີ; <strong>ພາບ:</strong> ບຸນມີ ສີສະຫວັດ</p></div></article></body></html>')
    a = parse_page(html.encode(), "https://www.example.la/2024/03/14/fuel-price-cut/", profile="generic").article
    assert a.author == "ສົມພອນ ແກ້ວມະນີ"


def test_a_movable_type_asset_header_is_the_entry_s_not_the_site_s():
    html = ('<html lang="ja"><head><meta charset="utf-8"><title>哲学の道</title></head><body><div id="alpha">'
            '<div class="entry-asset asset hentry"><div class="asset-header"><h1 class="asset-name entry-title">'
            '哲学の道を歩く、桜はまだ三分咲き</h1><div class="asset-meta"><span class="byline">投稿者: <span class="vcard '
            'author"><a class="fn url" href="#">山田健一</a></span> 日時: <abbr class="published" '
            'title="2009-03-28T18:20:00+09:00">2009年03月28日 18:20</abbr></span></div></div>'
            '<div class="asset-content entry-content"><div class="asset-body">'
            + "".join(f"<p>{p}</p>" for p in EN + MORE) + "</div></div></div></div></body></html>")
    a = parse_page(html.encode(), "http://yamada.example.jp/blog/archives/2009/03/000412.html", profile="generic").article
    assert a.author == "山田健一"
