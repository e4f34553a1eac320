"""The failure classes of the thirteenth blind set (fixtures/heldout_pages13.py), each on a small
page of its own, in Vietnamese and, where the class is not Vietnamese only, in another language."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page
from govnews.parsers.fields import counter_of, view_count_of
from lxml import html

V = ("Trong 9 tháng năm 2025, toàn tỉnh giải quyết việc làm mới cho 41.286 lao động, đạt 91,7% kế hoạch "
     "năm, trong đó có 9.512 người đi làm việc ở nước ngoài theo hợp đồng.")
W = ("Trung tâm Dịch vụ việc làm tỉnh tiếp tục tổ chức các phiên giao dịch việc làm định kỳ, kết nối "
     "doanh nghiệp với người lao động tại các xã, phường sau sắp xếp đơn vị hành chính.")


def _page(article: str, side: str = "", title: str = "Tin tức") -> bytes:
    return (f'<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<div class="menu"><ul><li><a href="/">Trang chủ</a></li></ul></div>'
            f'<div class="main"><div class="col-main">{article}</div><div class="col-right">{side}</div></div>'
            '</body></html>').encode("utf-8")


def _article(data: bytes, url: str = "https://vieclam.example.gov.vn/tin-tuc/chi-tiet-5536.html", profile="generic"):
    return parse_page(data, url, profile=profile).article


def _news(extra_body: str = "", meta: str = '<div class="date">Ngày đăng: 12/08/2025 08:00</div>') -> str:
    return (f'<div class="news-detail"><h1>Giải quyết việc làm cho hơn 41 nghìn lao động</h1>{meta}'
            f'<div class="content"><p>{V}</p><p>{W}</p>{extra_body}</div></div>')


def _box(inner: str) -> str:
    return f'<div class="box"><h3 class="box-title">Thống kê truy cập</h3><div class="box-body">{inner}</div></div>'


def _digits(number: str) -> str:
    return "".join(f'<img src="/images/counter/{d}.gif" alt="{d}" width="15" height="20" />' for d in number)


# -- visitor counters ------------------------------------------------------------------------------

@pytest.mark.parametrize("today_label,total_label", [("Hôm nay:", "Tổng cộng:"), ("Trong ngày", "Tổng lượt truy cập")])
def test_labelled_rows_of_digit_images_are_read_by_their_labels(today_label, total_label):
    box = _box(f'<div class="row-c"><span class="lbl">{today_label}</span><div class="digits">{_digits("000512")}</div></div>'
               f'<div class="row-c"><span class="lbl">{total_label}</span><div class="digits">{_digits("01284307")}</div></div>')
    a = _article(_page(_news(), box))
    assert a.visitor_counter == 1284307
    assert a.site_counters.get("today") == 512


def test_a_single_digit_row_is_still_the_total():
    a = _article(_page(_news(), _box(f'<div class="digits">{_digits("01284307")}</div>')))
    assert a.visitor_counter == 1284307


def test_a_count_up_shows_the_number_its_script_counts_to():
    box = _box('<div class="row"><span>Đang truy cập</span> <span class="count-up" data-count="27">0</span></div>'
               '<div class="row"><span>Hôm nay</span> <span class="count-up" data-count="1106">0</span></div>'
               '<div class="row"><span>Tổng lượt truy cập</span> <span class="count-up" data-count="1845203">0</span></div>')
    a = _article(_page(_news(), box))
    assert a.visitor_counter == 1845203
    el = html.fromstring('<div>Visitors: <span class="counter" data-to="98765">0</span></div>')
    assert counter_of(el).total == 98765


def test_a_counter_drawn_as_one_image_is_read_from_its_alt_text():
    box = _box('<img src="/_layouts/15/Counter.ashx?type=total&amp;w=9" alt="Tổng lượt truy cập: 3.456.789" '
               'width="140" height="24" /><p>Đang trực tuyến: 23</p>')
    a = _article(_page(_news(), box))
    assert a.visitor_counter == 3456789


# -- view counts -------------------------------------------------------------------------------------

def test_a_view_count_said_as_a_sentence_under_the_text():
    a = _article(_page(_news('</div><div class="ArticleViews">Bài này đã được đọc 1.234 lần</div><div>')))
    assert a.view_count == 1234


@pytest.mark.parametrize("shown,count", [("1.234 lượt", 1234), ("846 lần", 846), ("0 lượt", 0), ("2,016 times", 2016)])
def test_an_eye_icon_before_a_number_and_a_count_word(shown, count):
    meta = (f'<div class="info"><span class="date">14/08/2025 09:20</span> <span class="span-view">'
            f'<i class="fa fa-eye" aria-hidden="true"></i> {shown}</span></div>')
    a = _article(_page(_news(meta=meta)))
    assert a.view_count == count
    assert view_count_of(html.fromstring(f"<span>{shown}</span>")) == count


# -- dates -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line,iso", [
    ("Cập nhật lúc 16:20 ngày 14/08/2025 - Chỉnh sửa lúc 09:10 ngày 20/08/2025 <span>| Người đăng: Quản trị</span>"
     " <span>| Lượt người đọc: 1.234</span>", "2025-08-14T16:20:00+07:00"),
    ("Cập nhật lúc 8:05 ngày 5/9/2025 <span>| Người đăng: Quản trị</span> <span>| Lượt người đọc: 286</span>",
     "2025-09-05T08:05:00+07:00"),
])
def test_a_meta_line_under_the_headline_with_its_edit_time_and_items(line, iso):
    a = _article(_page(f'<div class="detail_news"><h1>Cấp hơn 3.200 Giấy chứng nhận</h1><div class="time_detail_news">'
                       f'{line}</div><div class="content_detail_news"><p>{V}</p><p>{W}</p></div></div>'))
    assert a.published_at == iso
    assert a.view_count in (1234, 286)


# -- signatures --------------------------------------------------------------------------------------

@pytest.mark.parametrize("line,author", [
    ("Biên soạn: Y Ngọc Hân", "Y Ngọc Hân"), ("Sưu tầm, biên soạn: A Thuận", "A Thuận"),
    ("Tổng hợp: Lê Hương", "Lê Hương"), ("Tin bài: ThS. Nông Thị Hằng - Khoa Lý luận cơ sở",
                                         "ThS. Nông Thị Hằng - Khoa Lý luận cơ sở"),
])
def test_a_signature_with_its_role_gives_the_writer(line, author):
    a = _article(_page(_news(f'<p style="text-align:right"><strong><em>{line}</em></strong></p>')))
    assert a.author == author
    assert a.body == f"{V}\n\n{W}"


def test_a_name_over_its_unit_in_one_signature_block():
    a = _article(_page(_news('<div style="text-align:right"><strong>Quàng Thị Hoa</strong><br /><em>Phòng Bảo tồn và '
                             'Phát triển rừng</em></div>')))
    assert a.author == "Quàng Thị Hoa - Phòng Bảo tồn và Phát triển rừng"
    assert a.body == f"{V}\n\n{W}"


@pytest.mark.parametrize("mark", ["ST", "(ST)", "Sưu tầm"])
def test_a_collected_mark_names_no_writer_and_is_not_text(mark):
    a = _article(_page(_news(f'<p style="text-align: right;"><strong>{mark}</strong></p>')))
    assert a.author is None
    assert a.body == f"{V}\n\n{W}"


def test_a_writer_and_the_paper_the_text_is_taken_from():
    a = _article(_page(_news('<p style="text-align:right"><b>Kim Ngân/Báo Cà Mau</b></p>')))
    assert (a.author, a.source) == ("Kim Ngân", "Báo Cà Mau")
    assert a.body == f"{V}\n\n{W}"


def test_a_profile_author_that_is_the_closing_line_is_not_text():
    page = (f'<div class="PostDate">12/08/2025 08:00</div><div class="ArticleSummary">{V}</div><div class="ArticleContent">'
            f'<p>{W}</p><p>{V}</p><p style="text-align:right"><strong><em>TS. Hoàng Văn Định, Phó Hiệu trưởng</em></strong>'
            '</p></div>')
    a = _article(_page(page), profile="aspnet_postdate")
    assert a.author == "TS. Hoàng Văn Định, Phó Hiệu trưởng"
    assert not a.body.endswith("Phó Hiệu trưởng")


# -- tables ------------------------------------------------------------------------------------------

def test_a_table_caption_is_a_block_over_it_and_its_footer_row_comes_last():
    table = ('<table border="1"><caption>Bảng: Kim ngạch xuất khẩu (triệu USD)</caption><thead><tr><th>Mặt hàng</th>'
             '<th>2024</th><th>2025</th></tr></thead><tfoot><tr><td><b>Cộng</b></td><td>750,5</td><td>898,3</td></tr>'
             '</tfoot><tbody><tr><td>Thủy sản</td><td>512,4</td><td>601,8</td></tr><tr><td>Cà phê</td><td>238,1</td>'
             '<td>296,5</td></tr></tbody></table>')
    a = _article(_page(_news(table)))
    assert a.body == (f"{V}\n\n{W}\n\nBảng: Kim ngạch xuất khẩu (triệu USD)\n\nMặt hàng | 2024 | 2025\n"
                      "Thủy sản | 512,4 | 601,8\nCà phê | 238,1 | 296,5\nCộng | 750,5 | 898,3")


def test_a_writer_with_his_post_after_a_comma_and_an_office_with_its_number_sign_the_text():
    a = _article(_page(_news('<p style="text-align:right"><strong><em>TS. Hoàng Văn Định, Phó Hiệu trưởng</em></strong></p>')))
    assert a.author == "TS. Hoàng Văn Định, Phó Hiệu trưởng" and a.body == f"{V}\n\n{W}"
    a = _article(_page(_news('<p style="text-align:right"><strong>PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 2</strong></p>')))
    assert a.author == "PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 2" and a.body == f"{V}\n\n{W}"


@pytest.mark.parametrize("player", [
    '<video controls width="640"><source src="/Video/2025/09/mua-thu.mp4" type="video/mp4" />Trình duyệt không hỗ trợ video.</video>',
    '<audio controls><source src="/Audio/ban-tin-toi.mp3" type="audio/mpeg" /></audio>',
])
def test_a_video_page_s_few_lines_under_the_player_beat_a_sidebar_box_of_short_lines(player):
    side = ('<div class="box"><h3 class="box-title">Giá vé tham quan</h3><div class="box-body"><p>Tuyến 1, 2: 290.000 '
            'đồng/khách</p><p>Tuyến 3, 4: 250.000 đồng/khách</p><p>Trẻ em dưới 1,3 m: miễn phí</p></div></div>')
    a = _article(_page(f'<div class="chi-tiet-tin"><div class="tieu-de-tin">Video: Mùa thu trên Vịnh Hạ Long</div>'
                       f'<div class="noi-dung-trang"><div class="video-player">{player}</div><p class="mo-ta">{V}</p>'
                       '</div></div>', side))
    assert a.body == V


def test_a_long_paragraph_without_spaces_under_the_headline_is_no_dateline():
    # (a meta line may be long only as items: a Japanese sentence with a date in it is text)
    page = ('<html lang="ja"><head><meta charset="utf-8"><title>分別ルール</title></head><body><div id="main">'
            '<div class="houdou_box"><p class="houdou_label">報道発表資料</p><p class="houdou_date">令和5年2月20日</p></div>'
            '<h1>令和5年4月から家庭ごみの分別ルールが変わります</h1><p>北浜市は、ごみの減量とリサイクルの推進を図るため、'
            '令和5年4月1日から家庭ごみの分別ルールを変更します。これまで「燃やすごみ」として収集していたプラスチック製品を、'
            '新たに「プラスチック資源」として分別収集します。</p><p>' + "指定袋の色が黄色から水色に変わります。" * 4 + '</p>'
            '</div></body></html>').encode("utf-8")
    a = _article(page, url="https://www.city.kitahama.lg.jp/soshiki/kankyo/houdou/20454.html")
    assert a.published_at.startswith("2023-02-20")
