"""One small page per failure class the second blind world-news set (fixtures/world_blind2,
issue 10) showed in the generic extractor's choice of the body block; each page is written here,
in other words and markup than the blind pages, and asserts the exact record fields of its
class."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

PROSE = ("The regional assembly approved the new harbour budget on Tuesday after a debate that "
         "lasted most of the afternoon, with several members asking for more detail on costs.")
PROSE2 = ("Officials said the dredging work would start in the spring and take about eighteen "
          "months, while the old quay would stay open to fishing boats during the works.")


def _article(html: str, url: str = "https://news.example.org/2024/03/05/harbour-budget"):
    return parse_page(html.encode("utf-8"), url, {"content-type": "text/html; charset=utf-8"},
                      profile="generic").article


def _page(inner: str, before: str = "", lang: str = "en") -> str:
    return (f"<html lang='{lang}'><head><title>Harbour budget approved | Coast Times</title>"
            f"</head><body>{before}<header class='site-header'><a href='/'>Coast Times</a></header>"
            f"<main>{inner}</main><footer class='site-footer'>© Coast Times</footer></body></html>")


_STORY = (f"<article><h1>Harbour budget approved</h1><div class='byline'>By Tom Reyes</div>"
          f"<div class='story'><p>{PROSE}</p><p>{PROSE2}</p></div></article>")

_CONSENT_P = ("Utilizamos cookies propias y de terceros, y tecnologías similares, para almacenar y "
              "acceder a información en su dispositivo, medir la audiencia, mostrar publicidad "
              "personalizada y desarrollar nuestros productos, de acuerdo con su configuración.")


def _wall(attrs: str) -> str:
    purposes = "".join(f"<li><p>{_CONSENT_P} Finalidad {i}.</p></li>" for i in range(8))
    return (f"<div {attrs}><h2>Su privacidad es importante</h2>"
            f"<div class='text'><p>{_CONSENT_P}</p><p>{_CONSENT_P}</p><ul>{purposes}</ul>"
            "<ul><li><span class='author'>Acme Ads Ltd.</span> <a href='/p'>Política</a></li></ul>"
            "</div><button>Aceptar</button></div>")


def test_a_consent_wall_before_the_article_is_never_its_body():
    for attrs in ("class='overlay' role='dialog' aria-modal='true'",    # by its role
                  "id='onetrust-banner-sdk' class='ot-wrap'",            # by the vendor's name
                  "class='pcy-layer cookie-notice'"):                   # by its name
        article = _article(_page(_STORY, before=_wall(attrs)))
        assert article.body == PROSE + "\n\n" + PROSE2, attrs
        assert article.author == "Tom Reyes", attrs


def _thread(cls: str, item: str) -> str:
    posts = "".join(
        f"<div class='{item}'><div class='meta'><b>reader{i}</b> <time>{i} horas atrás</time></div>"
        f"<div class='story-text'><p>Concordo plenamente, a obra do porto devia ter começado há anos e a "
        f"cidade perdeu muito tempo com discussões inúteis sobre o assunto número {i}.</p></div>"
        "<a href='#'>Responder</a></div>" for i in range(12))
    return f"<section class='{cls}'><h3>Comentários (12)</h3>{posts}</section>"


def test_a_comment_thread_longer_than_the_article_is_never_its_body():
    for cls, item in (("comentarios", "comentario"), ("user-kommentare", "eintrag"),
                      ("yorumlar", "yorum-kutu")):
        article = _article(_page(_STORY + _thread(cls, item)))
        assert article.body == PROSE + "\n\n" + PROSE2, cls
    posts = "".join(f"<div itemscope itemtype='https://schema.org/Comment'><p>Posted by a reader: "
                    f"I think the harbour needs this money more than anything else this year {i}.</p>"
                    "</div>" for i in range(12))
    article = _article(_page(_STORY + f"<div class='feedback'>{posts}</div>"))
    assert article.body == PROSE + "\n\n" + PROSE2


def test_a_photo_gallery_body_is_its_intro_not_its_captions():
    shots = "".join(
        f"<div class='slide'><img src='/g/{i}.jpg'><div class='slide-caption'><p>Boats of the "
        f"fishing fleet wait in the outer basin while the cranes unload the morning catch, "
        f"picture number {i} of the series.</p><span>Photo: Ana Lima</span></div></div>"
        for i in range(10))
    intro = ("<div class='intro'><p>Our photographer spent a day on the quays before the works "
             "begin, from the first boats at dawn to the evening auction.</p></div>")
    article = _article(_page(f"<div class='photo-story'><h1>Harbour budget approved</h1>{intro}"
                             f"<div class='slides'>{shots}</div></div>"))
    assert article.body == ("Our photographer spent a day on the quays before the works begin, "
                            "from the first boats at dawn to the evening auction.")
    figures = "".join(f"<figure><img src='/g/{i}.jpg'><figcaption>A crane lifts a container "
                      f"of fish onto the quay in the early morning light, shot {i}.</figcaption>"
                      "</figure>" for i in range(6))
    article = _article(_page(f"<article><h1>Harbour budget approved</h1><p>{PROSE}</p>"
                             f"<section>{figures}</section></article>"))
    assert article.body == PROSE


def test_a_live_blog_body_is_its_dated_entries():
    entries = "".join(
        f"<li class='entry'><time datetime='2024-03-05T{10 + i}:00'>{10 + i}:00</time>"
        f"<div class='entry-text'><p>Update {i}: the harbour master reports that the storm "
        f"surge has reached the outer wall and crews are closing the flood gates.</p></div></li>"
        for i in range(4))
    head = ("<div class='standfirst'><p>Follow the latest on the storm as it reaches the "
            "coast tonight, with reports from our team on the quays.</p></div>")
    page = (f"<div class='live-coverage'><h1>Harbour budget approved</h1>{head}"
            f"<ol class='updates'>{entries}</ol></div>")
    article = _article(_page(page))
    assert article.body == "\n\n".join(
        f"Update {i}: the harbour master reports that the storm surge has reached the outer "
        "wall and crews are closing the flood gates." for i in range(4))
    # the same list of dated blocks on a page that is no live blog: one entry stays the body
    article = _article(_page(page.replace("live-coverage", "coverage")))
    assert article.body.startswith("Update 0:")
    assert "Update 1" not in article.body


def test_an_article_split_over_content_blocks_is_its_parts_without_the_wrapper():
    related = ("<aside class='more-box'><h3>Elsewhere</h3><ul>" + "".join(
        f"<li><a href='/n/{i}'>Ferry timetable changes for the summer season {i}</a><p>The "
        f"operator adds evening crossings on weekends from June onwards, number {i}.</p></li>"
        for i in range(3)) + "</ul></aside>")
    page = ("<div class='page-body'><div class='path'><a href='/'>Start</a> › <a href='/c'>Coast</a>"
            "</div><h1>Harbour budget approved</h1><p class='dek'>The assembly backs the port "
            "plan after a long debate on its cost.</p><div class='writer'>Tom Reyes</div>"
            "<div class='when'><time datetime='2024-03-05T09:10:00Z'>5 March 2024, 09:10</time> "
            "<span>Updated: 6 March 2024, 11:00</span></div>"
            f"<div class='story-text'><p>{PROSE}</p><p>{PROSE2}</p></div>{related}"
            f"<div class='story-text'><p>{PROSE2}</p><p>{PROSE}</p></div></div>")
    article = _article(_page(page))
    assert article.body == "\n\n".join((PROSE, PROSE2, PROSE2, PROSE))
    assert article.published_at.startswith("2024-03-05T09:10")
    # parts between subheadings (each in its own wrapper) are one article: its wrapper stays
    page = ("<div class='story-body'><h1>Harbour budget approved</h1>"
            f"<div class='story-text'><p>{PROSE}</p></div>"
            "<div class='block-heading'><h2>Where the money will go</h2></div>"
            f"<div class='story-text'><p>{PROSE2}</p></div>"
            "<div class='block-heading'><h2>What happens next</h2></div>"
            f"<div class='story-text'><p>{PROSE}</p></div></div>")
    article = _article(_page(page))
    assert article.body == "\n\n".join((PROSE, "Where the money will go", PROSE2,
                                          "What happens next", PROSE))


def test_a_credit_label_is_not_part_of_the_author():
    # (a photographer names the author of a photo story only: world 2's gallery; on a text
    # article a photographer alone in the byline is no writer, as world 47 expects)
    for line, name, headline in (("Pewarta: Sari Wulandari", "Sari Wulandari", "Harbour budget approved"),
                                 ("Photographs by Marco Rossi", "Marco Rossi", "In pictures: the harbour lit up"),
                                 ("Photographs by Marco Rossi", None, "Harbour budget approved"),
                                 ("Interview: Lea Wagner", "Lea Wagner", "Harbour budget approved"),
                                 ("Muhabir: Emre Demir", "Emre Demir", "Harbour budget approved")):
        page = (f"<article><h1>{headline}</h1><div class='author'>{line}</div>"
                f"<div class='story'><p>{PROSE}</p><p>{PROSE2}</p></div></article>")
        assert _article(_page(page)).author == name, line


def test_a_small_print_date_line_is_not_a_styled_headline():
    page = ("<html><head><title>Harbour budget approved - Coast Times</title></head><body>"
            "<table><tr><td><font size='4'><b>Assembly backs the harbour plan</b></font></td></tr>"
            "<tr><td><font size='1'>Publicado el lunes 4 de marzo de 2024 | Por: Ana Lima</font>"
            f"</td></tr><tr><td><font size='2'><p>{PROSE}</p><p>{PROSE2}</p></font></td></tr>"
            "</table></body></html>")
    article = _article(page)
    assert article.headline == "Assembly backs the harbour plan"


def test_byline_as_a_later_item_of_the_dateline():
    for meta, name in (("Publicado el lunes 4 de marzo de 2024 &nbsp;|&nbsp; Por: Lucía Gómez", "Lucía Gómez"),
                       ("प्रकाशित: 4 मार्च 2024, 09:10 IST | संवाददाता: अनिल वर्मा", "अनिल वर्मा"),
                       ("Posted 4 March 2024 · By: Tom Reyes", "Tom Reyes")):
        a = _article(_page(f"<table><tr><td><font size='5'><b>Harbour budget approved</b></font></td></tr>"
                           f"<tr><td><font size='1'>{meta}</font></td></tr>"
                           f"<tr><td><p>{PROSE}</p><p>{PROSE2}</p></td></tr></table>"))
        assert a.author == name, meta


def test_unmarked_link_to_the_writers_page_is_the_author():
    for href, name in (("/staff/2231/maria-lopes/", "Maria Lopes"), ("/writers/88120", "سلمى الحسيني")):
        a = _article(_page(f"<article><h1>Harbour budget approved</h1><div class='x-ar'>"
                           f"<a class='x-ar-a' href='{href}'>{name}</a><div>Coast Times</div></div>"
                           f"<div class='story'><p>{PROSE}</p><p>{PROSE2}</p></div></article>"
                           "<section class='more'><h2>More from our writers</h2><ul><li><a href='/staff/1/jo-ann/'>"
                           "Jo Ann</a></li></ul></section>"))
        assert a.author == name, href


def test_old_table_layout_title_under_a_back_link_and_posted_by_line():
    a = _article(_page("<table><tr><td><table><tr><td><font size='2'><a href='../news.htm'>&lt;&lt; Back to "
                       "News</a></font><br><br><font size='5'><b>Harbour budget wins the vote</b></font><br>"
                       "<font size='1'>Posted March 5, 2024 by Tom Reyes</font><br><br>"
                       f"<font size='2'>{PROSE}<br><br>{PROSE2}</font></td></tr></table></td></tr></table>"))
    assert a.headline == "Harbour budget wins the vote"
    assert a.author == "Tom Reyes"
