"""The failure classes of the thirteenth blind world-news set (fixtures/world_blind13), each on a
small page of its own, in two or more languages (Vietnamese where a portal can show the class)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

EN = ["Storms with winds up to 70 mph swept across the region on Wednesday evening, bringing down trees "
      "and power lines from the river valley to the eastern suburbs.",
      "The weather service issued tornado warnings for three counties and urged residents to stay indoors "
      "until the line of storms had passed."]
VI = ["Chiều 14/3, mưa dông kèm gió giật mạnh đã quét qua nhiều xã, phường của tỉnh, làm đổ cây xanh và "
      "cột điện trên nhiều tuyến đường.",
      "Ban Chỉ huy phòng, chống thiên tai tỉnh đã yêu cầu các địa phương khẩn trương khắc phục hậu quả, "
      "bảo đảm an toàn cho người dân."]
ENTRIES = {
    "en": [("12:35 a.m.", "Outages falling, but thousands will wait until Friday",
            "The utility said about 41,000 customers were still without power and that some repairs could "
            "take until Friday evening.", "Copy link"),
           ("9:10 p.m.", "Tree falls on house in the Highlands",
            "Firefighters said a family of four escaped without injury after a large oak fell through the "
            "roof of their home.", "Copy link")],
    "vi": [("16:35", "Gió đã giảm dần",
            "Đài Khí tượng thủy văn tỉnh cho biết gió giật đã giảm dần từ chiều tối, mưa còn rải rác ở "
            "một số xã vùng cao.", "Sao chép liên kết"),
           ("13:20", "Một số tuyến đường bị ngập",
            "Nhiều tuyến đường nội thị bị ngập sâu 30 đến 40 cm, lực lượng chức năng đã cắm biển cảnh "
            "báo và phân luồng giao thông.", "Sao chép liên kết")],
}


def _live_page(lang: str, jsonld: bool) -> bytes:
    summary = EN if lang == "en" else VI
    entries = "".join(
        f'<article class="block"><header class="block-time"><time>{t}</time><a class="block-link" href="#">{link}'
        f'</a></header><h3>{head}</h3><div class="block-elements"><p>{text}</p></div>'
        f'<footer class="block-share">Share</footer></article>' for t, head, text, link in ENTRIES[lang])
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"LiveBlogPosting",'
          '"headline":"Live"}</script>') if jsonld else ""
    cls = "story-body" if jsonld else "liveblog-body"
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Live: storms</title>{ld}</head><body>'
            '<header class="site-header"><a href="/">Times</a><nav><a href="/a">News</a></nav></header>'
            '<main><h1 class="headline">Live: storms knock out power across the region</h1>'
            '<div class="meta"><span class="pub">Published: 13/03/2024 16:05</span></div>'
            f'<div class="{cls}"><div class="wrapup">' + "".join(f"<p>{p}</p>" for p in summary) + "</div>"
            f'<div class="blocks">{entries}</div><button type="button">Load more updates</button></div>'
            '<section class="related"><h2>More coverage</h2><ul><li><a href="/x">How to report an outage</a></li>'
            '<li><a href="/y">Storm cleanup</a></li></ul></section></main></body></html>').encode("utf-8")


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("jsonld", [True, False])
def test_a_live_page_kept_as_a_wrap_up_is_its_summary_and_its_entries(lang, jsonld):
    a = parse_page(_live_page(lang, jsonld), "https://news.example.com/live/storms-2024-03-13",
                   profile="generic").article
    summary = EN if lang == "en" else VI
    text = a.body.split("\n\n")
    for p in summary:
        assert p in text
    for stamp, head, para, link in ENTRIES[lang]:
        assert head in text and para in text
        assert not any(stamp in line and len(line) < 40 for line in text)   # the entry's stamp
        assert not any(link in line for line in text)                        # and its 'Copy link'


def test_dated_teasers_after_a_text_are_no_live_entries():
    teasers = "".join(f'<article class="teaser"><time>2024-03-1{i}</time><h3><a href="/t{i}">Teaser {i}</a></h3>'
                      f'<p>A short summary of another story number {i} on this site.</p></article>' for i in range(3))
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Bridge</title></head><body><main>'
            '<h1>Bridge repairs start on Monday</h1><div class="article"><div class="text">'
            + "".join(f"<p>{p}</p>" for p in EN) + f'</div><div class="more">{teasers}</div></div></main></body></html>')
    a = parse_page(html.encode(), "https://news.example.com/2024/03/13/bridge", profile="generic").article
    assert a.body == "\n\n".join(EN)


# -- a body container named in the page's language, next to the title, standfirst and byline ------

@pytest.mark.parametrize("content,lead", [("cuerpo-nota", "bajada"), ("corpo-materia", "linha-fina"),
                                          ("testo-articolo", "occhiello")])
def test_the_panel_s_body_child_named_in_another_language_is_the_body(content, lead):
    paras = ["La Empresa de Acueducto anunció este martes que los cortes de agua comenzarán el próximo lunes "
             "y se harán por turnos en nueve zonas de la ciudad.",
             "Los cortes serán de 24 horas y se repetirán cada nueve días mientras el embalse no recupere "
             "su nivel, según explicó la gerente de la empresa.",
             "Los hospitales, las clínicas y las cárceles no tendrán cortes, y habrá carrotanques para "
             "atender a los barrios más afectados."]
    html = ('<html lang="es"><head><meta charset="utf-8"><title>Racionamiento</title></head><body><main>'
            '<article class="nota"><p class="volanta">Bogotá</p><h1 class="title">Racionamiento de agua en Bogotá: '
            'así funcionarán los turnos</h1>'
            f'<h2 class="{lead}">La ciudad se dividió en nueve zonas. Cada una tendrá un día sin servicio y el '
            'cronograma completo se publicará en la página de la empresa.</h2>'
            '<div class="author-date"><div class="autor"><span>Por: </span><a href="/autor/a">Andrés Rojas</a> '
            '<span class="cargo">Redacción Bogotá</span></div><div class="fecha">Publicado: 12 de marzo de 2024</div></div>'
            '<div class="compartir"><a href="#f">Facebook</a> <a href="#w">WhatsApp</a></div>'
            '<figure class="media-principal"><img src="/f.jpg" alt="Embalse"><figcaption>El embalse de Chuza, que '
            'abastece a la capital, en su nivel más bajo en una década. Foto: Archivo</figcaption></figure>'
            f'<div class="{content}">' + '<div class="banner-publicidad"><span>Publicidad</span></div>'.join(
                f'<div class="parte"><p>{p}</p></div>' for p in paras)
            + '</div><div class="tags"><span>Temas</span><ul><li><a href="/t">Agua</a></li>'
            '</ul></div></article></main></body></html>')
    a = parse_page(html.encode(), "https://www.diario.example.com.co/bogota/racionamiento-924943",
                   profile="generic").article
    assert a.body == "\n\n".join(paras)


# -- what a text holds besides itself: read-also lines, sponsor cards, sign-up boxes, summary boxes,
#    a caption that repeats its picture's alt text ----------------------------------------------

@pytest.mark.parametrize("lang,line", [("ms", "BACA: <a href='/read/harga-padi'>Harga padi dinaikkan kepada RM1,500 setan</a>"),
                                       ("es", "Te puede interesar: <a href='/tabla'>Así quedó la tabla general</a>"),
                                       ("es", "<span>Le puede interesar:</span> <a href='/chuza'>Embalse de Chuza, en su nivel más bajo</a>")])
def test_read_also_lines_in_malay_and_spanish_are_not_text(lang, line):
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>T</title></head><body><h1>Bantuan tambahan</h1>'
            '<div class="read__content">' + f"<p>{EN[0]}</p><p><strong>{line}</strong></p><p>{EN[1]}</p></div></body></html>")
    a = parse_page(html.encode(), "https://news.example.my/read/bantuan-rm500", profile="generic").article
    assert a.body == "\n\n".join(EN)


@pytest.mark.parametrize("box", [
    '<div class="sponsor-card"><p>Presented by Queen City Credit Union</p><p>Open a spring savings account and earn '
    '4.25% APY for 12 months.</p><a href="#" rel="sponsored nofollow" class="button">Learn more</a></div>',
    '<div class="inline-signup"><p class="inline-signup__h">Get the biggest Liverpool stories by email</p><form>'
    '<input type="email" placeholder="Enter email"><button>Subscribe</button></form><p class="inline-signup__legal">'
    'We use your sign-up to provide content in ways you have consented to. Read our Privacy Notice.</p></div>',
    '<strong class="media_end_summary">Pilot runs from April 5 to June 28<br>Last train moves from midnight to 1 a.m.</strong>',
    '<span class="end_photo_org"><img src="/p.jpg" alt="A Line 2 train at a Seoul station, file photo">'
    '<em class="img_desc">A Line 2 train at a Seoul station, file photo</em></span>',
])
def test_boxes_inside_the_text_are_not_text(box):
    html = ('<html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><h1>Storms</h1>'
            f'<div class="article-body"><p>{EN[0]}</p>{box}<p>{EN[1]}</p></div></body></html>')
    a = parse_page(html.encode(), "https://news.example.com/2024/03/13/storms", profile="generic").article
    assert a.body == "\n\n".join(EN)


def test_a_caption_that_says_more_than_the_alt_text_is_judged_as_before():
    html = ('<html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><h1>Storms</h1>'
            f'<div class="article-body"><p>{EN[0]}</p><p><img src="/p.jpg" alt="storm">'
            f'<span>{EN[1]}</span></p></div></body></html>')
    a = parse_page(html.encode(), "https://news.example.com/2024/03/13/storms", profile="generic").article
    assert EN[1] in a.body


# -- writers: a Japanese reporter in brackets after the text, a Swahili 'written by' -------------------

def test_a_reporter_in_brackets_right_after_the_text_is_the_author():
    paras = ["奈良公園周辺に生息する国の天然記念物「奈良のシカ」の頭数が、過去最多の1465頭に上ったことが分かった。",
             "調査は昨年7月に実施した。内訳は雄が312頭、雌が907頭、子ジカが246頭だった。"]
    html = ('<html lang="ja"><head><meta charset="utf-8"><title>奈良のシカ、過去最多</title></head><body><article>'
            '<h1>奈良のシカ、過去最多の1465頭</h1><time datetime="2024-03-14T00:30:00+09:00">2024/3/14 00:30</time>'
            '<div class="article_body">' + "".join(f"<p>{p}</p>" for p in paras)
            + '</div><p class="article-signature">【佐藤健太】</p><div class="info">毎朝新聞 2024年3月14日 東京朝刊</div>'
            '</article></body></html>')
    a = parse_page(html.encode(), "https://mainichi.example.jp/articles/20240314/k00/00m/040/001000c",
                   profile="generic").article
    assert a.author == "佐藤健太"
    assert a.body == "\n\n".join(paras)


@pytest.mark.parametrize("label", ["Imeandikwa na", "Imeripotiwa na"])
def test_a_swahili_written_by_label_is_not_part_of_the_name(label):
    html = ('<html lang="sw"><head><meta charset="utf-8"><title>Sauti ya Mkulima</title></head><body><article>'
            f'<h1>Sauti ya Mkulima: Mvua za masika Kilimanjaro</h1><p class="byline">{label} Amina Mwakyusa</p>'
            '<div class="show-notes"><p>Katika kipindi hiki tunazungumza na wakulima wa kahawa wa Kilimanjaro kuhusu '
            'mvua za masika zilizoanza mapema mwaka huu.</p><p>Wakulima wanasema mvua hizo zimesaidia miche mipya, lakini '
            'zimeharibu barabara za vijijini na kuchelewesha usafirishaji wa mazao.</p></div></article></body></html>')
    a = parse_page(html.encode(), "https://redio.example.co.tz/podcast/sauti-ya-mkulima-12", profile="generic").article
    assert a.author == "Amina Mwakyusa"
