"""Classes found in session 20 on 2000s table layouts (world set 30's remaining misses), each on
a small page of its own: a toolbar of links in brackets after the text ('[ Print | E-mail ]'),
also on a line of <br>-separated text; a floated table holding one picture and its caption; a
layout cell opening with 'Local News' is no event's venue label, so the date beside it is read.
Every case but the guards fails on the parsers before the fix."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

_TEXT = ["The county school board on Monday approved new bus routes for the fall term, adding two stops in "
         "the northern subdivisions and moving three others closer to main roads.",
         "Transportation director Wayne Holt said the changes follow a survey of parents in the spring and "
         "should cut the longest rides by about fifteen minutes.",
         "Route maps will be mailed to families in July and posted at every school by the first week of August."]
_URL = "https://www.valleyledger.example/news/story.asp?id=4471"


def _table_page(story: str, nav: str = "Sections") -> bytes:
    """A 2005 page: a layout table, the navigation cell first, the story cell beside it."""
    return ('<html><head><title>Valley Ledger</title></head><body><table width="780" border="0"><tr>'
            f'<td width="170" valign="top"><font size="1"><b>{nav}</b><br><a href="/news/">News</a><br>'
            '<a href="/sports/">Sports</a><br><a href="/opinion/">Opinion</a><br><a href="/obits/">Obituaries</a>'
            '</font></td><td width="440" valign="top">'
            f'{story}</td></tr></table><p>Copyright 2005 Valley Ledger</p></body></html>').encode()


def _head(date: str = "Posted Tuesday, June 14, 2005") -> str:
    return ('<font face="Arial" size="4"><b>School board approves new bus routes for fall term</b></font><br>'
            f'<font size="1" color="#666666">By Carol Jennings, Ledger Staff Writer</font><br>'
            f'<font size="1" color="#666666">{date}</font><br>')


@pytest.mark.parametrize("bar", ['[ <a href="javascript:window.print()">Print</a> | <a href="/email.asp?id=1">E-mail '
                                 'this story</a> ]',
                                 '( <a href="/print.asp?id=1">Imprimir</a> · <a href="/email.asp?id=1">Enviar</a> )'])
def test_a_toolbar_in_brackets_after_the_text_is_not_text_and_leaves_the_signature(bar):
    story = (_head() + "".join(f'<p align="justify">{p}</p>' for p in _TEXT)
             + '<p align="right"><b>Carol Jennings</b></p>' + f'<br><font size="1">{bar}</font>')
    a = parse_page(_table_page(story), _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)


def test_a_toolbar_in_brackets_on_a_line_of_br_separated_text_is_not_text():
    story = (_head() + '<font face="Verdana" size="2">' + "<br><br>\n".join(_TEXT)
             + '<br><br>\n<div align="right"><i>Source: Press office</i></div></font><br><font size="1">[ '
             '<a href="javascript:window.print()">Print</a> | <a href="/email.asp?id=1">E-mail</a> ]</font>')
    a = parse_page(_table_page(story), _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)


def test_a_floated_table_with_one_picture_is_a_figure_and_its_caption_not_text():
    story = (_head() + '<table align="right" width="200"><tr><td><img src="/images/2005/06/bus.jpg" width="200" '
             'height="150" alt=""><br><font size="1"><i>A county school bus leaves Northwest High.</i></font>'
             '</td></tr></table>' + "".join(f'<p align="justify">{p}</p>' for p in _TEXT))
    a = parse_page(_table_page(story), _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)


def test_a_floated_table_of_figures_is_kept_as_text():
    """The guard: a floated table with no picture (a fact box of figures) stays."""
    story = (_head() + '<table align="right" width="200"><tr><td>Stops added</td><td>2</td></tr>'
             '<tr><td>Stops moved</td><td>3</td></tr></table>' + "".join(f'<p align="justify">{p}</p>' for p in _TEXT))
    a = parse_page(_table_page(story), _URL, {}).article
    assert "Stops added | 2" in a.body


def test_a_layout_cell_opening_with_local_news_is_no_venue_label():
    story = '<font size="1"><a href="/news/">Local News</a> &gt; Schools</font><br>' + _head() + "".join(
        f'<p align="justify">{p}</p>' for p in _TEXT)
    a = parse_page(_table_page(story, nav="Local News"), _URL, {}).article
    assert a.published_at is not None and a.published_at.startswith("2005-06-14")


def test_an_events_venue_row_still_marks_its_date_as_the_events():
    """The guard: 'Local:' labelling a venue row keeps the event's date out of the publication date."""
    story = ('<h1>Festa junina na praça central</h1><p>Publicado em 02/06/2023</p>'
             '<table><tr><td>Data:</td><td>24/06/2023</td></tr><tr><td>Local:</td><td>Praça Central</td></tr></table>'
             + "".join(f"<p>{p}</p>" for p in _TEXT))
    a = parse_page(story.encode(), "https://www.prefeitura.example/noticias/festa-junina", {}).article
    assert a.published_at is not None and a.published_at.startswith("2023-06-02")


@pytest.mark.parametrize("junk", ["\uffff", "\ufffe"])
def test_a_class_with_a_character_xml_refuses_does_not_stop_the_parse(junk):
    """Found by tests/test_fuzz.py: the lazy-loading <noscript> text gets a class added to its
    own, and lxml refuses to store a class holding U+FFFF or a control character."""
    text = "".join(f"<p>{p}</p>" for p in _TEXT)
    page = (f'<html><body><h1>School board approves new bus routes</h1><p class="date">14/06/2005</p>'
            f'<div class="spinner">Loading...</div><noscript class="lazy{junk}text">{text}</noscript></body></html>')
    a = parse_page(page.encode(), _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)
