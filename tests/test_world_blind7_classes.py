"""The failure classes of the seventh blind world-news set (fixtures/world_blind7), each on a
small page of its own."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

P = ("The council voted on Tuesday to extend the night bus network to the three districts that grew "
     "fastest over the last decade, after months of petitions from shift workers and their unions.")
Q = ("Operators will hire forty more drivers before the summer, and the first routes start in June, "
     "the transport committee said in a statement published after the vote on Tuesday evening.")
R = ("Residents who want to comment on the timetable can write to the committee until the end of "
     "April; the final plan goes to the full council for approval in the second week of May.")


def _article(html: str, url: str = "https://www.example-daily.com/n/9"):
    return parse_page(html.encode("utf-8"), url, profile="generic").article


def test_a_web_story_is_the_text_of_every_page_but_the_cover():
    pages = "".join(f'<amp-story-page id="p{i}"><amp-story-grid-layer template="fill"><amp-img src="/{i}.jpg">'
                    f'</amp-img></amp-story-grid-layer><amp-story-grid-layer template="vertical"><div class="txt">'
                    f'<h2>Stop {i}</h2><p>{text}</p></div></amp-story-grid-layer><amp-story-grid-layer '
                    f'template="vertical" class="credit"><p>Photo: Archive</p></amp-story-grid-layer></amp-story-page>'
                    for i, text in enumerate((P, Q, R), 1))
    a = _article('<html lang="en"><head><title>Night buses</title></head><body><amp-story standalone title="Night '
                 'buses"><amp-story-page id="cover"><amp-story-grid-layer template="vertical"><div class="txt"><h1>'
                 'Night buses reach three more districts</h1><p class="byline">By Ann Lee</p></div>'
                 f'</amp-story-grid-layer></amp-story-page>{pages}</amp-story></body></html>')
    assert a.headline == "Night buses reach three more districts"
    assert a.body == f"Stop 1\n\n{P}\n\nStop 2\n\n{Q}\n\nStop 3\n\n{R}"


def test_a_text_only_page_with_its_paragraphs_in_body_itself():
    a = _article('<html lang="en"><head><meta charset="utf-8"><title>Night buses</title></head><body><div><a href="/">'
                 'Daily Lite</a> · <a href="https://www.example-daily.com/">Full site</a></div><hr><h1>Night buses '
                 'reach three more districts</h1><p class="m">By Ann Lee<br>Published: 14 March 2023, 2:22 PM</p>'
                 f'<p>{P}</p><p>{Q}</p><p>{R}</p><hr><p><b>Latest</b></p><ul><li><a href="/s/1">One story</a></li>'
                 '<li><a href="/s/2">Another story</a></li></ul><p>© 2023 Daily</p></body></html>')
    assert a.headline == "Night buses reach three more districts"
    assert a.author == "Ann Lee"
    assert a.body.endswith(f"{P}\n\n{Q}\n\n{R}")
    assert "Latest" not in a.body and "Full site" not in a.body


def _row(inner: str) -> str:
    return f'<tr><td align="left" valign="top" class="mcnTextContent">{inner}</td></tr>'


def test_an_email_newsletter_with_one_row_per_paragraph():
    rows = [_row('<p>Issue #12 · Tuesday, March 14, 2023</p>'), _row('<h1>Why night buses matter</h1>'),
            _row('<p>By Ann Lee</p>'), _row(f'<p>{P}</p>'), _row('<h2>What changes</h2>'), _row(f'<p>{Q}</p>'),
            _row('<table><tr><td><p>Sponsored</p><p>This issue is supported by a bank that would like you to '
                 'open an account with it this spring, with no fees for a year.</p></td></tr></table>'),
            _row(f'<p>{R}</p>'),
            _row('<p><a href="/fwd">Forward this email to a friend</a> · <a href="/s">Sign up here</a></p>'),
            _row('<div><p>You are receiving this email because you signed up for the Daily briefing at our '
                 'website, and you can leave the list whenever you like.</p><p>Our mailing address is: Daily, '
                 'PO Box 1123, Springfield, with the usual office hours on working days.</p><p>Copyright © 2023 '
                 'Daily, all rights reserved, including the rights to this very footer.</p></div>')]
    a = _article('<html lang="en"><head><title>Why night buses matter</title></head><body><center><table id="bodyTable">'
                 f'<tr><td id="bodyCell"><table class="templateContainer">{"".join(rows)}</table></td></tr></table>'
                 '</center></body></html>')
    assert a.headline == "Why night buses matter"
    assert a.author == "Ann Lee"
    assert a.body == f"{P}\n\nWhat changes\n\n{Q}\n\n{R}"


def test_a_byline_ends_where_the_date_label_of_the_next_line_starts():
    from govnews.parsers.fields import byline_name
    assert byline_name("रिपोर्ट: अंकित वर्मा प्रकाशित: 14 मार्च 2023, 2:22 PM IST") == "अंकित वर्मा"
    assert byline_name("By Ann Lee Published: 14 March 2023") == "Ann Lee"
    assert byline_name("Von Jana Schmitt Veröffentlicht: 7. März 2023") == "Jana Schmitt"


def _page(lang: str, head: str, meta: str, first: str = P, top: str = "") -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>x</title>{head}</head><body>{top}'
            f'<main><article><h1>Night buses reach three more districts</h1>{meta}<div class="text">'
            f'<p>{first}</p><p>{Q}</p><p>{R}</p></div></article></main></body></html>')


def test_authors_in_scripts_without_capitals_marked_or_in_metadata():
    for lang, meta, author in (
            ("he", '<div class="meta"><span class="art-author">נועה כהן</span> | <span>07.02.23</span></div>', "נועה כהן"),
            ("ar", '<div class="meta"><span class="art-reporter">الرياض - عبدالله الحربي</span></div>', "عبدالله الحربي"),
            ("bn", '<div class="meta"><span class="news-author">নিজস্ব প্রতিবেদক</span></div>', "নিজস্ব প্রতিবেদক"),
            ("th", '<div class="meta"><span class="news-author">โดย วรรณา ศรีสุข</span></div>', "วรรณา ศรีสุข"),
            ("ko", '<ul class="info"><li><span class="writer">글 김지은</span> <span class="role">영화평론가</span></li></ul>',
             "김지은")):
        assert _article(_page(lang, "", meta)).author == author, lang
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", '
          '"name": "วรรณา ศรีสุข"}}</script>')
    assert _article(_page("th", ld, "")).author == "วรรณา ศรีสุข"


def test_greek_thai_swahili_ukrainian_and_czech_dates_and_labels():
    for lang, meta, day, author in (
            ("el", '<p class="info">Τρίτη, 14 Μαρτίου 2023 | Συντάκτης: Γιάννης Παππάς</p>', "2023-03-14", "Γιάννης Παππάς"),
            ("th", '<p class="info">วันอังคารที่ 14 มีนาคม 2566 เวลา 14:22 น. | รายงานโดย: สมศักดิ์ แก้วมณี | อ่าน 2173 ครั้ง</p>',
             "2023-03-14T14:22", "สมศักดิ์ แก้วมณี"),
            ("cs", '<p class="print-info">Publikováno: 14. 3. 2023, 14:22 | Autor: Tomáš Král</p>'
                   '<p class="print-date">Vytištěno: 15. 3. 2023 8:12</p>', "2023-03-14T14:22", "Tomáš Král")):
        a = _article(_page(lang, "", meta))
        assert a.published_at.startswith(day), lang
        assert a.author == author, lang


def test_a_dateline_opening_the_text_over_a_top_bars_today():
    for lang, top, first, day in (
            ("sw", '<div class="topbar">Jumatatu, Aprili 17, 2023</div>', f"ARUSHA, Aprili 11, 2023 – {P}", "2023-04-11"),
            ("uk", '<div class="topbar"><span class="today">Вівторок, 7 березня 2023</span></div>',
             f"КИЇВ, 3 березня 2023 року /Укрпрес/. {P}", "2023-03-03")):
        a = _article(_page(lang, "", "", first=first, top=top))
        assert a.published_at.startswith(day), lang


def test_a_thai_title_split_by_a_double_colon():
    html = ('<html lang="th"><head><meta charset="utf-8"><title>ข่าวท้องถิ่นอีสาน :: ขอนแก่นเปิดตลาดน้ำแห่งใหม่ริมบึงแก่นนคร '
            f'หวังกระตุ้นการท่องเที่ยว</title></head><body><table><tr><td><p>{P}</p><p>{Q}</p></td></tr></table></body></html>')
    assert _article(html).headline == "ขอนแก่นเปิดตลาดน้ำแห่งใหม่ริมบึงแก่นนคร หวังกระตุ้นการท่องเที่ยว"


def test_a_byline_after_the_publication_date_on_a_print_page_and_swahili_na():
    a = _article(_page("fr", "", '<p class="info-publi"><font size="1">Article publié le 14/03/2023 à 14h22<br>'
                                 'par Élodie Marchal</font></p>'))
    assert a.author == "Élodie Marchal"
    assert a.published_at.startswith("2023-03-14T14:22")
    a = _article(_page("sw", "", '<div class="post-by">Na Mwandishi Wetu</div>'))
    assert a.author == "Mwandishi Wetu"
    a = _article(_page("sw", "", '<p class="meta">Na Amina Juma | Jumanne, Machi 14, 2023</p>'))
    assert a.author == "Amina Juma"


def test_an_app_web_view_with_no_semantic_tags():
    # (world set 8) a page of <div>s: the title, a 'name | relative time' line, text blocks, an
    # image with its caption box, then the app's related list
    for caption in ("", '<div class="cap">The new station - source: the water authority</div>'):
        html = ('<html lang="en"><head><meta charset="utf-8"><title>Night buses reach three more districts</title>'
                '</head><body><div class="top"><a href="app://back">Back</a> <a href="app://share">Share</a></div>'
                '<div class="hd">Night buses reach three more districts</div><div class="mt">Ann Lee | 3 hours ago'
                f'</div><div class="im"><img src="/a.webp">{caption}</div><div class="t0">{P}</div><div class="t1">{Q}'
                f'</div><div class="t0">{R}</div><div class="mt">Published: 14.03.2024 09:12</div><div class="more">'
                '<div>Read more in the app</div><div><a href="app://a/1">One story</a></div><div><a href="app://a/2">'
                'Another story</a></div></div></body></html>')
        a = _article(html)
        assert a.author == "Ann Lee"
        assert a.published_at.startswith("2024-03-14T09:12")
        assert f"{P}\n\n{Q}\n\n{R}" in a.body
        assert "One story" not in a.body


def test_world8_labels_cells_months_and_joiners():
    # a date cell under its label, Romanian months and 'Publicat:', Hebrew 'מאת', Greek genitive
    # 'Του', and the zero-width non-joiner that Persian spelling needs
    a = _article(_page("pl", "", '<table class="metryka"><tr><th>Data wytworzenia:</th><td>2024.02.28</td></tr><tr>'
                                 '<th>Data publikacji:</th><td>2024.03.05 14:10</td></tr><tr><th>Data modyfikacji:</th>'
                                 '<td>2024.03.11 09:02</td></tr></table>'))
    assert a.published_at.startswith("2024-03-05T14:10")
    a = _article(_page("ro", "", '<dl><dt>Autor:</dt><dd>Ioana Moldovan</dd><dt>Publicat:</dt><dd>Miercuri, 13 martie '
                                 '2024, ora 11:40</dd></dl>'))
    assert a.published_at.startswith("2024-03-13")
    assert _article(_page("he", "", '<div class="by">מאת אבי מזרחי</div>')).author == "אבי מזרחי"
    assert _article(_page("el", "", '<div class="author">Του Γιώργου Παπαδόπουλου</div>')).author == "Γιώργου Παπαδόπουλου"
    a = _article('<html lang="fa"><head><meta charset="utf-8"><title>x</title></head><body><main><article><h1>'
                 'خط ۱۰ متروی تهران تا پایان سال آینده به بهره\u200cبرداری می\u200cرسد</h1><div class="text">'
                 f'<p>{P}</p><p>{Q}</p></div></article></main></body></html>')
    assert a.headline == "خط ۱۰ متروی تهران تا پایان سال آینده به بهره\u200cبرداری می\u200cرسد"
    from govnews.parsers.text import clean
    assert clean("Klima\u00adanpassung\u200b im\u200c Land") == "Klimaanpassung im Land"   # elsewhere removed


def test_the_writer_named_only_in_a_box_about_the_author():
    # (world set 8) a column whose byline is the box after the text: its heading in the page's
    # language, the name in bold or on its own line, or only as the portrait's alt text
    for lang, box, author in (
            ("es", '<section class="firma"><img src="/a.jpg" alt="Carmen Valdés"><h3>Sobre la autora</h3><p><strong>'
                   'Carmen Valdés</strong> es ingeniera agrónoma y columnista.</p></section>', "Carmen Valdés"),
            ("fr", '<aside class="bio"><img src="/a.jpg" alt="Hélène Marchand"><div><h3>À propos de l’autrice</h3><p '
                   'class="nom">Hélène Marchand</p><p>Hélène Marchand est géographe.</p></div></aside>', "Hélène Marchand"),
            ("he", '<div class="kotev"><img src="/a.jpg" alt="נועה ברקוביץ"><div><strong>על הכותבת</strong><p><b>נועה '
                   'ברקוביץ</b> היא מתכננת ערים.</p></div></div>', "נועה ברקוביץ"),
            ("uk", "", None)):
        html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>x</title></head><body><main><article><h1>Night '
                f'buses reach three more districts</h1><div class="text"><p>{P}</p><p>{Q}</p></div>{box}</article></main>'
                '</body></html>')
        assert _article(html).author == author, lang
    assert _article(_page("uk", "", '<div class="avtor"><span>Авторка: Marta Wiśniewska</span></div>')).author == \
        "Marta Wiśniewska"
