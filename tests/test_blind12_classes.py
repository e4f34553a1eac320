"""The failure classes of the twelfth blind set (fixtures/heldout_pages12.py), each on a small
page of its own, in Vietnamese and, where the class is not Vietnamese only, in another language."""
from __future__ import annotations

from govnews.parsers.extract import parse_page
from govnews.parsers.fields import labelled_counts

V = ("Trong tuần, toàn thành phố ghi nhận 146 ca mắc sốt xuất huyết, tăng 18 ca so với tuần trước; "
     "các ổ dịch tập trung tại các phường nội thành, chưa ghi nhận trường hợp tử vong.")
W = ("Trung tâm khuyến cáo người dân chủ động diệt lăng quăng, bọ gậy, ngủ màn kể cả ban ngày và đến "
     "cơ sở y tế ngay khi có biểu hiện sốt cao liên tục, không tự ý điều trị tại nhà.")


def _page(article: str, side: str = "", title: str = "Tin tức", nav: str = "") -> bytes:
    return (f'<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="menu"><ul><li><a href="/">Trang chủ</a></li>{nav}</ul></div>'
            f'<div class="main"><div class="col-main">{article}</div><div class="col-right">{side}</div></div>'
            '</body></html>').encode("utf-8")


def _article(data: bytes, url: str = "https://ttyt.example.gov.vn/tin-tuc/chi-tiet-1234.html", profile="generic"):
    return parse_page(data, url, profile=profile).article


def _news(extra_body: str = "", head: str = "", after_title: str = "") -> str:
    return (f'{head}<div class="news-detail"><h1>Sốt xuất huyết tăng trong tuần 32</h1>{after_title}'
            f'<div class="date">Ngày đăng: 12/08/2025 08:00</div><div class="content"><p>{V}</p><p>{W}</p>'
            f'{extra_body}</div></div>')


# -- visitor counters ------------------------------------------------------------------------------

def test_a_counter_label_that_says_since_when_it_counts():
    assert labelled_counts("Đang truy cập: 27 Số lượt truy cập (từ 01/7/2025): 215.406") == \
        {"online": 27, "total": 215406}
    a = _article(_page(_news(), '<div class="box"><h3>Thống kê truy cập</h3><p>Đang truy cập: <b>27</b></p>'
                                '<p>Số lượt truy cập (từ 01/7/2025): <b>215.406</b></p></div>'))
    assert a.visitor_counter == 215406


def test_a_counter_in_columns_labels_over_their_numbers():
    table = ('<div class="box"><h3>Thống kê truy cập</h3><table border="1"><tr><th>Đang truy cập</th><th>Hôm nay</th>'
             '<th>Tổng lượt truy cập</th></tr><tr><td>14</td><td>126</td><td>318.542</td></tr></table></div>')
    a = _article(_page(_news(), table))
    assert (a.visitor_counter, a.site_counters) == (318542, {"total": 318542, "online": 14, "today": 126})
    lists = ('<div class="box"><h3>Thống kê truy cập</h3><div class="luot"><ul class="lbl"><li>Trực tuyến</li>'
             '<li>Hôm nay</li><li>Tổng lượt truy cập</li></ul><ul class="val"><li>23</li><li>1.024</li>'
             '<li>3.406.118</li></ul></div></div>')
    assert _article(_page(_news(), lists)).visitor_counter == 3406118
    assert labelled_counts("Online Today Total visits 23 1,024 3,406,118") == \
        {"online": 23, "today": 1024, "total": 3406118}


def test_a_counter_shown_in_a_read_only_text_box():
    box = ('<div class="box"><h3>Thống kê truy cập</h3><p>Bạn đọc trực tuyến: 14</p><p>Số lượt truy cập: '
           '<input type="text" value="0612904" readonly="readonly" size="9" class="counter-box" /></p></div>')
    a = _article(_page(_news(), box))
    assert (a.visitor_counter, a.site_counters.get("online")) == (612904, 14)


# -- headline --------------------------------------------------------------------------------------

