"""The classes of VN set 33 (blind: provincial departments and agencies on new platforms), each on a
small page of its own: a broadcast's crew beside its reporter; K2's account byline over its extra
field 'Tác giả:'; K2's 'Thông tin thêm' heading and 'Cập nhật lần cuối vào …' line under the text;
an item's own category ('Đăng trong', a blog entry's footer, a form's row) under a breadcrumb that
stops at the section; a teacher's class after her name; a .vn portal's English page dated in UTC;
a statistics widget's page views; a video.js fallback and an airing line. Every case fails on the
parsers before the fix."""
from __future__ import annotations

import pytest

from govnews.parsers.extract import parse_page

_TEXT = ["Trong 7 tháng đầu năm, Thuế cơ sở 3 thu ngân sách đạt 68% dự toán, tăng 12% so với cùng kỳ, trong đó thu "
         "từ hộ kinh doanh tăng mạnh nhờ mở rộng hóa đơn điện tử.",
         "Đơn vị tập trung đôn đốc thu hồi nợ đọng, đẩy mạnh kiểm tra sau hoàn thuế và hỗ trợ người nộp thuế chuyển "
         "đổi sang phương thức kê khai mới."]
_URL = "https://thuecoso3.nghean.gov.vn/index.php/tin-tuc/item/1452-thu-ngan-sach-7-thang"


def _page(article: str, *, crumb: str = "Tin tức", lang: str = "vi", url_title: str = "Thu ngân sách 7 tháng") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{url_title}</title></head><body>'
            '<div class="header">THUẾ CƠ SỞ 3 TỈNH NGHỆ AN</div><ul class="menu"><li><a href="/">Trang chủ</a></li>'
            f'<li><a href="/index.php/tin-tuc">{crumb}</a></li></ul><div class="breadcrumb"><a href="/">Trang chủ</a> / '
            f'<a class="pathway" href="/index.php/tin-tuc">{crumb}</a></div><div class="col-main">{article}</div>'
            '<div class="footer">Địa chỉ: số 1 đường Lê Lợi, thành phố Vinh</div></body></html>').encode()


def _k2(extra: str = "", after: str = "") -> str:
    return ('<div class="itemView"><span class="itemDateCreated">Thứ năm, 14 Tháng 8 2025 16:20</span>'
            '<h2 class="itemTitle">Thuế cơ sở 3 thu ngân sách 7 tháng đạt 68% dự toán</h2>'
            '<span class="itemAuthor">Viết bởi <a rel="author" href="/index.php/tin-tuc/itemlist/user/42-superuser">'
            'Super User</a></span><div class="itemBody"><div class="itemFullText">'
            + "".join(f"<p>{p}</p>" for p in _TEXT) + f'</div>{extra}{after}</div></div>')


def test_k2s_account_byline_gives_way_to_its_extra_field_writer():
    extra = ('<div class="itemExtraFields"><h3>Thông tin thêm</h3><ul><li><span class="itemExtraFieldsLabel">Tác giả:'
             '</span> <span class="itemExtraFieldsValue">Tổ Tuyên truyền - Hỗ trợ người nộp thuế</span></li></ul></div>')
    after = '<div class="itemDateModified">Cập nhật lần cuối vào Thứ bảy, 06 Tháng 9 2025 10:30</div>'
    a = parse_page(_page(_k2(extra, after)), _URL, {}).article
    assert a.author == "Tổ Tuyên truyền - Hỗ trợ người nộp thuế"
    assert a.body == "\n\n".join(_TEXT)


def test_k2s_posted_in_line_names_the_category_under_a_section_breadcrumb():
    extra = ('<div class="itemCategory"><span>Đăng trong</span> <a href="/index.php/tin-tuc/itemlist/category/8-tin-hoat-'
             'dong">Tin hoạt động</a></div>')
    a = parse_page(_page(_k2(extra)), _URL, {}, profile="generic").article
    assert a.category == "Tin hoạt động"


