"""The classes left over from the eighteenth blind world set (fixtures/world_blind18), each on a small page
of its own written from the class, in Vietnamese where a page can show it and in one or two other
languages: year-first dates with a year word (Kazakh, Uzbek), an Arabic month named twice, 'Текст:' /
'Мәтін:' credit lines over a photographer's and an editor's, a live page's entry times beside a 'Last
updated' line, a <title> whose printed part is the headline ('<site>：<headline>')."""
from __future__ import annotations

import pytest

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page
from govnews.parsers.fields import byline_name

VI = ["Sáng 9/3, Sở Giao thông vận tải thành phố cho biết sẽ mở thêm ba tuyến xe buýt mới nối trung tâm với "
      "các khu công nghiệp ở phía bắc từ đầu tháng tới.",
      "Theo Sở, các tuyến mới sẽ chạy từ 5 giờ sáng đến 9 giờ tối, mỗi chuyến cách nhau khoảng 15 phút vào "
      "giờ cao điểm, giá vé giữ như các tuyến hiện nay.",
      "Nhiều công nhân cho biết họ mong các tuyến xe buýt này sớm đi vào hoạt động để giảm chi phí đi lại "
      "hằng ngày."]
KK = ["Облыс әкімдігі келесі жылы ауылда жаңа мектеп салынатынын хабарлады, құрылыс көктемде басталады.",
      "Жаңа мектеп үш жүз оқушыға арналған, онда спорт залы мен кітапхана болады деп хабарлады әкімдік.",
      "Ауыл тұрғындары бұл шешімді қуана қарсы алды, балалар енді көрші ауылға бармайтын болады."]
RU = ["Администрация района объявила во вторник, что весной в посёлке начнётся строительство новой школы на "
      "триста учеников.",
      "По словам главы района, школа будет готова к сентябрю следующего года, а старое здание отдадут под "
      "дом культуры.",
      "Жители посёлка встретили новость с радостью: сейчас дети ездят на учёбу в соседнее село."]
AR = ["أعلنت البلدية اليوم عن افتتاح حديقة عامة جديدة في وسط المدينة تضم ملاعب للأطفال ومسارات للمشي.",
      "وقال رئيس البلدية إن الحديقة ستفتح أبوابها للزوار يوميا من الساعة السادسة صباحا حتى العاشرة مساء.",
      "ورحب السكان بالمشروع وطالبوا بإنشاء حدائق مماثلة في الأحياء الأخرى من المدينة."]
EN = ["The county will open a new public library branch on the east side of town next spring, the board of "
      "supervisors decided on Tuesday after a two-hour hearing.",
      "The branch will take over a former grocery store on Elm Street, and the county expects the work to "
      "cost about $4.5 million, most of it paid from a bond passed in 2019.",
      "Neighbours who spoke at the hearing welcomed the plan, though several asked for longer opening hours "
      "on weekends than the county has proposed."]
JA = ["市は十三日、来月から市内の全小学校で給食の無償化を始めると発表した。対象は約八千人の児童となる。",
      "市教育委員会によると、必要な費用は年間約四億円で、市の一般財源で賄う。",
      "保護者からは歓迎の声が上がっており、市は中学校への拡大も検討している。"]


def _page(head: str, body: str, lang: str = "vi") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
            f'<header><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></header>{body}'
            f'<footer><p>© 2024. Địa chỉ: 12 Lê Lợi</p></footer></body></html>').encode()


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


@pytest.mark.parametrize("text, day", [
    ("2024 жылғы 14 наурыз", (2024, 3, 14)),
    ("2023 жылғы 5 желтоқсан", (2023, 12, 5)),
    ("2024-yil 14-mart", (2024, 3, 14)),
    ("2022 жылы 1 қыркүйек", (2022, 9, 1)),
])
def test_year_first_dates_with_a_year_word(text, day):
    parsed = parse_vietnamese_datetime(text)
    assert parsed.value is not None and (parsed.value.year, parsed.value.month, parsed.value.day) == day


@pytest.mark.parametrize("lang, paragraphs", [("kk", KK), ("uz", ["Viloyat hokimligi yangi maktab qurilishini "
                                                                   "e'lon qildi, qurilish bahorda boshlanadi."] * 3)])
