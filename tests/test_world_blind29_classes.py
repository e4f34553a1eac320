"""The classes of world set 29 (blind: local-government news portals of the world), each on a small
page of its own: furigana readings; a 'text and photos' credit; a Baltic 'prepared by' signature
with the writer's post after a comma; offices signing a page outside Vietnam (no author, the world's
convention; a Vietnamese portal's signing unit stays its author); a translation widget's button.
Every case but the guard fails on the parsers before the fix."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

_TEXT = ["Under de kommande tre åren ska kommunen plantera 2 000 nya träd i Alby och Fittja, de flesta längs "
         "gator och i parker där det i dag saknas skugga.",
         "Målet är att andelen yta som täcks av trädkronor ska öka från 18 till 25 procent till år 2035, enligt "
         "kommunens grönplan som antogs i fjol."]


def _page(byline: str, *, lang: str = "sv", url: str = "https://www.botkyrka-kommun.example/nyheter/2000-trad",
          title: str = "2 000 nya träd ska planteras i Alby och Fittja", text=_TEXT, tail: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<header class="site"><a href="/">Kommunen</a><nav><a href="/nyheter/">Nyheter</a></nav></header>'
            f'<main><article><h1>{title}</h1><p class="meta"><time datetime="2024-05-16T09:00:00+02:00">16 maj 2024'
            f'</time></p>{byline}<div class="body">' + "".join(f"<p>{p}</p>" for p in text) + f'{tail}</div></article>'
            '</main><footer><p>Kommunen, 147 85 Tumba</p></footer></body></html>').encode()


def test_furigana_readings_are_not_words_of_the_title_or_the_text():
    title = ('<ruby><rb>子</rb><rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの <ruby>予防接種<rp>(</rp><rt>よぼうせっしゅ'
             '</rt><rp>)</rp></ruby>を <ruby>受<rt>う</rt></ruby>けましょう')
    text = ['<ruby>大泉町<rt>おおいずみまち</rt></ruby>では、<ruby>無料<rt>むりょう</rt></ruby>で <ruby>予防接種<rt>'
            'よぼうせっしゅ</rt></ruby>を <ruby>受<rt>う</rt></ruby>けることが できます。' * 2,
            '<ruby>詳<rt>くわ</rt></ruby>しくは <ruby>保健センター<rt>ほけんせんたー</rt></ruby>に <ruby>聞<rt>き</rt>'
            '</ruby>いて ください。' * 2]
    a = parse_page(_page("", lang="ja", title=title, text=text), "https://www.town.oizumi.example.jp/news/1234.html",
                   {}).article
    assert a.headline == "子どもの 予防接種を 受けましょう"
    assert a.body.split("\n\n")[0].startswith("大泉町では、無料で 予防接種を 受けることが できます。")


def test_a_text_and_photos_credit_names_the_writer():
    a = parse_page(_page('<p class="byline">Text och foto: Linnea Berg</p>'),
                   "https://www.botkyrka-kommun.example/nyheter/2000-trad", {}).article
    assert a.author == "Linnea Berg"


def test_a_prepared_by_signature_with_the_writers_post_after_a_comma():
    a = parse_page(_page("", lang="lt", tail='<p class="sign">Parengė Rūta Kazlauskienė, Komunikacijos skyriaus '
                                               'vyriausioji specialistė</p>'),
                   "https://www.alytus.example.lt/naujienos/kiemu-programa", {}).article
    assert a.author == "Rūta Kazlauskienė"
    assert a.body == "\n\n".join(_TEXT)


@pytest.mark.parametrize("byline, author", [
    ('<p class="byline">Ufficio Stampa e Comunicazione</p>', None),
    ('<p class="byline">Oleh: Humas/Diskominfo</p>', None),
    ('<p class="byline">작성자: 교통행정과</p>', None),
    ('<p class="byline">Text: Julia Hartmann (Pressestelle)</p>', "Julia Hartmann"),
])
def test_offices_that_sign_a_page_outside_vietnam_are_no_author(byline, author):
    a = parse_page(_page(byline), "https://www.kommun.example/nyheter/2000-trad", {}).article
    assert a.author == author


def test_a_vietnamese_portals_signing_unit_is_still_its_author():
    text = ["Sáng 14/8, Ủy ban nhân dân xã tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2025 với sự "
            "tham gia của các ấp và các ngành.",
            "Theo kế hoạch, đến cuối năm 100% hồ sơ thủ tục hành chính của xã được tiếp nhận trực tuyến."]
    page = _page("", lang="vi", title="Xã Tân Phú triển khai kế hoạch chuyển đổi số năm 2025", text=text,
                 tail='<p style="text-align:right"><strong>Văn phòng HĐND và UBND xã</strong></p>')
    a = parse_page(page, "https://tanphu.example.gov.vn/tin-tuc/chuyen-doi-so-2025.html", {}).article
    assert a.author == "Văn phòng HĐND và UBND xã"


def test_a_translation_widgets_button_is_no_author():
    widget = ('<div id="google_translate_element"><div class="skiptranslate goog-te-gadget"><select class="goog-te-combo">'
              '<option value="">Select Language</option><option value="es">Spanish</option></select><span> Powered by '
              '<a class="goog-logo-link" href="https://translate.google.com"><img src="https://www.gstatic.com/g.png" '
              'alt="Google Translate">Translate</a></span></div></div>')
    a = parse_page(_page(widget, lang="en"), "https://www.weld.example.gov/news/open-burning-ban", {}).article
    assert a.author is None
