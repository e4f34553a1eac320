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
