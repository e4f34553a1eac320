"""The failure classes left on the eighth blind world-news set (fixtures/world_blind8), each on a
small page of its own, in Vietnamese where a portal can show the class and in one or two other
languages."""
from __future__ import annotations

from govnews.parsers.dates import parse_vietnamese_datetime
from govnews.parsers.extract import parse_page
from govnews.parsers.fields import byline_name

P = ("The council voted on Tuesday to extend the night bus network to the three districts that grew "
     "fastest over the last decade, after months of petitions from shift workers and their unions.")
Q = ("Operators will hire forty more drivers before the summer, and the first routes start in June, "
     "the transport committee said in a statement published after the vote on Tuesday evening.")
V = ("Chiều 12/3, UBND huyện tổ chức hội nghị triển khai kế hoạch phát triển kinh tế - xã hội năm 2024, "
     "với sự tham dự của lãnh đạo các phòng, ban, ngành và Chủ tịch UBND các xã, thị trấn trên địa bàn.")
J = ("みさと市は、子どもの医療費助成の対象を現在の中学生までから18歳到達後最初の3月31日まで拡大します。"
     "対象となる高校生世代は約2,900人で、市は必要な経費として年間約1億2,000万円を見込んでいます。")


def _article(html: str, url: str = "https://www.example-daily.com/n/9", profile: str | None = "generic"):
    return parse_page(html.encode("utf-8"), url, profile=profile).article


# -- dates ----------------------------------------------------------------------------------------

def test_a_japanese_era_year_is_its_gregorian_year():
    for printed, day in (("発表日：令和6年3月14日", "2024-03-14"), ("平成31年4月30日", "2019-04-30"),
                         ("令和元年5月1日", "2019-05-01"), ("令和 6 年 10 月 1 日 10:30", "2024-10-01")):
        parsed = parse_vietnamese_datetime(printed)
        assert parsed.value is not None and parsed.value.date().isoformat() == day, printed
    assert parse_vietnamese_datetime("令和6年3月14日").raw == "令和6年3月14日"     # as printed


def test_a_press_release_dated_in_the_japanese_era_and_a_press_club_that_is_no_reporter():
    a = _article('<html lang="ja"><head><meta charset="utf-8"><title>子ども医療費助成を拡大｜みさと市</title></head><body>'
                 '<div class="crumbs"><a href="/">トップページ</a> &gt; <a href="/kisha/">記者発表</a></div>'
                 '<div class="main"><h1>子ども医療費助成を18歳まで拡大</h1><p class="kisha-date">発表日：令和6年3月14日</p>'
                 f'<div class="honbun"><p>{J}</p><p>{J}</p></div><div class="tenpu"><h2>添付ファイル</h2><ul><li>'
                 '<a href="/f/1.pdf">記者発表資料（PDF：312KB）</a>（令和6年3月13日作成）</li></ul></div>'
                 '<div class="update">更新日：令和6年3月18日</div></div></body></html>',
                 url="https://www.city.misato.lg.jp/kisha/2024/0314.html")
    assert a.published_at == "2024-03-14T00:00:00+07:00"
    assert a.author is None                     # '記者発表' is a press release, not 'reporter 発表'


def test_a_zone_printed_by_its_name_is_the_dates_zone():
    for printed, iso in (("Valladolid - 12 MAR 2024 - 05:30 CET", "2024-03-12T05:30:00+01:00"),
                         ("5 March 2024 12.30 GMT", "2024-03-05T12:30:00+00:00"),
                         ("2024-03-14 10:00 EDT", "2024-03-14T10:00:00-04:00"),
                         ("04/08/2020 16:20 (GMT+7)", "2020-08-04T16:20:00+07:00"),
                         ("14 March 2024 10:00 UTC+05:30", "2024-03-14T10:00:00+05:30")):
        assert parse_vietnamese_datetime(printed).value.isoformat() == iso, printed
    # a name that means two zones (China's or America's CST) and a word that starts like one
    assert parse_vietnamese_datetime("14/03/2024 10:00 CST").value.isoformat() == "2024-03-14T10:00:00+07:00"
    assert parse_vietnamese_datetime("04/08/2020 16:20 Zalo").raw == "04/08/2020 16:20"


def _app_page(state: str) -> str:
    return (f'<html lang="th"><head><meta charset="utf-8"><title>Green line</title></head><body><div class="app">'
            f'<h1>Green line extends its hours for the festival</h1><p class="by">By Ann Lee · 2 hours ago</p>'
            f'<div class="txt"><p>{P}</p><p>{Q}</p></div></div><script>window.__ARTICLE__={state};</script>'
            '</body></html>')