def test_a_year_first_date_under_the_headline_is_the_articles(lang, paragraphs):
    date = "2024 жылғы 14 наурыз" if lang == "kk" else "2024-yil 14-mart"
    page = _page("<title>Жаңа мектеп</title>",
                 f'<main><h1>Ауылда жаңа мектеп салынады келесі жылы</h1><div class="descr">{date}</div>'
                 f'{_paragraphs(paragraphs)}</main>', lang)
    article = parse_page(page, "https://news.example.kz/mektep", {}, profile="generic").article
    assert article.published_at.startswith("2024-03-14")


@pytest.mark.parametrize("printed", ["٥ حزيران/يونيو ٢٠٢٤", "5 يونيو/حزيران 2024", "5 حزيران / يونيو 2024"])
def test_an_arabic_month_named_twice(printed):
    parsed = parse_vietnamese_datetime(printed)
    assert parsed.value is not None and (parsed.value.year, parsed.value.month, parsed.value.day) == (2024, 6, 5)


def test_the_day_printed_in_a_utc_time_element_is_the_pages():
    """<time datetime="…T22:00:00Z">5 حزيران/يونيو 2024</time>: the UTC stamp is the evening before
    the day the page prints for its readers."""
    page = _page("<title>حديقة جديدة</title>",
                 '<article><h1>افتتاح حديقة عامة جديدة في وسط المدينة</h1>'
                 '<div class="meta"><time datetime="2024-06-04T22:00:00Z">٥ حزيران/يونيو ٢٠٢٤</time></div>'
                 f'{_paragraphs(AR)}</article>', "ar")
    article = parse_page(page, "https://example.org/ar/news/park", {}, profile="generic").article
    assert article.published_at.startswith("2024-06-05")


@pytest.mark.parametrize("credit, name", [
    ("Текст: Анастасия Белова<br>Фото: Игорь Соколов<br>Редактор: Мария Гусева", "Анастасия Белова"),
    ("Мәтін: Айгерім Нұрланқызы / Фото: Ерлан Омаров", "Айгерім Нұрланқызы"),
    ("Мәтін: Айгерім Нұрланқызы<br>Сурет: Ерлан Омаров", "Айгерім Нұрланқызы"),
    ("Matn: Dilnoza Karimova", "Dilnoza Karimova"),
    ("Текст: Анна Петрова", "Анна Петрова"),
])
def test_a_text_credit_names_the_writer(credit, name):
    paragraphs = KK if "Мәтін" in credit else RU
    page = _page("<title>Новая школа</title>",
                 f'<main><h1>В посёлке построят новую школу к осени</h1><div class="t-text">{credit}</div>'
                 f'{_paragraphs(paragraphs[:2])}'
                 '<blockquote><p>Нас не закрыли и не переселили</p><div class="quote__author">Валентина Шилова</div>'
                 f'</blockquote>{_paragraphs(paragraphs[2:])}</main>', "ru")
    article = parse_page(page, "https://example.ru/shkola", {}, profile="generic").article
    assert article.author == name


@pytest.mark.parametrize("line, name", [
    ("Текст: Анастасия Белова Фото: Игорь Соколов", "Анастасия Белова"),
    ("Text: Anna Smith Editor: Maria Guseva", "Anna Smith"),
])
def test_the_next_credit_is_cut_from_the_name(line, name):
    assert byline_name(line) == name


@pytest.mark.parametrize("lang, paragraphs, updated", [
    ("en", EN, "Last updated:"),
    ("vi", VI, "Cập nhật lúc:"),
])
def test_a_live_entrys_time_is_not_the_pages_date(lang, paragraphs, updated):
    jsonld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "LiveBlogPosting", '
              '"headline": "Budget live", "datePublished": "2024-03-06T07:45:00+00:00", '
              '"dateModified": "2024-03-07T09:12:00+00:00"}</script>')
    entries = "".join(
        f'<article class="entry"><header><time class="entry__time" datetime="2024-03-07T0{h}:12:00+00:00">'
        f'0{h}:12</time></header><h3>Update {h}</h3><p>{p}</p></article>'
        for h, p in zip((9, 8, 7), paragraphs))
    page = _page(f"<title>Budget live</title>{jsonld}",
                 '<main><h1>Spring Budget live: the Chancellor cuts national insurance again</h1>'
                 f'<div class="timestamps"><span class="updated">{updated} <time datetime="2024-03-07T09:12:00Z">'
                 f'09:12, 7/3/2024</time></span></div><div class="entries">{entries}</div></main>', lang)
    article = parse_page(page, "https://news.example.co.uk/live/budget", {}, profile="generic").article
    assert article.published_at.startswith("2024-03-06")


