"""The failure classes of the tenth blind world-news set (fixtures/world_blind10), each on a small
page of its own, in two or more languages (Vietnamese where a portal can show the class)."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

P = ("The council voted on Tuesday to extend the night bus network to the three districts that grew "
     "fastest over the last decade, after months of petitions from shift workers and their unions.")
Q = ("Operators will hire forty more drivers before the summer, and the first routes start in June, "
     "the transport committee said in a statement published after the vote on Tuesday evening.")
R = ("Riders will pay the daytime fare, and passes bought for the day buses will be valid at night "
     "as well, so that nobody pays twice for the same journey home after a late shift.")


def _article(html: str, url: str = "https://www.example-magazine.com/living/2024/03/small-balcony"):
    return parse_page(html.encode("utf-8"), url, profile="generic").article


def _page(body: str, lang: str = "en") -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Small balcony</title></head><body>'
            '<header><a href="/">Home</a></header><main><article><h1>How to use a small balcony all year</h1>'
            f'<div class="article__body"><div class="body__inner-container">{body}</div></div></article></main>'
            '<footer>© 2024 Example Media</footer></body></html>')


# -- the text classed by a paywall, and what a magazine puts inside it -------------------------------

def test_paragraphs_classed_paywall_are_the_text_behind_the_wall():
    a = _article(_page(f'<p class="paywall">{P}</p><h2 class="paywall">Choose weatherproof furniture</h2>'
                       f'<p class="paywall">{Q}</p><p class="paywall">{R}</p>'))
    assert a.body == f"{P}\n\nChoose weatherproof furniture\n\n{Q}\n\n{R}"


def test_a_paywall_prompt_box_is_still_no_text():
    a = _article(_page(f'<p>{P}</p><p>{Q}</p><div class="paywall-prompt"><p>Subscribe to keep reading</p>'
                       '<a href="/subscribe">Subscribe</a></div>'))
    assert a.body == f"{P}\n\n{Q}"


@pytest.mark.parametrize("lang,notice,gallery_title,read_also", [
    ("da", "Artiklen indeholder affiliate-links.", "Se billederne", "Læs også: Sådan vælger du altanmøbler"),
    ("fi", "Saatamme saada komission linkkien kautta tehdyistä ostoksista.", "Katso kuvat", "Lue myös: Näin valitset seerumin"),
    ("en", "We may earn a commission from links in this article.", "See the pictures", "Read more: Ten plants for shade"),
])
def test_a_magazine_s_notices_galleries_and_product_boxes_are_no_text(lang, notice, gallery_title, read_also):
    body = (f'<p class="affiliate-disclaimer"><em>{notice}</em></p><p>{P}</p>'
            '<div class="ProductEmbedWrapper-sc-lpyxdd product-embed"><h4 class="product-embed__name">Teak chair</h4>'
            '<p class="product-embed__price">799 kr.</p><a rel="sponsored" href="https://shop.example.com/p/1">Buy</a></div>'
            f'<p>{Q}</p><div class="GalleryEmbedWrapper-sc-wzzsqi cne-gallery"><h3 class="gallery__title">{gallery_title}</h3>'
            '<ul class="gallery__slides"><li><figure><img src="/a.jpg" alt="A bench"><figcaption>A bench.</figcaption>'
            '</figure><span class="gallery__count">1/2</span></li><li><figure><img src="/b.jpg" alt="Pots">'
            '<figcaption>Pots.</figcaption></figure><span class="gallery__count">2/2</span></li></ul></div>'
            f'<p><a href="/living/2024/02/chairs">{read_also}</a></p><p>{R}</p>')
    a = _article(_page(body, lang))
    assert a.body == f"{P}\n\n{Q}\n\n{R}"


# -- dates in more European languages, their labels, and metadata over an update -------------------

@pytest.mark.parametrize("printed,day", [
    ("12 Mawrth 2024", "2024-03-12"), ("25 Eanáir 2024", "2024-01-25"), ("12 Meán Fómhair 2024", "2024-09-12"),
    ("3 de febrer de 2024", "2024-02-03"), ("12. lipnja 2024.", "2024-06-12"), ("3. huhtikuuta 2024", "2024-04-03"),
    ("12 balandžio 2024", "2024-04-12"), ("12 març 2024", "2024-03-12"), ("5 xuño 2024", "2024-06-05"),
    ("14 listopada 2024", "2024-11-14"),           # Polish November (the Croatian October shares the word)
])
def test_dates_in_welsh_irish_catalan_croatian_finnish_lithuanian_galician(printed, day):
    from govnews.parsers.dates import parse_vietnamese_datetime
    parsed = parse_vietnamese_datetime(printed)
    assert parsed.value is not None and parsed.value.date().isoformat() == day


@pytest.mark.parametrize("lang,published,updated,day", [
    ("cy", "Cyhoeddwyd gyntaf: 12 Mawrth 2024", "Diweddarwyd ddiwethaf: 13 Mawrth 2024", "2024-03-12"),
    ("is", "<time>16. mars 2024 kl. 21:14</time>", "Uppfært 17. mars 2024 kl. 08:30", "2024-03-16"),
    ("ga", "Foilsithe: 25 Eanáir 2024", "Nuashonraithe: 29 Eanáir 2024", "2024-01-25"),
])
def test_an_update_line_in_welsh_icelandic_irish_gives_way(lang, published, updated, day):
    a = _article(f'<html lang="{lang}"><head><meta charset="utf-8"><title>News</title></head><body><main><article>'
                 f'<h1>Night buses for three districts</h1><div class="meta"><span class="updated">{updated}</span> '
                 f'<span class="first-published">{published}</span></div><div class="body"><p>{P}</p><p>{Q}</p>'
                 '</div></article></main></body></html>')
    assert a.published_at.startswith(day)


def test_the_issued_metadata_wins_over_a_modification_date_at_the_foot():
    a = _article('<html lang="fr"><head><meta charset="utf-8"><title>Logements</title>'
                 '<meta name="dcterms.issued" content="2024-01-25"><meta name="dcterms.modified" content="2024-01-29">'
                 f'</head><body><main><h1>Logements abordables</h1><p class="gc-byline"><strong>Communiqué de presse</strong></p>'
                 f'<div class="body"><p>{P}</p><p>{Q}</p></div><dl id="wb-dtmd"><dt>Date de modification :</dt><dd>'
                 '<time property="dateModified">2024-01-29</time></dd></dl></main></body></html>')
    assert a.published_at.startswith("2024-01-25")
    assert a.author is None                          # the kicker 'Communiqué de presse' is no writer


@pytest.mark.parametrize("label", ["- Διαφήμιση -", "Advertisement", "Anzeige", "Press release"])
def test_an_advertisement_label_or_a_kicker_in_the_byline_place_is_no_writer(label):
    a = _article(f'<html><head><meta charset="utf-8"><title>News</title></head><body><main><article><h1>Night buses</h1>'
                 f'<div class="td-post-author-name">{label}</div><div class="td-post-content"><p>{P}</p><p>{Q}</p></div>'
                 '</article></main></body></html>')
    assert a.author is None


# -- writers ------------------------------------------------------------------------------------------

def _byline_page(byline: str, head: str = "", lang: str = "en") -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>Night buses</title>{head}</head><body><main>'
            f'<article><h1>Night buses for three districts</h1>{byline}<div class="story-body"><p>{P}</p><p>{Q}</p>'
            '</div></article></main></body></html>')


@pytest.mark.parametrize("byline,author", [
    ('<div class="authors">Av <a href="/people/a">Ingrid Solheim</a> og <a href="/people/b">Kristoffer Lie</a></div>',
     "Ingrid Solheim og Kristoffer Lie"),
    ('<div class="byline">Ni Maria Santos</div>', "Maria Santos"),                        # Tagalog 'by'
    ('<div class="td-post-author-name"><div class="td-author-by">Από</div> <a href="/author/g/">Γιώργος '
     'Παπαδόπουλος</a></div>', "Γιώργος Παπαδόπουλος"),                                    # Greek 'by'
    ('<div class="authors"><a class="author" href="/folk/jon">Jón Þór Gunnarsson</a> <span class="author__role">'
     'fréttamaður</span> <a class="author__email" href="mailto:j@x.is">j@x.is</a></div>', "Jón Þór Gunnarsson"),
    ('<div class="byline">Eglė Petrauskaitė, LRT.lt</div>', "Eglė Petrauskaitė"),         # the outlet after a comma
    ('<div class="byline">Toimetaja: Mari Tamm</div>', None),                              # an editor only
])
def test_bylines_in_more_languages_and_shapes(byline, author):
    assert _article(_byline_page(byline)).author == author


def test_writers_cards_side_by_side_are_all_named_and_a_photographer_s_is_not():
    cards = ('<div class="row"><div class="col authorCol_tNuE"><div class="avatar__intro" itemprop="author">'
             '<span itemprop="name">Dana Kim</span><small>Staff Engineer</small></div></div><div class="col authorCol_JjVg">'
             '<div class="avatar__intro" itemprop="author"><span itemprop="name">Luis Ortega</span><small>Database '
             'Engineer</small></div></div></div>')
    assert _article(_byline_page(cards)).author == "Dana Kim, Luis Ortega"
    listed = ('<div class="bylines"><div class="byline"><span class="byline__name">Ingrid Solberg</span><span '
              'class="byline__title">Journalist</span></div><div class="byline"><span class="byline__name">Ola Haugen'
              '</span><span class="byline__title">Fotograf</span></div></div>')
    assert _article(_byline_page(listed, lang="no")).author == "Ingrid Solberg"


def test_the_json_ld_list_of_writers_names_them_all():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", "name": '
          '"Rebecca Hart"}, {"@type": "Person", "name": "Tom Nguyen"}]}</script>')
    assert _article(_byline_page("", head=ld)).author == "Rebecca Hart, Tom Nguyen"


def test_a_quotation_s_author_is_not_the_writer():
    quote = ('<div class="paragraph--type--quote"><blockquote>„Tržnica je srce grada“, izjavio je gradonačelnik.'
             '</blockquote><div class="field--name-field-quote-author">gradonačelnik Grada Lučice</div></div>')
    a = _article(_byline_page("").replace(f"<p>{Q}</p>", f"<p>{Q}</p>{quote}"))
    assert a.author is None


def test_an_advertisement_slot_closing_the_text_is_neither_writer_nor_text():
    page = _byline_page("").replace(f"<p>{Q}</p>", f'<p>{Q}</p><div class="td-a-rec"><span class="td-adspot-title">'
                                                   '- Διαφήμιση -</span></div>')
    a = _article(page)
    assert a.author is None and a.body == f"{P}\n\n{Q}"


# -- what a newspaper CMS puts inside the text ----------------------------------------------------------

def _promo_list(heading: str) -> str:
    return (f'<div class="Enhancement"><ps-promo-list class="ListA"><div class="ListA-header"><h2 class="ListA-title">{heading}'
            '</h2></div><ul class="ListA-items"><li><div class="PromoA-title"><a href="/a">Schools hire more counsellors'
            '</a></div><div class="PromoA-timestamp">6 de febrero de 2024</div></li><li><div class="PromoA-title">'
            '<a href="/b">Crisis line calls rise in south Texas</a></div><div class="PromoA-timestamp">5 de febrero de 2024'
            '</div></li></ul></ps-promo-list></div>')


@pytest.mark.parametrize("heading", ["Lea también", "Les også", "Related Stories", "Más información"])
def test_a_related_list_inside_the_text_with_its_dates_is_skipped_and_the_text_goes_on(heading):
    a = _article(_page(f"<p>{P}</p>{_promo_list(heading)}<h3>What comes next</h3><p>{Q}</p><p>{R}</p>"))
    assert a.body == f"{P}\n\nWhat comes next\n\n{Q}\n\n{R}"


@pytest.mark.parametrize("quote_html", [
    '<div class="Quote"><blockquote class="Quote-wrapper"><div class="Quote-body">{q}</div>'
    '<div class="Quote-attribution">Mark Delgado, Sumner Valley Regional Hospital</div></blockquote></div>',
    '<aside class="pullquote"><p>{q}</p><p>— Mark Delgado</p></aside>',
])
def test_a_pull_quote_repeating_the_text_is_left_out_with_its_attribution(quote_html):
    said = "If the rates don't change, we are not going to be the last hospital that has to make this call"
    body = (f"<p>{P}</p><p>“{said},” Delgado said.</p>" + quote_html.format(q=said + ".") + f"<p>{Q}</p>")
    a = _article(_page(body))
    assert a.body == f"{P}\n\n“{said},” Delgado said.\n\n{Q}"


def test_a_quotation_the_text_does_not_repeat_stays():
    body = f"<p>{P}</p><blockquote><p>We will not close the maternity ward while I run this hospital.</p></blockquote><p>{Q}</p>"
    a = _article(_page(body))
    assert a.body == f"{P}\n\nWe will not close the maternity ward while I run this hospital.\n\n{Q}"


def test_a_fact_box_inside_the_text_is_no_text_but_a_list_of_facts_in_it_is():
    box = ('<div class="FactBox"><h3 class="FactBox-title">Dette er saken</h3><div class="FactBox-body"><ul>'
           '<li>Prisene kuttes med 30 prosent.</li></ul></div></div>')
    a = _article(_page(f"<p>{P}</p>{box}<p>{Q}</p>", "no"))
    assert a.body == f"{P}\n\n{Q}"
    facts = '<ul class="hike-facts"><li>Distance: 4.6 miles round trip</li><li>Elevation gain: 650 feet</li></ul>'
    a = _article(_page(f"<p>{P}</p>{facts}<p>{Q}</p>"))
    assert "Distance: 4.6 miles round trip" in a.body


@pytest.mark.parametrize("line,lang", [
    ("ಇದನ್ನೂ ಓದಿ: ಟ್ಯಾಂಕರ್ ನೀರಿನ ದರಕ್ಕೆ ಮಿತಿ", "kn"), ("ఇవి కూడా చదవండి: మెట్రో రెండో దశకు కేంద్రం అనుమతి", "te"),
    ("ഇതും വായിക്കുക: വാട്ടർ മെട്രോ: പുതിയ റൂട്ടുകൾ ഉടൻ", "ml"), ("यह भी पढ़ें: आईपीएल का पूरा शेड्यूल जारी", "hi"),
    ("İLGİLİ HABER: Kordon'da bisiklet yolu genişletiliyor", "tr"), ("Ajánló: Áprilistól új buszjáratok indulnak", "hu"),
    ("Hirdetés", "hu"), ("Reklam", "tr"), ("Hlusta: Viðtal við eldfjallafræðing · 16. mars 2024 · 6 mín.", "is"),
])
def test_read_also_teasers_ad_labels_and_listen_lines_in_more_languages_are_no_text(line, lang):
    a = _article(_page(f"<p>{P}</p><p>{line}</p><p>{Q}</p>", lang))
    assert a.body == f"{P}\n\n{Q}"


def test_a_press_release_s_contacts_and_related_links_close_its_text():
    tail = ('<h2>Liens connexes</h2><ul><li><a href="/x">Programme</a></li></ul><h2>Personnes-ressources</h2>'
            '<p>Relations avec les médias de la SCHL</p><p>media@schl-cmhc.example.ca</p>')
    a = _article(_page(f"<p>{P}</p><p>{Q}</p>{tail}", "fr"))
    assert a.body == f"{P}\n\n{Q}"


# -- dates of blog platforms ------------------------------------------------------------------------------

def test_a_date_whose_label_follows_it_and_a_recommended_article_s_date():
    page = ('<html lang="zh-CN"><head><meta charset="utf-8"><title>asyncio</title></head><body><div class="article-header">'
            '<h1 class="title-article">Python 异步编程实战</h1><div class="recommend-first"><span>最新推荐文章于&nbsp;'
            '2024-01-10 10:05:44&nbsp;发布</span></div><div class="bar"><span class="time">已于&nbsp;2023-12-08 09:21:33'
            '&nbsp;修改</span></div><div class="up-time"><span>于&nbsp;2023-12-06 14:22:10&nbsp;首次发布</span></div></div>'
            f'<div id="content_views"><p>{P}</p><p>{Q}</p></div></body></html>')
    assert _article(page, url="https://blog.csdn.net/xiaoli_dev/article/details/134882211").published_at \
        .startswith("2023-12-06")


def test_a_blog_date_in_five_spans():
    page = ('<html lang="zh-TW"><head><meta charset="utf-8"><title>虱目魚粥</title></head><body><div class="article">'
            '<ul class="article-head"><li class="publish"><span class="year">2024</span> <span class="month">Mar</span> '
            '<span class="date">2</span> <span class="day">Sat</span> <span class="time">09:40</span></li>'
            '<li class="title"><h2><a href="https://mimimama.pixnet.net/blog/post/223344556">【台南美食】老字號虱目魚粥</a>'
            f'</h2></li></ul><div class="article-content"><p>{P}</p><p>{Q}</p></div></div></body></html>')
    assert _article(page, url="https://mimimama.pixnet.net/blog/post/223344556").published_at.startswith("2024-03-02")


@pytest.mark.parametrize("byline,account", [
    ('<span class="author vcard"><span class="fn" data-user-name="kintsugi_hana">kintsugi_hana</span></span>', "kintsugi_hana"),
    ('<div class="information"><span class="username"><a href="/@minji_dev">minji_dev</a></span> · '
     '<span>2024년 3월 5일</span></div>', "minji_dev"),
])
def test_a_blog_platform_s_account_is_its_writer(byline, account):
    assert _article(_byline_page(byline)).author == account


def test_a_vietnamese_portal_s_cms_account_is_still_no_writer():
    page = ('<html lang="vi"><head><meta charset="utf-8"><title>Tin</title></head><body><main><h1>Khởi công cầu vượt</h1>'
            '<div class="info"><span class="author">bientap01</span></div><div class="content"><p>Sáng 04/8, UBND huyện tổ '
            'chức lễ khởi công cầu vượt sông Lam, tổng mức đầu tư hơn 300 tỷ đồng, dự kiến hoàn thành năm 2027.</p>'
            '<p>Công trình có chiều dài 620 m, rộng 12 m, được thiết kế theo tiêu chuẩn cầu vĩnh cửu.</p></div></main>'
            '</body></html>')
    assert _article(page, url="https://sonha.gov.vn/tin/khoi-cong-cau-vuot-123.html").author is None


@pytest.mark.parametrize("lang,promo", [
    ("de", "Dieser Text erschien zuerst in unserem Newsletter. Jetzt kostenlos abonnieren und jeden Donnerstag lesen."),
    ("en", "This story first appeared in our weekly newsletter. Sign up to get it every Friday."),
])
def test_a_newsletter_callout_and_an_emoji_line_are_no_text(lang, promo):
    a = _article(_page(f'<p>{P}</p><div class="kg-card kg-callout-card"><div class="kg-callout-emoji">📬</div>'
                       f'<div class="kg-callout-text">{promo}</div></div><p>{Q}</p>', lang))
    assert a.body == f"{P}\n\n{Q}"
