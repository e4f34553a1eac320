"""The failure classes of the eleventh blind world-news set (fixtures/world_blind11), each on a small
page of its own, in two or more languages (Vietnamese where a portal can show the class)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

EN = ["The Ministry will introduce stronger measures to protect outdoor workers from heat stress, as "
      "temperatures are expected to remain high in the coming months.",
      "From 1 April 2024, employers must monitor the temperature at outdoor worksites and provide "
      "mandatory rest breaks of at least ten minutes every hour when readings are high.",
      "Employers must also provide shaded rest areas, cool drinking water and allow workers time to "
      "acclimatise when they start work or return from leave."]
VI = ["Bộ Lao động vừa ban hành hướng dẫn bảo vệ người lao động làm việc ngoài trời trong những ngày "
      "nắng nóng kéo dài, áp dụng từ đầu tháng Tư năm nay.",
      "Theo hướng dẫn, người sử dụng lao động phải bố trí thời gian nghỉ ít nhất mười phút mỗi giờ khi "
      "nhiệt độ ngoài trời vượt ngưỡng cho phép.",
      "Các doanh nghiệp cũng phải bố trí nơi nghỉ có mái che, nước uống mát và cho người lao động thời "
      "gian thích nghi khi mới bắt đầu làm việc."]


def _article(html: str, url: str = "https://www.ministry.example.gov/newsroom/media-releases/2024/heat-stress"):
    return parse_page(html.encode("utf-8"), url, profile="generic").article


# -- Adobe Experience Manager: 'cmp-' components are no consent manager, one block per paragraph --

@pytest.mark.parametrize("lang,paras,contact", [
    ("en", EN, ("For media queries, please contact:", "Senior Manager, Corporate Communications",
                "Email: media@ministry.example.gov")),
    ("vi", VI, ("Mọi thông tin xin liên hệ báo chí:", "Phòng Truyền thông, Văn phòng Bộ Lao động",
                "Thư điện tử: baochi@ministry.example.gov")),
])
def test_a_page_builder_s_one_block_per_paragraph_is_the_text_not_the_contact_box(lang, paras, contact):
    blocks = "".join(f'<div class="text aem-GridColumn aem-GridColumn--default--12"><div class="cmp-text">'
                     f'<p>{p}</p></div></div>' for p in paras)
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Heat stress</title></head><body>'
            '<div class="root container responsivegrid"><div class="cmp-container"><div class="aem-Grid">'
            '<div class="experiencefragment aem-GridColumn"><header class="cmp-header"><a href="/">Ministry</a>'
            '<nav class="cmp-navigation"><a href="/a">Work passes</a> <a href="/b">Newsroom</a></nav></header></div>'
            '<div class="title aem-GridColumn"><div class="cmp-title"><h1 class="cmp-title__text">Stronger heat '
            'stress measures to protect outdoor workers</h1></div></div>'
            '<div class="text aem-GridColumn"><div class="cmp-press-meta">Published Date: 14 Mar 2024</div></div>'
            f'{blocks}<div class="contentfragment aem-GridColumn"><div class="cmp-contentfragment cmp-contact">'
            f'<h3 class="cmp-contact__title">{contact[0]}</h3><p class="cmp-contact__line">Tan Wei Ling</p>'
            f'<p class="cmp-contact__line">{contact[1]}</p><p class="cmp-contact__line">{contact[2]}</p></div></div>'
            '</div></div></div></body></html>')
    a = _article(html)
    assert a.body == "\n\n".join(paras)


def test_a_consent_manager_s_dialog_is_still_no_text():
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Ferries</title></head><body>'
            '<div id="cmp-wall" class="cmp-wall" role="dialog"><h2 class="cmp-wall__h">We value your privacy</h2>'
            '<p class="cmp-wall__purpose">We and our 412 partners store and access information on your device '
            'for personalised ads and content, ad and content measurement and audience insights.</p>'
            '<p class="cmp-wall__purpose">You can change your choices at any time by visiting the privacy '
            'settings at the bottom of every page of this site, or withdraw your consent.</p></div>'
            f'<article><h1>Ferry cancellations strand island residents</h1><div class="article-body">'
            f'<p>{EN[0]}</p><p>{EN[1]}</p></div></article></body></html>')
    assert _article(html).body == f"{EN[0]}\n\n{EN[1]}"


# -- writers in Chinese and Japanese script ------------------------------------------------------

@pytest.mark.parametrize("name", ["小米媽咪", "田中一郎"])
def test_a_name_in_chinese_or_japanese_script_in_an_element_marked_author(name):
    html = ('<html lang="zh-TW"><head><meta charset="utf-8"><title>台南美食</title></head><body>'
            '<div class="article"><h2 class="title">【台南美食】國華街必吃的牛肉湯</h2>'
            f'<div class="post-meta"><span class="author">{name}</span> 發表於 2024-03-02 09:40</div>'
            '<div class="article-content"><p>清晨四點就開門的牛肉湯店，是台南人一天的開始。湯頭清甜，肉片鮮嫩，配上一碗肉燥飯就是最好的早餐。</p>'
            '<p>店家每天凌晨從屠宰場直送溫體牛，現切現燙，晚到就只剩下湯了，假日更要排隊半小時以上。</p></div>'
            '</div></body></html>')
    assert _article(html, "https://mimimama.pixnet.net/blog/post/223344556").author == name


def test_a_japanese_reporter_closing_the_text_in_lenticular_brackets():
    html = ('<html lang="ja"><head><meta charset="utf-8"><title>路線バス</title></head><body><article>'
            '<h1>路線バスの運転手不足が深刻に</h1><div class="article_body"><p>全国の路線バスで運転手不足が深刻になっている。'
            '地方を中心に減便や路線の廃止が相次いでいる。<br><br>国土交通省は、自治体が主体となってデマンド交通を導入する取り組みを支援する方針だ。'
            '<br><br>【山本健二】</p></div></article></body></html>')
    a = _article(html, "https://news.example.co.jp/articles/3f2a9c1b")
    assert a.author == "山本健二"
    assert "山本健二" not in a.body


# -- a story split into one element per block, with a quote and a key-points box among them -------

@pytest.mark.parametrize("lang,paras,points_title,quote", [
    ("en", EN, "Key points", "We want the rules in force before the hottest months begin."),
    ("hi", ["जयपुर के ऐतिहासिक रामगढ़ बांध को फिर से भरने के लिए राज्य सरकार ने 1,200 करोड़ रुपये की योजना को "
            "मंजूरी दे दी है। बुधवार को हुई मंत्रिमंडल की बैठक में यह फैसला लिया गया।",
            "योजना के तहत ईसरदा बांध से पाइपलाइन के जरिये पानी रामगढ़ तक लाया जाएगा। बांध पिछले दो दशक से "
            "लगभग सूखा पड़ा है और शहर के लोग इसे फिर भरा देखना चाहते हैं।",
            "जल संसाधन मंत्री ने कहा कि बांध के जलग्रहण क्षेत्र से अतिक्रमण भी हटाए जाएंगे, ताकि बारिश का पानी "
            "फिर से बांध तक पहुंच सके।"],
     "मुख्य बातें", "रामगढ़ बांध जयपुर की पहचान रहा है।"),
])
def test_story_elements_with_a_quote_and_a_key_points_box(lang, paras, points_title, quote):
    def element(inner: str, kind: str = "") -> str:
        return (f'<div class="story-element story-element-text{kind}"><div class="story-element-text-wrapper">'
                f'<div>{inner}</div></div></div>')
    elements = (element(f"<p>{paras[0]}</p>") + element(f"<p>{paras[1]}</p>")
                + element(f'<div class="summary"><h3>{points_title}</h3><ul><li>One</li><li>Two</li></ul></div>',
                          " story-element-text-summary")
                + element(f"<p>{paras[2]}</p>") + element(f"<blockquote>{quote}</blockquote>", " story-element-text-blockquote"))
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Story</title></head><body><main class="story-page">'
            '<div class="story-head"><h1 class="headline">Dam to be refilled under a new plan</h1><div class="subheadline">'
            'Water to come through a pipeline from the Isarda dam, work to take three years</div>'
            '<div class="author-and-time"><div class="author-name"><a href="/author/x">Sandeep Sharma</a></div>'
            '<time datetime="2024-03-06T13:35:00Z">6 March 2024</time></div></div>'
            f'<div class="story-card"><div class="story-elements">{elements}</div></div></main></body></html>')
    body = _article(html, "https://www.example.in/rajasthan/dam-refill-plan").body
    assert body == "\n\n".join([paras[0], paras[1], paras[2], quote])


@pytest.mark.parametrize("lang,title", [("en", "What you need to know:"), ("de", "Das Wichtigste in Kürze"),
                                        ("fr", "L’essentiel")])
def test_a_key_points_box_inside_the_text_is_not_the_text(lang, title):
    paras = EN
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>News</title></head><body><article>'
            '<h1>Fertiliser deliveries run two weeks late</h1><div class="article-body">'
            f'<div class="article-summary"><h2>{title}</h2><ul><li>Deliveries are late.</li><li>A bag costs Sh2,500.</li>'
            f'</ul></div><p>{paras[0]}</p><p>{paras[1]}</p><p>{paras[2]}</p></div></article></body></html>')
    assert _article(html).body == "\n\n".join(paras)


@pytest.mark.parametrize("lang,line", [("en", "Read: Maize prices drop as harvest arrives"),
                                       ("ha", "Karanta kuma: An bude sabon asibiti a Gwarzo"),
                                       ("sw", "Soma pia: Mafuriko yaathiri kaya 300 Kilosa")])
def test_a_read_also_teaser_inside_the_text(lang, line):
    label, _, title = line.partition(": ")
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>News</title></head><body><article>'
            f'<h1>Fertiliser deliveries run two weeks late</h1><div class="article-body"><p>{EN[0]}</p>'
            f'<p>{label}: <a href="/news/other-story-123">{title}</a></p><p>{EN[1]}</p></div></article></body></html>')
    assert _article(html).body == f"{EN[0]}\n\n{EN[1]}"


# -- a photo story's captions are its text; a gallery widget's are not ---------------------------

CAPTIONS = ["Rowers get ready before the start of the dhow race on Shela beach, Lamu island, on Saturday.",
            "More than forty dhows took part in this year's race, the largest number since the festival began.",
            "Spectators cheer from the sea wall as the dhows approach the finishing line in the afternoon.",
            "This year's winner and his crew after receiving the trophy and a prize of one hundred thousand."]


def test_a_photo_story_told_in_captions_has_them_as_its_text():
    figures = "".join(f'<figure class="photo-essay__item"><img src="/img/{i}.jpg" width="1200" height="800">'
                      f'<figcaption class="photo-essay__caption"><p>{c}</p><span class="photo-essay__credit">'
                      f'Photo | Amina Wambui</span></figcaption></figure>' for i, c in enumerate(CAPTIONS))
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Dhow race</title></head><body><article>'
            '<h1>PHOTOS: Dhow race draws thousands in Lamu</h1><p class="intro">The yearly festival ended with the race.</p>'
            f'<div class="article-body">{figures}</div></article></body></html>')
    assert _article(html, "https://www.example.co.ke/photos/dhow-race-lamu-4512").body == "\n\n".join(CAPTIONS)


def test_a_gallery_widget_gives_its_intro_only():
    intro = ("Thousands of visitors came to watch the equinox tide cover the bay around the abbey, one of the "
             "highest tides of the year, under a clear sky on Saturday afternoon.")
    slides = "".join(f'<li class="gallery__slide"><figure><img src="/img/{i}.jpg" width="1200" height="800">'
                     f'<figcaption>{c}</figcaption></figure></li>' for i, c in enumerate(CAPTIONS))
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Tide</title></head><body><div class="gallery-page">'
            '<h1>In pictures: the great tide</h1><time datetime="2024-03-09T13:10:00Z">9 March 2024</time>'
            f'<div class="gallery-intro"><p>{intro}</p></div>'
            f'<ul class="gallery">{slides}</ul></div></body></html>')
    assert _article(html, "https://www.example.fr/en-images-la-grande-maree-5824").body == intro


# -- writers: joined as printed, without their place, with labels in more languages ---------------

def _bylined(byline: str, lang: str = "en", jsonld: str = "") -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Story</title>{jsonld}</head><body><article>'
            f'<h1>Eviction filings hit a ten-year high as aid runs out</h1>{byline}'
            '<time datetime="2024-03-05T06:00:00-05:00">March 5, 2024</time>'
            f'<div class="entry-content"><p>{EN[0]}</p><p>{EN[1]}</p><p>{EN[2]}</p></div></article></body></html>')


def test_several_writers_are_joined_as_the_page_prints_them():
    byline = ('<span class="byline"><span class="author-prefix">by</span> <span class="author vcard">'
              '<a class="url fn n" href="/author/alicia-drummond/">Alicia Drummond</a></span> <span class="sep">and</span> '
              '<span class="author vcard"><a class="url fn n" href="/author/marcus-bell/">Marcus Bell</a></span></span>')
    jsonld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", "name": '
              '"Alicia Drummond"}, {"@type": "Person", "name": "Marcus Bell"}]}</script>')
    assert _article(_bylined(byline, jsonld=jsonld)).author == "Alicia Drummond and Marcus Bell"


@pytest.mark.parametrize("lang,name,place", [("bn", "নিজস্ব প্রতিবেদক", "ঢাকা"), ("pt", "Rafael Oliveira", "Curitiba")])
def test_the_place_a_writer_files_from_is_not_part_of_the_name(lang, name, place):
    byline = f'<div class="author-name"><span>{name}</span><span class="author-location">{place}</span></div>'
    assert _article(_bylined(byline, lang)).author == name


@pytest.mark.parametrize("lang,byline,author", [
    ("ha", '<p class="byline__name">Daga Musa Abdullahi</p>', "Musa Abdullahi"),
    ("lv", '<div class="article__byline">Autori: <a href="/autori/laura-kalnina/">Laura Kalniņa</a> un '
           '<a href="/autori/janis-ozols/">Jānis Ozols</a></div>', "Laura Kalniņa un Jānis Ozols"),
    ("ka", '<span class="article-page__author">ავტორი: ნინო ბერიძე</span>', "ნინო ბერიძე"),
    ("hy", '<span class="article-page__author">Հեղինակ՝ Արամ Սարգսյան</span>', "Արամ Սարգսյան"),
    ("zh-TW", '<span class="story-reporter">記者陳怡君／台北報導</span>', "陳怡君"),
])
def test_bylines_in_more_languages(lang, byline, author):
    assert _article(_bylined(byline, lang)).author == author


def test_a_tags_line_marked_byline_names_no_writer():
    byline = ('<div class="byline post-labels"><span class="byline-label">Etiketat:</span>'
              '<a href="/search/label/festival" rel="tag">Festival</a><a href="/search/label/gjirokaster" rel="tag">'
              'Gjirokastër</a></div>')
    assert _article(_bylined(byline, "sq")).author is None


# -- dates: the page's own offset, Spanish 'p. m.', datelines in any case, a zone-less meta ---------

def _dated(head: str, article: str, lang: str, url: str = "https://www.example.eu/stiri/2024/articol-4512"):
    html = (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Știre</title>{head}</head><body><article>'
            f'{article}</article></body></html>')
    return _article(html, url)


@pytest.mark.parametrize("lang,text", [
    ("ro", "Primăria a anunțat că taxa pentru parcările rezidențiale se dublează de la 1 aprilie, după votul "
           "din consiliul local de marți seară, în ședința extraordinară."),
    ("hr", "Grad je objavio da obnova tržnice počinje u ponedjeljak, a radovi će trajati do rujna; Đurđevac i "
           "Đakovo najavili su slične projekte za iduću godinu."),
])
def test_a_page_in_another_language_keeps_the_offset_it_prints(lang, text):
    a = _dated('<meta property="article:published_time" content="2024-02-12T19:00:00+00:00">',
               f'<h1>Taxa pentru parcări se dublează</h1><div class="entry-content"><p>{text}</p><p>{text}</p></div>', lang)
    assert a.published_at == "2024-02-12T19:00:00+00:00"


def test_spanish_p_m_with_a_space_is_the_afternoon_and_gives_the_local_day():
    article = ('<h1>Cortes de agua en Lima</h1><div class="b-date"><span class="c-date">Actualizado el 15/03/2024 '
               '08:12 a. m.</span> <time class="c-date" datetime="2024-03-15T00:30:00Z">Publicado el 14/03/2024 07:30 p. m.'
               f'</time></div><div class="body"><p>{EN[0]}</p><p>{EN[1]}</p></div>')
    a = _dated("", article, "es-PE")
    assert a.published_at == "2024-03-14T19:30:00-05:00"


@pytest.mark.parametrize("lead,day", [
    ("Berna, 13.03.2024 - Nella sua seduta del 13 marzo il Consiglio federale ha deciso di costituire una "
     "riserva per l'inverno, come l'anno scorso, per garantire l'approvvigionamento elettrico.", "2024-03-13"),
    ("Hà Nội, 14/03/2024 - Bộ Lao động vừa ban hành hướng dẫn bảo vệ người lao động làm việc ngoài trời "
     "trong những ngày nắng nóng kéo dài, áp dụng từ đầu tháng Tư.", "2024-03-14"),
])
def test_a_dateline_with_a_dash_opens_the_text_in_any_case(lead, day):
    a = _dated("", f"<h1>Riserva per l'inverno</h1><div class='cmp-text'><p>{lead}</p><p>{EN[1]}</p></div>", "it")
    assert (a.published_at or "")[:10] == day


def test_the_date_under_the_headline_beats_a_zone_less_meta_a_day_off():
    article = ('<h1>Energia Nord podpisała umowę na dostawę turbin</h1><div class="component date">'
               '<span class="field-date">Gdańsk, 19.03.2024</span></div>'
               f'<div class="rich-text"><p>{EN[0]}</p><p>{EN[1]}</p></div>')
    a = _dated('<meta name="pubdate" content="2024-03-18T16:00:00">', article, "pl")
    assert a.published_at[:10] == "2024-03-19"


# -- a related-stories block inside the text, a donation box, a platform's 'Unknown' writer -------

def test_the_text_goes_on_past_a_related_stories_block_with_bylines_and_dates():
    related = ('<div class="wp-block-newspack-blocks-homepage-articles"><h2 class="article-section-title"><span>'
               'Related coverage</span></h2><div data-posts><article><h3 class="entry-title"><a href="/2024/03/a/">'
               'Tenant union wins repairs at Maple Court</a></h3><div class="entry-meta"><span class="byline">by Staff'
               '</span><time class="entry-date published">March 3, 2024</time></div></article><article><h3 '
               'class="entry-title"><a href="/2024/02/b/">What the new rental registry means</a></h3><div '
               'class="entry-meta"><span class="byline">by Staff</span><time>February 27, 2024</time></div>'
               '</article></div></div>')
    donate = ('<div class="wp-block-newspack-blocks-donate tiered"><h3>Support nonprofit news</h3><p>Reader donations '
              'fund our reporting. Give monthly and join 2,300 members.</p></div>')
    html = ('<html lang="en"><head><meta charset="utf-8"><title>Evictions</title></head><body><article>'
            '<h1>Eviction filings hit a ten-year high</h1><time datetime="2024-03-05T06:00:00-05:00">March 5, 2024</time>'
            f'<div class="entry-content"><p>{EN[0]}</p>{related}<h2>Few tenants have lawyers</h2><p>{EN[1]}</p>'
            f'{donate}<p>{EN[2]}</p></div></article></body></html>')
    assert _article(html).body == f"{EN[0]}\n\nFew tenants have lawyers\n\n{EN[1]}\n\n{EN[2]}"


def test_a_platform_s_unknown_writer_is_no_writer():
    html = _bylined('', "sq").replace('<title>Story</title>', '<title>Story</title><meta name="author" content="Unknown">')
    assert _article(html).author is None


@pytest.mark.parametrize("line,author", [("Written by Helen Carter, Money Adviser", "Helen Carter"),
                                         ("By Ruth Ellison, Science Director", "Ruth Ellison"),
                                         ("By Maya Brooks, Daniel Ortiz and Hannah Kim", "Maya Brooks, Daniel Ortiz and Hannah Kim")])
def test_a_role_after_the_writer_s_name_and_a_comma_is_not_a_second_writer(line, author):
    byline = f'<div class="article-page__meta"><p class="article-page__reviewed">{line}</p></div>'
    assert _article(_bylined(byline)).author == author
