"""The failure classes of the fourth blind world set, each on a small page of its own (other
wording, other markup, other languages than the blind pages): byline labels and roles in more
languages, writers' credits, names in scripts without capitals, marked name elements, month
names of more languages, numeric dates by weekday and by locale, and page-builder text blocks."""
from __future__ import annotations

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page

PROSE = ("The city council approved the plan for a new library branch on Tuesday after a year of "
         "public meetings, and construction is expected to begin in the spring.")
PROSE2 = ("The branch will have a children's wing, study rooms and a community kitchen, and it will "
          "stay open until nine in the evening on weekdays.")


def _parse(body: str, lang: str = "en", url: str = "https://news.example.org/city/library",
           head: str = ""):
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>T</title>{head}'
            f'</head><body>{body}</body></html>').encode("utf-8")
    return parse_page(html, url, profile="generic").article


def _article(meta: str, headline: str = "Council approves a new library branch", after: str = "") -> str:
    return (f'<article><h1>{headline}</h1><div class="meta">{meta}</div><div class="story">'
            f'<p>{PROSE}</p><p>{PROSE2}</p>{after}</div></article>')


def test_byline_labels_in_more_languages_and_roles_after_the_name():
    for meta, want, lang in (("Geschreven door Eva de Wit", "Eva de Wit", "nl"),
                             ("Scritto da Marco Neri", "Marco Neri", "it"),
                             ("<span>Author:</span> <a href='/author/sam-lee'>Sam Lee</a> (WKRN)", "Sam Lee", "en"),
                             ("By Nora Blake, Senior Research Editor", "Nora Blake", "en"),
                             ("Story by Omar Haddad, School of Public Health", "Omar Haddad", "en")):
        assert _parse(_article(meta), lang=lang).author == want, meta


def test_writer_credits_and_caseless_scripts():
    a = _parse(_article("", after="<p><strong>Haber:</strong> Deniz Aksoy<br><strong>Fotoğraf:</strong> Can Er</p>"),
               lang="tr")
    assert a.author == "Deniz Aksoy"
    a = _parse(_article('<span class="rep">تقرير: سامي خليل</span>'), lang="ar")
    assert a.author == "سامي خليل"
    a = _parse(_article("", after='<p class="end">박지훈 기자 <a href="mailto:j@x.kr">j@x.kr</a></p>'), lang="ko")
    assert a.author == "박지훈"
    a = _parse(_article('<div class="field-item">Penulis: Rina Wulandari</div>'), lang="id")
    assert a.author == "Rina Wulandari"


def test_marked_box_gives_its_name_element_and_template_words_are_passed_over():
    a = _parse(_article('<div class="author-box"><img src="/a.jpg"><div class="author-name">Lucia Ferri</div>'
                        '<div class="author-title">Head of communications</div></div>'))
    assert a.author == "Lucia Ferri"
    a = _parse(_article('<span class="meta-prep meta-prep-author">Posted on</span> <span>March 3, 2022</span> '
                        '<span class="meta-sep">by</span> <span class="author vcard"><a href="/author/pat/">'
                        'Pat Moreno</a></span>'))
    assert a.author == "Pat Moreno"


def test_month_names_of_more_languages():
    for text, want in (("07 दिसंबर 2022", "2022-12-07"), ("12 Nisan 2023", "2023-04-12"),
                       ("9 تشرين الأول 2022", "2022-10-09"), ("14 Februari 2023", "2023-02-14"),
                       ("3 Agustus 2021", "2021-08-03"), ("5 مايو 2020", "2020-05-05")):
        assert parse_vietnamese_datetime(text).value.date().isoformat() == want, text


def test_numeric_dates_read_by_the_weekday_and_by_the_locale():
    assert parse_vietnamese_datetime("Tue, 03/07/2023 - 14:22").value.date().isoformat() == "2023-03-07"
    assert parse_vietnamese_datetime("Thứ Tư, 04/08/2020").value.date().isoformat() == "2020-08-04"
    a = _parse(_article('<span class="date">Posted 7/8/2022</span>'), lang="en-US")
    assert a.published_at[:10] == "2022-07-08"
    a = _parse(_article('<span class="date">Posted 7/8/2022</span>'), lang="en-GB")
    assert a.published_at[:10] == "2022-08-07"
    a = _parse(_article('<span class="date">Posted 7/8/2022</span>'), lang="en-US",
               url="https://english.example.gov.vn/news/1")
    assert a.published_at[:10] == "2022-08-07"


def test_indonesian_updated_and_published_labels():
    a = _parse('<article><h1>Harga beras naik di pasar tradisional kota</h1>'
               '<div class="d">Diperbarui: Selasa, 22 Agustus 2023 | 09:10 WIB</div>'
               f'<div class="story"><p>{PROSE}</p><p>{PROSE2}</p></div>'
               '<div class="p">Diterbitkan: Senin, 21 Agustus 2023 | 15:30 WIB</div></article>', lang="id")
    assert a.published_at[:10] == "2023-08-21"


def test_utc_stamp_a_day_after_the_printed_day():
    a = _parse(_article('<span class="posted">November 12, 2021</span>'),
               head='<meta property="article:published_time" content="2021-11-13T02:10:00+00:00">')
    assert a.published_at[:10] == "2021-11-12"


def test_page_builder_text_blocks_are_one_text():
    def text_block(i: int, text: str) -> str:
        return (f'<div class="sqs-block html-block" id="b{i}"><div class="sqs-block-content">'
                f'<div class="sqs-html-content"><p>{text}</p></div></div></div>')

    def image_block(i: int) -> str:
        return (f'<div class="sqs-block image-block" id="i{i}"><figure><img src="/p{i}.jpg">'
                f'<figcaption>Picture {i} of the new branch.</figcaption></figure></div>')
    texts = [PROSE, PROSE2, "The library board will name the branch after a local teacher next month, "
             "after a vote among the readers of the three existing branches."]
    blocks = text_block(0, texts[0]) + image_block(1) + text_block(2, texts[1]) + image_block(3) + \
        text_block(4, texts[2])
    a = _parse(f'<main><article><h1>Council approves a new library branch</h1><p>March 3, 2022</p>'
               f'<div class="sqs-layout">{blocks}</div></article></main>')
    assert a.body == "\n\n".join(texts)


def test_small_class_less_blocks_with_headline_links_are_still_a_list():
    """A class-less sidebar entry is a listing's; a class-less page column (the article's,
    beside other class-less columns) is not one: it holds the article's byline."""
    from lxml import html as lxml_html

    from govnews.parsers.doc import in_link_list
    root = lxml_html.fromstring(
        "<html><body><div id='side'>" + "".join(
            f"<div><a href='/s/{i}'>Another story about the city budget number {i}</a> "
            f"<span>0{i}/02/2023</span></div>" for i in range(1, 4)) +
        "</div><div id='content'><h1>Council approves a new library branch</h1>"
        f"<p class='meta'><span class='by'>By <a href='/author/x'>Ana Lopez</a></span></p>"
        f"<p>{PROSE} <a href='/a'>The plan in full, as the council approved it on Tuesday</a></p>"
        f"<p>{PROSE2}</p><p>{PROSE}</p></div>"
        "<div id='primary'><a href='/p'>A sidebar headline of more than four words</a></div></body></html>")
    listed = root.xpath("//div[@id='side']/div/span")
    assert listed and all(in_link_list(s) for s in listed)
    assert not in_link_list(root.xpath("//span[@class='by']")[0])