def test_a_heading_that_names_a_section_of_the_menu_is_not_the_headline():
    nav = '<li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-te">Kinh tế</a></li>'
    article = ('<h2 class="cate-title">THỜI SỰ</h2><div class="news-detail"><div class="news-title">Thanh Hóa khẩn '
               'trương khắc phục hậu quả mưa lũ tại các xã miền núi</div><div class="news-info">Lượt xem: 1.234 | '
               f'Gửi lúc: 04/08/2025 21:15:40</div><p>{V}</p><p>{W}</p></div>')
    a = _article(_page(article, title="THỜI SỰ | Đài Phát thanh và Truyền hình", nav=nav),
                 url="https://truyenhinh.example.gov.vn/thoi-su/khac-phuc-mua-lu-48210.html")
    assert a.headline == "Thanh Hóa khẩn trương khắc phục hậu quả mưa lũ tại các xã miền núi"
    # a headline the menu does not link to stays one, even when it is short
    plain = _article(_page(_news(), nav=nav))
    assert plain.headline == "Sốt xuất huyết tăng trong tuần 32"


# -- authors ---------------------------------------------------------------------------------------

def test_a_signature_in_the_right_cell_of_a_layout_table():
    sign = ('<table width="100%" border="0"><tbody><tr><td width="50%">&nbsp;</td><td width="50%" align="center">'
            '<p><strong>Khoa Phòng, chống bệnh truyền nhiễm</strong></p></td></tr></tbody></table>')
    a = _article(_page(_news(sign)))
    assert a.author == "Khoa Phòng, chống bệnh truyền nhiễm"
    assert "Khoa Phòng" not in a.body


def test_a_name_in_bold_after_the_closing_mark_of_the_last_paragraph():
    a = _article(_page(_news(f'<p>{V} Tỉnh đã hỗ trợ khẩn cấp gạo và nước uống./. <strong>Lê Hằng - Quốc Toàn'
                             '</strong></p>')))
    assert a.author == "Lê Hằng - Quốc Toàn"
    assert a.body.endswith("Tỉnh đã hỗ trợ khẩn cấp gạo và nước uống./.")


def test_a_forecaster_signs_and_the_approver_does_not():
    a = _article(_page(_news('<p style="text-align:right"><em>Dự báo viên: Nguyễn Văn Hùng</em></p>'
                             '<p style="text-align:right"><em>Duyệt tin: Lê Thị Thu Hà</em></p>')))
    assert a.author == "Nguyễn Văn Hùng"
    assert "Duyệt tin" not in a.body and "Dự báo viên" not in a.body


def test_a_presenter_and_a_collector_are_the_writers():
    a = _article(_page(_news('<p style="text-align:right"><i>Người giới thiệu:</i> <b>Thu Ngân - Phòng Phục vụ '
                             'bạn đọc</b></p>')))
    assert a.author == "Thu Ngân - Phòng Phục vụ bạn đọc"
    b = _article(_page(_news('<p style="text-align:right"><b>Hồ Văn Phong (sưu tầm)</b></p>')))
    assert b.author == "Hồ Văn Phong"


def test_a_books_author_is_not_the_articles():
    side = ('<div class="box"><h3 class="box-title">Sách mới</h3><div class="book"><p><b>Đất rừng phương Nam</b></p>'
            '<p>Tác giả: Đoàn Giỏi</p><p>NXB Kim Đồng, 2024</p></div></div>')
    assert _article(_page(_news(), side)).author is None
    table = ('<table class="book-info" border="1"><tr><td>Tên sách</td><td>Tây Ninh - Đất và người</td></tr><tr><td>'
             'Tác giả</td><td>Nhiều tác giả</td></tr><tr><td>Nhà xuất bản</td><td>Tổng hợp TP.HCM</td></tr></table>')
    assert _article(_page(_news(table))).author is None
    en = ('<div class="box"><h3>New books</h3><p>Author: Jane Austen</p><p>Publisher: Penguin, 2019</p></div>')
    assert _article(_page(_news(), en)).author is None


def test_the_writers_line_over_the_text_is_no_site_header():
    a = _article(_page(_news(after_title='<div class="author-top">Đức Anh - Văn Long</div>')))
    assert a.author == "Đức Anh - Văn Long"


