"""The classes of world set 27 (blind), each on a small page of its own: a hand-coded page whose
text sits in a <font> right under <body>, lines split by <br><br>, signed 'Text: X' / 'Tekst: X' /
'Skrevet af X' on its last line; a story whose second half is collapsed behind a 'read the full
story' button (aria-hidden until tapped), and an aria-hidden copy with no button that stays
hidden; a credit line 'Texto: X | Edição: Y' (the writer, not the editor); a mail kept in a list's
archive (headers over a <pre>, its '-- ' signature and the list's footer under it, the thread index
beside it), in English and in Japanese; a pdf2htmlEX export's title in its largest type; a date
its class calls an update's; a Q&A page's answerer beside the other answers' writers; a post's footer sentence ('This entry was written by X,
posted on March 12th, 2019 at 9:14 pm, …'); a column's headshot caption as its only byline. 13 of the 14
cases fail on the parsers before their fix; the
aria-hidden copy stands as a guard (it passed before and must still)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page
from govnews.parsers.fields import split_signature

_DE = ["Zur Jahreshauptversammlung des Sportvereins kamen am vergangenen Freitag 58 Mitglieder in die Turnhalle, "
       "der Vorsitzende eröffnete die Versammlung pünktlich.",
       "Im Jahresbericht blickte er auf ein erfolgreiches Jahr zurück: zwei Aufstiege, ein neues Vereinsheim und "
       "über hundert neue Mitglieder.",
       "Zum neuen Kassierer wurde einstimmig Peter Schulz gewählt, die übrigen Vorstandsmitglieder bleiben im Amt."]


def _bare(signature: str, lang: str = "de") -> bytes:
    lines = "<br><br>\n".join(_DE)
    return (f'<html lang="{lang}"><head><title>SV Musterdorf - Aktuelles</title></head>'
            '<body bgcolor="#FFFFFF"><table width="760"><tr><td><a href="/"><img src="/logo.gif" alt="SV Musterdorf">'
            '</a></td></tr></table><table width="760" bgcolor="#336633"><tr>'
            + "".join(f'<td><a href="/{w}.htm"><font size="1">{w}</font></a></td>' for w in
                      ("Startseite", "Aktuelles", "Verein", "Termine", "Kontakt")) +
            '</tr></table><br><center><font size="+2"><b>Jahreshauptversammlung: Neuer Kassierer gewählt</b></font>'
            '</center><hr><font size="2" color="#666666">Meldung vom 14. März 2007</font><br><br>'
            f'<font face="Verdana" size="2">{lines}<br><br>{signature}<br></font><hr>'
            '<a href="/news.htm">Zurück</a><br><center><font size="1">Sie sind Besucher Nr. 018342 seit dem 01.01.2003'
            '<br>Letzte Änderung: 02.04.2007<br>© 2003-2007 SV Musterdorf</font></center></body></html>').encode()


@pytest.mark.parametrize("signature, name", [("Text: Klaus Werner", "Klaus Werner"),
                                             ("Tekst: Marek Nowak", "Marek Nowak"),
                                             ("Skrevet af Birthe Holm", "Birthe Holm")])
def test_a_bare_pages_text_in_a_font_under_body_is_the_body_and_its_credit_the_author(signature, name):
    a = parse_page(_bare(signature), "http://www.sv-musterdorf.example.de/news/2007_jhv.htm", {},
                   profile="generic").article
    assert a.body == "\n\n".join(_DE)
    assert a.author == name


_EN = ["The council approved the new cycle lanes on the ring road after a two-hour debate on Tuesday evening, "
       "with nine votes in favour and four against.",
       "Work on the first section between the station and the hospital is due to start in the spring."]
_REST = ["Residents who objected to the loss of parking spaces will be offered permits for the side streets, the "
         "council's transport officer said.",
         "A second consultation on the northern section will open in the autumn, with drop-in sessions in three "
         "libraries."]


def _story(rest_attrs: str, button: str) -> bytes:
    opened = "".join(f"<p>{p}</p>" for p in _EN)
    rest = "".join(f"<p>{p}</p>" for p in _REST)
    return ('<html lang="en"><head><title>Cycle lanes approved</title></head><body><header><a href="/">County '
            'News</a></header><article class="story"><h1>Cycle lanes approved on the ring road</h1>'
            '<div class="meta"><time datetime="2021-05-12T09:00:00+01:00">12 May 2021</time></div>'
            f'<div class="story__body"><div class="story__open">{opened}</div>'
            f'<div class="story__rest is-collapsed" {rest_attrs}>{rest}</div>{button}</div></article>'
            '<section class="next"><h2>Next stories</h2><div class="next-story"><a href="/a/1"><h3>Library opening '
            'hours extended</h3></a></div></section></body></html>').encode()


def test_a_storys_second_half_collapsed_behind_a_button_is_body():
    page = _story('id="story-rest" aria-hidden="true" style="max-height:0;overflow:hidden"',
                  '<button aria-controls="story-rest" aria-expanded="false">Read the full story</button>')
    a = parse_page(page, "https://countynews.example.org/a/cycle-lanes", {}, profile="generic").article
    assert a.body == "\n\n".join(_EN + _REST)


def test_an_aria_hidden_copy_with_no_button_stays_hidden():
    copy = "".join(f"<p>{p}</p>" for p in _EN + _REST)
    page = _story('id="story-rest"', '').replace(
        b'<article class="story">', f'<div aria-hidden="true" class="reader-copy">{copy}<p>Listen to this '
        'story in our app, read by the newsroom every morning at seven.</p></div><article class="story">'.encode())
    a = parse_page(page, "https://countynews.example.org/a/cycle-lanes", {}, profile="generic").article
    assert "Listen to this story" not in a.body


def test_a_credit_line_names_the_writer_not_the_editor():
    signed = split_signature("Texto: Mariana Albuquerque | Edição: Paulo Nery")
    assert signed is not None and signed.author == "Mariana Albuquerque"


def _archive(sender: str, message: str, index: str) -> bytes:
    return ('<html><head><title>[bike-users] Night closures on the river bridge</title></head><body>'
            '<header class="top"><a href="/">Riverside Cycling Club lists</a></header><div class="archive">'
            '<ul class="msgnav"><li><a href="msg1.html">Date Prev</a></li><li><a href="msg3.html">Date Next</a></li>'
            '</ul><hr><h1>Night closures on the river bridge</h1><hr><ul class="headers">'
            f'<li><em>From</em>: {sender}</li><li><em>Date</em>: Tue, 12 Mar 2013 14:05:33 -0700</li>'
            '<li><em>To</em>: bike-users@lists.riverside.example.org</li></ul><hr>'
            f'<pre style="margin: 0em;">{message}</pre><hr><h2>Index(es): Thread</h2><ul class="thread">{index}</ul>'
            '</div></body></html>').encode()


_MAIL = """Hi all,