def test_an_app_page_dated_only_by_its_state_scripts_unix_time():
    a = _article(_app_page('{"id":1234567,"publishTime":1710383400,"updateTime":1710491400}'))
    assert a.published_at == "2024-03-14T02:30:00+00:00"
    ms = _article(_app_page('{"id":7,"published_at":1710383400000}'))
    assert ms.published_at == "2024-03-14T02:30:00+00:00"
    iso = _article(_app_page('{"id":7,"datePublished":"2024-03-14T09:30:00+07:00"}'))
    assert iso.published_at == "2024-03-14T09:30:00+07:00"


def test_a_state_listing_several_stories_dates_none_of_them():
    page = _app_page('{"latest":[{"published":"2023-03-06T06:59:00+03:00"},'
                     '{"published":"2023-03-06T05:20:00+03:00"}]}')
    a = _article(page, url="https://www.example-daily.com/business/2023/03/03/tea-exports-fall/")
    assert a.published_at == "2023-03-03T00:00:00+07:00"          # the URL's day, the last resort


def _dated(meta: str, visible: str, url: str) -> str:
    return (f'<html lang="en"><head><meta charset="utf-8"><title>Library reopens</title><meta property='
            f'"article:published_time" content="{meta}"></head><body><article><h1>The old library reopens</h1>'
            f'<p class="meta">{visible}</p><div class="body"><p>{P}</p><p>{Q}</p></div></article></body></html>')


def test_a_visible_day_the_url_confirms_beats_another_editions_metadata():
    a = _article(_dated("2024-03-07T18:20:00+02:00", "11 March 2024, 09:00",
                        "https://kyiv.example.com/en/culture/2024/03/11/library-reopens"),
                 url="https://kyiv.example.com/en/culture/2024/03/11/library-reopens")
    assert a.published_at.startswith("2024-03-11")
    slug = _article(_dated("2024-03-11T23:00:00+01:00", "Valladolid - 12 MAR 2024 - 05:30 CET", ""),
                    url="https://www.example.es/opinion/columnas/el-agua-que-no-llega-20240312.html")
    assert slug.published_at == "2024-03-12T05:30:00+01:00"


def test_a_labelled_publication_day_beats_the_metadata_and_an_unconfirmed_one_does_not():
    labelled = _article(_dated("2024-03-04T16:12:00+01:00", "Datum vložení: 5. 3. 2024", ""),
                        url="https://www.mesto.example.cz/aktuality/most-pres-oslavu")
    assert labelled.published_at.startswith("2024-03-05")
    vn = _article(_dated("2024-03-04T16:12:00+07:00", "Ngày đăng: 05/03/2024 08:00", ""),
                  url="https://huyen.example.gov.vn/tin-tuc/hoi-nghi-1234.html")
    assert vn.published_at == "2024-03-05T08:00:00+07:00"
    unconfirmed = _article(_dated("2024-03-07T18:20:00+02:00", "11 March 2024, 09:00", ""),
                           url="https://kyiv.example.com/en/culture/library-reopens")
    assert unconfirmed.published_at == "2024-03-07T18:20:00+02:00"   # the metadata's word stands


# -- authors --------------------------------------------------------------------------------------

def test_persian_and_tamil_credit_labels():
    fa = _article('<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>مترو</title></head><body><main><article>'
                  '<h1>خط ۱۰ متروی تهران تا پایان سال آینده به بهره‌برداری می‌رسد</h1><div class="info"><span>گزارش: مریم احمدی'
                  '</span> <span>۲۴ اسفند ۱۴۰۲ - ۱۱:۲۰</span></div><div class="matn">'
                  f'<p>{"معاون شهردار تهران گفت عملیات ساخت خط ده مترو با سرعت ادامه دارد و ایستگاه‌های جدید به زودی افتتاح می‌شوند. " * 3}</p>'
                  '</div></article></main></body></html>', url="https://www.example.ir/news/1402/12/24/metro")
    assert fa.author == "مریم احمدی"
    ta = _article('<html lang="ta"><head><meta charset="utf-8"><title>மெட்ரோ</title></head><body><main><article>'
                  '<h1>சென்னை மெட்ரோ இரண்டாம் கட்டம்</h1><div class="ezhuthu">எழுதியவர்: க. ராஜேஷ்</div>'
                  f'<div class="text"><p>{"சென்னை மெட்ரோ ரயில் திட்டத்தின் இரண்டாம் கட்டப் பணிகள் வேகமாக நடைபெற்று வருகின்றன என்று அதிகாரிகள் தெரிவித்தனர். " * 3}</p>'
                  '</div></article></main></body></html>', url="https://www.example.in/tamilnadu/metro-2024-03-13")
    assert ta.author == "க. ராஜேஷ்"