@pytest.mark.parametrize("title, headline, paragraphs, lang", [
    ("越路日報ニュース：給食の無償化、来月から全小学校で", "給食の無償化、来月から全小学校で", JA, "ja"),
    ("Báo Điện tử Thị xã：Mở thêm ba tuyến xe buýt nối khu công nghiệp phía bắc",
     "Mở thêm ba tuyến xe buýt nối khu công nghiệp phía bắc", VI, "vi"),
])
def test_the_printed_part_of_a_title_is_the_headline(title, headline, paragraphs, lang):
    page = _page(f"<title>{title}</title>",
                 '<table width="780"><tr><td width="150"><a href="/a">トップ</a><br><a href="/b">社会</a></td>'
                 f'<td><table><tr><td bgcolor="#003366"><font size="4" color="#FFFFFF"><b>{headline}</b></font>'
                 f'</td></tr></table><div align="right"><font size="2">2004/03/14</font></div>'
                 f'{"".join(f"<p><font size=3>{p}</font></p>" for p in paragraphs)}</td></tr></table>', lang)
    article = parse_page(page, "http://www.example.co.jp/news/2004/03/14/0315.html", {}, profile="generic").article
    assert article.headline == headline


def test_a_section_named_in_the_title_is_no_headline():
    """A listing whose <title> is '<section> - <site>' keeps the site's name as before: a part of
    fewer than four words is a section's name, even printed whole."""
    page = _page("<title>Chính trị - Cổng thông tin điện tử tỉnh</title>",
                 '<div><span class="cat">Chính trị</span><ul>'
                 + "".join(f'<li><a href="/tin/{i}">Tin số {i} về hoạt động của tỉnh</a> (0{i}/03/2024)</li>'
                           for i in range(1, 8)) + "</ul></div>")
    article = parse_page(page, "https://tinh.gov.vn/chinh-tri", {}, profile="generic").article
    assert article.headline != "Chính trị"


def _tilda(records: list[tuple[str, str]], lang: str) -> bytes:
    blocks = "".join(f'<div id="rec{600000 + i}" class="r t-rec t-rec_pt_{30 + i} t-rec_pb_30" '
                     f'data-record-type="{kind}"><div class="t{kind}"><div class="t-container">{inner}</div></div></div>'
                     for i, (kind, inner) in enumerate(records))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Longread</title></head>'
            f'<body class="t-body"><div id="allrecords" class="t-records">{blocks}</div></body></html>').encode()


@pytest.mark.parametrize("lang, paragraphs, heading, form_text", [
    ("ru", RU, "Что изменилось", "Поддержите проект: оставьте адрес почты"),
    ("en", EN, "What changed", "Support our surveys: leave your e-mail address"),
])
def test_a_builders_story_told_in_records_is_read_whole(lang, paragraphs, heading, form_text):
    """Tilda's longread: one record per block (cover, text, heading, text, form, footer): the text is
    every record from the first that holds prose to the last that holds text, without the form
    and the footer."""
    text = '<div field="text" class="t-text t-text_md">{}</div>'
    records = [("205", '<h1 class="t205__title" field="title">A headline of the longread project</h1>'),
               ("106", text.format(paragraphs[0] + "<br><br>" + paragraphs[1])),
               ("128", f'<div class="t-name" field="title">{heading}</div>'),
               ("106", text.format(paragraphs[2])),
               ("690", f'<div field="text">{form_text}</div><form><input type="email"><button>OK</button></form>'),
               ("420", '<div field="text">© 2024 Coastwatch. All rights reserved.</div>')]
    article = parse_page(_tilda(records, lang), "https://project.example.org/longread", {}, profile="generic").article
    body = article.body.split("\n\n")
    assert paragraphs[0] in body and paragraphs[1] in body and paragraphs[2] in body and heading in body
    assert form_text not in article.body and "©" not in article.body