The county just posted the schedule for the deck repairs on the
river bridge, and it affects the bike lanes more than we expected.
The westbound lane will be closed on weeknights for three weeks.

We would like to do two things:

* Ask the county to keep a flagger on site for the whole night
* Write a short guide to the detour via the old rail path

Thanks, and ride safe.

-- 
Jonas Keller
Riverside Cycling Club, advocacy group
_______________________________________________
bike-users mailing list
https://lists.riverside.example.org/mailman/listinfo/bike-users"""


def test_a_mail_in_a_lists_archive_is_the_message_without_signature_footer_or_thread_index():
    index = "".join(f'<li><strong><a href="msg{i}.html">Re: Ride calendar part {i}</a></strong>, <em>Maria Lopez'
                    f'</em>, Sun Mar {i} 21:35:33 2013</li>' for i in range(1, 16))
    page = _archive("Jonas Keller &lt;jonas.keller@riverside.example.org&gt;", _MAIL, index)
    a = parse_page(page, "https://lists.riverside.example.org/archives/bike-users/msg00041.html", {},
                   profile="generic").article
    assert a.body.split("\n\n") == [
        "Hi all,",
        "The county just posted the schedule for the deck repairs on the river bridge, and it affects the bike "
        "lanes more than we expected. The westbound lane will be closed on weeknights for three weeks.",
        "We would like to do two things:",
        "Ask the county to keep a flagger on site for the whole night",
        "Write a short guide to the detour via the old rail path",
        "Thanks, and ride safe."]
    assert a.author == "Jonas Keller"