def test_two_writers_and_their_outlet_are_the_writers():
    assert byline_name("Por Rafael Costa e Beatriz Lima, Portal do Bairro — São Paulo") == "Rafael Costa e Beatriz Lima"
    assert byline_name("By Alex Chen and Jordan Blake, City Desk") == "Alex Chen and Jordan Blake"
    assert byline_name("By Maya Brooks, Daniel Ortiz and Hannah Kim") == "Maya Brooks, Daniel Ortiz and Hannah Kim"
    assert byline_name("By Ruth Ellison, Science Director") == "Ruth Ellison"


def test_a_posted_by_line_that_names_the_weekday():
    assert byline_name("Posted by Sarah Kim on Friday, March 8, 2024 at 5:00 PM") == "Sarah Kim"
    assert byline_name("Đăng bởi Nguyễn Văn An vào 12/03/2024") == "Nguyễn Văn An"


def test_a_byline_after_the_date_on_one_line():
    sw = _article('<html lang="sw"><head><meta charset="utf-8"><title>Feri mpya</title></head><body><main>'
                  '<div class="habari"><h1>Feri mpya kuanza safari Dar–Zanzibar Jumatatu</h1><div class="tarehe">'
                  'Jumamosi, Machi 9, 2024 — Na Mwandishi Wetu</div><div class="maandishi">'
                  f'<p>{"KAMPUNI ya usafiri wa majini imetangaza kuwa feri mpya itaanza safari zake Jumatatu ijayo. " * 3}</p>'
                  '</div></div></main></body></html>', url="https://www.example.co.tz/habari/feri-mpya")
    assert sw.author == "Mwandishi Wetu"
    en = _article('<html lang="en"><head><meta charset="utf-8"><title>Night buses</title></head><body><main><h1>'
                  'Night buses reach three more districts</h1><p class="line">March 14, 2023 — By Ann Lee</p>'
                  f'<div class="txt"><p>{P}</p><p>{Q}</p></div></main></body></html>')
    assert en.author == "Ann Lee"
    assert en.published_at.startswith("2023-03-14")


def test_vietnamese_byline_lines_keep_their_dashes():
    # a Vietnamese writer and unit joined by a dash are one author, however the meta line splits
    a = _article('<html lang="vi"><head><meta charset="utf-8"><title>Hội nghị</title></head><body><div class="ct">'
                 '<h1>Huyện triển khai kế hoạch năm 2024</h1><p class="date">12/03/2024 08:00</p>'
                 f'<div class="noidung"><p>{V}</p><p>{V}</p><p style="text-align:right"><b>Minh Tâm - Trung tâm '
                 'VH-TT&amp;TT huyện</b></p></div></div></body></html>',
                 url="https://huyen.example.gov.vn/tin-tuc/hoi-nghi-1234.html")
    assert a.author == "Minh Tâm - Trung tâm VH-TT&TT huyện"


def test_an_update_date_gives_way_to_a_date_marked_inside_the_article():
    fr = _article('<html lang="fr"><head><meta charset="utf-8"><title>Sécheresse</title></head><body><main><div class="row">'
                  '<h1>Sécheresse : le département placé en vigilance dès le 17 juillet</h1><p class="date-maj">Mis à jour le '
                  '17/07/2023</p><div class="item-text"><p class="date-lieu" style="text-align:right">Lysville, le 13 juillet '
                  f'2023</p><p>{P}</p><p>{Q}</p></div></div></main></body></html>', url="https://www.lys.gouv.fr/Actualites/seche")
    assert fr.published_at.startswith("2023-07-13")
    # a portal's top bar ('today', marked as a date but outside the article) never beats it
    vn = _article('<html lang="vi"><head><meta charset="utf-8"><title>Hội nghị</title></head><body><div class="top">'
                  '<span class="date">Thứ Hai, ngày 03/11/2025</span></div><div class="ct"><h1>Huyện triển khai kế hoạch '
                  'năm 2024</h1><p class="info">Cập nhật: 05/08/2020 16:20</p>'
                  f'<div class="noidung"><p>{V}</p><p>{V}</p></div></div></body></html>',
                  url="https://huyen.example.gov.vn/tin-tuc/hoi-nghi-1234.html")
    assert vn.published_at == "2020-08-05T16:20:00+07:00"