def test_a_blog_entrys_footer_category_under_a_section_breadcrumb():
    entry = ('<div class="widget-mode-detail"><h3 class="title">Cứu sống bệnh nhân ngừng tuần hoàn do ngộ độc nấm</h3>'
             '<div class="entry-date">14/08/2025 16:20</div><div class="widget-content">' + "".join(f"<p>{p}</p>" for p in _TEXT)
             + '</div><div class="widget-footer"><span class="categories">Chuyên mục: <a class="label" href="/web/guest/'
             'tin-tuc/-/blogs/categories/hoat-dong-chuyen-mon">Hoạt động chuyên môn</a></span></div></div>')
    a = parse_page(_page(entry), "https://bvdk.sonla.gov.vn/web/guest/tin-tuc/-/blogs/cuu-song-benh-nhan", {},
                   profile="generic").article
    assert a.category == "Hoạt động chuyên môn"


@pytest.mark.parametrize("signature, author", [
    ("PV: Lò Minh Tuấn - KTV: Quàng Văn Huy", "Lò Minh Tuấn"),
    ("Cô giáo Nguyễn Thị Hà - GVCN lớp 12A1", "Cô giáo Nguyễn Thị Hà - GVCN lớp 12A1"),
])
def test_a_broadcasts_crew_and_a_teachers_class_in_the_signature(signature, author):
    article = ('<h1>Thuế cơ sở 3 thu ngân sách 7 tháng đạt 68% dự toán</h1><div class="date">14/08/2025 16:20</div>'
               '<div class="content">' + "".join(f"<p>{p}</p>" for p in _TEXT)
               + f'<p style="text-align: right;"><strong><em>{signature}</em></strong></p></div>')
    a = parse_page(_page(article), _URL, {}).article
    assert a.author == author
    assert a.body == "\n\n".join(_TEXT)


def test_a_vn_portals_english_page_dated_in_utc_is_written_in_the_portals_zone():
    en = ["The groundbreaking ceremony of the Sunrise precision components factory took place in the Nghi Son "
          "Economic Zone on August 15, with a total investment of 120 million US dollars.",
          "The factory is expected to create jobs for about 3,000 workers when it reaches full capacity in 2027."]
    article = ('<article><h1 class="entry-title">Groundbreaking of Sunrise components factory</h1><div class="entry-meta">'
               '<time class="entry-date published" datetime="2025-08-15T02:30:00+00:00">August 15, 2025</time></div>'
               '<div class="entry-content">' + "".join(f"<p>{p}</p>" for p in en) + '</div></article>'
               '<aside><section class="widget widget_wp_statistics_widget"><h2>VISITOR STATISTICS</h2><ul><li><label>'
               'Online users:</label> 14</li><li><label>Total page views:</label> 3,498,115</li><li><label>Total visitors:'
               '</label> 1,231,870</li></ul></section></aside>')
    a = parse_page(_page(article, lang="en"), "https://bqlkktnghison.thanhhoa.gov.vn/en/news/groundbreaking-sunrise/",
                   {}).article
    assert a.published_at == "2025-08-15T09:30:00+07:00"
    assert a.view_count is None                      # the site's page views, not the article's


def test_a_video_js_fallback_and_an_airing_line_are_not_text():
    article = ('<article><div class="player"><video-js id="v1" class="video-js"><source src="/v.m3u8" type="application/'
               'x-mpegURL"><p class="vjs-no-js">Để xem video này, vui lòng bật JavaScript và sử dụng trình duyệt hỗ trợ '
               'HTML5 video.</p></video-js></div><h1 class="video-title">Cửa khẩu Tây Trang thông quan hơn 500 lượt phương '
               'tiện mỗi tuần</h1><div class="video-meta"><span class="time">07:05 13/10/2025</span> <span class="views">'
               '2.046 lượt xem</span></div><div class="air">Phát sóng: Thời sự sáng 6h30 ngày 13/10/2025</div>'
               f'<div class="video-desc"><p>{_TEXT[0]}</p></div></article>')
    page = _page(article, url_title="Cửa khẩu Tây Trang thông quan hơn 500 lượt phương tiện mỗi tuần - Truyền hình Điện Biên")
    a = parse_page(page, "https://truyenhinh.dienbien.gov.vn/tin-video/1302/cua-khau-tay-trang.html", {}).article
    assert a.body == _TEXT[0]
    assert a.published_at == "2025-10-13T07:05:00+07:00"