def test_a_japanese_mail_reads_as_prose_too():
    mail = ("みなさん、こんばんは。関西Rubyistの会の山田です。\n\n第12回のRuby勉強会を7月27日（土）の午後に開催します。"
            "会場はいつもの梅田の貸会議室です。\n\n参加を希望される方は、7月20日までにこのメールに返信してください。"
            "定員は30名です。\n\n-- \n山田 太郎\n_______________________________________________\nkansai-ruby")
    index = "".join(f'<li><strong><a href="msg{i}.html">Re: 次回のテーマ案 その{i}について</a></strong>, '
                    f'<em>鈴木 一郎</em>, 2013年7月{i}日 15:23</li>' for i in range(1, 5))
    page = _archive("山田 太郎 &lt;taro.yamada@kansai.example.jp&gt;", mail, index)
    a = parse_page(page, "https://ml.kansai.example.jp/archives/kansai-ruby/msg00012.html", {},
                   profile="generic").article
    assert a.body.startswith("みなさん、こんばんは。") and a.body.endswith("定員は30名です。")
    assert "鈴木" not in a.body
    assert a.author == "山田 太郎"


def test_a_pdf_exports_title_is_its_largest_type_on_the_first_page_joined():
    css = ".fs0{font-size:36px;}.fs1{font-size:44px;}.fs3{font-size:60px;}@media print{.fs3{font-size:45pt;}}"
    lines = [("fs0", "Gemeindeblatt Musterstadt · Nr. 4 · 2. April 2021 · Seite 5"),
             ("fs3", "Neue Buslinie 12 verbindet ab Mai"), ("fs3", "die Ortsteile Nord und Süd"),
             ("fs1", "Der Gemeinderat hat die neue Buslinie am Dienstag einstimmig beschlossen, sie fährt"),
             ("fs1", "werktags im Halbstundentakt zwischen Bahnhof und Friedhof."),
             ("fs1", "Die Kosten von 180.000 Euro im Jahr trägt der Landkreis zur Hälfte.")]
    page = ('<html><head><title>gemeindeblatt_04_2021_s5</title><meta name="generator" content="pdf2htmlEX">'
            f'<style>{css}</style></head><body><div id="sidebar"></div><div id="page-container">'
            '<div id="pf1" class="pf w0 h0" data-page-no="1"><div class="pc pc1 w0 h0">'
            + "".join(f'<div class="t m0 x1 h2 y{i} ff1 {fs} fc0 sc0 ls0 ws0">{t}</div>' for i, (fs, t) in enumerate(lines))
            + '</div></div></div></body></html>').encode()
    a = parse_page(page, "https://www.musterstadt.example.de/gemeindeblatt/2021-04/s5.html", {},
                   profile="generic").article
    assert a.headline == "Neue Buslinie 12 verbindet ab Mai die Ortsteile Nord und Süd"


def test_a_date_its_class_calls_an_updates_gives_way_to_the_published_one():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": '
          '"Save the village bus", "datePublished": "2019-03-12T19:30:00+00:00", "dateModified": '
          '"2019-05-03T10:00:00+01:00"}</script>')
    body = ('<html lang="en"><head><title>Save the village bus</title>' + ld + '</head><body><main>'
            '<h1>Save the village bus route 24</h1><div class="petition__started">Started 12 March 2019</div>'
            '<div class="petition__text"><p>' + " ".join(_EN) + '</p><p>' + " ".join(_REST) + '</p></div>'
            '<section class="updates"><h2>Updates</h2><div class="update"><div class="update__date">3 May 2019</div>'
            '<p>We handed the petition to the council today.</p></div></section></main></body></html>')
    a = parse_page(body.encode(), "https://petitions.example.org/p/save-the-village-bus", {},
                   profile="generic").article
    assert a.published_at.startswith("2019-03-12")


