"""The failure classes of the sixth blind world-news set (fixtures/world_blind6), each on a small
page of its own."""
from __future__ import annotations

from govnews.parsers.extract import parse_page

P = ("The council voted on Tuesday to extend the night bus network to the three districts that grew "
     "fastest over the last decade, after months of petitions from shift workers and their unions.")


def _page(head: str, inner: str, lang: str = "en") -> str:
    return (f"<html lang='{lang}'><head>{head}</head><body><main><article>{inner}<div class='text'><p>{P}</p>"
            f"<p>{P}</p></div></article></main></body></html>")


def _article(html: str):
    return parse_page(html.encode("utf-8"), "https://www.example-daily.com/n/9", profile="generic").article


def test_unspaced_east_asian_title_separators():
    a = _article(_page("<title>ごみの分別ルールが4月から変わります｜北浜市</title>", "<div class='t'>x</div>", "ja"))
    assert a.headline == "ごみの分別ルールが4月から変わります"
    a = _article(_page("<title>春季过敏高发，这5个防护要点请收好_健康科普_健康网</title>", "", "zh"))
    assert a.headline == "春季过敏高发，这5个防护要点请收好"
    a = _article(_page("<title>x</title><meta property='og:title' content='盘点｜杭州周边6个小众古镇'>", "", "zh"))
    assert a.headline == "盘点｜杭州周边6个小众古镇"


def test_interviewer_and_romanian_byline_labels():
    a = _article(_page("<title>x</title>", "<h1>Библиотекарь из Каргополя</h1><p class='author'>Беседовала Анна Кузнецова</p>",
                       "ru"))
    assert a.author == "Анна Кузнецова"
    a = _article(_page("<title>x</title>", "<h1>Metroul din Cluj primește autorizația</h1>"
                       "<div class='autor'>de Andrei Popescu</div>", "ro"))
    assert a.author == "Andrei Popescu"


def test_writers_named_only_in_a_closing_credits_box():
    def credits(box: str, lang: str = "en") -> str | None:
        return _article(f"<html lang='{lang}'><head><title>x</title></head><body><main><article>"
                        f"<h1>The river runs low</h1><div class='text'><p>{P}</p><p>{P}</p></div></article>"
                        f"{box}</main></body></html>").author
    assert credits("<section class='credits'><h3>Credits</h3><p>Story by Priya Natarajan and Sam Okafor. "
                   "Photography by Lena Ortiz. Edited by Carla Reyes.</p></section>") == "Priya Natarajan and Sam Okafor"
    assert credits("<section class='credits'><ul><li><span>Text:</span> Lena Hoffmann und Jonas Brandt</li>"
                   "<li><span>Fotos:</span> Katrin Weiß</li><li><span>Grafik:</span> Tim Berger</li></ul></section>",
                   "de") == "Lena Hoffmann und Jonas Brandt"
    assert credits("<div class='credits'><dl><dt>Teksti:</dt><dd>Aino Virtanen</dd><dt>Kuvat:</dt>"
                   "<dd>Jussi Koskinen</dd></dl></div>", "fi") == "Aino Virtanen"


def test_credits_of_different_trades_are_not_joint_writers():
    a = _article("<html lang='es'><head><title>x</title></head><body><main><article><h1>El último tren</h1>"
                 "<div class='credits'><p>Texto: <a rel='author' href='/autor/ana'>Ana Beltrán</a></p>"
                 "<p>Fotografía: <a rel='author' href='/autor/jorge'>Jorge Cuesta</a></p></div>"
                 f"<div class='text'><p>{P}</p><p>{P}</p></div></article></main></body></html>")
    assert a.author == "Ana Beltrán"
