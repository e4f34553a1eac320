"""The classes of world set 30 (blind: what trips extractors in the wild), each on a small page of
its own: a design system's screen-reader-only span in the headline; the visual form of a figure
hidden from screen readers beside its spoken form; a writer's post after a comma in lower case; a
date where the byline goes. Every case but the guard fails on the parsers before the fix."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

_TEXT = ["Every Year 6 pupil in North Devon who cannot yet swim 25 metres will be offered a free course of lessons "
         "this summer, under a new scheme funded by the council.",
         "Figures from local primary schools suggest that around one in four pupils leave primary school unable "
         "to swim the distance required by the national curriculum."]
_URL = "https://www.northdevon-council.example/news/free-swimming-lessons-offered"


def _page(head: str, text: str, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Free swimming lessons</title></head>'
            '<body><header class="govuk-header"><a href="/">North Devon Council</a></header><main>'
            f'<article>{head}<div class="govuk-body">{text}</div></article></main>'
            '<footer><p>North Devon Council, Lynton House, Barnstaple</p></footer></body></html>').encode()


@pytest.mark.parametrize("hidden", ["govuk-visually-hidden", "usa-sr-only", "nhsuk-u-visually-hidden"])
def test_a_design_systems_screen_reader_only_span_is_not_part_of_the_headline(hidden):
    head = (f'<h1><span class="{hidden}">News story: </span>Free swimming lessons offered to every Year 6 pupil</h1>'
            '<p class="date">14 March 2023</p>')
    a = parse_page(_page(head, "".join(f"<p>{p}</p>" for p in _TEXT)), _URL, {}).article
    assert a.headline == "Free swimming lessons offered to every Year 6 pupil"


def test_the_visual_form_of_a_figure_beside_its_spoken_form_is_the_text():
    line = ('The scheme will cost <span aria-hidden="true">£45,000</span><span class="govuk-visually-hidden">45,000 '
            'pounds</span> this year, and the council will review take-up in the autumn.')
    head = '<h1>Free swimming lessons offered to every Year 6 pupil</h1><p class="date">14 March 2023</p>'
    a = parse_page(_page(head, "".join(f"<p>{p}</p>" for p in _TEXT) + f"<p>{line}</p>"), _URL, {}).article
    assert a.body.split("\n\n")[-1] == ("The scheme will cost £45,000 this year, and the council will review take-up "
                                        "in the autumn.")


def test_an_aria_hidden_copy_with_no_spoken_form_beside_it_stays_hidden():
    head = '<h1>Free swimming lessons offered to every Year 6 pupil</h1><p class="date">14 March 2023</p>'
    text = "".join(f"<p>{p}</p>" for p in _TEXT) + f'<div aria-hidden="true"><p>{_TEXT[0]}</p></div>'
    a = parse_page(_page(head, text), _URL, {}).article
    assert a.body == "\n\n".join(_TEXT)


@pytest.mark.parametrize("byline, author", [
    ("Jana Kováčová, kronikárka obce", "Jana Kováčová"),
    ("ថ្ងៃទី១៤ ខែមីនា ឆ្នាំ២០២៤", None),
])
def test_a_post_in_lower_case_after_the_name_and_a_date_in_the_byline(byline, author):
    head = (f'<h1>Rekonštrukcia kultúrneho domu sa začne v apríli</h1><p class="byline">Autor: {byline}</p>'
            '<p class="date">14. 3. 2024</p>')
    a = parse_page(_page(head, "".join(f"<p>{p}</p>" for p in _TEXT), "sk"),
                   "https://www.oravska-lesna.example.sk/aktuality/rekonstrukcia-kulturneho-domu", {}).article
    assert a.author == author


@pytest.mark.parametrize("url, line, published", [
    ("https://www.litomysl-mesto.example/aktuality/2011/03/oprava-lavky-u-zamku", "Vloženo 14. března, 10:25",
     "2011-03-14T10:25"),
    ("https://www.shizuoka-chiiki.example/news/2010/03/0314-sunpu-hori-seiso.html", "3月14日（日）15時00分",
     "2010-03-14T15:00"),
])
def test_a_yearless_stamp_takes_its_year_from_the_address(url, line, published):
    # (a most-read box's own yearless days stand beside it, and one of another month is no match)
    head = f'<h1>Oprava lávky u zámku začne příští týden</h1><p class="yl-dateline">{line}</p>'
    side = '<ul class="most"><li><a href="/news/1">Uzavírka Sokolovské ulice</a> <span class="most-date">9. března</span></li></ul>'
    a = parse_page(_page(head, "".join(f"<p>{p}</p>" for p in _TEXT) + side, "cs"), url, {}).article
    assert a.published_at is not None and a.published_at.startswith(published)
    other = url.replace("/03/", "/04/")
    assert parse_page(_page(head, "".join(f"<p>{p}</p>" for p in _TEXT), "cs"), other, {}).article.published_at is None