def test_a_qa_pages_answerer_is_the_author_not_the_other_answers_writers():
    def answer(name, text, main=False):
        return (f'<div class="AnswerItem{" AnswerItem--main" if main else ""}"><div class="AuthorInfo">'
                f'<span class="AuthorInfo-name">{name}</span></div><div class="RichContent-inner">{text}</div></div>')
    main = answer("Андрей Кузнецов", "".join(f"<p>{p}</p>" for p in _EN + _REST), main=True)
    others = answer("Сергей", "<p>Согласен, но зимой лучше брать шипованную резину.</p>") + \
        answer("Мария К", "<p>У нас в Новосибирске все ездят на липучке, и ничего.</p>")
    page = ('<html lang="ru"><head><title>Как выбрать шины на зиму?</title></head><body><main>'
            '<h1 class="QuestionHeader-title">Как выбрать шины на зиму в Сибири?</h1>'
            f'{main}<div class="MoreAnswers"><h2>Ещё ответы</h2>{others}</div></main></body></html>').encode()
    a = parse_page(page, "https://otvety.example.ru/question/1847/answer/5/", {}, profile="generic").article
    assert a.author == "Андрей Кузнецов"


def test_a_posts_footer_sentence_gives_its_date():
    text = "".join(f"<p>{p}</p>" for p in _EN + _REST)
    page = ('<html lang="en"><head><title>Cedar Lake Observer</title></head><body><div id="page"><h1 id="blog-title">'
            '<a href="/">Cedar Lake Observer</a></h1><div class="post" id="post-812"><h2><a href="/cycle-lanes/" '
            'rel="bookmark">Cycle lanes approved on the ring road</a></h2><div class="post-bodycopy">' + text +
            '</div><div class="post-footer">This entry was written by <a href="/author/glind/" rel="author">Gary '
            'Lind</a>, posted on March 12th, 2019 at 9:14 pm, filed under <a href="/category/local/">Local '
            'Government</a>. Bookmark the <a href="/cycle-lanes/">permalink</a>. Follow any comments here with the '
            '<a href="/cycle-lanes/feed/">RSS feed for this post</a>.</div></div>'
            '<div id="sidebar"><table id="wp-calendar"><caption>March 2019</caption><tr><td>12</td><td>13</td></tr>'
            '</table></div></div></body></html>').encode()
    a = parse_page(page, "https://www.cedarlakeobserver.example.com/cycle-lanes/", {}, profile="generic").article
    assert a.published_at is not None and a.published_at.startswith("2019-03-12T21:14")


@pytest.mark.parametrize("alt, name", [("Columnist portrait", "Helen Marsh"), ("स्तंभकार का चित्र", "अनुराधा शर्मा")])
def test_a_columns_headshot_caption_names_its_writer(alt, name):
    text = "".join(f"<p>{p}</p>" for p in _EN + _REST)
    page = ('<html><head><title>Opinion</title></head><body><main><article class="opinion"><header class="opinion__head">'
            '<div class="opinion__column">Notebook</div><figure class="columnist-shot"><img src="/columnists/x.png" '
            f'alt="{alt}" width="120" height="120"><figcaption class="columnist-shot__name">{name}</figcaption></figure>'
            '<h1 class="opinion__title">Our high streets need fewer car parks, not more</h1></header>'
            f'<div class="opinion__body">{text}</div></article></main></body></html>').encode()
    a = parse_page(page, "https://www.ledger.example.co.uk/opinion/columnists/car-parks-1447382", {},
                   profile="generic").article
    assert a.author == name