# -- category, view count, date --------------------------------------------------------------------

def test_a_view_count_at_the_end_of_the_breadcrumb_bar_is_not_the_category():
    crumb = ('<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/thong-tin-dich-benh">Thông tin dịch bệnh</a> '
             '<span class="view" style="float:right">Lượt xem: 1.234</span></div>')
    a = _article(_page(_news(head=crumb)))
    assert (a.category, a.view_count) == ("Thông tin dịch bệnh", 1234)


def test_readers_on_the_site_now_are_no_view_count():
    foot = '<div class="footer">Lượt truy cập: 412.806 | Đang xem: 12</div>'
    a = _article(_page(_news() + foot))
    assert a.view_count is None


def test_a_toolbar_row_under_the_article_in_its_table_holds_its_view_count():
    article = (f'<table class="chitiet"><tr><td><h1>Công an phường ra mắt mô hình tổ dân phố an toàn</h1>'
               f'<div class="date">12/08/2025</div><p>{V}</p><p>{W}</p></td></tr><tr><td class="congcu">Lượt đọc: 412 | '
               '<a href="javascript:window.print()">In bài</a> | <a href="mailto:?subject=x">Gửi bài</a> | '
               '<a href="#top">Về đầu trang</a></td></tr></table>')
    assert _article(_page(article)).view_count == 412


def test_the_sites_sum_of_hits_in_its_statistics_block_is_no_view_count():
    side = ('<div class="moduletable"><h3>Thống kê</h3><ul><li>Thành viên: 14</li><li>Bài viết: 1.845</li>'
            '<li>Liên kết web: 24</li><li>Lượt xem nội dung bài viết: 3.412.905</li></ul></div>')
    assert _article(_page(_news(), side)).view_count is None


def test_a_headline_that_counts_months_is_no_date():
    article = ('<h1 class="title">Bảo tàng đón hơn 42.000 lượt khách trong 9 tháng năm 2025</h1><div class="time">'
               f'Cập nhật lúc 15:45:10 ngày 06/10/2025</div><div class="content"><p>{V}</p><p>{W}</p></div>')
    assert _article(_page(article)).published_at == "2025-10-06T15:45:10+07:00"


def test_a_calendar_badge_is_the_date_and_not_the_text():
    badge = ('<div class="item-page"><div class="date-badge"><span class="day">05</span><span class="month">Th9</span>'
             '<span class="year">2025</span></div><h2>Y Tý - thiên đường săn mây mùa lúa chín</h2>'
             f'<p>{V}</p><p>{W}</p></div>')
    top = '<div class="top"><span class="date">Thứ Hai, 03/11/2025</span></div>'
    a = _article(_page(top + badge))
    assert a.published_at == "2025-09-05T00:00:00+07:00"
    assert not a.body.startswith("05")
    en = _article(_page(badge.replace("Th9", "Sep")))
    assert en.published_at.startswith("2025-09-05")


def test_a_credit_printed_before_the_lead_is_the_writer():
    a = _article(_page(_news(head="", after_title="") .replace(
        f'<div class="content"><p>{V}</p>',
        f'<div class="content"><p style="text-align: right;"><em>Bài và ảnh: Hoàng Thu</em></p><p>{V}</p>')))
    assert a.author == "Hoàng Thu"
    assert a.body.startswith(V[:40])


def test_the_view_count_cut_from_a_breadcrumb_is_linear_on_long_runs():
    # the cut once tried its label after every space (quadratic; bench/regex_scaling.py found
    # it): on 100,000 spaces it would take hours, now a moment. (Its caller reads breadcrumbs of
    # at most 150 characters; the pattern must not depend on that.)
    from govnews.parsers.generic import _COUNT_AT_END
    assert _COUNT_AT_END.search(" " * 100_000) is None
    assert _COUNT_AT_END.sub("", "Thông tin dịch bệnh" + " " * 100_000 + "Lượt xem: 1.234").strip() \
        == "Thông tin dịch bệnh"
